// Editors paste text from sources, and sources can carry markup. Nothing an editor writes
// may reach a page or a feed as markup, and no draft or embargoed item may be published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { load, type CheerioAPI } from "cheerio";
import { parseFeed } from "feedsmith";
import { SaxesParser } from "saxes";
import { parse } from "csv-parse/sync";
import { buildSite } from "../../src/publish/build.ts";
import { createFixture, dataFile, fixtureCountries, fixtureRegions, writeText, type FixtureItem } from "../fixtures/content.ts";

const hostileBody = [
  "<script>alert('body')</script>",
  '<iframe src="https://evil.example/"></iframe>',
  "<style>body { display: none }</style>",
  '<img src="x" onerror="alert(1)">',
  '<a href="https://ok.example/" onclick="alert(2)">inline</a>',
  "[js link](javascript:alert(3)) [JS upper](JaVaScRiPt:alert(4)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
  "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNik+)",
  "<javascript:alert(7)>",
  "Template syntax: {{ digest.site.title }} {% include 'x' %} {# comment #}",
  // Images on other hosts would be fetched by every reader's browser and feed reader.
  "![tracking pixel](https://tracker.example/p.gif) ![](//cdn.example/x.png) ![ref image][pixel] ![own](/img/map.png)",
  "[pixel]: HTTP://tracker.example/ref.gif",
  // Characters XML allows, however odd: they must reach feeds as they are, and feeds stay well-formed.
  "Odd but allowed: \u0085 \u007f \uFFFD \u200f \u{1F600} ]]> &amp; &#0; &#xFFFE;",
  // Entities markdown-it decodes into characters XML forbids.
  "Entities: &#12; &#x1; &#xB; &#65535;",
].join("\n\n");

const hostile: FixtureItem = {
  path: "2020/hostile",
  title: `<script>alert("title")</script> {{ 7*7 }} & "quotes"`,
  date: "2020-12-03",
  countries: ["mali"],
  tags: ["jnim"],
  location: '<img src=x onerror="alert(8)">',
  summary: `<b onmouseover="alert(9)">bold</b> {% raw %} & summary`,
  source: { name: "<script>alert('source')</script>", url: "https://src.example/?q=<script>&x=\"y\"", published: "<i>then</i>" },
  body: hostileBody,
};

/**
 * Editors' text in every column of the open data: a title a spreadsheet would run, quotes, the
 * end of an XML CDATA section, markup, an ampersand, a control character XML allows.
 */
const hostileTitle = `=HYPERLINK("https://evil.example") ]]> <b>&amp; "q" \u007f end`;
const hostilePlace = `Ville "Nord" ]]> <x> & co`;
const hostileData: FixtureItem = {
  path: "2020/hostile-data",
  title: hostileTitle,
  date: "2020-12-04",
  countries: ["mali"],
  source: { name: "+Source <script>", url: "https://src.example/a?b=<c>&d=\"e\"" },
  incidents: [{ id: "hostile-data-1", type: "battles", region: "gao", place: hostilePlace, coordinates: [16.27, -0.04], fatalities: { words: `"several dozen", <i>&</i>` } }],
};

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
let files: string[];

const pageFiles = () => files.filter((f) => f.endsWith(".html"));
const read = (relative: string) => readFile(path.join(site, relative), "utf8");

