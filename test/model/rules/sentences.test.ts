/** The generated sentences read well (issue 12 §6): people named when one to three, natural lists, no nested quotes, "back" only when there was contact. */
import { describe, expect, test } from 'vitest';
import { computeGaps, computeToday, listNames, type PlanInput } from '../../../src/model/rules/index.ts';
import { action, objective, person } from './build.ts';

const NOW = '2026-03-05T09:00:00Z';
const plan = (over: Partial<PlanInput>): PlanInput => ({
  contacts: [],
  communities: [],
  objectives: [],
  offers: [],
  interactions: [],
  actions: [],
  ledger: [],
  now: NOW,
  timeZone: 'UTC',
  ...over,
});

describe('lists of names', () => {
  test.each([
    [[], 'someone'],
    [['Marco Rossi'], 'Marco Rossi'],
    [['Marco Rossi', 'Lena Fischer'], 'Marco Rossi and Lena Fischer'],
    [['A', 'B', 'C'], 'A, B and C'],
    [['A', 'B', 'C', 'D'], 'A, B and 2 others'],
  ])('%j → %s', (names, sentence) => {
    expect(listNames(names)).toBe(sentence);
  });
});

describe('an objective nobody has been in touch about', () => {
  const goal = objective('goal', { title: 'Find a mentor in climate tech', kind: 'learn' });
  const helpers = (n: number) =>
    ['Marco Rossi', 'Lena Fischer', 'Ana Lima', 'Bo Chen']
      .slice(0, n)
      .map((name, i) => person(`h${i}`, { name, objectiveIds: [goal.id] }));
  const cold = (n: number) =>
    computeGaps(plan({ objectives: [goal], contacts: helpers(n) })).gaps.find((g) => g.kind === 'objective-cold');

  test.each([
    [
      1,
      'You have not been in touch with Marco Rossi about *Find a mentor in climate tech* yet, who could help with it.',
    ],
    [
      2,
      'You have not been in touch with Marco Rossi and Lena Fischer about *Find a mentor in climate tech* yet — they could help with it.',
    ],
    [
      3,
      'You have not been in touch with Marco Rossi, Lena Fischer and Ana Lima about *Find a mentor in climate tech* yet — they could help with it.',
    ],
    [4, 'You have not been in touch yet with any of the 4 people who could help with *Find a mentor in climate tech*.'],
  ])('%i helper(s)', (n, sentence) => {
    expect(cold(n)?.sentence).toBe(sentence);
  });

  test('the action is to get in touch, not back in touch, when there was none', () => {
    expect(cold(1)?.suggestedAction?.title).toBe(
      'Get in touch with Marco Rossi, who could help you find a mentor in climate tech',
    );
  });

  test('after contact that went cold, it is back in touch', () => {
    const [marco] = helpers(1);
    const old = { ...marco!, metOn: '2025-06-01' };
    const gap = computeGaps(plan({ objectives: [goal], contacts: [old] })).gaps.find(
      (g) => g.kind === 'objective-cold',
    );
    expect(gap?.suggestedAction?.title).toBe(
      'Get back in touch with Marco Rossi, who could help you find a mentor in climate tech',
    );
  });
});

test('Today never puts quotes around a title that has its own', () => {
  const step = action('a', { title: 'Find someone who can help with “Find a mentor”', dueOn: '2026-03-05' });
  const [item] = computeToday({ contacts: [], interactions: [], actions: [step], now: NOW, timeZone: 'UTC' }).actions
    .items;
  expect(item?.reason).toBe('Find someone who can help with “Find a mentor” — due today.');
});
