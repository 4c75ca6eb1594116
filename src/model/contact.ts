import {
  birthday,
  date,
  flag,
  integer,
  list,
  parseEmail,
  parsePhone,
  ref,
  refs,
  tagList,
  text,
  webUrl,
} from './fields.ts';
import type { Entity } from './entity.ts';
import type { CommunityId, ContactId, EventId, ObjectiveId } from './ids.ts';

/** Power and interest are placed on a 0–100 scale; 50 splits the grid's quadrants. */
export const STAKE_MAX = 100;

export const contactSpec = {
  name: text('Name', { required: true, max: 200 }),
  role: text('Role'),
  organisation: text('Organisation'),
  department: text('Department'),
  emails: list('Emails', parseEmail, 20),
  phones: list('Phones', parsePhone, 20),
  linkedin: webUrl('LinkedIn'),
  website: webUrl('Website'),
  location: text('Location'),
  birthday: birthday('Birthday'),
  tags: tagList('Tags'),
  communityIds: refs<CommunityId>('Communities'),
  /** Objectives this person could help with: the link gap analysis reads. */
  objectiveIds: refs<ObjectiveId>('Can help with'),
  whatTheyDo: text('What they do', { multiline: true, max: 2000 }),
  interests: text('Interests', { multiline: true, max: 2000 }),
  needs: text('Needs', { multiline: true, max: 2000 }),
  metOn: date('Met on'),
  metPlace: text('Where we met'),
  metEventId: ref<EventId>('Event where we met'),
  /** The one line typed when capturing them ("VC at Pale Blue Dot; ping him re: jobs"). */
  metLine: text('Noted when we met', { max: 2000 }),
  introducedById: ref<ContactId>('Introduced by'),
  notes: text('Notes', { multiline: true }),
  cadenceDays: integer('Keep in touch every (days)', 1, 3650),
  /** Own team, close colleagues: keep-in-touch nudges stay quiet, the rhythm is kept. */
  seenRegularly: flag('I see them regularly'),
  /** When a connection was made online (LinkedIn's "Connected On"): not a meeting to follow up. */
  connectedOn: date('Connected on'),
  /** Today leaves this person's keep-in-touch and new-acquaintance reminders alone until this day. */
  snoozedUntil: date('Snoozed until'),
  power: integer('Power', 0, STAKE_MAX),
  interest: integer('Interest', 0, STAKE_MAX),
  /** Set when this person was merged into another; the merge can be undone. */
  mergedIntoId: ref<ContactId>('Merged into'),
};

export type Contact = Entity<typeof contactSpec, ContactId>;
