// The sample's Arabic edition, as built (the shared sample build, tests/setup/sample.ts): every
// page right to left and in Arabic, checked against the catalogues rather than a hand list;
// dates, digits and plurals from the platform's ICU in the locale site.ts names; countries
// named by CLDR; texts nobody translated into Arabic shown in French where an editor wrote
// them, else in English, each marked with its language and direction; the email right to left.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import en from "../../messages/en.json" with { type: "json" };
import ar from "../../messages/ar.json" with { type: "json" };
import { builtSample } from "../fixtures/sample.ts";

const BASE = "/sahel-digest/";
let site: string;
let arabic: string[];
const html = async (relative: string) => load(await readFile(path.join(site, relative), "utf8"));

beforeAll(async () => {
  site = await builtSample();
  arabic = (await readdir(path.join(site, "ar"), { recursive: true }))
    .map((f) => `ar/${f.split(path.sep).join("/")}`)
    .filter((f) => f.endsWith(".html"))
    .sort();
});

/** The English interface phrases an Arabic page must not show: long plain runs of the English catalogue that no Arabic message holds. */
function englishPhrases(): string[] {
  const phrases = new Set<string>();
  const arabicMessages = Object.values(ar as Record<string, string>);
  for (const message of Object.values(en as Record<string, string>)) {
    for (const element of parse(message, { ignoreTag: true })) {
      if (element.type !== TYPE.literal) continue;
      const text = element.value.trim();
      if (text.length >= 12 && !arabicMessages.some((m) => m.includes(text))) phrases.add(text);
    }
  }
  return [...phrases];
}

/** The page's text and the attributes a reader hears or sees, without what is marked as in another language. */
function arabicText($: CheerioAPI): string {
  $('body [lang]:not([lang="ar"])').remove();
  $("script, style").remove();
  const attributes = $("[aria-label], [title], [alt], [placeholder]")
    .map((_, el) => ["aria-label", "title", "alt", "placeholder"].map((a) => $(el).attr(a) ?? "").join(" "))
    .get();
  return `${$("html").text()} ${attributes.join(" ")}`.replace(/\s+/g, " ");
}

