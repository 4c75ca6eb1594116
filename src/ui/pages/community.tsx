/** One community: what it is, my membership, what I could offer it (step 3), its offers and its people. */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { COMMUNITY_KIND_LABELS, type CommunityId, type Contact } from '../../model/index.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { showToast } from '../components/toasts.tsx';
import { byName, toggled } from '../lists.ts';
import { AddMember } from '../map/add-member.tsx';
import { MEMBERSHIP_LABELS, options } from '../words.tsx';
import { createCollection, createLive } from '../space.tsx';
import '../plan/plan.css';
import { TrashedBanner } from '../components/trashed-banner.tsx';
import { CheckList } from '../components/check-list.tsx';
import { useWrites } from '../writes.ts';

export default function CommunityPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const write = useWrites();
  const commit = write.field;
  const communities = createCollection('communities');
  const offers = createLive('offers');
  const people = createLive('contacts');
  const id = () => params.id as CommunityId;
  const community = createMemo(() => communities().byId.get(params.id) ?? null);
  const members = createMemo(() =>
    people()
      .filter((p) => p.communityIds.includes(id()))
      .sort(byName),
  );
  const sortedPeople = createMemo(() => [...people()].sort(byName));

  const trash = () => {
    const name = community()?.name ?? 'The community';
    write.trash('communities', id());
    showToast(`${name} moved to the Trash.`, { label: 'Undo', run: () => write.restore('communities', id()) });
    navigate('/map');
  };
  const removeMember = (p: Contact) => {
    write.update('contacts', p.id, { communityIds: toggled(p.communityIds, id(), false) });
    showToast(`${p.name} is no longer in ${community()?.name ?? 'this community'}.`, {
      label: 'Undo',
      run: () => write.update('contacts', p.id, { communityIds: toggled(p.communityIds, id(), true) }),
    });
  };

  return (
    <Show
      when={community()}
      fallback={
        <div class="empty">
          <h1>Community not found</h1>
          <p>It may have been deleted on another device.</p>
          <A href="/map">Back to the Map</A>
        </div>
      }
    >
      {(c) => (
        <article aria-labelledby="community-name" class="community-page">
          <p class="small">
            <A class="back-link" href="/map">
              ← Map
            </A>
          </p>
          <TrashedBanner
            trashed={!!c().deletedAt}
            noun="community"
            onRestore={() => write.restore('communities', id())}
          />
          <h1 id="community-name" class="wrap">
            {c().name}
          </h1>
          <p class="muted">
            {COMMUNITY_KIND_LABELS[c().kind]} · {MEMBERSHIP_LABELS[c().membership]} ·{' '}
            {members().length === 1 ? '1 person' : `${members().length} people`}
          </p>
          <section class="card" aria-labelledby="about-community">
            <h2 id="about-community">About it</h2>
            <TextField label="Name" value={c().name} onCommit={commit('communities', id, 'name')} />
            <div class="grid-2">
              <SelectField
                label="Kind"
                value={c().kind}
                options={options(COMMUNITY_KIND_LABELS)}
                onCommit={commit('communities', id, 'kind')}
              />
              <SelectField
                label="Membership"
                value={c().membership}
                options={options(MEMBERSHIP_LABELS)}
                onCommit={commit('communities', id, 'membership')}
              />
            </div>
            <TextField
              label="Description"
              multiline
              value={c().description}
              onCommit={commit('communities', id, 'description')}
            />
          </section>
          <section class="card" aria-labelledby="offer-community">
            <h2 id="offer-community">What would be useful to them</h2>
            <p class="muted small">Not a pitch: what would this group find interesting or useful, from you?</p>
            <TextField
              label="What I could offer them"
              multiline
              value={c().offer}
              onCommit={commit('communities', id, 'offer')}
            />
            <CheckList
              legend="Your offers meant for them"
              items={offers()}
              isChecked={(o) => o.communityIds.includes(id())}
              onToggle={(o, on) => write.update('offers', o.id, { communityIds: toggled(o.communityIds, id(), on) })}
              label={(o) => o.title}
              empty="No offers yet — add them in the Plan."
            />
          </section>
          <section class="card" aria-labelledby="members-title">
            <h2 id="members-title">People in it</h2>
            <ul class="member-list plain">
              <For each={members()} fallback={<li class="muted small">Nobody yet — add the people you know there.</li>}>
                {(p) => (
                  <li class="row spread member">
                    <A href={`/people/${p.id}`} class="wrap grow-link">
                      {p.name}
                    </A>
                    <button
                      type="button"
                      class="small-button"
                      onClick={() => removeMember(p)}
                      aria-label={`Remove ${p.name} from ${c().name}`}
                    >
                      Remove
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <AddMember communityId={id()} communityName={c().name} people={sortedPeople()} />
          </section>
          <Show when={!c().deletedAt}>
            <button type="button" class="danger" onClick={trash}>
              Move to Trash
            </button>
          </Show>
        </article>
      )}
    </Show>
  );
}
