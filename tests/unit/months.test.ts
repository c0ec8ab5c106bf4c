// The month at a glance (src/digest/months.ts, src/core/months.ts) and the computed early
// warning (src/digest/early-warning.ts): incidents counted by their own dates, a week across
// two months split by date and listed under both, partial months not compared, the rules'
// floors and baselines.
import { describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadMonthNotes } from "../../src/content/load/month-notes.ts";
import { monthNoteIn } from "../../src/digest/months.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { sitePages } from "../../src/pages/table.ts";
import { addMonths, month, monthsOfWeek, parseMonthId, weeksOfMonth } from "../../src/core/months.ts";
import { addWeeks, parseWeekId, type Week } from "../../src/core/weeks.ts";
import { checkWeek, disagreement, FLOORS, MIN_BASELINE_WEEKS } from "../../src/digest/early-warning.ts";
import type { Toll } from "../../src/content/toll.ts";
import type { WeeklyFigures } from "../../src/content/model.ts";
import { modelContent, modelIncident, modelItem } from "../fixtures/model.ts";

const w = (id: string) => parseWeekId(id)!;
const exact = (n: number): Toll => ({ kind: "exact", min: n, max: n });
const atLeast = (n: number): Toll => ({ kind: "at-least", min: n });

describe("calendar months", () => {
  it("know the ISO weeks that have days in them, and how many", () => {
    expect(weeksOfMonth(month(2020, 12)).map((x) => `${x.week.id} ${x.days}`)).toEqual(["2020-W49 6", "2020-W50 7", "2020-W51 7", "2020-W52 7", "2020-W53 4"]);
    expect(weeksOfMonth(month(2021, 1)).map((x) => `${x.week.id} ${x.days}`)).toEqual(["2020-W53 3", "2021-W01 7", "2021-W02 7", "2021-W03 7", "2021-W04 7"]);
    expect(monthsOfWeek(w("2020-W49")).map((m) => m.id)).toEqual(["2020-11", "2020-12"]);
    expect(monthsOfWeek(w("2020-W50")).map((m) => m.id)).toEqual(["2020-12"]);
  });

  it("count back across a year's end", () => {
    expect(addMonths(month(2021, 1), -1).id).toBe("2020-12");
    expect(addMonths(month(2020, 12), -12).id).toBe("2019-12");
    expect(parseMonthId("2020-13")).toBeUndefined();
  });
});

/** Mali covered every week from 2020-W44 to 2020-W53 by the editors' labels. */
function maliWeeks(trends: Record<string, WeeklyFigures["trend"]> = {}): WeeklyFigures[] {
  const out: WeeklyFigures[] = [];
  for (let week: Week = w("2020-W44"); week.id !== "2021-W01"; week = addWeeks(week, 1)) {
    out.push({ country: "mali", week, trend: trends[week.id] ?? "unchanged", reason: `Reason ${week.id}.`, translations: {}, alerts: week.id === "2020-W49" ? [{ kind: "conflict-risk", reason: "Alert of W49.", translations: {} }] : [] });
  }
  return out;
}

function digestOf(figures: WeeklyFigures[]) {
  const items = [
    // 2020-W49 runs from Monday 30 November to Sunday 6 December: one incident on each side.
    modelItem("w49", "2020-12-02", ["mali"], [], [
      modelIncident("2020-11-30", "mali", "battles", { fatalities: exact(5) }),
      modelIncident("2020-12-01", "mali", "explosions-remote-violence", { fatalities: atLeast(10) }),
    ]),
    // Reported in December's issue, but happened in November: counted in November.
    modelItem("late-report", "2020-12-09", ["mali"], [], [modelIncident("2020-11-20", "mali", "battles")]),
    modelItem("december", "2020-12-15", ["mali"], [], [modelIncident("2020-12-14", "mali", "battles", { fatalities: exact(2) })]),
    modelItem("niger", "2020-12-16", ["niger"], [], [modelIncident("2020-12-16", "niger", "battles", { region: "tillaberi" })]),
    modelItem("last-week", "2020-12-29", ["niger"]),
  ];
  return buildDigest({ ...modelContent(items), figures });
}

