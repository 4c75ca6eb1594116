/**
 * Keeps the first screen of People and Today (src/ui/painted-view.ts) as the person
 * last saw it, read from what the app drew: text only, the first rows only, and only
 * of the plain list (not while a search or filter narrows it). Kept when the page is
 * hidden or left, and a moment after each visit, so a closed tab leaves it current.
 */
import {
  MAX_ITEMS,
  MAX_ROWS,
  MAX_SECTIONS,
  PAINTED_VIEW_KEY,
  type PaintedRow,
  type PaintedView,
} from './painted-view.ts';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function capture(): PaintedView | null {
  const main = document.querySelector('#app main');
  const title = clean(main?.querySelector('h1')?.textContent);
  if (!main || !title) return null;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/people') {
    const search = document.getElementById('people-search') as HTMLInputElement | null;
    if (!search || search.value.trim() || main.querySelector('details.filters-box[open]')) return null;
    const rows: PaintedRow[] = [];
    for (const a of main.querySelectorAll<HTMLElement>('[data-testid=person-row]')) {
      const i = Number(a.dataset['index']);
      if (i < MAX_ROWS)
        rows[i] = {
          text: clean(a.querySelector('strong')?.textContent),
          detail: clean(a.querySelector('.who > span')?.textContent),
        };
    }
    // Scrolled away from the top: the first rows are not drawn; the view kept before still holds.
    if (rows.length === 0 && main.querySelector('[data-testid=person-row]')) return null;
    return { v: 1, path, title, rows: rows.filter(Boolean), sections: [] };
  }
  if (path === '/') {
    const sections = [...main.querySelectorAll('section[data-testid^="today-"]')].slice(0, MAX_SECTIONS).map((s) => ({
      title: clean(s.querySelector('h2')?.textContent),
      items: [...s.querySelectorAll('.today-item')].slice(0, MAX_ITEMS).map((li) => ({
        text: clean(li.querySelector('.today-title')?.textContent),
        detail: clean(li.querySelector('.today-context')?.textContent),
      })),
    }));
    return { v: 1, path, title, rows: [], sections };
  }
  return null;
}

function keepView(): void {
  const view = capture();
  if (!view) return;
  try {
    localStorage.setItem(PAINTED_VIEW_KEY + view.path, JSON.stringify(view));
  } catch {
    // storage full or blocked: the next open paints the frame alone
  }
}

/** Keeps the view when the page is hidden or left, and shortly after each move to another place. */
export function makeViewKeeper(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(keepView, 1500);
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') keepView();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', keepView);
  // The router moves with pushState; a click on any link is the cheap signal that the place may change.
  document.addEventListener('click', soon, true);
  window.addEventListener('popstate', soon);
  soon();
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', keepView);
    document.removeEventListener('click', soon, true);
    window.removeEventListener('popstate', soon);
  };
}
