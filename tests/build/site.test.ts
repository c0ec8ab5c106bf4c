// Builds small fixture sites into temporary directories and reads the pages they produce.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { buildSite } from "../../src/publish/build.ts";
import { PAGE_KINDS, type PageKind } from "../../src/pages/table.ts";
import { createFixture, type FixtureItem } from "../fixtures/content.ts";

const items: FixtureItem[] = [
  { path: "2020/mali-one", title: "Mali one", date: "2020-11-30", countries: ["mali"], tags: ["jnim"], location: "Ménaka" },
  {
    path: "2020/mali-and-niger", title: "Mali & Niger <joint>", date: "2020-12-02T10:00:00+01:00", countries: ["mali", "niger"],
    source: { name: "Wire & Co", url: "https://wire.example/story?a=1&b=2", published: "2 December 2020" }, tags: ["barkhane", "elections"],
  },
  { path: "2020/regional", title: "Regional", date: "2020-12-05", countries: ["sahel"] },
  { path: "2020/last-week", title: "Last week", date: "2020-11-26", countries: ["mali"] },
  { path: "2021/new-year", title: "New year", date: "2021-01-05", countries: ["burkina-faso"] },
];

let root: string;
let remove: () => Promise<void>;
let site: string;
let pagesReported: number;

const page = async (sitePath: string): Promise<CheerioAPI> => load(await readFile(path.join(site, sitePath), "utf8"));
const texts = ($: CheerioAPI, selector: string) => $(selector).map((_, el) => $(el).text().trim()).get();

beforeAll(async () => {
  ({ root, remove } = await createFixture({ items, notes: { "2020-W49": ["Lead headline", "The editor's *lead*."] } }));
  ({ output: site, pages: pagesReported } = await buildSite({ root }));
});
afterAll(async () => remove());

