// The security picture on the built pages, computed from the incidents the items record: each
// issue's overview and map, each country's chart, map and trend history, the regions' pages
// and feeds, and the open data. All drawn at build time, without script, from one fixture.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { parse } from "csv-parse/sync";
import { buildSite } from "../../src/publish/build.ts";
import { createFixture, fixtureRegions, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";

// Incidents: Mali has 2 in week 48 and 3 in week 49 (one reported late, by an item of week
// 50); Niger 1 in week 49; Burkina Faso's only item records none.
const items: FixtureItem[] = [
  {
    path: "2020/a", title: "A", date: "2020-11-24", countries: ["mali"],
    incidents: [{ type: "battles", subtype: "armed-clash", region: "mopti", place: "Mopti", fatalities: 2 }, { type: "violence-against-civilians", region: "mopti" }],
  },
  {
    path: "2020/b", title: "B", date: "2020-12-01", countries: ["mali", "niger"],
    source: { name: "@Wire, Bamako", url: "https://wire.example/b" },
    incidents: [
      { type: "explosions-remote-violence", subtype: "remote-explosive-landmine-ied", country: "mali", region: "gao", place: "Gao", fatalities: "at least 10" },
      { type: "battles", country: "niger", region: "tillaberi", place: "Ouallam", place_precision: "near", date: "2020-11-30", date_precision: "week" },
      { type: "violence-against-civilians", country: "mali", region: "mopti" },
    ],
  },
  {
    path: "2020/late", title: "=HYPERLINK(\"https://evil.example\") late report", date: "2020-12-07", countries: ["mali"],
    incidents: [{ type: "violence-against-civilians", date: "2020-12-06", region: "mopti", place: "Fixture Village", coordinates: [14.9, -3.1], fatalities: 4 }],
  },
  { path: "2020/c", title: "C", date: "2020-12-08", countries: ["burkina-faso"] },
  { path: "2020/quiet", title: "Quiet", date: "2020-11-17", countries: ["niger"] },
];
const base = { reason: "Reason.", alerts: [] };
const figures = [
  { ...base, country: "mali", week: "2020-W48", trend: "unchanged" },
  { ...base, country: "mali", week: "2020-W49", trend: "deteriorated", reason: "Attacks on <bases> & camps.", alerts: [{ kind: "conflict-risk", reason: "Talks stall." }] },
  { ...base, country: "niger", week: "2020-W49", trend: "improved" },
  // A trend in the latest week, shown on the home page.
  { ...base, country: "burkina-faso", week: "2020-W50", trend: "unchanged" },
];
const externalCounts = [{ country: "mali", week: "2020-W49", source: "ACLED", exported: "2021-01-15", events: 9, fatalities: 30 }];

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
const page = async (relative: string): Promise<CheerioAPI> => load(await readFile(path.join(site, relative), "utf8"));
/** An element's text as read: a line break counts as a space. */
const textOf = ($: CheerioAPI, el: Parameters<CheerioAPI>[0]) => {
  const copy = $(el).clone();
  copy.find("br").replaceWith(" ");
  return copy.text().replace(/\s+/g, " ").trim();
};
const cells = ($: CheerioAPI, row: Parameters<CheerioAPI>[0]) => $(row).find("th, td").map((_, el) => textOf($, el)).get();

beforeAll(async () => {
  fixture = await createFixture({ items, figures, regions: fixtureRegions, externalCounts, notes: { "2020-W49": ["A hard week", "The lead of week 49."] } });
  site = (await buildSite({ root: fixture.root })).output;
});
afterAll(async () => fixture.remove());

describe("an issue's regional overview", () => {
  it("has a row per country: the editors' trend beside the counts computed from the incidents", async () => {
    const $ = await page("issues/2020-w49/index.html");
    expect($(".overview h2").text()).toBe("Regional overview");
    const rows = $(".overview-table tbody tr").toArray();
    expect($(".overview-table thead th").map((_, th) => $(th).text()).get()).toEqual(["Country", "Trend", "Incidents", "Week on week", "On 4-week average", "Fatalities reported", "ACLED events"]);
    expect(rows.map((row) => $(row).find("th").text())).toEqual(["Mali", "Burkina Faso", "Niger"]);
    expect(cells($, rows[0]!)).toEqual([
      "Mali",
      "Deteriorated Attacks on <bases> & camps. Conflict risk alert: Talks stall.",
      "3 of which 1 placed only by region or country Explosions and remote violence: 1 Violence against civilians: 2",
      "+1 (+50 %) sharp rise",
      "+1 (+50 %) on 2 (1 week) sharp rise",
      "at least 14",
      "9",
    ]);
    expect(cells($, rows[1]!)).toEqual(["Burkina Faso", "Not covered this week: no item about Burkina Faso."]);
    // Niger's week 48 had no item: not a zero to compare with; week 47's item recorded nothing.
    // From none to one is too few to be called a sharp rise: the change is given, unmarked.
    expect(cells($, rows[2]!)).toEqual(["Niger", "Improved Reason.", "1 of which 1 known only to the week or month Battles: 1", "week before not covered", "+1 (from none) on 0 (1 week)", "none reported", "—"]);
    expect($(".overview .meta").last().text()).toContain("ACLED: that organisation's own weekly counts, shown for comparison.");
  });

  it("says 'none recorded' for a covered week with no incident, and 'nothing recorded' for a week nobody covered", async () => {
    const w50 = await page("issues/2020-w50/index.html");
    const rows = w50(".overview-table tbody tr").toArray();
    expect(cells(w50, rows[0]!).slice(0, 3)).toEqual(["Mali", "No trend given.", "none recorded"]);
    expect(cells(w50, rows[1]!).slice(0, 3)).toEqual(["Burkina Faso", "Unchanged Reason.", "none recorded"]);
    const $ = await page("issues/2020-w47/index.html");
    expect(cells($, $(".overview-table tbody tr").toArray()[2]!).slice(0, 3)).toEqual(["Niger", "No trend given.", "none recorded"]);
  });

  it("comes after the editor's lead, and puts the overview in the digest feed's entry", async () => {
    const $ = await page("issues/2020-w49/index.html");
    const lead = $(".lead").index();
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThan($(".overview").index());
    const feed = await readFile(path.join(site, "feed.xml"), "utf8");
    const entry = feed.slice(feed.indexOf("<entry>"), feed.indexOf("</entry>"));
    // Week 50: no trend moved, so the summary says what the issue holds, not the site's name.
    expect(entry).toContain("<summary>2 items, 7–13 December 2020: Mali, Burkina Faso.</summary>");
    const w49 = feed.slice(feed.indexOf("issue/2020-W49") - 200);
    expect(w49).toContain("<summary>Mali deteriorated: Attacks on &lt;bases&gt; &amp; camps.; Niger improved: Reason.</summary>");
    expect(w49).toContain("&lt;h2&gt;Overview&lt;/h2&gt;");
    // The week's incidents with how many are known only to the region, and the toll as the sources give it.
    expect(w49).toContain("&lt;td&gt;Mali&lt;/td&gt;&lt;td&gt;Deteriorated: Attacks on &amp;lt;bases&amp;gt; &amp;amp; camps. Conflict risk alert: Talks stall.&lt;/td&gt;&lt;td&gt;3 (of which 1 placed only by region or country)&lt;/td&gt;&lt;td&gt;at least 14&lt;/td&gt;");
  });

  it("comes with a map shading each country by its trend and marking the week's incidents", async () => {
    const home = await page("index.html");
    expect(home(".region-map svg title").first().text()).toBe("Map of the region, Week 50, 2020");
    expect(home('.region-map a[aria-label="Burkina Faso: unchanged"]').length).toBe(1);
    const $ = await page("issues/2020-w49/index.html");
    const svg = $(".region-map > svg");
    expect(svg.find("title").first().text()).toBe("Map of the region, Week 49, 2020");
    const links = svg.find("a").map((_, a) => [[$(a).attr("href"), $(a).attr("aria-label"), $(a).find("path").attr("class")]]).get();
    expect(links).toEqual([
      ["/countries/mali/", "Mali: deteriorated", "country trend-deteriorated"],
      ["/countries/burkina-faso/", "Burkina Faso: no figures", "country trend-none"],
      ["/countries/niger/", "Niger: improved", "country trend-improved"],
    ]);
    expect(svg.find("path.neighbour").length).toBeGreaterThan(5);
    // The week's incidents with a place, each type its own shape: the one an item of week 50
    // reported late is marked here, in the week it happened, as the table counts it.
    expect(svg.find("path.mark").map((_, m) => [[$(m).attr("class"), $(m).find("title").text()]]).get()).toEqual([
      ["mark mark-battles mark-near", "Battles: near Ouallam, Tillabéri, week of 30 November 2020"],
      ["mark mark-explosions-remote-violence", "Remote explosive, landmine or IED: Gao, 1 December 2020"],
      ["mark mark-violence-against-civilians", "Violence against civilians: Fixture Village, Mopti, 6 December 2020"],
    ]);
    // Six types, the mark of several types at one place, the dashed halo of a mark near a place, and the count.
    expect($(".region-map .mark-legend li").length).toBe(9);
    expect(svg.html()).not.toMatch(/NaN|undefined/);
  });
});

describe("a country page", () => {
  it("charts the incidents a week as SVG with a title, a description and a data table", async () => {
    const $ = await page("countries/mali/index.html");
    const svg = $(".chart svg");
    expect(svg.attr("role")).toBe("img");
    expect(svg.find("title#chart-title").text()).toBe("Incidents recorded a week in Mali, Week 48, 2020 to Week 50, 2020");
    expect(svg.find("desc").text()).toContain("Weeks the digest did not cover are marked");
    expect(svg.find("rect.bar").map((_, r) => $(r).find("title").text()).get()).toEqual(["2020-W48: 2", "2020-W49: 3 (the toll that week is uncertain: a lower bound, an approximate figure, a range or a dispute)", "2020-W50: 0"]);
    // The uncertain week's bar hatched, with its key in words.
    expect(svg.find("rect.bar.uncertain").length).toBe(1);
    expect(svg.find("pattern#chart-hatch").length).toBe(1);
    expect($(".chart .chart-legend").text()).toContain("Hatched bar: the week's death toll is uncertain");
    expect(svg.find("text.axis").map((_, t) => $(t).text()).get()).toEqual(expect.arrayContaining(["0", "W48 2020"]));
    expect(svg.html()).not.toMatch(/NaN|undefined/);
    expect($(".chart-data tbody tr").map((_, tr) => [cells($, tr)]).get()).toEqual([
      ["Week 48, 2020", "23–29 November 2020", "2", "2", "of which 1 placed only by region or country", "—"],
      ["Week 49, 2020", "30 November – 6 December 2020", "3", "at least 14 (uncertain)", "of which 1 placed only by region or country", "ACLED: 9"],
      ["Week 50, 2020", "7–13 December 2020", "none recorded", "—", "—", "—"],
    ]);
  });

  it("lists the trend history, newest first, linking each week's issue", async () => {
    const $ = await page("countries/mali/index.html");
    const history = $(".trend-history li").map((_, li) => textOf($, li)).get();
    expect(history[0]).toBe("Week 50, 2020 (7–13 December 2020): No trend given. Incidents: none recorded; fatalities reported: none reported.");
    expect(history[1]).toBe("Week 49, 2020 (30 November – 6 December 2020): Deteriorated. Attacks on <bases> & camps. Incidents: 3; fatalities reported: at least 14. Conflict risk alert: Talks stall.");
    expect($(".trend-history a").eq(1).attr("href")).toBe("/issues/2020-w49/");
  });

  it("maps its incidents by type, with a table of them all and links to its regions", async () => {
    const $ = await page("countries/mali/index.html");
    const map = $(".country-incidents .incident-map");
    expect(map.children("svg").find("title").first().text()).toBe("Incidents in Mali: 3 incidents marked");
    expect(map.children("svg").find("path.mark").length).toBe(3);
    // Every incident of the table drawn or counted: 3 marks, 2 known only to their region.
    expect(map.find(".mark-group").map((_, g) => Number($(g).attr("data-count"))).get().reduce((a, b) => a + b, 0)).toBe(3);
    expect(map.find("p.not-drawn").text()).toBe("2 incidents not drawn: 2 known only to the region (Mopti: 2).");
    const rows = $(".country-incidents .incident-table tbody tr").map((_, tr) => [cells($, tr)]).get();
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[1])).toEqual(["Violence against civilians", "Violence against civilians", "Explosions and remote violence: Remote explosive, landmine or IED", "Violence against civilians", "Battles: Armed clash"]);
    expect(rows[0]).toEqual(["6 December 2020", "Violence against civilians", "Fixture Village, Mopti", "4", '=HYPERLINK("https://evil.example") late report']);
    expect($(".country-incidents p.meta a[href='/regions/mopti/']").text()).toBe("Mopti");
  });

  it("has no figures section for a group of countries", async () => {
    const $ = await page("countries/sahel/index.html");
    expect($(".country-figures").length).toBe(0);
  });
});

