// What the sample now says it knows and does not (issue 27), read from the shared sample build:
// the disputed events with each account and its source, the weeks' sums with their qualifier,
// and the same totals on the issue page and in the open data.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { parse } from "csv-parse/sync";
import { builtSample } from "../fixtures/sample.ts";

let site = "";
beforeAll(async () => {
  site = await builtSample();
});
const page = async (relative: string) => load(await readFile(path.join(site, relative), "utf8"));
const text = (s: string) => s.replace(/\s+/g, " ").trim();

describe("the sample's disputed events", () => {
  it.each([
    ["articles/2021/disputed-french-airstrike-near-bounti/index.html", [
      ["French military", "about 30", "armed militants", "Washington Post, via Seattle Times"],
      ["Villagers and Tabital Pulaaku", "at least 19 (the source: at least 19–20)", "civilians gathered for a wedding", "AFP, via Taipei Times"],
      // One source reports two speakers: the French military's statement and the later inquiries.
      ["Human Rights Watch and a Malian group, in later inquiries", "19", "civilian men", "Washington Post, via Seattle Times"],
    ], "at least 19 (disputed)"],
    ["articles/2020/barkhane-strike-near-boulikessi/index.html", [
      ["Florence Parly, French armed forces minister", "at least 50 (the source: more than 50)", "jihadists", "Reuters, via Boursorama"],
      ["Gen. François Lecointre, French chief of staff", "about 60", "—", "Agence Afrique"],
    ], "at least 50 (disputed)"],
    ["articles/2020/toumour-raid-on-eve-of-local-elections/index.html", [
      ["Niger's government", "at least 28", "people killed in the raid, including some who drowned fleeing", "AP, via Dayton Daily News"],
      ["Niger's national human rights commission (CNDH), later", "34", "—", "Pouvoirs Afrique"],
    ], "at least 28 (disputed)"],
  ])("%s shows each account with its source, and the counted toll marked disputed", async (file, accounts, counted) => {
    const $ = await page(file);
    expect($("table.accounts tbody tr").map((_, tr) => [$(tr).find("th, td").map((__, c) => text($(c).text())).get()]).get()).toEqual(accounts);
    expect($("table.accounts a").length).toBe(accounts.length);
    expect(text($(".incidents li").first().text())).toContain(`Fatalities reported: ${counted}.`);
  });

  it("are shown in French where the editor translated the accounts", async () => {
    const $ = await page("fr/articles/2021/disputed-french-airstrike-near-bounti/index.html");
    expect($("table.accounts tbody th").map((_, th) => text($(th).text())).get()).toEqual(["L’armée française", "Des villageois et Tabital Pulaaku", "Human Rights Watch et une organisation malienne, dans des enquêtes ultérieures"]);
    expect($("table.accounts [lang]")).toHaveLength(0);
    // Boulikessi's and Toumour's accounts are translated too, though their items are not: shown in French, unmarked.
    for (const file of ["fr/articles/2020/barkhane-strike-near-boulikessi/index.html", "fr/articles/2020/toumour-raid-on-eve-of-local-elections/index.html"]) {
      const other = await page(file);
      expect(other("table.accounts tbody th").first().text()).toMatch(/^(Florence Parly, ministre|Le gouvernement nigérien)/);
      expect(other("table.accounts tbody [lang]")).toHaveLength(0);
    }
  });
});

