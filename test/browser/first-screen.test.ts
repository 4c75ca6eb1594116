/**
 * The first instant of a visit: before the app's code has loaded (held back here, as a slow link holds
 * it), the page already shows the frame and the screen as the person last saw it —
 * and on a first visit, People as the app will show it: empty, with its first steps. It is a
 * picture, inert, and the app replaces it with the same words.
 */
import { describe, expect, it } from 'vitest';
import { PEOPLE_EMPTY } from '../../src/ui/people-empty.ts';
import { App } from './pages/app.ts';
import { activeMarkup, firstScreenKept } from './support/inspect.ts';
import { holdAppCode } from './support/pwa.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

describe('the first screen, painted before the app loads', () => {
  it('a first visit to People paints the empty page the app then shows, and nothing in it can be used', async () => {
    // No service worker: every request reaches the network, where the document's code is held.
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const release = await holdAppCode(context);
    const app = await App.openPainted(context, session.server.url, '/people');
    expect(await app.firstScreen.shows()).toEqual({ heading: 'People', names: [], empty: PEOPLE_EMPTY.text });
    expect(await app.firstScreen.isInert()).toBe(true);
    release();
    await app.navigation.waitShown();
    await app.waitForText(PEOPLE_EMPTY.text);
    expect(await app.firstScreen.isShown()).toBe(false);
    await context.close();
  });

  it('a returning visit paints the names last seen on People, never the empty page, and as text', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const first = await App.open(context, session.server.url, '/people');
    const names = ['Ana Lima', '<b onmouseover="window.__pwned=1">Bo</b> Berg'];
    for (const name of names) await first.people.add({ name });
    await first.navigation.go('People');
    await firstScreenKept(first, '/people', names);
    await first.close();

    const release = await holdAppCode(context);
    const app = await App.openPainted(context, session.server.url, '/people');
    const picture = await app.firstScreen.shows();
    expect(picture.empty).toBeNull();
    expect([...picture.names].sort()).toEqual([...names].sort());
    expect(await activeMarkup(app)).toBe(0);
    release();
    await app.navigation.waitShown();
    expect((await app.people.names()).sort()).toEqual([...names].sort());
    await context.close();
  });
});