describe("places", () => {
  it("lists the regions with incidents, by country, with their counts", async () => {
    const $ = await page("regions/index.html");
    expect($("main li").map((_, li) => $(li).text()).get()).toEqual(["Gao (1)", "Mopti (4)", "Tillabéri (1)"]);
    expect($("main h2").map((_, h) => $(h).text()).get()).toEqual(["Mali", "Niger"]);
  });

  it("gives each region a page with its incidents over time, a map and a feed", async () => {
    const $ = await page("regions/mopti/index.html");
    expect($("h1").text()).toBe("Mopti");
    expect($("dl.facts").text()).toContain("ML-5");
    expect($(".incident-table tbody tr").map((_, tr) => cells($, tr)[0]).get()).toEqual(["6 December 2020", "1 December 2020", "24 November 2020", "24 November 2020"]);
    expect($(".chart svg rect.bar").map((_, r) => $(r).find("title").text()).get()).toEqual(["2020-W48: 2", "2020-W49: 2", "2020-W50: 0"]);
    expect($(".incident-map > svg path.mark").length).toBe(2);
    // Niger had no item in week 50: Tillabéri's chart shows a gap there, not a zero.
    const tillaberi = await page("regions/tillaberi/index.html");
    expect(tillaberi(".chart-data tbody tr").map((_, tr) => [cells(tillaberi, tr)]).get()).toEqual([
      ["Week 49, 2020", "30 November – 6 December 2020", "1", "—", "of which 1 known only to the week or month"],
      ["Week 50, 2020", "7–13 December 2020", "not covered", "—", "—"],
    ]);
    expect(tillaberi(".chart svg rect.gap title").text()).toBe("2020-W50: not covered");
    expect($('link[rel="alternate"][type="application/atom+xml"]').last().attr("href")).toBe("/regions/mopti/feed.xml");
    const feed = await readFile(path.join(site, "regions/mopti/feed.xml"), "utf8");
    expect([...feed.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((m) => m[1]).slice(1)).toEqual(["=HYPERLINK(&quot;https://evil.example&quot;) late report", "B", "A"]);
  });

  it("links an item's incidents to their regions", async () => {
    const $ = await page("articles/2020/b/index.html");
    expect($(".incidents li").map((_, li) => textOf($, li)).get()).toEqual([
      "Explosions and remote violence (Remote explosive, landmine or IED), 1 December 2020: Gao, Mali. Fatalities reported: at least 10.",
      "Battles, week of 30 November 2020: near Ouallam, Tillabéri, Niger.",
      "Violence against civilians, 1 December 2020: Mopti (region only), Mali.",
    ]);
    expect($(".incidents a").map((_, a) => $(a).attr("href")).get()).toEqual(["/regions/gao/", "/regions/tillaberi/", "/regions/mopti/"]);
  });
});

describe("the open data", () => {
  const text = (relative: string) => readFile(path.join(site, relative), "utf8");

  it("has every incident as RFC 4180 CSV, with a spreadsheet formula neutralised and coordinates kept", async () => {
    const csv = await text("data/incidents.csv");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parse(csv, { columns: true, strict: true } as never) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.date, r.week, r.country, r.region_iso, r.place, r.type, r.fatalities_kind, r.fatalities_min, r.fatalities_max])).toEqual([
      ["a-1", "2020-11-24", "2020-W48", "mali", "ML-5", "Mopti", "battles", "exact", "2", "2"],
      ["a-2", "2020-11-24", "2020-W48", "mali", "ML-5", "", "violence-against-civilians", "", "", ""],
      ["b-2", "2020-11-30", "2020-W49", "niger", "NE-6", "Ouallam", "battles", "", "", ""],
      ["b-1", "2020-12-01", "2020-W49", "mali", "ML-7", "Gao", "explosions-remote-violence", "at-least", "10", ""],
      ["b-3", "2020-12-01", "2020-W49", "mali", "ML-5", "", "violence-against-civilians", "", "", ""],
      ["late-1", "2020-12-06", "2020-W49", "mali", "ML-5", "Fixture Village", "violence-against-civilians", "exact", "4", "4"],
    ]);
    expect(rows.map((r) => [r.id, r.date_precision, r.time_precision, r.place_precision, r.geo_precision, r.latitude !== ""])).toEqual([
      ["a-1", "day", "1", "place", "1", true],
      ["a-2", "day", "1", "region", "3", false],
      ["b-2", "week", "2", "near", "2", true],
      ["b-1", "day", "1", "place", "1", true],
      ["b-3", "day", "1", "region", "3", false],
      ["late-1", "day", "1", "place", "1", true],
    ]);
    const late = rows[5]!;
    expect(late.item_title).toBe(`'=HYPERLINK("https://evil.example") late report`);
    expect([late.latitude, late.longitude, late.coordinates_from]).toEqual(["14.9", "-3.1", "source"]);
    expect(rows[3]!.source_name).toBe("'@Wire, Bamako");
    expect(rows[3]!.item_url).toBe("https://digest.example/articles/2020/b/");
    expect(rows[3]!.acled_sub_event_type).toBe("Remote explosive/landmine/IED");
  });

  it("has the same records as JSON, and each country's own files", async () => {
    const json = JSON.parse(await text("data/incidents.json")) as { incidents: Record<string, unknown>[]; columns: Record<string, string> };
    expect(json.incidents.map((r) => r.id)).toEqual(["a-1", "a-2", "b-2", "b-1", "b-3", "late-1"]);
    expect(json.incidents[0]).toMatchObject({ latitude: 14.4843, fatalities_kind: "exact", fatalities_min: 2, fatalities_max: 2, fatalities_words: null, place: "Mopti" });
    expect(Object.keys(json.columns)).toEqual(Object.keys(json.incidents[0]!));
    const niger = parse(await text("data/countries/niger/incidents.csv"), { columns: true }) as Record<string, string>[];
    expect(niger.map((r) => r.id)).toEqual(["b-2"]);
    await expect(text("data/countries/burkina-faso/incidents.csv")).rejects.toThrow();
  });

  it("has the weekly counts by country and type, one row per week the digest covered", async () => {
    const rows = parse(await text("data/weekly-counts.csv"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.week, r.week_start, r.week_end, r.country, r.incidents, r.battles, r["violence-against-civilians"], r.fatalities_kind, r.fatalities_min, r.fatalities_max])).toEqual([
      ["2020-W47", "2020-11-16", "2020-11-22", "niger", "0", "0", "0", "", "", ""],
      ["2020-W48", "2020-11-23", "2020-11-29", "mali", "2", "1", "1", "exact", "2", "2"],
      ["2020-W49", "2020-11-30", "2020-12-06", "mali", "3", "0", "2", "at-least", "14", ""],
      ["2020-W49", "2020-11-30", "2020-12-06", "niger", "1", "1", "0", "", "", ""],
      ["2020-W50", "2020-12-07", "2020-12-13", "mali", "0", "0", "0", "", "", ""],
      ["2020-W50", "2020-12-07", "2020-12-13", "burkina-faso", "0", "0", "0", "", "", ""],
    ]);
  });

  it("documents every column on /data/", async () => {
    const $ = await page("data/index.html");
    const documented = $("dl.columns dt code").map((_, c) => $(c).text()).get();
    const header = (await text("data/incidents.csv")).split("\r\n")[0]!.split(",");
    const counts = (await text("data/weekly-counts.csv")).split("\r\n")[0]!.split(",");
    const retired = (await text("data/retired-ids.csv")).split("\r\n")[0]!.split(",");
    const corrections = (await text("data/corrections.csv")).split("\r\n")[0]!.split(",");
    const tables = await Promise.all(["items.csv", "regions.csv", "countries.csv"].map(async (file) => (await text(`data/${file}`)).split("\r\n")[0]!.split(",")));
    expect(documented).toEqual([...header, ...counts, ...retired, ...tables.flat(), ...corrections]);
    expect(corrections).toEqual(["date", "item_url", "item_title", "what", "toll_from", "toll_to"]);
    expect(retired).toEqual(["id", "retired", "replaced_by", "reason", "item_url"]);
    expect($("main a[href='/data/countries/mali/weekly-counts.csv']").length).toBe(1);
  });
});

