/** The everyday habits in real Chromium against the real server: search, log, capture, Today, merge. */
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';
import { clearLocalStorage, localStorageItem, setLocalStorageItem } from './support/storage.ts';

const session = useAppSession();

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('everyday habits', () => {
  it('search finds people regardless of case and accents, across organisation and tags', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Zoë Müller', organisation: 'Acme Robotics' });
    await app.people.add({ name: 'Ana Lima', organisation: 'Globex' });
    await app.people.add({ name: 'Bo Chen', role: 'Climate founder' });
    await app.people.open();
    await app.people.search('zoe');
    expect(await app.people.names()).toEqual(['Zoë Müller']);
    await app.people.search('muller');
    expect(await app.people.names()).toEqual(['Zoë Müller']);
    await app.people.search('GLOBEX');
    expect(await app.people.names()).toEqual(['Ana Lima']);
    await app.people.search('climate');
    expect(await app.people.names()).toEqual(['Bo Chen']);
    await app.people.search('nobody-like-this');
    expect(await app.people.names()).toEqual([]);
    await context.close();
  });

  it('an interaction is logged from the person page in three taps and shows in the timeline', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima' });
    await app.interactions.log({
      channel: 'Call',
      notes: 'Talked about her Rust migration',
      learned: 'She is hiring SREs',
    });
    const timeline = await app.interactions.timeline();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toContain('Call');
    expect(timeline[0]).toContain('Talked about her Rust migration');
    expect(timeline[0]).toContain('She is hiring SREs');
    expect(timeline[0]).toContain('nothing shared about you');
    await context.close();
  });

  it('Today shows a due follow-up and Done clears it', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Cy Twombly' });
    await app.interactions.log({ notes: 'Coffee', followUpOn: localToday() });
    await app.today.open();
    const items = await app.today.items('follow-ups');
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('Cy Twombly');
    await app.today.done('Cy Twombly');
    await expect.poll(() => app.today.shows('follow-ups')).toBe(false);
    await app.reload();
    await app.today.open();
    expect(await app.today.shows('follow-ups')).toBe(false);
    await context.close();
  });

  it('event mode captures three people offline, stamped with the event, and they survive a reload', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const app = await App.open(context, session.server.url);
    await app.offlineReady();
    await app.capture.startEvent('RustConf', 'Montréal');
    await context.setOffline(true);
    await app.capture.quickCapture('Dana Okafor', 'Runs platform at Initech');
    await app.capture.quickCapture('Émile Dubois');
    await app.capture.quickCapture('Farah Haddad', 'Wants Rust mentors');
    // One screen, no scrolling: the Save button is inside a 360 × 740 viewport.
    expect(await app.capture.saveInView()).toBe(true);
    await app.reload(); // still offline: the app comes from the service worker's cache
    await app.waitForHeading('RustConf');
    expect((await app.capture.metHere()).sort()).toEqual(['Dana Okafor', 'Farah Haddad', 'Émile Dubois']);
    await app.capture.openMet('Dana Okafor');
    expect(await app.person.value('Where')).toBe('Montréal');
    expect(await app.person.value('At the event')).not.toBe('');
    const timeline = await app.interactions.timeline();
    expect(timeline[0]).toContain('RustConf');
    expect(timeline[0]).toMatch(/Follow up/);
    await context.setOffline(false);
    await context.close();
  });

  it('duplicates sharing an email are merged with every detail kept, and the merge can be undone', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    for (const [name, role] of [
      ['Ana Lima', 'CTO'],
      ['Ana M. Lima', 'Advisor'],
    ] as const) {
      await app.people.add({ name, role });
      await app.person.addEmail('ana@example.org');
    }
    await app.duplicates.open();
    expect((await app.duplicates.pairs())[0]).toContain('ana@example.org');
    await app.duplicates.mergeInto('Ana Lima');
    await expect.poll(() => app.duplicates.pairs()).toEqual([]);
    await app.duplicates.undo();
    await expect.poll(() => app.duplicates.pairs()).toHaveLength(1);
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima', 'Ana M. Lima']);

    await app.duplicates.open();
    await app.duplicates.mergeInto('Ana Lima');
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima']);
    await app.people.openPerson('Ana Lima');
    expect(await app.person.value('Role')).toBe('CTO');
    expect(await app.person.value('Notes')).toContain('Advisor');
    await context.close();
  });

  it('two records that look alike say what each holds, and which one a merge keeps', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Kwame Mensah', organisation: 'Climatebase' });
    await app.person.addPhone('+233 24 412 3456');
    await app.people.add({ name: 'Kwame Mensah', organisation: 'Climatebase' });
    await app.person.addEmail('kwame@climatebase.example');
    await app.duplicates.open();
    expect(await app.duplicates.holdings()).toEqual([
      'Only here: phone +233 24 412 3456',
      'Only here: email kwame@climatebase.example',
    ]);
    const [first, second] = await app.duplicates.keepButtons();
    expect(first).toMatch(
      /^Keep this record: Kwame Mensah, added .*, with phone \+233 24 412 3456 — merge the other into it$/,
    );
    expect(second).toMatch(/with email kwame@climatebase\.example — merge the other into it$/);
    await app.duplicates.mergeInto('Kwame Mensah');
    await expect.poll(() => app.duplicates.pairs()).toEqual([]);
    await app.people.open();
    expect(await app.people.names()).toEqual(['Kwame Mensah']);
    await app.people.openPerson('Kwame Mensah');
    expect(await app.person.details()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('kwame@climatebase.example'),
        expect.stringContaining('+233 24 412 3456'),
      ]),
    );
    await context.close();
  });

  it('"merge all sure matches" merges every sure pair in one step, leaves the unsure ones, and one Undo takes it back', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    // Three records of Ana (chained: a shared email, then a shared phone), two of Ben, and two Sams only alike by name.
    await app.people.add({ name: 'Ana Lima' });
    await app.person.addEmail('ana@example.org');
    await app.people.add({ name: 'Ana L.' });
    await app.person.addEmail('ana@example.org');
    await app.person.addPhone('+44 20 7946 0958');
    await app.people.add({ name: 'A. Lima' });
    await app.person.addPhone('020 7946 0958');
    await app.people.add({ name: 'Ben Carter' });
    await app.person.addEmail('ben@example.org');
    await app.people.add({ name: 'Benjamin Carter' });
    await app.person.addEmail('BEN@example.org');
    await app.people.add({ name: 'Sam Reed', organisation: 'Acme' });
    await app.people.add({ name: 'Sam Reed' });
    await app.duplicates.open();
    expect(await app.duplicates.count()).toMatch(/^4 possible pairs, 3 of them sure/);
    await app.duplicates.mergeAllSure();
    await expect.poll(() => app.duplicates.pairs()).toHaveLength(1);
    expect((await app.duplicates.pairs())[0]).toContain('Sam Reed');
    await app.duplicates.undo();
    await expect.poll(() => app.duplicates.pairs()).toHaveLength(4);
    await app.duplicates.mergeAllSure();
    await expect.poll(() => app.duplicates.pairs()).toHaveLength(1);
    await app.people.open();
    // Each kept record is the oldest of its group.
    expect(await app.people.names()).toEqual(['Ana Lima', 'Ben Carter', 'Sam Reed', 'Sam Reed']);
    await context.close();
  });

  it('"not the same person" is kept in the network, not on the device, and can be undone', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    for (const name of ['Sam Reed', 'Sam Reed']) {
      await app.people.add({ name });
      await app.person.addEmail('sam@example.org');
    }
    await app.duplicates.open();
    expect(await app.duplicates.pairs()).toHaveLength(1);
    await app.duplicates.notTheSamePerson();
    await expect.poll(() => app.duplicates.pairs()).toEqual([]);
    await app.duplicates.undo();
    await expect.poll(() => app.duplicates.pairs()).toHaveLength(1);
    await app.duplicates.notTheSamePerson();
    await expect.poll(() => app.duplicates.pairs()).toEqual([]);
    // Nothing of it is in this device's own storage: the choice is in the document, which syncs.
    await clearLocalStorage(app);
    await app.duplicates.open();
    expect(await app.duplicates.pairs()).toEqual([]);

    await context.close();
  });

  it('a "not the same person" an older version kept on this device alone moves into the network', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    const ids: string[] = [];
    for (const name of ['Kim Ode', 'Kim Ode']) {
      await app.people.add({ name });
      ids.push(app.path().split('/').pop()!);
      await app.person.addEmail('kim@example.org');
    }
    const [a, b] = [...ids].sort() as [string, string];
    await setLocalStorageItem(app, 'rapport.duplicates.dismissed', JSON.stringify([`${a}|${b}`]));
    await app.duplicates.open();
    expect(await app.duplicates.pairs()).toEqual([]);
    expect(await localStorageItem(app, 'rapport.duplicates.dismissed')).toBeNull();
    await app.duplicates.open(); // a fresh load: known from the document now
    expect(await app.duplicates.pairs()).toEqual([]);
    await context.close();
  });
});
