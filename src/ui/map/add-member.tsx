/** Adds someone I know to a community: type to find them, tap to add. */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { CommunityId, Contact } from '../../model/index.ts';
import { toggled } from '../lists.ts';
import { useWrites } from '../writes.ts';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function AddMember(props: { communityId: CommunityId; communityName: string; people: readonly Contact[] }) {
  const write = useWrites();
  const id = createUniqueId();
  const [query, setQuery] = createSignal('');
  const hits = createMemo(() => {
    const words = fold(query()).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return props.people
      .filter(
        (p) =>
          !p.communityIds.includes(props.communityId) &&
          words.every((w) => fold(`${p.name} ${p.organisation}`).includes(w)),
      )
      .slice(0, 6);
  });
  return (
    <div class="add-member">
      <label for={id}>Add someone you know there</label>
      <input
        id={id}
        type="search"
        autocomplete="off"
        placeholder="Type a name"
        value={query()}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <Show when={query().trim()}>
        <ul class="picker-list">
          <For each={hits()} fallback={<li class="muted small">No one matches — add them in People first.</li>}>
            {(p) => (
              <li>
                <button
                  type="button"
                  onClick={() => {
                    write.update('contacts', p.id, { communityIds: toggled(p.communityIds, props.communityId, true) });
                    setQuery('');
                  }}
                  aria-label={`Add ${p.name} to ${props.communityName}`}
                >
                  <span class="truncate">{p.name}</span>
                  <span class="muted small truncate">{p.organisation}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
