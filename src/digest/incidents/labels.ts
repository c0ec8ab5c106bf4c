// Text on a map, placed at build time so that no label covers another, a mark or a country's
// name, and none is cut at the frame's edge. Deterministic: the same marks give the same places,
// tried in a fixed order; a label that fits nowhere is left out (its place is in every mark's
// title and in the table beside the map).
//
// Boxes are measured at the largest size the stylesheet sets the map's text in its own units
// (on a phone, MAP_TEXT_UNITS); wider screens set it smaller, anchored at the same point, so a
// box that was free stays free.

/** The map's text size in its own units on the narrowest screen: 12 CSS px on a 288 px wide map of 480 units. */
export const MAP_TEXT_UNITS = 20;

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export type Anchor = "start" | "middle" | "end";

export interface PlacedText {
  readonly text: string;
  /** The text's anchor point; its vertical middle (dominant-baseline: central). */
  readonly x: number;
  readonly y: number;
  readonly anchor: Anchor;
}

/** A generous width for system sans-serif text: about 0.6 of its size a character. */
export function textWidth(text: string, size = MAP_TEXT_UNITS): number {
  return Math.ceil([...text].length * size * 0.6);
}

export function textBox(text: string, x: number, y: number, anchor: Anchor, size = MAP_TEXT_UNITS): Box {
  const width = textWidth(text, size);
  const x0 = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  const half = size * 0.6;
  return { x0, y0: y - half, x1: x0 + width, y1: y + half };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(box: Box, frame: { readonly width: number; readonly height: number }, margin = 2): boolean {
  return box.x0 >= margin && box.y0 >= margin && box.x1 <= frame.width - margin && box.y1 <= frame.height - margin;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A label beside a point (a mark whose box reaches `radius` from it): right, left, above, below,
 * then the corners; the first position inside the frame and clear of `taken`. Undefined when
 * none is. The box it takes is added to `taken`.
 */
export function labelBeside(text: string, x: number, y: number, radius: number, frame: { readonly width: number; readonly height: number }, taken: Box[], size = MAP_TEXT_UNITS): PlacedText | undefined {
  const gap = radius + 3;
  const line = size * 0.6 + 1;
  const candidates: [number, number, Anchor][] = [
    [x + gap, y, "start"],
    [x - gap, y, "end"],
    [x, y - gap - line, "middle"],
    [x, y + gap + line, "middle"],
    [x + gap, y - gap, "start"],
    [x + gap, y + gap, "start"],
    [x - gap, y - gap, "end"],
    [x - gap, y + gap, "end"],
  ];
  for (const [cx, cy, anchor] of candidates) {
    const box = textBox(text, cx, cy, anchor, size);
    if (!inside(box, frame) || taken.some((other) => overlaps(box, other))) continue;
    taken.push(box);
    return { text, x: r1(cx), y: r1(cy), anchor };
  }
  return undefined;
}

/**
 * A name over an area (a country), centred near `x, y`: there if it is free, else moved up or
 * down by up to three lines, or sideways; always kept inside the frame. When no position is
 * free it stays at the nearest position inside the frame (a country's name is never left out:
 * it is the link's text).
 */
export function labelOver(text: string, x: number, y: number, frame: { readonly width: number; readonly height: number }, taken: Box[], size = MAP_TEXT_UNITS): PlacedText {
  const width = textWidth(text, size);
  const clampX = (cx: number) => Math.min(Math.max(cx, width / 2 + 2), frame.width - width / 2 - 2);
  const clampY = (cy: number) => Math.min(Math.max(cy, size * 0.6 + 2), frame.height - size * 0.6 - 2);
  const line = size * 1.2;
  const shifts: [number, number][] = [[0, 0], [0, -line], [0, line], [0, -2 * line], [0, 2 * line], [-width / 2, 0], [width / 2, 0], [0, -3 * line], [0, 3 * line]];
  for (const [dx, dy] of shifts) {
    const cx = clampX(x + dx);
    const cy = clampY(y + dy);
    const box = textBox(text, cx, cy, "middle", size);
    if (taken.some((other) => overlaps(box, other))) continue;
    taken.push(box);
    return { text, x: r1(cx), y: r1(cy), anchor: "middle" };
  }
  const cx = clampX(x);
  const cy = clampY(y);
  taken.push(textBox(text, cx, cy, "middle", size));
  return { text, x: r1(cx), y: r1(cy), anchor: "middle" };
}
