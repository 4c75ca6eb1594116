/** Map: the shape of the network — communities and people as a picture, with a list equivalent. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { COMMUNITY_KIND_LABELS, type CommunityId, type CommunityKind, type IsoDate } from '../../model/index.ts';
import {
  groupPeople,
  lastDayByGroupInSlices,
  mapPicture,
  networkStructureInSlices,
  preparePlanInSlices,
  UNAFFILIATED,
  grouped,
} from '../../model/rules/index.ts';
import { CommunityList, type CommunityRow, type Member } from '../map/community-list.tsx';
import { NetworkPicture } from '../map/picture.tsx';
import { HubIntroductions } from '../person/hub-introductions.tsx';
import { AddTitled } from '../components/add-titled.tsx';
import { TIME_ZONE, createNow, todayIso } from '../clock.ts';
import { options, Sentence } from '../words.tsx';
import { afterPaint, createSliced } from '../sliced.ts';
import { createCollection } from '../space.tsx';
import '../plan/plan.css';
import { useWrites } from '../writes.ts';

/** The people's names shown in the list of bridges, at most; the rest are counted (each community's members list has them). */
const BRIDGES_LISTED = 50;
/** Up to this many people, the Map suggests introductions unasked (see HubIntroductions). */
const INTRODUCTIONS_UNASKED = 2000;