describe("a week's totals", () => {
  it("agree on the issue page and in the open data, with their qualifier, and say what is disputed or placed by region only", async () => {
    const $ = await page("issues/2020-w53/index.html");
    const mali = $(".overview-table tbody tr").filter((_, tr) => $(tr).find("th").text() === "Mali");
    const cells = mali.find("td").map((_, td) => text($(td).text())).get();
    expect(cells[1]).toMatch(/^3 ?of which 3 placed only by region or country; 1 disputed/);
    expect(cells).toContain("at least 24");
    const counts = parse(await readFile(path.join(site, "data/weekly-counts.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(counts.find((r) => r.week === "2020-W53" && r.country === "mali")).toMatchObject({ fatalities_kind: "at-least", fatalities_min: "24", fatalities_max: "", incidents_region_or_country_only: "3" });
    const incidents = parse(await readFile(path.join(site, "data/incidents.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    // The entry in the digest's feed carries the same total.
    const feed = JSON.parse(await readFile(path.join(site, "feed.json"), "utf8")) as { items: { url: string; content_html: string }[] };
    const w53 = load(feed.items.find((entry) => entry.url.endsWith("/issues/2020-w53/"))!.content_html);
    const maliRow = w53("tr").filter((_, tr) => w53(tr).find("td").first().text() === "Mali");
    expect(maliRow.find("td").last().text()).toBe("at least 24");
    expect(incidents.find((r) => r.id === "disputed-french-airstrike-near-bounti-1")).toMatchObject({ accounts: "3", fatalities_kind: "at-least", fatalities_min: "19", fatalities_max: "" });
  });
});

describe("the sample's source grades", () => {
  // Given only where the fact sheet shows how the editors could check: the Tillabéri toll given
  // by the Prime Minister and by the mayor, two officials not shown to be independent; the Ménaka
  // deaths from two outlets that may not be independent: neither graded as confirmed.
  const graded = { "tillaberi-villages-massacre": ["B", "2"], "two-french-soldiers-killed-in-menaka-region": ["B", "2"] } as Record<string, [string, string]>;

  it("are on the item page, with how the editors checked and a link to the scale, in each edition", async () => {
    const en = await page("articles/2021/tillaberi-villages-massacre/index.html");
    expect(text(en("p.grade").text())).toMatch(/^Source grade: B2 \(usually reliable source; probably true\)\. How we checked: The Prime Minister gave 100 dead \(BBC Afrique\) and the Tondikiwindi mayor gave AFP the same total/);
    expect(en("p.grade a").attr("href")).toMatch(/\/methodology\/#grades$/);
    const fr = await page("fr/articles/2021/tillaberi-villages-massacre/index.html");
    expect(text(fr("p.grade").text())).toMatch(/^Cote de la source : B2 \(source généralement fiable ; probablement vraie\)\. Comment nous avons vérifié : Le Premier ministre a donné 100 morts/);
    expect(fr("p.grade [lang]").length).toBe(0);
    // An item the editors did not grade says nothing of a grade.
    expect((await page("articles/2021/disputed-french-airstrike-near-bounti/index.html"))("p.grade").length).toBe(0);
  });

  it("are in the open data's CSV, JSON and GeoJSON, empty where an item is not graded", async () => {
    const csv = parse(await readFile(path.join(site, "data/incidents.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const json = JSON.parse(await readFile(path.join(site, "data/incidents.json"), "utf8")) as { columns: Record<string, string>; incidents: Record<string, unknown>[] };
    const geo = JSON.parse(await readFile(path.join(site, "data/incidents.geojson"), "utf8")) as { features: { id: string; properties: Record<string, unknown> }[] };
    for (const row of csv) {
      const slug = row.item_url!.replace(/\/$/, "").split("/").pop()!;
      const [reliability, credibility] = graded[slug] ?? ["", ""];
      expect([row.source_reliability, row.information_credibility, row.grade_note !== ""], row.id).toEqual([reliability, credibility, reliability !== ""]);
      const inJson = json.incidents.find((r) => r.id === row.id)!;
      const inGeo = geo.features.find((f) => f.id === row.id)!.properties;
      for (const record of [inJson, inGeo]) {
        expect([record.source_reliability, record.information_credibility], row.id).toEqual(reliability ? [reliability, Number(credibility)] : [null, null]);
      }
    }
    expect(csv.filter((r) => r.source_reliability !== "").length).toBe(3);
    expect(json.columns.information_credibility).toContain("Admiralty");
  });

  it("are in the item's feed entries", async () => {
    const feed = JSON.parse(await readFile(path.join(site, "articles/feed.json"), "utf8")) as { items: { url: string; content_html: string }[] };
    const entry = feed.items.find((e) => e.url.endsWith("/two-french-soldiers-killed-in-menaka-region/"))!;
    expect(text(load(entry.content_html).text())).toContain("Source grade B2: usually reliable source; probably true. How we checked: AFP (via The Hindu)");
    const atom = await readFile(path.join(site, "fr/articles/feed.xml"), "utf8");
    expect(atom).toContain("Cote de la source B2");
  });
});

describe("the methodology page", () => {
  const sections = ["incidents", "precision", "tolls", "accounts", "grades", "corrections", "ids", "acled", "licence", "left-out"];
  it.each([
    ["methodology/index.html", "en", "The counting rule: a disputed incident counts with the lowest toll any account gives", "CC BY 4.0"],
    ["fr/methodology/index.html", "fr", "La règle de décompte : un incident contesté compte avec le bilan le plus bas", "CC BY 4.0"],
  ])("%s explains every part in its edition's words, section by section", async (file, language, rule, licence) => {
    const $ = await page(file);
    expect($("html").attr("lang")).toBe(language);
    // Issue 27's sections, in this order; other helpers add theirs between (open data, early warning).
    const ids = $("main section").map((_, s) => $(s).find("h2").attr("id")).get();
    expect(ids.filter((id) => sections.includes(id))).toEqual(sections);
    expect($("main nav li a").map((_, a) => $(a).attr("href")).get()).toEqual(ids.map((id) => `#${id}`));
    $("main section").each((_, s) => expect($(s).find("p, dd").length).toBeGreaterThan(0));
    const words = text($("main").text());
    expect(words).toContain(rule);
    expect(words).toContain(licence);
    // The precision codes of the export are spelt out, and no message key leaked through.
    expect(words).toMatch(/time_precision 1 .* geo_precision 1/);
    expect(words).not.toMatch(/methodology\.[a-z]/);
    expect($("main dl").first().find("dt").length).toBe(3);
  });

  it("is in the sitemap and linked from every page's footer, in each edition", async () => {
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(sitemap).toMatch(/<loc>[^<]*\/methodology\/<\/loc>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/fr\/methodology\/<\/loc>/);
    for (const [file, label, href] of [["index.html", "Methodology", /\/methodology\/$/], ["fr/index.html", "Méthodologie", /\/fr\/methodology\/$/]] as const) {
      const $ = await page(file);
      const link = $(".site-footer a").filter((_, a) => text($(a).text()) === label);
      expect(link.attr("href")).toMatch(href);
    }
  });
});
