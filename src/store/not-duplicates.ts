/**
 * Pairs of people the user said are not the same person. They live in the
 * document, so that every device stops offering them as duplicates.
 */
import type * as Y from 'yjs';
import type { ContactId } from '../model/index.ts';
import { isPairKey, pairKey } from '../model/rules/duplicates.ts';
import { LOCAL, type Origin } from './origin.ts';
import { notDuplicatesMap } from './shape.ts';

/** Every pair marked as not the same person; keys of any other shape are ignored. */
export function readNotDuplicates(doc: Y.Doc): Set<string> {
  const keys = new Set<string>();
  notDuplicatesMap(doc).forEach((_when, key) => {
    if (isPairKey(key)) keys.add(key);
  });
  return keys;
}

/** Marks a pair; returns the mark's time, which `unmarkNotDuplicates` needs to take exactly this mark back. */
export function markNotDuplicates(
  doc: Y.Doc,
  a: ContactId,
  b: ContactId,
  origin: Origin = LOCAL,
  now = new Date(),
): string {
  const at = now.toISOString();
  doc.transact(() => notDuplicatesMap(doc).set(pairKey(a, b), at), origin);
  return at;
}

/**
 * Takes a "not the same person" back, so the pair may be offered again; given
 * the mark's time, only if no other device has marked the pair since.
 */
export function unmarkNotDuplicates(
  doc: Y.Doc,
  a: ContactId,
  b: ContactId,
  markedAt?: string,
  origin: Origin = LOCAL,
): void {
  const map = notDuplicatesMap(doc);
  const key = pairKey(a, b);
  if (markedAt !== undefined && map.get(key) !== markedAt) return;
  doc.transact(() => map.delete(key), origin);
}

/** Adds pair keys as they were (from an older version's list or a backup); returns how many were new. */
export function addNotDuplicates(doc: Y.Doc, keys: Iterable<string>, origin: Origin = LOCAL, now = new Date()): number {
  const map = notDuplicatesMap(doc);
  let added = 0;
  doc.transact(() => {
    for (const key of keys) {
      if (!isPairKey(key) || map.has(key)) continue;
      map.set(key, now.toISOString());
      added++;
    }
  }, origin);
  return added;
}