/** Every element and attribute that could run script or pull in other content. */
function dangers($: CheerioAPI): string[] {
  const found: string[] = [];
  type Element = { tagName: string; attribs?: Record<string, string> };
  $("script, iframe, style, object, embed, frame, base, form").each((_, el) => void found.push(`<${(el as Element).tagName}>`));
  $("*").each((_, node) => {
    const el = node as Element;
    for (const [name, value] of Object.entries(el.attribs ?? {})) {
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${el.tagName}[${name}=${value}]`);
    }
  });
  return found;
}

beforeAll(async () => {
  fixture = await createFixture({
    items: [hostile, hostileData, { path: "2020/plain", title: "Plain", date: "2020-12-04", countries: ["niger"] }],
    regions: fixtureRegions,
    notes: { "2020-W49": ['<script>alert("note")</script>', "<iframe src=x></iframe> Lead {{ x }}"] },
  });
  // Hostile text in a data file too: the country profile is Markdown.
  const countries = fixtureCountries.map((c) => (c.slug === "mali" ? { ...c, name: "Mali <script>x</script>", profile: "<script>alert('profile')</script> [p](javascript:alert(10))" } : c));
  await writeText(fixture.root, "content/_data/countries.ts", dataFile(countries));
  site = (await buildSite({ root: fixture.root })).output;
  files = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => /\.(html|xml|json|opml)$/.test(f));
});
afterAll(async () => fixture.remove());

describe("hostile content", () => {
  it("never reaches a page as markup", async () => {
    expect(pageFiles().length).toBeGreaterThan(10);
    for (const file of pageFiles()) {
      const $ = load(await read(file));
      if (file === "search/index.html") {
        // The search page's own form and script, and nothing else of the kind.
        expect($('form.search[role="search"]').length).toBe(1);
        expect($('script[type="module"][src$="/js/search.js"]').length).toBe(1);
        $('form.search[role="search"]').replaceWith($('form.search[role="search"]').html() ?? "");
        $('script[type="module"][src$="/js/search.js"]').remove();
      }
      // An item's structured data (src/pages/json-ld.ts): JSON, in the head, with no "<" of an
      // editor's to close its element early; a data block, never run.
      $('script[type="application/ld+json"]').each((_, el) => {
        const raw = $(el).text();
        expect($(el).parent().is("head"), file).toBe(true);
        expect(raw, file).not.toContain("<");
        expect(() => JSON.parse(raw), file).not.toThrow();
        $(el).remove();
      });
      expect(dangers($), file).toEqual([]);
    }
  });

  it("never reaches a feed's content as markup", async () => {
    const feeds = files.filter((f) => /(feed\.xml|feed\.json|rss\.xml)$/.test(f));
    expect(feeds.length).toBeGreaterThan(5);
    let checked = 0;
    for (const file of feeds) {
      const parsed = parseFeed(await read(file));
      const contents =
        parsed.format === "atom" ? (parsed.feed.entries ?? []).map((e) => String((e.content as { value?: string })?.value ?? e.content ?? ""))
        : parsed.format === "rss" ? (parsed.feed.items ?? []).map((i) => String(i.content?.encoded ?? ""))
        : parsed.format === "json" ? (parsed.feed.items ?? []).map((i) => String(i.content_html ?? ""))
        : [];
      for (const html of contents) {
        expect(dangers(load(html)), file).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("never makes a page or feed load an image from another host; images on the site stay", async () => {
    let own = 0;
    for (const file of files) {
      const text = await read(file);
      const html = file.endsWith(".json") ? Object.values(JSON.parse(text).items ?? []).map((i) => String((i as { content_html?: string }).content_html ?? "")).join("") : text;
      const $ = load(html);
      $("img").each((_, el) => {
        const src = $(el).attr("src") ?? "";
        if (src.includes("/img/map.png")) own++;
        expect(src, file).not.toMatch(/tracker\.example|cdn\.example/);
      });
      // Atom and RSS carry entry content as escaped HTML: read that too.
      for (const encoded of text.matchAll(/&lt;img [^]*?&gt;/g)) expect(encoded[0], file).not.toMatch(/tracker\.example|cdn\.example/);
    }
    expect(own).toBeGreaterThan(0);
    const $ = load(await read("articles/2020/hostile/index.html"));
    expect($('.prose a[href="https://tracker.example/p.gif"]').text()).toBe("Image: tracking pixel");
    expect($('.prose a[href="//cdn.example/x.png"]').text()).toBe("Image at //cdn.example/x.png");
  });

  it("leaves every feed well-formed for a strict XML parser, odd characters and all", async () => {
    const xml = files.filter((f) => f.endsWith(".xml") || f.endsWith(".opml"));
    expect(xml.length).toBeGreaterThan(5);
    for (const file of xml) {
      const parser = new SaxesParser({ xmlns: true });
      const errors: string[] = [];
      parser.on("error", (error) => void errors.push(error.message));
      parser.write(await read(file)).close();
      expect(errors, file).toEqual([]);
    }
    expect(await read("articles/feed.xml")).toContain("Odd but allowed: \u0085 \u007f \uFFFD");
  });

  it("shows as text: title, summary, source, location, body and template syntax", async () => {
    const $ = load(await read("articles/2020/hostile/index.html"));
    expect($("h1").text()).toBe(`<script>alert("title")</script> {{ 7*7 }} & "quotes"`);
    expect($("title").text()).toContain(`<script>alert("title")</script> {{ 7*7 }}`);
    expect($(".summary").text()).toBe(`<b onmouseover="alert(9)">bold</b> {% raw %} & summary`);
    expect($(".citation").text().trim()).toBe("Source: <script>alert('source')</script>, <i>then</i>");
    expect($(".citation a").attr("href")).toBe('https://src.example/?q=<script>&x="y"');
    expect($("header .meta").text()).toContain('<img src=x onerror="alert(8)">');
    const body = $(".prose").text();
    expect(body).toContain("<script>alert('body')</script>");
    expect(body).toContain("Template syntax: {{ digest.site.title }} {% include 'x' %} {# comment #}");
    // No javascript: or data: link is made. The only links are the two web addresses written
    // inside the pasted markup: bare addresses become links, showing the address itself, and
    // end where the pasted attribute's quote begins.
    const links = $(".prose a").filter((_, el) => !$(el).text().startsWith("Image")).map((_, el) => ({ href: $(el).attr("href"), text: $(el).text(), attributes: Object.keys(el.attribs).sort() })).get();
    expect(links).toEqual(
      ["https://evil.example/", "https://ok.example/"].map((url) => ({ href: url, text: url, attributes: ["href"] })),
    );
    expect($(".prose img").map((_, el) => $(el).attr("src")).get()).toEqual(["/img/map.png"]);
  });

  it("is neutralised in weekly notes and data files too", async () => {
    const $ = load(await read("issues/2020-w49/index.html"));
    expect($("h1").text()).toBe('<script>alert("note")</script>');
    expect($(".lead").text()).toContain("<iframe src=x></iframe> Lead {{ x }}");
    const mali = load(await read("countries/mali/index.html"));
    expect(mali("h1").text()).toBe("Mali <script>x</script>");
    expect(mali(".profile .prose").text()).toContain("<script>alert('profile')</script>");
  });

  it("reaches every open data file intact and inert: CSV and HXL read back, KML well-formed, JSON parsed", async () => {
    const names = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/"));
    const dataFiles = names.filter((f) => /^(data|issues\/[^/]+\/data)\//.test(f) && /\.(csv|json|geojson|kml)$/.test(f));
    // The whole digest's, Mali's, Gao's, and the issue's as published.
    for (const folder of ["data", "data/countries/mali", "issues/2020-w49/data"]) {
      for (const name of ["incidents.csv", "incidents.hxl.csv"]) {
        const rows = parse(await read(`${folder}/${name}`), { columns: true }) as Record<string, string>[];
        const row = rows.find((r) => r.id === "hostile-data-1")!;
        // The formula rule: an apostrophe in front, the rest as written.
        expect(row.item_title, `${folder}/${name}`).toBe(`'${hostileTitle}`);
        expect(row.place).toBe(hostilePlace);
        expect(row.fatalities_words).toBe(`"several dozen", <i>&</i>`);
        expect(row.source_name).toBe("'+Source <script>");
        expect(row.source_url).toBe('https://src.example/a?b=<c>&d="e"');
      }
    }
    const kml = dataFiles.filter((f) => f.endsWith(".kml"));
    expect(kml).toEqual(expect.arrayContaining(["data/incidents.kml", "data/regions/gao/incidents.kml", "issues/2020-w49/data/incidents.kml"]));
    for (const file of kml) {
      const parser = new SaxesParser({ xmlns: true });
      const errors: string[] = [];
      let text = "";
      parser.on("error", (error) => void errors.push(error.message));
      parser.on("text", (t) => void (text += t));
      parser.write(await read(file)).close();
      expect(errors, file).toEqual([]);
      if (!file.includes("/countries/niger/")) expect(text, file).toContain(hostileTitle);
    }
    for (const file of dataFiles.filter((f) => /\.(geojson|json)$/.test(f))) {
      const text = await read(file);
      expect(() => JSON.parse(text), file).not.toThrow();
    }
    const geo = JSON.parse(await read("data/incidents.geojson")) as { features: { id: string; properties: Record<string, unknown> }[] };
    expect(geo.features.find((f) => f.id === "hostile-data-1")!.properties).toMatchObject({ item_title: hostileTitle, place: hostilePlace });
  });

  it("sits behind a Content-Security-Policy that runs no script but the search page's own, on every page", async () => {
    // The email editions go to a mailing tool, which ignores a CSP: they have no script at all (above).
    for (const file of pageFiles().filter((f) => !f.endsWith("/email.html"))) {
      const $ = load(await read(file));
      const csp = $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      // No script at all, but on the search page its own, which runs Pagefind's WebAssembly.
      expect(directives["script-src"], file).toEqual(file === "search/index.html" ? ["'self'", "'wasm-unsafe-eval'"] : ["'none'"]);
      expect(directives["default-src"], file).toEqual(["'none'"]);
      expect(csp, file).not.toContain("unsafe-inline");
    }
  });
});

