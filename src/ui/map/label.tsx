/**
 * One label of the picture, in lines, beside the point it belongs to. Its size
 * comes from the group around it (one size on screen at any zoom), so offsets
 * are in em and nothing here changes when zooming.
 */
import { For } from 'solid-js';
import type { LabelBox } from '../../model/rules/index.ts';

const LINE = 1.25;
const ANCHOR = { above: 'middle', below: 'middle', left: 'end', right: 'start' } as const;

export function Label(props: { label: LabelBox }) {
  const l = props.label;
  const n = l.lines.length;
  const first = l.side === 'below' ? 1.2 : l.side === 'above' ? -(0.45 + (n - 1) * LINE) : -((n * LINE) / 2) + 0.95;
  const dx = l.side === 'right' ? '0.3em' : l.side === 'left' ? '-0.3em' : '0';
  return (
    <text x={l.x} y={l.y} text-anchor={ANCHOR[l.side]} data-key={l.key}>
      <For each={l.lines}>
        {(line, i) => (
          <tspan x={l.x} dx={dx} dy={`${i() === 0 ? first : LINE}em`}>
            {line}
          </tspan>
        )}
      </For>
    </text>
  );
}
