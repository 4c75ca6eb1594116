import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

describe('People, in real Chromium against the real server', () => {
  it('a person added is still there after a reload', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Zoë Müller', organisation: 'Acme Robotics', role: 'CTO' });
    await app.reload();
    await app.people.open();
    expect(await app.people.names()).toEqual(['Zoë Müller']);
    await app.people.openPerson('Zoë Müller');
    expect(await app.person.value('Organisation')).toBe('Acme Robotics');
    await context.close();
  });

  it('an edit to a person is kept, and a person can be deleted to the Trash and restored', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima' });
    await app.person.edit('Role', 'Head of Platform');
    await app.person.moveToTrash();
    await app.people.open();
    expect(await app.people.names()).toEqual([]);
    await app.trash.open();
    expect(await app.trash.items()).toEqual(['Ana Lima']);
    await app.trash.restore('Ana Lima');
    await app.reload();
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima']);
    await app.people.openPerson('Ana Lima');
    expect(await app.person.value('Role')).toBe('Head of Platform');
    await context.close();
  });

  it('an invalid email is refused with a reason, and the stored person is unchanged', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Bo Chen' });
    await app.person.addEmail('bo@');
    expect(await app.person.problem()).toContain('“bo@” is not an email address');
    await app.person.addEmail('bo@example.org');
    expect(await app.person.emailLink('bo@example.org')).toBe('mailto:bo@example.org');
    await context.close();
  });

  it('an edit followed by closing the page within 100 ms is there on reopen', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Cy Twombly' });
    const path = app.path();
    await app.person.edit('Notes', 'Met at the Rust meetup; wants intros to climate founders');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close({ runBeforeUnload: true });
    const reopened = await App.open(context, session.server.url, path);
    await reopened.waitForHeading('Cy Twombly');
    expect(await reopened.person.value('Notes')).toBe('Met at the Rust meetup; wants intros to climate founders');
    await context.close();
  });

  it('on a phone only the list scrolls, not the page as well', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const app = await App.open(context, session.server.url);
    for (const name of ['Ana Lima', 'Bo Chen', 'Cy Twombly']) await app.people.add({ name });
    await app.people.open();
    expect(await app.pageScrollsBy()).toBeLessThanOrEqual(1);
    // The list ends above the bottom bar.
    expect(await app.people.listEndsAboveNavigation()).toBe(true);
    await context.close();
  });
});
