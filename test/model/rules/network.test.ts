import { describe, expect, test } from 'vitest';
import { ME, networkStructure, networkStructureInSlices } from '../../../src/model/rules/index.ts';
import { community, introduction, person } from './build.ts';

const team = community('team', { name: 'Platform team', kind: 'own-team' });
const alumni = community('alumni', { name: 'Uni alumni', kind: 'alumni' });
const climbing = community('climb', { name: 'Climbing club', kind: 'voluntary-group' });
const iet = community('iet', { name: 'IET', kind: 'professional-body' });
const empty = community('empty', { name: 'Empty' });

const ana = person('ana', { name: 'Ana', communityIds: [team.id, alumni.id] });
const ben = person('ben', { name: 'Ben', communityIds: [alumni.id] });
const cat = person('cat', { name: 'Cat', communityIds: [climbing.id] });
const dan = person('dan', { name: 'Dan', communityIds: [iet.id] });
const eve = person('eve', { name: 'Eve', communityIds: [team.id] });
const gone = person('gone', { communityIds: [climbing.id, iet.id], deletedAt: '2026-01-01T00:00:00.000Z' });

describe('network structure', () => {
  test('nodes for me, communities and people; edges for memberships and introductions', () => {
    const mine = introduction('mine', { personAId: ben.id, personBId: cat.id });
    const s = networkStructure({ contacts: [ana, ben, cat, gone], communities: [team, alumni], introductions: [mine] });
    expect(s.nodes.map((n) => [n.kind, n.id])).toEqual([
      ['me', ME],
      ['person', ana.id],
      ['person', ben.id],
      ['person', cat.id],
      ['community', team.id],
      ['community', alumni.id],
    ]);
    expect(s.nodes.find((n) => n.id === alumni.id)).toMatchObject({ memberCount: 2 });
    expect(s.edges).toContainEqual({ kind: 'membership', from: ana.id, to: team.id });
    expect(s.edges).toContainEqual({ kind: 'my-membership', from: ME, to: alumni.id, membership: 'member' });
    expect(s.edges).toContainEqual({ kind: 'introduction', id: mine.id, from: ben.id, to: cat.id, introducerId: null });
    // cat's climbing club is not live here, so no edge to it
    expect(s.edges.some((e) => e.from === cat.id && e.kind === 'membership')).toBe(false);
  });

  test('people in two or more communities are bridges', () => {
    const s = networkStructure({ contacts: [ana, ben, cat, gone], communities: [team, alumni, climbing, iet] });
    expect(s.bridgePeople).toEqual([{ contactId: ana.id, communityIds: [team.id, alumni.id] }]);
  });

  test('communities only I connect form separate islands', () => {
    const s = networkStructure({
      contacts: [ana, ben, cat, dan, eve, gone],
      communities: [team, alumni, climbing, iet, empty],
    });
    expect(s.islands).toEqual([[team.id, alumni.id], [climbing.id], [iet.id]]);
    expect(s.bridgeSentence).toBe(
      'You are the only link between *Platform team* and 1 more, *Climbing club* and *IET* — nobody else connects them, so introductions across them are yours to make.',
    );
  });

  test('an introduction someone else made joins islands; one I made does not', () => {
    const byMe = introduction('byme', { personAId: cat.id, personBId: dan.id });
    const byBen = introduction('byben', { introducerId: ben.id, personAId: cat.id, personBId: dan.id });
    const contacts = [ana, ben, cat, dan, eve];
    const communities = [team, alumni, climbing, iet];
    expect(networkStructure({ contacts, communities, introductions: [byMe] }).islands).toHaveLength(3);
    const joined = networkStructure({ contacts, communities, introductions: [byBen] });
    // Ben (alumni) introduced Cat (climbing) to Dan (IET): all four are now linked without me
    expect(joined.islands).toHaveLength(1);
    expect(joined.bridgeSentence).toBeNull();
  });

  test('"introduced by" on a person links their communities too', () => {
    const catViaDan = { ...cat, introducedById: dan.id };
    const s = networkStructure({ contacts: [catViaDan, dan], communities: [climbing, iet] });
    expect(s.islands).toEqual([[climbing.id, iet.id]]);
    expect(s.edges).toContainEqual({ kind: 'introduced-by', from: dan.id, to: cat.id });
  });

  test('in time slices: the same structure, however often it pauses', async () => {
    const communities = [team, alumni, climbing, iet, empty];
    const contacts = Array.from({ length: 2500 }, (_, i) =>
      person(`p${i}`, {
        communityIds: i % 4 === 0 ? [communities[i % 5]!.id, communities[(i + 1) % 5]!.id] : [communities[i % 3]!.id],
        introducedById: i > 0 && i % 9 === 0 ? (`person-p${i - 1}` as never) : null,
      }),
    );
    const intro = introduction('x', { personAId: contacts[1]!.id, personBId: contacts[2]!.id, introducerId: ana.id });
    const input = { contacts: [ana, ...contacts], communities, introductions: [intro] };
    let pauses = 0;
    const sliced = await networkStructureInSlices(input, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(3);
    expect(sliced).toEqual(networkStructure(input));
  });
});
