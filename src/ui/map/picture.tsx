/**
 * The network as a picture: an SVG whose one <g> carries the pan and zoom, so
 * moving around never lays anything out again. Drag or arrow keys pan; the
 * wheel and the +/− buttons zoom. Every person (or, at scale, every group) is
 * a link with a name that can be focused; hovering, focusing or tapping one
 * shows who it is. Labels keep their size on screen and appear only where the
 * current zoom leaves room for them. The list below says the same in words.
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import {
  fitView,
  UNAFFILIATED,
  type LabelBox,
  type MapCluster,
  type MapPersonMark,
  type MapPicture,
  grouped,
} from '../../model/rules/index.ts';
import { Callout, type Focused } from './callout.tsx';
import { Label } from './label.tsx';
import { mineLines, linkClass } from './lines.ts';
import './map.css';

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 12;
const PAN_STEP = 60;
/** Pixels a pointer may move and still count as a tap rather than a drag. */
const CLICK_SLOP = 6;
const COMMUNITY_PX = 13;
const PERSON_PX = 12;

interface View {
  x: number;
  y: number;
  k: number;
}

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
const people = (n: number) => (n === 1 ? '1 person' : `${grouped(n)} people`);

function clusterName(c: MapCluster): string {
  if (c.id === UNAFFILIATED) return `Not in a community yet: ${people(c.count)}`;
  const also = c.shared ? `, ${grouped(c.shared)} also in other communities` : '';
  return `${c.name}: ${people(c.count)}${also}`;
}
export const personName = (p: MapPersonMark) =>
  `${p.name} — ${p.communityNames.length ? p.communityNames.join(', ') : 'not in a community yet'}`;

