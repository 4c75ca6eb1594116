/**
 * Bad input of every kind: each is closed with its named code, nothing of it is stored, no byte
 * of the space reaches a socket without a valid token, and another space keeps syncing meanwhile.
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectPeer,
  registerSpace,
  pairDevice,
  rawSocket,
  rawUpgrade,
  synced,
  waitFor,
  type Credentials,
  type Peer,
} from './clients.ts';
import { stored } from './db.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

let relay: RelayProcess;
let victim: Credentials;
let other: Credentials;
let bystanders: [Peer, Peer];
let owner: Peer;
const SECRET = 'the-contacts-of-someone';

beforeAll(async () => {
  relay = await startRelay({
    env: {
      RAPPORT_MAX_FRAME_BYTES: '65536',
      RAPPORT_MSG_BURST: '200',
      RAPPORT_MSG_PER_SEC: '50',
      RAPPORT_BYTES_PER_SEC: '65536', // burst: two 64 KiB frames
      RAPPORT_MAX_CONNECTIONS_PER_SPACE: '6',
      RAPPORT_SPACES_PER_HOUR: '1000',
    },
  });
  [victim, other] = await Promise.all([registerSpace(relay.url), registerSpace(relay.url)]);
  const bystander = await registerSpace(relay.url);
  bystanders = [
    connectPeer(relay.syncUrl, bystander.spaceId, bystander.token),
    connectPeer(relay.syncUrl, bystander.spaceId, bystander.token),
  ];
  owner = connectPeer(relay.syncUrl, victim.spaceId, victim.token);
  await Promise.all([...bystanders, owner].map((p) => synced(p)));
  owner.doc.getMap('m').set('secret', SECRET);
  await waitFor(() => stored(relay.dataDir, victim.spaceId).rows > 0, 'victim data stored');
});

afterAll(async () => {
  for (const p of [...(bystanders ?? []), owner]) p?.destroy();
  await relay?.stop();
});

const url = (spaceId: string, token?: string) =>
  `${relay.syncUrl}/${spaceId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

let round = 0;
/** Runs the attack while the bystander space keeps editing; checks storage and the bystanders. */
async function underAttack<T>(attack: () => Promise<T>): Promise<T> {
  const before = stored(relay.dataDir, victim.spaceId);
  const [a, b] = bystanders;
  const key = `k${round++}`;
  let stop = false;
  let edits = 0;
  const editing = (async () => {
    while (!stop) {
      a.doc.getMap('m').set(key, ++edits);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await attack();
  stop = true;
  await editing;
  // The bystander catches up and stays connected (how fast is measured in bench/relay.bench.ts).
  await waitFor(() => b.doc.getMap('m').get(key) === edits, 'bystander sync');
  expect(b.provider.wsconnected).toBe(true);
  expect(stored(relay.dataDir, victim.spaceId)).toEqual(before);
  return result;
}

const containsSecret = (messages: Uint8Array[]) => messages.some((m) => Buffer.from(m).includes(SECRET));
const isPermissionDenied = (m: Uint8Array | undefined) => m !== undefined && m[0] === 2 && m[1] === 0;

function syncMessage(step: number, payload: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return Buffer.from(encoding.toUint8Array(e));
}

function awarenessMessage(entries: [number, number, string][]): Buffer {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return Buffer.from(encoding.toUint8Array(e));
}

function realUpdate(value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set('injected', value);
  return Y.encodeStateAsUpdate(doc);
}

function seeded(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('refused before any frame is read', () => {
  it.each([
    ['missing token', () => url(victim.spaceId), 4401, 'token-required'],
    ['wrong token', () => url(victim.spaceId, `${victim.token.slice(0, -4)}AAAA`), 4403, 'token-invalid'],
    ['garbage token', () => url(victim.spaceId, '../../etc/passwd'), 4403, 'token-invalid'],
    ["another space's token", () => url(victim.spaceId, other.token), 4403, 'token-invalid'],
    ['a token for a space that does not exist', () => url('A'.repeat(22), victim.token), 4403, 'token-invalid'],
  ])('%s → %i', async (_name, target, code, reason) => {
    const result = await underAttack(() => rawSocket(target(), { frames: [syncMessage(0, new Uint8Array([0]))] }));
    expect(result.code).toBe(code);
    expect(result.reason).toBe(reason);
    expect(result.messages.length).toBe(1);
    expect(isPermissionDenied(result.messages[0])).toBe(true);
    expect(containsSecret(result.messages)).toBe(false);
  });

  it('a revoked device → 4410, and the official client stops retrying', async () => {
    const phone = await pairDevice(relay.url, victim);
    const res = await fetch(`${relay.url}/api/spaces/${victim.spaceId}/devices/${phone.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${victim.token}` },
    });
    expect(res.status).toBe(204);
    const result = await underAttack(() => rawSocket(url(victim.spaceId, phone.token)));
    expect(result.code).toBe(4410);
    expect(containsSecret(result.messages)).toBe(false);
    const client = connectPeer(relay.syncUrl, victim.spaceId, phone.token);
    await waitFor(() => client.closes.length > 0);
    await new Promise((r) => setTimeout(r, 400));
    expect(client.closes).toEqual([{ code: 4410, reason: 'device-revoked' }]);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.doc.getMap('m').size).toBe(0);
    client.destroy();
  });

  it('an official client without a valid token gets 4403 and the permission-denied message', async () => {
    const client = connectPeer(relay.syncUrl, victim.spaceId, other.token);
    await waitFor(() => client.closes.length > 0);
    expect(client.closes[0]).toEqual({ code: 4403, reason: 'token-invalid' });
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.doc.getMap('m').size).toBe(0);
    client.destroy();
  });

  it('accepts the token as a Sec-WebSocket-Protocol value instead of the query', async () => {
    const seen: Uint8Array[] = [];
    const ws = new WebSocket(url(victim.spaceId), ['rapport', victim.token]);
    ws.on('message', (d: Buffer) => seen.push(new Uint8Array(d)));
    await new Promise((r) => ws.once('open', r));
    expect(ws.protocol).toBe('rapport');
    ws.send(syncMessage(0, new Uint8Array([0])));
    await waitFor(() => containsSecret(seen), 'data over protocol token');
    ws.close();
  });

  it.each([
    (id: string) => `/sync/../sync/${id}`,
    (id: string) => `/sync/%2e%2e/${id}`,
    (id: string) => `/sync/%2E%2E%2F${id}`,
    (id: string) => `/sync/${id}/..`,
    (id: string) => `/sync/${id}%2F..`,
    (id: string) => `/sync//${id}`,
    (id: string) => `/sync/${id}/`,
    (id: string) => `/sync%2F${id}`,
    (id: string) => `/sync/${id}%00`,
    (id: string) => `/sync/${id.slice(0, 21)}%${id.charCodeAt(21).toString(16)}`,
    (id: string) => `/SYNC/${id}`,
    (id: string) => `/sync/${id}/extra`,
    (id: string) => `/sync/.%2e/${id}`,
  ])('room path trick %# → 4400', async (path) => {
    const p = `${path(victim.spaceId)}?token=${victim.token}`;
    const result = await underAttack(() => rawUpgrade(relay.port, p));
    expect(result.status).toBe(101);
    expect(result.closeCode).toBe(4400);
    expect(result.frames.every((f) => !f.payload.includes(SECRET))).toBe(true);
  });

  it('other upgrade paths are refused at the HTTP level', async () => {
    const result = await rawUpgrade(relay.port, `/api/spaces?token=${victim.token}`);
    expect(result.status).toBe(404);
  });
});

