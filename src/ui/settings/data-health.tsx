/**
 * Entries the app could not read (written by an older version or a buggy
 * device) are skipped everywhere else; here they are reported, so nothing is
 * lost silently. They stay in the document untouched.
 */
import { createMemo, For, Show } from 'solid-js';
import { COLLECTION_NAMES, COLLECTION_NOUNS } from '../../model/index.ts';
import { createCollection, useSpace } from '../space.tsx';

/** Sealed entries from the relay that did not open, or wait for a key: never applied, counted here. */
function SealedEntries() {
  const { sync, syncStatus } = useSpace();
  const health = () => (syncStatus(), sync.privacy().health);
  const skipped = () => {
    const h = health();
    return h ? h.skipped.malformed + h.skipped.rejected + h.skipped.unreadable : 0;
  };
  const waiting = () => health()?.waiting ?? 0;
  return (
    <Show when={skipped() + waiting() > 0}>
      <section class="card" aria-labelledby="sealed-health-title" data-testid="sealed-health">
        <h2 class="mt-0" id="sealed-health-title">
          Changes from the relay that could not be opened
        </h2>
        <Show when={skipped()}>
          <p>
            {skipped()} {skipped() === 1 ? 'change' : 'changes'} from the relay did not open with your network’s key
            (damaged, or not written by one of your devices) and {skipped() === 1 ? 'was' : 'were'} left out. Nothing of{' '}
            {skipped() === 1 ? 'it' : 'them'} reached your network.
          </p>
        </Show>
        <Show when={waiting()}>
          <p>
            {waiting()} {waiting() === 1 ? 'change waits' : 'changes wait'} for a newer key of your network. If this
            stays, pair this device again.
          </p>
        </Show>
      </section>
    </Show>
  );
}

export function DataHealth() {
  const views = COLLECTION_NAMES.map((name) => [name, createCollection(name)] as const);
  const problems = createMemo(() =>
    views.flatMap(([name, view]) => view().problems.map((p) => ({ ...p, noun: COLLECTION_NOUNS[name] }))),
  );
  return (
    <>
      <SealedEntries />
      <Show when={problems().length}>
        <section class="card" aria-labelledby="health-title" data-testid="data-health">
          <h2 class="mt-0" id="health-title">
            Entries that could not be read
          </h2>
          <p>
            {problems().length} {problems().length === 1 ? 'entry was' : 'entries were'} saved by another version of
            Rapport or a faulty device and are left out. They are kept as they are; updating the app on every device
            usually brings them back.
          </p>
          <ul class="small">
            <For each={problems().slice(0, 20)}>
              {(p) => (
                <li class="wrap">
                  A {p.noun} ({p.id.slice(0, 8)}…): {p.errors.map((e) => e.message).join(' ')}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
