/**
 * The network as a picture: an SVG whose one <g> carries the pan and zoom, so
 * moving around never lays anything out again. Drag or arrow keys pan; the
 * wheel and the +/− buttons zoom. The list beside it says the same in words.
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { MapLayout, PlacedNode } from './layout.ts';

const MIN_ZOOM = 0.4;
const MAX_ZOOM = 6;
/** From this zoom on, people's names are drawn. */
const NAMES_FROM = 1.8;
const PAN_STEP = 60;
/** Pixels a pointer may move and still count as a tap rather than a drag. */
const CLICK_SLOP = 5;

interface View {
  x: number;
  y: number;
  k: number;
}

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
const short = (s: string, n = 22) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function NetworkPicture(props: { layout: MapLayout; summary: string; onRendered?: () => void }) {
  const navigate = useNavigate();
  const [view, setView] = createSignal<View>({ x: 0, y: 0, k: 1 });
  let svg!: SVGSVGElement;

  /** viewBox units per screen pixel, and a screen point in viewBox units. */
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
  const centre = () => ({ x: props.layout.box.x + props.layout.box.width / 2, y: props.layout.box.y + props.layout.box.height / 2 });
  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));

  let drag: { id: number; x: number; y: number; view: View; scale: number } | null = null;
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const m = svg.getScreenCTM();
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, view: view(), scale: m ? m.a : 1 };
    svg.setPointerCapture(e.pointerId);
    svg.classList.add('dragging');
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const d = drag;
    setView({ ...d.view, x: d.view.x + (e.clientX - d.x) / d.scale, y: d.view.y + (e.clientY - d.y) / d.scale });
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const still = Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) < CLICK_SLOP;
    drag = null;
    svg.classList.remove('dragging');
    // A tap that did not move opens what it landed on (the list below offers the same as links).
    const href = still ? document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-href]')?.getAttribute('data-href') : null;
    if (href) navigate(href);
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    zoomAt(Math.exp(-e.deltaY * 0.0015), toBox(e.clientX, e.clientY));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = PAN_STEP / view().k;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => pan(step, 0),
      ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step),
      ArrowDown: () => pan(0, -step),
      '+': () => zoomAt(1.25, centre()),
      '=': () => zoomAt(1.25, centre()),
      '-': () => zoomAt(0.8, centre()),
      '0': () => setView({ x: 0, y: 0, k: 1 }),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };

  onMount(() => {
    // Wheel must not scroll the page while zooming: a passive listener could not prevent it.
    svg.addEventListener('wheel', onWheel, { passive: false });
    onCleanup(() => svg.removeEventListener('wheel', onWheel));
    props.onRendered?.();
  });

  const transform = () => {
    const v = view();
    return `translate(${v.x.toFixed(2)} ${v.y.toFixed(2)}) scale(${v.k.toFixed(4)})`;
  };
  const people = () => props.layout.nodes.filter((n) => n.kind === 'person');
  const communities = () => props.layout.nodes.filter((n) => n.kind === 'community');
  const me = () => props.layout.nodes.find((n) => n.kind === 'me') as PlacedNode;
  const box = () => `${props.layout.box.x} ${props.layout.box.y} ${props.layout.box.width} ${props.layout.box.height}`;

  return (
    <div class="picture">
      <div class="picture-tools row" role="group" aria-label="Zoom">
        <button type="button" class="small-button" onClick={() => zoomAt(1.25, centre())} aria-label="Zoom in">
          +
        </button>
        <button type="button" class="small-button" onClick={() => zoomAt(0.8, centre())} aria-label="Zoom out">
          −
        </button>
        <button type="button" class="small-button" onClick={() => setView({ x: 0, y: 0, k: 1 })}>
          Fit
        </button>
        <span class="muted small" aria-hidden="true">
          Drag to move; wheel or +/− to zoom
        </span>
      </div>
      <svg
        ref={svg}
        class="network"
        viewBox={box()}
        preserveAspectRatio="xMidYMid meet"
        tabindex="0"
        role="img"
        aria-label={`Network picture. ${props.summary} Arrow keys move it, plus and minus zoom. The list below says the same in words.`}
        data-testid="network-picture"
        data-zoom={view().k >= NAMES_FROM ? 'near' : 'far'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <g class="viewport" transform={transform()}>
          <path class="edge membership" d={props.layout.paths.membership} />
          <path class="edge mine" d={props.layout.paths.mine} />
          <path class="edge want" d={props.layout.paths.wantToJoin} />
          <path class="edge former" d={props.layout.paths.former} />
          <path class="edge bridge" d={props.layout.paths.bridge} />
          <path class="edge intro" d={props.layout.paths.introductions} />
          <g class="people">
            <For each={people()}>{(n) => <circle cx={n.x} cy={n.y} r={n.r} class={n.bridge ? 'person bridge' : 'person'} data-href={`/people/${n.id}`} />}</For>
          </g>
          <Show when={view().k >= NAMES_FROM}>
            <g class="person-labels">
              <For each={people()}>
                {(n) => (
                  <text x={n.x} y={n.y - n.r - 2} text-anchor="middle">
                    {short(n.label, 18)}
                  </text>
                )}
              </For>
            </g>
          </Show>
          <g class="communities">
            <For each={communities()}>
              {(n) => (
                <g class="community" data-membership={n.membership} data-href={`/communities/${n.id}`}>
                  <circle cx={n.x} cy={n.y} r={n.r} />
                  <text x={n.x} y={n.y + n.r + props.layout.labelSize} text-anchor="middle" style={{ "font-size": `${props.layout.labelSize}px` }}>
                    {short(n.label)}
                  </text>
                </g>
              )}
            </For>
          </g>
          <g class="me">
            <circle cx={me().x} cy={me().y} r={me().r} />
            <text x={me().x} y={me().y + 4} text-anchor="middle">
              {short(me().label, 8)}
            </text>
          </g>
        </g>
      </svg>
      <ul class="legend small" aria-hidden="true">
        <li>
          <span class="key key-community" /> Community
        </li>
        <li>
          <span class="key key-person" /> Person
        </li>
        <li>
          <span class="key key-bridge" /> In several communities
        </li>
        <li>
          <span class="key key-want" /> Want to join
        </li>
        <li>
          <span class="key key-intro" /> Introduction
        </li>
      </ul>
    </div>
  );
}