describe("a month's roll-up", () => {
  const digest = digestOf(maliWeeks());
  const mali = digest.months.byCountry.get("mali")!;
  const of = (id: string) => mali.find((m) => m.id === id)!;

  it("exists for the whole digest, each covered country and each region with incidents", () => {
    expect(digest.months.all.map((m) => m.id)).toEqual(["2021-01", "2020-12", "2020-11", "2020-10"]);
    expect(mali.map((m) => m.path)).toContain("/countries/mali/months/2020-12/");
    expect(digest.months.byRegion.get("tillaberi")!.map((m) => m.path)).toEqual(["/regions/tillaberi/months/2020-12/"]);
    expect(digest.months.byRegion.get("mopti")!.map((m) => m.id)).toEqual(["2020-12", "2020-11"]);
  });

  it("counts incidents by their own dates, a straddling week's split between its months", () => {
    expect(of("2020-11").incidentCount).toBe(2);
    expect(of("2020-12").incidentCount).toBe(2);
    expect(digest.months.all.find((m) => m.id === "2020-12")!.incidentCount).toBe(3);
    // Newest first on the page.
    expect(of("2020-12").incidents.map((i) => i.date)).toEqual(["2020-12-14", "2020-12-01"]);
  });

  it("sums the month's tolls with their uncertainty", () => {
    expect(of("2020-12").fatalitiesText).toBe("at least 12");
    expect(of("2020-11").fatalitiesText).toBe("5");
  });

  it("lists a straddling week under both months, with its days in each, and its alerts", () => {
    const w49 = (id: string) => of(id).weeks.find((x) => x.issue.id === "2020-W49")!;
    expect(w49("2020-11").days).toBe(1);
    expect(w49("2020-12").days).toBe(6);
    expect(w49("2020-12").straddleText).toContain("6 of its 7 days in December 2020");
    expect(w49("2020-11").rows[0]).toMatchObject({ trendLabel: "Unchanged", reason: "Reason 2020-W49.", alerts: [{ kind: "conflict-risk", reason: "Alert of W49." }] });
    expect(of("2020-12").weeks.map((x) => x.issue.id)).toEqual(["2020-W49", "2020-W50", "2020-W51", "2020-W52", "2020-W53"]);
  });

  it("compares whole months, and says why not when one is covered in part or not at all", () => {
    expect(of("2020-12").vsPrevious.incidentsText).toBe("no change, from 2");
    expect(of("2020-11").vsPrevious.incidentsText).toBe("no comparison: the digest covered only 6 days of October 2020's 31");
    expect(of("2020-12").vsYearBefore.incidentsText).toBe("no data for December 2019");
    expect(of("2021-01").vsPrevious.incidentsText).toBe("no comparison: the digest covered only 3 days of this month's 31");
    expect(of("2020-12").coverageText).toBe("The digest covered 31 days of the month's 31.");
  });

  it("invents no monthly judgement: without a monthly note, none", () => {
    expect(of("2020-12").monthTrends).toEqual([]);
    expect(of("2020-12").note).toBeUndefined();
  });

  it("is left out, with its pages, feed and email, where site.ts says `monthly: false`; the weeks' strips stay", () => {
    const monthly = (d: ReturnType<typeof buildDigest>) => sitePages(d).filter((page) => /months|month-email/.test(page.kind.name) || page.path.includes("/months/"));
    expect(monthly(digest).length).toBeGreaterThan(10);
    const items = [modelItem("december", "2020-12-15", ["mali"], [], [modelIncident("2020-12-14", "mali", "battles")])];
    const without = buildDigest({ ...modelContent(items, { site: { monthly: false } }), figures: maliWeeks() });
    expect(without.months.all).toEqual([]);
    expect(monthly(without)).toEqual([]);
    expect(without.feeds.all.map((feed) => feed.key)).not.toContain("months");
    expect(without.countries.find((c) => c.slug === "mali")!.strip).toBeDefined();
  });
});

