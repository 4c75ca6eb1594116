/**
 * A device that already holds data joining a network (issue 16 §4): what it brings, which of its
 * objectives, offers, communities and events look like ones already in the network (the one rule
 * of model/rules/plan-duplicates.ts), and the join itself, merging those into the network's.
 */
import * as Y from 'yjs';
import { findDuplicates, isActivePerson } from '../model/rules/index.ts';
import {
  matchPlanItems,
  PLAN_COLLECTIONS,
  type PlanCollection,
  type PlanItem,
} from '../model/rules/plan-duplicates.ts';
import { readAll } from './entities.ts';
import { makeOrigin } from './origin.ts';
import { mergePlanItemsInDoc } from './merge.ts';
import type { Undoable } from './undo.ts';

export interface AlikeItem {
  collection: PlanCollection;
  /** On this device. */
  here: PlanItem;
  /** Already in the network: the one kept. */
  there: PlanItem;
}

export interface JoinPreview {
  /** Live items on this device that the network does not have yet. */
  brings: Record<'contacts' | PlanCollection, number>;
  alike: AlikeItem[];
  /** People here who look like people there: left to the duplicates page, where a person decides. */
  alikePeople: number;
}

const liveOf = <C extends PlanCollection>(doc: Y.Doc, collection: C) =>
  readAll(doc, collection).items.filter((item) => item.deletedAt === null && item.mergedIntoId === null);

export function previewJoin(here: Y.Doc, network: Y.Doc): JoinPreview {
  const brings = { contacts: 0, objectives: 0, offers: 0, communities: 0, events: 0 };
  const alike: AlikeItem[] = [];
  for (const collection of PLAN_COLLECTIONS) {
    const there = liveOf(network, collection);
    const known = new Set(there.map((item) => item.id));
    const mine = liveOf(here, collection).filter((item) => !known.has(item.id));
    brings[collection] = mine.length;
    for (const m of matchPlanItems(collection, mine as never[], there as never[]))
      alike.push({ collection, here: m.incoming, there: m.existing });
  }
  const theirPeople = readAll(network, 'contacts').items.filter(isActivePerson);
  const theirIds = new Set(theirPeople.map((c) => c.id));
  const myPeople = readAll(here, 'contacts').items.filter((c) => isActivePerson(c) && !theirIds.has(c.id));
  brings.contacts = myPeople.length;
  const mine = new Set(myPeople.map((c) => c.id));
  const crossing = findDuplicates([...theirPeople, ...myPeople]).filter((p) => mine.has(p.aId) !== mine.has(p.bId));
  const alikePeople = new Set(crossing.map((p) => (mine.has(p.aId) ? p.aId : p.bId))).size;
  return { brings, alike, alikePeople };
}

const FROM_NETWORK = makeOrigin('relay');

/**
 * Takes in the network's copy (as syncing would, a moment later) and, when asked, merges each
 * item here that looks like one there into the network's, as one undoable step.
 */
export function joinNetwork(
  here: Y.Doc,
  network: Y.Doc,
  alike: readonly AlikeItem[],
): Undoable<{ merged: number }> | null {
  Y.applyUpdate(here, Y.encodeStateAsUpdate(network, Y.encodeStateVector(here)), FROM_NETWORK);
  if (alike.length === 0) return null;
  return mergePlanItemsInDoc(
    here,
    alike.map((a) => ({ collection: a.collection, keepId: a.there.id, dropId: a.here.id })),
  );
}
