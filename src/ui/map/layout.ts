/**
 * A deterministic, force-free layout for the network picture: me in the
 * middle, communities on a circle, each community's own members in a
 * sunflower around it, and people in several communities between them (at
 * the centre of their communities). Same data, same picture; no iteration,
 * so 500 people lay out in a few milliseconds.
 */
import type { CommunityId, ContactId } from '../../model/index.ts';
import { COMMUNITY_KINDS } from '../../model/index.ts';
import { ME, type NetworkStructure } from '../../model/rules/index.ts';

export interface PlacedNode {
  id: string;
  kind: 'me' | 'community' | 'person';
  label: string;
  x: number;
  y: number;
  r: number;
  /** A person in two or more communities. */
  bridge: boolean;
  membership?: 'member' | 'want-to-join' | 'former';
}

export interface MapLayout {
  nodes: PlacedNode[];
  /** One SVG path per kind of edge: hundreds of lines as a handful of elements. */
  paths: { membership: string; mine: string; wantToJoin: string; former: string; bridge: string; introductions: string };
  /** The viewBox that holds everything, with a margin. */
  box: { x: number; y: number; width: number; height: number };
  /** Community names stay readable however large the picture: their size grows with it. */
  labelSize: number;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const PERSON_R = 5;
const COMMUNITY_R = 16;
const ME_R = 20;
const SPACING = 13;
const GAP = 36;

/** A small stable number from an id, for a little deterministic spread. */
function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

const sunflowerRadius = (count: number, inner: number) => inner + SPACING * Math.sqrt(count + 0.5) + PERSON_R;
const f = (n: number) => Math.round(n * 10) / 10;

export function layoutNetwork(net: NetworkStructure): MapLayout {
  const kindOrder = new Map<string, number>(COMMUNITY_KINDS.map((k, i) => [k, i]));
  const communities = net.nodes.flatMap((n) => (n.kind === 'community' ? [n] : []));
  communities.sort((a, b) => (kindOrder.get(a.communityKind) ?? 0) - (kindOrder.get(b.communityKind) ?? 0) || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
  const people = net.nodes.flatMap((n) => (n.kind === 'person' ? [n] : []));

  const only = new Map<CommunityId, ContactId[]>(communities.map((c) => [c.id, []]));
  const several: typeof people = [];
  const none: typeof people = [];
  for (const p of people) {
    if (p.communityIds.length === 1) only.get(p.communityIds[0] as CommunityId)?.push(p.id);
    else if (p.communityIds.length > 1) several.push(p);
    else none.push(p);
  }

  // Each community's share of the circle follows the size of its cluster.
  const clusterR = communities.map((c) => sunflowerRadius(only.get(c.id)?.length ?? 0, COMMUNITY_R + 4));
  const circumference = clusterR.reduce((sum, r) => sum + 2 * r + GAP, 0);
  const innerNeeded = sunflowerRadius(none.length, ME_R + 6) + (clusterR.length ? Math.max(...clusterR) : 0) + GAP * 2;
  const R = communities.length <= 1 ? (communities.length ? innerNeeded : 0) : Math.max(circumference / (2 * Math.PI), innerNeeded, 160);

  const nodes: PlacedNode[] = [];
  const at = new Map<string, { x: number; y: number }>();
  const place = (n: PlacedNode) => {
    nodes.push(n);
    at.set(n.id, n);
  };
  const meNode = net.nodes.find((n) => n.kind === 'me');
  place({ id: ME, kind: 'me', label: meNode?.label ?? 'You', x: 0, y: 0, r: ME_R, bridge: false });

  let angle = -Math.PI / 2;
  communities.forEach((c, i) => {
    const share = ((2 * (clusterR[i] as number) + GAP) / circumference) * 2 * Math.PI;
    const a = communities.length === 1 ? -Math.PI / 2 : angle + share / 2;
    angle += share;
    const cx = R * Math.cos(a);
    const cy = R * Math.sin(a);
    place({ id: c.id, kind: 'community', label: c.label, x: f(cx), y: f(cy), r: COMMUNITY_R, bridge: false, membership: c.membership });
    (only.get(c.id) ?? []).forEach((pid, k) => {
      const rr = COMMUNITY_R + 4 + SPACING * Math.sqrt(k + 0.5);
      const t = k * GOLDEN + a;
      place({ id: pid, kind: 'person', label: '', x: f(cx + rr * Math.cos(t)), y: f(cy + rr * Math.sin(t)), r: PERSON_R, bridge: false });
    });
  });
  for (const p of several) {
    let x = 0;
    let y = 0;
    for (const id of p.communityIds) {
      const c = at.get(id);
      if (c) (x += c.x), (y += c.y);
    }
    x /= p.communityIds.length;
    y /= p.communityIds.length;
    // Several people between the same communities would sit on one point: spread them a little.
    const t = hash(p.id) * 2 * Math.PI;
    const d = 8 + hash(`${p.id}:d`) * 26;
    place({ id: p.id, kind: 'person', label: '', x: f(x + d * Math.cos(t)), y: f(y + d * Math.sin(t)), r: PERSON_R + 1, bridge: true });
  }
  none.forEach((p, k) => {
    const rr = ME_R + 8 + SPACING * Math.sqrt(k + 0.5);
    const t = k * GOLDEN;
    place({ id: p.id, kind: 'person', label: '', x: f(rr * Math.cos(t)), y: f(rr * Math.sin(t)), r: PERSON_R, bridge: false });
  });
  const labels = new Map(people.map((p) => [p.id as string, p.label]));
  for (const n of nodes) if (n.kind === 'person') n.label = labels.get(n.id) ?? '';

  // Which communities are only linked through me.
  const island = new Map<string, number>();
  net.islands.forEach((ids, i) => ids.forEach((id) => island.set(id, i)));
  const bridging = net.islands.length > 1;

  const seg = (a: { x: number; y: number } | undefined, b: { x: number; y: number } | undefined) => (a && b ? `M${f(a.x)} ${f(a.y)}L${f(b.x)} ${f(b.y)}` : '');
  const paths = { membership: [] as string[], mine: [] as string[], wantToJoin: [] as string[], former: [] as string[], bridge: [] as string[], introductions: [] as string[] };
  for (const e of net.edges) {
    const d = seg(at.get(e.from), at.get(e.to));
    if (!d) continue;
    if (e.kind === 'membership') paths.membership.push(d);
    else if (e.kind === 'my-membership') {
      if (e.membership === 'want-to-join') paths.wantToJoin.push(d);
      else if (e.membership === 'former') paths.former.push(d);
      else if (bridging && island.has(e.to)) paths.bridge.push(d);
      else paths.mine.push(d);
    } else paths.introductions.push(d);
  }

  let minX = -ME_R;
  let minY = -ME_R;
  let maxX = ME_R;
  let maxY = ME_R;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.r);
    maxX = Math.max(maxX, n.x + n.r);
    minY = Math.min(minY, n.y - n.r);
    maxY = Math.max(maxY, n.y + n.r + (n.kind === 'community' ? 22 : 0));
  }
  const margin = 40;
  return {
    nodes,
    paths: {
      membership: paths.membership.join(''),
      mine: paths.mine.join(''),
      wantToJoin: paths.wantToJoin.join(''),
      former: paths.former.join(''),
      bridge: paths.bridge.join(''),
      introductions: paths.introductions.join(''),
    },
    box: { x: f(minX - margin), y: f(minY - margin), width: f(maxX - minX + 2 * margin), height: f(maxY - minY + 2 * margin) },
    labelSize: f(Math.max(12, (maxX - minX) / 80)),
  };
}
