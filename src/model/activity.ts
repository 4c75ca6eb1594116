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
};
export type LedgerEntry = Entity<typeof ledgerSpec, LedgerEntryId>;

export const introductionSpec = {
  /** Who made the introduction; null means I did. */
  introducerId: ref<ContactId>('Introduced by'),
  personAId: ref<ContactId>('Person', true),
  personBId: ref<ContactId>('Introduced to', true),
  on: date('Date'),
  notes: text('Notes', { multiline: true, max: 5000 }),
};
export type Introduction = Entity<typeof introductionSpec, IntroductionId>;