describe("the built site", () => {
  it("has every kind of page", async () => {
    const files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).sort();
    for (const expected of [
      "index.html", "404.html", "sitemap.xml", "css/site.css",
      "issues/index.html", "issues/2020-w48/index.html", "issues/2020-w49/index.html", "issues/2021-w01/index.html",
      "countries/index.html", "countries/mali/index.html", "countries/sahel/index.html",
      "tags/index.html", "tags/jnim/index.html", "tags/elections/index.html",
      "articles/2020/mali-one/index.html", "articles/2021/new-year/index.html",
    ]) {
      expect(files).toContain(expected);
    }
    expect(files.filter((f) => /^issues\/\d{4}-w\d{2}\/index\.html$/.test(f))).toHaveLength(3);
    expect(files).toEqual(expect.arrayContaining(["issues/2020/index.html", "issues/2021/index.html", "search/index.html", "js/search.js", "pagefind/2020/pagefind.js", "pagefind/2021/pagefind.js"]));
    // What the build reports having written: every page, not the copied stylesheet and script or the search index.
    const written = await readdir(site, { recursive: true, withFileTypes: true });
    const copied = (entry: { parentPath: string }) => ["css", "js", "img", "pagefind"].some((dir) => `${entry.parentPath}${path.sep}`.includes(`${path.sep}${dir}${path.sep}`));
    expect(pagesReported).toBe(written.filter((entry) => entry.isFile() && !copied(entry)).length);
  });

  it("lists exactly the week's items under the right countries on an issue page", async () => {
    const $ = await page("issues/2020-w49/index.html");
    const sections = $("section.country-section").map((_, el) => ({
      country: $(el).find("h2").text().trim(),
      items: texts(load($(el).html()!), ".item-title a"),
    })).get();
    expect(sections).toEqual([
      { country: "Mali", items: ["Mali one", "Mali & Niger <joint>"] },
      { country: "Niger", items: ["Mali & Niger <joint>"] },
      { country: "Sahel (regional)", items: ["Regional"] },
    ]);
    expect($("h1").text()).toBe("Lead headline");
    expect($(".kicker").first().text()).toBe("Week 49, 2020 · 30 November – 6 December 2020");
    expect($(".lead").html()).toContain("The editor's <em>lead</em>.");
    expect($('a[rel="prev"]').attr("href")).toBe("/issues/2020-w48/");
    expect($('a[rel="next"]').attr("href")).toBe("/issues/2021-w01/");
  });

  it("shows each item's date, summary and source citation in the issue", async () => {
    const $ = await page("issues/2020-w49/index.html");
    const card = $(".item-card").filter((_, el) => $(el).find(".item-title").text().includes("Niger")).first();
    expect(card.find("time").attr("datetime")).toBe("2020-12-02T09:00:00+00:00");
    expect(card.find("time").text()).toBe("2 December 2020, 09:00 GMT");
    expect(card.find(".summary").text()).toBe("Summary of Mali & Niger <joint>.");
    expect(card.find(".source").text()).toBe("Source: Wire & Co, 2 December 2020");
    expect(card.find(".source a").attr("href")).toBe("https://wire.example/story?a=1&b=2");
    expect(card.find(".item-title a").attr("href")).toBe("/articles/2020/mali-and-niger/");
  });

  it("lists a country's items across weeks, newest first", async () => {
    const $ = await page("countries/mali/index.html");
    expect(texts($, ".week-group > h2 a")).toEqual(["Week 49, 2020", "Week 48, 2020"]);
    expect(texts($, ".item-title a")).toEqual(["Mali & Niger <joint>", "Mali one", "Last week"]);
    expect($(".profile").text()).toContain("Mali profile.");
    expect($(".pager").length).toBe(0);
  });

  it("shows an item in full with its source, countries, tags and issue", async () => {
    const $ = await page("articles/2020/mali-and-niger/index.html");
    expect($("h1").text()).toBe("Mali & Niger <joint>");
    expect($(".citation").text().trim()).toBe("Source: Wire & Co, 2 December 2020");
    expect($(".citation a").attr("href")).toBe("https://wire.example/story?a=1&b=2");
    expect(texts($, ".kicker a")).toEqual(["Mali", "Niger"]);
    expect(texts($, ".item-footer a").slice(1)).toEqual(["Week 49, 2020", "Operation Barkhane", "Elections"]);
    expect($(".prose").text().trim()).toBe("Body of Mali & Niger <joint>.");
  });

  it("puts the latest issue in full on the home page, with recent issues and the countries", async () => {
    const $ = await page("index.html");
    expect($(".issue .kicker").first().text()).toContain("Week 1, 2021");
    expect(texts($, ".issue .item-title a")).toEqual(["New year"]);
    expect(texts($, ".issue-list a")).toEqual(["Week 1, 2021", "Week 49, 2020", "Week 48, 2020"]);
    expect(texts($, ".country-list a")).toEqual(["Mali", "Burkina Faso", "Niger", "Sahel (regional)"]);
  });

  it("groups the archive by year", async () => {
    const $ = await page("issues/index.html");
    expect(texts($, "main h2")).toEqual(["2021", "2020"]);
  });

  it("lists every page in the sitemap with absolute URLs", async () => {
    const xml = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(xml).toContain("<loc>https://digest.example/articles/2020/mali-one/</loc><lastmod>2020-11-30</lastmod>");
    expect(xml).toContain("<loc>https://digest.example/issues/2020-w49/</loc><lastmod>2020-12-05</lastmod>");
    // Derived from the files built, not from the table that made them: every HTML page a
    // reader can land on is listed once, and nothing else is.
    const built = (await readdir(site, { recursive: true }))
      .map((file) => file.split(path.sep).join("/"))
      // A week's address as editors write it (issues/2020-W49/) only sends the reader on.
      .filter((file) => file.endsWith(".html") && file !== "404.html" && !file.endsWith("/email.html") && !/^issues\/\d{4}-W\d{2}\//.test(file))
      .map((file) => `https://digest.example/${file.replace(/index\.html$/, "")}`)
      .sort();
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(built);
    expect(built).toContain("https://digest.example/subscribe/");
  });
});

