/** Give and take: the ledger across the network, a balance per person, and a gentle nudge where I have only taken. */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  LEDGER_DIRECTIONS,
  LEDGER_STATUSES,
  type Contact,
  type ContactId,
  type LedgerEntry,
} from '../../model/index.ts';
import { computeBalances, type PersonBalance } from '../../model/rules/index.ts';
import { PersonPicker } from '../components/person-picker.tsx';
import { showToast } from '../components/toasts.tsx';
import { createPlanData } from '../plan/data.ts';
import { createNow, todayIso } from '../clock.ts';
import { byName } from '../lists.ts';
import { usePlanFromGap } from '../plan/gaps.tsx';
import { Day, LEDGER_KIND_LABELS, options, Sentence } from '../words.tsx';
import { createLive } from '../space.tsx';
import '../plan/plan.css';
import { FormError } from '../components/form-error.tsx';
import { useWrites } from '../writes.ts';

const DIRECTION_LABELS = { gave: 'I gave', received: 'I received' } as const;
const STATUS_LABELS = { done: 'Done', promised: 'Promised' } as const;

export default function GiveAndTake() {
  const contacts = createLive('contacts');
  const ledger = createLive('ledger');
  const now = createNow();
  const today = () => todayIso(now());
  const personById = createMemo(() => new Map(contacts().map((c) => [c.id as string, c])));
  const balances = createMemo(() => computeBalances(ledger(), contacts()));
  // The nudges are the plan's "taken more than given" gaps: the same sentence, with its action a tap away.
  const plan = createPlanData();
  const planFromGap = usePlanFromGap();
  // Undefined while the plan's gaps are being found (in slices, after the page has painted).
  const nudges = createMemo(() => plan.report()?.gaps.filter((g) => g.kind === 'taken-more'));
  const rows = createMemo(() =>
    [...balances().byPerson.values()]
      .map((b) => ({ b, c: personById().get(b.contactId) }))
      .filter((r): r is { b: PersonBalance; c: Contact } => !!r.c)
      .sort((x, y) => x.b.balance - y.b.balance || byName(x.c, y.c)),
  );
  const widest = createMemo(() => Math.max(1, ...rows().map((r) => Math.max(r.b.gave, r.b.received))));
  const entries = createMemo(() =>
    [...ledger()].sort((a, b) => (b.on ?? b.createdAt).localeCompare(a.on ?? a.createdAt)),
  );

  return (
    <section aria-labelledby="gt-title" class="give-take-page">
      <p class="small">
        <A class="back-link" href="/plan">
          ← Plan
        </A>
      </p>
      <h1 id="gt-title">Give and take</h1>
      <p class="muted small">Who helped whom. Not a score — a reminder to stay generous.</p>
      <Show when={nudges() === undefined && rows().some((r) => r.b.balance < 0)}>
        <p class="muted small" role="status">
          Finding where you could give back…
        </p>
      </Show>
      <Show when={nudges()?.length}>
        <section class="card nudges" aria-labelledby="nudges-title" data-testid="nudges">
          <h2 id="nudges-title">Where you could give back</h2>
          <ul>
            <For each={nudges()}>
              {(g) => (
                <li class="wrap nudge">
                  <Sentence text={g.sentence} />{' '}
                  <Show when={g.status === 'open'} fallback={<span class="muted small">(planned)</span>}>
                    <button type="button" class="small-button" onClick={() => planFromGap(g)}>
                      Plan it
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      {/* Everyone, in no set order: the picker sorts only the few names it shows. */}
      <AddEntry people={contacts()} today={today()} />
      <section class="card" aria-labelledby="balances-title">
        <h2 id="balances-title">Balance per person</h2>
        <Show
          when={rows().length}
          fallback={<p class="muted small">Nothing recorded yet. Note a favour given or received and it shows here.</p>}
        >
          <ul class="balance-list">
            <For each={rows()}>
              {(r) => (
                <li class="balance-row" data-testid="balance">
                  <A href={`/people/${r.c.id}`} class="truncate balance-name">
                    {r.c.name}
                  </A>
                  <span class="balance-bar" aria-hidden="true">
                    <span class="received" style={{ width: `${(r.b.received / widest()) * 50}%` }} />
                    <span class="gave" style={{ width: `${(r.b.gave / widest()) * 50}%` }} />
                  </span>
                  <span class="small balance-words">
                    gave {r.b.gave}, received {r.b.received}
                    {r.b.promisedByMe ? `, ${r.b.promisedByMe} promised` : ''}
                  </span>
                </li>
              )}
            </For>
          </ul>
          <p class="legend small" aria-hidden="true">
            <span class="key-received" /> Received <span class="key-gave" /> Gave
          </p>
        </Show>
      </section>
      <section class="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Everything recorded</h2>
        <ul class="plan-items">
          <For each={entries()} fallback={<li class="muted small">No entries yet.</li>}>
            {(e) => (
              <EntryRow entry={e} person={e.contactId ? personById().get(e.contactId) : undefined} today={today()} />
            )}
          </For>
        </ul>
      </section>
    </section>
  );
}

function EntryRow(props: { entry: LedgerEntry; person: Contact | undefined; today: string }) {
  const write = useWrites();
  const e = () => props.entry;
  const trash = () => {
    const id = e().id;
    write.trash('ledger', id);
    showToast('Entry moved to the Trash.', { label: 'Undo', run: () => write.restore('ledger', id) });
  };
  return (
    <li class="plan-item ledger-entry" data-testid="ledger-entry">
      <div class="plan-item-head">
        <div class="grow">
          <p class="wrap entry-line">
            <strong>{e().direction === 'gave' ? 'You gave' : 'You received'}</strong>{' '}
            {LEDGER_KIND_LABELS[e().kind].toLowerCase()} {e().direction === 'gave' ? 'to' : 'from'}{' '}
            {props.person?.name ?? 'someone'}
            {e().description ? ` — ${e().description}` : ''}
          </p>
          <p class="meta small">
            <Day on={e().on} today={props.today} none="no date" />
            <Show when={e().status === 'promised'}>
              <span class="badge">Promised</span>
            </Show>
          </p>
        </div>
        <button type="button" class="small-button" onClick={trash} aria-label="Move this entry to the Trash">
          Delete
        </button>
      </div>
    </li>
  );
}

function AddEntry(props: { people: Contact[]; today: string }) {
  const write = useWrites();
  const [contactId, setContactId] = createSignal<ContactId | null>(null);
  const [direction, setDirection] = createSignal<LedgerEntry['direction']>('gave');
  const [kind, setKind] = createSignal<LedgerEntry['kind']>('help');
  const [what, setWhat] = createSignal('');
  const [on, setOn] = createSignal<string>(props.today);
  const [status, setStatus] = createSignal<LedgerEntry['status']>('done');
  const [error, setError] = createSignal<string | null>(null);
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    if (!contactId()) return setError('Choose who it was with.');
    const r = write.add('ledger', {
      contactId: contactId()!,
      direction: direction(),
      kind: kind(),
      description: what(),
      on: on() || null,
      status: status(),
    });
    if (!r.ok) return setError(r.problem);
    setError(null);
    setWhat('');
    showToast('Recorded.');
  };
  return (
    <form class="card add-entry" onSubmit={submit} aria-labelledby="add-entry-title">
      <h2 id="add-entry-title">Record give or take</h2>
      <Show
        when={props.people.length}
        fallback={<p class="muted small">Add people first — then record what you gave them and what they gave you.</p>}
      >
        <div class="grid-2">
          {/* Type-ahead, not a select: a select of thousands of names is slow to draw and unusable on a phone. */}
          <PersonPicker label="Person" people={props.people} value={contactId()} onPick={setContactId} />
          <fieldset class="checks direction">
            <legend>Direction</legend>
            <div class="row">
              <For each={LEDGER_DIRECTIONS}>
                {(d) => (
                  <label class="check">
                    <input
                      type="radio"
                      name="gt-direction"
                      value={d}
                      checked={direction() === d}
                      onChange={() => setDirection(d)}
                    />
                    <span>{DIRECTION_LABELS[d]}</span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
          <div class="field">
            <label for="gt-kind">Kind</label>
            <select id="gt-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as LedgerEntry['kind'])}>
              <For each={options(LEDGER_KIND_LABELS)}>{(o) => <option value={o.value}>{o.label}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="gt-what">What</label>
            <input
              id="gt-what"
              autocomplete="off"
              value={what()}
              placeholder="e.g. Intro to the Globex CTO"
              onInput={(e) => setWhat(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="gt-on">Date</label>
            <input id="gt-on" type="date" value={on()} onChange={(e) => setOn(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="gt-status">Status</label>
            <select
              id="gt-status"
              value={status()}
              onChange={(e) => setStatus(e.currentTarget.value as LedgerEntry['status'])}
            >
              <For each={LEDGER_STATUSES}>{(s) => <option value={s}>{STATUS_LABELS[s]}</option>}</For>
            </select>
          </div>
        </div>
        <FormError message={error()} />
        <button type="submit" class="primary">
          Record
        </button>
      </Show>
    </form>
  );
}
