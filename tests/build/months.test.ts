// The month at a glance on the sample site (its shared build): November and December 2020 for
// the whole digest, each country and each region with incidents, their totals held to the
// incidents the items record, dated in the month (read here from the items' own files); the
// timeline strips and computed flags on the country pages; the monthly feed and email.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import matter from "gray-matter";
import { parseFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import { builtSample } from "../fixtures/sample.ts";
import { EMAIL_SIZE_LIMIT } from "../../src/pages/email.ts";

const ARTICLES = path.join(import.meta.dirname, "../../content/articles");
const MONTHS = ["2020-11", "2020-12"];

interface RecordedIncident {
  readonly date: string;
  readonly country: string;
  readonly region?: string;
}

let site: string;
let incidents: RecordedIncident[];

/** Every incident of every published item, from the Markdown files themselves (not the build's model). */
async function itemsIncidents(): Promise<RecordedIncident[]> {
  const files = (await readdir(ARTICLES, { recursive: true })).filter((f) => f.endsWith(".md") && !/\.[a-z]{2}\.md$/.test(f));
  const found: RecordedIncident[] = [];
  for (const file of files) {
    const { data } = matter(await readFile(path.join(ARTICLES, file), "utf8"));
    if (data.draft) continue;
    const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
    for (const incident of (data.incidents ?? []) as { date?: string | Date; country?: string; region?: string }[]) {
      // Without a date of its own, an incident is dated by its item (as the loader does).
      const date = day(incident.date ?? data.date);
      // An incident's country is its own, or its item's first.
      found.push({ date, country: incident.country ?? (data.countries as string[])[0]!, ...(incident.region ? { region: incident.region } : {}) });
    }
  }
  return found;
}

const page = async (sitePath: string): Promise<CheerioAPI> => load(await readFile(path.join(site, sitePath, "index.html"), "utf8"));

/** The month's incident total as its page gives it: "7 (of which…)", or "none recorded". */
async function shownTotal(sitePath: string): Promise<number> {
  const $ = await page(sitePath);
  const text = $("dl.month-figures dd").first().text().trim();
  return /^none recorded/.test(text) ? 0 : Number(/^(\d+)/.exec(text)?.[1] ?? Number.NaN);
}

beforeAll(async () => {
  site = await builtSample();
  incidents = await itemsIncidents();
});

describe("the sample's months", () => {
  it("give the whole digest's November and December the number of incidents dated in them", async () => {
    for (const month of MONTHS) {
      const expected = incidents.filter((i) => i.date.startsWith(month)).length;
      expect(expected, month).toBeGreaterThan(0);
      expect(await shownTotal(`months/${month}`), month).toBe(expected);
    }
  });

  it("give each country and each region with incidents its own, summing to the month's", async () => {
    for (const month of MONTHS) {
      const dated = incidents.filter((i) => i.date.startsWith(month));
      const countries = [...new Set(dated.map((i) => i.country))];
      for (const country of countries) expect(await shownTotal(`countries/${country}/months/${month}`), `${country} ${month}`).toBe(dated.filter((i) => i.country === country).length);
      const regions = [...new Set(dated.flatMap((i) => (i.region ? [i.region] : [])))];
      expect(regions.length).toBeGreaterThan(2);
      for (const region of regions) expect(await shownTotal(`regions/${region}/months/${month}`), `${region} ${month}`).toBe(dated.filter((i) => i.region === region).length);
    }
  });

  it("split 2020-W49, which runs from 30 November to 6 December, by its incidents' dates, and list it under both months", async () => {
    // The sample's 2020-W49 incidents (the rockets fired at three French bases) are all dated
    // 30 November: counted in November, though the week's issue is mostly December's.
    const w49 = incidents.filter((i) => i.date >= "2020-11-30" && i.date <= "2020-12-06");
    expect(w49.filter((i) => i.date === "2020-11-30").length).toBeGreaterThan(1);
    const november = incidents.filter((i) => i.date.startsWith("2020-11")).length;
    expect(await shownTotal("months/2020-11")).toBe(november);
    expect(await shownTotal("countries/mali/months/2020-12")).toBe(incidents.filter((i) => i.country === "mali" && i.date.startsWith("2020-12")).length);
    for (const [month, days] of [["2020-11", 1], ["2020-12", 6]] as const) {
      const $ = await page(`months/${month}`);
      const heading = $("h3").filter((_, h) => $(h).text().startsWith("Week 49, 2020"));
      expect(heading.length, month).toBe(1);
      expect(heading.next("p.meta").text()).toContain(`${days} of its 7 days in`);
      expect($("p.meta").text()).toContain("the incidents of a week that runs across two months are split between them by their dates");
    }
  });

  it("are in the sitemap, in both editions, and listed on the months page and the archive", async () => {
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    for (const month of MONTHS) {
      expect(sitemap).toContain(`months/${month}/</loc>`);
      expect(sitemap).toContain(`fr/countries/mali/months/${month}/</loc>`);
    }
    expect(sitemap).toContain("regions/menaka/months/2020-11/</loc>");
    expect(sitemap).toContain("fr/regions/mopti/months/2020-12/</loc>");
    const fr = await page("fr/months/2020-12");
    expect(fr("html").attr("lang")).toBe("fr");
    expect(fr("h1").text()).toContain("décembre 2020");
    const months = await page("months");
    expect(months("main a").map((_, a) => months(a).attr("href")).get()).toEqual(expect.arrayContaining([expect.stringMatching(/months\/2020-12\/$/), expect.stringMatching(/months\/2020-11\/$/)]));
    const archive = await page("issues");
    expect(archive("main a").map((_, a) => archive(a).text()).get()).toContain("December 2020");
  });
});

describe("the sample's monthly note", () => {
  it("gives December 2020 its lead and Niger's trend for the month, in each edition's words, and no invented judgement for the others", async () => {
    const en = await page("months/2020-12");
    expect(en("h1").text()).toBe("Sahel Digest, December 2020");
    expect(en(".lead").text()).toContain("Toumour");
    const niger = en("table tr").filter((_, tr) => en(tr).find("th").text() === "Niger");
    expect(niger.find("td").last().text()).toBe("Deteriorated");
    const mali = en("table tr").filter((_, tr) => en(tr).find("th").text() === "Mali");
    expect(mali.find("td").last().text()).toBe("None given: see the weeks");
    const fr = await page("fr/months/2020-12");
    expect(fr(".lead").text()).toContain("Au Niger, le raid sur Toumour");
    expect(fr("main").text()).toContain("Boko Haram accusé du raid sur Toumour");
    // November has no note: the weeks' labels, and no monthly judgement.
    const november = await page("months/2020-11");
    expect(november(".lead").length).toBe(0);
    expect(november("main").text()).toContain("The editors gave no trend for the month as a whole");
  });
});

describe("the sample's country pages", () => {
  it("show the last weeks' trend labels as a strip, each week marked in text as well as colour, linking its issue", async () => {
    for (const country of ["mali", "niger", "burkina-faso"]) {
      const $ = await page(`countries/${country}`);
      const cells = $(".trend-strip li");
      expect(cells.length, country).toBe(10);
      cells.each((_, cell) => {
        expect($(cell).find("[aria-hidden]").text().trim(), country).toMatch(/^[▼▲=○–]!?$/);
        expect($(cell).find(".strip-text").text()).toMatch(/^Week \d+, 20\d\d, /);
      });
      expect($(".trend-strip a").first().attr("href")).toMatch(/issues\/2020-w44\/$/);
    }
  });

  it("show the computed flags, with the figures that raised them, beside the editors' trend", async () => {
    const $ = await page("countries/niger");
    expect($(".strip-flagged").length).toBeGreaterThan(0);
    const flagged = $(".warning-list li").first().text();
    expect(flagged).toMatch(/Week 53, 2020/);
    expect(flagged).toMatch(/deaths reported: 100, more than any week of the \d+ before/);
    expect(flagged).toContain("Editors' trend: Deteriorated.");
  });
});

/** Throws on anything a conforming, namespace-aware XML parser refuses. */
function strictXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
}

