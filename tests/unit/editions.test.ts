// The French edition's content: translations beside their originals, checked against them;
// names from the data files; the words of the interface from the catalogue. Pure loading and
// grouping, without Eleventy (the built pages are checked in tests/build/editions.test.ts).
import { afterEach, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { loadContent } from "../../src/content/load/content.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { searchRecords } from "../../src/pages/search-records.ts";
import { createFixture, fixtureActors, fixtureRegions, fixtureThemes, writeText, type FixtureOptions } from "../fixtures/content.ts";
import { problemsOf } from "../fixtures/problems.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});

const french = {
  site: { editions: [{ language: "fr", description: "Un condensé.", notice: "Édition de test." }] },
  actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: `${a.name} (fr)` } } })),
  themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: "Élections", description: "Des scrutins." } } })),
};
const now = DateTime.fromISO("2030-01-01T00:00:00Z");

async function fixture(options: FixtureOptions = {}) {
  const created = await createFixture({ ...french, ...options });
  cleanups.push(created.remove);
  return created.root;
}

const item = { path: "2020/ouane-interview", title: "Talks with jihadists", date: "2020-12-03", countries: ["mali"], tags: ["jnim"], location: "Bamako" };
const other = { path: "2020/untranslated", title: "Left in English", date: "2020-12-04", countries: ["niger"] };
const translation = (front: string, body = "Le corps *traduit*.") => `---\n${front}\n---\n${body}\n`;

