/** The Trash: deleted people and plans, each restorable. Nothing here is ever destroyed silently. */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { COLLECTION_NOUNS, type CollectionName } from '../../model/index.ts';
import { showToast } from '../components/toasts.tsx';
import { createCollection } from '../space.tsx';
import { useWrites } from '../writes.ts';

const TRASHABLE = ['contacts', 'communities', 'objectives', 'offers', 'actions', 'events'] as const;
type Trashable = (typeof TRASHABLE)[number];

const titleOf = (e: { name?: string; title?: string }) => e.name ?? e.title ?? '';

export default function Trash() {
  const write = useWrites();
  const views = TRASHABLE.map((c) => [c, createCollection(c)] as const);
  const trashed = createMemo(() =>
    views
      .flatMap(([collection, view]) =>
        view()
          .items.filter((e) => e.deletedAt && !('mergedIntoId' in e && e.mergedIntoId))
          .map((e) => ({
            collection,
            id: e.id,
            title: titleOf(e as { name?: string; title?: string }),
            deletedAt: e.deletedAt ?? '',
          })),
      )
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)),
  );
  const restore = (collection: Trashable, id: string, title: string) => {
    write.restore(collection as CollectionName, id as never);
    showToast(`${title} restored.`);
  };
  return (
    <section aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <p class="muted">
        Deleted things wait here. Restore brings them back with every edit, including edits made on another device after
        the delete.
      </p>
      <Show when={trashed().length} fallback={<p class="empty">The Trash is empty.</p>}>
        <ul class="plain-list" aria-label="Deleted items">
          <For each={trashed()}>
            {(item) => (
              <li class="card row spread nowrap" data-testid="trash-item">
                <span class="min-w-0">
                  <strong class="wrap">{item.title}</strong>
                  <span class="muted small">
                    {' '}
                    · {COLLECTION_NOUNS[item.collection]}, deleted {new Date(item.deletedAt).toLocaleString()}
                  </span>
                </span>
                <button
                  type="button"
                  onClick={() => restore(item.collection, item.id, item.title)}
                  aria-label={`Restore ${item.title}`}
                >
                  Restore
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p>
        <A href="/people">Back to People</A>
      </p>
    </section>
  );
}
