/** Possible duplicates, offered for merge. A merge keeps every value of both and can be undone. */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import type { Contact } from '../../model/index.ts';
import { findDuplicates, findPlanDuplicates, PLAN_NOUNS, planTitle, workLine, type PlanDuplicate, type PlanItem } from '../../model/rules/index.ts';
import { addNotDuplicates, markNotDuplicates, unmarkNotDuplicates } from '../../store/index.ts';
import { mergeContactsInDoc, mergePlanItemsInDoc } from '../../store/merge.ts';
import { showToast } from '../components/toasts.tsx';
import { createLive, createNotDuplicates, useSpace } from '../space.tsx';

/** Where versions before the document kept them held "not the same person" pairs, on one device only. */
const OLD_DISMISSED = 'rapport.duplicates.dismissed';

/** Moves pairs remembered on this device alone into the document, so that every device knows them. */
function adoptOldDismissals(doc: Y.Doc): void {
  const stored = localStorage.getItem(OLD_DISMISSED);
  if (stored === null) return;
  try {
    const list = JSON.parse(stored) as unknown;
    if (Array.isArray(list)) addNotDuplicates(doc, list.filter((x): x is string => typeof x === 'string'));
  } catch {
    // unreadable: nothing to keep
  }
  localStorage.removeItem(OLD_DISMISSED);
}

function Summary(props: { person: Contact }) {
  return (
    <div class="card" style={{ margin: 0, flex: '1 1 14rem', 'min-width': 0 }}>
      <strong class="wrap">{props.person.name}</strong>
      <Show when={workLine(props.person)}>
        <p class="muted small wrap" style={{ margin: '0.2rem 0' }}>
          {workLine(props.person)}
        </p>
      </Show>
      <p class="small wrap" style={{ margin: 0 }}>
        {[...props.person.emails, ...props.person.phones].join(' · ')}
      </p>
    </div>
  );
}

const addedOn = (item: PlanItem) => new Date(item.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

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
  const lists = { objectives: createLive('objectives'), offers: createLive('offers'), communities: createLive('communities'), events: createLive('events') };
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
    showToast(`Merged the two ${PLAN_NOUNS[pair.collection].many} “${planTitle(pair.keep)}”.`, { label: 'Undo', run: () => r.undo() }, 15_000);
  };
  const dismiss = (pair: PlanDuplicate) => {
    const at = markNotDuplicates(doc, pair.keep.id as never, pair.drop.id as never);
    showToast(`The two “${planTitle(pair.keep)}” will not be offered as duplicates again.`, { label: 'Undo', run: () => unmarkNotDuplicates(doc, pair.keep.id as never, pair.drop.id as never, at) }, 15_000);
  };
  return (
    <Show when={pairs().length}>
      <h2>Plan items entered twice</h2>
      <p class="muted">The same objective, offer, community or event, entered twice — often on two devices before they were paired. Merging keeps the older one, with what only the other had; its people, actions and links move to it.</p>
      <ul style={{ 'list-style': 'none', padding: 0 }}>
        <For each={pairs()}>
          {(pair) => (
            <li class="card" data-testid="plan-duplicate-pair">
              <p style={{ 'margin-top': 0 }}>
                “<span class="wrap">{planTitle(pair.keep)}</span>” is in your {PLAN_NOUNS[pair.collection].many} twice.
              </p>
              <ul class="small muted" style={{ margin: 0, 'padding-left': '1.2rem' }}>
                <li class="wrap">{planDetails(pair.keep)} — kept</li>
                <li class="wrap">{planDetails(pair.drop)}</li>
              </ul>
              <div class="row" style={{ 'margin-top': '0.75rem' }}>
                <button type="button" class="primary" aria-label={`Merge the two ${PLAN_NOUNS[pair.collection].many} “${planTitle(pair.keep)}”`} onClick={() => merge(pair)}>
                  Merge the two {PLAN_NOUNS[pair.collection].many}
                </button>
                <button type="button" aria-label={`The two “${planTitle(pair.keep)}” are different`} onClick={() => dismiss(pair)}>
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

export default function Duplicates() {
  const { doc } = useSpace();
  const people = createLive('contacts');
  adoptOldDismissals(doc);
  const notDuplicates = createNotDuplicates();
  const byId = createMemo(() => new Map(people().map((p) => [p.id, p])));
  const pairs = createMemo(() => findDuplicates(people(), { dismissed: notDuplicates() }));

  const dismiss = (a: Contact, b: Contact) => {
    const at = markNotDuplicates(doc, a.id, b.id);
    showToast(`${a.name} and ${b.name} will not be offered as duplicates again.`, { label: 'Undo', run: () => unmarkNotDuplicates(doc, a.id, b.id, at) }, 15_000);
  };
  const merge = (keep: Contact, drop: Contact) => {
    const r = mergeContactsInDoc(doc, keep.id, drop.id);
    if (!r.ok) return showToast('These two could not be merged: one of them changed. Try again.');
    showToast(`Merged ${drop.name} into ${keep.name}.`, { label: 'Undo', run: () => r.value.undo() }, 15_000);
  };

  return (
    <section aria-labelledby="dup-title">
      <p class="small">
        <A class="back-link" href="/people">← People</A>
      </p>
      <h1 id="dup-title">Possible duplicates</h1>
      <p class="muted">People who share an email, phone or LinkedIn profile, or have very similar names at the same organisation. Merging keeps every detail, interaction and give-and-take entry of both.</p>
      <Show when={pairs().length} fallback={<p class="empty">No duplicate people found.</p>}>
        <ul style={{ 'list-style': 'none', padding: 0 }}>
          <For each={pairs()}>
            {(pair) => {
              const a = () => byId().get(pair.aId);
              const b = () => byId().get(pair.bId);
              return (
                <Show when={a() && b()}>
                  <li class="card" data-testid="duplicate-pair">
                    <p style={{ 'margin-top': 0 }}>{pair.sentence}</p>
                    <div class="row" style={{ 'align-items': 'stretch' }}>
                      <Summary person={a()!} />
                      <Summary person={b()!} />
                    </div>
                    <div class="row" style={{ 'margin-top': '0.75rem' }}>
                      <button type="button" class="primary" onClick={() => merge(a()!, b()!)}>
                        Merge into {a()!.name}
                      </button>
                      <button type="button" onClick={() => merge(b()!, a()!)}>
                        Merge into {b()!.name}
                      </button>
                      <button type="button" onClick={() => dismiss(a()!, b()!)}>
                        Not the same person
                      </button>
                    </div>
                  </li>
                </Show>
              );
            }}
          </For>
        </ul>
      </Show>
      <PlanDuplicates />
    </section>
  );
}
