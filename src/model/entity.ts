/**
 * What every stored entity shares, and the one function that turns untrusted
 * data (a document entry, a form, a file) into a checked entity.
 */
import { parseIsoDateTime, type FieldSpec, type FieldSpecs, type IsoDateTime, type Values } from './fields.ts';
import { isId, newId, type Id } from './ids.ts';
import { err, ok, type FieldError, type Result } from './result.ts';

interface EntityMeta<I extends Id<string>> {
  id: I;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Set when moved to the Trash; null while live. */
  deletedAt: IsoDateTime | null;
}

/**
 * A checked entity. Entities are values: their lists may be shared with the
 * document's own memory and with other entities (an empty list is one frozen
 * array), so never change one in place; build a new value and write that.
 */
export type Entity<S extends FieldSpecs, I extends Id<string>> = Values<S> & EntityMeta<I>;
export type Draft<S extends FieldSpecs> = Partial<Values<S>>;

/**
 * What parsing needs to know about a spec, worked out once. Every parsed object
 * starts as a copy of `template`, which holds every field's empty value: copying
 * one object of a fixed shape is many times faster than adding 30 properties one
 * by one, and reading 10,000 people is 10,000 such objects.
 */
interface Shape {
  fields: ReadonlyMap<string, FieldSpec<unknown>>;
  required: readonly (readonly [string, FieldSpec<unknown>])[];
  values: Readonly<Record<string, unknown>>;
  entity: Readonly<Record<string, unknown>>;
}

const shapes = new WeakMap<FieldSpecs, Shape>();
function shapeOf(spec: FieldSpecs): Shape {
  let shape = shapes.get(spec);
  if (!shape) {
    const entries = Object.entries(spec);
    // An empty list is shared by every entity that has none: frozen, so that no one can fill it for all of them.
    const values = Object.fromEntries(
      entries.map(([key, field]) => [key, Array.isArray(field.empty) ? Object.freeze([...field.empty]) : field.empty]),
    );
    shape = {
      fields: new Map(entries),
      required: entries.filter(([, field]) => field.required),
      values,
      entity: { id: '', createdAt: '', updatedAt: '', deletedAt: null, ...values },
    };
    shapes.set(spec, shape);
  }
  return shape;
}

/**
 * Checks the fields of `raw` that `spec` names into `out`, which already holds
 * every field's empty value; other keys of `raw` are ignored.
 */
function parseInto(
  shape: Shape,
  raw: Readonly<Record<string, unknown>>,
  out: Record<string, unknown>,
  errors: FieldError[],
  reading = false,
): void {
  for (const key in raw) {
    const field = shape.fields.get(key);
    const value = raw[key];
    if (field === undefined || value === undefined || value === null) continue;
    const r = field.parse(value);
    if (r.ok) out[key] = r.value;
    // A value a newer version added (a new option) reads as the fallback instead of making the whole entry unreadable.
    else if (reading && field.unknownAs !== undefined && typeof value === 'string') out[key] = field.unknownAs;
    else errors.push({ field: key, message: r.error });
  }
  for (const [key, field] of shape.required) {
    if (raw[key] === undefined || raw[key] === null)
      errors.push({ field: key, message: `${field.label} is required.` });
  }
}

/** Checks the fields of `raw` that `spec` names; absent fields take their empty value. */
export function parseValues<S extends FieldSpecs>(
  spec: S,
  raw: Readonly<Record<string, unknown>>,
): Result<Values<S>, FieldError[]> {
  const shape = shapeOf(spec);
  const values: Record<string, unknown> = { ...shape.values };
  const errors: FieldError[] = [];
  parseInto(shape, raw, values, errors);
  return errors.length ? err(errors) : ok(values as Values<S>);
}

function checkEntity<S extends FieldSpecs, I extends Id<string>>(
  spec: S,
  raw: Readonly<Record<string, unknown>>,
  meta: { id: unknown; createdAt: unknown; updatedAt: unknown; deletedAt: unknown },
  reading = false,
): Result<Entity<S, I>, FieldError[]> {
  const shape = shapeOf(spec);
  const errors: FieldError[] = [];
  const entity: Record<string, unknown> = { ...shape.entity };
  if (isId(meta.id)) entity.id = meta.id;
  else errors.push({ field: 'id', message: 'The id is missing or malformed.' });
  const createdAt = parseIsoDateTime(meta.createdAt);
  if (createdAt.ok) entity.createdAt = createdAt.value;
  else errors.push({ field: 'createdAt', message: `Created: ${createdAt.error}` });
  const updatedAt = meta.updatedAt == null && createdAt.ok ? createdAt : parseIsoDateTime(meta.updatedAt);
  if (updatedAt.ok) entity.updatedAt = updatedAt.value;
  else errors.push({ field: 'updatedAt', message: `Updated: ${updatedAt.error}` });
  if (meta.deletedAt != null) {
    const deletedAt = parseIsoDateTime(meta.deletedAt);
    if (deletedAt.ok) entity.deletedAt = deletedAt.value;
    else errors.push({ field: 'deletedAt', message: `Deleted: ${deletedAt.error}` });
  }
  parseInto(shape, raw, entity, errors, reading);
  return errors.length ? err(errors) : ok(entity as Entity<S, I>);
}

const META_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt']);

/**
 * What a newer version stored that this one does not understand: fields the spec does not
 * name, and options of a choice it does not know (read as the fallback). Backups and restores
 * carry them as they are, so that a device not yet updated loses nothing of them. Null when
 * there are none, which is nearly always.
 */
export function unknownValues(
  spec: FieldSpecs,
  raw: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const shape = shapeOf(spec);
  let unknown: Record<string, unknown> | null = null;
  for (const key in raw) {
    const value = raw[key];
    if (value === undefined || value === null || META_KEYS.has(key)) continue;
    const field = shape.fields.get(key);
    if (field !== undefined && (field.unknownAs === undefined || field.parse(value).ok)) continue;
    if (field !== undefined && typeof value !== 'string') continue; // a malformed value, not a newer one
    (unknown ??= {})[key] = value;
  }
  return unknown;
}

/** Checks a whole stored entity: its meta fields and its values; `id` defaults to `raw.id`. */
/** `reading`: the values come from the document, where a newer version may have written options this one does not know. */
export function parseEntity<S extends FieldSpecs, I extends Id<string>>(
  spec: S,
  raw: Readonly<Record<string, unknown>>,
  id: unknown = raw.id,
  opts: { reading?: boolean } = {},
): Result<Entity<S, I>, FieldError[]> {
  return checkEntity(
    spec,
    raw,
    { id, createdAt: raw.createdAt, updatedAt: raw.updatedAt, deletedAt: raw.deletedAt },
    opts.reading,
  );
}

/**
 * A new entity from a draft, validated; `now` and `id` are injectable for tests.
 * `now` may be given already written out, so that creating 10,000 at once formats the time once.
 */
export function makeEntity<S extends FieldSpecs, I extends Id<string>>(
  spec: S,
  draft: Draft<S>,
  now: Date | IsoDateTime = new Date(),
  id: I = newId<I>(),
): Result<Entity<S, I>, FieldError[]> {
  const at = typeof now === 'string' ? now : now.toISOString();
  return checkEntity(spec, draft, { id, createdAt: at, updatedAt: at, deletedAt: null });
}
