/**
 * Pick one person by typing part of their name: shows the best few matches as
 * buttons, so it stays light with 10,000 people (no <select> of everyone).
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Contact, ContactId } from '../../model/index.ts';
import { foldText } from '../../model/rules/index.ts';

export function PersonPicker(props: {
  label: string;
  people: readonly Contact[];
  value: ContactId | null;
  onPick: (id: ContactId | null) => void;
  exclude?: ContactId;
}) {
  const id = createUniqueId();
  const [query, setQuery] = createSignal('');
  const chosen = createMemo(() => props.people.find((p) => p.id === props.value) ?? null);
  const matches = createMemo(() => {
    const q = foldText(query().trim());
    if (!q) return [];
    return props.people.filter((p) => p.id !== props.exclude && foldText(p.name).includes(q)).slice(0, 6);
  });
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Show when={chosen()}>
        {(c) => (
          <p class="row m-0 mb-xs">
            <span class="chip">
              <span>{c().name}</span>
              <button type="button" aria-label={`Clear ${props.label}: ${c().name}`} onClick={() => props.onPick(null)}>
                ×
              </button>
            </span>
          </p>
        )}
      </Show>
      <input
        id={id}
        type="search"
        autocomplete="off"
        placeholder="Type a name"
        value={query()}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <Show when={matches().length}>
        <ul class="picker-results" aria-label={`Matches for ${props.label}`}>
          <For each={matches()}>
            {(p) => (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    props.onPick(p.id);
                    setQuery('');
                  }}
                >
                  <span class="truncate">{p.name}</span>
                  <Show when={p.organisation}>
                    <span class="muted small truncate"> · {p.organisation}</span>
                  </Show>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