describe('bad frames from an authenticated device', () => {
  const attack = (frames: (Buffer | string)[]) =>
    underAttack(() => rawSocket(url(victim.spaceId, victim.token), { frames }));

  it('oversized frame → 1009 (frame-too-large), not stored', async () => {
    const result = await attack([syncMessage(2, realUpdate('x'.repeat(70_000)))]);
    expect(result.code).toBe(1009);
  });

  it('a frame just under the limit is accepted', async () => {
    const p = connectPeer(relay.syncUrl, victim.spaceId, victim.token);
    await synced(p);
    p.doc.getMap('m').set('big', 'y'.repeat(60_000));
    await waitFor(() => owner.doc.getMap('m').get('big') !== undefined, 'big update');
    p.doc.getMap('m').delete('big');
    await waitFor(() => !owner.doc.getMap('m').has('big'), 'cleanup');
    p.destroy();
  });

  it('text frame → 4415', async () => {
    const result = await attack(['{"type":"sync"}']);
    expect(result.code).toBe(4415);
  });

  it.each([1, 2, 3, 4, 5])('random bytes (seed %i) → 4422', async (seed) => {
    const result = await attack([seeded(seed, 300)]);
    expect(result.code).toBe(4422);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a varint running off the end', [0x00, 0x02, 0xff, 0xff, 0xff]],
    ['an empty sync message', [0x00]],
    ['an unknown message type', [0x09, 0x00]],
    ['an unknown sync step', [0x00, 0x07, 0x00]],
    ['trailing bytes', [0x03, 0x00]],
  ])('truncated or malformed: %s → 4422', async (_name, bytes) => {
    const result = await attack([Buffer.from(bytes)]);
    expect(result.code).toBe(4422);
  });

  it.each([2, 1])('an update that fails to apply (sync step %i) → 4422, nothing stored', async (step) => {
    const update = realUpdate('z'.repeat(40));
    const result = await attack([syncMessage(step, update.subarray(0, update.length - 12))]);
    expect(result.code).toBe(4422);
    const fresh = connectPeer(relay.syncUrl, victim.spaceId, victim.token);
    await synced(fresh);
    expect(fresh.doc.getMap('m').has('injected')).toBe(false);
    fresh.destroy();
  });

  it('an update that decodes but makes Yjs throw half-way → 4422; the space keeps serving its other devices', async () => {
    // Found by fuzzing (test/server/space.test.ts): after SOUND, Yjs throws inside applyUpdate on BAD.
    const SOUND =
      '030483ffa5ea0e00210108636f6e746163747302633201000e0801036c6f670376010261747d027701787d2a000304f59a94a30e00210108636f6e746163747302633001000e0801036c6f670376010261747d007701787d2a000305b2a5b2800400210108636f6e746163747302633101000e0101036c6f670188b2a5b280040f027701787d2a00030383ffa5ea0e02000f1203f59a94a30e02000f1203b2a5b280040200101203';
    const BAD =
      '0106f59a94a30e00270108636f6e7461637473026330012800f59a94a30e00046e616d650177064e616d6520302800f59a94a30e0004746167730175037701617701627d002700f59a94a30e00056e6f746573020400f59a94a30e3a0b68656c6c6f20776f726c640801036c6f670376010261747d007701787d2a00';
    const fresh = await registerSpace(relay.url);
    const member = connectPeer(relay.syncUrl, fresh.spaceId, fresh.token);
    await synced(member);
    const sound = await rawSocket(url(fresh.spaceId, fresh.token), {
      frames: [syncMessage(2, Buffer.from(SOUND, 'hex'))],
      onOpen: (ws) => setTimeout(() => ws.close(), 200),
    });
    expect(sound.code).toBe(1005);
    await waitFor(() => member.doc.getArray('log').length > 0, 'sound update');
    const storedBefore = stored(relay.dataDir, fresh.spaceId);
    const expected = JSON.stringify(member.doc.getArray('log').toJSON());

    const bad = await rawSocket(url(fresh.spaceId, fresh.token), { frames: [syncMessage(2, Buffer.from(BAD, 'hex'))] });
    expect(bad.code).toBe(4422);
    expect(stored(relay.dataDir, fresh.spaceId)).toEqual(storedBefore);
    // The other device was not disturbed and still syncs through the rebuilt document.
    expect(member.provider.wsconnected).toBe(true);
    expect(member.closes).toEqual([]);
    member.doc.getMap('m').set('after', 1);
    const late = connectPeer(relay.syncUrl, fresh.spaceId, fresh.token);
    await synced(late);
    await waitFor(() => late.doc.getMap('m').get('after') === 1, 'sync after rebuild');
    expect(JSON.stringify(late.doc.getArray('log').toJSON())).toBe(expected);
    member.destroy();
    late.destroy();
  });

  it.each([
    ['bad JSON', '{"user":'],
    ['a number', '42'],
    ['an array', '[1,2]'],
  ])('malformed awareness (%s) → 4422 and never reaches the other devices', async (_name, state) => {
    const watcher = connectPeer(relay.syncUrl, victim.spaceId, victim.token);
    await synced(watcher);
    const errors: unknown[] = [];
    const changes: number[][] = [];
    watcher.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) =>
      changes.push([...added, ...updated]),
    );
    process.on('uncaughtException', (e) => errors.push(e));
    const result = await attack([awarenessMessage([[4242, 1, state]])]);
    expect(result.code).toBe(4422);
    await new Promise((r) => setTimeout(r, 100));
    expect(changes.flat()).not.toContain(4242);
    expect(watcher.provider.wsconnected).toBe(true);
    expect(errors).toEqual([]);
    watcher.destroy();
  });

  it('message flood → 4529 (rate-limited)', async () => {
    const flood = Array.from({ length: 1000 }, () => Buffer.from([3]));
    const result = await attack(flood);
    expect(result.code).toBe(4529);
  });

  it('byte flood → 4529 (rate-limited), even in well-formed messages', async () => {
    const big = awarenessMessage([[777, 1, JSON.stringify({ pad: 'p'.repeat(50_000) })]]);
    const result = await attack([big, big, big, big]);
    expect(result.code).toBe(4529);
  });

  it('connection flood → 4503 beyond the per-space limit', async () => {
    const outcome = await underAttack(async () => {
      const sockets = Array.from({ length: 20 }, () => new WebSocket(url(victim.spaceId, victim.token)));
      const codes: number[] = [];
      sockets.forEach((ws) => {
        ws.on('error', () => {});
        ws.on('close', (code) => codes.push(code));
      });
      await new Promise((r) => setTimeout(r, 1_000));
      const open = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
      sockets.forEach((ws) => ws.terminate());
      return { codes, open };
    });
    // The owner holds one of the six places.
    expect(outcome.open).toBeLessThanOrEqual(5);
    expect(outcome.codes.filter((c) => c === 4503).length).toBeGreaterThanOrEqual(15);
  });

  it('counts each rejection by reason in /metrics', async () => {
    const text = await (await fetch(`${relay.url}/metrics`)).text();
    for (const reason of [
      'token-required',
      'token-invalid',
      'device-revoked',
      'invalid-room',
      'text-frame',
      'frame-too-large',
      'invalid-message',
      'rate-limited',
      'too-many-connections',
    ]) {
      expect(text).toMatch(new RegExp(`rapport_rejections_total\\{reason="${reason}"\\} [1-9]`));
    }
    expect(text).toMatch(/rapport_connections [1-9]/);
    expect(text).toMatch(/rapport_spaces_loaded [1-9]/);
    expect(text).toMatch(/rapport_storage_write_seconds_count [1-9]/);
    expect(text).toMatch(/rapport_messages_in_total [1-9]/);
    expect(text).toMatch(/rapport_bytes_out_total [1-9]/);
  });

  it('never wrote a token or a full space id to the log through all of this', () => {
    const log = relay.stderr();
    expect(log).toContain('ws.refused reason=invalid-room path=/sync/');
    expect(log).toContain('?[redacted]');
    for (const secret of [victim.token, other.token, victim.token.split('.')[1]!, victim.spaceId])
      expect(log).not.toContain(secret);
  });
});
