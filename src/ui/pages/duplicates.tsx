/**
 * Possible duplicates, offered for merge. A merge keeps every value of both and
 * can be undone. Each pair shows what each record holds that the other lacks,
 * and its buttons say which record stays. The list is virtualised: a network
 * with hundreds of pairs puts only the few in view on the page.
 */
import { A } from '@solidjs/router';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, createSignal, For, onCleanup, Show, untrack } from 'solid-js';
import type * as Y from 'yjs';
import type { Contact, ContactId } from '../../model/index.ts';
import {
  DuplicateTracker,
  findPlanDuplicates,
  PLAN_NOUNS,
  planTitle,
  recordHoldsMore,
  sureMergeGroups,
  workLine,
  type DuplicatePair,
  type PlanDuplicate,
  type PlanItem,
  type RecordUse,
} from '../../model/rules/index.ts';
import { runInSlices } from '../../model/rules/slices.ts';
import { addNotDuplicates, markNotDuplicates, unmarkNotDuplicates } from '../../store/index.ts';
import { mergeContactGroupsInSteps, mergeContactsInDoc, mergePlanItemsInDoc } from '../../store/merge.ts';
import { fitToViewport } from '../components/people-list.tsx';
import { showToast } from '../components/toasts.tsx';
import { createCollection, createLive, createNotDuplicates, useSpace } from '../space.tsx';
import { grouped } from '../../model/rules/words.ts';

/** Where versions before the document kept them held "not the same person" pairs, on one device only. */
const OLD_DISMISSED = 'rapport.duplicates.dismissed';

/** Moves pairs remembered on this device alone into the document, so that every device knows them. */
function adoptOldDismissals(doc: Y.Doc): void {
  const stored = localStorage.getItem(OLD_DISMISSED);
  if (stored === null) return;
  try {
    const list = JSON.parse(stored) as unknown;
    if (Array.isArray(list))
      addNotDuplicates(
        doc,
        list.filter((x): x is string => typeof x === 'string'),
      );
  } catch {
    // unreadable: nothing to keep
  }
  localStorage.removeItem(OLD_DISMISSED);
}

