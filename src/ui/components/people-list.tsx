/**
 * A virtualised list of people: the DOM holds only the rows in view (plus a few),
 * whether there are ten people or ten thousand. Every row is ROW_HEIGHT tall, so the
 * rows in view follow from the scroll position alone: no row is measured, nothing
 * is laid out to open the list, and a scroll only adds the rows that came into view
 * (a row stays while its place in the list is in view) and drops those that left.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { Contact } from '../../model/index.ts';
import { PersonRow } from './person-row.tsx';

const ROW_HEIGHT = 64;
/** Rows made beyond each edge of the box, so a short scroll shows rows already there. */
const OVERSCAN = 8;

export function PeopleList(props: { people: readonly Contact[]; detail?: (person: Contact) => string }) {
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  // Until the box is measured, as tall as the window (the box is never taller): never too few rows.
  const [boxHeight, setBoxHeight] = createSignal(window.innerHeight);
  const first = createMemo(() => Math.max(0, Math.floor(scrollTop() / ROW_HEIGHT) - OVERSCAN));
  const end = createMemo(() =>
    Math.min(props.people.length, Math.ceil((scrollTop() + boxHeight()) / ROW_HEIGHT) + OVERSCAN),
  );
  /** The places in the list that have a row, a new array only when the first or last changes. */
  const places = createMemo(() => {
    const out: number[] = [];
    for (let i = first(); i < end(); i++) out.push(i);
    return out;
  });
  onMount(() => {
    const onScroll = () => setScrollTop(scroller.scrollTop);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    // Told after layout, before the first paint: the box's height without a layout forced here.
    const observer = new ResizeObserver(() => setBoxHeight(scroller.clientHeight));
    observer.observe(scroller);
    onCleanup(() => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    });
  });
  fitToViewport(() => scroller, { atMount: false });
  return (
    <div class="list-scroller" ref={scroller} role="list" aria-label="People" tabindex="-1" data-testid="people-list">
      <div class="list-canvas" style={{ height: `${props.people.length * ROW_HEIGHT}px` }}>
        <For each={places()}>
          {(index) => (
            <Show when={props.people[index]}>
              {(person) => (
                <div role="listitem">
                  <PersonRow
                    person={person()}
                    top={index * ROW_HEIGHT}
                    height={ROW_HEIGHT}
                    index={index}
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
export function fitToViewport(element: () => HTMLElement, opts: { atMount?: boolean } = {}) {
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
    // Else the observer below fits it after the first layout, before the first paint, with no layout forced.
    if (opts.atMount !== false) fit();
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
