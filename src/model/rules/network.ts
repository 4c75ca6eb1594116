/**
 * The shape of the network for the map: who is in which community, who was
 * introduced to whom, and where the user is the only bridge. Layout is the
 * picture's business; this only says what is connected.
 */
import type { Introduction } from '../activity.ts';
import type { Community, CommunityKind } from '../community.ts';
import type { Contact } from '../contact.ts';
import type { CommunityId, ContactId, IntroductionId } from '../ids.ts';
import { activePeople, makeIdResolver } from './people-status.ts';
import { runAtOnce, runInSlices } from './slices.ts';
import { listNames, titled } from './words.ts';

export const ME = 'me' as const;

type NetworkNode =
  | { kind: 'me'; id: typeof ME; label: string }
  | {
      kind: 'community';
      id: CommunityId;
      label: string;
      communityKind: CommunityKind;
      membership: Community['membership'];
      memberCount: number;
    }
  | { kind: 'person'; id: ContactId; label: string; communityIds: CommunityId[] };

type NetworkEdge =
  | { kind: 'my-membership'; from: typeof ME; to: CommunityId; membership: Community['membership'] }
  | { kind: 'membership'; from: ContactId; to: CommunityId }
  | { kind: 'introduction'; id: IntroductionId; from: ContactId; to: ContactId; introducerId: ContactId | null }
  | { kind: 'introduced-by'; from: ContactId; to: ContactId };

interface BridgePerson {
  contactId: ContactId;
  communityIds: CommunityId[];
}

interface NetworkStructure {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** People in two or more communities: bridges other than the user. */
  bridgePeople: BridgePerson[];
  /**
   * Groups of communities (with members) linked to each other by shared members
   * or by introductions someone else made; between two groups, the only link is
   * the user. Largest first.
   */
  islands: CommunityId[][];
  /** One sentence when the user is the only bridge between islands, else null. */
  bridgeSentence: string | null;
}

interface NetworkInput {
  contacts: readonly Contact[];
  communities: readonly Community[];
  introductions?: readonly Introduction[];
  meLabel?: string;
}

export function networkStructure(input: NetworkInput): NetworkStructure {
  return runAtOnce(buildingNetworkStructure(input));
}

/** The same in time slices (see runInSlices), `pause` awaited between them. */
export function networkStructureInSlices(
  input: NetworkInput,
  pause: () => Promise<void>,
  sliceMs?: number,
): Promise<NetworkStructure> {
  return runInSlices(buildingNetworkStructure(input), pause, sliceMs);
}

/** People per step: a step stays a few milliseconds on a phone. */
const PEOPLE_PER_STEP = 1000;

function* buildingNetworkStructure(input: NetworkInput): Generator<void, NetworkStructure> {
  const people = activePeople(input.contacts);
  yield;
  const resolve = makeIdResolver(input.contacts);
  const communities = input.communities.filter((c) => c.deletedAt === null);
  const live = new Map(communities.map((c) => [c.id, c]));
  const memberCount = new Map<CommunityId, number>();
  const nodes: NetworkNode[] = [{ kind: 'me', id: ME, label: input.meLabel ?? 'You' }];
  const edges: NetworkEdge[] = [];
  const bridgePeople: BridgePerson[] = [];
  const personCommunities = new Map<ContactId, CommunityId[]>();

  for (const p of people.values()) {
    const ids = p.communityIds.filter((id) => live.has(id));
    personCommunities.set(p.id, ids);
    nodes.push({ kind: 'person', id: p.id, label: p.name, communityIds: ids });
    for (const id of ids) {
      edges.push({ kind: 'membership', from: p.id, to: id });
      memberCount.set(id, (memberCount.get(id) ?? 0) + 1);
    }
    if (ids.length >= 2) bridgePeople.push({ contactId: p.id, communityIds: ids });
    const introducer = p.introducedById === null ? null : resolve(p.introducedById);
    if (introducer !== null && introducer !== p.id && people.has(introducer))
      edges.push({ kind: 'introduced-by', from: introducer, to: p.id });
    if (nodes.length % PEOPLE_PER_STEP === 0) yield;
  }
  yield;
  for (const c of communities) {
    nodes.push({
      kind: 'community',
      id: c.id,
      label: c.name,
      communityKind: c.kind,
      membership: c.membership,
      memberCount: memberCount.get(c.id) ?? 0,
    });
    edges.push({ kind: 'my-membership', from: ME, to: c.id, membership: c.membership });
  }

  // Union communities linked without the user: shared members, or introductions made by others.
  const parent = new Map<CommunityId, CommunityId>();
  const find = (x: CommunityId): CommunityId => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as CommunityId;
    parent.set(x, r);
    return r;
  };
  const union = (ids: readonly CommunityId[]) => {
    const first = ids[0];
    if (first === undefined) return;
    for (const id of ids) parent.set(find(id), find(first));
  };
  for (const c of communities) if (memberCount.has(c.id)) parent.set(c.id, c.id);
  let n = 0;
  for (const ids of personCommunities.values()) {
    union(ids);
    if (++n % PEOPLE_PER_STEP === 0) yield;
  }
  const linkPeople = (a: ContactId, b: ContactId) =>
    union([...(personCommunities.get(a) ?? []), ...(personCommunities.get(b) ?? [])]);
  for (const intro of input.introductions ?? []) {
    if (intro.deletedAt !== null || intro.personAId === null || intro.personBId === null) continue;
    const a = resolve(intro.personAId);
    const b = resolve(intro.personBId);
    if (!people.has(a) || !people.has(b)) continue;
    const introducer = intro.introducerId === null ? null : resolve(intro.introducerId);
    edges.push({ kind: 'introduction', id: intro.id, from: a, to: b, introducerId: introducer });
    if (introducer !== null) {
      linkPeople(a, b);
      if (people.has(introducer)) linkPeople(introducer, a), linkPeople(introducer, b);
    }
  }
  yield;
  for (const e of edges) if (e.kind === 'introduced-by') linkPeople(e.from, e.to);
  yield;

  const groups = new Map<CommunityId, CommunityId[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  const islands = [...groups.values()].sort(
    (a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string),
  );
  return { nodes, edges, bridgePeople, islands, bridgeSentence: bridgeSentence(islands, live) };
}

function bridgeSentence(islands: readonly CommunityId[][], live: ReadonlyMap<CommunityId, Community>): string | null {
  if (islands.length < 2) return null;
  const names = islands.map((island) => {
    const first = live.get(island[0] as CommunityId)?.name ?? 'a community';
    return island.length === 1 ? titled(first) : `${titled(first)} and ${island.length - 1} more`;
  });
  return `You are the only link between ${listNames(names)} — nobody else connects them, so introductions across them are yours to make.`;
}
