// A language is data: a site adds one with its own message catalogue
// (content/_messages/<language>.json) and the translated texts of its data files, and touches
// nothing in src/. Here a fixture digest in English with editions in French (shipped catalogue)
// and Spanish (a catalogue made in the test from the English one) is built, and its Spanish
// pages read back; then the same site with a word missing from its catalogue, or a name missing
// from its data files, is refused before anything is built.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { buildSite } from "../../src/publish/build.ts";
import { createFixture, fixtureActors, fixtureCountries, fixtureRegions, fixtureThemes, translatedInto, writeCatalogue, writeText, type FixtureOptions } from "../fixtures/content.ts";
import { problemsOf } from "../fixtures/problems.ts";
import { shippedCatalogue } from "../fixtures/words.ts";

/**
 * A complete Spanish catalogue, made up: every English message with "[es] " before it (a literal
 * before an ICU message leaves its plurals and values as they were), and the edition's own name.
 */
function spanishCatalogue(): Record<string, string> {
  const messages = Object.fromEntries(Object.entries(shippedCatalogue("en").messages).map(([key, message]) => [key, `[es] ${message}`]));
  return { ...messages, "edition.name": "Español" };
}

const SPANISH_COUNTRY = { mali: "Malí", "burkina-faso": "Burkina Faso", niger: "Níger", sahel: "Sahel (regional)" } as Record<string, string>;

const options: FixtureOptions = {
  site: {
    editions: [
      { language: "fr", description: "Un condensé de test." },
      { language: "es", title: "Resumen de prueba", description: "Un resumen de prueba." },
    ],
  },
  countries: translatedInto(fixtureCountries, "es", (c) => ({ name: SPANISH_COUNTRY[c.slug]!, ...(c.slug === "mali" ? { profile: "Perfil de Malí." } : {}) })),
  regions: translatedInto(fixtureRegions, "es", (r) => ({ name: r.name })),
  actors: translatedInto(translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })), "es", (a) => ({ name: a.slug === "barkhane" ? "Operación Barkhane" : a.name })),
  themes: translatedInto(translatedInto(fixtureThemes, "fr", () => ({ name: "Élections" })), "es", () => ({ name: "Elecciones", description: "Votaciones." })),
  figures: [
    {
      country: "mali", week: "2020-W49", trend: "deteriorated", reason: "Attacks near Gao.",
      translations: { es: { reason: "Ataques cerca de Gao." } },
      alerts: [{ kind: "conflict-risk", reason: "Tension rises.", translations: { es: { reason: "Aumenta la tensión." } } }],
    },
  ],
  items: [
    { path: "2020/gao-attack", title: "Attack near Gao", date: "2020-12-03", countries: ["mali"], tags: ["barkhane", "elections"], incidents: [{ type: "battles", region: "gao" }] },
    { path: "2020/niger-vote", title: "Niger votes", date: "2020-12-02", countries: ["niger"] },
  ],
};