export function NetworkPicture(props: {
  picture: MapPicture;
  summary: string;
  onRendered?: () => void;
  onAspect?: (widthOverHeight: number) => void;
}) {
  const navigate = useNavigate();
  const [view, setView] = createSignal<View>({ x: 0, y: 0, k: 1 });
  const [size, setSize] = createSignal({ w: 360, h: 400 });
  const [hovered, setHovered] = createSignal<string | null>(null);
  const [focused, setFocused] = createSignal<string | null>(null);
  const [tapped, setTapped] = createSignal<string | null>(null);
  let svg!: SVGSVGElement;

  const fit = createMemo(() => fitView(props.picture.bounds, props.picture.labels, size().w, size().h));
  /** Screen pixels per layout unit now: what decides which labels are legible. */
  const scale = () => fit().scale * view().k;
  const shown = createMemo(() => {
    const s = scale() * 1.0001;
    const out: LabelBox[] = [];
    for (const l of props.picture.labels) if (l.from <= s) out.push(l);
    return out;
  });
  const clusterById = createMemo(() => new Map(props.picture.clusters.map((c) => [c.id as string, c])));
  const personById = createMemo(() => new Map(props.picture.people.map((p) => [p.id as string, p])));
  const active = createMemo<Focused | null>(() => {
    const key = focused() ?? tapped() ?? hovered();
    if (key === null) return null;
    const p = personById().get(key);
    if (p)
      return {
        x: p.x,
        y: p.y - p.r,
        lines: [p.name, p.communityNames.length ? p.communityNames.join(', ') : 'Not in a community yet'],
      };
    const c = clusterById().get(key);
    if (c)
      return {
        x: c.x,
        y: c.y - c.r,
        lines: [c.id === UNAFFILIATED ? 'Not in a community yet' : c.name, people(c.count)],
      };
    return null;
  });

  const measured = (width: number, height: number) => {
    if (width > 0 && height > 0) {
      setSize({ w: width, h: height });
      props.onAspect?.(width / height);
    }
  };
  /** A screen point in layout units (as the viewport's <g> sees them before its own transform). */
  const toBox = (clientX: number, clientY: number) => {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  const zoomAt = (factor: number, at: { x: number; y: number }) =>
    setView((v) => {
      const k = clampZoom(v.k * factor);
      const r = k / v.k;
      return { k, x: at.x - (at.x - v.x) * r, y: at.y - (at.y - v.y) * r };
    });
  const centre = () => ({ x: fit().x + fit().width / 2, y: fit().y + fit().height / 2 });
  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  const reset = () => setView({ x: 0, y: 0, k: 1 });

  let drag: { id: number; x: number; y: number; view: View; scale: number; type: string } | null = null;
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const m = svg.getScreenCTM();
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, view: view(), scale: m ? m.a : 1, type: e.pointerType };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && !drag) {
      const key = (e.target as Element).closest?.('[data-key]')?.getAttribute('data-key') ?? null;
      if (key !== hovered()) setHovered(key);
    }
    if (!drag || e.pointerId !== drag.id) return;
    const d = drag;
    if (!svg.classList.contains('dragging')) {
      if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) < CLICK_SLOP) return;
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('dragging');
    }
    setView({ ...d.view, x: d.view.x + (e.clientX - d.x) / d.scale, y: d.view.y + (e.clientY - d.y) / d.scale });
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const moved = svg.classList.contains('dragging');
    const type = drag.type;
    drag = null;
    svg.classList.remove('dragging');
    if (moved) return;
    // A tap names what it landed on; a second tap (or a mouse click) opens it.
    const mark = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-key]');
    const key = mark?.getAttribute('data-key') ?? null;
    const href = mark?.getAttribute('href');
    if (key && href && (type === 'mouse' || tapped() === key)) navigate(href);
    else setTapped(key);
  };
  // Links open through the router, from the keyboard (Enter) as from a tap; never a page load.
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element).closest?.('a[href]');
    if (!a) return;
    e.preventDefault();
    if (e.detail === 0) navigate(a.getAttribute('href') as string);
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    zoomAt(Math.exp(-e.deltaY * 0.0015), toBox(e.clientX, e.clientY));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== svg && !['+', '=', '-', '0'].includes(e.key)) return;
    const step = PAN_STEP / scale();
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(step, 0),
      ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step),
      ArrowDown: () => pan(0, -step),
      '+': () => zoomAt(1.25, centre()),
      '=': () => zoomAt(1.25, centre()),
      '-': () => zoomAt(0.8, centre()),
      '0': reset,
      Escape: () => setTapped(null),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };
  /** A mark focused from the keyboard is brought into view if the pan had left it outside. */
  const onFocusIn = (e: FocusEvent) => {
    const key = (e.target as Element).closest?.('[data-key]')?.getAttribute('data-key') ?? null;
    setFocused(key);
    if (key === null) return;
    const m = personById().get(key) ?? clusterById().get(key);
    if (!m) return;
    const v = view();
    const f = fit();
    const sx = m.x * v.k + v.x;
    const sy = m.y * v.k + v.y;
    const inside = sx > f.x && sx < f.x + f.width && sy > f.y && sy < f.y + f.height;
    if (!inside) setView({ ...v, x: f.x + f.width / 2 - m.x * v.k, y: f.y + f.height / 2 - m.y * v.k });
  };

  onMount(() => {
    // The box is read once the browser has laid the page out for its frame, not by forcing a layout
    // in the middle of the render (a whole page's layout in the Map's first task on a phone); the
    // size it reports is in place before that frame is painted, and again whenever the box changes.
    const sizes = new ResizeObserver(() => {
      // Layout is current here: reading the box costs nothing more.
      const box = svg.getBoundingClientRect();
      measured(box.width, box.height);
    });
    sizes.observe(svg);
    // Wheel must not scroll the page while zooming: a passive listener could not prevent it.
    svg.addEventListener('wheel', onWheel, { passive: false });
    onCleanup(() => {
      sizes.disconnect();
      svg.removeEventListener('wheel', onWheel);
    });
    props.onRendered?.();
  });

  const transform = () => {
    const v = view();
    return `translate(${v.x.toFixed(2)} ${v.y.toFixed(2)}) scale(${v.k.toFixed(4)})`;
  };
  const box = () => `${fit().x.toFixed(1)} ${fit().y.toFixed(1)} ${fit().width.toFixed(1)} ${fit().height.toFixed(1)}`;
  const lines = createMemo(() => mineLines(props.picture));
  const ties = createMemo(() => props.picture.ties.map((t) => `M${t.x1} ${t.y1}L${t.x2} ${t.y2}`).join(''));
  const labelsOf = (px: number) => shown().filter((l) => l.fontPx === px);

  return (
    <div class="picture">
      <div class="picture-tools row" role="group" aria-label="Zoom">
        <button type="button" class="small-button" onClick={() => zoomAt(1.25, centre())} aria-label="Zoom in">
          +
        </button>
        <button type="button" class="small-button" onClick={() => zoomAt(0.8, centre())} aria-label="Zoom out">
          −
        </button>
        <button type="button" class="small-button" onClick={reset}>
          Fit
        </button>
        <span class="muted small" aria-hidden="true">
          {props.picture.mode === 'people'
            ? 'Tap or focus someone to see who it is'
            : 'Each circle is a community, sized by how many people you know there'}
        </span>
      </div>
      <svg
        ref={svg}
        class="network"
        viewBox={box()}
        preserveAspectRatio="xMidYMid meet"
        tabindex="0"
        role="group"
        aria-label={`Network picture. ${props.summary} Arrow keys move it, plus and minus zoom; Tab goes through ${props.picture.mode === 'people' ? 'the people' : 'the communities'} in it. The list below says the same in words.`}
        data-testid="network-picture"
        data-mode={props.picture.mode}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => setHovered(null)}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onFocusOut={() => setFocused(null)}
      >
        <g class="viewport" transform={transform()}>
          <path class="edge mine" d={lines().mine} />
          <path class="edge want" d={lines().want} />
          <path class="edge former" d={lines().former} />
          <path class="edge tie" d={ties()} />
          <For each={props.picture.links}>
            {(l) => <line class={`edge link ${linkClass(l.count)}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />}
          </For>
          <g class="clusters">
            <For each={props.picture.clusters}>
              {(c) => (
                // Each link inside a <g> of its own: only in an SVG template is <a> made as an SVG link.
                <g class={c.id === UNAFFILIATED ? 'group' : 'community'}>
                  <a
                    href={c.id === UNAFFILIATED ? '/people' : `/communities/${c.id}`}
                    class="cluster"
                    classList={{ unaffiliated: c.id === UNAFFILIATED }}
                    data-key={c.id}
                    data-membership={c.membership ?? undefined}
                    aria-label={clusterName(c)}
                    data-testid="map-cluster"
                  >
                    <circle cx={c.x} cy={c.y} r={c.r} />
                  </a>
                </g>
              )}
            </For>
          </g>
          <g class="people">
            <For each={props.picture.people}>
              {(p) => (
                <g>
                  <a
                    href={`/people/${p.id}`}
                    class="person"
                    classList={{ bridge: p.bridge }}
                    data-key={p.id}
                    aria-label={personName(p)}
                    data-testid="map-person"
                  >
                    <circle cx={p.x} cy={p.y} r={p.r} />
                    <circle class="hit" cx={p.x} cy={p.y} r={p.r + 4} />
                  </a>
                </g>
              )}
            </For>
          </g>
          <g class="me" aria-hidden="true">
            <circle cx={0} cy={0} r={props.picture.me.r} />
            <text x={0} y={0} dy="0.35em" text-anchor="middle">
              {props.picture.me.label}
            </text>
          </g>
          <g class="labels community-labels" aria-hidden="true" font-size={(COMMUNITY_PX / scale()).toFixed(3)}>
            <For each={labelsOf(COMMUNITY_PX)}>{(l) => <Label label={l} />}</For>
          </g>
          <g class="labels person-labels" aria-hidden="true" font-size={(PERSON_PX / scale()).toFixed(3)}>
            <For each={labelsOf(PERSON_PX)}>{(l) => <Label label={l} />}</For>
          </g>
          <Show when={active()}>{(a) => <Callout at={a()} scale={scale()} />}</Show>
        </g>
      </svg>
      <ul class="legend small" aria-hidden="true">
        <li>
          <span class="key key-community" /> Community
        </li>
        <Show when={props.picture.mode === 'people'}>
          <li>
            <span class="key key-person" /> Person
          </li>
          <li>
            <span class="key key-bridge" /> In several communities
          </li>
        </Show>
        <Show when={props.picture.mode === 'groups'}>
          <li>
            <span class="key key-link" /> Share people
          </li>
        </Show>
        <li>
          <span class="key key-want" /> Want to join
        </li>
      </ul>
    </div>
  );
}