export default function NetworkMap() {
  performance.mark('rapport:map-start');
  const write = useWrites();
  const contacts = createCollection('contacts');
  const [introductionsAsked, askIntroductions] = createSignal(false);
  const communities = createCollection('communities');
  const interactions = createCollection('interactions');
  const introductions = createCollection('introductions');
  const now = createNow();
  const today = () => todayIso(now());

  // The picture reads the people once per change of people; a community added lays out groups only.
  const groups = createMemo(() => {
    performance.mark('rapport:map-layout-start');
    return groupPeople(contacts().items);
  });
  // A first guess at the picture's shape from the window (its box is measured once drawn): tall or wide.
  const [aspect, setAspect] = createSignal(
    Math.min(window.innerWidth - 32, 900) / Math.min(window.innerHeight * 0.62, 544),
  );
  const tall = createMemo(() => aspect() < 0.8);
  const picture = createMemo(() => {
    const p = mapPicture({
      groups: groups(),
      communities: communities().items,
      meLabel: 'You',
      aspect: tall() ? 0.5 : 1.6,
    });
    performance.mark('rapport:map-laid-out');
    return p;
  });

  // Everything else is worked out in slices once the picture is painted: the first screen never waits
  // for it, and a change (a community added) draws first and catches up on it a moment later.
  /**
   * The last day in touch with anyone of each group of people (groups do not change when communities do);
   * undefined until worked out.
   */
  const lastByGroup = createSliced(
    () => ({ groups: groups(), contacts: contacts().items, interactions: interactions().items, now: now() }),
    async (i, pause) => {
      const plan = await preparePlanInSlices(
        {
          contacts: i.contacts,
          communities: [],
          interactions: i.interactions,
          objectives: [],
          offers: [],
          actions: [],
          ledger: [],
          now: i.now,
          timeZone: TIME_ZONE,
        },
        pause,
      );
      // With the groups it was worked out for: the page's groups may have moved on meanwhile.
      return { groups: i.groups, last: await lastDayByGroupInSlices(i.groups, plan.lastContactDay, pause) };
    },
    { afterPaint: true },
  );
  const net = createSliced(
    () => ({ contacts: contacts().items, communities: communities().items, introductions: introductions().items }),
    (i, pause) => networkStructureInSlices({ ...i, meLabel: 'You' }, pause),
    { afterPaint: true },
  );
  const live = createMemo(
    () =>
      new Map(
        communities()
          .items.filter((c) => c.deletedAt === null)
          .map((c) => [c.id, c]),
      ),
  );
  /** The same per community; undefined until worked out. */
  const lastByCommunity = createMemo(() => {
    const found = lastByGroup();
    if (!found) return undefined;
    const lastOf = new Map<CommunityId, IsoDate>();
    found.groups.groups.forEach((g, i) => {
      const d = found.last[i];
      if (d) for (const id of g.communityIds) if (!lastOf.has(id) || (lastOf.get(id) as string) < d) lastOf.set(id, d);
    });
    return lastOf;
  });
  const membersOf = (pick: (ids: readonly CommunityId[]) => boolean) => (): Member[] => {
    const out: Member[] = [];
    for (const g of groups().groups) {
      const ids = g.communityIds.filter((id) => live().has(id));
      if (pick(ids)) for (const p of g.people) out.push({ id: p.id, name: p.name, communityIds: ids });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  };
  // The rows do not wait for, nor are made again by, the last contacts: each row reads its own when it comes.
  const rows = createMemo<CommunityRow[]>(() => {
    const byId = new Map(picture().clusters.map((c) => [c.id as string, c]));
    const order = new Map(picture().clusters.map((c, i) => [c.id as string, i]));
    return [...live().values()]
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((community) => ({
        community,
        count: byId.get(community.id)?.count ?? 0,
        members: membersOf((ids) => ids.includes(community.id)),
        lastContactOn: () => {
          const lastOf = lastByCommunity();
          return lastOf === undefined ? undefined : (lastOf.get(community.id) ?? null);
        },
      }));
  });
  const unaffiliated = {
    get count() {
      return picture().clusters.find((c) => c.id === UNAFFILIATED)?.count ?? 0;
    },
    members: membersOf((ids) => ids.length === 0),
  };
  const nameOf = (id: string) => live().get(id as CommunityId)?.name ?? 'another community';
  const names = createMemo(() => {
    const out = new Map<string, string>();
    for (const g of groups().groups) for (const p of g.people) out.set(p.id, p.name);
    return out;
  });
  const personName = (id: string) => names().get(id) ?? 'someone';
  const summary = () => {
    const p = picture();
    const none = p.clusters.find((c) => c.id === UNAFFILIATED)?.count ?? 0;
    const communitiesCount = p.clusters.length - (none ? 1 : 0);
    let several = 0;
    for (const g of groups().groups)
      if (g.communityIds.filter((id) => live().has(id)).length > 1) several += g.people.length;
    return `${communitiesCount} ${communitiesCount === 1 ? 'community' : 'communities'}, ${grouped(p.total)} people, ${grouped(several)} in more than one community${none ? `, ${grouped(none)} not in a community yet` : ''}.`;
  };
  const [listed, setListed] = createSignal(false);
  void afterPaint().then(() => setListed(true));
  const intros = createMemo(() => (net()?.edges ?? []).flatMap((e) => (e.kind === 'introduction' ? [e] : [])));
  const bridgePeople = () => net()?.bridgePeople ?? [];

  return (
    <section aria-labelledby="map-title" class="map-page">
      <div class="row spread">
        <h1 id="map-title">Map</h1>
        <nav class="row small sub-nav" aria-label="More of the plan">
          <A href="/plan">Plan</A>
          <A href="/stakeholders">Stakeholders</A>
        </nav>
      </div>
      <p class="muted small">
        Step 2: the communities you belong to or want to reach, and the people in each. Step 3: what you could offer
        each of them.
      </p>
      <Show when={net()?.bridgeSentence}>
        {(s) => (
          <p class="card bridge-sentence" data-testid="bridge-sentence">
            <Sentence text={s()} />
          </p>
        )}
      </Show>
      {/* Pairs across the whole network cost time in proportion to it: past a few thousand people, only when asked. */}
      <Show
        when={contacts().items.length <= INTRODUCTIONS_UNASKED || introductionsAsked()}
        fallback={
          <p>
            <button type="button" onClick={() => askIntroductions(true)}>
              Find introductions you could make
            </button>
          </p>
        }
      >
        <HubIntroductions />
      </Show>
      <Show
        when={picture().clusters.length || picture().total}
        fallback={
          <div class="card empty">
            <p>
              <strong>No communities yet.</strong>
            </p>
            <p>
              List the groups you belong to or want to reach — your team, former colleagues, a professional body, an
              alumni group, a meetup — then add the people you know in each.
            </p>
          </div>
        }
      >
        <NetworkPicture
          picture={picture()}
          onAspect={setAspect}
          summary={summary()}
          onRendered={() => {
            performance.mark('rapport:map-rendered');
            // A timer, not a frame: headless Chromium draws none, and this runs once the render's task ends.
            setTimeout(() => performance.mark('rapport:map-painted'), 0);
          }}
        />
      </Show>
      <section class="card" aria-labelledby="add-community-title">
        <h2 id="add-community-title">Add a community</h2>
        <AddTitled<CommunityKind>
          legend="Add a community"
          titleLabel="Community name"
          placeholder="e.g. PyData London"
          kinds={options(COMMUNITY_KIND_LABELS)}
          defaultKind="own-team"
          submitLabel="Add community"
          onAdd={(name, kind) => write.add('communities', { name, kind }).problem}
        />
      </section>
      <h2 id="communities-title">Communities</h2>
      {/* Below the picture, out of the first screen: drawn once the picture is painted, so the picture is not held up. */}
      <Show when={listed()} fallback={<p class="muted small">Listing your communities…</p>}>
        <CommunityList rows={rows()} unaffiliated={unaffiliated} nameOf={nameOf} today={today()} />
      </Show>
      <Show when={bridgePeople().length}>
        <section aria-labelledby="bridges-title">
          <h2 id="bridges-title">People who connect communities</h2>
          <ul class="bridge-list small">
            <For each={bridgePeople().slice(0, BRIDGES_LISTED)}>
              {(b) => (
                <li>
                  <a href={`/people/${b.contactId}`}>{personName(b.contactId)}</a> —{' '}
                  {b.communityIds.map(nameOf).join(', ')}
                </li>
              )}
            </For>
          </ul>
          <Show when={bridgePeople().length > BRIDGES_LISTED}>
            <p class="small muted more-note">
              and {grouped(bridgePeople().length - BRIDGES_LISTED)} more — each community’s members list names them
            </p>
          </Show>
        </section>
      </Show>
      <Show when={intros().length}>
        <section aria-labelledby="intros-title">
          <h2 id="intros-title">Introductions</h2>
          <ul class="bridge-list small">
            <For each={intros()}>
              {(e) => (
                <li>
                  {personName(e.from)} and {personName(e.to)}
                  {e.introducerId ? ` — introduced by ${personName(e.introducerId)}` : ' — introduced by you'}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </section>
  );
}
