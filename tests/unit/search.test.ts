// What the search index is given: a record per item, weekly note and country, with the words,
// the filters and the date results are sorted by; nothing of the pages' navigation.
import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/digest.ts";
import { SiteUrls } from "../../src/digest/paths.ts";
import { normaliseArabic, searchFilterOptions, searchRecords, textOfHtml } from "../../src/pages/search-records.ts";
// @ts-expect-error: a browser module in plain JavaScript, without types.
import { normaliseArabic as normaliseQuery } from "../../templates/js/search.js";
import { parseWeekId } from "../../src/core/weeks.ts";
import { modelContent, modelIncident, modelItem } from "../fixtures/model.ts";

const items = [
  { ...modelItem("ambush", "2020-12-02", ["niger", "mali"], ["jnim"], [modelIncident("2020-12-01", "niger", "battles", { region: "tillaberi", place: "Ouallam" })]), bodyHtml: "<p>Soldiers &amp; <em>gendarmes</em> &lt;ambushed&gt;.</p>\n" },
  modelItem("talks", "2021-01-05", ["mali"], ["elections"]),
  // In 2020-W53, dated 2021.
  modelItem("massacre", "2021-01-02", ["niger"], []),
];
const digest = buildDigest(
  modelContent(items, {
    site: { url: "https://digest.example/sahel/" },
    notes: [{ file: "content/issues/2020-W49.md", week: parseWeekId("2020-W49")!, headline: "A hard week", leadHtml: "<p>The <strong>lead</strong>.</p>" }],
  }),
);
const urls = new SiteUrls(digest.site.url);
const records = searchRecords(digest, (p) => urls.href(p));

describe("search records", () => {
  it("index an item's words, incidents and meta, with its filters and its date", () => {
    const ambush = records.find((r) => r.meta.title === "Title ambush")!;
    expect(ambush.url).toBe("/sahel/articles/2020/ambush/");
    expect(ambush.content).toContain('Soldiers & gendarmes <ambushed>.');
    expect(ambush.content).not.toContain("<em>");
    expect(ambush.content).toContain("Ouallam, Tillabéri, Niger");
    expect(ambush.filters).toEqual({ country: ["Niger", "Mali"], type: ["Battles"], actor: ["JNIM"], year: ["2020"], month: ["December 2020"] });
    expect(ambush.meta).toMatchObject({ date: "2 December 2020", countries: "Niger, Mali", summary: "Summary ambush", kind: "item" });
    // Midnight on the digest's clocks (Bamako is on UTC), in UTC.
    expect(ambush.sort.date).toBe("2020-12-02T00:00:00.000Z");
    expect(ambush.bundle).toBe("2020");
    expect(records.find((r) => r.meta.title === "Title talks")!.bundle).toBe("2021");
    // The year is the date's as the reader sees it, not its ISO week's: 2 January 2021 is in
    // 2020-W53, and a reader choosing 2021 looks for it there.
    const massacre = records.find((r) => r.meta.title === "Title massacre")!;
    expect(massacre.meta.date).toBe("2 January 2021");
    expect([massacre.bundle, massacre.filters.year]).toEqual(["2021", ["2021"]]);
  });

  it("are made a bundle at a time, as a build indexes them, the same as all at once", () => {
    const years = [...new Set(records.map((r) => r.bundle))];
    expect(years.sort()).toEqual(["2020", "2021"]);
    for (const year of years) expect(searchRecords(digest, (p) => urls.href(p), year)).toEqual(records.filter((r) => r.bundle === year));
    expect(searchRecords(digest, (p) => urls.href(p), "1999")).toEqual([]);
  });

  it("index a weekly note by its week's first day, and each country's profile", () => {
    const note = records.find((r) => r.meta.kind === "note")!;
    expect(note).toMatchObject({ url: "/sahel/issues/2020-w49/", content: "A hard week\nThe lead.", filters: { year: ["2020"] } });
    expect(note.meta.title).toBe("Week 49, 2020: A hard week");
    expect(note.sort.date).toBe("2020-11-30T00:00:00.000Z");
    expect(records.filter((r) => r.meta.kind === "country").map((r) => [r.meta.title, r.bundle])).toEqual([["Mali", "2021"], ["Burkina Faso", "2021"], ["Niger", "2021"], ["Sahel (regional)", "2021"]]);
  });

  it("offer each filter's values that have items, with their counts", () => {
    expect(searchFilterOptions(digest).map((f) => [f.key, f.options.map((o) => `${o.value} ${o.count}`)])).toEqual([
      ["country", ["Mali 2", "Niger 2"]],
      ["type", ["Battles 1"]],
      ["actor", ["Elections 1", "JNIM 1"]],
      ["year", ["2021 2", "2020 1"]],
      // By the month of the item's own date, newest first.
      ["month", ["January 2021 2", "December 2020 1"]],
    ]);
  });

  it("index every month page, the whole digest's, each country's and each region's, filtered by its month", () => {
    const months = records.filter((r) => r.meta.kind === "month");
    expect(months.map((r) => r.url)).toEqual(expect.arrayContaining(["/sahel/months/2020-12/", "/sahel/countries/niger/months/2020-12/", "/sahel/regions/tillaberi/months/2020-12/"]));
    const niger = months.find((r) => r.url === "/sahel/countries/niger/months/2020-12/")!;
    expect(niger.filters).toEqual({ country: ["Niger"], year: ["2020"], month: ["December 2020"] });
    expect(niger.meta.title).toBe("Niger, December 2020");
    expect(niger.sort.date).toBe("2020-12-01T00:00:00.000Z");
    expect(months.every((r) => ["2020", "2021"].includes(r.bundle))).toBe(true);
  });

  it("read the text of rendered HTML", () => {
    expect(textOfHtml('<p>A &quot;b&quot; &amp;&#39;c&#39;</p>\n<ul><li>d</li></ul>')).toBe(`A "b" &'c' d`);
  });
});

