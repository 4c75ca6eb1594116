/** The five steps of the first run, each a small form that can be skipped. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  COMMUNITY_KIND_LABELS,
  type CommunityId,
  type CommunityKind,
  type Objective,
  type ObjectiveId,
} from '../../model/index.ts';
import { addDays } from '../../model/rules/index.ts';
import { AddTitled } from '../components/add-titled.tsx';
import { createPlanData } from '../plan/data.ts';
import { usePlanFromGap } from '../plan/gaps.tsx';
import { HelperSuggestions, SuggestionsProvider, useSuggestions } from '../components/suggestions.tsx';
import { OBJECTIVE_KIND_LABELS, OFFER_KIND_LABELS, options, Sentence } from '../words.tsx';
import { createLive } from '../space.tsx';
import { FormError } from '../components/form-error.tsx';
import { useWrites } from '../writes.ts';

/** A first action lands on Today: due within the week Today looks ahead. */
const FIRST_ACTION_DAYS = 7;

export function WantStep() {
  const write = useWrites();
  const objectives = createLive('objectives');
  return (
    <>
      <p>
        What do you want from your network? Learn a field, find a new role, get support for a project, be known in an
        industry, find clients.
      </p>
      <AddTitled
        legend="Add an objective"
        titleLabel="Something you want"
        placeholder="e.g. Find a mentor in climate tech"
        kinds={options(OBJECTIVE_KIND_LABELS)}
        defaultKind="learn"
        submitLabel="Add"
        onAdd={(title, kind) => {
          return write.add('objectives', { title, kind }).problem;
        }}
      />
      <Added items={objectives().map((o) => o.title)} />
    </>
  );
}

export function OfferStep() {
  const write = useWrites();
  const offers = createLive('offers');
  return (
    <>
      <p>
        Networking works both ways. What could you offer others — a skill, knowledge, introductions, time, resources?
      </p>
      <AddTitled
        legend="Add an offer"
        titleLabel="Something you can offer"
        placeholder="e.g. Kubernetes cost review"
        kinds={options(OFFER_KIND_LABELS)}
        defaultKind="skill"
        submitLabel="Add"
        onAdd={(title, kind) => {
          return write.add('offers', { title, kind }).problem;
        }}
      />
      <Added items={offers().map((o) => o.title)} />
    </>
  );
}

export function CommunitiesStep() {
  const write = useWrites();
  const communities = createLive('communities');
  return (
    <>
      <p>
        Which communities are you part of, or want to reach? Your team, other departments, former colleagues, a
        professional body, alumni, a meetup.
      </p>
      <AddTitled<CommunityKind>
        legend="Add a community"
        titleLabel="Community name"
        placeholder="e.g. Platform team"
        kinds={options(COMMUNITY_KIND_LABELS)}
        defaultKind="own-team"
        submitLabel="Add"
        onAdd={(name, kind) => {
          return write.add('communities', { name, kind }).problem;
        }}
      />
      <Added items={communities().map((c) => c.name)} />
    </>
  );
}

export function PeopleStep() {
  const write = useWrites();
  const people = createLive('contacts');
  const communities = createLive('communities');
  const objectives = createLive('objectives');
  const [name, setName] = createSignal('');
  const [communityId, setCommunityId] = createSignal('');
  const [helps, setHelps] = createSignal<string[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const r = write.add('contacts', {
      name: name(),
      communityIds: communityId() ? [communityId() as CommunityId] : [],
      objectiveIds: helps() as ObjectiveId[],
    });
    if (!r.ok) return setError(r.problem);
    setError(null);
    setName('');
    setHelps([]);
  };
  return (
    <>
      <p>Add a few people you know — you can bring in the rest later from your phone or LinkedIn.</p>
      <form class="welcome-person" onSubmit={submit} aria-label="Add a person" data-adds-typed="">
        <div class="field" data-invalid={error() ? '' : undefined}>
          <label for="welcome-name">Name</label>
          <input id="welcome-name" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <FormError message={error()} />
        </div>
        <Show when={communities().length}>
          <div class="field">
            <label for="welcome-community">In community</label>
            <select
              id="welcome-community"
              value={communityId()}
              onChange={(e) => setCommunityId(e.currentTarget.value)}
            >
              <option value="">None</option>
              <For each={communities()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
            </select>
          </div>
        </Show>
        <Show when={objectives().length}>
          <fieldset class="checks">
            <legend>Could help with</legend>
            <For each={objectives()}>
              {(o) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={helps().includes(o.id)}
                    onChange={(e) =>
                      setHelps((h) => (e.currentTarget.checked ? [...h, o.id] : h.filter((x) => x !== o.id)))
                    }
                  />
                  <span class="wrap">{o.title}</span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <button type="submit" class="primary">
          Add person
        </button>
      </form>
      <Added items={people().map((p) => p.name)} />
      <SuggestionsProvider>
        <SuggestedForObjectives objectives={objectives().filter((o) => o.status === 'active')} />
      </SuggestionsProvider>
    </>
  );
}

/** After adding or importing people: who among them might help with each objective, to accept in one tap. */
function SuggestedForObjectives(props: { objectives: Objective[] }) {
  const view = useSuggestions();
  const some = () => props.objectives.filter((o) => (view?.forObjective(o.id).length ?? 0) > 0);
  return (
    <Show when={some().length}>
      <div class="welcome-suggestions" data-testid="welcome-suggestions">
        <p class="small">People you know who might help:</p>
        <For each={some()}>
          {(o) => (
            <section aria-label={`Might help with ${o.title}`}>
              <p class="small wrap">
                <strong>{o.title}</strong>
              </p>
              <HelperSuggestions objective={o} heading={false} />
            </section>
          )}
        </For>
      </div>
    </Show>
  );
}

export function GapsStep() {
  const data = createPlanData();
  const plan = usePlanFromGap();
  // Undefined while the gaps are being found.
  const first = createMemo(() =>
    data
      .report()
      ?.gaps.filter((g) => g.status === 'open')
      .slice(0, 3),
  );
  const [planned, setPlanned] = createSignal<string | null>(null);
  return (
    <>
      <p>
        Rapport works out where your network falls short. Pick one gap and plan a first step; it will be waiting on
        Today.
      </p>
      <Show when={planned()}>
        {(t) => (
          <p class="card" role="status">
            Planned: “{t()}”, due within the week.
          </p>
        )}
      </Show>
      <ul class="gap-list" aria-busy={first() === undefined}>
        <For
          each={first()}
          fallback={
            <li class="muted">
              {first() === undefined
                ? 'Finding gaps…'
                : 'No gaps yet — add an objective or a community and Rapport will find them.'}
            </li>
          }
        >
          {(gap) => (
            <li class="gap" data-testid="welcome-gap">
              <p class="wrap">
                <Sentence text={gap.sentence} />
              </p>
              <button
                type="button"
                class="small-button"
                onClick={() => {
                  if (plan(gap, { dueOn: addDays(data.today(), FIRST_ACTION_DAYS) }))
                    setPlanned(gap.suggestedAction.title);
                }}
              >
                Plan this as a first action
              </button>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

function Added(props: { items: string[] }) {
  return (
    <Show when={props.items.length}>
      <p class="small muted">Added so far:</p>
      <ul class="chips added">
        <For each={props.items}>
          {(t) => (
            <li class="chip">
              <span>{t}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