describe("translations", () => {
  it("attach to their original, which keeps its own words", async () => {
    const root = await fixture({ items: [item, other], notes: { "2020-W49": ["A week", "The lead."] } });
    await writeText(root, "content/articles/2020/ouane-interview.fr.md", translation('title: "Dialogue avec les djihadistes"\nsummary: "Le Premier ministre parle."'));
    await writeText(root, "content/issues/2020-W49.fr.md", translation('headline: "Une semaine"', "Le chapeau."));
    const content = await loadContent({ root, now });
    const original = content.items.find((i) => i.slug === "ouane-interview")!;
    expect(original.title).toBe("Talks with jihadists");
    expect(original.translations?.fr).toMatchObject({ title: "Dialogue avec les djihadistes", summary: "Le Premier ministre parle.", bodyHtml: "<p>Le corps <em>traduit</em>.</p>\n" });
    expect(content.items.find((i) => i.slug === "untranslated")!.translations).toBeUndefined();
    expect(content.notes[0]!.translations?.fr).toMatchObject({ headline: "Une semaine", leadHtml: "<p>Le chapeau.</p>\n" });
  });

  it("are searched in full in their edition; an item nobody translated is found there by its title, summary and places, its text in its own edition", async () => {
    const root = await fixture({ regions: fixtureRegions, items: [{ ...item, incidents: [{ type: "battles", region: "gao", place: "Gao" }] }, { ...other, body: "Words only the English text holds.", incidents: [{ type: "battles", country: "niger", region: "tillaberi", place: "Ouallam" }] }] });
    await writeText(root, "content/articles/2020/ouane-interview.fr.md", translation('title: "Dialogue avec les djihadistes"\nsummary: "Le Premier ministre parle."', "Le corps *traduit*."));
    const digest = buildDigest(await loadContent({ root, now }));
    const [en, fr] = [searchRecords(digest), searchRecords(digest.others[0]!)];
    const record = (records: typeof en, slug: string) => records.find((r) => r.url.includes(slug))!.content;
    // In English, the English item's text; in French, the translation's.
    expect(record(en, "untranslated")).toContain("Words only the English text holds.");
    expect(record(fr, "ouane-interview")).toContain("Le corps traduit.");
    // Left in English in the French edition: its title, summary and places, not its text again.
    expect(record(fr, "untranslated")).toContain("Left in English");
    expect(record(fr, "untranslated")).toContain("Ouallam");
    expect(record(fr, "untranslated")).not.toContain("Words only");
  });

  it("may repeat the shared fields, which must then agree with the original's", async () => {
    const root = await fixture({ items: [item] });
    await writeText(
      root,
      "content/articles/2020/ouane-interview.fr.md",
      translation('title: "Titre"\nsummary: "Résumé."\ndate: 2020-12-04\ncountries: [mali]\ntags: [jnim, elections]\nsource:\n  name: "Fixture Wire"'),
    );
    const problems = await problemsOf(root);
    expect(problems).toContainEqual(expect.stringMatching(/^content\/articles\/2020\/ouane-interview\.fr\.md:4 date: differs from the original's \(content\/articles\/2020\/ouane-interview\.md: 2020-12-03\).*\(got: "2020-12-04"\)$/));
    expect(problems).toContainEqual(expect.stringMatching(/ouane-interview\.fr\.md:6 tags: differs from the original's \(.*: jnim\)/));
    // The repeated countries and source agree: no problem for them.
    expect(problems.filter((p) => / (countries|source): /.test(p))).toEqual([]);
    expect(problems).toHaveLength(2);
  });

  it("must have an original, in a language that is an edition, and not the digest's own", async () => {
    const root = await fixture({ items: [item] });
    await writeText(root, "content/articles/2020/no-such-item.fr.md", translation('title: "T"\nsummary: "S."'));
    await writeText(root, "content/articles/2020/ouane-interview.de.md", translation('title: "T"\nsummary: "S."'));
    await writeText(root, "content/articles/2020/ouane-interview.en.md", translation('title: "T"\nsummary: "S."'));
    await writeText(root, "content/issues/2020-W50.fr.md", translation('headline: "H"'));
    const problems = await problemsOf(root);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/articles\/2020\/no-such-item\.fr\.md file name: is a translation of content\/articles\/2020\/no-such-item\.md, which does not exist/),
        expect.stringMatching(/^content\/articles\/2020\/ouane-interview\.de\.md file name: names the language "de", which is not an edition of the digest \(editions in site\.ts: fr\)/),
        expect.stringMatching(/^content\/articles\/2020\/ouane-interview\.en\.md file name: names en, the digest's own language/),
        expect.stringMatching(/^content\/issues\/2020-W50\.fr\.md file name: is a translation of content\/issues\/2020-W50\.md, which does not exist/),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("keep a draft translation out of the published edition, which shows the original", async () => {
    const root = await fixture({ items: [item] });
    await writeText(root, "content/articles/2020/ouane-interview.fr.md", translation('title: "Brouillon"\nsummary: "Pas prêt."\ndraft: true'));
    const published = await loadContent({ root, now });
    expect(published.items[0]!.translations).toBeUndefined();
    const preview = await loadContent({ root, now, includeDrafts: true });
    expect(preview.items[0]!.translations?.fr?.title).toBe("Brouillon");
    // The preview shows it in the French edition, marked as a draft; the English one is not.
    const digest = buildDigest(preview);
    expect(digest.items[0]).toMatchObject({ title: "Talks with jihadists", draft: false });
    expect(digest.others[0]!.items[0]).toMatchObject({ title: "Brouillon", draft: true });
  });

  it("go with their original when it is held back", async () => {
    const root = await fixture({ items: [{ ...item, draft: true }, other] });
    await writeText(root, "content/articles/2020/ouane-interview.fr.md", translation('title: "Secret"\nsummary: "Pas encore."'));
    const digest = buildDigest(await loadContent({ root, now }));
    const french = digest.others[0]!;
    expect(french.items.map((i) => i.slug)).toEqual(["untranslated"]);
    expect(JSON.stringify(french)).not.toContain("Secret");
  });
});

describe("site settings for editions", () => {
  it("name every actor and theme in each edition's language, and only languages with a catalogue", async () => {
    const root = await fixture({ actors: fixtureActors, site: { editions: [{ language: "fr", description: "D." }, { language: "de", description: "D." }] } });
    const problems = await problemsOf(root);
    expect(problems).toEqual(
      expect.arrayContaining([
        "content/_data/actors.ts jnim.translations.fr.name: is missing: the digest has an edition in fr (site.ts editions), which names every actor and theme in its language",
        "content/_data/actors.ts barkhane.translations.fr.name: is missing: the digest has an edition in fr (site.ts editions), which names every actor and theme in its language",
        expect.stringMatching(/^content\/_data\/site\.ts editions\[1\]\.language: has no message catalogue \(de\.json in messages\/ or content\/_messages\/\); the catalogues found are: ar, en, fr \(got: "de"\)$/),
      ]),
    );
  });
});

describe("site settings for a language with a region", () => {
  it("read their language's catalogue: en-GB is English, and needs a notice in each edition", async () => {
    const root = await fixture({ site: { language: "en-GB", notice: "A sample.", editions: [{ language: "fr", description: "D." }] }, items: [item] });
    expect(await problemsOf(root)).toEqual(["content/_data/site.ts editions[0].notice: is missing: site.ts has a notice, which every edition shows in its own language"]);
    const single = await fixture({ site: { language: "en-GB", editions: [] }, items: [item] });
    const digest = buildDigest(await loadContent({ root: single, now }));
    expect(digest.edition.language).toBe("en-GB");
    expect(digest.issues[0]!.title).toBe("Week 49, 2020");
  });
});

describe("the French edition's digest", () => {
  it("takes names, words, dates and numbers in French, and marks what is left in English", async () => {
    const root = await fixture({
      items: [item, other, { path: "2020/december-first", title: "First", date: "2020-12-01", countries: ["mali"], incidents: [{ type: "battles", region: "gao", fatalities: "at least 1200" }] }],
      regions: [{ slug: "gao", name: "Gao", country: "mali", iso: "ML-7", translations: { fr: { name: "Gao" } } }],
    });
    await writeText(root, "content/articles/2020/ouane-interview.fr.md", translation('title: "Dialogue avec les djihadistes"\nsummary: "Le Premier ministre parle."'));
    const digest = buildDigest(await loadContent({ root, now }));
    const [en, fr] = [digest, digest.others[0]!];
    expect(fr.edition).toMatchObject({ language: "fr", folder: "fr/", isDefault: false });
    expect(fr.site.url).toBe("https://digest.example/fr/");
    expect(fr.issues[0]!.title).toBe("Semaine 49 de 2020");
    expect(en.issues[0]!.title).toBe("Week 49, 2020");
    expect(fr.issues[0]!.range).toBe("30 novembre – 6 décembre 2020");
    const frItem = (slug: string) => fr.items.find((i) => i.slug === slug)!;
    expect(frItem("ouane-interview")).toMatchObject({ title: "Dialogue avec les djihadistes", dateText: "jeudi 3 décembre 2020" });
    expect(frItem("ouane-interview").language).toBeUndefined();
    expect(frItem("untranslated")).toMatchObject({ title: "Left in English", language: "en" });
    expect(frItem("december-first").dateText).toBe("mardi 1er décembre 2020");
    const incident = frItem("december-first").incidents[0]!;
    // French number formatting: a narrow no-break space between thousands.
    expect(incident).toMatchObject({ typeLabel: "Affrontements", fatalitiesText: "au moins 1\u202f200" });
    expect(en.items.find((i) => i.slug === "december-first")!.incidents[0]!.fatalitiesText).toBe("at least 1,200");
    expect(fr.tags.find((t) => t.slug === "jnim")).toMatchObject({ name: "JNIM (fr)", kindLabel: "Groupe armé", descriptionLanguage: "en" });
    // French typography: a no-break space before a colon.
    expect(fr.feeds.items.title).toBe("Fixture Digest\u00a0: tous les articles (français)");
    expect(fr.feeds.digest.entries[0]!.summary).toMatch(/^3 articles, 30 novembre – 6 décembre 2020\u00a0: /);
  });
});
