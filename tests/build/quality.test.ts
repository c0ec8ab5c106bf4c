// The built sample site, checked as files: valid HTML (Nu Html Checker), small pages that need
// nothing but their stylesheet, and internal links that all lead somewhere. Each checker is
// also run on a page made wrong on purpose, to show it can fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtSample } from "../fixtures/sample.ts";
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { load } from "cheerio";
import { javaAvailable } from "../browser/tools.ts";

const BASE = "/sahel-digest/";
const ORIGIN = "https://example.org";
const KB = 1024;

let site: string;
let pages: string[];

beforeAll(async () => {
  // The sample edition, built once for every suite (tests/setup/sample.ts); read only.
  site = await builtSample();
  // The web pages: the email editions (issues/*/email.html) are documents for a mailing tool,
  // checked in tests/build/email.test.ts.
  pages = (await readdir(site, { recursive: true })).map((f) => f.split(path.sep).join("/")).filter((f) => f.endsWith(".html") && !f.endsWith("/email.html")).sort();
});

/** A page of every kind, checked in each other edition (the sample's pages are all checked for links and budget). */
const EDITION_KINDS = [
  "index.html", "issues/index.html", "issues/2020/index.html", "issues/2020-w49/index.html", "countries/index.html", "countries/mali/index.html",
  "tags/index.html", "tags/jnim/index.html", "articles/2020/mali-pm-ouane-talks-with-jihadists/index.html", "articles/2020/farabougou-villagers-killed/index.html",
  "regions/index.html", "regions/menaka/index.html", "data/index.html", "incidents/index.html", "incidents/battles/index.html", "search/index.html", "subscribe/index.html", "corrections/index.html", "methodology/index.html", "404.html",
];

/** A page and a stylesheet made wrong on purpose, for the checkers to find. */
let bad: string;
/** The Nu Html Checker's errors for the sample site and the bad page, from one run. */
let checked: Promise<Map<string, string[]>>;
beforeAll(async () => {
  bad = await mkdtemp(path.join(tmpdir(), "sahel-digest-bad-"));
  await mkdir(path.join(bad, "css"));
  await writeFile(path.join(bad, "css/site.css"), "body { colour: red; }\n");
  await writeFile(
    path.join(bad, "index.html"),
    `<!doctype html><html lang="en"><head><title>Bad</title><link rel="stylesheet" href="${BASE}css/site.css"><link rel="icon" href="https://cdn.example/i.png"></head>` +
      `<body><main><p><div>block in a paragraph</div></p><img src="${BASE}missing.png" alt="x"><a href="${BASE}nowhere/">gone</a><a href="#nope">fragment</a><span id="a" id="b"></span></main></body></html>`,
  );
  // The English pages, and a French and an Arabic page of every kind: the other editions are the
  // same templates with other words, their language and direction marks, so one of each shows
  // any error of them.
  const others = new Set(["fr/", "ar/"].flatMap((folder) => EDITION_KINDS.map((file) => `${folder}${file}`)));
  const checkedPages = [...pages.filter((file) => !file.startsWith("fr/") && !file.startsWith("ar/")), ...pages.filter((file) => others.has(file))];
  expect(checkedPages.filter((file) => file.startsWith("fr/"))).toHaveLength(EDITION_KINDS.length);
  expect(checkedPages.filter((file) => file.startsWith("ar/"))).toHaveLength(EDITION_KINDS.length);
  checked = javaAvailable() ? nuErrors([site, bad], [...checkedPages.map((file) => path.join(site, file)), path.join(site, "css/site.css"), bad]) : Promise.resolve(new Map());
  // Settled in the tests that use it; never left unhandled.
  checked.catch(() => {});
});
afterAll(async () => rm(bad, { recursive: true, force: true }));

/**
 * Nu Html Checker errors for every HTML file (and the CSS) under each of `dirs`, by folder: one
 * Java start for all of them (it costs seconds).
 */
