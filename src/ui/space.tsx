/**
 * The one bridge from the document to Solid: store views become signals
 * (observe → signal → onCleanup unobserve). Components below read signals and
 * call store functions; they never touch Yjs types themselves.
 */
import { createContext, createMemo, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import type * as Y from 'yjs';
import type { CollectionName, EntityOf, Me } from '../model/index.ts';
import { meMap, readMe, watchCollection, type CollectionView, type SchemaStatus } from '../store/index.ts';
import type { SyncController, SyncStatus } from '../sync/controller.ts';
import type { SaveState } from '../sync/local.ts';

export interface SpaceContext {
  doc: Y.Doc;
  schema: SchemaStatus;
  saveState: Accessor<SaveState>;
  sync: SyncController;
  syncStatus: Accessor<SyncStatus>;
}

const Ctx = createContext<SpaceContext>();

export function SpaceProvider(props: ParentProps<{ space: SpaceContext }>) {
  return <Ctx.Provider value={props.space}>{props.children}</Ctx.Provider>;
}

export function useSpace(): SpaceContext {
  const space = useContext(Ctx);
  if (!space) throw new Error('useSpace must be used inside <SpaceProvider>');
  return space;
}

/** A signal of one collection's checked view, kept current as the document changes. */
export function createCollection<C extends CollectionName>(collection: C): Accessor<CollectionView<C>> {
  const { doc } = useSpace();
  const [view, setView] = createSignal<CollectionView<C>>({ items: [], byId: new Map(), problems: [] }, { equals: false });
  onCleanup(watchCollection(doc, collection, setView));
  return view;
}

/** Entities not in the Trash and not merged into another. */
export function createLive<C extends CollectionName>(collection: C): Accessor<EntityOf[C][]> {
  const view = createCollection(collection);
  return createMemo(() => view().items.filter((e) => e.deletedAt === null && !('mergedIntoId' in e && e.mergedIntoId)));
}

export function createMe(): Accessor<Me | null> {
  const { doc } = useSpace();
  const read = () => {
    const r = readMe(doc);
    return r.ok ? r.value : null;
  };
  const [me, setMe] = createSignal(read());
  const map = meMap(doc);
  const observer = () => setMe(read());
  map.observe(observer);
  onCleanup(() => map.unobserve(observer));
  return me;
}
