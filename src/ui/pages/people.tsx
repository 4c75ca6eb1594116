/** People: find and remember someone. Search first, then a virtualised list. */
import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import type { Contact } from '../../model/index.ts';
import { AddPersonForm } from '../components/add-person.tsx';
import { PeopleList } from '../components/people-list.tsx';
import { createLive } from '../space.tsx';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export default function People() {
  const navigate = useNavigate();
  const people = createLive('contacts');
  const [query, setQuery] = createSignal('');
  const [adding, setAdding] = createSignal(false);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

  const shown = createMemo<Contact[]>(() => {
    const words = fold(query()).split(/\s+/).filter(Boolean);
    const all = people();
    const hits = words.length
      ? all.filter((c) => {
          const hay = fold([c.name, c.organisation, c.role, c.tags.join(' '), c.notes].join(' '));
          return words.every((w) => hay.includes(w));
        })
      : all.slice();
    return hits.sort((a, b) => collator.compare(a.name, b.name));
  });

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
        <input id="people-search" type="search" placeholder="Search name, organisation, role, tags, notes" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} autofocus autocomplete="off" />
      </div>
      <p class="muted small" aria-live="polite" data-testid="people-count">
        {query() ? `${shown().length} of ${people().length} people match` : `${people().length} ${people().length === 1 ? 'person' : 'people'}`}
      </p>
      <Show
        when={people().length > 0}
        fallback={
          <div class="empty card">
            <p>
              <strong>No one here yet.</strong>
            </p>
            <p>Add someone you would like to keep in touch with, capture people as you meet them at an event, or bring your network in from your phone or LinkedIn.</p>
            <div class="row" style={{ 'justify-content': 'center' }}>
              <button type="button" class="primary" onClick={() => setAdding(true)}>
                Add a person
              </button>
              <A class="button" href="/capture">
                Capture at an event
              </A>
              <A class="button" href="/settings#import">
                Import
              </A>
            </div>
          </div>
        }
      >
        <PeopleList people={shown()} />
        <Show when={query() && shown().length === 0}>
          <p class="empty">No one matches “{query()}”.</p>
        </Show>
      </Show>
      <p class="small">
        <A href="/trash">Trash</A>
      </p>
    </section>
  );
}
