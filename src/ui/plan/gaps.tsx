/** Step 4: the gaps the rules find, each one sentence with the next step as a button. */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { ActionId, Contact, ContactId, Objective } from '../../model/index.ts';
import { askTitle, findHelperTitle, mightHelpSentence, type Gap } from '../../model/rules/index.ts';
import { showToast } from '../components/toasts.tsx';
import { useWrites } from '../writes.ts';
import { ByKey } from './by-key.tsx';
import { firstByName } from '../components/person-picker.tsx';
import { LinkPerson } from './link-person.tsx';
import { useSuggestions } from '../components/suggestions.tsx';
import { Sentence } from '../words.tsx';

/** The most important gaps come first; the rest wait behind a button. */
const FIRST_GAPS = 8;
/** People who can help offered in a gap's "with" select, besides the person it names and the suggested ones. */
const CAN_HELP_CHOICES = 12;
const LINKABLE = new Set<Gap['kind']>(['objective-uncovered', 'objective-cold', 'community-kind-missing']);

/** Creates the action a gap suggests; returns its id, or null when it could not be written. */
export function usePlanFromGap() {
  const writes = useWrites();
  return (gap: Gap, over: { dueOn?: string; title?: string; contactId?: ContactId | null } = {}): ActionId | null => {
    const s = { ...gap.suggestedAction, ...over };
    const r = writes.add('actions', {
      title: s.title,
      notes: s.notes,
      dueOn: s.dueOn,
      objectiveId: s.objectiveId,
      communityId: s.communityId,
      contactId: s.contactId,
      gapKey: s.gapKey,
    });
    if (!r.ok) {
      showToast(`Could not plan the action. ${r.problem}`);
      return null;
    }
    const id = r.value.id;
    showToast(`Planned: ${s.title}.`, { label: 'Undo', run: () => writes.trash('actions', id) });
    return id;
  };
}

