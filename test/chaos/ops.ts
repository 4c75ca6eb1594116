/**
 * Random edits through the app's own store: add, edit, move to the Trash, restore, merge,
 * undo, import in steps, the user's card, "not the same person", and stakeholder places.
 * Entities are named in the trace by the order the run created them ("contacts#3"), so a seed
 * gives the same trace on every run; whether a device already has #3 depends on how sync went.
 */
import type * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName, type ContactId, type ObjectiveId } from '../../src/model/index.ts';
import { planImport } from '../../src/io/match.ts';
import { parseFile } from '../../src/io/parse-file.ts';
import { writeVCards } from '../../src/io/vcard-write.ts';
import {
  collectionMap,
  add,
  markNotDuplicates,
  moveToTrash,
  readAll,
  readOne,
  restoreFromTrash,
  runUndoable,
  unmarkNotDuplicates,
  update,
  updateMe,
} from '../../src/store/index.ts';
import { applyImportInSteps } from '../../src/store/import-steps.ts';
import { mergeContactsInDoc } from '../../src/store/merge.ts';
import { placeForObjective } from '../../src/store/stakes.ts';
import type { NodeDevice } from './node-device.ts';
import type { Rng } from './prng.ts';

/** Ids the run created, per collection, in order: the trace names them by index. */
export class Known {
  readonly ids = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [] as string[]])) as Record<
    CollectionName,
    string[]
  >;
  private made = 0;
  add(collection: CollectionName, id: string): string {
    this.ids[collection].push(id);
    return `${collection}#${this.ids[collection].length - 1}`;
  }
  label(collection: CollectionName, id: string): string {
    return `${collection}#${this.ids[collection].indexOf(id)}`;
  }
  /** A fresh number for names and emails. */
  next(): number {
    return ++this.made;
  }
}

const WORDS = ['alder', 'birch', 'cedar', 'damson', 'elm', 'fir', 'gorse', 'hazel', 'ivy', 'juniper'];
const DAY = (rng: Rng) => `2026-0${1 + rng.int(9)}-${String(10 + rng.int(18))}`;
const word = (rng: Rng) => rng.pick(WORDS);

/** One of the run's entities of `collection` that this device has, chosen by index. */
function pickHeld(doc: Y.Doc, known: Known, rng: Rng, collection: CollectionName): string | null {
  const ids = known.ids[collection];
  if (ids.length === 0) return null;
  const start = rng.int(ids.length);
  const map = collectionMap(doc, collection);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[(start + i) % ids.length]!;
    if (map.has(id)) return id;
  }
  return null;
}

type Drafted = { collection: CollectionName; draft: Record<string, unknown> } | null;

function draftFor(collection: CollectionName, doc: Y.Doc, known: Known, rng: Rng): Drafted {
  const n = known.next();
  const contact = () => pickHeld(doc, known, rng, 'contacts');
  switch (collection) {
    case 'contacts':
      return {
        collection,
        draft: {
          name: `N${n} ${word(rng)}`,
          role: rng.chance(0.5) ? `role ${word(rng)}` : '',
          emails: rng.chance(0.7) ? [`p${n}@example.org`] : [],
          tags: rng.chance(0.3) ? [word(rng)] : [],
        },
      };
    case 'communities':
      return {
        collection,
        draft: { name: `Community ${n}`, kind: rng.pick(['alumni', 'online', 'own-team', 'other']) },
      };
    case 'objectives':
      return { collection, draft: { title: `Objective ${n}`, kind: rng.pick(['learn', 'new-role', 'clients']) } };
    case 'offers':
      return { collection, draft: { title: `Offer ${n}`, kind: rng.pick(['skill', 'time']) } };
    case 'events':
      return { collection, draft: { name: `Event ${n}`, startsOn: DAY(rng) } };
    case 'actions':
      return { collection, draft: { title: `Action ${n}`, contactId: contact(), dueOn: DAY(rng) } };
    case 'interactions': {
      const who = contact();
      return {
        collection,
        draft: {
          at: `${DAY(rng)}T10:00:00.000Z`,
          contactIds: who ? [who] : [],
          notes: `met ${n}`,
          channel: rng.pick(['call', 'video', 'email']),
        },
      };
    }
    case 'ledger': {
      const who = contact();
      return who
        ? { collection, draft: { contactId: who, description: `gave ${n}`, direction: rng.pick(['gave', 'received']) } }
        : null;
    }
    case 'introductions': {
      const a = contact();
      const b = contact();
      return a && b && a !== b ? { collection, draft: { personAId: a, personBId: b, on: DAY(rng) } } : null;
    }
    case 'stakes':
      return null; // placed through placeForObjective (op 'place')
  }
}

