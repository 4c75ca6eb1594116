/**
 * The power / interest grid: people as chips placed by power (up) and
 * interest (right). Drag a chip, or focus it and use the arrow keys (one step
 * of the rules' STAKE_STEP each); the new quadrant is announced.
 */
import { createSignal, For, Show } from 'solid-js';
import { STAKE_MAX, type Contact } from '../../model/index.ts';
import { moveStake, QUADRANT_ADVICE, quadrantOf, stakeMoveForKey, type Quadrant } from '../../model/rules/index.ts';
import { ByKey, idOf } from './by-key.tsx';

/** Where the corners sit on screen: high power at the top, high interest on the right. */
const CORNERS: { q: Quadrant; area: string }[] = [
  { q: 'keep-satisfied', area: 'tl' },
  { q: 'manage-closely', area: 'tr' },
  { q: 'monitor', area: 'bl' },
  { q: 'keep-informed', area: 'br' },
];

const clamp = (v: number) => Math.round(Math.min(STAKE_MAX, Math.max(0, v)));

/**
 * `people` carry the positions to show; `save` writes a move (to the person in
 * general, or to their place for one objective).
 */
export function StakeholderGrid(props: {
  people: Contact[];
  save: (person: Contact, stake: { power: number; interest: number }) => void;
  announce: (text: string) => void;
}) {
  let grid!: HTMLDivElement;
  const [dragging, setDragging] = createSignal<{ id: string; power: number; interest: number } | null>(null);

  const place = (p: Contact, stake: { power: number; interest: number }) => {
    props.save(p, stake);
    const q = quadrantOf(stake);
    if (q) props.announce(`${p.name}: ${QUADRANT_ADVICE[q].label} — power ${stake.power}, interest ${stake.interest}.`);
  };
  const fromPointer = (e: PointerEvent) => {
    const r = grid.getBoundingClientRect();
    return {
      interest: clamp(((e.clientX - r.left) / r.width) * STAKE_MAX),
      power: clamp(((r.bottom - e.clientY) / r.height) * STAKE_MAX),
    };
  };

  return (
    <div class="stake-wrap">
      <div class="stake-axis-y small muted" aria-hidden="true">
        Power ↑
      </div>
      <div class="stake-grid" ref={grid} role="group" aria-label="Power and interest grid" data-testid="stake-grid">
        <For each={CORNERS}>
          {(c) => (
            <div class={`quadrant ${c.area}`} data-quadrant={c.q}>
              <span class="quadrant-label">{QUADRANT_ADVICE[c.q].label}</span>
            </div>
          )}
        </For>
        <ByKey each={props.people} key={idOf}>
          {(p) => {
            const stake = () => {
              const d = dragging();
              return d && d.id === p().id ? d : { power: p().power ?? 50, interest: p().interest ?? 50 };
            };
            const q = () => quadrantOf(stake()) ?? 'monitor';
            return (
              <button
                type="button"
                class="stake-chip"
                classList={{ dragging: dragging()?.id === p().id }}
                style={{ left: `${stake().interest}%`, bottom: `${stake().power}%` }}
                aria-label={`${p().name}: ${QUADRANT_ADVICE[q()].label}, power ${stake().power}, interest ${stake().interest}. Arrow keys move.`}
                data-testid="stake-chip"
                data-quadrant={q()}
                onKeyDown={(e) => {
                  const move = stakeMoveForKey(e.key);
                  if (!move) return;
                  e.preventDefault();
                  place(p(), moveStake({ power: p().power, interest: p().interest }, move));
                }}
                onPointerDown={(e) => {
                  if (e.button !== 0) return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  setDragging({ id: p().id, ...fromPointer(e) });
                }}
                onPointerMove={(e) => {
                  if (dragging()?.id === p().id) setDragging({ id: p().id, ...fromPointer(e) });
                }}
                onPointerUp={(e) => {
                  const d = dragging();
                  if (!d || d.id !== p().id) return;
                  setDragging(null);
                  const moved = fromPointer(e);
                  if (moved.power !== p().power || moved.interest !== p().interest) place(p(), moved);
                }}
                onPointerCancel={() => setDragging(null)}
              >
                <span class="truncate">{p().name}</span>
              </button>
            );
          }}
        </ByKey>
      </div>
      <div class="stake-axis-x small muted" aria-hidden="true">
        Interest →
      </div>
      <Show when={props.people.length === 0}>
        <p class="muted small">Nobody on the grid yet — add people from the list.</p>
      </Show>
    </div>
  );
}
