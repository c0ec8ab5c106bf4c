// An item's corrections: the checks of their dates and words, the order readers see them in,
// the feed entry's updated date, and the JSON-LD's escaping.
import { afterEach, describe, expect, it } from "vitest";
import { correctionDateProblems } from "../../src/content/load/corrections.ts";
import { correctionViews, lastCorrected } from "../../src/digest/corrections.ts";
import { newsArticle, scriptJson } from "../../src/pages/json-ld.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { loadContent } from "../../src/content/load/content.ts";
import { createFixture, fixtureActors, fixtureThemes, writeText, type FixtureOptions } from "../fixtures/content.ts";
import { LATER, problemsOf } from "../fixtures/problems.ts";
import { modelContent, modelItem } from "../fixtures/model.ts";
import { english } from "../fixtures/words.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});
async function fixture(options: FixtureOptions) {
  // With a French edition, which names every actor and theme.
  const created = await createFixture({
    site: { editions: [{ language: "fr", description: "Un condensé." }] },
    actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: a.name } } })),
    themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: "Élections" } } })),
    ...options,
  });
  cleanups.push(created.remove);
  return created.root;
}

describe("the dates of corrections", () => {
  const days = { itemDay: "2020-12-12", today: "2020-12-30" };
  it("accepts a correction made on the day of publication or after it, up to the build's day", () => {
    expect(correctionDateProblems([{ date: "2020-12-12", what: "x" }, { date: "2020-12-21", what: "y" }, { date: "2020-12-30", what: "z" }], days)).toEqual([]);
  });
  it("refuses one before publication and one in the future, each at its own field", () => {
    expect(correctionDateProblems([{ date: "2020-12-11", what: "x" }, { date: "2020-12-31", what: "y" }], days)).toEqual([
      { path: ["corrections", 0, "date"], message: "is before the item was published (2020-12-12): a correction is made after publication", value: "2020-12-11" },
      { path: ["corrections", 1, "date"], message: "is in the future (the build runs on 2020-12-30): write the day the correction was made", value: "2020-12-31" },
    ]);
  });
  it("leaves entries it cannot read to the schema", () => {
    expect(correctionDateProblems([{ date: "22 Dec" }, "text", null], days)).toEqual([]);
    expect(correctionDateProblems("not a list", days)).toEqual([]);
  });
});

describe("an item's corrections as readers see them", () => {
  it("are newest first, the written order kept within a day, the latest day being the item's modified date", () => {
    const words = english;
    const corrections = [{ date: "2020-12-14", what: "a" }, { date: "2020-12-21", what: "b", toll: { from: "at least 28", to: "34" } }, { date: "2020-12-14", what: "c" }];
    expect(correctionViews(corrections, "Africa/Niamey", words).map((c) => [c.date, c.what])).toEqual([["2020-12-21", "b"], ["2020-12-14", "a"], ["2020-12-14", "c"]]);
    expect(correctionViews(corrections, "Africa/Niamey", words)[0]).toMatchObject({ dateText: "21 December 2020", toll: { from: "at least 28", to: "34" } });
    expect(lastCorrected(corrections)).toBe("2020-12-21");
    expect(lastCorrected([])).toBeUndefined();
  });

  it("put the most recently corrected item first on the corrections page, and give its feed entry that day as updated", () => {
    const corrected = (slug: string, date: string, on: string) => ({ ...modelItem(slug, date, ["mali"]), corrections: [{ date: on, what: `fixed ${slug}` }] });
    const digest = buildDigest(modelContent([corrected("old", "2020-12-01", "2020-12-20"), modelItem("plain", "2020-12-05", ["mali"]), corrected("new", "2020-12-10", "2020-12-15")]));
    expect(digest.corrected.map((i) => i.slug)).toEqual(["old", "new"]);
    const entry = digest.feeds.items.entries.find((e) => e.item?.slug === "old")!;
    expect(entry.publishedIso).toBe("2020-12-01T00:00:00Z");
    expect(entry.updatedIso).toBe("2020-12-20T00:00:00Z");
    expect(digest.feeds.items.entries.find((e) => e.item?.slug === "plain")!.updatedIso).toBe("2020-12-05T00:00:00Z");
    expect(digest.feeds.corrections.entries.map((e) => [e.title, e.updatedIso])).toEqual([["Correction: Title old", "2020-12-20T00:00:00Z"], ["Correction: Title new", "2020-12-15T00:00:00Z"]]);
  });
});

