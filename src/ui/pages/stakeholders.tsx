/** Stakeholders: for an objective, place people by power and interest; each quadrant suggests how often to reach out. */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Contact, ObjectiveId } from '../../model/index.ts';
import {
  cadenceAdvice,
  placedFor,
  positionsFor,
  QUADRANT_ADVICE,
  QUADRANTS,
  quadrantOf,
  stakeholderGrid,
  suggestedCadence,
  type Quadrant,
} from '../../model/rules/index.ts';
import { placeForObjective } from '../../store/index.ts';
import { showToast } from '../components/toasts.tsx';
import { byName } from '../lists.ts';
import { LinkPerson } from '../plan/link-person.tsx';
import { StakeholderGrid } from '../plan/stakeholder-grid.tsx';
import { createLive, useSpace } from '../space.tsx';
import { cadenceWords } from '../../model/rules/index.ts';
import '../plan/plan.css';
import { useWrites } from '../writes.ts';

/**
 * Where "Add to grid" puts someone: low on both axes (monitor), ready to be
 * moved, a little apart from the last few added so their names do not stack.
 */
const startFor = (placedCount: number) => ({ power: 30 - (placedCount % 4) * 6, interest: 12 + (placedCount % 5) * 7 });
const EVERYONE = '';
/** Unplaced people listed at once; a filter finds the rest. */
const SHOWN = 10;

