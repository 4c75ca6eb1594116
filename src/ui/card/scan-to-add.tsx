/**
 * Scan someone's card and add them: the scanner hands over a draft, shown here
 * for a look before "Add". Capture (event mode) mounts ScanCard with its own handler.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ContactDraft, LineWarning } from '../../io/types.ts';
import type { ContactId } from '../../model/index.ts';
import { showToast } from '../components/toasts.tsx';
import { ScanCard } from './scan-card.tsx';
import { useWrites } from '../writes.ts';

export function ScanToAdd() {
  const write = useWrites();
  const [draft, setDraft] = createSignal<{ draft: ContactDraft; warnings: LineWarning[] } | null>(null);
  const [added, setAdded] = createSignal<{ id: ContactId; name: string } | null>(null);
  const add = () => {
    const d = draft();
    if (!d) return;
    const r = write.add('contacts', d.draft.values);
    if (!r.ok) return showToast(`${d.draft.values.name} could not be added: ${r.problem}`);
    const id = r.value.id;
    setDraft(null);
    setAdded({ id, name: r.value.name });
    showToast(`${r.value.name} added.`, {
      label: 'Undo',
      run: () => (write.trash('contacts', id), setAdded(null)),
    });
  };
  return (
    <section class="card" aria-labelledby="scan-title">
      <h2 class="mt-0" id="scan-title">
        Scan someone’s card
      </h2>
      <ScanCard onCard={(d, warnings) => (setAdded(null), setDraft({ draft: d, warnings }))} />
      <Show when={draft()}>
        {(d) => (
          <div class="scanned" data-testid="scanned-card">
            <p>
              <strong class="wrap">{d().draft.values.name}</strong>
              <Show when={[d().draft.values.role, d().draft.values.organisation].filter(Boolean).join(', ')}>
                {(s) => <span class="muted wrap"> — {s()}</span>}
              </Show>
            </p>
            <ul class="small">
              <For
                each={[
                  ...d().draft.values.emails,
                  ...d().draft.values.phones,
                  d().draft.values.linkedin,
                  d().draft.values.website,
                ].filter(Boolean)}
              >
                {(v) => <li class="wrap">{v}</li>}
              </For>
            </ul>
            <For each={d().warnings}>{(w) => <p class="small muted wrap">{w.message}</p>}</For>
            <div class="row">
              <button type="button" class="primary" onClick={add}>
                Add {d().draft.values.name}
              </button>
              <button type="button" onClick={() => setDraft(null)}>
                Discard
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={added()}>
        {(a) => (
          <p class="small">
            <A href={`/people/${a().id}`}>Open {a().name}</A>
          </p>
        )}
      </Show>
    </section>
  );
}
