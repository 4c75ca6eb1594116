/** People: find and remember someone. Search first, then filters, then a virtualised list. */
import { A, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import type { Community, CommunityId, Contact, ContactId } from '../../model/index.ts';
import {
  computeToday,
  filterPeople,
  lastContactByPerson,
  makeSearchIndex,
  makeSearchIndexInSlices,
  QUADRANT_ADVICE,
  QUADRANTS,
  search,
  sortPeople,
  type SearchIndex,
  tagCounts,
  type PeopleSort,
  type Quadrant,
} from '../../model/rules/index.ts';
import { writeVCards } from '../../io/vcard-write.ts';
import { AddPersonForm } from '../components/add-person.tsx';
import { PeopleList } from '../components/people-list.tsx';
import { createNow, TIME_ZONE } from '../clock.ts';
import { datedName, downloadText } from '../download.ts';
import { peopleByName } from '../lists.ts';
import { createLive, liveIn, useSpace } from '../space.tsx';
import { PEOPLE_EMPTY } from '../people-empty.ts';
import { makeSliced } from '../sliced.ts';

export default function People() {
  const navigate = useNavigate();
  const people = createLive('contacts');
  const communities = createLive('communities');
  // Interactions are only read when a sort or filter needs them: 50,000 of them cost more than the list itself.
  const interactions = () => (sort() === 'last-contact' || needsFollowUp() ? interactionsLive() : []);
  const actions = createLive('actions');
  const now = createNow();
  const [query, setQuery] = createSignal('');
  const [adding, setAdding] = createSignal(false);
  const [communityId, setCommunityId] = createSignal<CommunityId | ''>('');
  const [tag, setTag] = createSignal('');
  const [quadrant, setQuadrant] = createSignal<Quadrant | 'unplaced' | ''>('');
  const [needsFollowUp, setNeedsFollowUp] = createSignal(false);
  const [sort, setSort] = createSignal<PeopleSort>('name');
  const { doc } = useSpace();
  const interactionsLive = () => liveIn(doc, 'interactions')();

  // Building the search index takes 100–150 ms on a phone with 7,000 people, so it is built in
  // slices once the list is painted; a search typed before it is in builds it at once.
  let built: { people: readonly Contact[]; communities: readonly Community[]; index: SearchIndex } | null = null;
  const searchIndexFor = (contacts: readonly Contact[], groups: readonly Community[]) => {
    if (built?.people !== contacts || built.communities !== groups)
      built = { people: contacts, communities: groups, index: makeSearchIndex(contacts, groups) };
    return built.index;
  };
  createEffect(() => {
    const [contacts, groups] = [people(), communities()];
    const stop = makeSliced(
      contacts,
      (c, pause) => makeSearchIndexInSlices(c, groups, pause),
      (index) => {
        if (built?.people !== contacts || built.communities !== groups)
          built = { people: contacts, communities: groups, index };
      },
      { afterPaint: true },
    );
    onCleanup(stop);
  });
  const lastContact = createMemo(() => lastContactByPerson(interactions()));
  const followUpNeeded = createMemo(() =>
    needsFollowUp()
      ? computeToday({
          contacts: people(),
          interactions: interactions(),
          actions: actions(),
          now: now(),
          timeZone: TIME_ZONE,
        }).needsFollowUp
      : new Set<ContactId>(),
  );
  // Counting tags over everyone is only needed once the filters are open.
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const tags = createMemo(() => (filtersOpen() || tag() ? tagCounts(people()).slice(0, 100) : []));

  // Everyone in the chosen order, sorted once per change of the people or of the order (by name, often
  // before the first render: peopleByName). Search and filters pick from it and keep its order, so
  // typing a query or choosing a filter never sorts 7,000 people again.
  const ordered = createMemo(() =>
    sort() === 'name' ? peopleByName(people()) : sortPeople(people(), sort(), lastContact()),
  );
  const shown = createMemo<Contact[]>(() => {
    const filter = {
      communityId: communityId() || null,
      tag: tag() || null,
      quadrant: quadrant() || null,
      needsFollowUp: needsFollowUp(),
    };
    if (!query().trim()) return filterPeople(ordered(), filter, followUpNeeded());
    const found = search(searchIndexFor(people(), communities()), query());
    // While searching, the best matches come first unless another order was chosen.
    if (sort() === 'name') {
      const byId = new Map(people().map((p) => [p.id, p]));
      return filterPeople(
        found.flatMap((id) => byId.get(id) ?? []),
        filter,
        followUpNeeded(),
      );
    }
    const hit = new Set(found);
    return filterPeople(
      ordered().filter((p) => hit.has(p.id)),
      filter,
      followUpNeeded(),
    );
  });
  const filtering = () => !!(query().trim() || communityId() || tag() || quadrant() || needsFollowUp());
  // A selection leaves as the search and filters show it: a vCard file for a phone or address book.
  const exportShown = () => downloadText(datedName('people', 'vcf'), writeVCards(shown()), 'text/vcard;charset=utf-8');

  return (
    <section aria-labelledby="people-title">
      <div class="row spread">
        <h1 id="people-title">People</h1>
        <button type="button" class="primary" onClick={() => setAdding(true)} aria-expanded={adding()}>
          Add person
        </button>
      </div>
      <Show when={adding()}>
        <AddPersonForm onAdded={(id) => navigate(`/people/${id}`)} onCancel={() => setAdding(false)} />
      </Show>
      <div class="search" role="search">
        <label for="people-search" class="visually-hidden">
          Search people
        </label>
        <input
          id="people-search"
          type="search"
          placeholder="Search name, organisation, role, tags, notes"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          autofocus
          autocomplete="off"
        />
      </div>
      <Show when={people().length > 0}>
        <details
          class="filters-box"
          open={filtering() && !query().trim()}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary>Filter and sort</summary>
          <div class="filters">
            <div class="field">
              <label for="filter-community">Community</label>
              <select
                id="filter-community"
                value={communityId()}
                onChange={(e) => setCommunityId(e.currentTarget.value as CommunityId | '')}
              >
                <option value="">All</option>
                <For each={communities()}>{(c) => <option value={c.id}>{c.name}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="filter-tag">Tag</label>
              <select id="filter-tag" value={tag()} onChange={(e) => setTag(e.currentTarget.value)}>
                <option value="">All</option>
                <For each={tags()}>{(t) => <option value={t.tag}>{`${t.tag} (${t.count})`}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="filter-quadrant">Stakeholder</label>
              <select
                id="filter-quadrant"
                value={quadrant()}
                onChange={(e) => setQuadrant(e.currentTarget.value as Quadrant | 'unplaced' | '')}
              >
                <option value="">All</option>
                <For each={QUADRANTS}>{(q) => <option value={q}>{QUADRANT_ADVICE[q].label}</option>}</For>
                <option value="unplaced">Not placed</option>
              </select>
            </div>
            <div class="field">
              <label for="sort-people">Sort by</label>
              <select id="sort-people" value={sort()} onChange={(e) => setSort(e.currentTarget.value as PeopleSort)}>
                <option value="name">Name</option>
                <option value="last-contact">Last contact</option>
                <option value="met">Date met</option>
              </select>
            </div>
            <label class="row plain-label self-end">
              <input
                class="box-22"
                type="checkbox"
                checked={needsFollowUp()}
                onChange={(e) => setNeedsFollowUp(e.currentTarget.checked)}
              />
              Needs follow-up
            </label>
          </div>
        </details>
      </Show>
      <div class="row spread">
        <p class="muted small" aria-live="polite" data-testid="people-count">
          {filtering()
            ? `${shown().length} of ${people().length} people match`
            : `${people().length} ${people().length === 1 ? 'person' : 'people'}`}
        </p>
        <Show when={filtering() && shown().length > 0}>
          <button type="button" class="small" onClick={exportShown}>
            {`Export ${shown().length === 1 ? 'this person' : `these ${shown().length}`} (.vcf)`}
          </button>
        </Show>
      </div>
      <Show
        when={people().length > 0}
        fallback={
          <div class="empty card">
            <p>
              <strong>{PEOPLE_EMPTY.title}</strong>
            </p>
            <p>{PEOPLE_EMPTY.text}</p>
            <div class="row justify-center">
              <button type="button" class="primary" onClick={() => setAdding(true)}>
                {PEOPLE_EMPTY.add}
              </button>
              <A class="button" href="/capture">
                {PEOPLE_EMPTY.capture}
              </A>
              <A class="button" href="/settings#import">
                {PEOPLE_EMPTY.import}
              </A>
            </div>
          </div>
        }
      >
        <PeopleList people={shown()} />
        <Show when={filtering() && shown().length === 0}>
          <p class="empty">{query().trim() ? `No one matches “${query()}”.` : 'No one matches these filters.'}</p>
        </Show>
      </Show>
      <p class="row small">
        <A class="control-link" href="/people/duplicates">
          Find duplicates
        </A>
        <A class="control-link" href="/trash">
          Trash
        </A>
      </p>
    </section>
  );
}
