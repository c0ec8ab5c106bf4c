// The sample's French edition, as built (the shared sample build, tests/setup/sample.ts):
// every page of it in French, checked against the message catalogues rather than a hand
// list; its items in French where an editor wrote them, in English and marked where not;
// each page paired with its other-language version both ways.
import { beforeAll, describe, expect, it } from "vitest";
import { builtSample } from "../fixtures/sample.ts";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import en from "../../messages/en.json" with { type: "json" };
import fr from "../../messages/fr.json" with { type: "json" };
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";

const BASE = "/sahel-digest/";
const ORIGIN = "https://example.org";
let site: string;
let english: string[];
let french: string[];
let arabic: string[];
const html = (relative: string) => readFile(path.join(site, relative), "utf8");

beforeAll(async () => {
  site = await builtSample();
  // Not a week's address as editors write it (issues/2020-W49/), which only sends the reader on.
  const pages = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith(".html") && !f.endsWith("/email.html") && !/issues\/\d{4}-W\d{2}\//.test(f));
  french = pages.filter((f) => f.startsWith("fr/")).sort();
  arabic = pages.filter((f) => f.startsWith("ar/")).sort();
  english = pages.filter((f) => !f.startsWith("fr/") && !f.startsWith("ar/")).sort();
});

/**
 * The English interface strings a French page must not show: every message of the English
 * catalogue that is plain text (or the plain runs of text between its values), differs from
 * its French, and is long enough not to be a name or a word both languages share.
 */
function englishPhrases(): string[] {
  const phrases = new Set<string>();
  for (const [key, message] of Object.entries(en as Record<string, string>)) {
    if ((fr as Record<string, string>)[key] === message) continue;
    for (const element of parse(message, { ignoreTag: true })) {
      if (element.type !== TYPE.literal) continue;
      const text = element.value.trim();
      // Short runs ("W", ", ", "Source:") are shared by the languages or too common to tell.
      if (text.length >= 12 && !(Object.values(fr) as string[]).some((m) => m.includes(text))) phrases.add(text);
    }
  }
  return [...phrases];
}

/** The page's text and the attributes a reader hears or sees, without what is marked as in another language. */
function frenchText($: CheerioAPI): string {
  $('body [lang]:not([lang="fr"])').remove();
  $("script, style").remove();
  const attributes = $("[aria-label], [title], [alt], [placeholder]")
    .map((_, el) => ["aria-label", "title", "alt", "placeholder"].map((a) => $(el).attr(a) ?? "").join(" "))
    .get();
  return `${$("html").text()} ${attributes.join(" ")}`.replace(/\s+/g, " ");
}