describe("Arabic in the index and in the query", () => {
  // As readers type it and as editors write it: the same words, with and without harakat, with
  // each alif, ta marbuta or ha, alif maqsura or ya.
  const written = ["أَقَرَّ البرلمانُ", "إقليم آخر", "الحملة الرئاسية", "إلى مصطفى", "ٱلْقَاعِدَة", "مـــالي"];
  const typed = ["اقر البرلمان", "اقليم اخر", "الحمله الرئاسيه", "الي مصطفي", "القاعده", "مالي"];

  it("fold to the same text, in the build and in the search page's script alike", () => {
    expect(written.map((w) => normaliseArabic(w))).toEqual(typed);
    expect(written.map((w) => normaliseQuery(w) as string)).toEqual(typed);
    expect(typed.map((w) => normaliseQuery(w) as string)).toEqual(typed);
  });

  it("leave every other script as it was", () => {
    for (const text of ["Ménaka, Tillabéri", "Tchad : « 40 ans »", "2020-W49"]) {
      expect(normaliseArabic(text)).toBe(text);
      expect(normaliseQuery(text)).toBe(text);
    }
  });

  it("are what an Arabic item's record holds", () => {
    const arabic = buildDigest(modelContent([{ ...modelItem("vote", "2020-12-03", ["mali"], []), title: "البرلمانُ أقرَّ التعديلَ", bodyHtml: "<p>الحملةُ الرئاسيةُ</p>" }]));
    const record = searchRecords(arabic).find((r) => r.url.includes("vote"))!;
    expect(record.content).toContain("البرلمان اقر التعديل");
    expect(record.content).toContain("الحمله الرئاسيه");
    // What a result shows is as written.
    expect(record.meta.title).toBe("البرلمانُ أقرَّ التعديلَ");
  });
});
