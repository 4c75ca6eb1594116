/**
 * One seeded chaos run: five Node devices (and, when given a browser, two real browser
 * contexts) edit one space through the real relay while their networks drop and heal, sync is
 * turned off and on, local databases close and reopen, devices crash and restart from what
 * they stored, and the relay is killed with SIGKILL and started again. Then everything heals,
 * and every device must hold the same document, holding every edit a device claimed (saved
 * or acknowledged by the relay) unless a later or concurrent edit replaced it (see oracle.ts).
 *
 * The seed fixes the sequence of steps and every random choice; the interleaving of network
 * traffic is the machine's. A failure comes back with the seed and the trace of steps.
 */
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { COLLECTION_NAMES } from '../../src/model/index.ts';
import { readAll, readMe, readNotDuplicates } from '../../src/store/index.ts';
import type { SpaceCredentials } from '../../src/sync/relay-api.ts';
import { registerSpace, pairDevice } from '../server/clients.ts';
import { BrowserDevice } from './browser-device.ts';
import { NodeDevice } from './node-device.ts';
import { Known, randomEdit } from './ops.ts';
import { Oracle } from './oracle.ts';
import { makeRng, type Rng } from './prng.ts';
import type { RelayHost } from './relay-host.ts';

export interface RunOptions {
  /** Steps of chaos (default 60). A prefix of a seed's steps is the same prefix at any length. */
  steps?: number;
  nodeDevices?: number;
  /** When given, two browser contexts of it join the space as devices too. */
  browser?: Browser;
}

export interface Outcome {
  seed: number;
  ok: boolean;
  problems: string[];
  trace: string[];
  /** Claimed key writes the oracle held to their values. */
  checked: number;
}

type Event =
  | 'edit'
  | 'partition'
  | 'heal'
  | 'syncOff'
  | 'syncOn'
  | 'closeDb'
  | 'reopenDb'
  | 'crash'
  | 'relayKill'
  | 'relayRestart'
  | 'compact'
  | 'wait'
  | 'browser';

const EVENT_WEIGHTS: Record<Event, number> = {
  edit: 60,
  partition: 3,
  heal: 4,
  syncOff: 2,
  syncOn: 3,
  closeDb: 1.5,
  reopenDb: 2,
  crash: 2,
  relayKill: 1,
  relayRestart: 6,
  compact: 1,
  wait: 6,
  browser: 6,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let runCounter = 0;

/** Everything a device holds that a person can see, read the way the app reads it, plus the raw maps. */
export function documentState(doc: Y.Doc): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  const read = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, [...readAll(doc, c).items].sort((a, b) => a.id.localeCompare(b.id))]),
  );
  const raw = Object.fromEntries([...COLLECTION_NAMES, 'me', 'notDuplicates'].map((n) => [n, doc.getMap(n).toJSON()]));
  return JSON.stringify(sort({ read, me: readMe(doc), notDuplicates: [...readNotDuplicates(doc)].sort(), raw }));
}

/** Same items and same deletions: the documents are one. */
const sameYjsState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  Buffer.from(Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))).equals(
    Buffer.from(Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))),
  ) &&
  documentState(a) === documentState(b);

export class ChaosRun {
  readonly trace: string[] = [];
  private readonly rng: Rng;
  private readonly oracle = new Oracle();
  private readonly known = new Known();
  private readonly devices: NodeDevice[] = [];
  private readonly browsers: BrowserDevice[] = [];
  private current = '(setup)';

  constructor(
    readonly seed: number,
    private readonly relay: RelayHost,
    private readonly opts: RunOptions = {},
  ) {
    this.rng = makeRng(seed);
  }

  private log(line: string) {
    this.trace.push(`${String(this.trace.length).padStart(3)} ${line}`);
  }

  async run(): Promise<Outcome> {
    try {
      const problems = await this.chaos();
      return { seed: this.seed, ok: problems.length === 0, problems, trace: this.trace, checked: this.oracle.asserted };
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { seed: this.seed, ok: false, problems: [`threw: ${text}`], trace: this.trace, checked: 0 };
    } finally {
      await this.cleanUp();
    }
  }

  private async chaos(): Promise<string[]> {
    const rng = this.rng;
    const run = ++runCounter;
    const owner = await registerSpace(this.relay.url);
    const creds: SpaceCredentials[] = [{ relayUrl: this.relay.url, ...owner }];
    for (let i = 1; i < (this.opts.nodeDevices ?? 5); i++)
      creds.push({ relayUrl: this.relay.url, ...(await pairDevice(this.relay.url, owner, `Node ${i}`)) });
    creds.forEach((c, i) =>
      this.devices.push(
        new NodeDevice(`n${i}`, `chaos-${process.pid}-${run}-${i}`, c, this.oracle, () => this.current),
      ),
    );
    for (const d of this.devices) await d.start();
    if (this.opts.browser) {
      for (let i = 0; i < 2; i++)
        this.browsers.push(
          await BrowserDevice.join(this.opts.browser, this.relay.url, { relayUrl: this.relay.url, ...owner }, `b${i}`),
        );
    }

    const steps = this.opts.steps ?? 60;
    for (let step = 0; step < steps; step++) {
      const device = rng.pick(this.devices);
      const event = rng.weighted(EVENT_WEIGHTS);
      const line = await this.step(event, device);
      if (line !== null) this.log(line);
      // Let the network move between steps, a little or not at all.
      await sleep(rng.chance(0.3) ? rng.int(20) : 0);
    }
    this.log('heal everything and wait for every device to agree');
    this.current = '(heal)';
    return this.settle();
  }

