import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { changeBand, changeBetween, changeText, FigureIndex, fourWeekAverage, metricView } from "../../src/digest/figures.ts";
import { countryFigures, ExternalIndex, issueOverview } from "../../src/digest/overview.ts";
import { IncidentCounts } from "../../src/digest/incidents/counts.ts";
import type { ExternalCounts, Item, WeeklyFigures } from "../../src/content/model.ts";
import { modelIncident, modelItem } from "../fixtures/model.ts";
import { english } from "../fixtures/words.ts";
import { addWeeks, parseWeekId, weekRangeInWords, type Week } from "../../src/core/weeks.ts";

const w = (id: string): Week => parseWeekId(id)!;

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
    expect(changeText(changeBetween(4, 6)!, english)).toBe("+2 (+50 %)");
    expect(changeText(changeBetween(6, 4)!, english)).toBe("−2 (−33 %)");
    expect(changeText(changeBetween(0, 3)!, english)).toBe("+3 (from none)");
    expect(changeText(changeBetween(2, 2)!, english)).toBe("no change");
    expect(changeText(changeBetween(1.5, 3)!, english)).toBe("+1.5 (+100 %)");
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

const counted = new Map<string, number>([["2020-W48", 4], ["2020-W49", 6], ["2020-W51", 6], ["2020-W52", 0]]);
const countOf = (week: Week) => counted.get(week.id);
const words = { missing: "not covered", zero: "none recorded" };

describe("metricView", () => {
  it("compares with the week before and the 4-week average, and marks the band", () => {
    expect(metricView(countOf, w("2020-W49"), words, english)).toMatchObject({
      value: 6, valueText: "6", vsPreviousText: "+2 (+50 %)", vsPreviousBand: "sharp-rise", vsPreviousBandLabel: "sharp rise",
      average: { value: 4, weeks: 1 }, vsAverageText: "+2 (+50 %) on 4 (1 week)",
    });
  });
  it("says when the week before was not covered", () => {
    const view = metricView(countOf, w("2020-W51"), words, english);
    expect(view.vsPreviousText).toBe("week before not covered");
    expect(view.vsPreviousBand).toBeUndefined();
    expect(view.vsAverageText).toBe("+1 (+20 %) on 5 (2 weeks)");
    expect(view.vsAverageBandLabel).toBe("up");
  });
  it("says a week was not covered rather than showing zero, and a covered week with nothing 'none recorded'", () => {
    expect(metricView(countOf, w("2020-W50"), words, english)).toMatchObject({ valueText: "not covered", vsPreviousText: "—", vsAverageText: "—" });
    expect(metricView(countOf, w("2020-W52"), words, english)).toMatchObject({ value: 0, valueText: "none recorded", vsPreviousText: "−6 (−100 %)" });
  });
  it("says a lower bound is one", () => {
    expect(metricView(countOf, w("2020-W49"), { missing: "none reported", text: (n) => `at least ${n}` }, english).valueText).toBe("at least 6");
  });
  it("gives small counts no band: from 2 to 0 is a handful of reports, not a sharp fall", () => {
    const small = metricView((week) => (week.id === "2020-W48" ? 2 : week.id === "2020-W49" ? 0 : undefined), w("2020-W49"), words, english);
    expect(small.vsPreviousText).toBe("−2 (−100 %)");
    expect(small.vsPreviousBand).toBeUndefined();
    const larger = metricView((week) => (week.id === "2020-W48" ? 3 : week.id === "2020-W49" ? 0 : undefined), w("2020-W49"), words, english);
    expect(larger.vsPreviousBand).toBe("sharp-fall");
  });
  it("does not mark an unchanged count twice", () => {
    const view = metricView((week) => (week.id === "2020-W48" || week.id === "2020-W49" ? 0 : undefined), w("2020-W49"), words, english);
    expect(view.vsPreviousText).toBe("no change");
    expect(view.vsPreviousBandLabel).toBeUndefined();
  });
  it("handles a first week with no history", () => {
    expect(metricView(countOf, w("2020-W48"), words, english)).toMatchObject({ valueText: "4", vsPreviousText: "week before not covered", vsAverageText: "4 weeks before not covered" });
  });
});

