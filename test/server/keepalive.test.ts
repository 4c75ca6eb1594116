import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, registerSpace, synced, waitFor, type Credentials } from './clients.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

let relay: RelayProcess;
let creds: Credentials;

beforeAll(async () => {
  relay = await startRelay({ env: { RAPPORT_KEEPALIVE_MS: '200', RAPPORT_PING_TIMEOUT_MS: '2000' } });
  creds = await registerSpace(relay.url);
});
afterAll(async () => {
  await relay?.stop();
});

const open = async (autoPong: boolean) => {
  const ws = new WebSocket(`${relay.syncUrl}/${creds.spaceId}?token=${creds.token}`, { autoPong });
  const messages: Buffer[] = [];
  ws.on('message', (d: Buffer) => messages.push(d));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((r) => ws.once('open', r));
  return { ws, messages, closed };
};

describe('keepalive', () => {
  it('sends a no-op message to a silent connection, so the client never sees 30 s of silence', async () => {
    const { ws, messages } = await open(true);
    const keepalives = () => messages.filter((m) => m.equals(Buffer.from([1, 1, 0]))).length;
    await waitFor(() => keepalives() >= 3, 'three keepalives');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('the official client takes the keepalive as a sign of life and stays connected', async () => {
    const peer = connectPeer(relay.syncUrl, creds.spaceId, creds.token);
    await synced(peer);
    const first = peer.provider.wsLastMessageReceived;
    await waitFor(() => peer.provider.wsLastMessageReceived > first, 'a keepalive');
    expect(peer.provider.wsconnected).toBe(true);
    expect(peer.closes).toEqual([]);
    peer.destroy();
  });

  it('terminates a peer that stops answering pings, and only that one', async () => {
    const dead = await open(false);
    const alive = await open(true);
    expect(await dead.closed).toBe(1006); // terminated without a close handshake
    // More keepalive rounds than the dead one got: the one that answers stays.
    const seen = alive.messages.length;
    await waitFor(() => alive.messages.length >= seen + 5, 'keepalives after the dead one went');
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    alive.ws.close();
  });
});
