/**
 * Settings → Sync follows what just happened, with no reload between steps (issue 12 §5):
 * turning on switches the panel at once and never makes a second space, devices that join or
 * are removed appear and go by themselves, and this device is seen as connected now.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

const spacesOnRelay = () => {
  const db = new Database(path.join(session.server.dataDir, 'rapport.sqlite3'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM spaces').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the sync panel', () => {
  it('turns on once however it is clicked, then lists devices as they join and go', async () => {
    const laptopContext = await session.browser.newContext();
    const phoneContext = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const laptop = await App.open(laptopContext, session.server.url);
    const before = spacesOnRelay();

    // A double click, the natural thing when nothing seems to happen.
    await laptop.sync.turnOn('Laptop', { doubleClick: true });
    // The panel is in its on state at once: no form, Add a device, and this device connected.
    await laptop.sync.waitUntilOn();
    expect(await laptop.sync.offersTurnOn()).toBe(false);
    await expect.poll(() => laptop.sync.devices()).toEqual(['Laptop (this device) — connected now']);
    expect(spacesOnRelay()).toBe(before + 1);

    // The phone joins; the laptop's list shows it without a Refresh.
    const { link } = await laptop.sync.addDevice();
    const phone = await App.open(phoneContext, session.server.url);
    const phoneName = 'Phone of Maximiliane Wolfeschlegelsteinhausen-Oyelaran 60chr';
    expect(phoneName).toHaveLength(60);
    await phone.sync.join(link, phoneName);
    await expect
      .poll(() => laptop.sync.devices())
      .toEqual([
        'Laptop (this device) — connected now',
        expect.stringMatching(new RegExp(`^${phoneName} — last seen `)),
      ]);

    // On the 360-px phone the top bar keeps to one line with both status pills.
    await phone.sync.waitFor('Up to date');
    const bar = await phone.topBar();
    expect(bar.overflow).toBeLessThanOrEqual(0);
    expect(bar.height).toBeLessThan(70);

    // Removed, it goes from the list; still one space.
    await laptop.sync.removeDevice(phoneName);
    await expect.poll(() => laptop.sync.devices()).toEqual(['Laptop (this device) — connected now']);
    expect(spacesOnRelay()).toBe(before + 1);
    await laptopContext.close();
    await phoneContext.close();
  });
});
