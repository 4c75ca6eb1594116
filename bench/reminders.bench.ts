/**
 * Reminder drift: how late a wake-up leaves the relay after the time the device asked for.
 * The real relay process (RAPPORT_PUSH_ALLOW_LOCAL_HTTP=1) sends to a fake push service on
 * loopback, which notes when each request arrives; drift = arrival − scheduled time. Part of
 * what a person sees on top of this — the push service's own delivery and the phone's power
 * saving — cannot be measured here.
 *
 *   npx tsx bench/reminders.bench.ts
 *
 * 1. One device, 30 wake times 250 ms apart (the timer as it fires one by one).
 * 2. 1,000 devices all asking for the same minute (9:00 comes for everyone at once).
 * 3. The relay restarted 1 s before a wake time (re-armed from SQLite on start).
 */
import { registerSpace, pairDevice, type Credentials } from '../test/server/clients.ts';
import { startFakePushService, type FakePushService } from '../test/server/fake-push.ts';
import { makeTempDir, startRelay, type RelayProcess } from '../test/server/relay-process.ts';
import { percentile } from './support/stats.ts';

const ENV = {
  RAPPORT_PUSH_ALLOW_LOCAL_HTTP: '1',
  RAPPORT_PAIRINGS_PER_10MIN: '100000',
  RAPPORT_SPACES_PER_HOUR: '100000',
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function put(
  relay: RelayProcess,
  creds: Credentials,
  push: FakePushService,
  id: string,
  wakeAt: number[],
): Promise<void> {
  const res = await fetch(`${relay.url}/api/spaces/${creds.spaceId}/reminders`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${creds.token}` },
    body: JSON.stringify({ subscription: push.subscribe(id).subscription, wakeAt }),
  });
  if (res.status !== 204) throw new Error(`schedule refused: ${res.status} ${await res.text()}`);
}

async function waitForCount(push: FakePushService, n: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (push.received.length < n && Date.now() < end) await sleep(10);
  if (push.received.length < n) throw new Error(`only ${push.received.length} of ${n} pushes arrived`);
}

const drifts = (push: FakePushService, scheduled: Map<string, number[]>) =>
  push.received.map((r) => {
    const id = r.path.replace('/push/', '');
    const times = scheduled.get(id) ?? [];
    const at = times.shift() as number;
    return r.receivedAt - at;
  });

function print(name: string, xs: number[]): void {
  const f = (p: number) => `${percentile(xs, p).toFixed(0)} ms`;
  console.log(
    `${name}: n=${xs.length} min ${Math.min(...xs)} ms, median ${f(50)}, p95 ${f(95)}, p99 ${f(99)}, max ${Math.max(...xs)} ms`,
  );
}

async function oneDevice(): Promise<void> {
  const push = await startFakePushService();
  const relay = await startRelay({ env: ENV });
  try {
    const creds = await registerSpace(relay.url, { deviceName: 'Phone' });
    const start = Date.now() + 1000;
    const times = Array.from({ length: 30 }, (_, i) => start + i * 250);
    await put(relay, creds, push, 'one', times);
    await waitForCount(push, times.length, 60_000);
    print('one device, 30 wake times 250 ms apart', drifts(push, new Map([['one', [...times]]])));
  } finally {
    await relay.stop();
    await push.close();
  }
}

async function manyDevices(n: number): Promise<void> {
  const push = await startFakePushService();
  const relay = await startRelay({ env: ENV });
  try {
    const owner = await registerSpace(relay.url, { deviceName: 'Laptop' });
    const devices: Credentials[] = [owner];
    while (devices.length < n)
      devices.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, n - devices.length) }, () => pairDevice(relay.url, owner, 'Phone')),
        )),
      );
    const at = Date.now() + 8000;
    const scheduled = new Map<string, number[]>();
    for (let i = 0; i < devices.length; i += 50) {
      await Promise.all(
        devices
          .slice(i, i + 50)
          .map((d, k) => (scheduled.set(`d${i + k}`, [at]), put(relay, d, push, `d${i + k}`, [at]))),
      );
    }
    if (Date.now() >= at) throw new Error('setting up took longer than the lead time');
    await waitForCount(push, n, 120_000);
    print(`${n} devices at the same time`, drifts(push, scheduled));
  } finally {
    await relay.stop();
    await push.close();
  }
}

async function acrossRestart(): Promise<void> {
  const push = await startFakePushService();
  const dataDir = makeTempDir();
  let relay = await startRelay({ env: ENV, dataDir });
  try {
    const creds = await registerSpace(relay.url, { deviceName: 'Phone' });
    const at = Date.now() + 3000;
    await put(relay, creds, push, 'restart', [at]);
    await sleep(Math.max(0, at - Date.now() - 1000));
    await relay.stop();
    relay = await startRelay({ env: ENV, dataDir });
    await waitForCount(push, 1, 30_000);
    print('restarted 1 s before the wake time', drifts(push, new Map([['restart', [at]]])));
  } finally {
    await relay.stop();
    await push.close();
  }
}

await oneDevice();
await manyDevices(1000);
await acrossRestart();
console.log('rerun: npx tsx bench/reminders.bench.ts');
