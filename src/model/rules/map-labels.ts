/**
 * Which labels of the Map are legible at which zoom, and the view that fits
 * the picture on a screen. Labels keep one size on screen whatever the zoom,
 * so zooming in makes room between marks: a label is drawn from the first
 * scale (screen pixels per layout unit) at which it overlaps neither a mark
 * nor a label drawn before it, and stays drawn when zooming in further.
 */

/** The scales at which labels are decided: a label shows at every scale from its own on. */
export const LABEL_SCALES = [0.125, 0.18, 0.25, 0.35, 0.5, 0.7, 1, 1.4, 2, 2.8, 4, 5.6, 8, 11, 16] as const;

/** Roughly how wide a character of the system font is, for its size. */
const CHAR_EM = 0.56;
const LINE_EM = 1.25;
/** Pixels between a mark and its label. */
const GAP_PX = 3;

type LabelSide = 'above' | 'below' | 'left' | 'right';

export interface LabelBox {
  key: string;
  /** The point on its mark's edge the label starts from, in layout units. */
  x: number;
  y: number;
  lines: readonly string[];
  /** Which way from that point the label reads (the first of `sides` that fits, once placed). */
  side: LabelSide;
  /** Other ways it may read, tried in turn where the first would overlap. */
  sides?: readonly LabelSide[];
  /** For sides other than above/below: how far the mark reaches from the point, sideways and up. */
  reach?: number;
  fontPx: number;
  /** Lower tiers are placed first at every scale, so a later tier never pushes them out. */
  tier: number;
}

interface Mark {
  x: number;
  y: number;
  r: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The rectangle a label covers at a scale, in layout units. */
export function labelRect(b: LabelBox, scale: number): Rect {
  const longest = b.lines.reduce((m, l) => Math.max(m, l.length), 0);
  const w = (longest * b.fontPx * CHAR_EM) / scale;
  const h = (b.lines.length * b.fontPx * LINE_EM) / scale;
  const gap = GAP_PX / scale;
  // Each rectangle takes in the gap back to its point, so zooming in only shrinks it towards
  // the point: a label clear of others at one scale stays clear at every larger one.
  switch (b.side) {
    case 'below':
      return { left: b.x - w / 2, right: b.x + w / 2, top: b.y, bottom: b.y + gap + h };
    case 'above':
      return { left: b.x - w / 2, right: b.x + w / 2, top: b.y - gap - h, bottom: b.y };
    case 'right':
      return { left: b.x, right: b.x + gap + w, top: b.y - h / 2, bottom: b.y + h / 2 };
    case 'left':
      return { left: b.x - gap - w, right: b.x, top: b.y - h / 2, bottom: b.y + h / 2 };
    default:
      throw new Error(`no such side ${String(b.side)}`);
  }
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function hitsMark(r: Rect, m: Mark): boolean {
  const dx = m.x - Math.max(r.left, Math.min(m.x, r.right));
  const dy = m.y - Math.max(r.top, Math.min(m.y, r.bottom));
  // Half a unit of grace: a label starts on its own mark's edge.
  return dx * dx + dy * dy < (m.r - 0.5) * (m.r - 0.5);
}

/**
 * For each label, the smallest scale of LABEL_SCALES at which it fits; labels
 * that never fit are left out (they show on focus only). Tier by tier, and
 * within a tier in the order given: the earlier wins a contested place.
 */
export function placeLabels(boxes: LabelBox[], marks: readonly Mark[]): Map<string, number> {
  const from = new Map<string, number>();
  const markGrid = new Grid<Mark>();
  for (const m of marks) markGrid.add({ left: m.x - m.r, right: m.x + m.r, top: m.y - m.r, bottom: m.y + m.r }, m);
  const clear = (r: Rect, placed: Grid<Rect>) =>
    !placed.near(r).some((p) => overlaps(p, r)) && !markGrid.near(r).some((m) => hitsMark(r, m));
  const tiers = [...new Set(boxes.map((b) => b.tier))].sort((a, b) => a - b);
  for (const tier of tiers) {
    const mine = boxes.filter((b) => b.tier === tier);
    const before = boxes.filter((b) => b.tier < tier && from.has(b.key));
    let left = mine.length;
    for (const scale of LABEL_SCALES) {
      if (left === 0) break;
      const placed = new Grid<Rect>();
      // A label of an earlier tier that shows only from a larger scale is met there: both
      // rectangles only shrink, so clear at the larger scale means clear from then on.
      for (const b of before) placed.add(labelRect(b, Math.max(scale, from.get(b.key) as number)));
      for (const b of mine) if (from.has(b.key)) placed.add(labelRect(b, scale));
      for (const b of mine) {
        if (from.has(b.key)) continue;
        for (const side of [b.side, ...(b.sides ?? [])]) {
          const r = labelRect(at(b, side), scale);
          if (!clear(r, placed)) continue;
          Object.assign(b, at(b, side));
          placed.add(r);
          from.set(b.key, scale);
          left--;
          break;
        }
      }
    }
  }
  return from;
}

/** Rectangles filed by the cells of a square grid they cover, to find neighbours without looking at all. */
class Grid<T> {
  private readonly cells = new Map<number, T[]>();
  private readonly large: T[] = [];
  private static readonly CELL = 48;
  private static readonly MAX_CELLS = 64;

  add(r: Rect, item?: T): void {
    const value = (item ?? r) as T;
    const c = Grid.span(r);
    if ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1) > Grid.MAX_CELLS) return void this.large.push(value);
    for (let x = c.x0; x <= c.x1; x++)
      for (let y = c.y0; y <= c.y1; y++) {
        const key = x * 100_003 + y;
        const list = this.cells.get(key);
        if (list) list.push(value);
        else this.cells.set(key, [value]);
      }
  }

