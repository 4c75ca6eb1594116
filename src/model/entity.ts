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

const specEntries = new WeakMap<FieldSpecs, [string, FieldSpecs[string]][]>();
function entriesOf(spec: FieldSpecs) {
  let entries = specEntries.get(spec);
  if (!entries) specEntries.set(spec, (entries = Object.entries(spec)));
  return entries;
}

/** Checks each field `spec` names into `out`; absent fields take their empty value. */
function parseInto(spec: FieldSpecs, raw: Record<string, unknown>, out: Record<string, unknown>, errors: FieldError[]): void {
  for (const [key, field] of entriesOf(spec)) {
    const value = raw[key];
    if (value === undefined || value === null) {
      if (field.required) errors.push({ field: key, message: `${field.label} is required.` });
      out[key] = field.empty;
      continue;
    }
    const r = field.parse(value);
    if (r.ok) out[key] = r.value;
    else errors.push({ field: key, message: r.error });
  }
}

/** Checks the fields of `raw` that `spec` names; absent fields take their empty value. */
export function parseValues<S extends FieldSpecs>(spec: S, raw: Record<string, unknown>): Result<Values<S>, FieldError[]> {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  parseInto(spec, raw, values, errors);
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
  const updatedAt = raw.updatedAt == null && createdAt.ok ? createdAt : parseIsoDateTime(raw.updatedAt);
  if (!updatedAt.ok) errors.push({ field: 'updatedAt', message: `Updated: ${updatedAt.error}` });
  const deletedAt = raw.deletedAt == null ? ok(null) : parseIsoDateTime(raw.deletedAt);
  if (!deletedAt.ok) errors.push({ field: 'deletedAt', message: `Deleted: ${deletedAt.error}` });
  const entity: Record<string, unknown> = {
    id: raw.id,
    createdAt: createdAt.ok ? createdAt.value : null,
    updatedAt: updatedAt.ok ? updatedAt.value : null,
    deletedAt: deletedAt.ok ? deletedAt.value : null,
  };
  parseInto(spec, raw, entity, errors);
  return errors.length ? err(errors) : ok(entity as Entity<S, I>);
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
