/** Step 1: what I want from networking, and what I can offer — two first-class lists side by side. */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  type Community,
  type Contact,
  type Objective,
  type Offer,
} from '../../model/index.ts';
import { SUGGESTED_COMMUNITY_KINDS } from '../../model/rules/index.ts';
import { DateField, SelectField, TextField } from '../components/fields.tsx';
import { showToast } from '../components/toasts.tsx';
import { createLive } from '../space.tsx';
import { useWrites } from '../writes.ts';
import { AddTitled } from '../components/add-titled.tsx';
import { ByKey, idOf } from './by-key.tsx';
import { byName, toggled } from '../lists.ts';
import { LinkPerson } from './link-person.tsx';
import { HelperSuggestions, OfferSuggestions } from '../components/suggestions.tsx';
import {
  Day,
  OBJECTIVE_KIND_LABELS,
  OBJECTIVE_STATUS_LABELS,
  OFFER_KIND_LABELS,
  OFFER_STATUS_LABELS,
  options,
} from '../words.tsx';

const byCreated = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);

export function ObjectivesAndOffers(props: { people: readonly Contact[]; today: string }) {
  const objectives = createLive('objectives');
  const offers = createLive('offers');
  const communities = createLive('communities');
  return (
    <div class="plan-columns">
      <ObjectiveList objectives={[...objectives()].sort(byCreated)} people={props.people} today={props.today} />
      <OfferList
        offers={[...offers()].sort(byCreated)}
        communities={[...communities()].sort(byName)}
        today={props.today}
      />
    </div>
  );
}

function useTrash() {
  const write = useWrites();
  return (collection: 'objectives' | 'offers', id: Objective['id'] | Offer['id'], title: string) => {
    write.trash(collection, id as never);
    showToast(`“${title}” moved to the Trash.`, {
      label: 'Undo',
      run: () => write.restore(collection, id as never),
    });
  };
}

function ObjectiveList(props: { objectives: Objective[]; people: readonly Contact[]; today: string }) {
  const write = useWrites();
  // Who can help with each objective, in one pass over the people (not one per objective), by name.
  const helpers = createMemo(() => {
    const byObjective = new Map<string, Contact[]>();
    for (const p of props.people)
      for (const id of p.objectiveIds) {
        const list = byObjective.get(id);
        if (list) list.push(p);
        else byObjective.set(id, [p]);
      }
    for (const list of byObjective.values()) list.sort(byName);
    return byObjective;
  });
  return (
    <section class="card plan-list" aria-labelledby="objectives-title" data-testid="objectives">
      <h2 id="objectives-title">What you want</h2>
      <p class="muted small">
        What you hope networking brings: learning a field, a new role, support for a project, being known, clients.
      </p>
      <AddTitled
        legend="Add an objective"
        titleLabel="New objective"
        placeholder="e.g. Find a mentor in climate tech"
        kinds={options(OBJECTIVE_KIND_LABELS)}
        defaultKind="other"
        submitLabel="Add objective"
        onAdd={(title, kind) => write.add('objectives', { title, kind }).problem}
      />
      <ul class="plan-items">
        <ByKey
          each={props.objectives}
          key={idOf}
          fallback={<li class="muted small">No objectives yet. Write down one thing you want from your network.</li>}
        >
          {(o) => (
            <ObjectiveItem
              objective={o()}
              helpers={helpers().get(o().id) ?? NOBODY}
              people={props.people}
              today={props.today}
            />
          )}
        </ByKey>
      </ul>
    </section>
  );
}

const NOBODY: readonly Contact[] = [];
/** Helpers named under an objective before "and N more". */
const CHIPS_SHOWN = 12;

