/**
 * The last screen the person saw, kept small, painted before Yjs, the document
 * and Solid have loaded: the app's frame (top bar, bottom bar or rail) and the
 * page's heading, and on People or Today the first rows as they were. It is a
 * picture, not the app: nothing in it can be used until the app replaces it.
 *
 * Privacy: only what was on the first screen is kept (at most a dozen names
 * with their one-line subtitle on People, the first few items on Today), in
 * this origin's localStorage beside the IndexedDB copy of the same data, and
 * forgotten with the space (`forgetPaintedView`). It is built from DOM text
 * nodes only — never parsed as HTML — and checked field by field when read.
 *
 * On a first visit — nothing of Rapport in this browser's storage, so no network here either —
 * People is painted as the app will show it: empty, with its first steps.
 *
 * No imports but the icon paths and People's empty words: this runs in the first, tiny script.
 */
import { ICON_PATHS } from './components/icon-paths.ts';
import { PEOPLE_EMPTY } from './people-empty.ts';

/** One kept view per place that has one: the key is this and the path. */
export const PAINTED_VIEW_KEY = 'rapport:last-view:';
const PAINTED_PATHS = ['/', '/people'] as const;
export const MAX_ROWS = 12;
export const MAX_SECTIONS = 3;
export const MAX_ITEMS = 3;
const MAX_TEXT = 160;

export interface PaintedRow {
  text: string;
  detail: string;
}

export interface PaintedView {
  v: 1;
  path: '/' | '/people';
  title: string;
  /** People: the first rows of the list. */
  rows: PaintedRow[];
  /** Today: each section's heading and first items. */
  sections: { title: string; items: PaintedRow[] }[];
}

const TITLES: Record<string, string> = {
  '/': 'Today',
  '/people': 'People',
  '/plan': 'Plan',
  '/map': 'Map',
  '/capture': 'Capture',
  '/settings': 'Settings',
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : null);
function row(v: unknown): PaintedRow | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const t = text(r['text']);
  const d = text(r['detail']);
  return t === null || d === null ? null : { text: t, detail: d };
}
const rows = (v: unknown, max: number): PaintedRow[] =>
  Array.isArray(v)
    ? v
        .slice(0, max)
        .map(row)
        .filter((r): r is PaintedRow => r !== null)
    : [];

/** The kept view of `path`, if there is one and it has the right shape; anything else is ignored. */
function readPaintedView(path: string): PaintedView | null {
  if (!(PAINTED_PATHS as readonly string[]).includes(path)) return null;
  let raw: string | null;
  try {
    raw = localStorage.getItem(PAINTED_VIEW_KEY + path);
  } catch {
    return null; // storage blocked: paint the frame alone
  }
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (v['v'] !== 1 || v['path'] !== path) return null;
    const sections = Array.isArray(v['sections'])
      ? v['sections'].slice(0, MAX_SECTIONS).flatMap((s: unknown) => {
          const title = typeof s === 'object' && s !== null ? text((s as Record<string, unknown>)['title']) : null;
          return title === null ? [] : [{ title, items: rows((s as Record<string, unknown>)['items'], MAX_ITEMS) }];
        })
      : [];
    return {
      v: 1,
      path: path as PaintedView['path'],
      title: text(v['title']) ?? '',
      rows: rows(v['rows'], MAX_ROWS),
      sections,
    };
  } catch {
    return null;
  }
}

/**
 * Nothing of Rapport is kept in this browser: a first visit. Clearing a site's data clears its
 * IndexedDB with its localStorage, so there is no network here to contradict the empty page.
 */
function firstVisit(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith('rapport')) return false;
    return true;
  } catch {
    return false; // storage blocked: say nothing we cannot know
  }
}