export default function Stakeholders() {
  const { doc } = useSpace();
  const write = useWrites();
  const objectives = createLive('objectives');
  const contacts = createLive('contacts');
  const [objectiveId, setObjectiveId] = createSignal<string>(EVERYONE);
  const [announcement, setAnnouncement] = createSignal('');
  const active = createMemo(() => objectives().filter((o) => o.status === 'active'));
  const objective = () => objectives().find((o) => o.id === objectiveId());
  const people = createMemo(() => {
    const id = objectiveId();
    return contacts()
      .filter((p) => id === EVERYONE || p.objectiveIds.includes(id as ObjectiveId))
      .sort(byName);
  });
  const stakes = createLive('stakes');
  // For an objective, each person stands where they were placed for it; for everyone, where they stand in general.
  const positioned = createMemo(() => {
    const id = objectiveId();
    return id === EVERYONE ? people() : placedFor(people(), positionsFor(id as ObjectiveId, stakes()));
  });
  const save = (p: Contact, stake: { power: number; interest: number }) => {
    const id = objectiveId();
    if (id === EVERYONE) write.update('contacts', p.id, stake);
    else placeForObjective(doc, p.id, id as ObjectiveId, stake);
  };
  const byId = createMemo(() => new Map(positioned().map((p) => [p.id as string, p])));
  const grid = createMemo(() => stakeholderGrid(positioned()));
  const placed = createMemo(() => positioned().filter((p) => quadrantOf(p) !== null));
  const unplaced = createMemo(() =>
    grid()
      .unplaced.map((id) => byId().get(id))
      .filter((p): p is Contact => !!p),
  );
  const [filter, setFilter] = createSignal('');
  const matching = createMemo(() => {
    const q = filter().trim().toLowerCase();
    return q ? unplaced().filter((p) => p.name.toLowerCase().includes(q)) : unplaced();
  });
  const shownUnplaced = () => matching().slice(0, SHOWN);

  const setCadence = (list: Contact[], days: number) => {
    const before = list.map((p) => [p.id, p.cadenceDays] as const);
    for (const p of list) write.update('contacts', p.id, { cadenceDays: days });
    showToast(
      list.length === 1
        ? `You will keep in touch with ${list[0]?.name} ${cadenceWords(days)}.`
        : `You will keep in touch with ${list.length} people ${cadenceWords(days)}.`,
      {
        label: 'Undo',
        run: () => before.forEach(([id, d]) => write.update('contacts', id, { cadenceDays: d })),
      },
    );
  };

  return (
    <section aria-labelledby="stake-title" class="stakeholders-page">
      <p class="small">
        <A class="back-link" href="/plan">
          ← Plan
        </A>
      </p>
      <h1 id="stake-title">Stakeholders</h1>
      <p class="muted small">
        Place people by how much say they have (power) and how much they care (interest). The quadrant suggests how
        often to reach out.
      </p>
      <div class="field stake-for">
        <label for="stake-objective">For</label>
        <select id="stake-objective" value={objectiveId()} onChange={(e) => setObjectiveId(e.currentTarget.value)}>
          <option value={EVERYONE}>Everyone</option>
          <For each={active()}>{(o) => <option value={o.id}>{o.title}</option>}</For>
        </select>
      </div>
      <Show when={objective()}>
        {(o) => (
          <div class="row small">
            <span class="muted">
              People who can help with this objective are shown, placed where they stand for it.
            </span>
            <LinkPerson
              objectiveId={o().id}
              objectiveTitle={o().title}
              people={[...contacts()].sort(byName)}
              label="Add a person to it"
            />
          </div>
        )}
      </Show>
      <p class="visually-hidden" aria-live="polite" data-testid="stake-announce">
        {announcement()}
      </p>
      <div class="stake-layout">
        <StakeholderGrid people={placed()} save={save} announce={setAnnouncement} />
        <aside class="card unplaced" aria-labelledby="unplaced-title">
          <h2 id="unplaced-title">Not on the grid yet</h2>
          <Show when={unplaced().length > SHOWN}>
            <label for="unplaced-filter">Find a person</label>
            <input
              id="unplaced-filter"
              type="search"
              autocomplete="off"
              value={filter()}
              onInput={(e) => setFilter(e.currentTarget.value)}
            />
          </Show>
          <ul class="picker-list">
            <For
              each={shownUnplaced()}
              fallback={
                <li class="muted small">{people().length ? 'Everyone here is placed.' : 'Nobody here yet.'}</li>
              }
            >
              {(p) => (
                <li>
                  <button
                    type="button"
                    onClick={() => {
                      save(p, startFor(placed().length));
                      setAnnouncement(
                        `${p.name} added to the grid: ${QUADRANT_ADVICE.monitor.label}. Focus their name on the grid and use the arrow keys to move them.`,
                      );
                    }}
                    aria-label={`Add ${p.name} to the grid`}
                  >
                    <span class="truncate">{p.name}</span>
                    <span class="muted small">Add</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <Show when={matching().length > SHOWN}>
            <p class="muted small">and {matching().length - SHOWN} more — type to narrow.</p>
          </Show>
        </aside>
      </div>
      <h2>How often to reach out</h2>
      <div class="quadrant-cards">
        <For each={QUADRANTS}>
          {(q) => (
            <QuadrantCard
              q={q}
              people={grid()
                [q].map((id) => byId().get(id))
                .filter((p): p is Contact => !!p)}
              setCadence={setCadence}
            />
          )}
        </For>
      </div>
    </section>
  );
}

function QuadrantCard(props: { q: Quadrant; people: Contact[]; setCadence: (list: Contact[], days: number) => void }) {
  const advice = () => QUADRANT_ADVICE[props.q];
  const days = () => suggestedCadence(props.q);
  const slower = () => props.people.filter((p) => cadenceAdvice(p) !== null);
  return (
    <section class="card quadrant-card" data-quadrant={props.q} data-testid="quadrant" aria-labelledby={`q-${props.q}`}>
      <h3 id={`q-${props.q}`}>
        {advice().label} <span class="muted small">· {cadenceWords(days())}</span>
      </h3>
      <p class="small">{advice().advice}</p>
      <ul class="quadrant-people small">
        <For each={props.people} fallback={<li class="muted">Nobody here.</li>}>
          {(p) => (
            <li class="wrap">
              <A href={`/people/${p.id}`}>{p.name}</A>
              <span class="muted">
                {' '}
                — {p.cadenceDays ? `keep in touch ${cadenceWords(p.cadenceDays)}` : 'no rhythm yet'}
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={slower().length}>
        <button type="button" class="small-button" onClick={() => props.setCadence(slower(), days())}>
          Set keep-in-touch to every {days()} days
          {slower().length > 1 ? ` for ${slower().length} people` : ` for ${slower()[0]?.name}`}
        </button>
      </Show>
    </section>
  );
}