describe("a shared link and a typed address", () => {
  /** A PNG's width and height, from its header. */
  const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

  it("answers a week's address as editors write it (2020-W49) with a page that sends the reader on, with no script", async () => {
    const $ = await page("issues/2020-W49/index.html");
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/issues/2020-w49/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://digest.example/issues/2020-w49/");
    expect($("body a").attr("href")).toBe("/issues/2020-w49/");
    expect($("body a").text()).toBe("Week 49, 2020");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($("script")).toHaveLength(0);
    // Every week, not the issue page overwritten: the issue is still itself.
    expect((await page("issues/2021-W01/index.html"))('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/issues/2021-w01/");
    expect((await page("issues/2020-w49/index.html"))("h1").text()).toBe("Lead headline");
  });

  it("gives every page its title, description, address, locale and image for the apps a link is shared in", async () => {
    const files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith("index.html") && !/^issues\/\d{4}-W/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const $ = await page(file);
      const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr("content");
      // The page's own title, decoded once: "Mali & Niger <joint>", never "&amp;".
      expect(`${meta("og:title")} · Fixture Digest`, file).toBe($("title").text());
      expect(meta("og:description"), file).toBe($('meta[name="description"]').attr("content"));
      expect(meta("og:url"), file).toBe($('link[rel="canonical"]').attr("href"));
      expect([meta("og:site_name"), meta("og:locale"), meta("og:type"), meta("twitter:card")], file).toEqual(["Fixture Digest", "en_US", "website", "summary_large_image"]);
      // X falls back to og:title, og:description and og:image:alt: written once only.
      expect([meta("twitter:title"), meta("twitter:description"), meta("twitter:image:alt")], file).toEqual([undefined, undefined, undefined]);
      expect(meta("twitter:image"), file).toBe(meta("og:image"));
      expect(meta("og:image:alt"), file).toBeTruthy();
      // The image is on this site, and there.
      const image = meta("og:image")!;
      expect(image, file).toMatch(/^https:\/\/digest\.example\/.*card\.png$/);
      const bytes = await readFile(path.join(site, new URL(image).pathname));
      expect(pngSize(bytes), image).toEqual([600, 315]);
      // The size the head gives is the image's own.
      expect([meta("og:image:width"), meta("og:image:height")].map(Number), image).toEqual(pngSize(bytes));
      // Small enough for WhatsApp's preview, which drops images over about 300 KB.
      expect(bytes.length, image).toBeLessThan(300_000);
      // An icon under the site's own path, so no browser asks the host's root for /favicon.ico.
      expect($('link[rel="icon"]').attr("href"), file).toBe("/img/favicon.svg");
    }
    expect(await readFile(path.join(site, "img/favicon.svg"), "utf8")).toMatch(/^<svg /);
    const og = async (file: string) => (await page(file))('meta[property="og:image"]').attr("content");
    // Each issue and each country its own card; other pages the site's.
    expect(await og("issues/2020-w49/index.html")).toBe("https://digest.example/issues/2020-w49/card.png");
    expect(await og("countries/mali/index.html")).toBe("https://digest.example/countries/mali/card.png");
    expect(await og("articles/2020/mali-one/index.html")).toBe("https://digest.example/card.png");
    expect((await page("issues/2020-w49/index.html"))('meta[property="og:image:alt"]').attr("content")).toBe("Lead headline. Week 49, 2020 · 30 November – 6 December 2020. 3 items, 0 incidents recorded, and 3 countries.");
    expect((await page("articles/2020/mali-and-niger/index.html"))('meta[property="og:title"]').attr("content")).toBe("Mali & Niger <joint>");
  });

  it("says nothing of signing up by email where site.ts names no sign-up address", async () => {
    expect((await page("subscribe/index.html"))("#sign-up")).toHaveLength(0);
    expect(await readFile(path.join(site, "issues/2020-w49/email.txt"), "utf8")).not.toMatch(/sign up/i);
    expect((await page("issues/2020-w49/email.html")).text()).not.toMatch(/sign up/i);
  });

  it("draws each card from its own figures, the same bytes every time", async () => {
    const w49 = await readFile(path.join(site, "issues/2020-w49/card.png"));
    const w48 = await readFile(path.join(site, "issues/2020-w48/card.png"));
    expect(w49.equals(w48)).toBe(false);
    const { pngOfCard } = await import("../../src/publish/share-image.ts");
    const { cardSvg } = await import("../../src/pages/share-card.ts");
    const svg = cardSvg({ site: "A & B", kicker: "<k>", heading: "Head", figures: [{ value: 1234, label: "items" }] }, "en");
    // Editors' words are text in the SVG, never markup.
    expect(svg).toContain("A &amp; B");
    expect(svg).toContain("&lt;k&gt;");
    expect(svg).toContain(">1,234<");
    expect(Buffer.from(pngOfCard(svg)).equals(Buffer.from(pngOfCard(svg)))).toBe(true);
  });
});

describe("a site published under a path", () => {
  let sub: { root: string; remove: () => Promise<void> };
  let output: string;
  beforeAll(async () => {
    sub = await createFixture({ items, site: { url: "https://example.org/sahel-digest/" } });
    output = (await buildSite({ root: sub.root })).output;
  });
  afterAll(async () => sub.remove());

  it("prefixes every link, the stylesheet and absolute URLs with the path", async () => {
    for (const file of ["index.html", "issues/2020-w49/index.html", "articles/2020/mali-one/index.html", "404.html"]) {
      const $ = load(await readFile(path.join(output, file), "utf8"));
      const local = $("a[href], link[href]").map((_, el) => $(el).attr("href")!).get().filter((href) => !href.startsWith("https://wire.example") && !href.startsWith("#"));
      expect(local.length).toBeGreaterThan(5);
      for (const href of local) expect(href).toMatch(/^(\/sahel-digest\/|https:\/\/example\.org\/sahel-digest\/)/);
    }
    const xml = await readFile(path.join(output, "sitemap.xml"), "utf8");
    expect(xml).toContain("<loc>https://example.org/sahel-digest/issues/2020-w49/</loc>");
  });
});

describe("a new kind of page", () => {
  it("is one entry in the table and one template: written, linked canonically and in the sitemap", async () => {
    const templates = await mkdtemp(path.join(tmpdir(), "sahel-templates-"));
    const output = await mkdtemp(path.join(tmpdir(), "sahel-out-"));
    try {
      await cp(path.resolve("templates"), templates, { recursive: true });
      await writeFile(
        path.join(templates, "views/countries-a-z.njk"),
        '{%- extends "layouts/base.njk" -%}{%- block title %}A-Z{% endblock -%}{%- block main %}<ol>{% for c in names %}<li>{{ c }}</li>{% endfor %}</ol>{% endblock -%}\n',
      );
      const az: PageKind = {
        name: "countries-a-z",
        urls: ["/countries/a-z/"],
        template: "views/countries-a-z.njk",
        format: "html",
        sitemap: true,
        perEdition: true,
        pages: (digest) => [{ path: "/countries/a-z/", data: { names: digest.countries.map((c) => c.name).sort() }, key: [digest] }],
      };
      // Before the sitemap, which lists the kinds above it.
      const kinds = [...PAGE_KINDS.filter((k) => k.name !== "sitemap"), az, ...PAGE_KINDS.filter((k) => k.name === "sitemap")];
      await buildSite({ root, output: path.join(output, "_site"), templates, pageKinds: kinds });
      const $ = load(await readFile(path.join(output, "_site/countries/a-z/index.html"), "utf8"));
      expect(texts($, "main li")).toEqual(["Burkina Faso", "Mali", "Niger", "Sahel (regional)"]);
      expect($('link[rel="canonical"]').attr("href")).toBe("https://digest.example/countries/a-z/");
      expect(await readFile(path.join(output, "_site/sitemap.xml"), "utf8")).toContain("<loc>https://digest.example/countries/a-z/</loc>");
    } finally {
      await rm(templates, { recursive: true, force: true });
      await rm(output, { recursive: true, force: true });
    }
  });
});
