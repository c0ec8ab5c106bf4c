import { describe, expect, it } from "vitest";
import { countStep, weeklyBarChart } from "../../src/digest/chart.ts";
import { addWeeks, parseWeekId } from "../../src/core/weeks.ts";
import { english } from "../fixtures/words.ts";

const start = parseWeekId("2020-W44")!;
const points = (values: (number | undefined)[]) => values.map((value, i) => ({ week: addWeeks(start, i), ...(value === undefined ? {} : { value }) }));

describe("countStep", () => {
  it.each([[0, 1], [0.5, 1], [1, 1], [1.2, 2], [3, 5], [7, 10], [12, 20], [26, 50], [60, 100], [240, 500]])("%d → %d", (rough, step) => {
    expect(countStep(rough)).toBe(step);
  });
});

describe("weeklyBarChart", () => {
  const chart = weeklyBarChart(points([2, undefined, 9, 0, 4]), english, { width: 640, height: 180 });

  it("scales the value axis to whole, round steps above the largest count", () => {
    expect(chart.max).toBe(10);
    expect(chart.yTicks.map((t) => t.label)).toEqual(["0", "5", "10"]);
    expect(chart.yTicks[0]!.position).toBe(chart.plot.bottom);
    expect(chart.yTicks[2]!.position).toBe(chart.plot.top);
  });

  it("draws a bar per counted week at the right height, and a gap, not a zero, for a week without figures", () => {
    expect(chart.bars.map((b) => [b.weekId, b.value])).toEqual([["2020-W44", 2], ["2020-W46", 9], ["2020-W47", 0], ["2020-W48", 4]]);
    expect(chart.gaps.map((g) => g.weekId)).toEqual(["2020-W45"]);
    const plotHeight = chart.plot.bottom - chart.plot.top;
    const nine = chart.bars[1]!;
    expect(nine.height).toBeCloseTo(plotHeight * 0.9, 0);
    expect(nine.y + nine.height).toBeCloseTo(chart.plot.bottom, 5);
    expect(chart.bars[2]!.height).toBe(0);
    // Bars sit in order, inside the plot, without overlapping.
    const xs = [...chart.bars, ...chart.gaps].map((b) => b.x).sort((a, b) => a - b);
    expect(xs[0]).toBeGreaterThanOrEqual(chart.plot.left);
    expect(xs.at(-1)! + chart.bars[0]!.width).toBeLessThanOrEqual(chart.plot.right);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(chart.bars[0]!.width);
  });

  it("labels the weeks, with the year on the first label and where it changes", () => {
    const long = weeklyBarChart(points(Array.from({ length: 20 }, (_, i) => i)), english);
    expect(long.xTicks.map((t) => t.label)).toEqual(["W44 2020", "W47", "W50", "W53", "W3 2021", "W6", "W9"]);
    const positions = long.xTicks.map((t) => t.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("never produces NaN: all zeros, a single week, no counted week, no weeks", () => {
    for (const chart of [weeklyBarChart(points([0, 0, 0]), english), weeklyBarChart(points([5]), english), weeklyBarChart(points([undefined, undefined]), english), weeklyBarChart([], english)]) {
      expect(JSON.stringify(chart)).not.toMatch(/NaN|null|Infinity/);
      expect(chart.max).toBeGreaterThanOrEqual(1);
    }
  });
});
