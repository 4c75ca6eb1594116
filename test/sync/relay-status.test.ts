/**
 * The sync status after a network blip (found by the chaos suite, seed 101 with browsers): the
 * browser says "offline" and then "online" again while the socket to the relay stays open, as
 * it does when Wi-Fi drops for a moment (and as Chromium's offline mode does). `retryNow` sees
 * the socket connected and does nothing, so the status stays "Will sync" (offline) with the
 * connection working, until the next edit made on this device.
 *
 * Fixed: `retryNow` now asks the relay again (a probe) when the socket is still open.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { add, readAll } from '../../src/store/index.ts';
import { connectRelay, type SyncState } from '../../src/sync/relay.ts';
import { connectPeer, registerSpace, pairDevice, waitFor } from '../server/clients.ts';
import { startRelay, type RelayProcess } from '../server/relay-process.ts';

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
// The browser's online/offline events, which the connection listens to on `window`.
const events = new EventTarget();
(globalThis as { window?: unknown }).window = events;

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

it('says "up to date" again when the network comes back while the socket stayed open', async () => {
  const owner = await registerSpace(relay.url);
  const doc = new Y.Doc();
  let state: SyncState | null = null;
  const connection = connectRelay(doc, { relayUrl: relay.url, ...owner }, (s) => (state = s));
  add(doc, 'contacts', { name: 'Ana' });
  await waitFor(() => state?.kind === 'up-to-date', 'up to date');

  events.dispatchEvent(new Event('offline'));
  expect(state!.kind).toBe('offline');
  events.dispatchEvent(new Event('online'));
  // Another device's edit arrives over the same socket after any answer to what the online event sent.
  const other = await pairDevice(relay.url, owner);
  const peer = connectPeer(relay.syncUrl, owner.spaceId, null, new Y.Doc());
  peer.provider.disconnect();
  peer.provider.protocols = ['rapport', other.token];
  peer.provider.connect();
  await waitFor(() => peer.provider.synced, 'the other device synced');
  add(peer.doc, 'contacts', { name: 'Bo' });
  await waitFor(() => readAll(doc, 'contacts').items.length === 2, 'the other device’s edit');
  expect(state!.kind).toBe('up-to-date');

  peer.destroy();
  connection.destroy();
  doc.destroy();
});
