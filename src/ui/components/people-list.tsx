/**
 * A virtualised list of people: the DOM holds only the rows in view (plus a few),
 * whether there are ten people or ten thousand. Created only once its scrolling
 * box exists, so it also works when the first person arrives from elsewhere.
 */
import { createVirtualizer } from '@tanstack/solid-virtual';
import { For, onCleanup, onMount, Show } from 'solid-js';
import type { Contact } from '../../model/index.ts';
import { PersonRow } from './person-row.tsx';

const ROW_HEIGHT = 64;

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
  fitToViewport(() => scroller);
  return (
    <div class="list-scroller" ref={scroller} role="list" aria-label="People" tabindex="-1" data-testid="people-list">
      <div class="list-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <For each={virtualizer.getVirtualItems()}>
          {(row) => (
            <Show when={props.people[row.index]}>
              {(person) => (
                <div role="listitem">
                  <PersonRow
                    person={person()}
                    top={row.start}
                    height={ROW_HEIGHT}
                    index={row.index}
                    detail={props.detail?.(person())}
                  />
                </div>
              )}
            </Show>
          )}
        </For>
      </div>
    </div>
  );
}

/**
 * One scroll at a time: the list is exactly as tall as the room left under it in the window
 * (above the phone's bottom bar, which the page's bottom padding keeps clear), so the page
 * itself does not scroll as well.
 */
export function fitToViewport(element: () => HTMLElement) {
  const fit = () => {
    const box = element();
    const main = box.closest('main');
    if (!main) return;
    // The page's own block under <main>, and what it holds below the list (links, a note).
    const page = [...main.children].find((child) => child.contains(box)) ?? box;
    const list = box.getBoundingClientRect();
    const after =
      page.getBoundingClientRect().bottom - list.bottom + (parseFloat(getComputedStyle(main).paddingBottom) || 0);
    const top = list.top + window.scrollY;
    let height = Math.max(256, Math.floor(window.innerHeight - top - after));
    box.style.height = `${height}px`;
    // Margins that no box reports (a last paragraph's, say) still make the page scroll: take them off too.
    const over = document.documentElement.scrollHeight - window.innerHeight;
    if (over > 0 && height - over >= 256) {
      height -= over;
      box.style.height = `${height}px`;
    }
  };
  onMount(() => {
    fit();
    window.addEventListener('resize', fit);
    // What stands above the list (filters opening, a banner) moves it.
    const observer = new ResizeObserver(fit);
    const main = element().closest('main');
    if (main?.firstElementChild) observer.observe(main.firstElementChild);
    onCleanup(() => {
      window.removeEventListener('resize', fit);
      observer.disconnect();
    });
  });
}
