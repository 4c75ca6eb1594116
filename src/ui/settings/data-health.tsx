/**
 * Entries the app could not read (written by an older version or a buggy
 * device) are skipped everywhere else; here they are reported, so nothing is
 * lost silently. They stay in the document untouched.
 */
import { createMemo, For, Show } from 'solid-js';
import { COLLECTION_NAMES, COLLECTION_NOUNS } from '../../model/index.ts';
import { createCollection } from '../space.tsx';

export function DataHealth() {
  const views = COLLECTION_NAMES.map((name) => [name, createCollection(name)] as const);
  const problems = createMemo(() => views.flatMap(([name, view]) => view().problems.map((p) => ({ ...p, noun: COLLECTION_NOUNS[name] }))));
  return (
    <Show when={problems().length}>
      <section class="card" aria-labelledby="health-title" data-testid="data-health">
        <h2 class="mt-0" id="health-title">
          Entries that could not be read
        </h2>
        <p>
          {problems().length} {problems().length === 1 ? 'entry was' : 'entries were'} saved by another version of Rapport or a faulty device and are left out. They are kept as they are; updating the app on every
          device usually brings them back.
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
  );
}
