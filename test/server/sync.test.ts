/**
 * Protocol behaviour with the official y-websocket client, run against our relay and, as a
 * differential check, against the reference relay @y/websocket-server@0.1.1.
 */
import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, contents, registerSpace, synced, waitFor, type Peer } from './clients.ts';
import { startReferenceRelay, type ReferenceRelay } from './reference-relay.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

interface Target {
  syncUrl: string;
  /** A fresh room and a token valid for it (ignored by the reference). */
  room(): Promise<{ room: string; token: string }>;
}

let ours: RelayProcess;
let reference: ReferenceRelay;
const targets: Record<string, () => Target> = {
  ours: () => ({
    syncUrl: ours.syncUrl,
    room: async () => {
      const c = await registerSpace(ours.url);
      return { room: c.spaceId, token: c.token };
    },
  }),
  reference: () => ({
    syncUrl: reference.syncUrl,
    room: async () => ({ room: randomBytes(16).toString('base64url'), token: 'unused' }),
  }),
};

beforeAll(async () => {
  [ours, reference] = await Promise.all([
    startRelay({ env: { RAPPORT_SPACES_PER_HOUR: '1000' } }),
    startReferenceRelay(),
  ]);
});
afterAll(async () => {
  await Promise.all([ours?.stop(), reference?.stop()]);
});

const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});
const peer = (t: Target, room: string, token: string): Peer => {
  const p = connectPeer(t.syncUrl, room, token);
  peers.push(p);
  return p;
};

describe.each(Object.keys(targets))('sync protocol against %s relay', (name) => {
  const target = () => targets[name]!();

  it('two official clients converge', async () => {
    const t = target();
    const { room, token } = await t.room();
    const a = peer(t, room, token);
    const b = peer(t, room, token);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('m').set('from-a', { n: 1 });
    b.doc.getMap('m').set('from-b', 'two');
    const text = new (await import('yjs')).Text();
    a.doc.getMap('m').set('text', text);
    text.insert(0, 'hello');
    await waitFor(() => contents(a.doc) === contents(b.doc) && b.doc.getMap('m').size === 3, 'convergence');
    expect(contents(b.doc)).toBe('{"m":{"from-a":{"n":1},"from-b":"two","text":"hello"}}');
    // A late joiner gets everything through sync step 2 alone.
    const c = peer(t, room, token);
    await synced(c);
    await waitFor(() => contents(c.doc) === contents(a.doc), 'late joiner');
  });

  it('merges offline edits from both sides after reconnect', async () => {
    const t = target();
    const { room, token } = await t.room();
    const a = peer(t, room, token);
    const b = peer(t, room, token);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('m').set('shared', 0);
    await waitFor(() => b.doc.getMap('m').get('shared') === 0, 'first edit');
    a.provider.disconnect();
    b.provider.disconnect();
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('m').set(`a${i}`, i);
      b.doc.getMap('m').set(`b${i}`, i);
    }
    a.doc.getMap('m').delete('shared');
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => a.doc.getMap('m').size === 40 && contents(a.doc) === contents(b.doc), 'offline merge');
    expect(b.doc.getMap('m').has('shared')).toBe(false);
    expect(b.doc.getMap('m').get('a19')).toBe(19);
    expect(a.doc.getMap('m').get('b19')).toBe(19);
  });

  it('shows awareness while connected and removes it on disconnect', async () => {
    const t = target();
    const { room, token } = await t.room();
    const a = peer(t, room, token);
    const b = peer(t, room, token);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    const aId = a.doc.clientID;
    await waitFor(
      () =>
        (b.provider.awareness.getStates().get(aId) as { user?: { name?: string } } | undefined)?.user?.name === 'Ada',
      'presence',
    );
    // A newcomer sees who is already there.
    const c = peer(t, room, token);
    await waitFor(() => c.provider.awareness.getStates().has(aId), 'presence for newcomer');
    a.provider.disconnect();
    await waitFor(
      () => !b.provider.awareness.getStates().has(aId) && !c.provider.awareness.getStates().has(aId),
      'absence',
    );
  });
});

function updateMessage(update: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return Buffer.from(encoding.toUint8Array(e));
}

describe.each(Object.keys(targets))('out-of-order updates against %s relay', (name) => {
  it('holds an update until its dependency arrives, then relays both', async () => {
    const t = targets[name]!();
    const { room, token } = await t.room();
    const observer = peer(t, room, token);
    await synced(observer);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = new Y.Text();
    source.getMap('m').set('t', text);
    text.insert(0, 'first ');
    text.insert(6, 'second');
    source.getMap('m').delete('gone');
    const ws = new WebSocket(`${t.syncUrl}/${room}?token=${token}`);
    await new Promise((r) => ws.once('open', r));
    // Dependants first: each needs the one before it.
    ws.send(updateMessage(updates[2]!));
    ws.send(updateMessage(updates[1]!));
    await new Promise((r) => setTimeout(r, 100));
    expect(observer.doc.getMap('m').has('t')).toBe(false);
    ws.send(updateMessage(updates[0]!));
    await waitFor(() => observer.doc.getMap('m').get('t')?.toString() === 'first second', 'held updates');
    ws.close();
    // And a late joiner (from storage, for ours) gets the same.
    const late = peer(t, room, token);
    await synced(late);
    expect((late.doc.getMap('m').get('t') as Y.Text).toString()).toBe('first second');
  });
});
