/**
 * The duplicates page keeps its pairs up to date from what changed (issue 20):
 * after a merge, only the merged people are looked up again. Checked against
 * a scan of the whole network from scratch after every random change.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Contact } from '../../../src/model/index.ts';
import { DuplicateTracker, findDuplicates } from '../../../src/model/rules/index.ts';
import { person } from './build.ts';

const NAMES = [
  'Ana Lima',
  'Ana Lima',
  'Ana Limma',
  'Ben Carter',
  'Chloé Dupont',
  'Kwame Mensah',
  'Kwame Mensah',
  'José Núñez',
];
const ORGS = ['', 'Acme', 'Climatebase'];
const EMAILS = ['', 'ana@acme.example', 'kwame@cb.example', 'team@acme.example'];

/** A person from a small pool of names, organisations and emails, so that pairs are frequent. */
const someone = fc.record({
  name: fc.constantFrom(...NAMES),
  organisation: fc.constantFrom(...ORGS),
  email: fc.constantFrom(...EMAILS),
});
type Someone = { name: string; organisation: string; email: string };
const make = (slug: string, s: Someone): Contact =>
  person(slug, { name: s.name, organisation: s.organisation, emails: s.email ? [s.email] : [] });

const change = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), to: someone }),
  fc.record({ kind: fc.constant('merge' as const), at: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), who: someone }),
  fc.record({ kind: fc.constant('trash' as const), at: fc.nat() }),
);

const shape = (pairs: ReturnType<typeof findDuplicates>) =>
  pairs.map((p) => ({ key: p.key, certain: p.certain, reasons: p.reasons.map((r) => r.kind).sort() }));

describe('duplicate pairs kept up to date', () => {
  test.prop([fc.array(someone, { minLength: 2, maxLength: 14 }), fc.array(change, { maxLength: 12 })], {
    numRuns: 200,
  })('equal a fresh scan after every change, looking up again only the people that changed', (start, changes) => {
    let people = start.map((s, i) => make(`p${i}`, s));
    const tracker = new DuplicateTracker();
    expect(tracker.update(people).compared).toBe(people.length);
    let next = people.length;
    for (const c of changes) {
      const live = people.filter((p) => p.deletedAt === null && p.mergedIntoId === null);
      let touched = 0;
      if (c.kind === 'add') {
        people = [...people, make(`p${next++}`, c.who)];
        touched = 1;
      } else if (live.length > 0) {
        const target = live[c.at % live.length]!;
        if (c.kind === 'edit') {
          people = people.map((p) => (p === target ? { ...make(p.id.slice(8), c.to), id: p.id } : p));
          touched = 1;
        } else if (c.kind === 'trash') {
          people = people.map((p) => (p === target ? { ...p, deletedAt: '2026-12-05T10:00:00.000Z' } : p));
        } else {
          const into = live[c.into % live.length]!;
          if (into === target) continue;
          // A merge rewrites the kept record and marks the other merged: two changed objects.
          people = people.map((p) =>
            p === into
              ? { ...p, emails: [...new Set([...p.emails, ...target.emails])] }
              : p === target
                ? { ...p, mergedIntoId: into.id }
                : p,
          );
          touched = 1;
        }
      }
      expect(tracker.update(people).compared).toBe(touched);
      expect(shape(tracker.pairs())).toEqual(shape(findDuplicates(people)));
    }
  });

  test.prop([fc.array(someone, { minLength: 2, maxLength: 10 })])(
    'an update with nothing changed looks nobody up and keeps the same list',
    (start) => {
      const people = start.map((s, i) => make(`p${i}`, s));
      const tracker = new DuplicateTracker();
      tracker.update(people);
      const before = tracker.pairs();
      expect(tracker.update([...people]).compared).toBe(0);
      expect(tracker.pairs()).toBe(before);
    },
  );
});