describe("the Arabic edition", () => {
  it("is right to left and in Arabic on every page, emails too, with no English word of the catalogue", async () => {
    expect(arabic.length).toBeGreaterThan(100);
    const phrases = englishPhrases();
    expect(phrases.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const file of arabic) {
      const $ = await html(file);
      expect([$("html").attr("lang"), $("html").attr("dir")], file).toEqual(["ar", "rtl"]);
      const text = arabicText($);
      for (const phrase of phrases) if (text.includes(phrase)) leaks.push(`${file}: "${phrase}"`);
    }
    expect(leaks).toEqual([]);
    // The check can fail: an English page shows such phrases.
    const englishPage = arabicText(await html("issues/2020-w49/index.html"));
    expect(phrases.some((phrase) => englishPage.includes(phrase))).toBe(true);
  });

  it("writes dates with the month names and Western digits ICU gives ar-TD-u-nu-latn, and plurals by Arabic's six forms", async () => {
    const issue = await html("ar/issues/2020-w49/index.html");
    const text = issue("main").text().replace(/\s+/g, " ");
    expect(text).toContain("الأسبوع 49 من عام 2020");
    expect(text).toContain("30 نوفمبر – 6 ديسمبر 2020");
    // "6 items in 3 sections": few, for 3 to 10.
    expect(text).toContain("6 أخبار في 3 أقسام");
    const item = await html("ar/articles/2020/mali-pm-ouane-talks-with-jihadists/index.html");
    expect(item("main time").first().text()).toBe("الخميس، 3 ديسمبر 2020");
    // No Eastern Arabic digit anywhere: the locale chose Western ones.
    for (const file of arabic) expect((await readFile(path.join(site, file), "utf8")).match(/[\u0660-\u0669\u06F0-\u06F9]/), file).toBeNull();
    // One, two, and 11 to 99 ("many") take their own forms.
    const countries = (await html("ar/countries/index.html"))("main").text();
    expect(countries).toMatch(/خبر واحد|خبران|\d+ خبرًا|\d+ أخبار/);
  });

  it("names countries from CLDR and keeps region and actor names in Latin script where no data file gives an Arabic one", async () => {
    const countries = (await html("ar/countries/index.html"))("main").text();
    for (const name of ["مالي", "بوركينا فاسو", "النيجر", "تشاد", "موريتانيا"]) expect(countries).toContain(name);
    // The French names beside them, marked as French and written left to right.
    const mali = await html("ar/countries/mali/index.html");
    expect(mali('dd[lang="fr"][dir="ltr"]').text()).toBe("Mali");
    const menaka = await html("ar/regions/menaka/index.html");
    expect(menaka("h1").text()).toContain("Ménaka");
    const jnim = await html("ar/tags/jnim/index.html");
    expect(jnim("h1").text()).toContain("GSIM");
    // A theme is the digest's own words: in Arabic.
    expect((await html("ar/tags/elections/index.html"))("h1").text()).toContain("الانتخابات");
  });

  it("shows an item nobody translated into Arabic in French where an editor wrote one, else in English, each marked and written left to right", async () => {
    const french = await html("ar/articles/2020/boubou-cisse-charged-over-alleged-plot/index.html");
    expect(french("main h1 [lang]").attr("lang")).toBe("fr");
    expect(french("main h1 [lang]").attr("dir")).toBe("ltr");
    expect(french("main .summary").attr("lang")).toBe("fr");
    expect(french("main .summary").attr("dir")).toBe("ltr");
    expect(french("main .original-language").text()).toContain("الفرنسية");
    // Its link goes to the original, in English, and says so.
    expect(french(`main .original-language a[hreflang="en"]`).attr("href")).toBe(`${BASE}articles/2020/boubou-cisse-charged-over-alleged-plot/`);
    const english = await html("ar/articles/2020/farabougou-villagers-killed/index.html");
    expect(english("main h1 [lang]").attr("lang")).toBe("en");
    expect(english("main .original-language").text()).toContain("الإنجليزية");
    // A translated item is Arabic throughout, with nothing marked.
    const translated = await html("ar/articles/2020/chad-assembly-adopts-constitutional-revision/index.html");
    expect(translated("main h1").text()).toContain("البرلمان التشادي");
    expect(translated("main [lang]")).toHaveLength(0);
    // The weekly note of 2020-W53 is in Arabic; that of 2020-W48 (none written) is not there to show.
    const w53 = await html("ar/issues/2020-w53/index.html");
    expect(w53("main .lead").attr("lang")).toBeUndefined();
    expect(w53("main .lead").text()).toContain("Tillabéri");
    const w47 = await html("ar/issues/2020-w47/index.html");
    expect(w47("main .lead").attr("lang")).toBe("fr");
  });

  it("keeps codes and Latin terms inside Arabic sentences in their own order", async () => {
    const data = await html("ar/data/index.html");
    // The ISO week id in a column's description, isolated left to right (U+2066 … U+2069).
    expect(data("main").text()).toContain("\u20662020-W49\u2069");
  });

  it("sends the issue as an email written right to left, said on html, body and its wrapper for every mail client", async () => {
    const email = await html("ar/issues/2020-w49/email.html");
    for (const selector of ["html", "body", ".wrapper"]) {
      expect(email(selector).attr("dir"), selector).toBe("rtl");
      expect(email(selector).attr("style"), selector).toContain("direction: rtl");
    }
    expect(email("html").attr("lang")).toBe("ar");
    expect(email("h1").text()).toContain("رئيس الوزراء المالي");
    const text = await readFile(path.join(site, "ar/issues/2020-w49/email.txt"), "utf8");
    expect(text).toContain("الأسبوع 49 من عام 2020");
  });

  it("has its own search index, searched in Arabic with its words folded", async () => {
    const search = await html("ar/search/index.html");
    expect(search("form").attr("data-index")).toBe(`${BASE}ar/pagefind/`);
    expect(search("form").attr("data-locale")).toBe("ar-TD-u-nu-latn");
    const entry = JSON.parse(await readFile(path.join(site, "ar/pagefind/2020/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["ar"]);
  });
});
