// Every feed the site writes, read back with parsers that had no part in writing it: feedsmith
// (a maintained RSS/Atom/JSON Feed/OPML parser) and saxes (a strict, namespace-aware XML parser).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { parseFeed, parseOpml } from "feedsmith";
import { SaxesParser } from "saxes";
import { buildSite } from "../../src/publish/build.ts";
import { createFixture, fixtureActors, fixtureThemes, writeItem, writeText, type FixtureItem } from "../fixtures/content.ts";
import { builtSample } from "../fixtures/sample.ts";

const items: FixtureItem[] = [
  {
    path: "2020/segou", title: `Ségou & Ménaka: "talks" <now>`, date: "2020-12-01T08:00:00+01:00", countries: ["mali"], tags: ["jnim"],
    summary: "Fighting near Ségou & Ménaka; N'Djamena <watches>.", source: { name: "Wire & <Co>", url: "https://wire.example/a?x=1&y=2" },
    body: "See [the week](/issues/2020-w49/), [the map](map/) and [a source](https://src.example/p?a=1&b=2).",
  },
  { path: "2020/niger-one", title: "Niger one", date: "2020-12-03", countries: ["niger"], tags: ["barkhane"] },
  { path: "2020/both", title: "Both", date: "2020-11-24", countries: ["mali", "niger"], tags: ["jnim", "elections"] },
  { path: "2020/a-draft", title: "A draft", date: "2020-12-02", countries: ["mali"], tags: ["jnim"], draft: true },
  { path: "2099/future", title: "Embargoed", date: "2099-01-01", countries: ["mali"], tags: ["jnim"] },
];

/** Markup an editor pasted into a trend's reason and an alert's: text in every feed, never an element. */
const LIVE_IMAGE = '<img src="https://other.example/x.png">';
const figures = [
  { country: "mali", week: "2020-W49", trend: "deteriorated", reason: `Raids spread ${LIVE_IMAGE} & more.`, alerts: [{ kind: "conflict-risk", reason: `Talks <b>stalled</b> ${LIVE_IMAGE}` }] },
];

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
const text = (relative: string) => readFile(path.join(site, relative), "utf8");

beforeAll(async () => {
  // With a French edition: every check below runs on its feeds too (feedFiles() finds them under fr/).
  fixture = await createFixture({
    items,
    figures,
    site: { url: "https://example.org/digest/", editions: [{ language: "fr", description: "Un condensé de test." }] },
    actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: a.name } } })),
    themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: "Élections" } } })),
    notes: { "2020-W49": ["Lead & <headline>", "Lead with [a link](/countries/mali/)."] },
  });
  await writeText(fixture.root, "content/articles/2020/niger-one.fr.md", '---\ntitle: "Niger, premier"\nsummary: "Un résumé & <balise>."\n---\nVoir [la semaine](/issues/2020-w49/).\n');
  site = (await buildSite({ root: fixture.root })).output;
});
afterAll(async () => fixture.remove());

async function feedFiles(): Promise<string[]> {
  const files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/"));
  return files.filter((f) => /(^|\/)(feed\.xml|feed\.json|rss\.xml|feeds\.opml)$/.test(f)).sort();
}

/** Throws on anything a conforming, namespace-aware XML parser refuses (undeclared prefixes too). */
function strictXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
}

/** feedsmith gives Atom text constructs as { value }. */
function value(construct: unknown): string {
  return typeof construct === "object" && construct !== null && "value" in construct ? String((construct as { value: unknown }).value) : String(construct);
}

function hrefs(html: string): string[] {
  const $ = load(html);
  return $("[href], [src]").map((_, el) => $(el).attr("href") ?? $(el).attr("src")!).get();
}