/** A patch of one or two fields for an entity of `collection`. */
function patchFor(collection: CollectionName, doc: Y.Doc, known: Known, rng: Rng): Record<string, unknown> {
  const n = known.next();
  const options: Record<CollectionName, (() => Record<string, unknown>)[]> = {
    contacts: [
      () => ({ role: `role ${n}` }),
      () => ({ organisation: `Org ${n}` }),
      () => ({ location: rng.chance(0.2) ? '' : `Town ${n}` }),
      () => ({ notes: `note ${n}` }),
      () => ({ tags: [word(rng), `t${n}`] }),
      () => ({ emails: [`e${n}@example.org`] }),
      () => ({ cadenceDays: 1 + rng.int(90) }),
      () => ({ seenRegularly: rng.chance(0.5) }),
      () => ({ power: rng.int(101), interest: rng.int(101) }),
      () => {
        const c = pickHeld(doc, known, rng, 'communities');
        return c ? { communityIds: [c] } : { role: `role ${n}` };
      },
    ],
    communities: [
      () => ({ description: `desc ${n}` }),
      () => ({ offer: `offer ${n}` }),
      () => ({ membership: rng.pick(['member', 'former']) }),
    ],
    objectives: [
      () => ({ description: `desc ${n}` }),
      () => ({ status: rng.pick(['active', 'paused', 'achieved']) }),
      () => ({ targetOn: DAY(rng) }),
    ],
    offers: [() => ({ description: `desc ${n}` }), () => ({ status: rng.pick(['active', 'retired']) })],
    events: [() => ({ place: `Hall ${n}` }), () => ({ notes: `notes ${n}` })],
    actions: [
      () => ({ status: rng.pick(['planned', 'doing', 'done']) }),
      () => ({ dueOn: DAY(rng) }),
      () => ({ notes: `notes ${n}` }),
    ],
    interactions: [
      () => ({ notes: `notes ${n}` }),
      () => ({ followUpOn: DAY(rng) }),
      () => ({ followUpDone: rng.chance(0.5) }),
      () => ({ learned: `learned ${n}` }),
    ],
    ledger: [
      () => ({ status: rng.pick(['promised', 'done']) }),
      () => ({ description: `gave ${n}` }),
      () => ({ on: DAY(rng) }),
    ],
    introductions: [() => ({ notes: `notes ${n}` }), () => ({ on: DAY(rng) })],
    stakes: [() => ({ power: rng.int(101) }), () => ({ interest: rng.int(101) })],
  };
  const list = options[collection];
  const patch = rng.pick(list)();
  return rng.chance(0.3) ? { ...patch, ...rng.pick(list)() } : patch;
}

export type OpKind =
  | 'create'
  | 'edit'
  | 'trash'
  | 'restore'
  | 'merge'
  | 'undo'
  | 'import'
  | 'me'
  | 'notDuplicate'
  | 'place';

export const OP_WEIGHTS: Record<OpKind, number> = {
  create: 6,
  edit: 10,
  trash: 2,
  restore: 2,
  merge: 1.5,
  undo: 1.5,
  import: 1,
  me: 1,
  notDuplicate: 1,
  place: 1,
};

const ENTITY_WEIGHTS: Record<CollectionName, number> = {
  contacts: 5,
  communities: 1,
  objectives: 1,
  offers: 1,
  interactions: 2,
  ledger: 1,
  actions: 1,
  events: 1,
  introductions: 1,
  stakes: 0.5,
};

/**
 * Does one random edit on `device`. `describe` is called as soon as the op is chosen (before
 * it writes), so the oracle's records name it; the returned line is the trace's, with outcome.
 */
