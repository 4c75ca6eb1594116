/** Placing a person on one objective's stakeholder grid. */
import type * as Y from 'yjs';
import type { ContactId, ObjectiveId } from '../model/index.ts';
import { positionsFor } from '../model/rules/stakeholders.ts';
import { add, readAll, update } from './entities.ts';
import { LOCAL, type Origin } from './origin.ts';

/** Moves the person to `position` on the objective's grid, creating their place there the first time. */
export function placeForObjective(
  doc: Y.Doc,
  contactId: ContactId,
  objectiveId: ObjectiveId,
  position: { power: number; interest: number },
  origin: Origin = LOCAL,
): boolean {
  const current = positionsFor(objectiveId, readAll(doc, 'stakes').items).get(contactId);
  const written = current
    ? update(doc, 'stakes', current.id, position, origin)
    : add(doc, 'stakes', { contactId, objectiveId, ...position }, origin);
  return written.ok;
}