describe("feeds", () => {
  it("are written for the digest, all items, every country and every tag", async () => {
    const files = await feedFiles();
    expect(files).toEqual(expect.arrayContaining([
      "feed.xml", "rss.xml", "feed.json", "articles/feed.xml", "articles/feed.json",
      "countries/mali/feed.xml", "countries/niger/feed.json", "tags/jnim/feed.xml", "tags/elections/feed.json", "feeds.opml",
    ]));
    // 4 countries + 3 tags, each Atom and JSON; the digest, the items, the corrections and the monthly feed; RSS (the digest's and the months'); OPML: in each edition.
    expect(files).toEqual(expect.arrayContaining(["months/feed.xml", "months/feed.json", "months/rss.xml"]));
    expect(files).toHaveLength(((4 + 3) * 2 + 4 * 2 + 2 + 1) * 2);
    expect(files.filter((f) => f.startsWith("fr/")).map((f) => f.slice(3))).toEqual(files.filter((f) => !f.startsWith("fr/")));
  });

  it("are well-formed, namespace-correct XML and valid JSON", async () => {
    for (const file of await feedFiles()) {
      const body = await text(file);
      if (file.endsWith(".json")) expect(() => JSON.parse(body), file).not.toThrow();
      else expect(() => strictXml(body), file).not.toThrow();
    }
  });

  it("give the digest one entry per issue, with the whole issue in full URLs", async () => {
    const atom = parseFeed(await text("feed.xml"));
    expect(atom.format).toBe("atom");
    if (atom.format !== "atom") return;
    const entries = atom.feed.entries ?? [];
    expect(entries.map((e) => value(e.title))).toEqual(["Week 49, 2020: Lead & <headline>", "Week 48, 2020 (23–29 November 2020)"]);
    expect(entries.map((e) => e.id)).toEqual(["tag:example.org,2020:/digest/issue/2020-W49", "tag:example.org,2020:/digest/issue/2020-W48"]);
    expect(entries[0]!.links?.[0]?.href).toBe("https://example.org/digest/issues/2020-w49/");
    expect(entries[0]!.published).toBe("2020-11-30T00:00:00Z");
    expect(entries[0]!.updated).toBe("2020-12-03T00:00:00Z");
    expect(atom.feed.updated).toBe("2020-12-03T00:00:00Z");
    const html = value(entries[0]!.content);
    expect(html).toContain("Ségou &amp; Ménaka: &quot;talks&quot; &lt;now&gt;");
    expect(html).toContain("Fighting near Ségou &amp; Ménaka; N&#39;Djamena &lt;watches&gt;.");
    expect(html).toContain('<a href="https://example.org/digest/countries/mali/">a link</a>');
    for (const href of hrefs(html)) expect(href).toMatch(/^https:\/\//);

    const rss = parseFeed(await text("rss.xml"));
    if (rss.format !== "rss") throw new Error(`expected RSS, got ${rss.format}`);
    expect(rss.feed.items?.map((i) => i.guid?.value)).toEqual(entries.map((e) => e.id));
    expect(rss.feed.items?.[0]?.pubDate).toBe("Mon, 30 Nov 2020 00:00:00 +0000");
    expect(rss.feed.items?.[0]?.content?.encoded).toBe(html);
    expect(rss.feed.lastBuildDate).toBe("Thu, 03 Dec 2020 00:00:00 +0000");

    const json = parseFeed(await text("feed.json"));
    if (json.format !== "json") throw new Error(`expected JSON Feed, got ${json.format}`);
    expect(json.feed.items?.map((i) => [i.id, i.title, i.url, i.date_published])).toEqual(
      entries.map((e) => [e.id, value(e.title), e.links?.[0]?.href, e.published]),
    );
    expect(json.feed.items?.[0]?.content_html).toBe(html);
  });

  it("give a country its newest items, in full, and nothing held back", async () => {
    const atom = parseFeed(await text("countries/mali/feed.xml"));
    if (atom.format !== "atom") throw new Error("expected Atom");
    const entries = atom.feed.entries ?? [];
    expect(entries.map((e) => value(e.title))).toEqual([`Ségou & Ménaka: "talks" <now>`, "Both"]);
    expect(entries.map((e) => e.id)).toEqual(["tag:example.org,2020:/digest/item/segou", "tag:example.org,2020:/digest/item/both"]);
    expect(entries[0]!.published).toBe("2020-12-01T07:00:00Z");
    expect(value(entries[0]!.summary)).toBe("Fighting near Ségou & Ménaka; N'Djamena <watches>.");
    expect(atom.feed.updated).toBe("2020-12-01T07:00:00Z");
    const links = hrefs(value(entries[0]!.content));
    expect(links).toEqual(expect.arrayContaining([
      "https://example.org/digest/issues/2020-w49/",
      "https://example.org/digest/articles/2020/segou/map/",
      "https://src.example/p?a=1&b=2",
      "https://wire.example/a?x=1&y=2",
    ]));
    for (const href of links) expect(href).toMatch(/^https:\/\//);
  });

  it("never carry drafts or embargoed items, in any feed", async () => {
    for (const file of await feedFiles()) {
      const body = await text(file);
      expect(body, file).not.toContain("A draft");
      expect(body, file).not.toContain("Embargoed");
    }
  });

  it("meet JSON Feed 1.1's required fields", async () => {
    for (const file of (await feedFiles()).filter((f) => f.endsWith(".json"))) {
      const feed = JSON.parse(await text(file));
      expect(feed.version, file).toBe("https://jsonfeed.org/version/1.1");
      expect(typeof feed.title, file).toBe("string");
      expect(feed.feed_url, file).toBe(`https://example.org/digest/${file}`);
      for (const item of feed.items) {
        expect(typeof item.id).toBe("string");
        expect(typeof item.content_html).toBe("string");
        expect(item.url).toMatch(/^https:\/\/example\.org\/digest\//);
      }
    }
  });

  it("are listed in OPML files that can each be imported whole: the digest, the countries and the corrections, then the actors and themes", async () => {
    const urls = async (file: string) => (parseOpml(await text(file)).body?.outlines ?? []).map((o) => o.xmlUrl);
    const main = await urls("feeds.opml");
    expect(main).toEqual([
      "https://example.org/digest/feed.xml",
      ...["mali", "burkina-faso", "niger", "sahel"].map((c) => `https://example.org/digest/countries/${c}/feed.xml`),
      // Its entries are corrections, never an item or an issue: no overlap.
      "https://example.org/digest/corrections/feed.xml",
      // Its entries are months, never an issue or an item: no overlap.
      "https://example.org/digest/months/feed.xml",
    ]);
    // The every-item feed repeats each country's: it is in no list.
    const tags = await urls("feeds-actors-themes.opml");
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((url) => url!.includes("/tags/"))).toBe(true);
    expect([...main, ...tags]).not.toContain("https://example.org/digest/articles/feed.xml");
  });
});

/** The text of every `name` element of an XML document, as a conforming XML parser reads it. */
function xmlTexts(xml: string, name: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const texts: string[] = [];
  let open: string[] | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    if (tag.name === name) open = [];
  });
  parser.on("text", (t) => open?.push(t));
  parser.on("closetag", (tag) => {
    if (tag.name === name && open) texts.push(open.join(""));
    if (tag.name === name) open = undefined;
  });
  parser.write(xml).close();
  return texts;
}

