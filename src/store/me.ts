/** The user's own card, one map of plain fields. */
import type * as Y from 'yjs';
import { err, isEmptyValue, meSpec, ok, parseValues, type FieldError, type Me, type Result } from '../model/index.ts';
import { LOCAL, type Origin } from './origin.ts';
import { meMap } from './shape.ts';

export function readMe(doc: Y.Doc): Result<Me, FieldError[]> {
  return parseValues(meSpec, meMap(doc).toJSON() as Record<string, unknown>);
}

export function updateMe(doc: Y.Doc, patch: Partial<Me>, origin: Origin = LOCAL): Result<Me, FieldError[]> {
  const current = readMe(doc);
  const merged = parseValues(meSpec, { ...(current.ok ? current.value : {}), ...patch });
  if (!merged.ok) return err(merged.error);
  const map = meMap(doc);
  doc.transact(() => {
    for (const key of Object.keys(patch) as (keyof Me)[]) {
      const value = merged.value[key];
      if (isEmptyValue(value)) map.delete(key);
      else map.set(key, value);
    }
  }, origin);
  return ok(merged.value);
}
