import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPeer, registerSpace, pairDevice, synced, waitFor, type Credentials, type Peer } from './clients.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';

let relay: RelayProcess;
const INVITE = 'let-me-in-please';

beforeAll(async () => {
  relay = await startRelay({
    env: { RAPPORT_INVITE_CODE: INVITE, RAPPORT_SPACES_PER_HOUR: '12', RAPPORT_PAIRINGS_PER_10MIN: '40' },
  });
});
afterAll(async () => {
  await relay?.stop();
});
const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(relay.url + path, {
    ...init,
    headers: {
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token !== undefined ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

const space = () => registerSpace(relay.url, { inviteCode: INVITE, deviceName: 'Laptop' });

describe('spaces', () => {
  it('a retry with the same request id gets the same space, never a second one', async () => {
    const create = (requestId: string) =>
      api('/api/spaces', {
        method: 'POST',
        body: JSON.stringify({ inviteCode: INVITE, deviceName: 'Laptop', requestId }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Credentials }));
    const requestId = 'Zr3QvT8b1nq2Xk9pLm4WcA';
    // A double click sends two at once; a lost answer is retried later.
    const [first, second] = await Promise.all([create(requestId), create(requestId)]);
    const third = await create(requestId);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    // The answer is a working device token for that one space.
    const peer = connectPeer(relay.syncUrl, first.body.spaceId, third.body.token);
    peers.push(peer);
    await synced(peer);
    // Another request id is another space.
    const other = await create('Qq8nR2vLx0c7Ty5Hk1MbZw');
    expect(other.body.spaceId).not.toBe(first.body.spaceId);
  });

  it('creates a space with its first device (201, URL-safe 128-bit ids)', async () => {
    const res = await api('/api/spaces', {
      method: 'POST',
      body: JSON.stringify({ inviteCode: INVITE, deviceName: 'Laptop' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Credentials;
    expect(Object.keys(body).sort()).toEqual(['deviceId', 'spaceId', 'token']);
    expect(body.spaceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.token.length).toBeGreaterThanOrEqual(43);
    expect(body.token).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('refuses creation without the invite code when one is configured', async () => {
    expect((await api('/api/spaces', { method: 'POST' })).status).toBe(403);
    const wrong = await api('/api/spaces', { method: 'POST', body: JSON.stringify({ inviteCode: 'guess' }) });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: 'invite-required' });
    const header = await api('/api/spaces', { method: 'POST', headers: { 'X-Invite-Code': INVITE } });
    expect(header.status).toBe(201);
  });

  it('never logs tokens, invite codes or pairing codes', async () => {
    const owner = await space();
    const pairing = await api(`/api/spaces/${owner.spaceId}/pairings`, { method: 'POST', token: owner.token });
    const { code } = (await pairing.json()) as { code: string };
    const p = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    const refused = connectPeer(relay.syncUrl, owner.spaceId, `${owner.token.slice(0, -2)}xx`);
    peers.push(p, refused);
    await synced(p);
    await waitFor(() => refused.closes.length > 0);
    const log = relay.stderr() + relay.stdout();
    expect(log).not.toContain(owner.token.split('.')[1]);
    expect(log).not.toContain(code);
    expect(log).not.toContain(INVITE);
    expect(log).toContain('ws.refused reason=token-invalid');
    expect(log).not.toContain(owner.spaceId); // spaces appear by a short prefix only
  });
});

describe('pairing and devices', () => {
  it('pairs a device with a single-use code valid for 10 minutes', async () => {
    const owner = await space();
    const asked = Date.now();
    const res = await api(`/api/spaces/${owner.spaceId}/pairings`, { method: 'POST', token: owner.token });
    expect(res.status).toBe(201);
    const { code, expiresAt } = (await res.json()) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Ten minutes from when the relay made it: not before ten minutes after it was asked for, and not after ten minutes
    // past the relay's own answer (its Date header, whole seconds, written after the code was made). A slow machine widens neither.
    expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(asked + 10 * 60_000 - 1000);
    expect(Date.parse(expiresAt) - Date.parse(res.headers.get('date') ?? '')).toBeLessThan(10 * 60_000 + 1000);

    const pair = (c: string) =>
      api('/api/pair', {
        method: 'POST',
        body: JSON.stringify({ spaceId: owner.spaceId, code: c, deviceName: 'Phone' }),
      });
    const first = await pair(code.toLowerCase());
    expect(first.status).toBe(201);
    const phone = (await first.json()) as { deviceId: string; token: string };
    expect(Object.keys(phone).sort()).toEqual(['deviceId', 'token']);
    const again = await pair(code);
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ error: 'code-invalid' });

    // The new device's token works on the socket and the API.
    const p = connectPeer(relay.syncUrl, owner.spaceId, phone.token);
    peers.push(p);
    await synced(p);
    const list = await api(`/api/spaces/${owner.spaceId}/devices`, { token: phone.token });
    expect(list.status).toBe(200);
    const { devices } = (await list.json()) as {
      devices: { deviceId: string; name: string; createdAt: string; lastSeenAt: string | null; current: boolean }[];
    };
    expect(devices.map((d) => d.name).sort()).toEqual(['Laptop', 'Phone']);
    const mine = devices.find((d) => d.deviceId === phone.deviceId)!;
    expect(mine.current).toBe(true);
    expect(Number.isNaN(Date.parse(mine.createdAt))).toBe(false);
    expect(mine.lastSeenAt).not.toBeNull();
    expect(devices.find((d) => d.deviceId === owner.deviceId)!.current).toBe(false);
  });

  it('a code of one space does not pair into another', async () => {
    const a = await space();
    const b = await space();
    const res = await api(`/api/spaces/${a.spaceId}/pairings`, { method: 'POST', token: a.token });
    const { code } = (await res.json()) as { code: string };
    const cross = await api('/api/pair', {
      method: 'POST',
      body: JSON.stringify({ spaceId: b.spaceId, code, deviceName: 'x' }),
    });
    expect(cross.status).toBe(403);
  });

  it('requires a valid token of the same space', async () => {
    const a = await space();
    const b = await space();
    const path = `/api/spaces/${a.spaceId}/devices`;
    expect((await api(path)).status).toBe(401);
    expect(await (await api(path, { token: 'garbage' })).json()).toEqual({ error: 'token-invalid' });
    expect((await api(path, { token: b.token })).status).toBe(403);
    expect((await api(`/api/spaces/${a.spaceId}/pairings`, { method: 'POST', token: b.token })).status).toBe(403);
    expect(
      (await api(`/api/spaces/${a.spaceId}/devices/${a.deviceId}`, { method: 'DELETE', token: b.token })).status,
    ).toBe(403);
    expect((await api(path, { token: a.token })).status).toBe(200);
  });

  it('revocation cuts a live connection at once and locks the device out', async () => {
    const owner = await space();
    const phone = await pairDevice(relay.url, owner);
    const ownerPeer = connectPeer(relay.syncUrl, owner.spaceId, owner.token);
    const phonePeer = connectPeer(relay.syncUrl, owner.spaceId, phone.token);
    peers.push(ownerPeer, phonePeer);
    await Promise.all([synced(ownerPeer), synced(phonePeer)]);
    ownerPeer.doc.getMap('m').set('before', 1);
    await waitFor(() => phonePeer.doc.getMap('m').get('before') === 1);

    const res = await api(`/api/spaces/${owner.spaceId}/devices/${phone.deviceId}`, {
      method: 'DELETE',
      token: owner.token,
    });
    expect(res.status).toBe(204);
    await waitFor(() => phonePeer.closes.length > 0, 'revoked close');
    expect(phonePeer.closes[0]).toEqual({ code: 4410, reason: 'device-revoked' });
    // The official client treats 44xx as permanent: it stops retrying.
    expect(phonePeer.provider.shouldConnect).toBe(false);

    ownerPeer.doc.getMap('m').set('after', 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(phonePeer.doc.getMap('m').has('after')).toBe(false);
    expect((await api(`/api/spaces/${owner.spaceId}/devices`, { token: phone.token })).status).toBe(403);
    const listed = (await (await api(`/api/spaces/${owner.spaceId}/devices`, { token: owner.token })).json()) as {
      devices: { deviceId: string }[];
    };
    expect(listed.devices.map((d) => d.deviceId)).toEqual([owner.deviceId]);
    expect(
      (await api(`/api/spaces/${owner.spaceId}/devices/${phone.deviceId}`, { method: 'DELETE', token: owner.token }))
        .status,
    ).toBe(404);
  });

  it('burns a space’s codes after repeated wrong guesses', async () => {
    const owner = await space();
    const res = await api(`/api/spaces/${owner.spaceId}/pairings`, { method: 'POST', token: owner.token });
    const { code } = (await res.json()) as { code: string };
    for (let i = 0; i < 10; i++) {
      const wrong = await api('/api/pair', {
        method: 'POST',
        body: JSON.stringify({ spaceId: owner.spaceId, code: '0000-0000-0000', deviceName: 'x' }),
      });
      expect(wrong.status).toBe(403);
    }
    const right = await api('/api/pair', {
      method: 'POST',
      body: JSON.stringify({ spaceId: owner.spaceId, code, deviceName: 'x' }),
    });
    expect(right.status).toBe(403);
  });

  it('answers CORS preflight for the API', async () => {
    const res = await api('/api/spaces', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('rate limits', () => {
  it('limits space creation per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++)
      statuses.push((await api('/api/spaces', { method: 'POST', headers: { 'X-Invite-Code': INVITE } })).status);
    expect(statuses).toContain(429);
    const res = await api('/api/spaces', { method: 'POST', headers: { 'X-Invite-Code': INVITE } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits pairing attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      statuses.push(
        (
          await api('/api/pair', {
            method: 'POST',
            body: JSON.stringify({ spaceId: 'A'.repeat(22), code: '1111-1111-1111' }),
          })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
