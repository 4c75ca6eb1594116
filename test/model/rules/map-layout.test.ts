import { describe, expect, test } from 'vitest';
import type { Community, Contact } from '../../../src/model/index.ts';
import {
  fitView,
  groupPeople,
  LABEL_SCALES,
  lastDayByGroupInSlices,
  labelRect,
  mapPicture,
  PEOPLE_DRAWN_UP_TO,
  UNAFFILIATED,
  wrapLabel,
  type MapPicture,
} from '../../../src/model/rules/index.ts';
import { community, person } from './build.ts';

const team = community('team', { name: 'Platform team', kind: 'own-team' });
const alumni = community('alumni', { name: 'Uni alumni', kind: 'alumni' });
const LONG = 'The Association of Independent Cloud Cost Practitioners (UK)';
const long = community('long', { name: LONG, kind: 'professional-body' });
const gone = community('gone', { name: 'Old club', deletedAt: '2026-01-02T00:00:00.000Z' });

const ana = person('ana', { name: 'Ana Lima', communityIds: [team.id, alumni.id] });
const ben = person('ben', { name: 'Ben Ode', communityIds: [alumni.id] });
const cat = person('cat', { name: 'Cat Ng', communityIds: [team.id] });
const dan = person('dan', { name: 'Dan Roe', communityIds: [] });
const eve = person('eve', { name: 'Eve Sá', communityIds: [gone.id] });

function crowd(n: number, communities: Community[]): Contact[] {
  return Array.from({ length: n }, (_, i) => {
    const ids =
      i % 10 === 0
        ? []
        : i % 7 === 0
          ? [communities[i % communities.length]!.id, communities[(i + 1) % communities.length]!.id]
          : [communities[i % communities.length]!.id];
    return person(`p${i}`, { name: `Person number ${i}`, communityIds: ids });
  });
}
const many = Array.from({ length: 30 }, (_, i) =>
  community(`c${i}`, { name: `Community ${i} with a rather long name indeed` }),
);

const labelsOverlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function labelsOverlapAt(p: MapPicture, scale: number): string[] {
  const shown = p.labels.filter((l) => l.from <= scale).map((l) => ({ key: l.key, r: labelRect(l, scale) }));
  const clashes: string[] = [];
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]!.r;
      const b = shown[j]!.r;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        clashes.push(`${shown[i]!.key}/${shown[j]!.key}`);
    }
  return clashes;
}