describe("drafts and embargo", () => {
  const items: FixtureItem[] = [
    { path: "2020/published", title: "Published item", date: "2020-12-01", countries: ["mali"], tags: ["jnim"] },
    {
      path: "2020/secret-draft", title: "Secret draft", date: "2020-12-02", countries: ["mali"], tags: ["jnim"], draft: true,
      incidents: [{ type: "battles", region: "gao", place: "Secretville", coordinates: [16.1, -0.5] }],
    },
    {
      path: "2020/embargoed", title: "Embargoed item", date: "2020-12-05T12:00:00Z", countries: ["niger"], tags: ["elections"],
      incidents: [{ type: "riots", region: "tillaberi", place: "Hushvillage", coordinates: [14.3, 1.9] }],
    },
  ];
  // A weekly note that speaks of the embargoed item: it waits with it.
  const notes: Record<string, [string, string]> = { "2020-W49": ["Hush week", "The lead tells of the Hushvillage riot."] };
  // In this process, as the other build suites do (the command line's own behaviour is
  // tests/build/publish.test.ts's and faults.test.ts's): the build's clock is DIGEST_NOW,
  // read afresh by every build.
  const build = async (root: string, now: string) => {
    const clock = process.env.DIGEST_NOW;
    process.env.DIGEST_NOW = now;
    try {
      await buildSite({ root });
    } finally {
      if (clock === undefined) delete process.env.DIGEST_NOW;
      else process.env.DIGEST_NOW = clock;
    }
  };
  const everything = async (root: string) => {
    const out = path.join(root, "_site");
    const names = (await readdir(out, { recursive: true })).map((f) => f.split(path.sep).join("/"));
    // Every file, the open data's GeoJSON and KML, and each issue's data as published, too.
    const texts = await Promise.all(names.filter((f) => /\.(html|xml|json|opml|csv|geojson|kml)$/.test(f)).map((f) => readFile(path.join(out, f), "utf8")));
    // The search index's records, which Pagefind stores compressed.
    for (const f of names.filter((name) => /^pagefind\/\d{4}\/(fragment|filter)\//.test(name))) texts.push(gunzipSync(await readFile(path.join(out, f))).toString("utf8"));
    return { names: names.join("\n"), text: texts.join("\n") };
  };

  it("leaves a draft and an embargoed item out of every page, issue, feed and the sitemap, until the embargo ends", async () => {
    const own = await createFixture({ items, notes, regions: fixtureRegions });
    try {
      await build(own.root, "2020-12-05T11:59:59Z");
      const before = await everything(own.root);
      expect(before.text).toContain("Published item");
      expect(before.names).toContain("pagefind/2020/pagefind.js");
      for (const hidden of ["Secret draft", "secret-draft", "Embargoed item", "embargoed", "Secretville", "Hushvillage", "Hush week"]) {
        expect(before.text).not.toContain(hidden);
        expect(before.names).not.toContain(hidden);
      }
      // Niger's only item is embargoed: its country page shows none yet.
      expect(await readFile(path.join(own.root, "_site/countries/niger/index.html"), "utf8")).toContain("No items yet.");

      await build(own.root, "2020-12-05T12:00:00Z");
      const after = await everything(own.root);
      expect(after.names).toContain("articles/2020/embargoed/index.html");
      expect(after.text).toContain("<loc>https://digest.example/articles/2020/embargoed/</loc>");
      expect(await readFile(path.join(own.root, "_site/feed.xml"), "utf8")).toContain("Embargoed item");
      expect(after.text).toContain("Hush week");
      expect(after.text).toContain("Hushvillage");
      expect(after.text).not.toContain("Secret draft");
      expect(after.text).not.toContain("Secretville");
    } finally {
      await own.remove();
    }
  });

  it("shows drafts and scheduled items in the preview, marked", async () => {
    const own = await createFixture({ items, regions: fixtureRegions });
    try {
      const out = (await buildSite({ root: own.root, includeDrafts: true })).output;
      const issue = load(await readFile(path.join(out, "issues/2020-w49/index.html"), "utf8"));
      const status = (title: string) => issue(".item-card").filter((_, el) => issue(el).find(".item-title a").text() === title).find(".status").text();
      expect(status("Secret draft")).toBe("Draft");
      expect(status("Published item")).toBe("");
    } finally {
      await own.remove();
    }
  });
});
