import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContactId } from '../../src/model/index.ts';
import { pairKey } from '../../src/model/rules/index.ts';
import {
  addNotDuplicates,
  markNotDuplicates,
  notDuplicatesMap,
  readNotDuplicates,
  unmarkNotDuplicates,
} from '../../src/store/index.ts';

const ana = 'AAAAAAAAAAAAAAAAAAAAAA' as ContactId;
const bo = 'BBBBBBBBBBBBBBBBBBBBBB' as ContactId;
const cy = 'CCCCCCCCCCCCCCCCCCCCCC' as ContactId;

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('"not the same person"', () => {
  it('said on one device, is known on the other, whichever order the pair was named in', () => {
    const phone = new Y.Doc();
    const laptop = new Y.Doc();
    markNotDuplicates(phone, bo, ana);
    sync(phone, laptop);
    expect(readNotDuplicates(laptop)).toEqual(new Set([pairKey(ana, bo)]));
    unmarkNotDuplicates(laptop, ana, bo);
    sync(laptop, phone);
    expect(readNotDuplicates(phone).size).toBe(0);
  });

  it('an undo takes back only its own mark, not one another device made since', () => {
    const phone = new Y.Doc();
    const laptop = new Y.Doc();
    const mine = markNotDuplicates(phone, ana, bo, undefined, new Date('2026-01-01T10:00:00Z'));
    sync(phone, laptop);
    markNotDuplicates(laptop, ana, bo, undefined, new Date('2026-01-01T10:05:00Z'));
    sync(laptop, phone);
    unmarkNotDuplicates(phone, ana, bo, mine);
    expect(readNotDuplicates(phone).size).toBe(1);
  });

  it('ignores keys a buggy device wrote in another shape, and adds only new, well-formed pairs', () => {
    const doc = new Y.Doc();
    notDuplicatesMap(doc).set('not a pair', '2026-01-01T00:00:00.000Z');
    notDuplicatesMap(doc).set(`${bo}|${ana}`, '2026-01-01T00:00:00.000Z'); // larger id first
    expect(readNotDuplicates(doc).size).toBe(0);
    expect(addNotDuplicates(doc, [pairKey(ana, bo), pairKey(ana, bo), pairKey(bo, cy), 'x|y', `${ana}|${ana}`])).toBe(
      2,
    );
    expect(readNotDuplicates(doc)).toEqual(new Set([pairKey(ana, bo), pairKey(bo, cy)]));
  });
});