describe("without figures or incidents", () => {
  it("builds issues without an overview, a map, places or open data", async () => {
    const plain = await createFixture({ items: items.map(({ incidents: _incidents, ...item }) => item) });
    try {
      const out = (await buildSite({ root: plain.root })).output;
      const $ = load(await readFile(path.join(out, "issues/2020-w49/index.html"), "utf8"));
      expect($(".overview").length).toBe(0);
      expect($("svg").length).toBe(0);
      await expect(readFile(path.join(out, "regions/index.html"))).rejects.toThrow();
      await expect(readFile(path.join(out, "data/incidents.csv"))).rejects.toThrow();
    } finally {
      await plain.remove();
    }
  });
});

describe("search and browsing", () => {
  it("puts a script on the search page alone, which alone may run WebAssembly and fetch (an item's JSON-LD being data, never run)", async () => {
    // The web pages; the email editions go to a mailing tool and carry no script (email.test.ts).
    const files = Object.keys(await snapshot(site)).filter((file) => file.endsWith(".html") && !file.endsWith("/email.html"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const html = await readFile(path.join(site, file), "utf8");
      const csp = load(html)('meta[http-equiv="Content-Security-Policy"]').attr("content");
      if (file === "search/index.html") {
        expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/js/search.js">']);
        expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
      } else {
        // An item's JSON-LD is a data block, which no browser runs: the only other script element.
        expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, ""), file).not.toMatch(/<script\b/i);
        expect(csp, file).toContain("script-src 'none'");
      }
    }
  });

  it("writes the search index from the site's content, without Pagefind's ready-made interfaces", async () => {
    // One bundle per year of issues; this fixture's are all in 2020.
    const index = Object.keys(await snapshot(path.join(site, "pagefind")));
    expect(index).toEqual(expect.arrayContaining(["2020/pagefind.js", "2020/pagefind-entry.json", "2020/wasm.en.pagefind"]));
    expect(new Set(index.map((file) => file.split("/")[0]))).toEqual(new Set(["2020"]));
    expect(index.some((file) => file.startsWith("2020/fragment/"))).toBe(true);
    expect(index.filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });

  it("offers filters with counts, and browse links that need no script", async () => {
    const $ = await page("search/index.html");
    expect($("form.search").attr("hidden")).toBeDefined();
    expect($("form.search").attr("data-years")).toBe("2020");
    const options = (id: string) => $(`#filter-${id} option`).map((_, o) => $(o).text()).get();
    expect(options("country")).toEqual(["Any", "Mali (3)", "Burkina Faso (1)", "Niger (2)"]);
    expect(options("type")).toEqual(["Any", "Battles (2)", "Explosions and remote violence (1)", "Violence against civilians (3)"]);
    expect(options("year")).toEqual(["Any", "2020 (5)"]);
    expect($(".browse a").map((_, a) => $(a).attr("href")).get()).toEqual(expect.arrayContaining(["/issues/2020/", "/regions/", "/incidents/battles/", "/tags/", "/data/"]));
  });

  it("lists every item of a year by week, by title, and every type of incident with its items", async () => {
    const year = await page("issues/2020/index.html");
    expect(year(".week-group h2 a").map((_, a) => year(a).text()).get()).toEqual(["Week 50, 2020", "Week 49, 2020", "Week 48, 2020", "Week 47, 2020"]);
    expect(year(".item-titles li a").length).toBe(5);
    const archive = await page("issues/index.html");
    expect(archive("a[href='/issues/2020/']").text()).toBe("Every item of 2020 by title");
    const types = await page("incidents/index.html");
    expect(types(".type-list li").map((_, li) => textOf(types, li)).get()).toEqual([
      "Battles: 2 incidents in 2 items Armed clash (1)",
      "Explosions and remote violence: 1 incident in 1 item Remote explosive, landmine or IED (1)",
      "Violence against civilians: 3 incidents in 3 items",
    ]);
    const vac = await page("incidents/violence-against-civilians/index.html");
    expect(vac(".item-card h3").map((_, h) => vac(h).text()).get()).toEqual(['=HYPERLINK("https://evil.example") late report', "B", "A"]);
  });
});
