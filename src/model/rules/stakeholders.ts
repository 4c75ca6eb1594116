/**
 * The power / interest grid. 50 splits each axis (50 counts as high). Each
 * quadrant says how to treat the people in it and how often to reach out.
 */
import { STAKE_MAX, type Contact } from '../contact.ts';
import type { ContactId, ObjectiveId } from '../ids.ts';
import type { ObjectiveStake } from '../plan.ts';

export const QUADRANTS = ['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

const STAKE_HIGH = 50;
const STAKE_STEP = 10;

interface QuadrantAdvice {
  label: string;
  /** How often to reach out, in days: the cadence the grid suggests. */
  cadenceDays: number;
  advice: string;
}

export const QUADRANT_ADVICE: Record<Quadrant, QuadrantAdvice> = {
  'manage-closely': {
    label: 'Manage closely',
    cadenceDays: 14,
    advice: 'They have a lot of say and care about the outcome — involve them in decisions and talk every two weeks.',
  },
  'keep-satisfied': {
    label: 'Keep satisfied',
    cadenceDays: 30,
    advice: 'They have a lot of say but little time for detail — check in monthly with a short, clear update.',
  },
  'keep-informed': {
    label: 'Keep informed',
    cadenceDays: 30,
    advice: 'They care but have less say — share progress monthly; they are often your best allies and helpers.',
  },
  monitor: {
    label: 'Monitor',
    cadenceDays: 90,
    advice: 'Less say and less interest for now — a friendly note every few months is enough.',
  },
};

export interface Stake {
  power: number | null;
  interest: number | null;
}

/** The quadrant, or null while the person is not placed on both axes. */
export function quadrantOf(stake: Stake): Quadrant | null {
  if (stake.power === null || stake.interest === null) return null;
  const power = stake.power >= STAKE_HIGH;
  const interest = stake.interest >= STAKE_HIGH;
  if (power) return interest ? 'manage-closely' : 'keep-satisfied';
  return interest ? 'keep-informed' : 'monitor';
}

export const suggestedCadence = (q: Quadrant) => QUADRANT_ADVICE[q].cadenceDays;

type StakeMove = 'more-power' | 'less-power' | 'more-interest' | 'less-interest';

const clamp = (v: number) => Math.min(STAKE_MAX, Math.max(0, v));

/**
 * One keyboard step on the grid (arrow up = more power, right = more
 * interest). A person not yet placed starts from the middle.
 */
export function moveStake(stake: Stake, move: StakeMove, step = STAKE_STEP): { power: number; interest: number } {
  const power = stake.power ?? STAKE_HIGH;
  const interest = stake.interest ?? STAKE_HIGH;
  switch (move) {
    case 'more-power':
      return { power: clamp(power + step), interest };
    case 'less-power':
      return { power: clamp(power - step), interest };
    case 'more-interest':
      return { power, interest: clamp(interest + step) };
    case 'less-interest':
      return { power, interest: clamp(interest - step) };
  }
}

/** Arrow keys as the grid reads them: power up the vertical axis, interest along the horizontal. */
export function stakeMoveForKey(key: string): StakeMove | null {
  switch (key) {
    case 'ArrowUp':
      return 'more-power';
    case 'ArrowDown':
      return 'less-power';
    case 'ArrowRight':
      return 'more-interest';
    case 'ArrowLeft':
      return 'less-interest';
    default:
      return null;
  }
}

/**
 * Each person's position for one objective. Two devices placing the same person
 * at once make two entries: the one changed last counts (then the larger id),
 * so every device shows the same place.
 */
export function positionsFor(
  objectiveId: ObjectiveId,
  stakes: Iterable<ObjectiveStake>,
): Map<ContactId, ObjectiveStake> {
  const positions = new Map<ContactId, ObjectiveStake>();
  for (const s of stakes) {
    if (s.objectiveId !== objectiveId || s.deletedAt !== null) continue;
    const seen = positions.get(s.contactId);
    if (!seen || s.updatedAt > seen.updatedAt || (s.updatedAt === seen.updatedAt && s.id > seen.id))
      positions.set(s.contactId, s);
  }
  return positions;
}

/** The people as placed for one objective: their own power and interest replaced by that objective's. */
export function placedFor(people: readonly Contact[], positions: ReadonlyMap<ContactId, Stake>): Contact[] {
  return people.map((p) => {
    const at = positions.get(p.id);
    return { ...p, power: at?.power ?? null, interest: at?.interest ?? null };
  });
}

/** People in each quadrant, plus those not yet placed. */
export function stakeholderGrid(people: Iterable<Contact>): Record<Quadrant | 'unplaced', ContactId[]> {
  const grid: Record<Quadrant | 'unplaced', ContactId[]> = {
    'manage-closely': [],
    'keep-satisfied': [],
    'keep-informed': [],
    monitor: [],
    unplaced: [],
  };
  for (const p of people) grid[quadrantOf(p) ?? 'unplaced'].push(p.id);
  return grid;
}

/** A sentence when a person's keep-in-touch rhythm is slower than their quadrant suggests, else null. */
export function cadenceAdvice(contact: Contact): string | null {
  const q = quadrantOf(contact);
  if (q === null) return null;
  const suggested = suggestedCadence(q);
  if (contact.cadenceDays !== null && contact.cadenceDays <= suggested) return null;
  return `${contact.name} is someone to ${QUADRANT_ADVICE[q].label.toLowerCase()} — reaching out every ${suggested} days would suit.`;
}
