/**
 * A deterministic network for the map and the plan: people spread over
 * communities (some in two or three), objectives, offers, interactions and
 * introductions, as one Yjs update; and the way to put it into the app's
 * IndexedDB ('rapport-space', y-indexeddb's own format) from a page.
 */
import * as Y from 'yjs';
import { COMMUNITY_KINDS, type CommunityId, type ContactId, type ObjectiveId } from '../../src/model/index.ts';
import { addMany } from '../../src/store/index.ts';
import { makeContactDrafts, pick, random } from './network.ts';

const GROUPS = [
  'Platform team',
  'Product org',
  'Initech alumni',
  'Chamber of Commerce',
  'IET',
  'School board',
  'Imperial alumni',
  'PyData London',
  'Rust meetup',
  'Climate founders',
];

export interface NetworkSize {
  people: number;
  communities: number;
  objectives?: number;
  offers?: number;
  interactions?: number;
  introductions?: number;
}

export function makeNetworkUpdate(size: NetworkSize, seed = 7, now = Date.now()): Uint8Array {
  const rand = random(seed);
  const doc = new Y.Doc();
  const communities = addMany(
    doc,
    'communities',
    Array.from({ length: size.communities }, (_, i) => ({
      name: i < GROUPS.length ? (GROUPS[i] as string) : `${pick(rand, GROUPS)} ${i}`,
      kind: COMMUNITY_KINDS[i % COMMUNITY_KINDS.length],
      membership: i % 7 === 6 ? ('want-to-join' as const) : ('member' as const),
      offer: i % 3 === 0 ? 'A talk on what we learned running Kubernetes cheaply' : '',
    })),
  ).created;
  const cids = communities.map((c) => c.id as CommunityId);
  const objectives = addMany(
    doc,
    'objectives',
    Array.from({ length: size.objectives ?? 0 }, (_, i) => ({
      title:
        ['Be known in climate tech', 'Find a new role', 'Ship the platform', 'Learn Rust'][i % 4] +
        (i >= 4 ? ` ${i}` : ''),
      kind: (['visibility', 'new-role', 'project-support', 'learn'] as const)[i % 4],
    })),
  ).created;
  const oids = objectives.map((o) => o.id as ObjectiveId);
  addMany(
    doc,
    'offers',
    Array.from({ length: size.offers ?? 0 }, (_, i) => ({
      title: ['Kubernetes cost review', 'Mentoring juniors', 'Introductions to investors'][i % 3] as string,
      communityIds: i % 2 === 0 && cids.length ? [pick(rand, cids)] : [],
    })),
  );
  const drafts = makeContactDrafts(size.people, seed).map((d) => {
    const n = rand() < 0.12 ? 2 + Math.floor(rand() * 2) : rand() < 0.9 ? 1 : 0;
    const ids = new Set<CommunityId>();
    while (cids.length && ids.size < Math.min(n, cids.length)) ids.add(pick(rand, cids));
    const helps = oids.length && rand() < 0.1 ? [pick(rand, oids)] : [];
    return { ...d, communityIds: [...ids], objectiveIds: helps };
  });
  const people = addMany(doc, 'contacts', drafts).created;
  const pids = people.map((p) => p.id as ContactId);
  const DAY = 86_400_000;
  addMany(
    doc,
    'interactions',
    Array.from({ length: Math.min(size.interactions ?? 0, pids.length ? Infinity : 0) }, () => ({
      at: new Date(now - Math.floor(rand() * 200) * DAY).toISOString(),
      contactIds: [pick(rand, pids)],
      channel: 'in-person' as const,
    })),
  );
  addMany(
    doc,
    'introductions',
    Array.from({ length: pids.length > 1 ? (size.introductions ?? 0) : 0 }, () => ({
      personAId: pick(rand, pids),
      personBId: pick(rand, pids),
      introducerId: null,
    })),
  );
  return Y.encodeStateAsUpdate(doc);
}

export { seedIndexedDb } from './seed-browser.ts';