describe("the French edition", () => {
  it("has every page the English one has, under /fr/", () => {
    expect(french.length).toBeGreaterThan(100);
    // The search index is per edition; the open data and the sitemap are shared, so not here.
    expect(french.map((f) => f.slice(3))).toEqual(english);
    // And so has the Arabic one, under /ar/ (tests/build/arabic-edition.test.ts reads it).
    expect(arabic.map((f) => f.slice(3))).toEqual(english);
  });

  it("is in French on every page: lang, and no English interface string from the catalogue", async () => {
    const phrases = englishPhrases();
    // The check has something to find: the catalogues differ in many sentences.
    expect(phrases.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const file of french) {
      const $ = load(await html(file));
      expect($("html").attr("lang"), file).toBe("fr");
      const text = frenchText($);
      for (const phrase of phrases) if (text.includes(phrase)) leaks.push(`${file}: "${phrase}"`);
    }
    expect(leaks).toEqual([]);
    // And the same check finds English where it is.
    const $ = load(await html("issues/2020-w49/index.html"));
    expect(phrases.some((phrase) => frenchText($).includes(phrase))).toBe(true);
  });

  it("spaces the French way: a no-break space before every : ; ! and ? of its text", async () => {
    const faults: string[] = [];
    let checked = 0;
    for (const file of french) {
      const $ = load(await html(file));
      // Text in another language (an item nobody translated) keeps its own rules; code, URLs and times have none.
      $('[lang]:not([lang="fr"]), script, style, code, pre').remove();
      $("body *").contents().each((_, node) => {
        if (node.type !== "text") return;
        const text = node.data.replace(/\S+:\/\/\S+/g, "").replace(/\b\d{1,2}:\d{2}\b/g, "");
        for (const match of text.matchAll(/(.{0,20})(?<![\u00a0\u202f])[:;!?]/gu)) faults.push(`${file}: "${match[0]}"`);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(faults).toEqual([]);
  });

  it("writes dates, numbers and plurals in French", async () => {
    const $ = load(await html("fr/issues/2020-w49/index.html"));
    const text = $("main").text().replace(/\s+/g, " ");
    expect(text).toContain("Semaine 49 de 2020");
    expect(text).toContain("30 novembre – 6 décembre 2020");
    const item = load(await html("fr/articles/2020/mali-pm-ouane-talks-with-jihadists/index.html"));
    expect(item("main").text()).toContain("jeudi 3 décembre 2020");
    // A week across two years and months, and every date the build wrote on it in French.
    const w53 = load(await html("fr/issues/2020-w53/index.html"));
    expect(frenchText(w53)).toContain("28 décembre 2020 – 3 janvier 2021");
    const times = w53("time").map((_, el) => w53(el).text()).get();
    expect(times.length).toBeGreaterThan(5);
    expect(times.join(" ")).toMatch(/\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d/);
    expect(times.join(" ")).not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    // Counts: one and several, through the catalogue's plural rules.
    const archive = load(await html("fr/countries/index.html"))("main").text().replace(/\s+/g, " ");
    expect(archive).toMatch(/\b1 article\b/);
    expect(archive).toMatch(/\b[2-9]\d* articles\b/);
  });

  it("shows an item nobody translated in English, marked as such and linked to its English page", async () => {
    const file = "fr/articles/2020/farabougou-villagers-killed/index.html";
    const $ = load(await html(file));
    // Its words are marked as English; the page's own words around them are French.
    expect($("main h1 [lang]").attr("lang")).toBe("en");
    expect($("main .prose").attr("lang")).toBe("en");
    expect($("main .summary").attr("lang")).toBe("en");
    expect($("main h2").first().attr("lang")).toBeUndefined();
    const note = $("main .original-language");
    expect(note.text()).toMatch(/anglais/);
    expect(note.find(`a[hreflang="en"]`).attr("href")).toBe(`${BASE}articles/2020/farabougou-villagers-killed/`);
    // A translated one is in French, with nothing marked.
    const translated = load(await html("fr/articles/2020/mali-pm-ouane-talks-with-jihadists/index.html"));
    expect(translated('main [lang="en"]')).toHaveLength(0);
    expect(translated("main .original-language")).toHaveLength(0);
    expect(translated("h1").text()).toMatch(/Iyad Ag Ghali/);
    // In a list, an untranslated card carries its language too.
    const issue = load(await html("fr/issues/2020-w48/index.html"));
    expect(issue('main [lang="en"]').length).toBeGreaterThan(0);
  });

  it("marks every English item title on every French page, wherever it is listed", async () => {
    // The English titles of the items nobody translated, from their English pages.
    const titles = new Map<string, string>();
    for (const file of english.filter((f) => /^articles\/\d{4}\/[^/]+\/index\.html$/.test(f))) {
      if (french.includes(`fr/${file}`) && !load(await html(`fr/${file}`))("main .original-language").length) continue;
      titles.set(file.replace(/index\.html$/, ""), load(await html(file))("h1 span").first().text() || load(await html(file))("h1").text());
    }
    expect(titles.size).toBeGreaterThan(20);
    const unmarked: string[] = [];
    let seen = 0;
    for (const file of french) {
      const $ = load(await html(file));
      $("main a[href]").each((_, el) => {
        const target = $(el).attr("href")!.replace(`${BASE}fr/`, "");
        const title = titles.get(target);
        if (!title || $(el).text().trim() !== title) return;
        seen++;
        if ($(el).closest("[lang]").attr("lang") !== "en") unmarked.push(`${file}: ${title}`);
      });
    }
    expect(seen).toBeGreaterThan(100);
    expect(unmarked).toEqual([]);
  });

  it("pairs every page with its other-language version, both ways, and links it for readers", async () => {
    const urlOf = (file: string) => `${ORIGIN}${BASE}${file.replace(/index\.html$/, "")}`;
    const fileOf = (url: string) => {
      const relative = url.slice(`${ORIGIN}${BASE}`.length);
      return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
    };
    const alternates = new Map<string, Map<string, string>>();
    for (const file of [...english, ...french, ...arabic]) {
      const $ = load(await html(file));
      alternates.set(file, new Map($('link[rel="alternate"][hreflang]').map((_, el) => [[$(el).attr("hreflang")!, $(el).attr("href")!]]).get() as [string, string][]));
    }
    for (const [file, links] of alternates) {
      expect([...links.keys()].sort(), file).toEqual(["ar", "en", "fr", "x-default"]);
      const own = file.startsWith("fr/") ? "fr" : file.startsWith("ar/") ? "ar" : "en";
      if (!file.endsWith("404.html")) expect(links.get(own), file).toBe(urlOf(file));
      for (const language of ["en", "fr", "ar"]) {
        const other = fileOf(links.get(language)!);
        expect(alternates.has(other), `${file} → ${other}`).toBe(true);
        expect(alternates.get(other)!.get(own), `${other} back to ${file}`).toBe(links.get(own));
      }
    }
    // The visible switch, without JavaScript: a plain link to the same page in the other language.
    const $ = load(await html("countries/mali/index.html"));
    expect($('a[hreflang="fr"][lang="fr"]').attr("href")).toBe(`${BASE}fr/countries/mali/`);
    const back = load(await html("fr/countries/mali/index.html"));
    expect(back('a[hreflang="en"][lang="en"]').attr("href")).toBe(`${BASE}countries/mali/`);
    // Each edition in its own name and direction: العربية written right to left on a French page.
    expect(back('a[hreflang="ar"][lang="ar"][dir="rtl"]').text()).toBe("العربية");
    expect(back('a[hreflang="ar"]').attr("href")).toBe(`${BASE}ar/countries/mali/`);
  });

  it("lists every edition in the sitemap, each entry with its alternates", async () => {
    const $ = load(await html("sitemap.xml"), { xml: true });
    const locs = $("url > loc").map((_, el) => $(el).text()).get();
    expect(locs).toContain(`${ORIGIN}${BASE}fr/issues/2020-w49/`);
    expect(locs.filter((l) => l.includes("/fr/")).length).toBe(french.length - 1); // not the 404 page
    const entry = $("url").filter((_, el) => $(el).find("loc").text() === `${ORIGIN}${BASE}fr/issues/2020-w49/`);
    expect(entry.find("xhtml\\:link").map((_, el) => $(el).attr("hreflang")).get()).toEqual(["en", "fr", "ar"]);
    expect(locs.filter((l) => l.includes("/ar/")).length).toBe(arabic.length - 1);
  });

  it("has its own search index and feeds, and shares the open data", async () => {
    const files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/"));
    expect(files).toContain("fr/pagefind/2020/pagefind-entry.json");
    expect(files.filter((f) => f.startsWith("fr/data/"))).toEqual(["fr/data/index.html"]);
    const data = load(await html("fr/data/index.html"));
    expect(data(`main a[href="${BASE}data/incidents.csv"]`).length).toBe(1);
    const search = load(await html("fr/search/index.html"));
    expect(search("form").attr("data-index")).toBe(`${BASE}fr/pagefind/`);
    expect(search('script[type="module"]').attr("src")).toBe(`${BASE}js/search.js`);
    const opml = await html("fr/feeds.opml");
    expect(opml).toContain(`${ORIGIN}${BASE}fr/countries/mali/feed.xml`);
    // The issue's email, in French, linking into the French pages.
    const email = load(await html("fr/issues/2020-w49/email.html"));
    expect(email("html").attr("lang")).toBe("fr");
    expect(email.text()).toContain("Semaine 49 de 2020");
    expect(email("a").map((_, el) => email(el).attr("href")).get().filter((href) => href.startsWith(ORIGIN))).toEqual(expect.arrayContaining([`${ORIGIN}${BASE}fr/issues/2020-w49/`]));
    expect(await html("fr/issues/2020-w49/email.txt")).toContain("Semaine 49 de 2020");
  });
});
