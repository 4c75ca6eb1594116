/**
 * Reminders through the real relay process: it wakes a device at the times the device asked
 * for, through a push service (a fake one on loopback, allowed by RAPPORT_PUSH_ALLOW_LOCAL_HTTP),
 * with a VAPID-signed, encrypted payload that says nothing personal; forgets a subscription
 * the push service calls gone, or a revoked device's; refuses endpoints that would make it a
 * request forwarder; keeps its schedule across a restart; and never holds a name.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextWakeTimes, DEFAULT_REMINDER_SETTINGS } from '../../src/model/rules/index.ts';
import { action, interaction, ledger, person } from '../model/rules/build.ts';
import { registerSpace, pairDevice, waitFor, type Credentials } from './clients.ts';
import { decryptPush, startFakePushService, verifyVapid, type FakePushService } from './fake-push.ts';
import { makeTempDir, startRelay, type RelayProcess } from './relay-process.ts';

const TEST_PUSH = { RAPPORT_PUSH_ALLOW_LOCAL_HTTP: '1' };
let relay: RelayProcess;
let push: FakePushService;

beforeAll(async () => {
  push = await startFakePushService();
  relay = await startRelay({ env: TEST_PUSH });
});
afterAll(async () => {
  await relay?.stop();
  await push?.close();
});

const setReminders = (r: RelayProcess, creds: Credentials, body: unknown, method = 'PUT') =>
  fetch(`${r.url}/api/spaces/${creds.spaceId}/reminders`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${creds.token}` },
    body: method === 'PUT' ? JSON.stringify(body) : undefined,
  });

function subscriptionRow(dataDir: string, deviceId: string): unknown {
  const db = new Database(path.join(dataDir, 'rapport.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM push_subscriptions WHERE device_id = ?').get(deviceId) ?? null;
  } finally {
    db.close();
  }
}
const wakeRows = (dataDir: string, deviceId: string): number[] => {
  const db = new Database(path.join(dataDir, 'rapport.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { at: number }>('SELECT at FROM push_wakes WHERE device_id = ? ORDER BY at')
      .all(deviceId)
      .map((r) => r.at);
  } finally {
    db.close();
  }
};

const pushesTo = (id: string) => push.received.filter((r) => r.path === `/push/${id}`);

describe('waking a device', () => {
  it('sends one push per scheduled time, VAPID-signed with the relay key, encrypted for the subscriber, with no personal data', async () => {
    const key = (await (await fetch(`${relay.url}/api/push/key`)).json()) as { publicKey: string };
    expect(Buffer.from(key.publicKey, 'base64url')).toHaveLength(65);
    const creds = await registerSpace(relay.url, { deviceName: 'Phone' });
    const browser = push.subscribe('a');
    const first = Date.now() + 1000;
    const times = [first, first + 700];
    expect((await setReminders(relay, creds, { subscription: browser.subscription, wakeAt: times })).status).toBe(204);
    await waitFor(() => pushesTo('a').length >= 2, 'two pushes');
    const got = pushesTo('a');
    expect(got).toHaveLength(2);
    for (const [n, r] of got.entries()) {
      expect(r.receivedAt).toBeGreaterThanOrEqual(times[n] as number);
      const vapid = verifyVapid(r.headers, browser.subscription.endpoint);
      expect(vapid.publicKey).toBe(key.publicKey);
      expect(vapid.claims.exp * 1000).toBeGreaterThan(Date.now());
      expect(vapid.claims.sub).toMatch(/^(mailto:|https:)/);
      expect(r.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(r.headers.ttl)).toBeGreaterThan(0);
      const payload = JSON.parse(decryptPush(r.body, browser)) as Record<string, unknown>;
      // Only "wake up" and the time it was for: nothing a push service could learn from.
      expect(payload).toEqual({ type: 'wake', at: times[n] });
    }
    // Sent times are consumed.
    expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual([]);
  });

  it('a new schedule replaces the old one; an empty one wakes nothing; DELETE drops the subscription', async () => {
    const creds = await registerSpace(relay.url, { deviceName: 'Laptop' });
    const browser = push.subscribe('b');
    const later = Date.now() + 3_600_000;
    await setReminders(relay, creds, { subscription: browser.subscription, wakeAt: [later, later + 86_400_000] });
    expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual([later, later + 86_400_000]);
    // Only times (the subscription kept): a follow-up was done, the next one is later.
    expect((await setReminders(relay, creds, { wakeAt: [later + 2 * 86_400_000] })).status).toBe(204);
    expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual([later + 2 * 86_400_000]);
    expect((await setReminders(relay, creds, { wakeAt: [] })).status).toBe(204);
    expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual([]);
    expect(subscriptionRow(relay.dataDir, creds.deviceId)).not.toBeNull();
    expect((await setReminders(relay, creds, null, 'DELETE')).status).toBe(204);
    expect(subscriptionRow(relay.dataDir, creds.deviceId)).toBeNull();
    // Times without a subscription are refused.
    expect((await setReminders(relay, creds, { wakeAt: [later] })).status).toBe(409);
  });

  it('a push service answering 410 (gone) makes the relay drop the subscription', async () => {
    const creds = await registerSpace(relay.url, { deviceName: 'Old phone' });
    const browser = push.subscribe('gone');
    push.respondWith(410);
    try {
      await setReminders(relay, creds, {
        subscription: browser.subscription,
        wakeAt: [Date.now() + 500, Date.now() + 3_600_000],
      });
      await waitFor(() => pushesTo('gone').length === 1, 'the push');
      await waitFor(() => subscriptionRow(relay.dataDir, creds.deviceId) === null, 'the subscription dropped');
      expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual([]);
    } finally {
      push.respondWith(201);
    }
    await waitFor(() => /push\.gone device=\S+ status=410/.test(relay.stderr()), 'the log line');
  });

  it('revoking a device drops its subscription and wake times', async () => {
    const owner = await registerSpace(relay.url, { deviceName: 'Laptop' });
    const phone = await pairDevice(relay.url, owner, 'Phone');
    await setReminders(relay, phone, {
      subscription: push.subscribe('revoked').subscription,
      wakeAt: [Date.now() + 3_600_000],
    });
    expect(subscriptionRow(relay.dataDir, phone.deviceId)).not.toBeNull();
    const res = await fetch(`${relay.url}/api/spaces/${owner.spaceId}/devices/${phone.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(204);
    expect(subscriptionRow(relay.dataDir, phone.deviceId)).toBeNull();
    expect(wakeRows(relay.dataDir, phone.deviceId)).toEqual([]);
  });

  it('keeps its schedule across a restart and wakes the device after it', async () => {
    const dataDir = makeTempDir();
    let r = await startRelay({ env: TEST_PUSH, dataDir });
    const creds = await registerSpace(r.url, { deviceName: 'Phone' });
    const keyBefore = ((await (await fetch(`${r.url}/api/push/key`)).json()) as { publicKey: string }).publicKey;
    const at = Date.now() + 2500;
    await setReminders(r, creds, { subscription: push.subscribe('restart').subscription, wakeAt: [at] });
    await r.stop();
    r = await startRelay({ env: TEST_PUSH, dataDir });
    try {
      // The key pair is kept in DATA_DIR: the subscription made with it still works.
      expect(((await (await fetch(`${r.url}/api/push/key`)).json()) as { publicKey: string }).publicKey).toBe(
        keyBefore,
      );
      expect(fs.statSync(path.join(dataDir, 'vapid.json')).mode & 0o077).toBe(0);
      await waitFor(() => pushesTo('restart').length === 1, 'the push after the restart');
      expect(pushesTo('restart')[0]?.receivedAt).toBeGreaterThanOrEqual(at);
    } finally {
      await r.stop();
    }
  });
});

describe('not a request forwarder', () => {
  let strict: RelayProcess;
  beforeAll(async () => {
    strict = await startRelay({ env: { RAPPORT_REMINDER_SCHEDULES_PER_HOUR: '4' } });
  });
  afterAll(async () => {
    await strict?.stop();
  });

  const keys = () => push.subscribe('x').subscription.keys;

  it('refuses endpoints that are not https, or point at loopback, private, link-local or special addresses', async () => {
    const creds = await registerSpace(strict.url, { deviceName: 'Phone' });
    const refused = [
      ['http://push.example.com/send/1', 'endpoint-not-https'],
      [`${push.url}/push/x`, 'endpoint-not-https'],
      ['https://127.0.0.1/send', 'endpoint-refused'],
      ['https://10.1.2.3/send', 'endpoint-refused'],
      ['https://192.168.1.20/send', 'endpoint-refused'],
      ['https://172.20.0.1/send', 'endpoint-refused'],
      ['https://169.254.169.254/latest/meta-data', 'endpoint-refused'],
      ['https://[::1]/send', 'endpoint-refused'],
      ['https://[fe80::1]/send', 'endpoint-refused'],
      ['https://[fd00::1]/send', 'endpoint-refused'],
      ['https://[::ffff:10.0.0.1]/send', 'endpoint-refused'],
      ['https://localhost/send', 'endpoint-refused'],
      ['https://push.example.com:8443/send', 'endpoint-refused'],
      ['https://user:pw@push.example.com/send', 'endpoint-invalid'],
    ] as const;
    for (const [endpoint, error] of refused) {
      // Each on its own device: the per-device rate limit is tested below.
      const device = await pairDevice(strict.url, creds, 'P');
      const res = await setReminders(strict, device, { subscription: { endpoint, keys: keys() }, wakeAt: [] });
      expect([endpoint, res.status, ((await res.json()) as { error: string }).error]).toEqual([endpoint, 400, error]);
      expect(subscriptionRow(strict.dataDir, device.deviceId)).toBeNull();
    }
    // A public https endpoint is accepted (it is not contacted until a wake time comes).
    const ok = await setReminders(strict, creds, {
      subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: keys() },
      wakeAt: [],
    });
    expect(ok.status).toBe(204);
  });

  it('rate-limits schedules per device', async () => {
    const creds = await registerSpace(strict.url, { deviceName: 'Phone' });
    const other = await pairDevice(strict.url, creds, 'Laptop');
    const sub = { endpoint: 'https://fcm.googleapis.com/fcm/send/def', keys: keys() };
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++)
      statuses.push((await setReminders(strict, creds, { subscription: sub, wakeAt: [] })).status);
    expect(statuses).toEqual([204, 204, 204, 204, 429, 429]);
    // Another device of the same space is not held back.
    expect((await setReminders(strict, other, { subscription: sub, wakeAt: [] })).status).toBe(204);
  });

  it('refuses malformed schedules', async () => {
    const creds = await registerSpace(strict.url, { deviceName: 'Phone' });
    const sub = { endpoint: 'https://fcm.googleapis.com/fcm/send/ghi', keys: keys() };
    const far = Date.now() + 90 * 86_400_000;
    for (const wakeAt of [null, 'soon', [far], Array.from({ length: 33 }, (_, i) => Date.now() + 60_000 * (i + 1))]) {
      expect((await setReminders(strict, creds, { subscription: sub, wakeAt })).status).toBe(400);
    }
  });
});

describe('privacy', () => {
  it('after reminders are set up from a network full of names, the relay database and log hold none of them', async () => {
    const names = ['Ben Carter', 'Oliver Grant', 'Zoë Marchetti', 'Write the keynote post'];
    const ben = person('ben', { name: names[0] });
    const oli = person('oli', { name: names[1], cadenceDays: 14 });
    const zoe = person('zoe', { name: names[2] });
    const times = nextWakeTimes({
      contacts: [ben, oli, zoe],
      interactions: [
        interaction('f', {
          at: '2026-01-02T10:00:00Z',
          contactIds: [ben.id],
          followUpOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        }),
      ],
      actions: [
        action('a', { title: names[3], dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }),
      ],
      ledger: [ledger('p', { contactId: zoe.id, direction: 'gave', status: 'promised', kind: 'help' })],
      now: Date.now(),
      timeZone: 'Europe/London',
      settings: { ...DEFAULT_REMINDER_SETTINGS, enabled: true },
    });
    expect(times.length).toBeGreaterThan(0);
    const creds = await registerSpace(relay.url, { deviceName: 'Phone' });
    const browser = push.subscribe('privacy');
    expect((await setReminders(relay, creds, { subscription: browser.subscription, wakeAt: times })).status).toBe(204);
    const files = fs.readdirSync(relay.dataDir).filter((f) => f.startsWith('rapport.sqlite3'));
    const stored = Buffer.concat(files.map((f) => fs.readFileSync(path.join(relay.dataDir, f))));
    for (const name of [...names, ...names.map((n) => n.split(' ')[0] as string)]) {
      expect(stored.includes(Buffer.from(name, 'utf8')), name).toBe(false);
      expect(stored.includes(Buffer.from(name, 'utf16le')), name).toBe(false);
      expect(relay.stderr().includes(name), name).toBe(false);
    }
    // What is kept per device, and nothing else: the subscription and the times.
    expect(Object.keys(subscriptionRow(relay.dataDir, creds.deviceId) as object).sort()).toEqual([
      'auth',
      'device_id',
      'endpoint',
      'p256dh',
      'updated_at',
    ]);
    expect(wakeRows(relay.dataDir, creds.deviceId)).toEqual(times);
    // The endpoint (a capability to reach the device) is not written to the log either.
    expect(relay.stderr()).not.toContain('/push/privacy');
  });
});