describe('the Map: people grouped and laid out', () => {
  test('with a few people, each is a mark in their community; people in several sit between; the rest are one named, counted group', () => {
    const p = mapPicture({ groups: groupPeople([ana, ben, cat, dan, eve]), communities: [team, alumni, gone] });
    expect(p.mode).toBe('people');
    expect(p.people.map((m) => [m.name, m.bridge, m.communityNames])).toEqual(
      expect.arrayContaining([
        ['Ana Lima', true, ['Platform team', 'Uni alumni']],
        ['Ben Ode', false, ['Uni alumni']],
        ['Dan Roe', false, []],
        // Eve's only community is deleted: she is not in one any more.
        ['Eve Sá', false, []],
      ]),
    );
    const none = p.clusters.find((c) => c.id === UNAFFILIATED);
    expect(none).toMatchObject({ count: 2, lines: ['Not in a community', 'yet — 2'] });
    expect(p.clusters.map((c) => c.name)).toEqual(['Platform team', 'Uni alumni', 'Not in a community yet']);
    expect(p.clusters.find((c) => c.id === alumni.id)).toMatchObject({ count: 2, shared: 1 });
    // The unaffiliated sit in their own group, away from "You" in the middle.
    for (const m of p.people.filter((m) => m.communityNames.length === 0))
      expect(Math.hypot(m.x - none!.x, m.y - none!.y)).toBeLessThanOrEqual(none!.r);
    expect(Math.hypot(none!.x, none!.y)).toBeGreaterThan(p.me.r + none!.r);
  });

  test('each person sits inside their community’s group, and no two marks sit on one another', () => {
    const people = crowd(150, many.slice(0, 6));
    const p = mapPicture({ groups: groupPeople(people), communities: many.slice(0, 6) });
    expect(p.people).toHaveLength(150);
    for (const m of p.people.filter((m) => !m.bridge && m.communityNames.length === 1)) {
      const c = p.clusters.find((c) => c.name === m.communityNames[0])!;
      expect(Math.hypot(m.x - c.x, m.y - c.y) + m.r).toBeLessThanOrEqual(c.r);
    }
    const solo = p.people.filter((m) => !m.bridge);
    for (let i = 0; i < solo.length; i++)
      for (let j = i + 1; j < solo.length; j++)
        expect(Math.hypot(solo[i]!.x - solo[j]!.x, solo[i]!.y - solo[j]!.y)).toBeGreaterThanOrEqual(
          solo[i]!.r + solo[j]!.r,
        );
  });

  test('with thousands of people, the picture summarises: one disc per community with its count, the unaffiliated as one counted group, no person marks', () => {
    const people = crowd(7000, many);
    const p = mapPicture({ groups: groupPeople(people), communities: many });
    expect(p.mode).toBe('groups');
    expect(p.people).toEqual([]);
    expect(p.clusters).toHaveLength(31);
    const none = p.clusters.find((c) => c.id === UNAFFILIATED)!;
    expect(none.count).toBe(700);
    expect(none.lines.join(' ')).toBe('Not in a community yet — 700');
    const first = p.clusters.find((c) => c.id === many[1]!.id)!;
    expect(first.lines.at(-1)).toMatch(/^\d+ people$/);
    // Everyone is counted once per community they are in.
    const memberships = people.reduce((n, c) => n + c.communityIds.length, 0);
    expect(p.clusters.filter((c) => c.id !== UNAFFILIATED).reduce((n, c) => n + c.count, 0)).toBe(memberships);
    // Communities sharing people are linked, with how many.
    expect(p.links.length).toBeGreaterThan(0);
    // Only the strongest, about one per community, so the picture is not a hairball.
    expect(p.links.length).toBeLessThanOrEqual(many.length);
    const shared = (a: string, b: string) =>
      people.filter((c) => c.communityIds.includes(a as never) && c.communityIds.includes(b as never)).length;
    for (const l of p.links) expect(l.count).toBe(shared(l.from, l.to));
    expect(p.links.map((l) => l.count)).toEqual([...p.links.map((l) => l.count)].sort((a, b) => b - a));
    // Bigger groups are bigger discs.
    expect(none.r).toBeGreaterThan(first.r);
  });

  test('the switch to summaries comes just past the number of people drawn one by one', () => {
    const at = mapPicture({
      groups: groupPeople(crowd(PEOPLE_DRAWN_UP_TO, many.slice(0, 3))),
      communities: many.slice(0, 3),
    });
    const past = mapPicture({
      groups: groupPeople(crowd(PEOPLE_DRAWN_UP_TO + 1, many.slice(0, 3))),
      communities: many.slice(0, 3),
    });
    expect([at.mode, at.people.length, past.mode, past.people.length]).toEqual([
      'people',
      PEOPLE_DRAWN_UP_TO,
      'groups',
      0,
    ]);
  });

  test('community names are kept whole, wrapped over lines, never cut short', () => {
    const p = mapPicture({ groups: groupPeople([person('x', { communityIds: [long.id] })]), communities: [long] });
    const lines = p.clusters[0]!.lines;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(LONG);
    expect(lines.every((l) => l.length <= 18)).toBe(true);
    const word = 'Donaudampfschifffahrtsgesellschaftskapitäne';
    expect(wrapLabel(`The ${word}`).join('')).toBe(`The${word}`);
  });

  test('labels are drawn only where they are legible: never over one another, and once shown, shown when zooming in', () => {
    for (const p of [
      mapPicture({ groups: groupPeople(crowd(180, many.slice(0, 8))), communities: many.slice(0, 8) }),
      mapPicture({ groups: groupPeople(crowd(7000, many)), communities: many }),
    ]) {
      for (const s of LABEL_SCALES) expect(labelsOverlapAt(p, s)).toEqual([]);
      const counts = LABEL_SCALES.map((s) => p.labels.filter((l) => l.from <= s).length);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      // Zoomed far in, every label has room.
      expect(counts.at(-1)).toBe(p.labels.length);
      // People's names give way to communities' names: a community's name is left out only where
      // it would cover a mark or another community's name.
      const isCommunity = (key: string) => p.clusters.some((c) => c.id === key);
      for (const s of LABEL_SCALES)
        for (const hidden of p.labels.filter((l) => isCommunity(l.key) && l.from > s)) {
          const r = labelRect(hidden, s);
          const marks = [{ x: 0, y: 0, r: p.me.r }, ...p.people, ...(p.mode === 'groups' ? p.clusters : [])];
          const onMark = marks.some(
            (m) =>
              Math.hypot(
                m.x - Math.max(r.left, Math.min(m.x, r.right)),
                m.y - Math.max(r.top, Math.min(m.y, r.bottom)),
              ) < m.r,
          );
          const onName = p.labels.some((l) => isCommunity(l.key) && l.from <= s && labelsOverlap(labelRect(l, s), r));
          expect(onMark || onName).toBe(true);
        }
    }
  });

  test('the view fits every mark and every label it shows, at 1280×800 and 390×844', () => {
    for (const [w, h] of [
      [1280, 560],
      [358, 520],
    ] as const)
      for (const p of [
        mapPicture({
          groups: groupPeople([ana, ben, cat, dan, eve]),
          communities: [team, alumni, long],
          aspect: w / h,
        }),
        mapPicture({ groups: groupPeople(crowd(7000, many)), communities: many, aspect: w / h }),
      ]) {
        const v = fitView(p.bounds, p.labels, w, h);
        expect(v.width / v.height).toBeCloseTo(w / h, 5);
        expect(v.width * v.scale).toBeCloseTo(w, 5);
        const inside = (l: number, t: number, r: number, b: number) =>
          l >= v.x && r <= v.x + v.width && t >= v.y && b <= v.y + v.height;
        for (const m of [...p.clusters, ...p.people])
          expect(inside(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r)).toBe(true);
        const shown = p.labels.filter((l) => l.from <= v.scale);
        for (const l of shown) {
          const r = labelRect(l, v.scale);
          expect(inside(r.left, r.top, r.right, r.bottom)).toBe(true);
        }
        // Every community's name can be read at the fitted view when there are few of them.
        if (p.mode === 'people')
          expect(shown.filter((l) => p.clusters.some((c) => c.id === l.key))).toHaveLength(p.clusters.length);
      }
  });

  test('the same network gives the same picture', () => {
    const people = crowd(120, many.slice(0, 5));
    const a = mapPicture({ groups: groupPeople(people), communities: many.slice(0, 5) });
    const b = mapPicture({ groups: groupPeople([...people].reverse()), communities: [...many.slice(0, 5)].reverse() });
    expect(b).toEqual(a);
  });

  test('with nobody and no community, only you', () => {
    const p = mapPicture({ groups: groupPeople([]), communities: [] });
    expect([p.clusters, p.people, p.links]).toEqual([[], [], []]);
  });
});

describe('the last day in touch per group', () => {
  test('the latest day of anyone in each group, null for a group never in touch, however often it pauses', async () => {
    const groups = groupPeople([ana, ben, cat, dan, ...crowd(1200, [team, alumni])]);
    const days = new Map<string, string>([
      [ben.id, '2026-01-03'],
      [cat.id, '2026-02-10'],
      [dan.id, '2025-12-01'],
    ]);
    let pauses = 0;
    const last = await lastDayByGroupInSlices(groups, days as never, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(1);
    const byKey = Object.fromEntries(groups.groups.map((g, i) => [g.communityIds.join(' '), last[i]]));
    expect(byKey[team.id]).toBe('2026-02-10');
    expect(byKey[alumni.id]).toBe('2026-01-03');
    expect(byKey['']).toBe('2025-12-01');
    expect(byKey[[team.id, alumni.id].sort().join(' ')]).toBe(null);
  });
});
