/** Issue 13 §1 and §2 in real Chromium: suggested helpers from imported people, and actions that close gaps. */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

const HIRING = 'Get introduced to hiring managers at 3 climate startups';

/** A phone's contacts export: a talent partner whose needs match, a recruiter, and someone who cannot help. */
const VCARDS = [
  ['Maya Goldberg', 'Talent partner', 'Climatebase', 'Needs strong climate PMs for the startups she hires for'],
  ['Kwame Mensah', 'Recruiter', 'Greenhire', 'Hiring for climate startups in London'],
  ['Mark Hughes', 'Head chef', 'Dishoom', 'Runs a busy kitchen'],
]
  .map(
    ([name, title, org, note]) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nTITLE:${title}\r\nORG:${org}\r\nNOTE:${note}\r\nEND:VCARD\r\n`,
  )
  .join('');

async function importedNetwork(context: BrowserContext): Promise<App> {
  const app = await App.open(context, session.server.url);
  await app.plan.open();
  await app.plan.addObjective({ title: HIRING, kind: 'Find a new role' });
  await app.importer.open();
  await app.importer.choose({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(VCARDS) });
  await app.importer.preview();
  await app.importer.confirm();
  await app.plan.open();
  return app;
}

describe('Who can help, in real Chromium against the real server', () => {
  it('an imported person appears as a suggested helper with its reason, and one tap makes them “can help with”', async () => {
    const context = await session.browser.newContext();
    const app = await importedNetwork(context);

    // The two who hire for climate startups, not the chef; in the order the ranking gives.
    await expect
      .poll(async () => (await app.plan.suggestedFor(HIRING)).sort())
      .toEqual(['Kwame Mensah', 'Maya Goldberg']);
    const ranked = await app.plan.suggestedFor(HIRING);
    expect(await app.plan.reasonFor('Maya Goldberg', HIRING)).toContain('Talent partner at Climatebase');
    const gap = app.plan.gap(HIRING, 'objective-uncovered');
    await expect.poll(() => gap.sentence()).toContain(`2 people might help: ${ranked[0]} and ${ranked[1]}.`);

    // Dismissed, gone; undone, back.
    await app.plan.dismissSuggestion('Kwame Mensah', HIRING);
    await expect.poll(() => app.plan.suggestedFor(HIRING)).toEqual(['Maya Goldberg']);
    await app.plan.undoFromToast();
    await expect.poll(() => app.plan.suggestedFor(HIRING)).toEqual(ranked);

    await app.plan.acceptSuggestion('Maya Goldberg', HIRING);
    await expect.poll(() => app.plan.helpersOf(HIRING)).toEqual(['Maya Goldberg']);
    await expect.poll(() => app.plan.suggestedFor(HIRING)).toEqual(['Kwame Mensah']);
    await gap.waitGone();

    await app.people.open();
    await app.people.openPerson('Maya Goldberg');
    await expect.poll(() => app.person.canHelpWith()).toEqual([HIRING]);
    // Kwame's page suggests the objective, with the same Accept.
    await app.people.open();
    await app.people.openPerson('Kwame Mensah');
    await app.person.acceptSuggestion('Kwame Mensah', HIRING);
    await expect.poll(() => app.person.canHelpWith()).toEqual([HIRING]);
    await context.close();
  });

  it('an action planned from a gap proposes the best helper, is tied to the objective, and closes the gap when done', async () => {
    const context = await session.browser.newContext();
    const app = await importedNetwork(context);
    const gap = app.plan.gap(HIRING, 'objective-uncovered');
    // The best-ranked helper is proposed; the user picks the other one.
    await expect.poll(async () => (await app.plan.suggestedFor(HIRING)).length).toBe(2);
    const [best, other] = (await app.plan.suggestedFor(HIRING)) as [string, string];
    await expect.poll(() => gap.proposedHelper()).toBe(`${best} (suggested)`);
    await gap.planWith(`${other} (suggested)`);
    await gap.planAction();
    const title = `Ask ${other} for introductions to hiring managers at 3 climate startups`;
    expect(await app.plan.actionTitles()).toEqual([title]);
    const action = app.plan.action(title);
    expect(await action.about()).toContain(`for “${HIRING}”`);
    expect(await action.about()).toContain(`with ${other}`);

    await action.markDone();
    await gap.waitGone();
    expect(await app.plan.closedGapsNote()).toContain('1 gap closed by a done action');
    await app.plan.showClosedGaps();
    expect(await app.plan.closedGaps()).toContain(`Done: ${title}. What remains: Nobody you know is linked to`);
    await context.close();
  });

  it('a hand-written action tied to an objective in the editor closes its gap when done', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.plan.open();
    await app.plan.addObjective({ title: HIRING, kind: 'Find a new role' });
    const gap = app.plan.gap(HIRING, 'objective-uncovered');
    await gap.waitShown();
    const meetup = 'Go to the Climate Week London meetup';
    await app.plan.addAction(meetup);
    await app.plan.action(meetup).tieToObjective(HIRING);
    await expect.poll(() => gap.isPlanned()).toBe(true);
    await app.plan.action(meetup).markDone();
    await gap.waitGone();
    expect(await app.plan.closedGapsNote()).toContain('1 gap closed by a done action');
    await context.close();
  });
});