  /** Everything filed in the cells `r` covers (perhaps twice), and every large rectangle. */
  near(r: Rect): T[] {
    const c = Grid.span(r);
    if ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1) > Grid.MAX_CELLS * 4)
      return [...this.large, ...[...this.cells.values()].flat()];
    const out = [...this.large];
    for (let x = c.x0; x <= c.x1; x++)
      for (let y = c.y0; y <= c.y1; y++) {
        const list = this.cells.get(x * 100_003 + y);
        if (list) for (const v of list) out.push(v);
      }
    return out;
  }

  private static span(r: Rect) {
    return {
      x0: Math.floor(r.left / Grid.CELL),
      x1: Math.floor(r.right / Grid.CELL),
      y0: Math.floor(r.top / Grid.CELL),
      y1: Math.floor(r.bottom / Grid.CELL),
    };
  }
}

/**
 * The box moved to read another way: a mark's label starts at its top edge, so
 * reading sideways starts from its side (`reach` from the centre) instead.
 */
function at(b: LabelBox, side: LabelSide): LabelBox {
  if (side === b.side) return b;
  const r = b.reach ?? 0;
  const cy = b.side === 'above' ? b.y + r : b.side === 'below' ? b.y - r : b.y;
  const cx = b.side === 'right' ? b.x - r : b.side === 'left' ? b.x + r : b.x;
  const point = {
    above: { x: cx, y: cy - r },
    below: { x: cx, y: cy + r },
    left: { x: cx - r, y: cy },
    right: { x: cx + r, y: cy },
  }[side];
  return { ...b, ...point, side, sides: b.sides };
}

interface FittedView {
  /** The viewBox: the screen's shape, in layout units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Screen pixels per layout unit at zoom 1. */
  scale: number;
}

/**
 * The view that shows every mark, and every label legible at that view,
 * inside a screen area of `width` × `height` pixels with `padPx` to spare.
 */
export function fitView(
  bounds: { minX: number; minY: number; maxX: number; maxY: number },
  labels: readonly (LabelBox & { from: number })[],
  width: number,
  height: number,
  padPx = 12,
): FittedView {
  const w = Math.max(width, 120);
  const h = Math.max(height, 120);
  let scale = Infinity;
  let box = { ...bounds };
  for (let round = 0; round < 8; round++) {
    const fit = Math.min(
      (w - 2 * padPx) / Math.max(box.maxX - box.minX, 1),
      (h - 2 * padPx) / Math.max(box.maxY - box.minY, 1),
    );
    if (fit >= scale) break;
    scale = fit;
    box = { ...bounds };
    for (const l of labels) {
      if (l.from > scale) continue;
      const r = labelRect(l, scale);
      box.minX = Math.min(box.minX, r.left);
      box.maxX = Math.max(box.maxX, r.right);
      box.minY = Math.min(box.minY, r.top);
      box.maxY = Math.max(box.maxY, r.bottom);
    }
  }
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return { x: cx - w / scale / 2, y: cy - h / scale / 2, width: w / scale, height: h / scale, scale };
}
