/**
 * A virtualised list of people: the DOM holds only the rows in view (plus a few),
 * whether there are ten people or ten thousand. Created only once its scrolling
 * box exists, so it also works when the first person arrives from elsewhere.
 */
import { createVirtualizer } from '@tanstack/solid-virtual';
import { For, Show } from 'solid-js';
import type { Contact } from '../../model/index.ts';
import { PersonRow } from './person-row.tsx';

export const ROW_HEIGHT = 64;

export function PeopleList(props: { people: readonly Contact[]; detail?: (person: Contact) => string }) {
  let scroller!: HTMLDivElement;
  const virtualizer = createVirtualizer({
    get count() {
      return props.people.length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div class="list-scroller" ref={scroller} role="list" aria-label="People" tabindex="-1" data-testid="people-list">
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        <For each={virtualizer.getVirtualItems()}>
          {(row) => (
            <Show when={props.people[row.index]}>
              {(person) => (
                <div role="listitem">
                  <PersonRow person={person()} top={row.start} height={ROW_HEIGHT} index={row.index} detail={props.detail?.(person())} />
                </div>
              )}
            </Show>
          )}
        </For>
      </div>
    </div>
  );
}
