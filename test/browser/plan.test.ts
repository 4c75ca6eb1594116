import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';

const session = useAppSession();

const MENTOR = 'Find a mentor in climate tech';

describe('The plan, in real Chromium against the real server', () => {
  it('an objective nobody can help with shows a gap; an action planned from it; linking a person closes it', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima', organisation: 'Acme Robotics' });
    await app.plan.open();
    await app.plan.addObjective({ title: MENTOR, kind: 'Learn a field' });

    const uncovered = app.plan.gap(MENTOR, 'objective-uncovered');
    await uncovered.waitShown();
    await uncovered.planAction();
    expect(await uncovered.isPlanned()).toBe(true);
    expect(await app.plan.actionTitles()).toEqual(['Find someone who could help you find a mentor in climate tech']);

    await uncovered.linkPerson('Ana Lima');
    await uncovered.waitGone();
    // Ana can help now, but you have not been in touch about it: a new gap, closed by doing its action.
    const cold = app.plan.gap('Ana Lima', 'objective-cold');
    await cold.waitShown();
    await cold.planAction();
    await app.plan.action(`Get in touch with Ana Lima`).markDone();
    await cold.waitGone();
    expect(await app.plan.closedGapsNote()).toContain('1 gap closed by a done action');
    await app.reload();
    await app.plan.waitForObjective(MENTOR);
    expect(await app.plan.gapKinds()).not.toContain('objective-uncovered');
    expect(await app.plan.gapKinds()).not.toContain('objective-cold');
    await context.close();
  });

  it('a person placed on the stakeholder grid by keyboard lands in the quadrant, and its rhythm is one tap away', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Bo Chen' });
    await app.stakeholders.open();
    await app.stakeholders.addToGrid('Bo Chen');
    expect(await app.stakeholders.quadrantOf('Bo Chen')).toBe('monitor');
    await app.stakeholders.placeByKeyboard('Bo Chen', ['ArrowUp', 'ArrowUp', 'ArrowUp']);
    await expect.poll(() => app.stakeholders.quadrantOf('Bo Chen')).toBe('keep-satisfied');
    await app.stakeholders.placeByKeyboard('Bo Chen', [
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
    ]);
    await expect.poll(() => app.stakeholders.quadrantOf('Bo Chen')).toBe('manage-closely');
    await expect.poll(() => app.stakeholders.announcement()).toContain('Bo Chen: Manage closely');
    await app.stakeholders.setSuggestedCadence('Manage closely');
    await expect.poll(() => app.stakeholders.quadrantText('Manage closely')).toContain('keep in touch every 2 weeks');
    await context.close();
  });

  it('a person has a place of their own on each objective’s grid, apart from where they stand in general', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Cy Park' });
    await app.plan.open();
    await app.plan.addObjective({ title: 'Launch the climate fund' });
    await app.stakeholders.open('Launch the climate fund');
    await app.stakeholders.linkToObjective('Cy Park');
    await app.stakeholders.addToGrid('Cy Park');
    await app.stakeholders.placeByKeyboard('Cy Park', ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp']);
    await expect.poll(() => app.stakeholders.quadrantOf('Cy Park')).toBe('keep-satisfied');
    await app.stakeholders.open();
    expect(await app.stakeholders.isOffTheGrid('Cy Park')).toBe(true);
    await app.stakeholders.open('Launch the climate fund');
    await expect.poll(() => app.stakeholders.quadrantOf('Cy Park')).toBe('keep-satisfied');
    await context.close();
  });

  it('give and take: the person is found by typing part of the name, not picked from a list of everyone', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima', organisation: 'Acme Robotics' });
    await app.people.add({ name: 'Ana Costa', organisation: 'Globex' });
    await app.giveAndTake.open();
    expect(await app.giveAndTake.optionsInForm()).not.toContain('Ana Costa'); // kinds and statuses only
    await app.giveAndTake.record({
      typed: 'costa',
      person: 'Ana Costa',
      direction: 'I gave',
      what: 'Intro to the Globex CTO',
    });
    await expect
      .poll(() => app.giveAndTake.entries())
      .toEqual(['You gave help to Ana Costa — Intro to the Globex CTO']);
    await context.close();
  });

  it('a community added on the map is in the list and the picture, which pans with the keyboard', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url);
    await app.communities.open();
    await app.communities.add({ name: 'PyData London', kind: 'Online community' });
    await app.communities.add({ name: 'Platform team', kind: 'Own team' });
    expect(await app.communities.names()).toEqual(['Platform team', 'PyData London']);
    expect(await app.communities.communityCircles()).toBe(2);
    expect(await app.communities.panByKeyboard(['ArrowLeft', '+'])).not.toBe('translate(0.00 0.00) scale(1.0000)');
    await context.close();
  });

  it('the first run can be skipped step by step and lands on Today, once', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url, '/', { firstRun: true });
    await app.welcome.waitShown();
    for (let step = 1; step <= 5; step++) {
      expect(await app.welcome.step()).toContain(`Step ${step} of 5`);
      await app.welcome.skipStep();
    }
    await app.waitForHeading('Today');
    expect(app.path()).toBe('/');
    await app.reload();
    await app.waitForHeading('Today');
    expect(app.path()).toBe('/');
    await context.close();
  });

  it('the first run ends on Today with the first action due this week', async () => {
    const context = await session.browser.newContext();
    const app = await App.open(context, session.server.url, '/', { firstRun: true });
    await app.welcome.waitShown();
    await app.welcome.addObjective(MENTOR);
    await app.welcome.next();
    await app.welcome.skipStep();
    await app.welcome.skipStep();
    await app.welcome.skipStep();
    await app.welcome.planFirstAction();
    await app.welcome.next();
    await app.waitForHeading('Today');
    // On Today itself, not in a passing toast: the network has nobody yet, and the action still shows.
    await expect
      .poll(() => app.today.items('actions'))
      .toEqual([expect.stringMatching(/^Find someone who could help you find a mentor in climate tech \| due /)]);
    await context.close();
  });

  it('Next keeps what was typed but not added', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 } });
    const app = await App.open(context, session.server.url, '/', { firstRun: true });
    await app.welcome.waitShown();
    await app.welcome.type('Something you want', 'Find a mentor in climate tech');
    await app.welcome.next();
    expect(await app.welcome.step()).toContain('Step 2 of 5');
    await app.welcome.type('Something you can offer', 'Kubernetes cost review');
    await app.welcome.next();
    expect(await app.welcome.step()).toContain('Step 3 of 5');
    await app.welcome.back();
    expect((await app.welcome.added()).map((t) => t.trim())).toEqual([
      expect.stringContaining('Kubernetes cost review'),
    ]);
    await app.welcome.back();
    expect((await app.welcome.added()).map((t) => t.trim())).toEqual([
      expect.stringContaining('Find a mentor in climate tech'),
    ]);
    await context.close();
  });
});