describe("a third language, added by the site alone", () => {
  let fixture: { root: string; remove: () => Promise<void> };
  let site: string;
  const page = async (relative: string) => load(await readFile(path.join(site, relative), "utf8"));

  beforeAll(async () => {
    fixture = await createFixture(options);
    await writeCatalogue(fixture.root, "es", spanishCatalogue());
    await writeText(fixture.root, "content/articles/2020/gao-attack.es.md", '---\ntitle: "Ataque cerca de Gao"\nsummary: "Un resumen en español."\n---\nEl cuerpo.\n');
    site = (await buildSite({ root: fixture.root })).output;
  });
  afterAll(async () => fixture?.remove());

  it("builds every page of the Spanish edition under /es/, each with lang=\"es\"", async () => {
    const files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith(".html") && !f.endsWith("/email.html"));
    const english = files.filter((f) => !/^(fr|es)\//.test(f)).sort();
    const spanish = files.filter((f) => f.startsWith("es/")).sort();
    expect(spanish.map((f) => f.slice(3))).toEqual(english);
    for (const file of spanish) expect((await page(file))("html").attr("lang"), file).toBe("es");
  });

  it("shows the catalogue's words, the translated names and texts, and dates in Spanish", async () => {
    const issue = await page("es/issues/2020-w49/index.html");
    expect(issue("title").text()).toContain("[es] Week 49, 2020");
    // Month names come from the platform's ICU for a language the project does not ship.
    expect(issue("body").text()).toContain("diciembre");
    expect(issue("body").text()).toContain("Ataque cerca de Gao");
    expect(issue("body").text()).toContain("Malí");
    // The editors' reason and alert, translated, are not marked as in another language.
    const reason = issue("td").filter((_, el) => issue(el).text().includes("Ataques cerca de Gao."));
    expect(reason.length).toBe(1);
    expect(reason.find("[lang]").length).toBe(0);
    expect(issue("body").text()).toContain("Aumenta la tensión.");
    // An item nobody translated is in English, marked, and named in Spanish words.
    const niger = await page("es/articles/2020/niger-vote/index.html");
    expect(niger("h1 span[lang=\"en\"]").text()).toBe("Niger votes");
    expect(niger(".original-language").text()).toContain("[es] Not translated yet: shown in inglés");
    // Names and descriptions from the data files' translations; a missing description is the original, marked.
    const tag = await page("es/tags/elections/index.html");
    expect(tag("h1").text()).toContain("Elecciones");
    expect(tag("body").text()).toContain("Votaciones.");
    const barkhane = await page("es/tags/barkhane/index.html");
    expect(barkhane("h1").text()).toContain("Operación Barkhane");
    expect(barkhane(`p[lang="en"]`).text()).toBe("A French operation.");
    const mali = await page("es/countries/mali/index.html");
    expect(mali(".profile .prose").text()).toContain("Perfil de Malí.");
    expect(mali(".profile .prose").attr("lang")).toBeUndefined();
  });

  it("leaves the other editions as they were: the French reason untranslated and marked", async () => {
    const issue = await page("fr/issues/2020-w49/index.html");
    expect(issue("html").attr("lang")).toBe("fr");
    expect(issue(`span[lang="en"]`).filter((_, el) => issue(el).text() === "Attacks near Gao.").length).toBe(1);
    const english = await page("issues/2020-w49/index.html");
    expect(english("title").text()).toContain("Week 49, 2020");
    expect(english("body").text()).not.toContain("[es]");
    // Each edition links the Spanish one by the name its catalogue gives it.
    expect(english('a[hreflang="es"]').text()).toContain("Español");
  });
});

describe("a third language that is not complete", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => Promise.all(cleanups.map((remove) => remove())));
  async function site(extra: Partial<FixtureOptions> = {}) {
    const created = await createFixture({ ...options, ...extra });
    cleanups.push(created.remove);
    return created.root;
  }

  it("is refused when its catalogue lacks a word, which is named with the file, never filled in from English", async () => {
    const root = await site();
    const { "home.title": _gone, ...lacking } = spanishCatalogue();
    await writeCatalogue(root, "es", lacking);
    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(/^content\/_messages\/es\.json messages: lacks a message the en catalogue \(.*messages\/en\.json\) has, which the es edition's pages need: home\.title$/),
    ]);
  });

  it("is refused without a catalogue at all", async () => {
    const root = await site();
    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(/^content\/_data\/site\.ts editions\[1\]\.language: has no message catalogue \(es\.json in messages\/ or content\/_messages\/\); the catalogues found are: ar, en, fr \(got: "es"\)$/),
    ]);
  });

  it("is refused when a data file lacks a name in it, with the file, entry and field", async () => {
    const root = await site({ actors: translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })) });
    await writeCatalogue(root, "es", spanishCatalogue());
    const problems = await problemsOf(root);
    expect(problems).toEqual([
      "content/_data/actors.ts jnim.translations.es.name: is missing: the digest has an edition in es (site.ts editions), which names every actor and theme in its language",
      "content/_data/actors.ts barkhane.translations.es.name: is missing: the digest has an edition in es (site.ts editions), which names every actor and theme in its language",
    ]);
  });
});
