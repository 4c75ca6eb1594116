/**
 * What the Map draws, and where: the user in the middle, each community as a
 * group on a ring around them, and everyone not in a community yet as one
 * group of its own on the same ring, named and counted. With a few hundred
 * people each person is a mark in their community's group (people in several
 * communities sit between them); with more, each group is one disc sized by
 * its count, and communities that share people are joined by a line.
 * Deterministic and free of iteration: same data, same picture.
 */
import type { Community } from '../community.ts';
import { COMMUNITY_KINDS } from '../community.ts';
import type { CommunityId, ContactId } from '../ids.ts';
import { placeLabels, type LabelBox } from './map-labels.ts';
import { wrapLabel, type PeopleGroups } from './map-groups.ts';
import { grouped } from './words.ts';

/** Up to this many people, each is drawn and can be focused; beyond it, groups are summarised. */
export const PEOPLE_DRAWN_UP_TO = 200;
export const UNAFFILIATED = 'none' as const;

export interface MapCluster {
  id: CommunityId | typeof UNAFFILIATED;
  /** The community's name, or "Not in a community yet". */
  name: string;
  /** The label, whole, in lines (the last says the count when the picture summarises). */
  lines: string[];
  count: number;
  /** Of them, also in another community. */
  shared: number;
  membership: Community['membership'] | null;
  x: number;
  y: number;
  r: number;
  /** Labels are drawn from this scale (screen pixels per layout unit) on; Infinity: only on focus. */
  labelFrom: number;
}

export interface MapPersonMark {
  id: ContactId;
  name: string;
  /** Where they belong, for their accessible name and their label on focus. */
  communityNames: string[];
  x: number;
  y: number;
  r: number;
  bridge: boolean;
  labelFrom: number;
}