async function nuErrors(dirs: readonly string[], targets: readonly string[] = dirs): Promise<Map<string, string[]>> {
  const jar = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
  // A short run of one thread: the quick JIT compiler only (C1; the optimising one spends more
  // CPU compiling than a run this short gains from it) and the serial collector. It halves the
  // checker's CPU time, for the same report. C1's deeper stack frames need a larger stack than
  // the 512k the checker asks for.
  const jvm = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"];
  const result = await promisify(execFile)("java", [...jvm, "-jar", jar, "--errors-only", "--skip-non-html", "--also-check-css", "--format", "json", "--exit-zero-always", ...targets], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  const report = JSON.parse(result.stderr || result.stdout || '{"messages": []}') as { messages: { url: string; message: string; lastLine?: number }[] };
  const byDir = new Map(dirs.map((dir) => [dir, [] as string[]]));
  for (const m of report.messages) {
    const file = new URL(m.url).pathname;
    const dir = dirs.find((d) => file.startsWith(`${d}${path.sep}`));
    if (dir) byDir.get(dir)!.push(`${path.relative(dir, file)}:${m.lastLine ?? "?"} ${m.message}`);
  }
  return byDir;
}

/** Each built page parsed once, for the request budget and the link check both. */
const parsed = new Map<string, Promise<ReturnType<typeof load>>>();
function parse(file: string): Promise<ReturnType<typeof load>> {
  if (!parsed.has(file)) parsed.set(file, readFile(file, "utf8").then((html) => load(html)));
  return parsed.get(file)!;
}

/** What a page needs besides itself to render; the budget is one stylesheet. */
function subresources($: ReturnType<typeof load>): string[] {
  const needs = $("link[rel~=stylesheet], link[rel~=preload], link[rel~=icon], script[src], img, iframe, video, audio, source, object, embed")
    .map((_, el) => `${el.tagName}:${$(el).attr("href") ?? $(el).attr("src") ?? ""}`)
    .get();
  if ($("style").length) needs.push("style");
  return needs;
}

/** Every id in an HTML document. */
function idsOf($: ReturnType<typeof load>): Set<string> {
  return new Set($("[id]").map((_, el) => $(el).attr("id")!).get());
}

/** The ids of each file a fragment led to, read and parsed once for all the links to it. */
const targetIds = new Map<string, Promise<Set<string>>>();

/** What is at each path a link led to (the same few are linked from every page): looked up once. */
const stats = new Map<string, Promise<Awaited<ReturnType<typeof stat>> | undefined>>();

/** Links of a page that lead to no built file, or to a missing #fragment. */
async function brokenLinks(dir: string, file: string): Promise<string[]> {
  const $ = await parse(path.join(dir, file));
  // The page's own, for its in-page links: this document as it was parsed.
  let ownIds: Set<string> | undefined;
  const pageUrl = new URL(file.replace(/index\.html$/, ""), `${ORIGIN}${BASE}`);
  const broken: string[] = [];
  for (const el of $("[href], [src]").toArray()) {
    const raw = $(el).attr("href") ?? $(el).attr("src")!;
    const url = new URL(raw, pageUrl);
    if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) {
      if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:") continue; // the wider web
      broken.push(raw);
      continue;
    }
    let target = path.join(dir, decodeURIComponent(url.pathname.slice(BASE.length)));
    if (!stats.has(target)) stats.set(target, stat(target).catch(() => undefined));
    const info = await stats.get(target)!;
    if (info?.isDirectory()) target = path.join(target, "index.html");
    else if (!info) {
      broken.push(raw);
      continue;
    }
    if (url.hash) {
      const id = decodeURIComponent(url.hash.slice(1));
      let ids: Set<string>;
      if (target === path.join(dir, file)) ids = ownIds ??= idsOf($);
      else {
        if (!targetIds.has(target)) targetIds.set(target, parse(target).then(idsOf, () => new Set<string>()));
        ids = await targetIds.get(target)!;
      }
      if (!ids.has(id)) broken.push(raw);
    }
  }
  return broken;
}

describe("the sample site", () => {
  it("keeps every item page under 30 KB and every issue page under 60 KB, stylesheet included", async () => {
    const css = (await stat(path.join(site, "css/site.css"))).size;
    let items = 0;
    let issues = 0;
    for (const file of pages) {
      const size = (await stat(path.join(site, file))).size + css;
      if (file.startsWith("articles/")) {
        expect(size, file).toBeLessThan(30 * KB);
        items++;
      }
      if (/^issues\/\d{4}-w\d\d\//.test(file)) {
        expect(size, file).toBeLessThan(60 * KB);
        issues++;
      }
    }
    expect(items).toBe(49);
    expect(issues).toBe(10);
  });

  it("needs nothing but its one stylesheet and its icon on any page, and the search page its script", async () => {
    for (const file of pages) {
      // And its icon, 0.3 KB and kept by the browser: without it every page's first visit asked
      // the host's root for /favicon.ico and got the 404 page (issue 30). A redirect page has no stylesheet.
      const redirect = /^([a-z]{2,3}\/)?issues\/\d{4}-W\d\d\//.test(file);
      const own = [...(redirect ? [] : [`link:${BASE}css/site.css`]), `link:${BASE}img/favicon.svg`, ...(file.endsWith("search/index.html") ? [`script:${BASE}js/search.js`] : [])];
      expect(subresources(await parse(path.join(site, file))), file).toEqual(own);
    }
    const css = await readFile(path.join(site, "css/site.css"), "utf8");
    // url(#chart-hatch) names a pattern inside the page itself: no request. Any other url() would be one.
    expect(css).toMatch(/url\(#/);
    expect(css).not.toMatch(/@import|url\((?!#)/);
  });

  it("has no internal link that leads nowhere", async () => {
    for (const file of pages) {
      expect(await brokenLinks(site, file), file).toEqual([]);
    }
  });

  // Last: the checker runs in Java from the start of the file, while the checks above run here.
  it.skipIf(!javaAvailable())("has no HTML or CSS error according to the Nu Html Checker", async () => {
    expect(pages.length).toBeGreaterThan(100);
    // The checker's CSS validator predates paint-order (SVG 2, CSS Fill and Stroke), which every
    // browser supports: the map's labels draw their halo with it. Nothing else is let through.
    const known = /^css\/site\.css:\d+ CSS: “paint-order”: Property “paint-order” doesn't exist\.$/;
    expect((await checked).get(site)!.filter((error) => !known.test(error))).toEqual([]);
  });
});

describe("the checkers, on pages made wrong on purpose", () => {
  it.skipIf(!javaAvailable())("the Nu Html Checker reports the errors", async () => {
    const errors = (await checked).get(bad)!;
    expect(errors.some((e) => e.includes("Duplicate attribute"))).toBe(true);
    expect(errors.some((e) => e.includes("colour"))).toBe(true);
  });

  it("the request budget counts what else the page needs", async () => {
    expect(subresources(await parse(path.join(bad, "index.html")))).toEqual([
      `link:${BASE}css/site.css`, "link:https://cdn.example/i.png", `img:${BASE}missing.png`,
    ]);
  });

  it("the link check finds missing pages, files and fragments", async () => {
    expect(await brokenLinks(bad, "index.html")).toEqual([`${BASE}missing.png`, `${BASE}nowhere/`, "#nope"]);
  });
});
