// A weekly bar chart's geometry, computed at build time so the page draws it as plain SVG:
// scales, bars, gaps for weeks without figures, and axis labels. Coordinates are rounded to
// a tenth of a unit to keep pages small.
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { Week } from "../core/weeks.ts";

export interface ChartPoint {
  readonly week: Week;
  /** Undefined: no figures that week (drawn as a gap, never as zero). */
  readonly value?: number;
  /** The week's toll is uncertain (a lower bound, an approximate figure, a range, a dispute): its bar is hatched. */
  readonly uncertain?: boolean;
}

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly value: number;
  readonly weekId: string;
  readonly uncertain?: boolean;
}

export interface ChartGap {
  readonly x: number;
  readonly width: number;
  readonly weekId: string;
}

export interface AxisTick {
  /** y for the value axis, x for the week axis. */
  readonly position: number;
  readonly label: string;
  /** A week label left out on a phone, where half of them fit at a legible size. */
  readonly minor?: boolean;
  /** Set where a centred label would cross the chart's edge. */
  readonly anchor?: "start" | "end";
}

export interface BarChart {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly bars: readonly ChartBar[];
  readonly gaps: readonly ChartGap[];
  readonly yTicks: readonly AxisTick[];
  readonly xTicks: readonly AxisTick[];
  /** The top of the value axis. */
  readonly max: number;
  /** Whether some bar is hatched (the legend then says what hatching means). */
  readonly hasUncertain: boolean;
}

// Room for labels at the size a phone needs (twice the desktop size, the chart being drawn
// at about half its width there): three digits on the left, a line of text below.
const MARGIN = { left: 52, right: 8, top: 24, bottom: 34 };
/** The axis text's size in the chart's units on the narrowest screen (12 CSS px on a 288 px wide chart): site.css sets the same. */
export const CHART_TEXT_UNITS = 27;

export function weeklyBarChart(points: readonly ChartPoint[], words: Catalogue, size = { width: 640, height: 180 }): BarChart {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: size.width - MARGIN.right, bottom: size.height - MARGIN.bottom };
  const values = points.flatMap((p) => (p.value === undefined ? [] : [p.value]));
  const step = countStep(Math.max(0, ...values) / 4);
  const max = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const yOf = (value: number) => round(plot.bottom - ((plot.bottom - plot.top) * value) / max);
  const band = points.length ? (plot.right - plot.left) / points.length : 0;
  const barWidth = round(band * 0.7);

  const bars: ChartBar[] = [];
  const gaps: ChartGap[] = [];
  points.forEach((point, i) => {
    const x = round(plot.left + i * band + band * 0.15);
    if (point.value === undefined) {
      gaps.push({ x, width: barWidth, weekId: point.week.id });
      return;
    }
    const y = yOf(point.value);
    bars.push({ x, y, width: barWidth, height: round(plot.bottom - y), value: point.value, weekId: point.week.id, ...(point.uncertain ? { uncertain: true } : {}) });
  });

  const yTicks: AxisTick[] = [];
  for (let value = 0; value <= max; value += step) yTicks.push({ position: yOf(value), label: words.number(value) });

  // About eight labels along the weeks: every few weeks, the last one too unless it would
  // crowd the one before; the year on the first label and wherever it changes.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const last = points.length - 1;
  const tickIndexes = points.map((_, i) => i).filter((i) => i % every === 0 || (i === last && last % every >= every / 2));
  const xTicks: AxisTick[] = tickIndexes.map((i, n) => {
    const w = points[i]!.week;
    const before = n > 0 ? points[tickIndexes[n - 1]!]!.week : undefined;
    const position = round(plot.left + (i + 0.5) * band);
    const label = words.t(before && before.year === w.year ? "chart.week" : "chart.weekOfYear", { week: String(w.week), year: String(w.year) });
    // Measured at the phone's size, the largest in the chart's units: a label never cut at either edge.
    const half = ([...label].length * CHART_TEXT_UNITS * 0.6) / 2;
    const anchor = position - half < 0 ? "start" : position + half > size.width ? "end" : undefined;
    return { position: anchor === "start" ? Math.max(0, round(position - band / 2)) : anchor === "end" ? Math.min(size.width, round(position + band / 2)) : position, label, ...(n % 2 === 1 ? { minor: true } : {}), ...(anchor ? { anchor } : {}) };
  });

  return { width: size.width, height: size.height, plot, bars, gaps, yTicks, xTicks, max, hasUncertain: bars.some((bar) => bar.uncertain) };
}

/** A whole, round step for a count axis: 1, 2, 5, 10, 20, 50, ... */
export function countStep(rough: number): number {
  if (!(rough > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= rough) return factor * magnitude;
  return 10 * magnitude;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