const ref = (id: Week) => ({ id: id.id, path: `/issues/${id.slug}/`, title: `Week ${id.week}, ${id.year}`, range: weekRangeInWords(id, english) });
const countries = [
  { slug: "mali", name: "Mali", path: "/countries/mali/" },
  { slug: "niger", name: "Niger", path: "/countries/niger/" },
];
const judge = (country: string, week: string, extra: Partial<WeeklyFigures> = {}): WeeklyFigures => ({ country, week: w(week), trend: "unchanged", reason: "Why.", alerts: [], translations: {}, ...extra });
const picture = (items: Item[], figures: WeeklyFigures[] = [], external: ExternalCounts[] = []) => ({
  judgement: new FigureIndex(figures),
  counts: new IncidentCounts(items, figures),
  external: new ExternalIndex(external),
});

describe("IncidentCounts", () => {
  it("counts incidents in the week they happened, by type, with the fatalities the sources give", () => {
    const counts = new IncidentCounts([
      // Reported on Monday of W50 about a Sunday of W49; and an incident of W50 itself.
      modelItem("late-report", "2020-12-07", ["mali"], [], [
        modelIncident("2020-12-06", "mali", "battles", { fatalities: { kind: "exact", min: 5, max: 5 } }),
        modelIncident("2020-12-07", "mali", "violence-against-civilians", { fatalities: { kind: "at-least", min: 12 } }),
      ]),
      modelItem("same-week", "2020-12-03", ["mali"], [], [modelIncident("2020-12-02", "mali", "battles")]),
      modelItem("year-end", "2021-01-03", ["niger"], [], [modelIncident("2021-01-03", "niger", "explosions-remote-violence", { fatalities: { kind: "exact", min: 2, max: 2 } })]),
    ]);
    expect(counts.get("mali", w("2020-W49"))).toMatchObject({ incidents: 2, withFatalities: 1, fatalities: { kind: "exact", min: 5, max: 5 } });
    expect(counts.get("mali", w("2020-W49"))!.byType).toMatchObject({ battles: 2, "violence-against-civilians": 0 });
    expect(counts.get("mali", w("2020-W50"))).toMatchObject({ incidents: 1, fatalities: { kind: "at-least", min: 12 } });
    // 3 January 2021 is a Sunday of 2020's week 53.
    expect(counts.incidentsOf("niger", w("2020-W53"))).toBe(1);
    expect(counts.incidentsOf("niger", w("2021-W01"))).toBeUndefined();
    expect(counts.fatalitiesOf("mali", w("2020-W49"))).toMatchObject({ kind: "exact", min: 5 });
    expect(counts.incidents.map((i) => i.incident.date)).toEqual(["2020-12-02", "2020-12-06", "2020-12-07", "2021-01-03"]);
  });
  it("tells a covered week with nothing recorded from a week not covered", () => {
    const counts = new IncidentCounts([modelItem("politics", "2020-12-03", ["niger"])], [judge("mali", "2020-W48")]);
    expect(counts.incidentsOf("niger", w("2020-W49"))).toBe(0);
    expect(counts.incidentsOf("mali", w("2020-W48"))).toBe(0);
    expect(counts.incidentsOf("mali", w("2020-W49"))).toBeUndefined();
    expect(counts.fatalitiesOf("niger", w("2020-W49"))).toBeUndefined();
    expect(counts.firstWeekOf("mali")?.id).toBe("2020-W48");
  });
});

