import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

describe('People, in real Chromium against the real server', () => {
  it('a person added is still there after a reload', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Zoë Müller', organisation: 'Acme Robotics', role: 'CTO' });
    await app.savedOnThisDevice();
    await app.page.reload();
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
    await app.savedOnThisDevice();
    await app.page.reload();
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
    await expect(app.page.getByRole('alert').textContent()).resolves.toContain('“bo@” is not an email address');
    await app.person.addEmail('bo@example.org');
    await app.page.getByRole('link', { name: 'bo@example.org' }).waitFor();
    expect(await app.page.getByRole('link', { name: 'bo@example.org' }).getAttribute('href')).toBe(
      'mailto:bo@example.org',
    );
    await context.close();
  });

  it('an edit followed by closing the page within 100 ms is there on reopen', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Cy Twombly' });
    const url = app.page.url();
    await app.person.edit('Notes', 'Met at the Rust meetup; wants intros to climate founders');
    await app.page.waitForTimeout(50);
    await app.page.close({ runBeforeUnload: true });
    const reopened = await App.open(context, session.server.url, new URL(url).pathname);
    await reopened.page.getByRole('heading', { name: 'Cy Twombly', level: 1 }).waitFor();
    expect(await reopened.person.value('Notes')).toBe('Met at the Rust meetup; wants intros to climate founders');
    await context.close();
  });

  it('on a phone only the list scrolls, not the page as well', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const app = await App.open(context, session.server.url);
    for (const name of ['Ana Lima', 'Bo Chen', 'Cy Twombly']) await app.people.add({ name });
    await app.people.open();
    const page = await app.page.evaluate(() => ({
      scrollable: document.scrollingElement!.scrollHeight - window.innerHeight,
    }));
    expect(page.scrollable).toBeLessThanOrEqual(1);
    // The list ends above the bottom bar.
    const list = await app.page.getByTestId('people-list').boundingBox();
    const bar = await app.page.getByRole('navigation', { name: 'Main' }).boundingBox();
    expect(list && bar && list.y + list.height <= bar.y).toBe(true);
    await context.close();
  });
});