export function forgetPaintedView(): void {
  try {
    for (const path of PAINTED_PATHS) localStorage.removeItem(PAINTED_VIEW_KEY + path);
  } catch {
    // nothing kept, nothing to forget
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  content?: string | Node[],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (typeof content === 'string') e.textContent = content;
  else if (content) e.append(...content);
  return e;
}
function icon(name: keyof typeof ICON_PATHS): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: '22',
    height: '22',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
  }))
    svg.setAttribute(k, v);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.append(path);
  return svg;
}
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** The frame as src/ui/app.tsx draws it, with `main` filled by the caller. */
function frame(pathname: string, main: HTMLElement): HTMLElement {
  const status = el('span', 'status-pill', [el('span', 'dot'), document.createTextNode('Opening…')]);
  const settings = el('span', 'topbar-settings', [icon('settings')]);
  status.dataset['state'] = 'saving';
  const links: [string, keyof typeof ICON_PATHS, string, string?][] = [
    ['/', 'today', 'Today'],
    ['/people', 'people', 'People'],
    ['/capture', 'capture', 'Capture', 'capture'],
    ['/plan', 'plan', 'Plan'],
    ['/map', 'map', 'Map'],
    ['/settings', 'settings', 'Settings', 'settings-link'],
  ];
  const nav = el(
    'nav',
    'nav',
    links.map(([href, name, label, cls]) => {
      const a = el('a', cls, [
        cls === 'capture' ? el('span', 'bubble', [icon(name)]) : icon(name),
        el('span', undefined, label),
      ]);
      a.href = href;
      const here = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
      if (here) a.classList.add('active');
      return a;
    }),
  );
  const brand = el('a', 'brand', 'Rapport');
  brand.href = '/';
  const top = el('header', 'topbar', [brand, status, settings]);
  const painted = el('div', 'frame painted-frame', [top, nav, main]);
  // A picture of the app until the app is here: not focusable, not clickable, not the app's landmarks.
  painted.inert = true;
  return painted;
}

function personRow(r: PaintedRow): HTMLElement {
  return el('div', 'person-row', [
    el('span', 'avatar', initials(r.text)),
    el('span', 'who', [el('strong', undefined, r.text), el('span', undefined, r.detail)]),
  ]);
}

function emptyPeople(): HTMLElement[] {
  return [
    el('p', 'muted small', '0 people'),
    el('div', 'empty card', [
      el('p', undefined, [el('strong', undefined, PEOPLE_EMPTY.title)]),
      el('p', undefined, PEOPLE_EMPTY.text),
      el('div', 'row justify-center', [
        el('span', 'button primary', PEOPLE_EMPTY.add),
        el('span', 'button', PEOPLE_EMPTY.capture),
        el('span', 'button', PEOPLE_EMPTY.import),
      ]),
    ]),
  ];
}

/**
 * Paints the frame into `root`, with the kept view when it is of this page. Returns
 * false when there is nothing to paint over (the root already holds something).
 */
export function paintLastView(root: HTMLElement, pathname: string): boolean {
  if (root.childElementCount > 0) return false;
  const here = pathname.replace(/\/+$/, '') || '/';
  const view =
    readPaintedView(here) ??
    (here === '/people' && firstVisit() ? { v: 1, path: here, title: '', rows: [], sections: [] } : null);
  const main = el('main', 'main');
  main.id = 'main';
  main.setAttribute('aria-busy', 'true');
  const title = TITLES[here];
  if (view) {
    if (view.path === '/people') {
      const head = el('div', 'row spread', [el('h1', undefined, view.title || 'People')]);
      head.append(el('span', 'button primary', 'Add person'));
      main.append(head);
      main.append(el('div', 'search', [el('div', 'painted-search', 'Search name, organisation, role, tags, notes')]));
      // Kept with no rows: the network was empty when last seen.
      if (view.rows.length === 0) main.append(...emptyPeople());
      else main.append(el('div', 'painted-list', view.rows.map(personRow)));
    } else {
      main.append(el('h1', undefined, view.title || title || ''));
      for (const s of view.sections) {
        main.append(
          el('section', undefined, [
            el('h2', undefined, s.title),
            el(
              'ul',
              'today-list',
              s.items.map((i) =>
                el('li', 'painted-item', [
                  el('span', 'today-title truncate', i.text),
                  el('span', 'today-context truncate', i.detail),
                ]),
              ),
            ),
          ]),
        );
      }
    }
  } else if (title) {
    main.append(el('h1', undefined, title));
  }
  root.append(frame(pathname, main));
  return true;
}
