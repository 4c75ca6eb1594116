/**
 * A first visit that goes offline before the service worker controls the page
 * (it has not installed yet, or the browser blocks it): the app loaded, then the
 * signal went. Moving to another place must still work — its code is fetched
 * while the first visit is online — and must never claim that Rapport "has been
 * updated" when it has not.
 */
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { placesFetched } from './support/inspect.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

describe('a first visit that goes offline before the app is installed', () => {
  it('still opens the other places, and never says the app was updated', async () => {
    // No service worker ever controls this device's pages: only what the first visit fetched is here.
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const app = await App.open(context, session.server.url, '/');
    await placesFetched(app);
    await context.setOffline(true);
    for (const [place, heading] of [
      ['Plan', 'Plan'],
      ['People', 'People'],
      ['Map', 'Map'],
    ] as const) {
      await app.navigation.go(place);
      await app.waitForHeading(heading);
    }
    expect(await app.shows('has been updated')).toBe(false);
    await context.close();
  });

  it('says truthfully that a place is not on this device yet when its code could not be fetched', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    // The first visit's fetching of the other places is cut short: the connection drops at once.
    await context.route(/\/assets\/(plan|data|gaps|suggestions|coverage|step-one|actions)[-.]/, (route) =>
      route.abort('internetdisconnected'),
    );
    const app = await App.open(context, session.server.url, '/');
    await context.setOffline(true);
    await app.navigation.go('Plan');
    await app.waitForText('not on this device yet');
    expect(await app.shows('has been updated')).toBe(false);
    await context.close();
  });
});
