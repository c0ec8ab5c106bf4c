// The security picture on the built pages: each issue's overview and map, each country's
// chart and trend history, all drawn at build time without script.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { buildSite } from "../../src/build.ts";
import { createFixture, type FixtureItem } from "../fixtures/content.ts";

const items: FixtureItem[] = [
  { path: "2020/a", title: "A", date: "2020-11-24", countries: ["mali"] },
  { path: "2020/b", title: "B", date: "2020-12-01", countries: ["mali", "niger"] },
  { path: "2020/c", title: "C", date: "2020-12-08", countries: ["burkina-faso"] },
  { path: "2020/quiet", title: "Quiet", date: "2020-11-17", countries: ["niger"] },
];
const base = { source: "ACLED", illustrative: false, reason: "Reason.", alerts: [] };
const figures = [
  { ...base, country: "mali", week: "2020-W48", events: 4, trend: "unchanged" },
  { ...base, country: "mali", week: "2020-W49", events: 6, fatalities: 10, trend: "deteriorated", reason: "Attacks on <bases> & camps.", alerts: [{ kind: "conflict-risk", reason: "Talks stall." }] },
  { ...base, country: "niger", week: "2020-W49", events: 1, trend: "improved", illustrative: true, source: "Editors' tally" },
  // A trend without counts: the latest week, shown on the home page.
  { ...base, country: "burkina-faso", week: "2020-W50", trend: "unchanged" },
];

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
  fixture = await createFixture({ items, figures });
  site = (await buildSite({ root: fixture.root })).output;
});
afterAll(async () => fixture.remove());

describe("an issue's regional overview", () => {
  it("has a row per country with its trend, reason, alerts, counts and changes", async () => {
    const $ = await page("issues/2020-w49/index.html");
    expect($(".overview h2").text()).toBe("Regional overview");
    const rows = $(".overview-table tbody tr").toArray();
    expect(rows.map((row) => $(row).find("th").text())).toEqual(["Mali", "Burkina Faso", "Niger"]);
    expect(cells($, rows[0]!)).toEqual([
      "Mali",
      "Deteriorated Attacks on <bases> & camps. Conflict risk alert: Talks stall.",
      "6",
      "+2 (+50 %) sharp rise",
      "+2 (+50 %) on 4 (1 week) sharp rise",
      "10",
    ]);
    expect(cells($, rows[1]!)).toEqual(["Burkina Faso", "No figures this week."]);
    expect(cells($, rows[2]!)).toEqual(["Niger", "Improved Reason.", "1", "no figures for the week before", "no figures for the 4 weeks before", "not counted"]);
    expect($(".overview .meta").last().text()).toBe("Counts: ACLED; Editors' tally. Illustrative figures: they show how the overview works and are not a published count.");
  });

  it("says so when a week has no figures at all, instead of showing zeros", async () => {
    const $ = await page("issues/2020-w47/index.html");
    expect($(".overview").text()).toContain("No figures for this week.");
    expect($(".overview-table").length).toBe(0);
  });

  it("comes with a map shading each country by its trend and linking its page", async () => {
    const home = await page("index.html");
    expect(home(".region-map svg title").first().text()).toBe("Map of the region, Week 50, 2020");
    expect(home('.region-map a[aria-label="Burkina Faso: unchanged"]').length).toBe(1);
    {
      const $ = await page("issues/2020-w49/index.html");
      {
        const svg = $(".region-map svg");
        expect(svg.find("title").first().text()).toBe("Map of the region, Week 49, 2020");
        const links = svg.find("a").map((_, a) => [[$(a).attr("href"), $(a).attr("aria-label"), $(a).find("path").attr("class")]]).get();
        expect(links).toEqual([
          ["/countries/mali/", "Mali: deteriorated", "country trend-deteriorated"],
          ["/countries/burkina-faso/", "Burkina Faso: no figures", "country trend-none"],
          ["/countries/niger/", "Niger: improved", "country trend-improved"],
        ]);
        expect(svg.find("path.neighbour").length).toBeGreaterThan(5);
        expect(svg.html()).not.toMatch(/NaN|undefined/);
      }
    }
  });
});

describe("a country page", () => {
  it("charts the weekly counts as SVG with a title, a description and a data table", async () => {
    const $ = await page("countries/mali/index.html");
    const svg = $(".chart svg");
    expect(svg.attr("role")).toBe("img");
    expect(svg.find("title#chart-title").text()).toBe("Events a week in Mali, Week 48, 2020 to Week 50, 2020");
    expect(svg.find("desc").text()).toContain("Weeks without figures are marked");
    expect(svg.find("rect.bar").map((_, r) => $(r).find("title").text()).get()).toEqual(["2020-W48: 4", "2020-W49: 6"]);
    expect(svg.find("rect.gap title").text()).toBe("2020-W50: no figures");
    expect(svg.find("text.axis").map((_, t) => $(t).text()).get()).toEqual(expect.arrayContaining(["0", "W48 2020"]));
    expect(svg.html()).not.toMatch(/NaN|undefined/);
    expect($(".chart-data tbody tr").map((_, tr) => [cells($, tr)]).get()).toEqual([
      ["Week 48, 2020", "23–29 November 2020", "4"],
      ["Week 49, 2020", "30 November – 6 December 2020", "6"],
      ["Week 50, 2020", "7–13 December 2020", "no figures"],
    ]);
  });

  it("lists the trend history, newest first, linking each week's issue", async () => {
    const $ = await page("countries/mali/index.html");
    const history = $(".trend-history li").map((_, li) => textOf($, li)).get();
    expect(history[0]).toBe("Week 49, 2020 (30 November – 6 December 2020): Deteriorated. Attacks on <bases> & camps. Events: 6; fatalities: 10. Conflict risk alert: Talks stall.");
    expect(history[1]).toContain("Week 48, 2020");
    expect($(".trend-history a").first().attr("href")).toBe("/issues/2020-w49/");
  });

  it("has no figures section for a country without figures", async () => {
    const $ = await page("countries/sahel/index.html");
    expect($(".country-figures").length).toBe(0);
  });
});

describe("without a figures file", () => {
  it("builds issues without an overview or a map", async () => {
    const plain = await createFixture({ items });
    try {
      const out = (await buildSite({ root: plain.root })).output;
      const $ = load(await readFile(path.join(out, "issues/2020-w49/index.html"), "utf8"));
      expect($(".overview").length).toBe(0);
      expect($("svg").length).toBe(0);
    } finally {
      await plain.remove();
    }
  });
});
