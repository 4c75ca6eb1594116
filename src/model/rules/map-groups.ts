/**
 * People grouped by the set of communities they are in, for the Map. It reads
 * only the people, so adding, renaming or removing a community never walks
 * thousands of them again: the picture is laid out from these groups, whose
 * number is small (one per combination of communities actually used).
 */
import type { Contact } from '../contact.ts';
import type { CommunityId, ContactId } from '../ids.ts';
import type { IsoDate } from '../fields.ts';
import type { DayLookup } from './history.ts';
import { isActivePerson } from './people-status.ts';
import { runInSlices } from './slices.ts';

interface MapPerson {
  id: ContactId;
  name: string;
}

interface PeopleGroup {
  /** Community ids as stored on the people (sorted; some may be deleted communities). */
  communityIds: CommunityId[];
  people: MapPerson[];
}

export interface PeopleGroups {
  groups: PeopleGroup[];
  /** Active people, all groups together. */
  total: number;
}

export function groupPeople(contacts: readonly Contact[]): PeopleGroups {
  const byKey = new Map<string, PeopleGroup>();
  let total = 0;
  for (const c of contacts) {
    if (!isActivePerson(c)) continue;
    total++;
    const ids = c.communityIds.length > 1 ? [...new Set(c.communityIds)].sort() : c.communityIds;
    const key = ids.join(' ');
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { communityIds: [...ids], people: [] }));
    g.people.push({ id: c.id, name: c.name });
  }
  return { groups: [...byKey.values()], total };
}

/**
 * The last day in touch with anyone of each group, in the groups' order (null: never), in time
 * slices (see runInSlices): a day is worked out per person, thousands of them on a phone.
 */
export function lastDayByGroupInSlices(
  groups: PeopleGroups,
  lastDay: DayLookup,
  pause: () => Promise<void>,
  sliceMs?: number,
): Promise<(IsoDate | null)[]> {
  return runInSlices(lastDayByGroup(groups, lastDay), pause, sliceMs);
}

function* lastDayByGroup(groups: PeopleGroups, lastDay: DayLookup): Generator<void, (IsoDate | null)[]> {
  const out: (IsoDate | null)[] = [];
  let n = 0;
  for (const g of groups.groups) {
    let last: IsoDate | null = null;
    for (const p of g.people) {
      const d = lastDay.get(p.id);
      if (d !== undefined && (last === null || d > last)) last = d;
      if (++n % 500 === 0) yield;
    }
    out.push(last);
  }
  return out;
}

/**
 * A name broken into lines of at most `width` characters at spaces, never cut
 * short: a word longer than a line is split across lines, and joining the
 * lines gives the name back.
 */
export function wrapLabel(text: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/[^\S\u00a0]+/)) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line), (line = '');
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!w) continue;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else lines.push(line), (line = w);
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