export function GapList(props: {
  gaps: Gap[];
  closed: Gap[];
  objectives: ReadonlyMap<string, Objective>;
  people: readonly Contact[];
  actionTitle: (id: ActionId) => string | null;
  onPlanned: (id: ActionId) => void;
}) {
  const plan = usePlanFromGap();
  const objectiveOf = (g: Gap) =>
    LINKABLE.has(g.kind) && g.objectiveId ? props.objectives.get(g.objectiveId) : undefined;
  const [showClosed, setShowClosed] = createSignal(false);
  const [showAll, setShowAll] = createSignal(false);
  const shown = () => (showAll() ? props.gaps : props.gaps.slice(0, FIRST_GAPS));
  return (
    <section class="card" aria-labelledby="gaps-title" data-testid="gaps">
      <p class="muted small">
        Worked out from your objectives, offers, communities and people. Each closes when the network changes or a
        planned action is done.
      </p>
      <ul class="gap-list" aria-live="polite">
        <ByKey
          each={shown()}
          key={(g) => g.key}
          fallback={
            <li class="muted">No gaps right now. Add an objective or a community and Rapport will look again.</li>
          }
        >
          {(g) => {
            return (
              <li class="gap" data-testid="gap" data-kind={g().kind} data-status={g().status}>
                <p class="wrap">
                  <Sentence text={g().sentence} /> <MightHelp gap={g()} objective={objectiveOf(g())} />
                </p>
                <div class="row">
                  <Show
                    when={g().status === 'planned'}
                    fallback={
                      <PlanButton
                        gap={g()}
                        objective={objectiveOf(g())}
                        people={props.people}
                        plan={plan}
                        onPlanned={props.onPlanned}
                      />
                    }
                  >
                    <span class="small planned">
                      Planned:{' '}
                      <For each={g().actionIds}>
                        {(id, i) => (
                          <>
                            {i() > 0 ? ', ' : ''}
                            <button type="button" class="link inline-link" onClick={() => props.onPlanned(id)}>
                              {props.actionTitle(id) ?? 'an action'}
                            </button>
                          </>
                        )}
                      </For>
                    </span>
                  </Show>
                  <Show when={LINKABLE.has(g().kind) ? props.objectives.get(g().objectiveId ?? '') : undefined}>
                    {(o) => (
                      <LinkPerson
                        objectiveId={o().id}
                        objectiveTitle={o().title}
                        people={props.people}
                        label="Link a person"
                      />
                    )}
                  </Show>
                </div>
              </li>
            );
          }}
        </ByKey>
      </ul>
      <Show when={props.gaps.length > FIRST_GAPS}>
        <button type="button" class="small-button" aria-expanded={showAll()} onClick={() => setShowAll(!showAll())}>
          {showAll() ? 'Show the first few' : `Show all ${props.gaps.length} gaps`}
        </button>
      </Show>
      <Show when={props.closed.length}>
        <button
          type="button"
          class="link small"
          aria-expanded={showClosed()}
          onClick={() => setShowClosed(!showClosed())}
        >
          {props.closed.length === 1
            ? '1 gap closed by a done action'
            : `${props.closed.length} gaps closed by done actions`}
        </button>
        <Show when={showClosed()}>
          <ul class="gap-list closed">
            <For each={props.closed}>
              {(gap) => (
                <li class="gap small muted" data-testid="closed-gap">
                  <span class="closed-done">
                    Done: {gap.actionIds.map((id) => props.actionTitle(id) ?? 'an action').join(', ')}.{' '}
                  </span>
                  <Show when={LINKABLE.has(gap.kind)} fallback={<Sentence text={gap.sentence} />}>
                    What remains: <Sentence text={gap.sentence} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

/** "3 people might help: …" after an uncovered objective's sentence, once suggestions are in. */
function MightHelp(props: { gap: Gap; objective: Objective | undefined }) {
  const view = useSuggestions();
  const text = () => {
    if (props.gap.kind !== 'objective-uncovered' || !props.objective || !view) return '';
    const list = view.forObjective(props.objective.id);
    return mightHelpSentence(
      list.slice(0, 3).map((s) => view.person(s.contactId)?.name ?? 'someone'),
      list.length,
    );
  };
  return <>{text()}</>;
}

/**
 * "Plan an action", with whom: for an objective, the best-ranked suggested helper
 * is proposed (or the person the gap names), and the user can pick another or nobody.
 */
function PlanButton(props: {
  gap: Gap;
  objective: Objective | undefined;
  people: readonly Contact[];
  plan: ReturnType<typeof usePlanFromGap>;
  onPlanned: (id: ActionId) => void;
}) {
  const view = useSuggestions();
  const selectId = createUniqueId();
  const [picked, setPicked] = createSignal<string | null>(null);
  const choices = createMemo(() => {
    const o = props.objective;
    if (!o) return [];
    const out: { id: ContactId; label: string }[] = [];
    const seen = new Set<string>();
    const add = (p: Contact | undefined, note: string) => {
      if (!p || seen.has(p.id)) return;
      seen.add(p.id);
      out.push({ id: p.id, label: note ? `${p.name} (${note})` : p.name });
    };
    const named = props.gap.contactId;
    add(named ? props.people.find((p) => p.id === named) : undefined, '');
    for (const s of view?.forObjective(o.id).slice(0, 4) ?? []) add(view?.person(s.contactId), 'suggested');
    const objectiveId = o.id;
    // The first few by name: a select of hundreds of helpers is slow to draw and of no use on a phone;
    // anyone else can be chosen in the planned action's "With", by typing.
    const helpers = props.people.filter((p) => p.objectiveIds.includes(objectiveId));
    for (const p of firstByName(helpers, CAN_HELP_CHOICES)) add(p, 'can help');
    return out;
  });
  /** Until the user picks, the proposal follows the suggestions as they arrive. */
  const proposed = () =>
    props.gap.kind === 'objective-uncovered' || props.gap.contactId ? (choices()[0]?.id ?? '') : '';
  const chosen = () => picked() ?? proposed();
  const go = () => {
    const o = props.objective;
    const s = props.gap.suggestedAction;
    const who = chosen() ? props.people.find((p) => p.id === chosen()) : undefined;
    const over = !o
      ? {}
      : who
        ? { contactId: who.id, title: who.id === s.contactId ? s.title : askTitle(o.title, who.name) }
        : { contactId: null, title: s.contactId ? findHelperTitle(o.title) : s.title };
    const id = props.plan(props.gap, over);
    if (id) props.onPlanned(id);
  };
  return (
    <>
      <button type="button" class="primary small-button" onClick={go}>
        Plan an action
      </button>
      <Show when={props.objective && choices().length}>
        <span class="plan-with small">
          <label for={selectId}>with</label>
          <select
            id={selectId}
            value={chosen()}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data-testid="plan-with"
          >
            <For each={choices()}>{(c) => <option value={c.id}>{c.label}</option>}</For>
            <option value="">Nobody yet</option>
          </select>
        </span>
      </Show>
    </>
  );
}
