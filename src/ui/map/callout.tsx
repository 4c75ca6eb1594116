/**
 * Who a mark is, shown above it while it is hovered, focused or tapped: the
 * name, then where they belong. Drawn in layout units for the current scale,
 * so it reads at the same size on screen at any zoom.
 */
import { For } from 'solid-js';

export interface Focused {
  /** The top of the mark, in layout units. */
  x: number;
  y: number;
  lines: string[];
}

const FONT = 13;
const PAD = 6;
const LINE = 1.3;

export function Callout(props: { at: Focused; scale: number }) {
  const u = () => 1 / props.scale;
  const width = () => (props.at.lines.reduce((m, l) => Math.max(m, l.length), 0) * FONT * 0.58 + 2 * PAD) * u();
  const height = () => (props.at.lines.length * FONT * LINE + 2 * PAD) * u();
  const top = () => props.at.y - height() - 6 * u();
  return (
    <g class="callout" aria-hidden="true" data-testid="map-callout" font-size={FONT * u()}>
      <rect x={props.at.x - width() / 2} y={top()} width={width()} height={height()} rx={6 * u()} />
      <For each={props.at.lines}>
        {(line, i) => (
          <text
            x={props.at.x}
            y={top() + (PAD + FONT * (0.95 + i() * LINE)) * u()}
            text-anchor="middle"
            classList={{ secondary: i() > 0 }}
          >
            {line}
          </text>
        )}
      </For>
    </g>
  );
}
