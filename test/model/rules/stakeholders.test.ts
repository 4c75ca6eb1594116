import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  QUADRANT_ADVICE,
  cadenceAdvice,
  moveStake,
  placedFor,
  positionsFor,
  quadrantOf,
  stakeMoveForKey,
  stakeholderGrid,
  suggestedCadence,
} from '../../../src/model/rules/index.ts';
import { objective, person, stake } from './build.ts';

describe('quadrants', () => {
  test.each([
    [80, 80, 'manage-closely'],
    [50, 50, 'manage-closely'],
    [50, 49, 'keep-satisfied'],
    [49, 50, 'keep-informed'],
    [49, 49, 'monitor'],
    [0, 100, 'keep-informed'],
    [100, 0, 'keep-satisfied'],
  ] as const)('power %i, interest %i: %s', (power, interest, quadrant) => {
    expect(quadrantOf({ power, interest })).toBe(quadrant);
  });

  test('not placed until both axes are set', () => {
    expect(quadrantOf({ power: 80, interest: null })).toBeNull();
    expect(quadrantOf({ power: null, interest: null })).toBeNull();
  });

  test('each quadrant suggests how often to reach out, with advice in words', () => {
    expect(suggestedCadence('manage-closely')).toBe(14);
    expect(suggestedCadence('keep-satisfied')).toBe(30);
    expect(suggestedCadence('keep-informed')).toBe(30);
    expect(suggestedCadence('monitor')).toBe(90);
    expect(QUADRANT_ADVICE['manage-closely'].label).toBe('Manage closely');
    for (const a of Object.values(QUADRANT_ADVICE)) expect(a.advice).toMatch(/^[A-Z].+\.$/);
  });

  test('the grid groups people, the unplaced apart', () => {
    const a = person('a', { power: 90, interest: 90 });
    const b = person('b', { power: 10, interest: 10 });
    const c = person('c');
    expect(stakeholderGrid([a, b, c])).toEqual({
      'manage-closely': [a.id],
      'keep-satisfied': [],
      'keep-informed': [],
      monitor: [b.id],
      unplaced: [c.id],
    });
  });

  test('a rhythm slower than the quadrant suggests is pointed out', () => {
    expect(cadenceAdvice(person('slow', { name: 'Ana', power: 90, interest: 90, cadenceDays: 60 }))).toBe(
      'Ana is someone to manage closely — reaching out every 14 days would suit.',
    );
    expect(cadenceAdvice(person('fast', { power: 90, interest: 90, cadenceDays: 7 }))).toBeNull();
    expect(cadenceAdvice(person('none', { power: 10, interest: 10 }))).toContain('every 90 days');
    expect(cadenceAdvice(person('unplaced'))).toBeNull();
  });
});

describe('keyboard moves', () => {
  test('arrow keys: up is more power, right is more interest, in steps of 10', () => {
    expect(moveStake({ power: 40, interest: 40 }, stakeMoveForKey('ArrowUp')!)).toEqual({ power: 50, interest: 40 });
    expect(moveStake({ power: 40, interest: 40 }, stakeMoveForKey('ArrowDown')!)).toEqual({ power: 30, interest: 40 });
    expect(moveStake({ power: 40, interest: 40 }, stakeMoveForKey('ArrowRight')!)).toEqual({ power: 40, interest: 50 });
    expect(moveStake({ power: 40, interest: 40 }, stakeMoveForKey('ArrowLeft')!)).toEqual({ power: 40, interest: 30 });
    expect(stakeMoveForKey('Enter')).toBeNull();
  });

  test('an unplaced person starts from the middle; moves stop at the edges', () => {
    expect(moveStake({ power: null, interest: null }, 'more-power')).toEqual({ power: 60, interest: 50 });
    expect(moveStake({ power: 95, interest: 3 }, 'more-power')).toEqual({ power: 100, interest: 3 });
    expect(moveStake({ power: 95, interest: 3 }, 'less-interest')).toEqual({ power: 95, interest: 0 });
  });

  propTest.prop([
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.array(fc.constantFrom('more-power', 'less-power', 'more-interest', 'less-interest'), { maxLength: 30 }),
  ])('any sequence of moves stays on the grid', (power, interest, moves) => {
    let s = { power, interest };
    for (const m of moves) s = moveStake(s, m as never);
    expect(s.power).toBeGreaterThanOrEqual(0);
    expect(s.power).toBeLessThanOrEqual(100);
    expect(s.interest).toBeGreaterThanOrEqual(0);
    expect(s.interest).toBeLessThanOrEqual(100);
  });
});

describe('a place for each objective', () => {
  const fund = objective('fund');
  const hire = objective('hire');
  const ana = person('ana', { power: 10, interest: 10 });
  const bo = person('bo', { power: 90, interest: 90 });

  test('a person stands where they were placed for that objective; their general place is not used', () => {
    const stakes = [
      stake('ana-fund', { contactId: ana.id, objectiveId: fund.id, power: 80, interest: 70 }),
      stake('ana-hire', { contactId: ana.id, objectiveId: hire.id, power: 20, interest: 20 }),
      stake('bo-gone', {
        contactId: bo.id,
        objectiveId: fund.id,
        power: 60,
        interest: 60,
        deletedAt: '2026-01-02T00:00:00.000Z',
      }),
    ];
    const placed = placedFor([ana, bo], positionsFor(fund.id, stakes));
    expect(stakeholderGrid(placed)).toMatchObject({ 'manage-closely': [ana.id], unplaced: [bo.id] });
  });

  test('two places made at once on two devices: the one changed last counts, the same everywhere', () => {
    const earlier = stake('one', {
      contactId: ana.id,
      objectiveId: fund.id,
      power: 80,
      interest: 80,
      createdAt: new Date('2026-01-01T10:00:00Z'),
    });
    const later = stake('two', {
      contactId: ana.id,
      objectiveId: fund.id,
      power: 10,
      interest: 90,
      createdAt: new Date('2026-01-01T11:00:00Z'),
    });
    for (const order of [
      [earlier, later],
      [later, earlier],
    ])
      expect(positionsFor(fund.id, order).get(ana.id)?.id).toBe(later.id);
  });
});
