/**
 * Pick one person by typing part of their name: shows the best few matches as
 * buttons, so it stays light with 10,000 people (no <select> of everyone). The
 * people are read only when typed into: drawing the picker costs nothing more.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Contact, ContactId } from '../../model/index.ts';
import { foldText } from '../../model/rules/index.ts';
import { byName } from '../lists.ts';

/**
 * The first `k` of `items` by name, without sorting them all: a picker over thousands of
 * people shows a handful, and sorting every name would cost the page's render or a keystroke.
 */
export function firstByName<T extends { name: string }>(items: readonly T[], k: number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && byName(item, best[k - 1] as T) >= 0) continue;
    let i = best.length;
    while (i > 0 && byName(item, best[i - 1] as T) < 0) i--;
    best.splice(i, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

export function PersonPicker(props: {
  label: string;
  people: readonly Contact[];
  value: ContactId | null;
  onPick: (id: ContactId | null) => void;
  exclude?: ContactId;
}) {
  const id = createUniqueId();
  const [query, setQuery] = createSignal('');
  const chosen = createMemo(() =>
    props.value === null ? null : (props.people.find((p) => p.id === props.value) ?? null),
  );
  const matches = createMemo(() => {
    const q = foldText(query().trim());
    if (!q) return [];
    return firstByName(
      props.people.filter((p) => p.id !== props.exclude && foldText(p.name).includes(q)),
      6,
    );
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