describe("the sample's monthly feed and email", () => {
  it("parse as Atom, RSS and JSON Feed, one entry per month, newest first, in both editions", async () => {
    for (const folder of ["", "fr/"]) {
      const atomText = await readFile(path.join(site, folder, "months/feed.xml"), "utf8");
      const rssText = await readFile(path.join(site, folder, "months/rss.xml"), "utf8");
      strictXml(atomText);
      strictXml(rssText);
      const atom = parseFeed(atomText);
      if (atom.format !== "atom") throw new Error(`expected Atom, got ${atom.format}`);
      const ids = (atom.feed.entries ?? []).map((e) => e.id);
      expect(ids.slice(0, 3)).toEqual(["2021-01", "2020-12", "2020-11"].map((m) => expect.stringMatching(new RegExp(`:/[^,]*month/${m}$`))));
      const rss = parseFeed(rssText);
      if (rss.format !== "rss") throw new Error(`expected RSS, got ${rss.format}`);
      expect(rss.feed.items?.map((i) => i.guid?.value)).toEqual(ids);
      const json = JSON.parse(await readFile(path.join(site, folder, "months/feed.json"), "utf8"));
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.items.map((i: { id: string }) => i.id)).toEqual(ids);
    }
    const opml = await readFile(path.join(site, "feeds.opml"), "utf8");
    expect(opml).toContain("/months/feed.xml");
    const subscribe = await page("subscribe");
    expect(subscribe("#months-feed").length).toBe(1);
  });

  it("write each month as an email with its styles inlined, nothing fetched, full URLs, and a plain-text twin", async () => {
    const file = path.join(site, "months/2020-12/email.html");
    expect((await stat(file)).size).toBeLessThan(EMAIL_SIZE_LIMIT);
    const $ = load(await readFile(file, "utf8"));
    expect($("style, script, img, link, iframe").length).toBe(0);
    expect($("[style]").length).toBeGreaterThan(10);
    const links = $("[href]").map((_, a) => $(a).attr("href")!).get();
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link, link).toMatch(/^https?:\/\/[^/]+\//);
    const text = await readFile(path.join(site, "months/2020-12/email.txt"), "utf8");
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).toContain("December 2020");
    await expect(stat(path.join(site, "fr/months/2020-12/email.txt"))).resolves.toBeTruthy();
  });
});
