// Serves the sample edition (built once for all suites, tests/setup/sample.ts) on 127.0.0.1
// under its base path, as a static host would.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { builtSample } from "../fixtures/sample.ts";
import { chromiumArgs, chromiumPath } from "./tools.ts";

export const BASE_PATH = "/sahel-digest/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".opml": "text/x-opml; charset=utf-8",
  ".svg": "image/svg+xml",
  // The open data, as a static host types it.
  ".csv": "text/csv; charset=utf-8",
};

export interface SampleSite {
  /** "http://127.0.0.1:PORT/sahel-digest/" */
  readonly url: string;
  readonly dir: string;
  close(): Promise<void>;
}

/** The project's own sample content, built and served. */
async function serveSample(): Promise<SampleSite> {
  // Built once for every suite by tests/setup/sample.ts; served here, never written to.
  const dir = await builtSample();
  const server = await serveDirectory(dir);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}${BASE_PATH}`,
    dir,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A built site's folder, served under BASE_PATH, as the sample is. */
export async function serveSite(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await serveDirectory(dir);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return { url: `http://127.0.0.1:${address.port}${BASE_PATH}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function serveDirectory(dir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const notFound = async () => {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      response.end(await readFile(path.join(dir, "404.html")));
    };
    if (!url.pathname.startsWith(BASE_PATH)) return notFound();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(BASE_PATH.length)));
    if (!file.startsWith(dir)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      const type = TYPES[path.extname(file)];
      // Text is sent compressed when the browser accepts it, as GitHub Pages and most hosts do:
      // what a reader's data plan pays is the compressed size. (Pagefind's own files come
      // compressed already, and are sent as they are.)
      if (type && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
        response.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
        response.end(gzipSync(body));
      } else {
        response.writeHead(200, { "content-type": type ?? "application/octet-stream" });
        response.end(body);
      }
    } catch {
      await notFound();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Headless Debian Chromium, with the flags that keep it off the network: a browser of the
 * suite's own, which closing what this returns closes. Not one shared by every suite: that one
 * was reached through a Playwright server in vitest's main process, which relayed every message
 * of every page, and the headless shell starts quickly (docs/performance.md, the tests).
 */
async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Chromium is not installed");
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** The sample served and a browser of the suite's own, side by side; should either fail, the other is closed. */
export async function sampleInBrowser(): Promise<{ site: SampleSite; browser: Browser }> {
  const [site, browser] = await Promise.allSettled([serveSample(), launchChromium()]);
  if (site.status === "fulfilled" && browser.status === "fulfilled") return { site: site.value, browser: browser.value };
  if (site.status === "fulfilled") await site.value.close();
  if (browser.status === "fulfilled") await browser.value.close();
  throw site.status === "rejected" ? site.reason : (browser as PromiseRejectedResult).reason;
}

/** The default edition's page of every kind, by name and path below the base path. */
const DEFAULT_KINDS: readonly [string, string][] = [
  ["home", ""],
  ["issue", "issues/2020-w49/"],
  ["archive", "issues/"],
  ["countries", "countries/"],
  ["country", "countries/mali/"],
  ["tags", "tags/"],
  ["tag", "tags/jnim/"],
  ["item", "articles/2020/mali-pm-ouane-talks-with-jihadists/"],
  ["regions", "regions/"],
  // A region whose incidents have places: its map has marks.
  ["region", "regions/menaka/"],
  ["data", "data/"],
  ["year", "issues/2020/"],
  ["incident-types", "incidents/"],
  ["incident-type", "incidents/battles/"],
  ["search", "search/"],
  ["subscribe", "subscribe/"],
  ["corrections", "corrections/"],
  // The month at a glance: the list, the whole digest's December (a monthly note), a country's
  // (its incidents) and, above, the country and region pages' 52-week strips.
  ["months", "months/"],
  ["month", "months/2020-12/"],
  ["country-month", "countries/niger/months/2020-12/"],
  ["not-found", "no/such/page/"],
];

export const PAGE_KINDS: readonly [string, string][] = [
  ...DEFAULT_KINDS,
  // The French edition's pages that differ most from the English ones: its words (longer than
  // the English, in the overview table and the navigation), an item left in English inside a
  // French page, its own search. Its other pages are the same templates, checked above in
  // English; every French page is checked as HTML, for its links and for its language
  // (tests/build/quality.test.ts, tests/build/editions.test.ts).
  ["issue", "fr/issues/2020-w49/"],
  ["item", "fr/articles/2020/farabougou-villagers-killed/"],
  ["search", "fr/search/"],
];

/**
 * The Arabic edition's page of every kind: right to left, each mirrors (or, for the charts and
 * the map, deliberately does not) in its own way. axe-core reads them all
 * (tests/browser/accessibility.test.ts); their layout, requests and reading without JavaScript
 * are tests/browser/arabic.test.ts's. (A missing page is answered with the host's one 404 page,
 * the default edition's: the Arabic one is read at its own address.)
 */
export const ARABIC_KINDS: readonly [string, string][] = DEFAULT_KINDS.map(([kind, sitePath]): [string, string] => [kind, kind === "not-found" ? "ar/404.html" : `ar/${sitePath}`]);

/** "the issue page", "the issue page in French (fr/issues/2020-w49/)": how a test names one. */
export function pageName(kind: string, sitePath: string): string {
  if (sitePath.startsWith("fr/")) return `the ${kind} page in French (${sitePath})`;
  if (sitePath.startsWith("ar/")) return `the ${kind} page in Arabic (${sitePath})`;
  return `the ${kind} page`;
}

/** The edition a page is in: "fr/…" French, "ar/…" Arabic, else the default (English). */
export function editionOf(sitePath: string): "en" | "fr" | "ar" {
  return sitePath.startsWith("fr/") ? "fr" : sitePath.startsWith("ar/") ? "ar" : "en";
}

/**
 * Every shown text of the page's charts and maps: its words, its size in CSS px as drawn (its
 * font size times the drawing's scale), and whether it lies inside its drawing's frame.
 */
export async function svgTexts(page: Page): Promise<{ text: string | null; px: number; inside: boolean }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main svg text")].filter((t) => getComputedStyle(t).display !== "none").map((t) => {
      const svg = t.closest("svg")!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const box = t.getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      return {
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5,
      };
    }),
  );
}

/**
 * `read` on each of `paths` in a few tabs of `context`, each tab reading its share of them in
 * turn: a tab kept from page to page keeps its renderer, which costs more to start than a page
 * costs to read, and all at once is slower on a busy machine. A tab is one path's while `read`
 * runs. After a failure the tabs take no new path, and the first failure, in time, is thrown
 * once every tab is done.
 */
export async function inTabs<T>(context: BrowserContext, paths: readonly T[], read: (page: Page, path: T) => Promise<void>, tabs = 3): Promise<void> {
  const waiting = [...paths];
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: Math.min(tabs, waiting.length) }, async () => {
      let page: Page | undefined;
      try {
        page = await context.newPage();
        for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) await read(page, next);
      } catch (error) {
        waiting.length = 0;
        failures.push(error);
      } finally {
        // A tab that will not close is no news beside the failure that left it so.
        await page?.close().catch(() => {});
      }
    }),
  );
  if (failures.length) throw failures[0];
}
