/**
 * What every stored entity shares, and the one function that turns untrusted
 * data (a document entry, a form, a file) into a checked entity.
 */
import { isEmptyValue, parseIsoDateTime, type FieldSpecs, type IsoDateTime, type Values } from './fields.ts';
import { isId, newId, type Id } from './ids.ts';
import { err, ok, type FieldError, type Result } from './result.ts';

export interface EntityMeta<I extends Id<string>> {
  id: I;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Set when moved to the Trash; null while live. */
  deletedAt: IsoDateTime | null;
}

export type Entity<S extends FieldSpecs, I extends Id<string>> = Values<S> & EntityMeta<I>;
export type Draft<S extends FieldSpecs> = Partial<Values<S>>;

/** Checks the fields of `raw` that `spec` names; absent fields take their empty value. */
export function parseValues<S extends FieldSpecs>(spec: S, raw: Record<string, unknown>): Result<Values<S>, FieldError[]> {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, field] of Object.entries(spec)) {
    const value = raw[key];
    if (value === undefined || value === null) {
      if (field.required) errors.push({ field: key, message: `${field.label} is required.` });
      values[key] = field.empty;
      continue;
    }
    const r = field.parse(value);
    if (r.ok) values[key] = r.value;
    else errors.push({ field: key, message: r.error });
  }
  return errors.length ? err(errors) : ok(values as Values<S>);
}

/** Checks a whole stored entity: its meta fields and its values. */
export function parseEntity<S extends FieldSpecs, I extends Id<string>>(
  spec: S,
  raw: Record<string, unknown>,
): Result<Entity<S, I>, FieldError[]> {
  const errors: FieldError[] = [];
  if (!isId(raw.id)) errors.push({ field: 'id', message: 'The id is missing or malformed.' });
  const createdAt = parseIsoDateTime(raw.createdAt);
  if (!createdAt.ok) errors.push({ field: 'createdAt', message: `Created: ${createdAt.error}` });
  const updatedAt = parseIsoDateTime(raw.updatedAt ?? raw.createdAt);
  if (!updatedAt.ok) errors.push({ field: 'updatedAt', message: `Updated: ${updatedAt.error}` });
  const deletedAt = raw.deletedAt == null ? ok(null) : parseIsoDateTime(raw.deletedAt);
  if (!deletedAt.ok) errors.push({ field: 'deletedAt', message: `Deleted: ${deletedAt.error}` });
  const values = parseValues(spec, raw);
  if (!values.ok) errors.push(...values.error);
  if (errors.length || !values.ok || !createdAt.ok || !updatedAt.ok || !deletedAt.ok) return err(errors);
  return ok({
    ...values.value,
    id: raw.id as I,
    createdAt: createdAt.value,
    updatedAt: updatedAt.value,
    deletedAt: deletedAt.value,
  });
}

/** A new entity from a draft, validated; `now` and `id` are injectable for tests. */
export function createEntity<S extends FieldSpecs, I extends Id<string>>(
  spec: S,
  draft: Draft<S>,
  now: Date = new Date(),
  id: I = newId<I>(),
): Result<Entity<S, I>, FieldError[]> {
  const at = now.toISOString();
  return parseEntity<S, I>(spec, { ...draft, id, createdAt: at, updatedAt: at, deletedAt: null });
}

/** Only the fields of a patch that differ from their empty value need storing. */
export function storedFields<S extends FieldSpecs>(spec: S, values: Partial<Values<S>>): [string, unknown][] {
  return Object.entries(values).filter(([k, v]) => k in spec && !isEmptyValue(v));
}
