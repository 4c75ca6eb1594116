/**
 * The one bridge from the document to Solid: store views become signals
 * (observe → signal → onCleanup unobserve). Components below read signals and
 * call store functions; they never touch Yjs types themselves.
 */
import {
  createContext,
  createMemo,
  createRoot,
  createSignal,
  onCleanup,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import type * as Y from 'yjs';
import type { CollectionName, EntityOf, Me } from '../model/index.ts';
import {
  dismissedSuggestionsMap,
  meMap,
  metaMap,
  notDuplicatesMap,
  readMe,
  readDismissed,
  readNotDuplicates,
  SCHEMA_VERSION,
  storedSchemaVersion,
  watchCollection,
  watchCollectionInSteps,
  type CollectionView,
  type SchemaStatus,
} from '../store/index.ts';
import type { SyncController, SyncStatus } from '../sync/controller.ts';
import type { StoredSync } from '../sync/credentials.ts';
import type { SaveState } from '../sync/local.ts';

interface SpaceContext {
  doc: Y.Doc;
  schema: SchemaStatus;
  saveState: Accessor<SaveState>;
  sync: SyncController;
  syncStatus: Accessor<SyncStatus>;
  /** This device's sync settings (null when off), following every change. */
  syncSettings: Accessor<StoredSync | null>;
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

interface Watched<C extends CollectionName> {
  view: Accessor<CollectionView<C>>;
  live: Accessor<EntityOf[C][]>;
}

/**
 * One watcher per collection for the whole session: the first page that needs
 * a collection reads it, and every later page (and every return to a page)
 * shares that view instead of parsing 10,000 entries again.
 */
const watched = new WeakMap<Y.Doc, Map<CollectionName, Watched<CollectionName>>>();

const EMPTY = { items: [], byId: new Map(), problems: [] };

/** Makes the signals of a collection whose first view is `first`; `listen` gets the setter for the views after it. */
function adopt<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  first: CollectionView<C>,
  listen: (set: (view: CollectionView<C>) => void) => void,
): Watched<C> {
  let perDoc = watched.get(doc);
  if (!perDoc) watched.set(doc, (perDoc = new Map()));
  const made = createRoot(() => {
    const [view, setView] = createSignal<CollectionView<C>>(first, { equals: false });
    listen(setView);
    const live = createMemo(() =>
      view().items.filter((e) => e.deletedAt === null && !('mergedIntoId' in e && e.mergedIntoId)),
    );
    return { view, live };
  });
  perDoc.set(collection, made as unknown as Watched<CollectionName>);
  return made;
}

function watch<C extends CollectionName>(doc: Y.Doc, collection: C): Watched<C> {
  const existing = watched.get(doc)?.get(collection) as Watched<C> | undefined;
  if (existing) return existing;
  let first: CollectionView<C> = EMPTY;
  let set: ((view: CollectionView<C>) => void) | null = null;
  watchCollection(doc, collection, (view) => (set ? set(view) : (first = view))); // lives as long as the document
  return adopt(doc, collection, first, (s) => (set = s));
}

/**
 * Reads collections before the first page needs them, in short slices with the page
 * having turns in between (the frame painted before loading stays meanwhile), so that
 * the first page finds them read instead of reading 7,000 people in one long task.
 */
export async function prepareCollections(
  doc: Y.Doc,
  collections: readonly CollectionName[],
  pause: () => Promise<void>,
): Promise<void> {
  for (const collection of collections) {
    if (watched.get(doc)?.has(collection)) continue;
    let first: CollectionView<typeof collection> = EMPTY;
    let set: ((view: CollectionView<typeof collection>) => void) | null = null;
    const stop = await watchCollectionInSteps(doc, collection, (view) => (set ? set(view) : (first = view)), pause);
    if (watched.get(doc)?.has(collection))
      stop(); // a page read it meanwhile
    else adopt(doc, collection, first, (s) => (set = s));
  }
}

/** A signal of one collection's checked view, kept current as the document changes. */
export function createCollection<C extends CollectionName>(collection: C): Accessor<CollectionView<C>> {
  return watch(useSpace().doc, collection).view;
}

/** Entities not in the Trash and not merged into another. */
export function createLive<C extends CollectionName>(collection: C): Accessor<EntityOf[C][]> {
  return liveIn(useSpace().doc, collection);
}

/** The same, outside component set-up: for a page that reads a collection only when the user asks for it. */
export function liveIn<C extends CollectionName>(doc: Y.Doc, collection: C): Accessor<EntityOf[C][]> {
  return watch(doc, collection).live;
}

/** A signal of `read()`, read again whenever `map` changes, for as long as the calling component lives. */
function createObserved<T>(map: Y.Map<unknown>, read: () => T): Accessor<T> {
  const [value, setValue] = createSignal<T>(read());
  const observer = () => setValue(() => read());
  map.observe(observer);
  onCleanup(() => map.unobserve(observer));
  return value;
}

export function createMe(): Accessor<Me | null> {
  const { doc } = useSpace();
  return createObserved(meMap(doc), () => {
    const r = readMe(doc);
    return r.ok ? r.value : null;
  });
}

/** Pairs of people marked "not the same person", on any device, kept current. */
export function createNotDuplicates(): Accessor<ReadonlySet<string>> {
  const { doc } = useSpace();
  return createObserved(notDuplicatesMap(doc), () => readNotDuplicates(doc));
}

/** Suggestions ("who can help") dismissed on any device, kept current. */
export function createDismissed(): Accessor<ReadonlySet<string>> {
  const { doc } = useSpace();
  return createObserved(dismissedSuggestionsMap(doc), () => readDismissed(doc));
}

/**
 * Whether the network was saved by a newer version of the app: known at
 * opening, or the moment a device running a newer version syncs one in.
 */
export function createNewerSchema(): Accessor<boolean> {
  const { doc, schema } = useSpace();
  return createObserved(
    metaMap(doc),
    () => schema.state === 'newer' || (storedSchemaVersion(doc) ?? 0) > SCHEMA_VERSION,
  );
}
