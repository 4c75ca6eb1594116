/**
 * "Follow up" from a person's page, without logging anything: the follow-up goes on the last
 * interaction with them (what there is to follow up on). With no interaction yet, it becomes a
 * plan action "Follow up with …" for them, which Today shows when it is due.
 */
import type { Interaction } from '../activity.ts';
import type { Contact } from '../contact.ts';
import type { IsoDate } from '../fields.ts';
import type { InteractionId } from '../ids.ts';

export type FollowUpPlan =
  | { kind: 'on-interaction'; interactionId: InteractionId; dueOn: IsoDate }
  | { kind: 'action'; title: string; dueOn: IsoDate };

export function planFollowUp(
  person: Pick<Contact, 'id' | 'name'>,
  interactions: readonly Interaction[],
  dueOn: IsoDate,
): FollowUpPlan {
  let last: Interaction | null = null;
  for (const i of interactions) {
    if (i.deletedAt !== null || !i.contactIds.includes(person.id)) continue;
    if (last === null || i.at > last.at) last = i;
  }
  if (last !== null) return { kind: 'on-interaction', interactionId: last.id, dueOn };
  return { kind: 'action', title: `Follow up with ${person.name}`, dueOn };
}