describe("the item's JSON-LD", () => {
  it("gives both dates, and no '<' an editor wrote as itself", () => {
    const digest = buildDigest(modelContent([{ ...modelItem("x", "2020-12-01", ["mali"]), title: "</script><script>alert(1)</script>", corrections: [{ date: "2020-12-20", what: "w" }] }]));
    const item = digest.items[0]!;
    const text = scriptJson(newsArticle(item, { url: "https://digest.example/articles/2020/x/", language: "en", publisher: "P" }));
    expect(text).not.toContain("<");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)).toMatchObject({ "@type": "NewsArticle", headline: "</script><script>alert(1)</script>", datePublished: "2020-12-01", dateModified: "2020-12-20" });
  });
});

describe("loading corrections", () => {
  const item = { path: "2020/toumour", title: "Toumour", date: "2020-12-12", countries: ["niger"] };

  it("reads them, and a translation's words for them in the original's order", async () => {
    const root = await fixture({
      items: [{ ...item, corrections: [{ date: "2020-12-21", what: "Toll updated.", toll: { from: "at least 28", to: "34" } }, { date: "2020-12-22", what: "Spelling." }] }],
    });
    await writeText(root, "content/articles/2020/toumour.fr.md", '---\ntitle: "Toumour"\nsummary: "Résumé."\ncorrections:\n  - { date: 2020-12-21, what: "Bilan mis à jour.", toll: { from: "au moins 28", to: "34" } }\n---\nCorps.\n');
    const content = await loadContent({ root, now: LATER });
    expect(content.items[0]!.corrections).toEqual([{ date: "2020-12-21", what: "Toll updated.", toll: { from: "at least 28", to: "34" } }, { date: "2020-12-22", what: "Spelling." }]);
    const fr = buildDigest(content).others[0]!;
    // The untranslated one is shown as written, and says its language.
    expect(fr.items[0]!.corrections).toEqual([
      expect.objectContaining({ date: "2020-12-22", what: "Spelling.", language: "en" }),
      expect.objectContaining({ date: "2020-12-21", what: "Bilan mis à jour.", toll: { from: "au moins 28", to: "34" }, dateText: "lundi 21 décembre 2020" }),
    ]);
  });

  it("names the file, line, field and value of every bad correction", async () => {
    const root = await fixture({
      items: [{ ...item, corrections: [{ date: "2020-12-11", what: "Before." }, { date: "2031-01-01", what: "Future." }, { date: "2020-12-20", what: "  " }] }],
    });
    expect(await problemsOf(root)).toEqual([
      'content/articles/2020/toumour.md:10 corrections[0].date: is before the item was published (2020-12-12): a correction is made after publication (got: "2020-12-11")',
      'content/articles/2020/toumour.md:11 corrections[1].date: is in the future (the build runs on 2030-01-01): write the day the correction was made (got: "2031-01-01")',
      'content/articles/2020/toumour.md:12 corrections[2].what: must not be empty (got: "  ")',
    ]);
  });

  it("refuses a translation's correction the original has not, or with another date", async () => {
    const root = await fixture({
      items: [{ ...item, corrections: [{ date: "2020-12-21", what: "Toll updated." }] }],
    });
    await writeText(root, "content/articles/2020/toumour.fr.md", '---\ntitle: "Toumour"\nsummary: "Résumé."\ncorrections:\n  - { date: 2020-12-20, what: "Bilan." }\n  - { what: "De trop." }\n---\nCorps.\n');
    const problems = await problemsOf(root);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/articles\/2020\/toumour\.fr\.md:5 corrections\[0\]\.date: differs from the original's \(content\/articles\/2020\/toumour\.md: 2020-12-21\).*\(got: "2020-12-20"\)$/),
      expect.stringMatching(/^content\/articles\/2020\/toumour\.fr\.md:6 corrections\[1\]: has no correction to translate: the original .* records 1/),
    ]);
  });
});
