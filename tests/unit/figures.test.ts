import { describe, expect, it } from "vitest";
import { changeBand, changeBetween, changeText, FigureIndex, fourWeekAverage, metricView } from "../../src/figures.ts";
import { countryFigures, issueOverview } from "../../src/overview.ts";
import type { WeeklyFigures } from "../../src/model/content.ts";
import { addWeeks, parseWeekId, weekRangeInWords, type Week } from "../../src/weeks.ts";

const w = (id: string): Week => parseWeekId(id)!;
const fig = (country: string, week: string, events?: number, extra: Partial<WeeklyFigures> = {}): WeeklyFigures => ({
  country, week: w(week), ...(events === undefined ? {} : { events }), source: "Tally", illustrative: false, trend: "unchanged", reason: "Why.", alerts: [], ...extra,
});

describe("addWeeks", () => {
  it("crosses a 53-week year in both directions", () => {
    expect(addWeeks(w("2020-W53"), 1).id).toBe("2021-W01");
    expect(addWeeks(w("2021-W01"), -1).id).toBe("2020-W53");
    expect(addWeeks(w("2021-W52"), 1).id).toBe("2022-W01");
    expect(addWeeks(w("2020-W10"), -52).id).toBe("2019-W10");
  });
});

describe("changeBand", () => {
  it.each([
    [10, 12, "rise"], [10, 12.5, "rise"], [10, 13, "sharp-rise"], [10, 12.6, "sharp-rise"], [4, 5, "rise"], [4, 6, "sharp-rise"],
    [10, 10, "unchanged"], [0, 0, "unchanged"], [0, 1, "sharp-rise"],
    [10, 8, "fall"], [10, 7.5, "fall"], [10, 7, "sharp-fall"], [3, 0, "sharp-fall"],
  ] as const)("%d → %d is %s", (from, to, band) => {
    expect(changeBand(from, to)).toBe(band);
  });
});

describe("changeBetween and changeText", () => {
  it("says nothing without both counts", () => {
    expect(changeBetween(undefined, 3)).toBeUndefined();
    expect(changeBetween(3, undefined)).toBeUndefined();
  });
  it("gives the difference and the percentage, except from zero", () => {
    expect(changeBetween(4, 6)).toEqual({ from: 4, to: 6, difference: 2, percent: 50, band: "sharp-rise" });
    expect(changeBetween(0, 3)).toEqual({ from: 0, to: 3, difference: 3, band: "sharp-rise" });
    expect(changeText(changeBetween(4, 6)!)).toBe("+2 (+50 %)");
    expect(changeText(changeBetween(6, 4)!)).toBe("−2 (−33 %)");
    expect(changeText(changeBetween(0, 3)!)).toBe("+3 (from none)");
    expect(changeText(changeBetween(2, 2)!)).toBe("no change");
    expect(changeText(changeBetween(1.5, 3)!)).toBe("+1.5 (+100 %)");
  });
});

describe("fourWeekAverage", () => {
  const counts = new Map([["2020-W49", 4], ["2020-W50", 2], ["2020-W52", 6], ["2020-W53", 8]]);
  const countOf = (week: Week) => counts.get(week.id);

  it("averages the four weeks before, across the year end", () => {
    // 2021-W01, 2020-W53, W52 and W51: only W53 and W52 have counts.
    expect(fourWeekAverage(countOf, w("2021-W02"))).toEqual({ value: (6 + 8) / 2, weeks: 2 });
  });
  it("leaves out a week without figures instead of counting it as zero", () => {
    // W50, W52 and W53 have counts; W51 has none.
    expect(fourWeekAverage(countOf, w("2021-W01"))).toEqual({ value: (2 + 6 + 8) / 3, weeks: 3 });
  });
  it("has nothing to say for a first week with no history", () => {
    expect(fourWeekAverage(countOf, w("2020-W49"))).toBeUndefined();
    expect(fourWeekAverage(countOf, w("2020-W50"))).toEqual({ value: 4, weeks: 1 });
  });
  it("does not reach back further than four weeks", () => {
    expect(fourWeekAverage(countOf, w("2021-W06"))).toBeUndefined();
  });
});

