/** Map: the shape of the network — communities and people as a picture, with a list equivalent. */
import { createMemo, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { COMMUNITY_KIND_LABELS, type Community, type CommunityKind } from '../../model/index.ts';
import { networkStructure, preparePlan } from '../../model/rules/index.ts';
import { create } from '../../store/index.ts';
import { CommunityList, type CommunityRow } from '../map/community-list.tsx';
import { layoutNetwork } from '../map/layout.ts';
import { NetworkPicture } from '../map/picture.tsx';
import { AddTitled } from '../plan/add-form.tsx';
import { createMinute, dayOf, writeProblem, ZONE } from '../plan/data.ts';
import { options, Sentence } from '../plan/words.tsx';
import { createCollection, useSpace } from '../space.tsx';
import '../plan/plan.css';

export default function NetworkMap() {
  performance.mark('rapport:map-start');
  const { doc } = useSpace();
  const contacts = createCollection('contacts');
  const communities = createCollection('communities');
  const interactions = createCollection('interactions');
  const introductions = createCollection('introductions');
  const now = createMinute();
  const today = () => dayOf(now());
  // Only what the map shows: members and last contact per community (no gap analysis here).
  const ctx = createMemo(() =>
    preparePlan({
      contacts: contacts().items,
      communities: communities().items,
      interactions: interactions().items,
      objectives: [],
      offers: [],
      actions: [],
      ledger: [],
      now: now(),
      timeZone: ZONE,
    }),
  );
  const net = createMemo(() => {
    performance.mark('rapport:map-layout-start');
    return networkStructure({ contacts: contacts().items, communities: communities().items, introductions: introductions().items, meLabel: 'You' });
  });
  const layout = createMemo(() => {
    const l = layoutNetwork(net());
    performance.mark('rapport:map-laid-out');
    return l;
  });
  const rows = createMemo<CommunityRow[]>(() =>
    ctx().communities.map((community: Community) => {
      const members = [...(ctx().members.get(community.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
      let last: string | null = null;
      for (const m of members) {
        const d = ctx().lastContactDay.get(m.id);
        if (d && (last === null || d > last)) last = d;
      }
      return { community, members, lastContactOn: last };
    }),
  );
  const nameOf = (id: string) => ctx().communityById.get(id as never)?.name ?? 'another community';
  const personName = (id: string) => ctx().people.get(id as never)?.name ?? 'someone';
  const summary = () => {
    const n = net();
    const people = n.nodes.filter((x) => x.kind === 'person').length;
    return `${rows().length} communities, ${people} people, ${n.bridgePeople.length} in more than one community.`;
  };
  const intros = createMemo(() => net().edges.flatMap((e) => (e.kind === 'introduction' ? [e] : [])));

  return (
    <section aria-labelledby="map-title" class="map-page">
      <div class="row spread">
        <h1 id="map-title">Map</h1>
        <nav class="row small sub-nav" aria-label="More of the plan">
          <A href="/plan">Plan</A>
          <A href="/stakeholders">Stakeholders</A>
        </nav>
      </div>
      <p class="muted small">Step 2: the communities you belong to or want to reach, and the people in each. Step 3: what you could offer each of them.</p>
      <Show when={net().bridgeSentence}>
        {(s) => (
          <p class="card bridge-sentence" data-testid="bridge-sentence">
            <Sentence text={s()} />
          </p>
        )}
      </Show>
      <Show
        when={rows().length || net().nodes.length > 1}
        fallback={
          <div class="card empty">
            <p>
              <strong>No communities yet.</strong>
            </p>
            <p>List the groups you belong to or want to reach — your team, former colleagues, a professional body, an alumni group, a meetup — then add the people you know in each.</p>
          </div>
        }
      >
        <NetworkPicture
          layout={layout()}
          summary={summary()}
          onRendered={() => {
            performance.mark('rapport:map-rendered');
            requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('rapport:map-painted')));
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
          onAdd={(name, kind) => {
            const r = create(doc, 'communities', { name, kind });
            return r.ok ? null : writeProblem(r.error);
          }}
        />
      </section>
      <h2 id="communities-title">Communities</h2>
      <CommunityList rows={rows()} nameOf={nameOf} today={today()} />
      <Show when={net().bridgePeople.length}>
        <section aria-labelledby="bridges-title">
          <h2 id="bridges-title">People who connect communities</h2>
          <ul class="bridge-list small">
            <For each={net().bridgePeople}>
              {(b) => (
                <li>
                  <a href={`/people/${b.contactId}`}>{personName(b.contactId)}</a> — {b.communityIds.map(nameOf).join(', ')}
                </li>
              )}
            </For>
          </ul>
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
