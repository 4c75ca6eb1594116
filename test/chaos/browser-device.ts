/**
 * A device that is a real browser: a Chromium context running the built app, served by the
 * relay process itself, paired into the space by a pairing link as a person pairs a phone.
 * It edits through the screen (adds people, changes a role, moves someone to the Trash) and
 * goes offline and online. Its state at the end is read from its own IndexedDB, so what is
 * compared is what it stored, not what it shows.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import * as Y from 'yjs';
import { readAll } from '../../src/store/index.ts';
import { pairingLink, type SpaceCredentials } from '../../src/sync/relay-api.ts';
import { App } from '../browser/pages/app.ts';
import type { Rng } from './prng.ts';

interface OwnPerson {
  name: string;
  role: string;
  trashed: boolean;
}

async function pairingCode(owner: SpaceCredentials): Promise<string> {
  const res = await fetch(`${owner.relayUrl}/api/spaces/${owner.spaceId}/pairings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${owner.token}` },
  });
  if (res.status !== 201) throw new Error(`pairing: ${res.status}`);
  return ((await res.json()) as { code: string }).code;
}

export class BrowserDevice {
  private readonly people: OwnPerson[] = [];
  private offline = false;

  private constructor(
    readonly name: string,
    private readonly context: BrowserContext,
    private readonly app: App,
  ) {}

  static async join(browser: Browser, appUrl: string, owner: SpaceCredentials, name: string): Promise<BrowserDevice> {
    const context = await browser.newContext();
    const app = await App.open(context, appUrl);
    // Offline before the service worker controls the page, a lazily loaded page cannot load and
    // the app says it "has been updated" (seed 1 with browsers): a known gap of the first visit,
    // reported on its own; here the device waits for it, as after any first visit.
    await app.offlineReady();
    await app.sync.join(pairingLink(appUrl, owner, await pairingCode(owner)), `Browser ${name}`);
    return new BrowserDevice(name, context, app);
  }

  /** One thing a person does on this device; returns the trace line. */
  async randomStep(rng: Rng, n: number): Promise<string> {
    try {
      return await this.step(rng, n);
    } catch (error) {
      const page = this.app.page;
      const shown = await page
        .locator('h1, [data-testid=sync-state], [data-testid=save-state], [role=alert]')
        .allInnerTexts()
        .catch(() => []);
      if (process.env.CHAOS_SCREENSHOTS)
        await page
          .screenshot({ path: `${process.env.CHAOS_SCREENSHOTS}/${this.name}-${n}.png` })
          .catch(() => undefined);
      throw new Error(
        `${this.name} at ${page.url()} showing ${JSON.stringify(shown)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async step(rng: Rng, n: number): Promise<string> {
    const live = this.people.filter((p) => !p.trashed);
    const kind = rng.weighted({ add: 3, edit: live.length ? 3 : 0, trash: live.length ? 1 : 0, network: 1.5 });
    let line: string;
    if (kind === 'add') {
      const person = { name: `${this.name.toUpperCase()} #${n}#`, role: `role ${this.name} ${n}`, trashed: false };
      await this.app.people.add(person);
      this.people.push(person);
      line = `add ${person.name} (${person.role})`;
    } else if (kind === 'edit' || kind === 'trash') {
      const person = rng.pick(live);
      await this.open(person.name);
      if (kind === 'edit') {
        person.role = `role ${this.name} ${n}`;
        await this.app.person.edit('Role', person.role);
        line = `edit ${person.name} role = ${person.role}`;
      } else {
        await this.app.person.moveToTrash();
        person.trashed = true;
        line = `trash ${person.name}`;
      }
    } else {
      this.offline = !this.offline;
      await this.context.setOffline(this.offline);
      return this.offline ? 'goes offline' : 'back online';
    }
    await this.app.savedOnThisDevice();
    return line;
  }

  private async open(name: string) {
    await this.app.people.open();
    await this.app.people.search(name);
    await this.app.people.openPerson(name);
  }

  /** Back online, and told so (the app retries the relay at once on the browser's `online` event). */
  async online(): Promise<void> {
    await this.context.setOffline(true);
    await this.context.setOffline(false);
    this.offline = false;
  }

  /** The document as this device stored it in IndexedDB. */
  async stored(): Promise<Y.Doc> {
    const rows = await this.app.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('rapport-space');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<Uint8Array[]>((resolve, reject) => {
        const r = db.transaction('updates').objectStore('updates').getAll();
        r.onsuccess = () => resolve(r.result as Uint8Array[]);
        r.onerror = () => reject(r.error);
      });
      db.close();
      return all.map((u) => Array.from(u));
    });
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, Uint8Array.from(row));
    return doc;
  }

  /** Every person this device added is there, with the role it last gave and in or out of the Trash as it left them. */
  checkOwnEdits(final: Y.Doc): string[] {
    const problems: string[] = [];
    const contacts = readAll(final, 'contacts').items;
    for (const p of this.people) {
      const found = contacts.filter((c) => c.name === p.name);
      if (found.length !== 1) problems.push(`${this.name}: ${p.name} is there ${found.length} times`);
      else if (found[0]!.role !== p.role)
        problems.push(`${this.name}: ${p.name} has role "${found[0]!.role}", the device saved "${p.role}"`);
      else if ((found[0]!.deletedAt !== null) !== p.trashed)
        problems.push(`${this.name}: ${p.name} is ${p.trashed ? 'not ' : ''}in the Trash`);
    }
    return problems;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
