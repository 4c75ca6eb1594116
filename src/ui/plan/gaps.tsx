/** Step 4: the gaps the rules find, each one sentence with the next step as a button. */
import { createSignal, For, Show } from 'solid-js';
import type { ActionId, Contact, Objective } from '../../model/index.ts';
import type { Gap } from '../../model/rules/index.ts';
import { create, moveToTrash } from '../../store/index.ts';
import { showToast } from '../components/toasts.tsx';
import { useSpace } from '../space.tsx';
import { ByKey } from './by-key.tsx';
import { LinkPerson } from './link-person.tsx';
import { Sentence } from './words.tsx';

/** The most important gaps come first; the rest wait behind a button. */
const FIRST_GAPS = 8;
const LINKABLE = new Set<Gap['kind']>(['objective-uncovered', 'objective-cold', 'community-kind-missing']);

/** Creates the action a gap suggests; returns its id, or null when it could not be written. */
export function usePlanFromGap() {
  const { doc } = useSpace();
  return (gap: Gap, over: { dueOn?: string } = {}): ActionId | null => {
    const s = gap.suggestedAction;
    const r = create(doc, 'actions', {
      title: s.title,
      notes: s.notes,
      dueOn: over.dueOn ?? s.dueOn,
      objectiveId: s.objectiveId,
      communityId: s.communityId,
      contactId: s.contactId,
      gapKey: s.gapKey,
    });
    if (!r.ok) {
      showToast('Could not plan the action.');
      return null;
    }
    const id = r.value.id;
    showToast(`Planned: “${s.title}”.`, { label: 'Undo', run: () => moveToTrash(doc, 'actions', id) });
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
  const [showClosed, setShowClosed] = createSignal(false);
  const [showAll, setShowAll] = createSignal(false);
  const shown = () => (showAll() ? props.gaps : props.gaps.slice(0, FIRST_GAPS));
  return (
    <section class="card" aria-labelledby="gaps-title" data-testid="gaps">
      <p class="muted small">Worked out from your objectives, offers, communities and people. Each closes when the network changes or a planned action is done.</p>
      <ul class="gap-list" aria-live="polite">
        <ByKey each={shown()} key={(g) => g.key} fallback={<li class="muted">No gaps right now. Add an objective or a community and Rapport will look again.</li>}>
          {(g) => {
            return (
            <li class="gap" data-testid="gap" data-kind={g().kind} data-status={g().status}>
              <p class="wrap">
                <Sentence text={g().sentence} />
              </p>
              <div class="row">
                <Show
                  when={g().status === 'planned'}
                  fallback={
                    <button
                      type="button"
                      class="primary small-button"
                      onClick={() => {
                        const id = plan(g());
                        if (id) props.onPlanned(id);
                      }}
                    >
                      Plan an action
                    </button>
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
                <Show when={LINKABLE.has(g().kind) ? props.objectives.get(g().objectiveId ?? "") : undefined}>
                  {(o) => <LinkPerson objectiveId={o().id} objectiveTitle={o().title} people={props.people} label="Link a person" />}
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
        <button type="button" class="link small" aria-expanded={showClosed()} onClick={() => setShowClosed(!showClosed())}>
          {props.closed.length === 1 ? '1 gap closed by a done action' : `${props.closed.length} gaps closed by done actions`}
        </button>
        <Show when={showClosed()}>
          <ul class="gap-list closed">
            <For each={props.closed}>
              {(gap) => (
                <li class="gap small muted" data-testid="closed-gap">
                  <Sentence text={gap.sentence} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
