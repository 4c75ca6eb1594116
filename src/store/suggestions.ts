/**
 * "Who can help" in the document: suggestions the user dismissed (so that no
 * device suggests them again), and accepting one, which is an ordinary link.
 */
import type * as Y from 'yjs';
import type { CommunityId, ContactId, ObjectiveId, OfferId } from '../model/index.ts';
import { introductionKey, isSuggestionKey, suggestionKey } from '../model/rules/suggest/keys.ts';
import { readOne, update } from './entities.ts';
import { LOCAL, type Origin } from './origin.ts';
import { dismissedSuggestionsMap } from './shape.ts';
import { runUndoable, type Undoable } from './undo.ts';

/** Every dismissed suggestion's key (suggestionKey or introductionKey); keys of another shape are ignored. */
export function readDismissed(doc: Y.Doc): Set<string> {
  const keys = new Set<string>();
  dismissedSuggestionsMap(doc).forEach((_when, key) => {
    if (isSuggestionKey(key)) keys.add(key);
  });
  return keys;
}

/** Dismisses `target` for `subject`; returns the mark's time, which `undismissSuggestion` needs to take back exactly this one. */
export function dismissSuggestion(
  doc: Y.Doc,
  subject: ObjectiveId | OfferId,
  target: ContactId | CommunityId,
  origin: Origin = LOCAL,
  now = new Date(),
): string {
  const at = now.toISOString();
  doc.transact(() => dismissedSuggestionsMap(doc).set(suggestionKey(subject, target), at), origin);
  return at;
}

/**
 * Takes a dismissal back so the suggestion may return; given the dismissal's
 * time, only if no other device has dismissed it again since.
 */
export function undismissSuggestion(
  doc: Y.Doc,
  subject: ObjectiveId | OfferId,
  target: ContactId | CommunityId,
  dismissedAt?: string,
  origin: Origin = LOCAL,
): void {
  const map = dismissedSuggestionsMap(doc);
  const key = suggestionKey(subject, target);
  if (!map.has(key) || (dismissedAt !== undefined && map.get(key) !== dismissedAt)) return;
  doc.transact(() => map.delete(key), origin);
}

/**
 * Dismisses a suggested introduction between two people, whichever way round;
 * the same map as helper suggestions, so it syncs, backs up and undoes alike.
 */
export function dismissIntroduction(
  doc: Y.Doc,
  a: ContactId,
  b: ContactId,
  origin: Origin = LOCAL,
  now = new Date(),
): string {
  const at = now.toISOString();
  doc.transact(() => dismissedSuggestionsMap(doc).set(introductionKey(a, b), at), origin);
  return at;
}

/** Takes back the dismissal of an introduction; given its time, only if no device dismissed it again since. */
export function undismissIntroduction(
  doc: Y.Doc,
  a: ContactId,
  b: ContactId,
  dismissedAt?: string,
  origin: Origin = LOCAL,
): void {
  const map = dismissedSuggestionsMap(doc);
  const key = introductionKey(a, b);
  if (!map.has(key) || (dismissedAt !== undefined && map.get(key) !== dismissedAt)) return;
  doc.transact(() => map.delete(key), origin);
}

/** Adds keys as they were (from a backup), keeping their times when given; returns how many were new. */
export function addDismissed(
  doc: Y.Doc,
  entries: Iterable<{ key: string; at?: string }>,
  origin: Origin = LOCAL,
  now = new Date(),
): number {
  const map = dismissedSuggestionsMap(doc);
  let added = 0;
  doc.transact(() => {
    for (const { key, at } of entries) {
      if (!isSuggestionKey(key) || map.has(key)) continue;
      map.set(key, typeof at === 'string' && at !== '' ? at : now.toISOString());
      added++;
    }
  }, origin);
  return added;
}

/** Every dismissal with its time, for a backup. */
export function dismissedEntries(doc: Y.Doc): { id: string; at: string }[] {
  const out: { id: string; at: string }[] = [];
  dismissedSuggestionsMap(doc).forEach((at, key) => {
    if (isSuggestionKey(key)) out.push({ id: key, at: typeof at === 'string' ? at : '' });
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Accepting a suggested helper: the same link as ticking "Could help with" by
 * hand, as one undoable step. Null when the person is gone.
 */
export function acceptHelper(doc: Y.Doc, contactId: ContactId, objectiveId: ObjectiveId): Undoable<boolean> | null {
  // Read now, so the link is added to what the document holds, not to a copy a render made earlier.
  const person = readOne(doc, 'contacts', contactId);
  if (person === null || person.deletedAt !== null) return null;
  return runUndoable(doc, 'local', (origin) =>
    person.objectiveIds.includes(objectiveId)
      ? false
      : update(doc, 'contacts', contactId, { objectiveIds: [...person.objectiveIds, objectiveId] }, origin).ok,
  );
}

/** Accepting a community for an offer: the offer becomes meant for it ("For communities"), undoably. */
export function acceptOfferCommunity(doc: Y.Doc, offerId: OfferId, communityId: CommunityId): Undoable<boolean> | null {
  const offer = readOne(doc, 'offers', offerId);
  if (offer === null || offer.deletedAt !== null) return null;
  return runUndoable(doc, 'local', (origin) =>
    offer.communityIds.includes(communityId)
      ? false
      : update(doc, 'offers', offerId, { communityIds: [...offer.communityIds, communityId] }, origin).ok,
  );
}