export async function randomEdit(
  device: NodeDevice,
  known: Known,
  rng: Rng,
  describe: (line: string) => void,
): Promise<string> {
  const doc = device.doc;
  const kind = rng.weighted(OP_WEIGHTS);
  const collection = rng.weighted(ENTITY_WEIGHTS);
  switch (kind) {
    case 'create': {
      const drafted = draftFor(collection, doc, known, rng);
      if (!drafted) return `create ${collection}: nothing to refer to`;
      describe(`create ${collection}`);
      const made = add(doc, drafted.collection, drafted.draft as never);
      if (!made.ok) throw new Error(`create ${collection} was refused: ${JSON.stringify(made.error)}`);
      const label = known.add(collection, made.value.id);
      describe(`create ${label}`);
      return `create ${label}`;
    }
    case 'edit': {
      const id = pickHeld(doc, known, rng, collection);
      if (!id) return `edit ${collection}: none here`;
      const patch = patchFor(collection, doc, known, rng);
      const line = `edit ${known.label(collection, id)} ${JSON.stringify(patch)}`;
      describe(line);
      const r = update(doc, collection, id as never, patch as never);
      return r.ok ? line : `${line}: ${r.error.type}`;
    }
    case 'trash':
    case 'restore': {
      const id = pickHeld(doc, known, rng, collection);
      if (!id) return `${kind} ${collection}: none here`;
      const line = `${kind} ${known.label(collection, id)}`;
      describe(line);
      if (kind === 'restore') restoreFromTrash(doc, collection, id as never);
      // The app offers Undo after a move to the Trash: half of them go through runUndoable.
      else if (rng.chance(0.5))
        device.undoables.push({
          label: line,
          ...runUndoable(doc, 'local', (origin) => moveToTrash(doc, collection, id as never, origin)),
        });
      else moveToTrash(doc, collection, id as never);
      return line;
    }
    case 'merge': {
      const keep = pickHeld(doc, known, rng, 'contacts');
      const drop = pickHeld(doc, known, rng, 'contacts');
      if (!keep || !drop) return 'merge: too few people here';
      const line = `merge ${known.label('contacts', drop)} into ${known.label('contacts', keep)}`;
      describe(line);
      const r = mergeContactsInDoc(doc, keep as ContactId, drop as ContactId);
      if (!r.ok) return `${line}: ${r.error.type}`;
      device.undoables.push({ label: line, ...r.value });
      return line;
    }
    case 'undo': {
      const last = device.undoables.pop();
      if (!last) return 'undo: nothing to undo';
      const line = `undo (${last.label})`;
      describe(line);
      return last.undo() ? line : `${line}: nothing left`;
    }
    case 'import': {
      // A file of a few people: some new, some already here by email (their changes are merged in).
      const people: { name: string; emails: string[]; role?: string; organisation?: string }[] = [];
      const count = 1 + rng.int(4);
      for (let i = 0; i < count; i++) {
        const n = known.next();
        const existing = rng.chance(0.4) ? pickHeld(doc, known, rng, 'contacts') : null;
        const current = existing ? readOne(doc, 'contacts', existing as ContactId) : null;
        if (current && current.emails.length > 0)
          people.push({
            name: current.name,
            emails: [current.emails[0]!],
            role: `imported role ${n}`,
            organisation: `Imported ${n}`,
          });
        else people.push({ name: `I${n} ${word(rng)}`, emails: [`i${n}@example.org`] });
      }
      const parsed = parseFile('people.vcf', new TextEncoder().encode(writeVCards(people)));
      if (!parsed.ok) throw new Error(`the harness wrote a file the importer refused: ${parsed.error.message}`);
      const plan = planImport(parsed.report.drafts, readAll(doc, 'contacts').items, parsed.report.invalid);
      const line = `import ${people.map((p) => p.name).join(', ')} (${plan.newPeople.length} new, ${plan.matches.length} matched)`;
      describe(line);
      const done = await applyImportInSteps(doc, plan, { stepSize: 1 + rng.int(2) });
      for (const id of done.result.created) known.add('contacts', id);
      device.undoables.push({ label: line, ...done });
      return line;
    }
    case 'me': {
      const n = known.next();
      const patch = rng.pick([
        { role: `my role ${n}` },
        { headline: `headline ${n}` },
        { location: rng.chance(0.2) ? '' : `Town ${n}` },
        { name: `Me ${n}` },
      ]);
      const line = `me ${JSON.stringify(patch)}`;
      describe(line);
      updateMe(doc, patch);
      return line;
    }
    case 'notDuplicate': {
      const a = pickHeld(doc, known, rng, 'contacts');
      const b = pickHeld(doc, known, rng, 'contacts');
      if (!a || !b || a === b) return 'notDuplicate: too few people here';
      const unmark = rng.chance(0.3);
      const line = `${unmark ? 'unmark' : 'mark'} not-duplicates ${known.label('contacts', a)} ${known.label('contacts', b)}`;
      describe(line);
      if (unmark) unmarkNotDuplicates(doc, a as ContactId, b as ContactId);
      else markNotDuplicates(doc, a as ContactId, b as ContactId);
      return line;
    }
    case 'place': {
      const who = pickHeld(doc, known, rng, 'contacts');
      const objective = pickHeld(doc, known, rng, 'objectives');
      if (!who || !objective) return 'place: no person or objective here';
      const line = `place ${known.label('contacts', who)} on ${known.label('objectives', objective)}`;
      describe(line);
      const before = new Set(collectionMap(doc, 'stakes').keys());
      placeForObjective(doc, who as ContactId, objective as ObjectiveId, {
        power: rng.int(101),
        interest: rng.int(101),
      });
      for (const id of collectionMap(doc, 'stakes').keys()) if (!before.has(id)) known.add('stakes', id);
      return line;
    }
  }
}
