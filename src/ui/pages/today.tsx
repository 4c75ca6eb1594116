/** Today: what to do now. */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { Avatar, describePerson } from '../components/person-row.tsx';
import { createLive } from '../space.tsx';

export default function Today() {
  const people = createLive('contacts');
  const recent = createMemo(() => [...people()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5));
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <Show
        when={people().length}
        fallback={
          <div class="card">
            <p>
              <strong>Welcome to Rapport.</strong> Start with the people you know: add someone, or capture people as you meet them.
            </p>
            <div class="row">
              <A class="button primary" href="/people">
                Add people
              </A>
              <A class="button" href="/capture">
                Capture at an event
              </A>
            </div>
          </div>
        }
      >
        <h2>Added recently</h2>
        <ul style={{ 'list-style': 'none', padding: 0 }}>
          <For each={recent()}>
            {(p) => (
              <li>
                <A class="row" href={`/people/${p.id}`} style={{ 'flex-wrap': 'nowrap', 'min-height': '56px', 'text-decoration': 'none', color: 'var(--text)' }}>
                  <Avatar name={p.name} />
                  <span class="who" style={{ display: 'flex', 'flex-direction': 'column', 'min-width': 0 }}>
                    <strong class="truncate">{p.name}</strong>
                    <span class="muted small truncate">{describePerson(p)}</span>
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
