/** Wires the installable-app parts to an open space: service worker, updates, persistent storage. */
import type * as Y from 'yjs';
import { persistWhenUseful } from './persist.ts';
import { registerServiceWorker } from './register.ts';

export { listenForInstall } from './install.ts';

export function startPwa(
  space: { doc: Y.Doc; local: { flushed(): Promise<void> } },
  onError: (error: unknown) => void,
): () => void {
  const stopWorker = registerServiceWorker({
    onError,
    // A list field holds typed text until blur: blur it, then wait until IndexedDB has everything.
    beforeReload: async () => {
      (document.activeElement as HTMLElement | null)?.blur?.();
      await space.local.flushed();
    },
  });
  const stopPersist = persistWhenUseful(space.doc, onError);
  return () => {
    stopWorker();
    stopPersist();
  };
}
