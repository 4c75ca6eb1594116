/**
 * Keys for dismissed suggestions, as the document keeps them: one string per
 * pair, so a set of them travels and merges like any other value.
 */
import type { CommunityId, ContactId, ObjectiveId, OfferId } from '../../ids.ts';

/** "Not this person (or community) for this objective (or offer)": `${subjectId}|${targetId}`. */
export function suggestionKey(subjectId: ObjectiveId | OfferId, targetId: ContactId | CommunityId): string {
  return `${subjectId}|${targetId}`;
}

/** A suggested introduction between two people, the same whichever way round it is asked. */
export function introductionKey(a: ContactId, b: ContactId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const ID = '[A-Za-z0-9_-]{8,64}';
const KEY = new RegExp(`^${ID}\\|${ID}$`);

/** Whether a stored key has the shape suggestionKey and introductionKey make; others (a buggy device's) are ignored. */
export const isSuggestionKey = (key: string): boolean => KEY.test(key);