describe("editors' markup in feeds (issue 26)", () => {
  // RSS readers read <description> as HTML: its text must be escaped for HTML, then for XML.
  it("is text in every RSS description, in every edition", async () => {
    for (const file of ["rss.xml", "fr/rss.xml"]) {
      const shown: string[] = [];
      for (const description of xmlTexts(await text(file), "description")) {
        const $ = load(description, null, false);
        expect($("*").length, `${file}: ${description}`).toBe(0);
        shown.push($.text());
      }
      // What the reader shows: the editor's words, markup and all, as text.
      expect(shown.join("\n"), file).toContain(`${LIVE_IMAGE} & more.`);
    }
  });

  it("is text in Atom's HTML content and JSON Feed's content_html, and only text in their summaries", async () => {
    for (const edition of ["", "fr/"]) {
      const atom = parseFeed(await text(`${edition}feed.xml`));
      if (atom.format !== "atom") throw new Error("expected Atom");
      const json = JSON.parse(await text(`${edition}feed.json`));
      const htmls = [...(atom.feed.entries ?? []).map((e) => value(e.content)), ...json.items.map((i: { content_html: string }) => i.content_html)];
      expect(htmls.join(), edition).toContain(LIVE_IMAGE.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
      for (const html of htmls) {
        const $ = load(html, null, false);
        expect($("img, b").length, html).toBe(0);
        expect($.text()).not.toBe("");
      }
      // A text construct (Atom's summary, JSON Feed's summary) is read as text: once escaped is right.
      expect(value(atom.feed.entries![0]!.summary)).toContain(LIVE_IMAGE);
      expect(json.items[0].summary).toContain(LIVE_IMAGE);
    }
  });
});

describe("the French edition's feeds", () => {
  it("are in French, with their own ids and links, and say which entries are left in English", async () => {
    const atom = parseFeed(await text("fr/feed.xml"));
    if (atom.format !== "atom") throw new Error("expected Atom");
    expect((await text("fr/feed.xml"))).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    const entries = atom.feed.entries ?? [];
    expect(entries.map((e) => value(e.title))).toEqual(["Semaine 49 de 2020\u00a0: Lead & <headline>", "Semaine 48 de 2020 (23–29 novembre 2020)"]);
    // Another entry than the English one: its own id, and a link into the French pages.
    expect(entries[0]!.id).toBe("tag:example.org,2020:/digest/fr/issue/2020-W49");
    expect(entries[0]!.links?.[0]?.href).toBe("https://example.org/digest/fr/issues/2020-w49/");
    expect(value(entries[0]!.content)).toContain('<a href="https://example.org/digest/fr/countries/mali/">a link</a>');

    const niger = await text("fr/countries/niger/feed.xml");
    expect(niger).toContain("<title>Niger, premier</title>");
    expect(niger).toContain("Un résumé &amp; &lt;balise&gt;.");
    const nigerFeed = parseFeed(niger);
    if (nigerFeed.format !== "atom") throw new Error("expected Atom");
    expect(hrefs(value(nigerFeed.feed.entries![0]!.content))).toContain("https://example.org/digest/fr/issues/2020-w49/");
    // The item nobody translated is in English, and its entry says so.
    const mali = await text("fr/countries/mali/feed.xml");
    expect(mali).toMatch(/<entry>\s*<id>[^<]*<\/id>\s*<title>Both \[en anglais\]<\/title>/);
    expect(mali).toContain('<summary xml:lang="en">Summary of Both.</summary>');
    // Its body is marked, the French words around it are not.
    const maliFeed = parseFeed(mali);
    if (maliFeed.format !== "atom") throw new Error("expected Atom");
    expect(value(maliFeed.feed.entries!.find((e) => value(e.title) === "Both [en anglais]")!.content)).toMatch(/<div lang="en">/);
    const json = JSON.parse(await text("fr/countries/mali/feed.json"));
    expect(json.language).toBe("fr");
    expect(json.items.find((i: { title: string }) => i.title === "Both [en anglais]").language).toBe("en");
    // Each edition's feeds say their language in their titles, so a reader with both tells them apart.
    const english = parseFeed(await text("feed.xml"));
    if (english.format !== "atom") throw new Error("expected Atom");
    expect([value(english.feed.title), value(atom.feed.title)]).toEqual(["Fixture Digest (English)", "Fixture Digest (français)"]);
    const rss = await text("fr/rss.xml");
    expect(rss).toContain("<language>fr</language>");
  });
});

describe("pages", () => {
  it("link the digest feed from every page, and a country or tag page its own", async () => {
    for (const file of ["index.html", "issues/2020-w49/index.html", "articles/2020/both/index.html", "404.html", "subscribe/index.html"]) {
      const $ = load(await text(file));
      expect($('link[rel="alternate"][type="application/atom+xml"]').first().attr("href"), file).toBe("/digest/feed.xml");
      expect($('link[rel="alternate"][type="application/rss+xml"]').attr("href"), file).toBe("/digest/rss.xml");
      expect($('footer a[href="/digest/subscribe/"]').length, file).toBe(1);
      expect($('footer a[href="/digest/feeds.opml"]').length, file).toBe(1);
    }
    const mali = load(await text("countries/mali/index.html"));
    expect(mali('link[rel="alternate"][type]').map((_, el) => mali(el).attr("href")).get()).toEqual([
      "/digest/feed.xml", "/digest/rss.xml", "/digest/feed.json", "/digest/countries/mali/feed.xml", "/digest/countries/mali/feed.json",
    ]);
    const jnim = load(await text("tags/jnim/index.html"));
    expect(jnim('link[rel="alternate"][href="/digest/tags/jnim/feed.xml"]').length).toBe(1);
  });

  it("describe every feed on the subscribe page", async () => {
    const $ = load(await text("subscribe/index.html"));
    const links = $("main a").map((_, el) => $(el).attr("href")).get();
    expect(links).toEqual(expect.arrayContaining(["/digest/feed.xml", "/digest/rss.xml", "/digest/feed.json", "/digest/articles/feed.xml", "/digest/countries/sahel/feed.json", "/digest/tags/elections/feed.xml"]));
    expect($("main").text()).toContain("https://example.org/digest/feed.xml");
  });
});

describe("entry ids", () => {
  it("do not change when an item's title, body or date is edited", async () => {
    const own = await createFixture({ items });
    try {
      const ids = async () => {
        const out = (await buildSite({ root: own.root })).output;
        const feed = JSON.parse(await readFile(path.join(out, "articles/feed.json"), "utf8"));
        return feed.items.map((i: { id: string; url: string }) => [i.url, i.id]).sort();
      };
      const before = await ids();
      await writeItem(own.root, { ...items[1]!, title: "Niger one, retitled", date: "2020-12-04", body: "A new body." });
      expect(await ids()).toEqual(before);
    } finally {
      await own.remove();
    }
  });
});

// The sample's Arabic edition (the shared sample build): every feed and OPML list under /ar/,
// read by feedsmith and the strict XML parser, in Arabic and saying so.
describe("the Arabic edition's feeds", () => {
  let sample: string;
  let files: string[];
  beforeAll(async () => {
    sample = await builtSample();
    files = (await readdir(path.join(sample, "ar"), { recursive: true }))
      .map((f) => `ar/${f.split(path.sep).join("/")}`)
      .filter((f) => /\.(xml|json|opml)$/.test(f) && !f.includes("/pagefind/") && !f.startsWith("ar/pagefind/"))
      .sort();
  });
  const read = (file: string) => readFile(path.join(sample, file), "utf8");

  it("parse, every one, in a real feed parser and a strict XML parser, and say they are in Arabic", async () => {
    // The digest, every item, the corrections, and each country's, region's, actor's and theme's.
    expect(files.filter((f) => f.endsWith("/feed.xml")).length).toBeGreaterThan(40);
    for (const file of files) {
      const body = await read(file);
      if (file.endsWith(".opml")) {
        strictXml(body);
        expect(parseOpml(body).body?.outlines?.length, file).toBeGreaterThan(0);
        continue;
      }
      const parsed = parseFeed(body);
      if (file.endsWith(".json")) {
        expect(parsed.format, file).toBe("json");
        expect(JSON.parse(body).language, file).toBe("ar");
        continue;
      }
      strictXml(body);
      if (file.endsWith("rss.xml")) {
        expect(parsed.format, file).toBe("rss");
        expect(body, file).toContain("<language>ar</language>");
      } else {
        expect(parsed.format, file).toBe("atom");
        expect(body, file).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ar">/);
      }
    }
  });

  it("give the Arabic words, and an entry nobody translated in the language it is shown in", async () => {
    const atom = parseFeed(await read("ar/feed.xml"));
    if (atom.format !== "atom") throw new Error("not Atom");
    const w49 = atom.feed.entries!.find((e) => e.id?.endsWith("/ar/issue/2020-W49"))!;
    expect(value(w49.title)).toContain("الأسبوع 49 من عام 2020");
    expect(value(w49.title)).toContain("رئيس الوزراء المالي يفتح الباب");
    const chad = await read("ar/countries/chad/feed.xml");
    // An item in Arabic is shown as it is; one shown in French or English says which, in Arabic,
    // in its title (a title can hold one language mark only, and it now holds two languages).
    expect(chad).toContain("<title>البرلمان التشادي يقرّ تعديلًا دستوريًا");
    expect(chad).not.toMatch(/<title>البرلمان التشادي[^<]*\[باللغة/);
    const mali = await read("ar/countries/mali/feed.xml");
    expect(mali).toMatch(/<title>L’ancien Premier ministre Boubou Cissé[^<]*\[باللغة الفرنسية\]<\/title>/);
    expect(mali).toMatch(/<title>[A-Z][^<]*\[باللغة الإنجليزية\]<\/title>/);
  });
});