describe("issueOverview", () => {
  const items = [
    modelItem("a", "2020-11-25", ["mali"], [], [modelIncident("2020-11-25", "mali"), modelIncident("2020-11-26", "mali")]),
    modelItem("b", "2020-12-03", ["mali"], [], [modelIncident("2020-12-01", "mali", "battles"), modelIncident("2020-12-02", "mali", "violence-against-civilians", { fatalities: { kind: "at-least", min: 7 } }), modelIncident("2020-12-03", "mali")]),
  ];
  const figures = [judge("mali", "2020-W49", { trend: "deteriorated", alerts: [{ kind: "conflict-risk", reason: "Risk.", translations: {} }] })];
  const external: ExternalCounts[] = [{ country: "mali", week: w("2020-W49"), source: "ACLED", exported: "2021-01-15", events: 9, fatalities: 20 }];

  it("has a row per country, in order, with computed counts beside the editors' trend", () => {
    const overview = issueOverview(picture(items, figures, external), countries, w("2020-W49"), english);
    expect(overview.rows.map((r) => [r.country.slug, r.figures?.trendLabel, r.figures?.incidents.valueText])).toEqual([["mali", "Deteriorated", "3"], ["niger", undefined, undefined]]);
    const mali = overview.rows[0]!.figures!;
    expect(mali.incidents.vsPreviousText).toBe("+1 (+50 %)");
    expect(mali.fatalities.valueText).toBe("at least 7");
    expect(mali.byType).toEqual([{ type: "battles", label: "Battles", count: 2 }, { type: "violence-against-civilians", label: "Violence against civilians", count: 1 }]);
    expect(mali.alerts).toEqual([{ kind: "conflict-risk", label: "Conflict risk alert", reason: "Risk." }]);
    expect(mali.external).toEqual([{ source: "ACLED", exported: "2021-01-15", eventsText: "9", fatalitiesText: "20" }]);
    expect(overview).toMatchObject({ countriesWithFigures: 1, hasFatalities: true, externalSources: ["ACLED"], trends: { mali: "deteriorated" } });
  });
  it("shows counts without a trend when the editors gave none", () => {
    const row = issueOverview(picture(items, figures), countries, w("2020-W48"), english).rows[0]!;
    expect(row.figures).toMatchObject({ incidents: { valueText: "2" }, fatalities: { valueText: "none reported" } });
    expect(row.figures!.trend).toBeUndefined();
  });
  it("is empty for a week the digest did not cover", () => {
    expect(issueOverview(picture(items, figures), countries, w("2020-W50"), english).countriesWithFigures).toBe(0);
  });
});

describe("countryFigures", () => {
  it("charts from the first covered week up to the latest week, with gaps, and lists the history newest first", () => {
    const items = [
      modelItem("w49", "2020-12-02", ["mali"], [], [modelIncident("2020-12-02", "mali")]),
      modelItem("w51", "2020-12-16", ["mali"], [], [modelIncident("2020-12-14", "mali"), modelIncident("2020-12-15", "mali"), modelIncident("2020-12-16", "mali")]),
    ];
    const p = picture(items, [judge("mali", "2020-W53", { trend: "improved" })]);
    const figures = countryFigures(p, "mali", w("2021-W01"), ref, (week) => week.id !== "2020-W53", p.counts.firstWeekOf("mali"), english)!;
    expect(figures.history.map((h) => [h.issue.id, h.trendLabel, h.incidentsText, h.hasIssue])).toEqual([
      ["2020-W53", "Improved", "none recorded", false],
      ["2020-W51", "No trend given", "3", true],
      ["2020-W49", "No trend given", "1", true],
    ]);
    expect(figures.chartTable.map((r) => [r.week, r.incidents])).toEqual([
      ["Week 49, 2020", "1"], ["Week 50, 2020", "not covered"], ["Week 51, 2020", "3"], ["Week 52, 2020", "not covered"], ["Week 53, 2020", "none recorded"], ["Week 1, 2021", "not covered"],
    ]);
    expect(figures.chart!.bars.map((b) => b.weekId)).toEqual(["2020-W49", "2020-W51", "2020-W53"]);
    expect(figures.chart!.gaps.map((g) => g.weekId)).toEqual(["2020-W50", "2020-W52", "2021-W01"]);
    expect([figures.chartFirst, figures.chartLast]).toEqual(["Week 49, 2020", "Week 1, 2021"]);
  });
  it("keeps to the last 52 weeks", () => {
    const items = Array.from({ length: 70 }, (_, i) => {
      const day = DateTime.fromISO("2019-01-02", { zone: "UTC" }).plus({ weeks: i }).toISODate()!;
      return modelItem(`i${i}`, day, ["mali"], [], [modelIncident(day, "mali")]);
    });
    const p = picture(items);
    const figures = countryFigures(p, "mali", addWeeks(w("2019-W01"), 69), ref, () => true, p.counts.firstWeekOf("mali"), english)!;
    expect(figures.chartTable).toHaveLength(52);
    expect(figures.chart!.bars).toHaveLength(52);
    expect(figures.history).toHaveLength(52);
  });
  it("has nothing for a country the digest never covered", () => {
    const p = picture([modelItem("m", "2020-12-02", ["mali"])]);
    expect(countryFigures(p, "niger", w("2020-W49"), ref, () => true, p.counts.firstWeekOf("niger"), english)).toBeUndefined();
  });
});