describe("metricView", () => {
  const index = new FigureIndex([
    fig("mali", "2020-W48", 4), fig("mali", "2020-W49", 6), fig("mali", "2020-W50"), fig("mali", "2020-W51", 6), fig("niger", "2020-W49", 0),
  ]);

  it("compares with the week before and the 4-week average, and marks the band", () => {
    expect(metricView(index, "mali", w("2020-W49"), "events")).toMatchObject({
      value: 6, valueText: "6", vsPreviousText: "+2 (+50 %)", vsPreviousBand: "sharp-rise", vsPreviousBandLabel: "sharp rise",
      average: { value: 4, weeks: 1 }, vsAverageText: "+2 (+50 %) on 4 (1 week)",
    });
  });
  it("says when the week before has no figures", () => {
    const view = metricView(index, "mali", w("2020-W51"), "events");
    expect(view.vsPreviousText).toBe("no figures for the week before");
    expect(view.vsPreviousBand).toBeUndefined();
    expect(view.vsAverageText).toBe("+1 (+20 %) on 5 (2 weeks)");
    expect(view.vsAverageBandLabel).toBe("up");
  });
  it("says a count is missing rather than showing zero", () => {
    expect(metricView(index, "mali", w("2020-W50"), "events")).toMatchObject({ valueText: "not counted", vsPreviousText: "—", vsAverageText: "—" });
    expect(metricView(index, "mali", w("2020-W49"), "fatalities").valueText).toBe("not counted");
  });
  it("does not mark an unchanged count twice", () => {
    const flat = new FigureIndex([fig("chad", "2020-W48", 0), fig("chad", "2020-W49", 0)]);
    const view = metricView(flat, "chad", w("2020-W49"), "events");
    expect(view.vsPreviousText).toBe("no change");
    expect(view.vsPreviousBandLabel).toBeUndefined();
  });
  it("handles a first week with no history", () => {
    expect(metricView(index, "niger", w("2020-W49"), "events")).toMatchObject({
      valueText: "0", vsPreviousText: "no figures for the week before", vsAverageText: "no figures for the 4 weeks before",
    });
  });
});

const ref = (id: Week) => ({ id: id.id, path: `/issues/${id.slug}/`, title: `Week ${id.week}, ${id.year}`, range: weekRangeInWords(id) });
const countries = [
  { slug: "mali", name: "Mali", path: "/countries/mali/" },
  { slug: "niger", name: "Niger", path: "/countries/niger/" },
];

describe("issueOverview", () => {
  const index = new FigureIndex([
    fig("mali", "2020-W48", 2),
    fig("mali", "2020-W49", 5, { trend: "deteriorated", source: "ACLED", alerts: [{ kind: "conflict-risk", reason: "Risk." }] }),
  ]);

  it("has a row per country, in order, and says which have no figures", () => {
    const overview = issueOverview(index, countries, w("2020-W49"));
    expect(overview.rows.map((r) => [r.country.slug, r.figures?.trendLabel])).toEqual([["mali", "Deteriorated"], ["niger", undefined]]);
    expect(overview.rows[0]!.figures!.alerts).toEqual([{ kind: "conflict-risk", label: "Conflict risk alert", reason: "Risk." }]);
    expect(overview).toMatchObject({ countriesWithFigures: 1, hasFatalities: false, sources: ["ACLED"], illustrative: false, trends: { mali: "deteriorated" } });
  });
  it("is empty for a week without figures", () => {
    expect(issueOverview(index, countries, w("2020-W50")).countriesWithFigures).toBe(0);
  });
});

describe("countryFigures", () => {
  it("charts from the first counted week up to the latest week, with gaps, and lists the history newest first", () => {
    const index = new FigureIndex([fig("mali", "2020-W51", 3), fig("mali", "2020-W49", 1), fig("mali", "2020-W53", undefined, { trend: "improved" })]);
    const figures = countryFigures(index, "mali", w("2021-W01"), ref, (week) => week.id !== "2020-W53")!;
    expect(figures.history.map((h) => [h.issue.id, h.trendLabel, h.eventsText, h.hasIssue])).toEqual([
      ["2020-W53", "Improved", "not counted", false],
      ["2020-W51", "Unchanged", "3", true],
      ["2020-W49", "Unchanged", "1", true],
    ]);
    expect(figures.chartTable.map((r) => [r.week, r.events])).toEqual([
      ["Week 49, 2020", "1"], ["Week 50, 2020", "no figures"], ["Week 51, 2020", "3"], ["Week 52, 2020", "no figures"], ["Week 53, 2020", "no figures"], ["Week 1, 2021", "no figures"],
    ]);
    expect(figures.chart!.bars.map((b) => b.weekId)).toEqual(["2020-W49", "2020-W51"]);
    expect(figures.chart!.gaps.map((g) => g.weekId)).toEqual(["2020-W50", "2020-W52", "2020-W53", "2021-W01"]);
    expect([figures.chartFirst, figures.chartLast]).toEqual(["Week 49, 2020", "Week 1, 2021"]);
  });
  it("keeps to the last 52 weeks", () => {
    const many = Array.from({ length: 70 }, (_, i) => fig("mali", addWeeks(w("2019-W01"), i).id, i));
    const figures = countryFigures(new FigureIndex(many), "mali", addWeeks(w("2019-W01"), 69), ref, () => true)!;
    expect(figures.chartTable).toHaveLength(52);
    expect(figures.chart!.bars).toHaveLength(52);
    expect(figures.history).toHaveLength(70);
  });
  it("has no chart when no week has a count, and nothing at all without figures", () => {
    const index = new FigureIndex([fig("mali", "2020-W49", undefined)]);
    expect(countryFigures(index, "mali", w("2020-W49"), ref, () => true)!.chart).toBeUndefined();
    expect(countryFigures(index, "niger", w("2020-W49"), ref, () => true)).toBeUndefined();
  });
});
