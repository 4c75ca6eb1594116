/** Give and take with one person: entries, a running balance, and a gentle nudge. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { LEDGER_KINDS, type Contact, type LedgerEntry } from '../../model/index.ts';
import { balanceNudge, computeBalances, exactDay } from '../../model/rules/index.ts';
import { todayIso } from '../clock.ts';
import { showToast } from '../components/toasts.tsx';
import { createLive } from '../space.tsx';
import { FormError } from '../components/form-error.tsx';
import { useWrites } from '../writes.ts';
import { LEDGER_KIND_LABELS } from '../words.tsx';

export function GiveAndTake(props: { person: Contact }) {
  const write = useWrites();
  const ledger = createLive('ledger');
  const offers = createLive('offers');
  const entries = createMemo(() =>
    ledger()
      .filter((e) => e.contactId === props.person.id)
      .sort((a, b) => (b.on ?? b.createdAt).localeCompare(a.on ?? a.createdAt)),
  );
  const balance = createMemo(() => computeBalances(entries(), [props.person]).byPerson.get(props.person.id) ?? null);
  const nudge = createMemo(() => {
    const b = balance();
    return b ? balanceNudge(props.person, b, offers()) : null;
  });
  const [direction, setDirection] = createSignal<'gave' | 'received'>('gave');
  const [kind, setKind] = createSignal<LedgerEntry['kind']>('help');
  const [what, setWhat] = createSignal('');
  const [status, setStatus] = createSignal<'done' | 'promised'>('done');
  /** A promise's date is when it is due; empty, Today brings it up a week after it was made. */
  const [dueOn, setDueOn] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const on = status() === 'promised' ? dueOn() || null : todayIso();
    const r = write.add('ledger', {
      contactId: props.person.id,
      direction: direction(),
      kind: kind(),
      description: what(),
      on,
      status: status(),
    });
    if (!r.ok) return setError(r.problem);
    setError(null);
    setWhat('');
    setDueOn('');
  };
  const remove = (entry: LedgerEntry) => {
    write.trash('ledger', entry.id);
    showToast('Entry removed.', { label: 'Undo', run: () => write.restore('ledger', entry.id) });
  };

  return (
    <div>
      <Show when={balance()}>
        {(b) => (
          <div>
            <p class="m-0" data-testid="balance">
              You gave {b().gave}, received {b().received}
              <Show when={b().promisedByMe + b().promisedToMe > 0}>
                <span class="muted">
                  {' '}
                  · promised: {b().promisedByMe} by you, {b().promisedToMe} to you
                </span>
              </Show>
            </p>
            <div class="balance-bar" role="img" aria-label={`Gave ${b().gave}, received ${b().received}`}>
              <span class="gave" style={{ flex: b().gave }} />
              <span class="received" style={{ flex: b().received }} />
            </div>
          </div>
        )}
      </Show>
      <Show when={nudge()}>
        <p class="card mb-m">{nudge()}</p>
      </Show>
      <ul class="plain-list" aria-label="Give and take">
        <For each={entries()}>
          {(entry) => (
            <li class="row spread nowrap min-h-tap">
              <span class="wrap min-w-0">
                {entry.direction === 'gave' ? 'You gave' : 'You received'}:{' '}
                {LEDGER_KIND_LABELS[entry.kind].toLowerCase()}
                <Show when={entry.description}> — {entry.description}</Show>
                <span class="muted small">
                  {' '}
                  · {entry.on ? exactDay(entry.on) : ''}
                  {entry.status === 'promised' ? ' · promised' : ''}
                </span>
              </span>
              <button type="button" aria-label="Remove this entry" onClick={() => remove(entry)}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
      <details class="add-entry">
        <summary>Add what was given, received or promised</summary>
        <form onSubmit={add} aria-label="Add to give and take">
          <div class="filters filters-fit">
            <div class="field">
              <label for="ledger-direction">Who gave</label>
              <select
                id="ledger-direction"
                value={direction()}
                onChange={(e) => setDirection(e.currentTarget.value as 'gave' | 'received')}
              >
                <option value="gave">I gave</option>
                <option value="received">I received</option>
              </select>
            </div>
            <div class="field">
              <label for="ledger-kind">Kind</label>
              <select
                id="ledger-kind"
                value={kind()}
                onChange={(e) => setKind(e.currentTarget.value as LedgerEntry['kind'])}
              >
                <For each={LEDGER_KINDS}>{(k) => <option value={k}>{LEDGER_KIND_LABELS[k]}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="ledger-status">Status</label>
              <select
                id="ledger-status"
                value={status()}
                onChange={(e) => setStatus(e.currentTarget.value as 'done' | 'promised')}
              >
                <option value="done">Done</option>
                <option value="promised">Promised</option>
              </select>
            </div>
          </div>
          <div class="field">
            <label for="ledger-what">What</label>
            <input
              id="ledger-what"
              value={what()}
              onInput={(e) => setWhat(e.currentTarget.value)}
              placeholder="e.g. reviewed her conference talk"
            />
          </div>
          <Show when={status() === 'promised'}>
            <div class="field">
              <label for="ledger-due">By when (optional)</label>
              <input
                id="ledger-due"
                type="date"
                min={todayIso()}
                value={dueOn()}
                onInput={(e) => setDueOn(e.currentTarget.value)}
              />
              <p class="muted small">Today reminds you on that day, or a week from now without one.</p>
            </div>
          </Show>
          <FormError message={error()} />
          <button type="submit">Add entry</button>
        </form>
      </details>
    </div>
  );
}