interface MapLink {
  from: CommunityId;
  to: CommunityId;
  /** People in both. */
  count: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapPicture {
  mode: 'people' | 'groups';
  total: number;
  me: { label: string; r: number };
  clusters: MapCluster[];
  people: MapPersonMark[];
  /** The communities that share the most people, in groups mode, as many as there are communities (in people mode, the bridges say it). */
  links: MapLink[];
  /** People mode: from each person in several communities to each of their groups. */
  ties: { x1: number; y1: number; x2: number; y2: number }[];
  /** Every label with the scale it is legible from (Infinity: on focus only), for fitting the view. */
  labels: (LabelBox & { from: number })[];
  /** The marks' extent (labels not included: their size depends on the zoom). */
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const PERSON_R = 6;
const SPACING = 17;
const ME_R = 24;
const MIN_CLUSTER_R = 22;
const GAP = 48;
const f = (n: number) => Math.round(n * 10) / 10;
const kindOrder = new Map<string, number>(COMMUNITY_KINDS.map((k, i) => [k, i]));
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const unaffiliatedName = (count: number) => `Not in a community yet — ${grouped(count)}`;
const countLine = (n: number) => (n === 1 ? '1 person' : `${grouped(n)} people`);

export function mapPicture(input: {
  groups: PeopleGroups;
  communities: readonly Community[];
  meLabel?: string;
  drawPeopleUpTo?: number;
  /** The screen's width over height: on a tall screen the ring stands taller and names read up or down, not sideways. */
  aspect?: number;
}): MapPicture {
  const tall = (input.aspect ?? 1.6) < 0.8;
  const stretch = tall ? 1.5 : 1;
  const live = input.communities
    .filter((c) => c.deletedAt === null)
    .sort(
      (a, b) =>
        (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
        collator.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : 1),
    );
  const byId = new Map(live.map((c) => [c.id, c]));
  const mode = input.groups.total <= (input.drawPeopleUpTo ?? PEOPLE_DRAWN_UP_TO) ? 'people' : 'groups';

  // Who is where, among live communities only.
  const count = new Map<CommunityId, number>();
  const shared = new Map<CommunityId, number>();
  const only = new Map<CommunityId, { id: ContactId; name: string }[]>();
  const several: { id: ContactId; name: string; ids: CommunityId[] }[] = [];
  const none: { id: ContactId; name: string }[] = [];
  let noneCount = 0;
  const pairs = new Map<string, number>();
  for (const g of input.groups.groups) {
    const ids = g.communityIds.filter((id) => byId.has(id));
    const n = g.people.length;
    for (const id of ids) {
      count.set(id, (count.get(id) ?? 0) + n);
      if (ids.length > 1) shared.set(id, (shared.get(id) ?? 0) + n);
    }
    if (ids.length === 0) noneCount += n;
    if (mode === 'people') {
      if (ids.length === 0) none.push(...g.people);
      else if (ids.length === 1) {
        const list = only.get(ids[0] as CommunityId);
        if (list) list.push(...g.people);
        else only.set(ids[0] as CommunityId, [...g.people]);
      } else for (const p of g.people) several.push({ ...p, ids });
    } else
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]} ${ids[j]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + n);
        }
  }
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

  // Each group's size on the ring: room for its people, or a disc whose area follows its count.
  const sunflower = (n: number) =>
    n === 0 ? MIN_CLUSTER_R : Math.max(MIN_CLUSTER_R, SPACING * Math.sqrt(n + 0.5) + PERSON_R + 4);
  const disc = (n: number) => Math.max(MIN_CLUSTER_R, 3.2 * Math.sqrt(n));
  const sized = (n: number) => (mode === 'people' ? sunflower(n) : disc(n));
  const entries: Omit<MapCluster, 'x' | 'y' | 'labelFrom'>[] = live.map((c) => {
    const n = count.get(c.id) ?? 0;
    return {
      id: c.id,
      name: c.name,
      lines: mode === 'people' ? wrapLabel(c.name) : [...wrapLabel(c.name), countLine(n)],
      count: n,
      shared: shared.get(c.id) ?? 0,
      membership: c.membership,
      r: f(sized(mode === 'people' ? (only.get(c.id)?.length ?? 0) : n)),
    };
  });
  if (noneCount > 0)
    entries.push({
      id: UNAFFILIATED,
      name: 'Not in a community yet',
      lines: wrapLabel(unaffiliatedName(noneCount).replace(/ (?=—)|(?<=—) /g, '\u00a0')).map((l) =>
        l.replace(/\u00a0/g, ' '),
      ),
      count: noneCount,
      shared: 0,
      membership: null,
      r: f(sized(noneCount)),
    });

  // Angles first: they follow only the groups' sizes, and the bridges' places follow them.
  const circumference = entries.reduce((sum, e) => sum + 2 * e.r + GAP, 0);
  let angle = -Math.PI / 2;
  const angles = entries.map((e) => {
    if (entries.length === 1) return -Math.PI / 2;
    const share = ((2 * e.r + GAP) / circumference) * 2 * Math.PI;
    const a = angle + share / 2;
    angle += share;
    return a;
  });
  const angleOf = new Map(entries.map((e, i) => [e.id as string, angles[i] as number]));

  // People in several communities sit on an inner ring, each set of communities a small
  // sunflower towards the communities it joins, in order round the ring so none overlap.
  const sets = new Map<string, typeof several>();
  for (const p of several.sort(byName)) {
    const key = p.ids.join(' ');
    const list = sets.get(key);
    if (list) list.push(p);
    else sets.set(key, [p]);
  }
  const setR = (n: number) => (n === 1 ? PERSON_R + 1 : SPACING * Math.sqrt(n - 0.5) + PERSON_R + 1);
  const inner = [...sets.values()]
    .map((list) => {
      const ids = list[0]!.ids;
      const ux = ids.reduce((sum, id) => sum + Math.cos(angleOf.get(id) as number), 0);
      const uy = ids.reduce((sum, id) => sum + Math.sin(angleOf.get(id) as number), 0);
      return { list, ids, toward: Math.atan2(uy, ux), r: setR(list.length) };
    })
    .sort((p, q) => p.toward - q.toward || (p.list[0]!.id < q.list[0]!.id ? -1 : 1));
  const innerCirc = inner.reduce((sum, s) => sum + 2 * s.r + 14, 0);
  const biggestSet = inner.reduce((m, s) => Math.max(m, s.r), 0);
  const Ri = inner.length === 0 ? 0 : Math.max(innerCirc / (2 * Math.PI), ME_R + biggestSet + 24);

  const largest = entries.reduce((m, e) => Math.max(m, e.r), 0);
  const R =
    entries.length === 0
      ? 0
      : Math.max(
          circumference / (2 * Math.PI),
          ME_R + largest + GAP * (entries.length === 1 ? 1 : 2),
          Ri + biggestSet + largest + GAP,
          120,
        );
  const clusters: MapCluster[] = entries.map((e, i) => ({
    ...e,
    x: f(R * Math.cos(angles[i] as number)),
    y: f(R * stretch * Math.sin(angles[i] as number)),
    labelFrom: Infinity,
  }));
  const at = new Map(clusters.map((c) => [c.id as string, c]));

  const people: MapPersonMark[] = [];
  const ties: { x1: number; y1: number; x2: number; y2: number }[] = [];
  if (mode === 'people') {
    const sunflowerAround = (c: MapCluster, list: { id: ContactId; name: string }[], names: string[]) =>
      [...list].sort(byName).forEach((p, k) => {
        const rr = list.length === 1 ? 0 : SPACING * Math.sqrt(k + 0.5);
        const t = k * GOLDEN - Math.PI / 2;
        people.push({
          id: p.id,
          name: p.name,
          communityNames: names,
          x: f(c.x + rr * Math.cos(t)),
          y: f(c.y + rr * Math.sin(t)),
          r: PERSON_R,
          bridge: false,
          labelFrom: Infinity,
        });
      });
    for (const c of clusters) if (c.id !== UNAFFILIATED) sunflowerAround(c, only.get(c.id) ?? [], [c.name]);
    const unaffiliated = at.get(UNAFFILIATED);
    if (unaffiliated) sunflowerAround(unaffiliated, none, []);
    // Each set keeps its share of the inner ring, centred where its communities are if there is room.
    let start = inner.length ? inner[0]!.toward - (inner[0]!.r + 7) / Ri : 0;
    for (const s of inner) {
      const half = (s.r + 7) / Ri;
      const t0 = Math.max(start + half, s.toward);
      start = t0 + half;
      const cx = Ri * Math.cos(t0);
      const cy = Ri * Math.sin(t0);
      const names = live.filter((c) => s.ids.includes(c.id)).map((c) => c.name);
      s.list.forEach((p, k) => {
        const rr = s.list.length === 1 ? 0 : SPACING * Math.sqrt(k + 0.5);
        const t = k * GOLDEN;
        const x = f(cx + rr * Math.cos(t));
        const y = f(cy + rr * Math.sin(t));
        people.push({
          id: p.id,
          name: p.name,
          communityNames: names,
          x,
          y,
          r: PERSON_R + 1,
          bridge: true,
          labelFrom: Infinity,
        });
        for (const id of s.ids) {
          const c = at.get(id) as MapCluster;
          const d = Math.hypot(x - c.x, y - c.y) || 1;
          ties.push({ x1: x, y1: y, x2: f(c.x + ((x - c.x) / d) * c.r), y2: f(c.y + ((y - c.y) / d) * c.r) });
        }
      });
    }
  }

  const links: MapLink[] = [];
  for (const [key, n] of pairs) {
    const [a, b] = key.split(' ') as [CommunityId, CommunityId];
    const p = at.get(a) as MapCluster;
    const q = at.get(b) as MapCluster;
    links.push({ from: a, to: b, count: n, x1: p.x, y1: p.y, x2: q.x, y2: q.y });
  }
  links.sort((p, q) => q.count - p.count || (p.from + p.to < q.from + q.to ? -1 : 1));
  // The strongest ties only, about one per community: hundreds of lines would hide everything else.
  links.splice(Math.max(live.length, 1));

  let minX = -ME_R;
  let minY = -ME_R;
  let maxX = ME_R;
  let maxY = ME_R;
  for (const m of [...clusters, ...people]) {
    minX = Math.min(minX, m.x - m.r);
    maxX = Math.max(maxX, m.x + m.r);
    minY = Math.min(minY, m.y - m.r);
    maxY = Math.max(maxY, m.y + m.r);
  }

  // Which labels are legible without overlapping, from which zoom on: groups first, larger first.
  // Community names read outwards from the ring, into the space around it.
  const outward = (c: MapCluster): Pick<LabelBox, 'x' | 'y' | 'side'> => {
    const a = Math.atan2(c.y, c.x);
    const dx = Math.cos(a);
    const dy = Math.sin(a);
    const side =
      clusters.length === 1 || tall || Math.abs(dy) >= 0.8
        ? dy < 0 && clusters.length > 1
          ? 'above'
          : 'below'
        : dx < 0
          ? 'left'
          : 'right';
    const v = { above: [0, -1], below: [0, 1], left: [-1, 0], right: [1, 0] }[side];
    return { x: f(c.x + (v[0] as number) * c.r), y: f(c.y + (v[1] as number) * c.r), side };
  };
  const boxes: LabelBox[] = [
    ...[...clusters]
      .sort((a, b) => b.count - a.count)
      .map((c): LabelBox => ({ key: c.id, ...outward(c), lines: c.lines, fontPx: 13, tier: 0 })),
    ...[...people]
      .sort((a, b) => Number(b.bridge) - Number(a.bridge) || byName(a, b))
      .map(
        (p): LabelBox => ({
          key: p.id,
          x: p.x,
          y: p.y - p.r,
          lines: [p.name],
          side: 'above',
          sides: ['right', 'left', 'below'],
          reach: p.r,
          fontPx: 12,
          tier: 1,
        }),
      ),
  ];
  const marks = [{ x: 0, y: 0, r: ME_R }, ...people, ...(mode === 'groups' ? clusters : [])];
  const from = placeLabels(boxes, marks);
  for (const c of clusters) c.labelFrom = from.get(c.id) ?? Infinity;
  for (const p of people) p.labelFrom = from.get(p.id) ?? Infinity;
  const labels = boxes.map((b) => ({ ...b, from: from.get(b.key) ?? Infinity }));

  return {
    mode,
    total: input.groups.total,
    me: { label: input.meLabel ?? 'You', r: ME_R },
    clusters,
    people,
    links,
    ties,
    labels,
    bounds: { minX, minY, maxX, maxY },
  };
}
