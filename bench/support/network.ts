/** A deterministic, realistic network for benchmarks: same seed, same people. */
import type { ContactDraft } from './types.ts';

const FIRST = [
  'Ana',
  'Bo',
  'Chidi',
  'Dana',
  'Émile',
  'Farah',
  'Goran',
  'Hana',
  'Iñaki',
  'Jun',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Xavi',
  'Yara',
  'Zoë',
];
const LAST = [
  'Lima',
  'Chen',
  'Okafor',
  'Müller',
  'Dubois',
  'Haddad',
  'Petrović',
  'Sato',
  'Etxeberria',
  'Park',
  'Mensah',
  'Schmidt',
  'García',
  'Rahman',
  'Nilsson',
  'Iyer',
  'Byrne',
  'Costa',
  'Larsen',
  'Novak',
];
const ORGS = [
  'Acme Robotics',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Energy',
  'Wayne Logistics',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
  'Tyrell Systems',
];
const ROLES = [
  'Engineer',
  'Product manager',
  'CTO',
  'Designer',
  'Founder',
  'Recruiter',
  'Data scientist',
  'Head of Platform',
  'Consultant',
  'Professor',
];
const TAGS = ['climate', 'rust', 'kubernetes', 'mentor', 'investor', 'hiring', 'speaker', 'ml', 'design', 'alumni'];

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** `count` people with about ten fields each. */
export function makeContactDrafts(count: number, seed = 42): ContactDraft[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    return {
      name: `${first} ${last}`,
      organisation: pick(rand, ORGS),
      role: pick(rand, ROLES),
      emails: [`${first.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}.${i}@example.org`],
      phones: [`+44 20 7946 ${String(i % 10000).padStart(4, '0')}`],
      location: 'London',
      tags: [pick(rand, TAGS), pick(rand, TAGS)],
      metOn: `2025-${month}-1${Math.floor(rand() * 9)}`,
      metPlace: 'KubeCon Europe',
      notes: `Talked about ${pick(rand, TAGS)} and ${pick(rand, TAGS)}; follow up about the ${pick(rand, ROLES).toLowerCase()} role.`,
      cadenceDays: 30 + Math.floor(rand() * 60),
    };
  });
}

/** `count` interactions spread over the people's ids across the past year, a tenth with a follow-up. */
export function makeInteractionDrafts(contactIds: readonly string[], count: number, seed = 7) {
  const rand = random(seed);
  const now = Date.parse('2026-11-25T12:00:00Z');
  const channels = ['in-person', 'call', 'video', 'email', 'message'] as const;
  return Array.from({ length: count }, () => {
    const at = new Date(now - Math.floor(rand() * 365 * 86_400_000));
    const followUp = rand() < 0.1 ? new Date(at.getTime() + 3 * 86_400_000).toISOString().slice(0, 10) : null;
    return {
      at: at.toISOString(),
      contactIds: [pick(rand, contactIds)] as never[],
      channel: pick(rand, channels),
      notes: 'Caught up about the next meetup.',
      followUpOn: followUp,
      followUpDone: followUp !== null && rand() < 0.7,
    };
  });
}