function ObjectiveItem(props: {
  objective: Objective;
  /** The people linked to it, by name. */
  helpers: readonly Contact[];
  people: readonly Contact[];
  today: string;
}) {
  const commit = useWrites().field;
  const trash = useTrash();
  const id = () => props.objective.id;
  const [editing, setEditing] = createSignal(false);
  const editId = createUniqueId();
  const helpers = () => props.helpers;
  const [allHelpers, setAllHelpers] = createSignal(false);
  const suggested = () => SUGGESTED_COMMUNITY_KINDS[props.objective.kind];
  return (
    <li class="plan-item" data-testid="objective" data-status={props.objective.status}>
      <div class="plan-item-head">
        <h3 class="wrap">{props.objective.title}</h3>
        <button
          type="button"
          class="small-button"
          aria-expanded={editing()}
          aria-controls={editId}
          onClick={() => setEditing(!editing())}
          aria-label={`Edit ${props.objective.title}`}
        >
          {editing() ? 'Close' : 'Edit'}
        </button>
      </div>
      <p class="meta small">
        <span>{OBJECTIVE_KIND_LABELS[props.objective.kind]}</span>
        <Show when={props.objective.status !== 'active'}>
          <span class="badge">{OBJECTIVE_STATUS_LABELS[props.objective.status]}</span>
        </Show>
        <Show when={props.objective.targetOn}>
          <span>
            by <Day on={props.objective.targetOn} today={props.today} />
          </span>
        </Show>
      </p>
      <Show when={props.objective.description}>
        <p class="small wrap prose">{props.objective.description}</p>
      </Show>
      <div class="helpers small">
        <Show when={helpers().length} fallback={<span class="muted">Nobody linked who can help yet.</span>}>
          <span class="muted">Can help: </span>
          <ul class="chips inline">
            <For each={allHelpers() ? helpers() : helpers().slice(0, CHIPS_SHOWN)}>
              {(p) => (
                <li class="chip">
                  <span>{p.name}</span>
                </li>
              )}
            </For>
          </ul>
          {/* Hundreds of names are screens of chips on a phone (and a slow first render): the first few, then all on request. */}
          <Show when={!allHelpers() && helpers().length > CHIPS_SHOWN}>
            <button type="button" class="link small" onClick={() => setAllHelpers(true)}>
              and {helpers().length - CHIPS_SHOWN} more — show all
            </button>
          </Show>
        </Show>
      </div>
      <HelperSuggestions objective={props.objective} />
      <LinkPerson objectiveId={id()} objectiveTitle={props.objective.title} people={props.people} />
      <Show when={editing()}>
        <div id={editId} class="plan-edit">
          <TextField label="Objective" value={props.objective.title} onCommit={commit('objectives', id, 'title')} />
          <TextField
            label="Description"
            multiline
            value={props.objective.description}
            onCommit={commit('objectives', id, 'description')}
          />
          <div class="grid-2">
            <SelectField
              label="Kind"
              value={props.objective.kind}
              options={options(OBJECTIVE_KIND_LABELS)}
              onCommit={commit('objectives', id, 'kind')}
            />
            <SelectField
              label="Status"
              value={props.objective.status}
              options={options(OBJECTIVE_STATUS_LABELS)}
              onCommit={commit('objectives', id, 'status')}
            />
            <DateField
              label="Target date"
              value={props.objective.targetOn}
              onCommit={commit('objectives', id, 'targetOn')}
            />
          </div>
          <fieldset class="checks">
            <legend>Communities it needs</legend>
            <p class="hint small muted">
              {props.objective.communityKinds.length
                ? 'Only the kinds you tick count.'
                : suggested().length
                  ? `Nothing ticked: Rapport suggests ${suggested()
                      .map((k) => COMMUNITY_KIND_LABELS[k].toLowerCase())
                      .join(', ')}.`
                  : 'Nothing ticked: any community will do.'}
            </p>
            <For each={COMMUNITY_KINDS}>
              {(k) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={props.objective.communityKinds.includes(k)}
                    onChange={(e) =>
                      commit(
                        'objectives',
                        id,
                        'communityKinds',
                      )(toggled(props.objective.communityKinds, k, e.currentTarget.checked))
                    }
                  />
                  <span>{COMMUNITY_KIND_LABELS[k]}</span>
                </label>
              )}
            </For>
          </fieldset>
          <button type="button" class="danger" onClick={() => trash('objectives', id(), props.objective.title)}>
            Move to Trash
          </button>
        </div>
      </Show>
    </li>
  );
}

