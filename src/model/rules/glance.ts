/** What the top of a person's page says at a glance: the next follow-up and the last interaction. */
import type { Interaction } from '../activity.ts';
import type { IsoDate } from '../fields.ts';
import type { ContactId, InteractionId } from '../ids.ts';
import { instantMs, type Instant } from './dates.ts';
import { makeFollowUpAnswered } from './followups.ts';
import { lastContactByPerson } from './history.ts';

export interface PersonGlance {
  /** The earliest follow-up still to do with them (done and answered ones are not). */
  nextFollowUp: { interactionId: InteractionId; dueOn: IsoDate } | null;
  /** The latest interaction up to now (planned ones are not). */
  lastInteraction: Interaction | null;
}

export function personGlance(
  contactId: ContactId,
  interactions: readonly Interaction[],
  now: Instant,
  timeZone: string,
  resolve: (id: ContactId) => ContactId = (id) => id,
): PersonGlance {
  const until = new Date(instantMs(now)).toISOString();
  const mine = interactions.filter((i) => i.deletedAt === null && i.contactIds.some((id) => resolve(id) === contactId));
  // A follow-up with several people is answered by a later contact with any of them.
  const others = new Set(mine.flatMap((i) => i.contactIds.map(resolve)));
  const last = lastContactByPerson(
    interactions.filter((i) => i.contactIds.some((id) => others.has(resolve(id)))),
    { until: now, resolve },
  );
  const answered = makeFollowUpAnswered(last, timeZone, resolve);
  let nextFollowUp: PersonGlance['nextFollowUp'] = null;
  let lastInteraction: Interaction | null = null;
  for (const i of mine) {
    if (i.at !== null && i.at <= until && (lastInteraction === null || i.at > (lastInteraction.at as string)))
      lastInteraction = i;
    const due = i.followUpOn;
    if (due === null || i.followUpDone || answered(i)) continue;
    if (nextFollowUp === null || due < nextFollowUp.dueOn) nextFollowUp = { interactionId: i.id, dueOn: due };
  }
  return { nextFollowUp, lastInteraction };
}
