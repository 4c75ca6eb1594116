import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addMany } from '../../src/store/index.ts';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';
import { seedNetwork } from './support/storage.ts';

const session = useAppSession();

/** A small network: two communities, one person in both, two in none. */
function smallNetwork(): Uint8Array {
  const doc = new Y.Doc();
  const [team, pydata] = addMany(doc, 'communities', [
    { name: 'Platform team', kind: 'own-team' },
    { name: 'PyData London', kind: 'online' },
  ]).created;
  addMany(doc, 'contacts', [
    { name: 'Ana Lima', communityIds: [team!.id] },
    { name: 'Bo Chen', communityIds: [team!.id, pydata!.id] },
    { name: 'Cy Park', communityIds: [pydata!.id] },
    { name: 'Dee Roy', communityIds: [] },
    { name: 'Eli Moss', communityIds: [] },
  ]);
  return Y.encodeStateAsUpdate(doc);
}

describe('The Map, in real Chromium against the real server', () => {
  it('labels people on focus and on tap, with where they belong; people in no community are one named group', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const app = await App.open(context, session.server.url, '/settings');
    await seedNetwork(app, smallNetwork());
    const map = app.mapPicture;
    await map.open();
    expect(await map.mode()).toBe('people');
    expect((await map.peopleNames()).sort()).toEqual([
      'Ana Lima — Platform team',
      'Bo Chen — Platform team, PyData London',
      'Cy Park — PyData London',
      'Dee Roy — not in a community yet',
      'Eli Moss — not in a community yet',
    ]);
    expect(await map.groupNames()).toContain('Not in a community yet: 2 people');

    expect(await map.shownFor()).toBe('');
    await map.tabTo('Bo Chen');
    expect(await map.shownFor()).toBe('Bo Chen / Platform team, PyData London');
    await map.tabTo('Dee Roy');
    expect(await map.shownFor()).toBe('Dee Roy / Not in a community yet');

    // A tap names someone without leaving the Map.
    await map.clickOutside();
    await map.tapOn('Cy Park');
    await expect.poll(() => map.shownFor()).toBe('Cy Park / PyData London');
    expect(app.path()).toBe('/map');
    await context.close();
  });

  it('names every community whole, and lists the people in no community under their own heading', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 800 } });
    const app = await App.open(context, session.server.url, '/settings');
    const long = 'The Association of Independent Cloud Cost Practitioners UK';
    const doc = new Y.Doc();
    const [c] = addMany(doc, 'communities', [{ name: long, kind: 'professional-body' }]).created;
    addMany(doc, 'contacts', [
      { name: 'Ana Lima', communityIds: [c!.id] },
      { name: 'Dee Roy', communityIds: [] },
    ]);
    await seedNetwork(app, Y.encodeStateAsUpdate(doc));
    const map = app.mapPicture;
    await map.open();
    expect(await map.labels()).toContain(long);
    await map.waitForListHeading(/Not in a community yet — 1/);
    await context.close();
  });
});
