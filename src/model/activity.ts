/** What happens between people: meetings, events, give and take, introductions. */
import { choice, date, dateTime, flag, ref, refs, text } from './fields.ts';
import type { Entity } from './entity.ts';
import type { ContactId, EventId, InteractionId, IntroductionId, LedgerEntryId } from './ids.ts';

export const CHANNELS = ['in-person', 'call', 'video', 'email', 'message', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const interactionSpec = {
  at: dateTime('When', true),
  contactIds: refs<ContactId>('People', 100),
  channel: choice('Channel', CHANNELS, 'in-person'),
  eventId: ref<EventId>('Event'),
  place: text('Place'),
  notes: text('Notes', { multiline: true }),
  learned: text('What I learned about them', { multiline: true, max: 5000 }),
  shared: text('What I shared about me', { multiline: true, max: 5000 }),
  followUpOn: date('Follow up on'),
  followUpDone: flag('Follow-up done'),
  /**
   * Set when the user kept this follow-up open while logging a later interaction: only
   * interactions after this instant close it (see followUpAnswered).
   */
  followUpKeptOpenAt: dateTime('Follow-up kept open'),
};
export type Interaction = Entity<typeof interactionSpec, InteractionId>;

export const eventSpec = {
  name: text('Event', { required: true, max: 200 }),
  startsOn: date('Starts'),
  endsOn: date('Ends'),
  place: text('Place'),
  notes: text('Notes', { multiline: true }),
  mergedIntoId: ref<EventId>('Merged into'),
};
export type RapportEvent = Entity<typeof eventSpec, EventId>;

export const LEDGER_DIRECTIONS = ['gave', 'received'] as const;
export const LEDGER_KINDS = ['introduction', 'advice', 'referral', 'help', 'favour', 'other'] as const;
export const LEDGER_STATUSES = ['promised', 'done'] as const;

export const ledgerSpec = {
  contactId: ref<ContactId>('Person', true),
  direction: choice('Direction', LEDGER_DIRECTIONS, 'gave'),
  kind: choice('Kind', LEDGER_KINDS, 'help'),
  description: text('What', { max: 1000 }),
  on: date('Date'),
  status: choice('Status', LEDGER_STATUSES, 'done'),
  /** Set on the entries written when an introduction was made: they belong to it (see store/introductions.ts). */
  introductionId: ref<IntroductionId>('From introduction'),
};
export type LedgerEntry = Entity<typeof ledgerSpec, LedgerEntryId>;

/** An introduction moves from asked to made; its outcome comes after it is made. */
const INTRODUCTION_STAGES = ['asked', 'made'] as const;
export type IntroductionStage = (typeof INTRODUCTION_STAGES)[number];
/** '' while nobody knows yet how it went. */
const INTRODUCTION_OUTCOMES = ['', 'met', 'helped', 'nothing'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];

export const introductionSpec = {
  /** Who made the introduction; null means I did. */
  introducerId: ref<ContactId>('Introduced by'),
  /** The one who needs something (a suggested introduction's seeker). */
  personAId: ref<ContactId>('Person', true),
  personBId: ref<ContactId>('Introduced to', true),
  /**
   * Added with the workflow (issue 13 §3). Entries written before it have no stage: they were
   * recorded once the introduction had happened, so they read as made (the fallback), with no
   * outcome yet. Additive: an older version ignores these fields.
   */
  stage: choice('Stage', INTRODUCTION_STAGES, 'made'),
  askedOn: date('Asked on'),
  /** The day it was made (older entries: the day recorded). */
  on: date('Made on'),
  outcome: choice('Outcome', INTRODUCTION_OUTCOMES, ''),
  outcomeOn: date('Outcome on'),
  notes: text('Notes', { multiline: true, max: 5000 }),
};
export type Introduction = Entity<typeof introductionSpec, IntroductionId>;
