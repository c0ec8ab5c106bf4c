// A corrected item, built once: shown at the top of its page with its toll's change, listed on
// the corrections page of each edition, in the corrections feed, and once more in a feed reader
// (its entry's <updated> is the correction's day); its JSON-LD gives both dates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { parse } from "csv-parse/sync";
import { parseFeed } from "feedsmith";
import { buildSite } from "../../src/publish/build.ts";
import { createFixture, fixtureActors, fixtureRegions, fixtureThemes, writeText } from "../fixtures/content.ts";

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
const text = (relative: string) => readFile(path.join(site, relative), "utf8");

beforeAll(async () => {
  fixture = await createFixture({
    site: { editions: [{ language: "fr", description: "Un condensé de test." }] },
    actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: a.name } } })),
    themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: "Élections" } } })),
    regions: fixtureRegions,
    items: [
      {
        path: "2020/toumour", title: "Raid on <Toumour>", date: "2020-12-12", countries: ["niger"],
        incidents: [{ type: "violence-against-civilians", region: "tillaberi", fatalities: 34 }],
        corrections: [{ date: "2020-12-21", what: "The toll is now the rights commission's </script>.", toll: { from: "at least 28", to: "34" } }],
      },
      { path: "2020/plain", title: "Plain", date: "2020-12-10", countries: ["mali"], incidents: [{ type: "battles", region: "mopti", fatalities: 1 }] },
    ],
  });
  await writeText(fixture.root, "content/articles/2020/toumour.fr.md", '---\ntitle: "Raid sur Toumour"\nsummary: "Résumé."\ncorrections:\n  - what: "Le bilan est désormais celui de la commission."\n    toll: { from: "au moins 28", to: "34" }\n---\nCorps.\n');
  site = (await buildSite({ root: fixture.root })).output;
});
afterAll(async () => fixture.remove());

