/** A small picker to say who can help with an objective ("can help with" = contact.objectiveIds). */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Contact, ObjectiveId } from '../../model/index.ts';
import { firstByName } from '../components/person-picker.tsx';
import { showToast } from '../components/toasts.tsx';
import { toggled } from '../lists.ts';
import { useWrites } from '../writes.ts';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const SHOWN = 6;
const CLOSED = { shown: [] as Contact[], more: 0, none: false };

export function LinkPerson(props: {
  objectiveId: ObjectiveId;
  objectiveTitle: string;
  people: readonly Contact[];
  label?: string;
}) {
  const write = useWrites();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [query, setQuery] = createSignal('');
  // Worked out only while the picker is open: a plan shows a picker per objective and per gap,
  // and going through thousands of people for each would cost the page's first render.
  const candidates = createMemo(() => {
    if (!open()) return CLOSED;
    const words = fold(query()).split(/\s+/).filter(Boolean);
    const objectiveId = props.objectiveId;
    const free = props.people.filter((p) => !p.objectiveIds.includes(objectiveId));
    const hits = words.length
      ? free.filter((p) => words.every((w) => fold(`${p.name} ${p.organisation} ${p.role}`).includes(w)))
      : free;
    return { shown: firstByName(hits, SHOWN), more: Math.max(0, hits.length - SHOWN), none: free.length === 0 };
  });
  const link = (p: Contact) => {
    const r = write.update('contacts', p.id, { objectiveIds: toggled(p.objectiveIds, props.objectiveId, true) });
    if (!r.ok) return showToast(`Could not link ${p.name}.`);
    setOpen(false);
    setQuery('');
    showToast(`${p.name} can help with “${props.objectiveTitle}”.`, {
      label: 'Undo',
      run: () =>
        write.update('contacts', p.id, { objectiveIds: toggled(r.value.objectiveIds, props.objectiveId, false) }),
    });
  };
  return (
    <div class="link-person">
      <button
        type="button"
        class="small-button"
        aria-expanded={open()}
        aria-controls={id}
        onClick={() => setOpen(!open())}
      >
        {props.label ?? 'Link a person who can help'}
      </button>
      <Show when={open()}>
        <div class="picker" id={id} role="group" aria-label={`Link a person to ${props.objectiveTitle}`}>
          <label for={`${id}-q`}>Find a person</label>
          <input
            id={`${id}-q`}
            type="search"
            autocomplete="off"
            placeholder="Name, organisation or role"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            ref={(el) => queueMicrotask(() => el.focus())}
            onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          />
          <Show
            when={!candidates().none}
            fallback={<p class="muted small">Everyone you know is already linked — add people in People first.</p>}
          >
            <ul class="picker-list">
              <For each={candidates().shown} fallback={<li class="muted small">No one matches.</li>}>
                {(p) => (
                  <li>
                    <button type="button" onClick={() => link(p)} aria-label={`Link ${p.name}`}>
                      <span class="truncate">{p.name}</span>
                      <Show when={p.organisation}>
                        <span class="muted small truncate">{p.organisation}</span>
                      </Show>
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={candidates().more}>
              <p class="muted small">and {candidates().more} more — type to narrow.</p>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