function OfferList(props: { offers: Offer[]; communities: Community[]; today: string }) {
  const write = useWrites();
  return (
    <section class="card plan-list" aria-labelledby="offers-title" data-testid="offers">
      <h2 id="offers-title">What you can offer</h2>
      <p class="muted small">Skills, knowledge, introductions, time, resources — what others might value from you.</p>
      <AddTitled
        legend="Add an offer"
        titleLabel="New offer"
        placeholder="e.g. Kubernetes cost review"
        kinds={options(OFFER_KIND_LABELS)}
        defaultKind="skill"
        submitLabel="Add offer"
        onAdd={(title, kind) => write.add('offers', { title, kind }).problem}
      />
      <ul class="plan-items">
        <ByKey
          each={props.offers}
          key={idOf}
          fallback={<li class="muted small">No offers yet. What could you give that others would value?</li>}
        >
          {(o) => <OfferItem offer={o()} communities={props.communities} today={props.today} />}
        </ByKey>
      </ul>
    </section>
  );
}

function OfferItem(props: { offer: Offer; communities: Community[]; today: string }) {
  const commit = useWrites().field;
  const trash = useTrash();
  const id = () => props.offer.id;
  const [editing, setEditing] = createSignal(false);
  const editId = createUniqueId();
  const receivers = () => props.communities.filter((c) => props.offer.communityIds.includes(c.id));
  return (
    <li class="plan-item" data-testid="offer" data-status={props.offer.status}>
      <div class="plan-item-head">
        <h3 class="wrap">{props.offer.title}</h3>
        <button
          type="button"
          class="small-button"
          aria-expanded={editing()}
          aria-controls={editId}
          onClick={() => setEditing(!editing())}
          aria-label={`Edit ${props.offer.title}`}
        >
          {editing() ? 'Close' : 'Edit'}
        </button>
      </div>
      <p class="meta small">
        <span>{OFFER_KIND_LABELS[props.offer.kind]}</span>
        <Show when={props.offer.status !== 'active'}>
          <span class="badge">{OFFER_STATUS_LABELS[props.offer.status]}</span>
        </Show>
        <Show when={props.offer.targetOn}>
          <span>
            by <Day on={props.offer.targetOn} today={props.today} />
          </span>
        </Show>
      </p>
      <Show when={props.offer.description}>
        <p class="small wrap prose">{props.offer.description}</p>
      </Show>
      <p class="small wrap">
        <Show when={receivers().length} fallback={<span class="muted">Not meant for any community yet.</span>}>
          <span class="muted">For: </span>
          {receivers()
            .map((c) => c.name)
            .join(', ')}
        </Show>
      </p>
      <OfferSuggestions offer={props.offer} />
      <Show when={editing()}>
        <div id={editId} class="plan-edit">
          <TextField label="Offer" value={props.offer.title} onCommit={commit('offers', id, 'title')} />
          <TextField
            label="Description"
            multiline
            value={props.offer.description}
            onCommit={commit('offers', id, 'description')}
          />
          <div class="grid-2">
            <SelectField
              label="Kind"
              value={props.offer.kind}
              options={options(OFFER_KIND_LABELS)}
              onCommit={commit('offers', id, 'kind')}
            />
            <SelectField
              label="Status"
              value={props.offer.status}
              options={options(OFFER_STATUS_LABELS)}
              onCommit={commit('offers', id, 'status')}
            />
            <DateField label="Target date" value={props.offer.targetOn} onCommit={commit('offers', id, 'targetOn')} />
          </div>
          <fieldset class="checks">
            <legend>For communities</legend>
            <Show
              when={props.communities.length}
              fallback={<p class="muted small">No communities yet — add them on the Map.</p>}
            >
              <For each={props.communities}>
                {(c) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={props.offer.communityIds.includes(c.id)}
                      onChange={(e) =>
                        commit(
                          'offers',
                          id,
                          'communityIds',
                        )(toggled(props.offer.communityIds, c.id, e.currentTarget.checked))
                      }
                    />
                    <span class="wrap">{c.name}</span>
                  </label>
                )}
              </For>
            </Show>
          </fieldset>
          <button type="button" class="danger" onClick={() => trash('offers', id(), props.offer.title)}>
            Move to Trash
          </button>
        </div>
      </Show>
    </li>
  );
}