  private async step(event: Event, device: NodeDevice): Promise<string | null> {
    const rng = this.rng;
    const d = device.name;
    switch (event) {
      case 'edit': {
        this.current = `${d}: edit`;
        const line = await randomEdit(device, this.known, rng, (l) => (this.current = `${d}: ${l}`));
        return `${d}: ${line}`;
      }
      case 'partition':
        if (device.partitioned) return null;
        device.partition();
        return `${d}: network drops`;
      case 'heal':
        if (!device.partitioned) return null;
        device.heal();
        return `${d}: network back`;
      case 'syncOff':
        if (!device.online) return null;
        device.disconnect();
        return `${d}: sync off`;
      case 'syncOn':
        if (device.online) return null;
        device.connect();
        return `${d}: sync on`;
      case 'closeDb':
        if (!device.local) return null;
        await device.closeDb();
        return `${d}: local database closed`;
      case 'reopenDb':
        if (device.local) return null;
        await device.reopenDb();
        return `${d}: local database reopened`;
      case 'crash':
        await device.crashAndRestart();
        return `${d}: crash and restart from stored state`;
      case 'relayKill':
        if (!this.relay.up) return null;
        await this.relay.kill();
        return 'relay: SIGKILL';
      case 'relayRestart':
        if (this.relay.up) return null;
        await this.relay.restart();
        this.retryAll();
        return 'relay: restarted on the same port and data';
      case 'compact':
        if (!device.local) return null;
        await device.local.compact();
        return `${d}: local copy compacted`;
      case 'wait': {
        const ms = 10 + rng.int(60);
        await sleep(ms);
        return `(wait ${ms} ms)`;
      }
      case 'browser': {
        if (this.browsers.length === 0) return null;
        const browser = rng.pick(this.browsers);
        return `${browser.name}: ${await browser.randomStep(rng, this.known.next())}`;
      }
    }
  }

  private retryAll() {
    for (const d of this.devices) d.retryNow();
  }

  /** Heals every fault, waits for all devices to agree, and checks them. */
  private async settle(): Promise<string[]> {
    await this.relay.restart();
    for (const d of this.devices) {
      await d.reopenDb();
      if (d.partitioned) d.heal();
      d.connect();
    }
    for (const b of this.browsers) await b.online();
    this.retryAll();

    // Browsers are waited for by what they stored, not by their status line: after an
    // offline-online blip it can say "Will sync" while in step (test/sync/relay-status.test.ts).

    // Wait for agreement. A device that backed off is nudged as the app nudges it when the
    // network comes back; there is no bound here: a hang is the test's timeout.
    const [first, ...rest] = this.devices as [NodeDevice, ...NodeDevice[]];
    const nodesAgree = () =>
      this.devices.every((d) => d.syncState?.kind === 'up-to-date') &&
      rest.every((d) => sameYjsState(first.doc, d.doc));
    const browsersAgree = async () => {
      for (const b of this.browsers) if (!sameYjsState(first.doc, await b.stored())) return false;
      return true;
    };
    for (let polls = 1; !(nodesAgree() && (await browsersAgree())); polls++) {
      if (polls % 50 === 0) this.retryAll();
      if (polls % 1000 === 0)
        console.warn(`chaos seed ${this.seed}: still waiting for agreement: ${await this.disagreement()}`);
      await sleep(10);
    }
    for (const d of this.devices) await d.flushed();

    const problems: string[] = [];
    const expected = documentState(first.doc);
    for (const d of rest) if (documentState(d.doc) !== expected) problems.push(`${d.name} differs from ${first.name}`);
    for (const b of this.browsers) {
      if (documentState(await b.stored()) !== expected) problems.push(`${b.name} differs from ${first.name}`);
      problems.push(...b.checkOwnEdits(first.doc));
    }
    problems.push(...this.oracle.check(first.doc));
    // Every device that restarted must still hold the same once reloaded from its own storage.
    for (const d of this.devices) {
      await d.crashAndRestart(false);
      if (documentState(d.doc) !== expected)
        problems.push(`${d.name} reloaded from its own storage differs from what it had`);
    }
    this.log(
      `held ${this.oracle.asserted} claimed writes to their values, over ${this.oracle.records.length} transactions`,
    );
    return problems;
  }

  /** What keeps the devices from agreeing, for a run that seems stuck. */
  private async disagreement(): Promise<string> {
    const first = this.devices[0]!;
    const sv = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
    const parts = this.devices.map(
      (d) =>
        `${d.name} ${d.syncState?.kind ?? 'off'} ${d === first || sameYjsState(first.doc, d.doc) ? 'same' : `differs ${sv(d.doc)}`}`,
    );
    for (const b of this.browsers)
      parts.push(`${b.name} ${sameYjsState(first.doc, await b.stored()) ? 'same' : `differs ${sv(await b.stored())}`}`);
    return `${first.name} has ${sv(first.doc)}; ${parts.join('; ')}`;
  }

  private async cleanUp() {
    for (const d of this.devices) await d.stop().catch(() => undefined);
    for (const b of this.browsers) await b.close().catch(() => undefined);
    if (!this.relay.up) await this.relay.restart();
  }
}

/** A failure as a person reads it: the seed, what went wrong, and the steps. */
export function report(outcome: Outcome): string {
  return [
    `chaos seed ${outcome.seed} FAILED (rerun: npm run soak -- --seed ${outcome.seed})`,
    ...outcome.problems.map((p) => `  problem: ${p}`),
    '  trace:',
    ...outcome.trace.map((t) => `    ${t}`),
  ].join('\n');
}
