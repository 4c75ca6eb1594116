/**
 * Sync between devices: each browser context is a device with its own
 * IndexedDB, all talking to the real relay inside the real server process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { App } from './pages/app.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchBrowser } from './support/browser.ts';
import { webSocketsOpened } from './support/inspect.ts';

let server: AppServer;
let browser: Browser;
const logs: string[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function restartServer() {
  logs.push(server.log());
  await server.stop();
  server = await startAppServer({ port: server.port, dataDir: server.dataDir });
}

async function pairedDevices(): Promise<{ laptop: App; phone: App; contexts: BrowserContext[]; code: string }> {
  const laptopContext = await browser.newContext();
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const laptop = await App.open(laptopContext, server.url);
  await laptop.people.add({ name: 'Ana Lima', organisation: 'Acme' });
  await laptop.sync.turnOn('Laptop');
  const { link, code } = await laptop.sync.addDevice();
  expect(link).toContain('/pair#');
  const phone = await App.open(phoneContext, server.url);
  await phone.people.add({ name: 'Bo Chen' }); // data already on the phone is kept and merged
  await phone.sync.join(link, 'Phone');
  return { laptop, phone, contexts: [laptopContext, phoneContext], code };
}

describe('sync between devices through the relay', () => {
  it('a device paired by link sees the first device’s people, and the pairing secret reaches no server log', async () => {
    const { laptop, phone, contexts, code } = await pairedDevices();
    await phone.sync.waitFor('Up to date');
    await phone.people.open();
    await expect.poll(() => phone.people.names()).toEqual(['Ana Lima', 'Bo Chen']);
    await laptop.people.open();
    await expect.poll(() => laptop.people.names()).toEqual(['Ana Lima', 'Bo Chen']);
    expect(code.length).toBeGreaterThan(4);
    expect(server.log()).not.toContain(code);
    expect(server.log()).not.toMatch(/token=|Bearer /);
    for (const c of contexts) await c.close();
  });

  it('edits made on both devices while the relay is down merge when it is back, and the status recovers without a reload', async () => {
    const { laptop, phone, contexts } = await pairedDevices();
    await laptop.sync.waitFor('Up to date');
    await phone.sync.waitFor('Up to date');
    await server.stop();
    await laptop.people.add({ name: 'Cy Offline-Laptop' });
    await phone.people.add({ name: 'Di Offline-Phone' });
    await laptop.sync.waitFor('Relay unreachable');
    await phone.sync.waitFor('Relay unreachable');
    await restartServer();
    await laptop.sync.waitFor('Up to date', 20_000);
    await phone.sync.waitFor('Up to date', 20_000);
    const everyone = ['Ana Lima', 'Bo Chen', 'Cy Offline-Laptop', 'Di Offline-Phone'];
    for (const device of [laptop, phone]) {
      await device.people.open();
      await expect.poll(() => device.people.names()).toEqual(everyone);
    }
    for (const c of contexts) await c.close();
  });

  it('a removed device is told so, stops retrying, and keeps its data readable', async () => {
    const { laptop, phone, contexts } = await pairedDevices();
    await phone.sync.waitFor('Up to date');
    const attempts = webSocketsOpened(phone);
    await laptop.sync.removeDevice('Phone');
    await phone.sync.waitFor('Sync problem');
    expect(await phone.sync.statusDetail()).toContain('removed from your network');
    const attemptsAfterRevoke = attempts();
    await new Promise((resolve) => setTimeout(resolve, 4000)); // longer than the app's first retry would wait
    expect(attempts()).toBe(attemptsAfterRevoke);
    await phone.reload();
    await phone.people.open();
    expect(await phone.people.names()).toEqual(['Ana Lima', 'Bo Chen']);
    await phone.sync.waitFor('Sync problem');
    for (const c of contexts) await c.close();
  });

  it('a phone that already has a plan joins without doubling it: it says what it brings, offers the merge, and the merge can be undone', async () => {
    const laptopContext = await browser.newContext();
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const laptop = await App.open(laptopContext, server.url);
    await laptop.plan.open();
    await laptop.plan.addObjective({ title: 'Find a mentor in climate tech' });
    await laptop.sync.turnOn('Laptop');
    const { link } = await laptop.sync.addDevice();

    const phone = await App.open(phoneContext, server.url);
    await phone.people.add({ name: 'Gus Ortega' });
    await phone.plan.open();
    await phone.plan.addObjective({ title: 'find a mentor in Climate Tech' });
    await phone.plan.addObjective({ title: 'Speak at a climate meetup' });

    await phone.sync.openPairingLink(link);
    expect(await phone.sync.brings()).toContain('1 person and 2 objectives');
    await phone.sync.joinAs('Phone');
    expect(await phone.sync.alikeItems()).toEqual(['“Find a mentor in climate tech” (objective)']);
    await phone.sync.mergeAndSync();
    await phone.sync.waitFor('Up to date');

    const merged = ['Find a mentor in climate tech', 'Speak at a climate meetup'];
    await laptop.plan.open();
    await expect.poll(async () => (await laptop.plan.objectiveTitles()).sort()).toEqual(merged);

    // Undone on the phone, from the toast the join left: both copies are back, on both devices.
    await phone.sync.undoMerge();
    const unmerged = ['Find a mentor in climate tech', 'Speak at a climate meetup', 'find a mentor in Climate Tech'];
    await phone.plan.open();
    for (const device of [phone, laptop]) {
      await expect.poll(async () => (await device.plan.objectiveTitles()).sort()).toEqual(unmerged);
    }
    for (const c of [laptopContext, phoneContext]) await c.close();
  });

  it('two tabs of the app on one device stay in step', async () => {
    const context = await browser.newContext();
    const first = await App.open(context, server.url, '/people');
    const second = await App.open(context, server.url, '/people');
    await first.people.add({ name: 'Eve Tab-One' });
    await expect.poll(() => second.people.names()).toEqual(['Eve Tab-One']);
    await context.close();
  });
});