const addedOn = (item: PlanItem) =>
  new Date(item.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** What a plan item holds beyond its title, in one line. */
function planDetails(item: PlanItem): string {
  const parts: string[] = [`Added ${addedOn(item)}`];
  if ('startsOn' in item && item.startsOn) parts.push(item.startsOn);
  if ('place' in item && item.place) parts.push(item.place);
  const text = 'description' in item ? item.description : item.notes;
  if (text) parts.push(text.split('\n')[0]!.slice(0, 80));
  return parts.join(' · ');
}

/** Objectives, offers, communities and events entered twice (on two devices before pairing, say). */
function PlanDuplicates() {
  const { doc } = useSpace();
  const lists = {
    objectives: createLive('objectives'),
    offers: createLive('offers'),
    communities: createLive('communities'),
    events: createLive('events'),
  };
  const notDuplicates = createNotDuplicates();
  const pairs = createMemo((): PlanDuplicate[] => [
    ...findPlanDuplicates('objectives', lists.objectives(), notDuplicates()),
    ...findPlanDuplicates('offers', lists.offers(), notDuplicates()),
    ...findPlanDuplicates('communities', lists.communities(), notDuplicates()),
    ...findPlanDuplicates('events', lists.events(), notDuplicates()),
  ]);
  const merge = (pair: PlanDuplicate) => {
    const r = mergePlanItemsInDoc(doc, [{ collection: pair.collection, keepId: pair.keep.id, dropId: pair.drop.id }]);
    if (r.result.merged === 0) return showToast('These two could not be merged: one of them changed. Try again.');
    showToast(
      `Merged the two ${PLAN_NOUNS[pair.collection].many} “${planTitle(pair.keep)}”.`,
      { label: 'Undo', run: () => r.undo() },
      15_000,
    );
  };
  const dismiss = (pair: PlanDuplicate) => {
    const at = markNotDuplicates(doc, pair.keep.id as never, pair.drop.id as never);
    showToast(
      `The two “${planTitle(pair.keep)}” will not be offered as duplicates again.`,
      { label: 'Undo', run: () => unmarkNotDuplicates(doc, pair.keep.id as never, pair.drop.id as never, at) },
      15_000,
    );
  };
  return (
    <Show when={pairs().length}>
      <h2>Plan items entered twice</h2>
      <p class="muted">
        The same objective, offer, community or event, entered twice — often on two devices before they were paired.
        Merging keeps the older one, with what only the other had; its people, actions and links move to it.
      </p>
      <ul class="plain-list">
        <For each={pairs()}>
          {(pair) => (
            <li class="card" data-testid="plan-duplicate-pair">
              <p class="mt-0">
                “<span class="wrap">{planTitle(pair.keep)}</span>” is in your {PLAN_NOUNS[pair.collection].many} twice.
              </p>
              <ul class="small muted m-0 pl-m">
                <li class="wrap">{planDetails(pair.keep)} — kept</li>
                <li class="wrap">{planDetails(pair.drop)}</li>
              </ul>
              <div class="row mt-m">
                <button
                  type="button"
                  class="primary"
                  aria-label={`Merge the two ${PLAN_NOUNS[pair.collection].many} “${planTitle(pair.keep)}”`}
                  onClick={() => merge(pair)}
                >
                  Merge the two {PLAN_NOUNS[pair.collection].many}
                </button>
                <button
                  type="button"
                  aria-label={`The two “${planTitle(pair.keep)}” are different`}
                  onClick={() => dismiss(pair)}
                >
                  They are different
                </button>
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** One tracker per document for the session: returning to the page finds the pairs ready, and each change looks up only who changed. */
const trackers = new WeakMap<Y.Doc, DuplicateTracker>();
function trackerFor(doc: Y.Doc): DuplicateTracker {
  let tracker = trackers.get(doc);
  if (!tracker) trackers.set(doc, (tracker = new DuplicateTracker()));
  return tracker;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
// One formatter for the page: toLocaleDateString builds a new one at each call, which shows with hundreds of cards.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayAdded = (iso: string) => dayFormat.format(new Date(iso));
const NO_USE: RecordUse = { interactions: 0, ledger: 0 };

/** One of the two records of a pair: what it holds that the other lacks, and the button that keeps it. */
function PairRecord(props: { person: Contact; other: Contact; use: (id: ContactId) => RecordUse; onKeep: () => void }) {
  const more = () =>
    recordHoldsMore(props.person, props.other, { mine: props.use(props.person.id), theirs: props.use(props.other.id) });
  const added = () => dayAdded(props.person.createdAt);
  return (
    <div class="dup-record" data-testid="duplicate-record">
      <strong class="wrap">{props.person.name}</strong>
      <Show when={workLine(props.person)}>
        <p class="muted small wrap">{workLine(props.person)}</p>
      </Show>
      <p class="small muted">Added {added()}</p>
      <p class="small wrap" data-testid="record-holds">
        <Show when={more().length} fallback={<span class="muted">Nothing the other record lacks.</span>}>
          Only here: {more().join(' · ')}
        </Show>
      </p>
      <button
        type="button"
        class="dup-keep"
        aria-label={`Keep this record: ${props.person.name}, added ${added()}${more().length ? `, with ${more().slice(0, 2).join(', ')}` : ''} — merge the other into it`}
        onClick={() => props.onKeep()}
      >
        Keep this record
      </button>
    </div>
  );
}

export default function Duplicates() {
  const { doc } = useSpace();
  const view = createCollection('contacts');
  const interactions = createLive('interactions');
  const ledger = createLive('ledger');
  adoptOldDismissals(doc);
  const notDuplicates = createNotDuplicates();
  const tracker = trackerFor(doc);
  // The first look at the whole network runs in slices, with its progress shown; after it,
  // each change of the people looks up again only the records it touched (see DuplicateTracker).
  const [looked, setLooked] = createSignal(tracker.built ? 1 : 0);
  if (!tracker.built) {
    let alive = true;
    onCleanup(() => (alive = false));
    const steps = tracker.building(untrack(view).items);
    void runInSlices(
      (function* () {
        for (const share of steps) {
          yield;
          if (alive) setLooked(share);
        }
      })(),
      nextTask,
    ).then(() => alive && setLooked(1));
  }
  const tracked = createMemo(() => {
    if (looked() < 1) return { pairs: [] as DuplicatePair[] };
    tracker.update(view().items);
    return { pairs: tracker.pairs() };
  });
  const pairs = createMemo(() => tracked().pairs.filter((p) => !notDuplicates().has(p.key)));
  const sure = createMemo(() => pairs().filter((p) => p.certain));
  const use = createMemo(() => {
    const counts = new Map<ContactId, RecordUse>();
    const bump = (id: ContactId, field: keyof RecordUse) => {
      const c = counts.get(id) ?? { ...NO_USE };
      c[field]++;
      counts.set(id, c);
    };
    for (const i of interactions()) for (const id of i.contactIds) bump(id, 'interactions');
    for (const e of ledger()) bump(e.contactId, 'ledger');
    return counts;
  });
  const useOf = (id: ContactId) => use().get(id) ?? NO_USE;
  const person = (id: ContactId) => view().byId.get(id);

  const dismiss = (a: Contact, b: Contact) => {
    const at = markNotDuplicates(doc, a.id, b.id);
    showToast(
      `${a.name} and ${b.name} will not be offered as duplicates again.`,
      { label: 'Undo', run: () => unmarkNotDuplicates(doc, a.id, b.id, at) },
      15_000,
    );
  };
  const merge = (keep: Contact, drop: Contact) => {
    const r = mergeContactsInDoc(doc, keep.id, drop.id);
    if (!r.ok) return showToast('These two could not be merged: one of them changed. Try again.');
    showToast(
      `Merged the other record of ${drop.name} into ${keep.name} (added ${dayAdded(keep.createdAt)}).`,
      { label: 'Undo', run: () => r.value.undo() },
      15_000,
    );
  };
  const [merging, setMerging] = createSignal<{ done: number; total: number } | null>(null);
  const mergeAllSure = async () => {
    if (merging()) return;
    const groups = sureMergeGroups(sure(), view().byId as ReadonlyMap<ContactId, Contact>);
    setMerging({ done: 0, total: groups.length });
    const r = await mergeContactGroupsInSteps(doc, groups, {
      onProgress: (done, total) => setMerging({ done, total }),
    });
    setMerging(null);
    const n = r.result.merged;
    showToast(
      `Merged ${grouped(n)} ${n === 1 ? 'record' : 'records'} into ${grouped(groups.length)} ${groups.length === 1 ? 'person' : 'people'}.`,
      { label: 'Undo', run: () => r.undo() },
      20_000,
    );
  };

  let scroller!: HTMLDivElement;
  const virtualizer = createVirtualizer({
    get count() {
      return pairs().length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => 260,
    overscan: 3,
    getItemKey: (i) => pairs()[i]?.key ?? i,
  });
  fitToViewport(() => scroller);

  return (
    <section aria-labelledby="dup-title">
      <p class="small">
        <A class="back-link" href="/people">
          ← People
        </A>
      </p>
      <h1 id="dup-title">Possible duplicates</h1>
      <p class="muted">
        People who may be one person. A merge keeps everything of both and can be undone: the record you keep keeps its
        name and role, and what differs in the other goes into its notes.
      </p>
      <PlanDuplicates />
      <Show when={looked() < 1}>
        <p role="status" data-testid="duplicates-looking">
          Looking for duplicates among {grouped(untrack(view).items.length)} people… {Math.round(looked() * 100)}%
        </p>
      </Show>
      <Show when={looked() === 1 && pairs().length === 0}>
        <p class="empty">No duplicate people found.</p>
      </Show>
      <Show when={pairs().length}>
        <div class="row dup-summary">
          <p class="m-0" data-testid="duplicate-count">
            {grouped(pairs().length)} possible {pairs().length === 1 ? 'pair' : 'pairs'}
            <Show when={sure().length}>
              , {grouped(sure().length)} of them sure (a shared email, phone or profile, or one name at one
              organisation)
            </Show>
            .
          </p>
          <Show when={sure().length && !merging()}>
            <button type="button" class="primary" onClick={() => void mergeAllSure()}>
              Merge all {grouped(sure().length)} sure {sure().length === 1 ? 'match' : 'matches'}
            </button>
          </Show>
          <Show when={merging()}>
            {(m) => (
              <p role="status" class="dup-merging">
                Merging… {grouped(m().done)} of {grouped(m().total)}
              </p>
            )}
          </Show>
        </div>
      </Show>
      <div
        class="list-scroller dup-list"
        ref={scroller}
        role="list"
        aria-label="Possible duplicate people"
        tabindex="-1"
        hidden={pairs().length === 0}
      >
        <div class="list-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          <For each={virtualizer.getVirtualItems()}>
            {(row) => (
              <Show when={pairs()[row.index]}>
                {(pair) => {
                  // The older record first: the one "merge all" keeps.
                  const records = () => {
                    const [x, y] = [person(pair().aId), person(pair().bId)];
                    return x && y && y.createdAt < x.createdAt ? [y, x] : [x, y];
                  };
                  const a = () => records()[0];
                  const b = () => records()[1];
                  return (
                    <div
                      role="listitem"
                      data-index={row.index}
                      ref={(el) => queueMicrotask(() => virtualizer.measureElement(el))}
                      class="dup-row"
                      style={{ transform: `translateY(${row.start}px)` }}
                    >
                      <Show when={a() && b()}>
                        <div class="card dup-pair" data-testid="duplicate-pair">
                          <p class="wrap" data-testid="pair-sentence">
                            {pair().sentence}
                            <Show when={!pair().certain}> Only the name agrees: check before merging.</Show>
                          </p>
                          <div class="dup-records">
                            <PairRecord person={a()!} other={b()!} use={useOf} onKeep={() => merge(a()!, b()!)} />
                            <PairRecord person={b()!} other={a()!} use={useOf} onKeep={() => merge(b()!, a()!)} />
                          </div>
                          <button
                            type="button"
                            onClick={() => dismiss(a()!, b()!)}
                            aria-label={`${a()!.name} and ${b()!.name} are not the same person`}
                          >
                            Not the same person
                          </button>
                        </div>
                      </Show>
                    </div>
                  );
                }}
              </Show>
            )}
          </For>
        </div>
      </div>
    </section>
  );
}
