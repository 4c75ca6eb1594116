/**
 * Today over three days with the clock moved, as a person lives it (issue 12): capture at an
 * evening meetup, follow up early, snooze someone, keep a promise — and Today stays right.
 */
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

/** Local days as the app sees them, from the faked clock's start. */
const DAY_ONE = new Date('2026-06-15T18:30:00');
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const plusDays = (n: number) => iso(new Date(DAY_ONE.getTime() + n * 86_400_000));

describe('Today over three days', () => {
  it('capture → log early → snooze → promise due: nothing comes back that was dealt with', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.clock.install({ time: DAY_ONE });
    const app = await App.open(context, session.server.url);

    // Day 1, evening meetup: two people, a follow-up planned for each in 2 days.
    await app.capture.startEvent('Climate Week meetup', 'Berlin');
    await app.capture.quickCapture('Mei Lin', 'VC at Pale Blue Dot; ping him re: portfolio jobs');
    await app.capture.quickCapture('Ben Carter', 'Onboarding flow at Ecosia');
    await app.today.open();
    expect(await app.today.items('met-recently')).toEqual([
      'Ben Carter | met today · Onboarding flow at Ecosia',
      'Mei Lin | met today · VC at Pale Blue Dot; ping him re: portfolio jobs',
    ]);

    // The same evening: an email to Mei, logged from Today. The form says what it closes.
    const closes = await app.today.log('Mei Lin', { channel: 'Email', notes: 'Sent the deck' });
    expect(closes).toEqual(['The follow-up due Wednesday — VC at Pale Blue Dot; ping him re: portfolio jobs']);
    await expect.poll(() => app.today.everyone()).toEqual(['Ben Carter']);

    // Ben: not tonight. Snoozed, he is gone from every section.
    await app.today.snooze('Ben Carter');
    await expect.poll(() => app.today.everyone()).toEqual([]);

    // A promise to Mei, due on day 3.
    await app.goto('/people');
    await app.people.openPerson('Mei Lin');
    await app.person.promise('Review his portfolio list', plusDays(2));
    await app.today.open();
    await expect.poll(() => app.today.everyone()).toEqual([]);

    // Day 3: the follow-up Mei was due is not back; the promise is; Ben is still snoozed.
    await context.clock.fastForward(2 * 86_400_000);
    await expect
      .poll(() => app.today.items('promises'))
      .toEqual(['Mei Lin | due today · You promised: Review his portfolio list']);
    expect(await app.today.everyone()).toEqual(['Mei Lin']);
    await app.today.done('You promised Mei Lin');
    await expect.poll(() => app.today.everyone()).toEqual([]);

    // Day 4: Ben's snooze ends; his follow-up waited for him, as one item.
    await context.clock.fastForward(86_400_000);
    await expect
      .poll(() => app.today.items('follow-ups'))
      .toEqual(['Ben Carter | due today · Onboarding flow at Ecosia']);
    expect(await app.today.everyone()).toEqual(['Ben Carter']);
    await context.close();
  });

  it('a person opened from Today goes back to Today', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const app = await App.open(context, session.server.url);
    await app.capture.startEvent('Meetup', 'Lisbon');
    await app.capture.quickCapture('Ana Lima', 'Runs the climate PM guild');
    await app.today.open();
    await app.today.openPerson('Ana Lima');
    expect(await app.person.back()).toBe('Today');
    await app.waitForHeading('Today');
    await context.close();
  });
});

describe('the person page is a person, not a form', () => {
  it('at 390 px: name, what they do, one-tap actions and the next follow-up without scrolling; no empty input until editing', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const app = await App.open(context, session.server.url);
    await app.capture.startEvent('Climate Week meetup', 'Berlin');
    // An email typed into the line is kept as hers.
    await app.capture.quickCapture('Mei Lin', 'VC at Pale Blue Dot; ping him re: portfolio jobs mei@paleblue.vc');
    await app.capture.openMet('Mei Lin');
    // The line typed at capture is the subtitle until role or organisation are known.
    expect(await app.person.subtitle()).toBe('VC at Pale Blue Dot; ping him re: portfolio jobs');

    expect(await app.person.inViewWithoutScrolling(/^Log interaction$/)).toBe(true);
    expect(await app.person.inViewWithoutScrolling('Email Mei Lin')).toBe(true);
    // Only the ways to reach her that exist.
    expect(await app.person.offersLink('Call Mei Lin')).toBe(false);
    expect(await app.person.glanceInView()).toBe(true);
    expect(await app.person.glance()).toMatch(/^Next follow-up\s+due [A-Z][a-z]+day\s+Mark done/);

    // Read mode: what is known, and no input at all for what is empty.
    expect(await app.person.details()).toEqual([
      'Emails: mei@paleblue.vc',
      'Noted when we met: VC at Pale Blue Dot; ping him re: portfolio jobs',
      expect.stringMatching(/^Met on: /),
      'Where we met: Berlin',
      'At the event: Climate Week meetup',
    ]);
    expect(await app.person.inputsShown()).toBe(0);
    // Follow up, in one more tap: the next follow-up moves with it.
    await app.person.followUp('Mei Lin', 'in a week');
    await expect.poll(() => app.person.glance()).toMatch(/^Next follow-up\s+due in 7 days\s+Mark done/);
    // Editing is one tap away, and everything editable is there.
    await app.person.startEditing();
    expect(await app.person.value('Role')).toBe('');
    await context.close();
  });
});

describe('the Log sheet on a small phone', () => {
  it('keeps Save and Cancel in view while typing with the on-screen keyboard up', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 640 } });
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima' });
    await app.person.startLog();
    await app.interactions.tapNotes();
    // The keyboard takes the lower half: the page's viewport shrinks to what is left (interactive-widget=resizes-content).
    await app.resize({ width: 360, height: 330 });
    await app.interactions.typeNotes('Talked about her move to climate');
    for (const part of ['Save', 'Cancel', 'Notes'] as const)
      expect(await app.interactions.inView(part), `${part} in view`).toBe(true);
    await app.interactions.save();
    await context.close();
  });
});
