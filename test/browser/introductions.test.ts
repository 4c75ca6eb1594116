/** Issue 13 §3 in real Chromium and IndexedDB: a suggested introduction, drafted, made — and in give and take. */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { App } from './pages/app.ts';
import { axeFindings, requestsElsewhere } from './support/inspect.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

/** A phone's contacts: a payments lawyer, and others whose work has nothing to do with it. */
const VCARDS = [
  ['Tom Reyes', 'Payments lawyer', 'Bird & Bird', 'tom@twobirds.example'],
  ['Mark Hughes', 'Head chef', 'Dishoom', ''],
  ['Priya Shah', 'Florist', 'Petals', ''],
  ['Dan Okafor', 'Pilot', 'BA', ''],
  ['Lena Fischer', 'Dentist', 'Smile', ''],
  ['Ola Berg', 'Plumber', 'Pipes', ''],
  ['Kim Park', 'Barista', 'Monmouth', ''],
]
  .map(
    ([name, title, org, email]) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nTITLE:${title}\r\nORG:${org}\r\n${email ? `EMAIL:${email}\r\n` : ''}END:VCARD\r\n`,
  )
  .join('');

const ANA = 'Ana Lima';
const TOM = 'Tom Reyes';
const PAIR = `${ANA} to ${TOM}`;

async function network(context: BrowserContext): Promise<App> {
  const app = await App.open(context, session.server.url);
  await app.importer.open();
  await app.importer.choose({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(VCARDS) });
  await app.importer.preview();
  await app.importer.confirm();
  await app.people.add({ name: ANA, role: 'Founder', organisation: 'Paywise' });
  await app.person.edit('What they need', 'A payments lawyer for our e-money licence');
  await app.person.doneEditing();
  await app.person.addEmail('ana@paywise.example');
  await app.person.doneEditing();
  return app;
}

describe('Introductions, in real Chromium against the real server', () => {
  it('a suggested introduction is drafted, moved to made, appears in give and take on both sides, and offers a follow-up', async () => {
    const context = await session.browser.newContext();
    const app = await network(context);
    const away = requestsElsewhere(context, session.server.url);
    const intros = app.person.introductions;

    await expect.poll(() => intros.suggested()).toEqual([TOM]);
    expect(await intros.reasonFor(TOM)).toContain('Ana Lima needs “A payments lawyer');
    expect(await intros.reasonFor(TOM)).toContain('Tom Reyes is Payments lawyer at Bird & Bird');
    expect(await app.person.giveAndTake()).toEqual([]);

    await intros.introduce(ANA, TOM);
    await expect.poll(() => intros.recorded()).toEqual([`You are introducing ${PAIR}`]);
    await expect.poll(() => intros.suggested()).toEqual([]);

    // Three messages, double opt-in, each a mailto: link to the right person, encoded with CRLF line breaks.
    const messages = await intros.messages();
    expect(messages.map((m) => m.heading)).toEqual([
      `1. To ${ANA} · First, ask each of them`,
      `2. To ${TOM} · First, ask each of them`,
      '3. To both · Once both say yes',
    ]);
    expect(messages[0]?.href).toMatch(
      /^mailto:ana@paywise\.example\?subject=Would%20you%20like%20to%20meet%20Tom%20Reyes%3F&body=Hi%20Ana%2C%0D%0A%0D%0A/,
    );
    expect(messages[1]?.href.startsWith('mailto:tom@twobirds.example?')).toBe(true);
    expect(
      messages[2]?.href.startsWith(
        'mailto:ana@paywise.example,tom@twobirds.example?subject=Introduction%3A%20Ana%20Lima%20and%20Tom%20Reyes&body=',
      ),
    ).toBe(true);
    // Edited, the link carries what the user wrote.
    await intros.editMessage(3, 'Ana, meet Tom & Tom, meet Ana.\nOver to you!');
    await expect
      .poll(async () => (await intros.messages())[2]?.href)
      .toBe(
        'mailto:ana@paywise.example,tom@twobirds.example?subject=Introduction%3A%20Ana%20Lima%20and%20Tom%20Reyes&body=Ana%2C%20meet%20Tom%20%26%20Tom%2C%20meet%20Ana.%0D%0AOver%20to%20you!',
      );

    // Every control of the suggestion, the introduction and its messages is named (axe, as a11y.test.ts runs it).
    const findings = await axeFindings(app, '[data-testid="person-introductions"]');
    expect(findings.map((f) => `${f.rule}: ${f.targets.join(', ')}`)).toEqual([]);

    // Made: a give in give and take, at once, and a follow-up with both offered.
    await intros.markMade(`You are introducing ${PAIR}`);
    await expect.poll(() => intros.recorded()).toEqual([`You introduced ${PAIR}`]);
    await expect
      .poll(() => app.person.giveAndTake())
      .toEqual([expect.stringMatching(/^You gave: introduction — Introduced to Tom Reyes · /)]);
    expect(await app.person.balance()).toBe('You gave 1, received 0');
    await intros.planFollowUp();
    await expect
      .poll(() => app.interactions.timeline())
      .toEqual([expect.stringContaining('Introduced Ana Lima and Tom Reyes. Ask them both how it went.')]);

    await intros.setOutcome(`You introduced ${PAIR}`, 'They met');
    await expect.poll(() => intros.dates(`You introduced ${PAIR}`)).toContain('they met');

    // Tom's side of it, after a reload from IndexedDB.
    await app.reload();
    await app.people.open();
    await app.people.openPerson(TOM);
    await expect
      .poll(() => app.person.giveAndTake())
      .toEqual([expect.stringMatching(/^You gave: introduction — Introduced to Ana Lima · /)]);
    expect(await intros.recorded()).toEqual([`You introduced ${PAIR}`]);
    expect(await intros.dates(`You introduced ${PAIR}`)).toContain('they met');

    expect(away()).toEqual([]);
    await context.close();
  });

  it('the Map suggests the introduction, and Introduce opens the first person with the messages ready', async () => {
    const context = await session.browser.newContext();
    const app = await network(context);
    const intros = app.person.introductions;
    await app.goto('/map');
    await expect.poll(() => intros.onMap()).toEqual([`${ANA} and ${TOM}`]);
    await intros.introduceFromMap(ANA, TOM);
    await expect.poll(() => intros.recorded()).toEqual([`You are introducing ${PAIR}`]);
    expect((await intros.messages()).map((m) => m.heading)[2]).toBe('3. To both · Once both say yes');
    await context.close();
  });

  it('a dismissed suggested introduction is gone on both people’s pages and stays gone after a reload; Undo brings it back', async () => {
    const context = await session.browser.newContext();
    const app = await network(context);
    const intros = app.person.introductions;
    await expect.poll(() => intros.suggested()).toEqual([TOM]);
    await intros.dismiss(ANA, TOM);
    await expect.poll(() => intros.suggested()).toEqual([]);
    await app.plan.undoFromToast();
    await expect.poll(() => intros.suggested()).toEqual([TOM]);
    await intros.dismiss(ANA, TOM);
    await expect.poll(() => intros.suggested()).toEqual([]);
    await app.reload();
    await app.people.open();
    await app.people.openPerson(TOM);
    await intros.suggestionsReady();
    expect(await intros.suggested()).toEqual([]);
    await app.people.open();
    await app.people.openPerson(ANA);
    await intros.suggestionsReady();
    expect(await intros.suggested()).toEqual([]);
    await context.close();
  });
});