describe("the early-warning rules", () => {
  const end = w("2020-W53");
  const series = (values: readonly (number | undefined)[]) => (week: Week) => {
    // values[last] is `end`, counting back.
    for (let n = 0; n < values.length; n++) if (addWeeks(end, -(values.length - 1 - n)).id === week.id) return values[n];
    return undefined;
  };

  it("flag a sharp rise of the last four weeks against the weeks before, with the figures", () => {
    const check = checkWeek(series([1, 1, 2, 1, 1, 2, 4, 5, 6, 5]), end, "incidents");
    expect(check.applicable).toBe(true);
    const rise = check.flags.find((f) => f.rule === "rise")!;
    expect(rise).toMatchObject({ value: 5, recentMean: 5, recentWeeks: 4, baselineWeeks: 6 });
    expect(rise.baseline).toBeCloseTo(8 / 6);
  });

  it("flag a record over the past year", () => {
    const check = checkWeek(series([3, 4, 3, 4, 3, 4, 3, 3, 4, 9]), end, "incidents");
    expect(check.flags.map((f) => f.rule)).toContain("record");
    expect(check.flags.find((f) => f.rule === "record")).toMatchObject({ value: 9, baseline: 4, baselineWeeks: 9 });
  });

  it("raise nothing below the floor, however steep the rise", () => {
    expect(FLOORS.incidents).toBe(3);
    expect(checkWeek(series([0, 0, 0, 0, 0, 0, 2, 2, 2, 2]), end, "incidents").flags).toEqual([]);
    expect(checkWeek(series([0, 0, 0, 0, 0, 0, 0, 0, 0, 9]), end, "fatalities").flags).toEqual([]);
  });

  it("need a baseline of covered weeks: a week not covered is left out, never a zero", () => {
    const short = [...Array(MIN_BASELINE_WEEKS - 1).fill(undefined), 1, 1, 1, 5, 9, 9, 9];
    const check = checkWeek(series(short), end, "incidents");
    expect(check.flags.filter((f) => f.rule === "rise")).toEqual([]);
    expect(checkWeek(series([5, 5, undefined]), end, "incidents")).toEqual({ flags: [], applicable: false });
  });

  it("say where the editors' label and the computed check disagree, and only where they can be compared", () => {
    const flagged = checkWeek(series([1, 1, 1, 1, 1, 1, 6, 6, 6, 6]), end, "incidents");
    const calm = checkWeek(series([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), end, "incidents");
    expect(disagreement("improved", flagged)).toBe("flag-not-deteriorated");
    expect(disagreement("deteriorated", flagged)).toBeUndefined();
    expect(disagreement("deteriorated", calm)).toBe("deteriorated-no-flag");
    expect(disagreement("deteriorated", { flags: [], applicable: false })).toBeUndefined();
  });
});

describe("the computed flags on the pages' views", () => {
  it("show on a country's strip, and the overview says where the editors' label disagrees", () => {
    // Mali labelled deteriorated in 2020-W53, with too few incidents for any flag.
    const digest = digestOf(maliWeeks({ "2020-W53": "deteriorated" }));
    const mali = digest.countries.find((c) => c.slug === "mali")!;
    expect(mali.strip!.weeks).toHaveLength(10);
    expect(mali.strip!.weeks.at(-1)).toMatchObject({ trend: "deteriorated", mark: "▼", hasIssue: true, flags: [] });
    expect(mali.strip!.weeks.find((x) => x.issue.id === "2020-W49")).toMatchObject({ hasIssue: true, mark: "=" });
    expect(mali.strip!.weeks.find((x) => x.issue.id === "2020-W48")).toMatchObject({ hasIssue: false, trendLabel: "Unchanged" });
    const row = digest.issues.find((i) => i.id === "2020-W51")!.overview!.rows.find((r) => r.country.slug === "mali")!;
    expect(row.figures!.warning).toBeUndefined();
    const w53 = buildDigest({ ...modelContent([modelItem("w53", "2020-12-29", ["mali"])]), figures: maliWeeks({ "2020-W53": "deteriorated" }) });
    const last = w53.issues[0]!.overview!.rows.find((r) => r.country.slug === "mali")!;
    expect(last.figures!.warning).toEqual({ flags: [], disagreement: "the editors judged the week deteriorated; the counts raised no flag." });
  });
});

describe("a month's note (content/months/)", () => {
  const write = async (root: string, file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };

  it("is read with its translation, and shown in each edition's words, the untranslated reason marked", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "month-notes-"));
    try {
      await write(root, "content/months/2020-12.md", "---\nheadline: \"A hard month\"\ntrends:\n  mali:\n    trend: deteriorated\n    reason: \"Attacks spread.\"\n  niger:\n    trend: improved\n    reason: \"Calm returned.\"\n---\nThe [lead](/countries/mali/).\n");
      await write(root, "content/months/2020-12.fr.md", "---\nheadline: \"Un mois difficile\"\ntrends:\n  mali:\n    reason: \"Les attaques s’étendent.\"\n---\nLe chapeau.\n");
      const read = loadMonthNotes(root, new Set(["mali", "niger"]), undefined);
      expect(read.problems).toEqual([]);
      const [note] = read.notes;
      expect(note!.trends.map((t) => `${t.country} ${t.trend}`)).toEqual(["mali deteriorated", "niger improved"]);
      const fr = monthNoteIn(note!, "fr", "en", (html) => html);
      expect(fr).toMatchObject({ headline: "Un mois difficile", language: "fr", trends: [{ country: "mali", reason: "Les attaques s’étendent." }, { country: "niger", reason: "Calm returned.", reasonLanguage: "en" }] });
      expect(monthNoteIn(note!, "en", "en", (html) => html)).toMatchObject({ headline: "A hard month", language: "en" });

      // On the month's page: the editors' monthly trends, beside the weeks' labels, never in their place.
      const digest = buildDigest({ ...modelContent([modelItem("one", "2020-12-02", ["mali"])]), figures: maliWeeks(), monthNotes: read.notes });
      const december = digest.months.byCountry.get("mali")!.find((m) => m.id === "2020-12")!;
      expect(december.monthTrends).toMatchObject([{ country: { slug: "mali" }, trend: "deteriorated", trendLabel: "Deteriorated", reason: "Attacks spread." }]);
      expect(december.note).toMatchObject({ headline: "A hard month" });
      expect(december.note!.html).toContain('href="/countries/mali/"');
      expect(december.weeks[0]!.rows[0]).toMatchObject({ trendLabel: "Unchanged" });
      const all = digest.months.all.find((m) => m.id === "2020-12")!;
      expect(all.countries!.find((c) => c.country.slug === "mali")!.monthTrend).toMatchObject({ trend: "deteriorated" });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("names every problem at once: a file that names no month, an unknown country, a translated reason for no trend", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "month-notes-"));
    try {
      await write(root, "content/months/december.md", "---\nheadline: \"x\"\n---\n");
      await write(root, "content/months/2020-11.md", "---\ntrends:\n  malli:\n    trend: deteriorated\n    reason: \"x\"\n  mali:\n    trend: worse\n    reason: \"x\"\n---\n");
      await write(root, "content/months/2020-12.md", "---\nheadline: \"x\"\n---\n");
      await write(root, "content/months/2020-12.fr.md", "---\ntrends:\n  niger:\n    reason: \"x\"\n---\n");
      const { problems } = loadMonthNotes(root, new Set(["mali", "niger"]), undefined);
      expect(problems.map((p) => `${p.file} ${p.field}`).sort()).toEqual([
        "content/months/2020-11.md trends.mali.trend",
        "content/months/2020-11.md trends.malli",
        "content/months/2020-12.fr.md trends.niger",
        "content/months/december.md file name",
      ]);
      const malli = problems.find((p) => p.field === "trends.malli")!;
      expect(malli).toMatchObject({ line: 3, value: "malli" });
      expect(malli.message).toContain('did you mean "mali"');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