describe("a corrected item", () => {
  it("shows its corrections at the top of its page, in each edition's words", async () => {
    const $ = load(await text("articles/2020/toumour/index.html"));
    const section = $("article.item > section.corrections");
    expect(section.prev().is("header")).toBe(true);
    expect(section.find("li").text().replace(/[ \n\t]+/g, " ")).toBe("Corrected on 21 December 2020: The toll is now the rights commission's </script>. Toll: from at least 28 to 34.");
    const fr = load(await text("fr/articles/2020/toumour/index.html"));
    expect(fr("section.corrections li").text().replace(/[ \n\t]+/g, " ")).toBe("Corrigé le lundi 21 décembre 2020\u00a0: Le bilan est désormais celui de la commission. Bilan\u00a0: précédemment au moins 28, désormais 34.");
    expect(load(await text("articles/2020/plain/index.html"))("section.corrections")).toHaveLength(0);
  });

  it("has NewsArticle JSON-LD with its published and modified dates, editor text escaped", async () => {
    const html = await text("articles/2020/toumour/index.html");
    const $ = load(html);
    const script = $('head script[type="application/ld+json"]');
    expect(script).toHaveLength(1);
    const raw = script.text();
    expect(raw).not.toContain("<");
    expect(JSON.parse(raw)).toMatchObject({ "@type": "NewsArticle", headline: "Raid on <Toumour>", datePublished: "2020-12-12", dateModified: "2020-12-21", url: "https://digest.example/articles/2020/toumour/" });
    const plain = JSON.parse(load(await text("articles/2020/plain/index.html"))('script[type="application/ld+json"]').text());
    expect([plain.datePublished, plain.dateModified]).toEqual(["2020-12-10", "2020-12-10"]);
  });

  it("is listed on the corrections page of each edition, linked from the footer and the sitemap", async () => {
    for (const folder of ["", "fr/"]) {
      const $ = load(await text(`${folder}corrections/index.html`));
      expect($("article.corrected-item h2 a").map((_, a) => $(a).attr("href")).get()).toEqual([`/${folder}articles/2020/toumour/`]);
      expect(load(await text(`${folder}index.html`))(`footer a[href="/${folder}corrections/"]`)).toHaveLength(1);
    }
    const sitemap = await text("sitemap.xml");
    expect(sitemap).toContain("<loc>https://digest.example/corrections/</loc>");
    expect(sitemap).toContain("<loc>https://digest.example/fr/corrections/</loc>");
  });

  it("comes back once in a feed reader: its entry's updated is the correction's day, its id unchanged", async () => {
    const atom = parseFeed(await text("articles/feed.xml"));
    expect(atom.format).toBe("atom");
    const entries = (atom.feed as { entries: { id: string; published?: string; updated?: string }[] }).entries;
    const corrected = entries.find((e) => e.id.endsWith("/item/toumour"))!;
    expect(corrected.published).toBe("2020-12-12T00:00:00Z");
    // Africa/Bamako is on UTC: the correction's day starts at midnight.
    expect(corrected.updated).toBe("2020-12-21T00:00:00Z");
    // The feed itself is updated with its newest entry: the correction, after every publication.
    expect((atom.feed as { updated?: string }).updated).toBe("2020-12-21T00:00:00Z");
    const plain = entries.find((e) => e.id.endsWith("/item/plain"))!;
    expect(plain.updated).toBe(plain.published);
    const json = JSON.parse(await text("articles/feed.json"));
    expect(json.items.find((i: { id: string }) => i.id.endsWith("/item/toumour")).date_modified).toBe("2020-12-21T00:00:00Z");
  });

  it("brings its issue back once in the digest's feeds: same id and guid, same pubDate, updated on the correction's day, the correction in its content", async () => {
    // What a feed reader does: it keys entries by id (Atom) or guid (RSS), shows a new key as
    // new and, for Atom, an entry whose <updated> moved as changed. So the corrected issue must
    // keep its key (not a second entry), and carry the correction where a reader shows it.
    const atom = parseFeed(await text("feed.xml"));
    const atomEntries = (atom.feed as { entries: { id: string; published?: string; updated?: string; content?: { value?: string } | string }[] }).entries;
    expect(new Set(atomEntries.map((e) => e.id)).size).toBe(atomEntries.length);
    const issue = atomEntries.find((e) => e.id.endsWith("/issue/2020-W50"))!;
    expect(issue.published).toBe("2020-12-07T00:00:00Z");
    expect(issue.updated).toBe("2020-12-21T00:00:00Z");
    const content = typeof issue.content === "string" ? issue.content : issue.content!.value!;
    expect(load(content).text()).toContain("Corrected on 21 December 2020: The toll is now the rights commission's </script>. Toll: from at least 28 to 34.");

    const rss = parseFeed(await text("rss.xml"));
    expect(rss.format).toBe("rss");
    const items = (rss.feed as { items: { guid?: { value: string }; pubDate?: string; content?: { encoded?: string } }[] }).items;
    const guids = items.map((i) => i.guid?.value);
    expect(new Set(guids).size).toBe(items.length);
    const rssIssue = items.find((i) => i.guid?.value === issue.id)!;
    // RSS has no updated date: the pubDate stays the week's opening, and the content says what changed.
    expect(rssIssue.pubDate).toBe("Mon, 07 Dec 2020 00:00:00 +0000");
    expect(load(rssIssue.content!.encoded!).text()).toContain("Toll: from at least 28 to 34.");
  });

  it("is marked corrected on its issue page, linking to its corrections, in each edition", async () => {
    const $ = load(await text("issues/2020-w50/index.html"));
    const card = $("article.item-card").filter((_, a) => $(a).find(".item-title a").attr("href") === "/articles/2020/toumour/");
    expect(card.find(".corrected-mark").text().replace(/\s+/g, " ").trim()).toBe("Corrected on 21 December 2020");
    expect(card.find(".corrected-mark a").attr("href")).toBe("/articles/2020/toumour/#corrections-heading");
    expect($("article.item-card .corrected-mark")).toHaveLength(1);
    const fr = load(await text("fr/issues/2020-w50/index.html"));
    expect(fr(".corrected-mark").text().replace(/\s+/g, " ").trim()).toBe("Corrigé le lundi 21 décembre 2020");
  });

  it("is in the open data's corrections.csv, whole and by country, with its toll's change", async () => {
    const rows = parse(await text("data/corrections.csv"), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { date: "2020-12-21", item_url: "https://digest.example/articles/2020/toumour/", item_title: "Raid on <Toumour>", what: "The toll is now the rights commission's </script>.", toll_from: "at least 28", toll_to: "34" },
    ]);
    expect(parse(await text("data/countries/niger/corrections.csv"), { columns: true })).toEqual(rows);
    expect(parse(await text("data/countries/mali/corrections.csv"), { columns: true })).toEqual([]);
  });

  it("is in the corrections feed, Atom and JSON, listed on the subscribe page and in the OPML", async () => {
    const atom = parseFeed(await text("corrections/feed.xml"));
    const entries = (atom.feed as { entries: { id: string; title?: { value: string }; updated?: string; summary?: { value: string } }[] }).entries;
    expect(entries.map((e) => [e.id, e.title?.value, e.updated])).toEqual([["tag:digest.example,2020:/item/toumour/correction/2020-12-21", "Correction: Raid on <Toumour>", "2020-12-21T00:00:00Z"]]);
    expect(entries[0]!.summary?.value).toBe("The toll is now the rights commission's </script>. Toll: from at least 28 to 34.");
    const json = JSON.parse(await text("fr/corrections/feed.json"));
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(["Correction\u00a0: Raid sur Toumour"]);
    const $ = load(await text("subscribe/index.html"));
    expect($('a[href="/corrections/feed.xml"]')).toHaveLength(1);
    expect(await text("feeds.opml")).toContain('xmlUrl="https://digest.example/corrections/feed.xml"');
  });
});
