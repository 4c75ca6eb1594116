/**
 * Keeps several tabs of the app on one device in step, with or without a
 * relay: each tab posts its own changes on a BroadcastChannel and applies the
 * others'. Each tab also writes to IndexedDB itself; compaction folds the repeats.
 */
import * as Y from 'yjs';
import { makeOrigin } from '../store/index.ts';
import type { OnSyncError } from './errors.ts';

const FROM_OTHER_TAB = makeOrigin('tab');

export function makeTabSync(doc: Y.Doc, opts: { channelName?: string; onError?: OnSyncError } = {}): () => void {
  const channelName = opts.channelName ?? 'rapport-space';
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName);
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_OTHER_TAB) channel.postMessage({ type: 'update', update });
  };
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; update?: unknown; stateVector?: unknown };
    try {
      if (data.type === 'update' && data.update instanceof Uint8Array) Y.applyUpdate(doc, data.update, FROM_OTHER_TAB);
      else if (data.type === 'hello' && data.stateVector instanceof Uint8Array)
        channel.postMessage({ type: 'update', update: Y.encodeStateAsUpdate(doc, data.stateVector) });
    } catch (error) {
      // A tab running another version sent something this one cannot read; the relay or a reload will reconcile.
      opts.onError?.(error, 'tab-message');
    }
  };
  doc.on('update', onUpdate);
  // A new tab asks the others for what it lacks (edits made while it loaded).
  channel.postMessage({ type: 'hello', stateVector: Y.encodeStateVector(doc) });
  return () => {
    doc.off('update', onUpdate);
    channel.close();
  };
}
