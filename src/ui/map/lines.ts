/** The picture's lines as a few SVG paths: many lines as a handful of elements. */
import { UNAFFILIATED, type MapPicture } from '../../model/rules/index.ts';

const f = (n: number) => Math.round(n * 10) / 10;

/** From me to each community's edge, by my membership; the people not in one are not mine to join. */
export function mineLines(p: MapPicture): { mine: string; want: string; former: string } {
  const out = { mine: '', want: '', former: '' };
  for (const c of p.clusters) {
    if (c.id === UNAFFILIATED) continue;
    const d = Math.hypot(c.x, c.y);
    if (d <= p.me.r + c.r) continue;
    const ux = c.x / d;
    const uy = c.y / d;
    const seg = `M${f(ux * p.me.r)} ${f(uy * p.me.r)}L${f(c.x - ux * c.r)} ${f(c.y - uy * c.r)}`;
    if (c.membership === 'want-to-join') out.want += seg;
    else if (c.membership === 'former') out.former += seg;
    else out.mine += seg;
  }
  return out;
}

/** How thick a line between two communities is: how many people they share, in three steps. */
export const linkClass = (count: number) => (count < 5 ? 'few' : count < 25 ? 'some' : 'many');
