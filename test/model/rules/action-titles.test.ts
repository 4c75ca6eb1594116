/** Issue 13 §2: suggested action titles read naturally, and hand-tied actions count towards an objective's gaps. */
import { describe, expect, test } from 'vitest';
import {
  askTitle,
  computeGaps,
  findHelperTitle,
  touchTitle,
  widenTitle,
  type PlanInput,
} from '../../../src/model/rules/index.ts';
import { action, objective, person } from './build.ts';

describe('action titles', () => {
  test('read as a person would write them, without nested quotes', () => {
    expect(askTitle('Get introduced to hiring managers at 3 climate startups', 'Kwame Mensah')).toBe(
      'Ask Kwame Mensah for introductions to hiring managers at 3 climate startups',
    );
    expect(askTitle('Find a mentor in climate tech', 'Ana Lima')).toBe(
      'Ask Ana Lima to help you find a mentor in climate tech',
    );
    expect(askTitle('Climate fund launch.', 'Ana Lima')).toBe('Ask Ana Lima for help with climate fund launch');
    expect(askTitle('AI safety reading group', 'Bo')).toBe('Ask Bo for help with AI safety reading group');
    expect(findHelperTitle('Be known as a climate-minded PM')).toBe(
      'Find someone who could help you be known as a climate-minded PM',
    );
    expect(touchTitle('Find a new role', 'Cat', true)).toBe(
      'Get back in touch with Cat, who could help you find a new role',
    );
    expect(widenTitle('Ship the platform', undefined, 'other-departments')).toBe(
      'Find another department where people could help you ship the platform',
    );
    for (const t of [askTitle('Get “the” job', 'X'), findHelperTitle('Find a mentor')])
      expect(t).not.toMatch(/“[^”]*“/);
  });
});

describe('an action tied to an objective by hand', () => {
  const NOW = '2026-03-05T09:00:00Z';
  const mentor = objective('mentor', { title: 'Find a mentor in climate tech', kind: 'learn' });
  const input = (actions: PlanInput['actions']): PlanInput => ({
    contacts: [person('ana', { name: 'Ana' })],
    communities: [],
    objectives: [mentor],
    offers: [],
    interactions: [],
    actions,
    ledger: [],
    now: NOW,
    timeZone: 'UTC',
  });
  const key = `objective-uncovered:${mentor.id}`;

  test('plans its gap while open, and closes it when done; the closed gap still says what remains', () => {
    const meetup = action('meetup', { title: 'Go to the Climate Week London meetup', objectiveId: mentor.id });
    const planned = computeGaps(input([meetup]));
    expect(planned.gaps.find((g) => g.key === key)?.status).toBe('planned');
    expect(planned.gaps.find((g) => g.key === key)?.actionIds).toEqual([meetup.id]);
    const done = computeGaps(input([{ ...meetup, status: 'done', doneAt: NOW }]));
    expect(done.gaps.find((g) => g.key === key)).toBeUndefined();
    expect(done.closed.map((g) => g.key)).toEqual([key]);
    expect(done.closed[0]?.sentence).toContain('Nobody you know is linked to');
  });

  test('a dropped or trashed one does not count, and an action for another objective does not either', () => {
    const other = objective('other', { title: 'Other' });
    const report = computeGaps(
      input([
        action('dropped', { objectiveId: mentor.id, status: 'dropped' }),
        action('trashed', { objectiveId: mentor.id, status: 'done', deletedAt: NOW }),
        action('elsewhere', { objectiveId: other.id, status: 'done' }),
      ]),
    );
    expect(report.gaps.find((g) => g.key === key)?.status).toBe('open');
  });
});
