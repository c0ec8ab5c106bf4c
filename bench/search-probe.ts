// What search costs a reader: the size of the index a build wrote, and the bytes a first query
// downloads on a cold cache, measured in Debian's Chromium against the built site served on
// 127.0.0.1 (as the browser tests do), both as sent here (uncompressed) and as a static host
// that gzips its responses would send them. Pagefind's index files are compressed already.
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface IndexSize {
  readonly files: number;
  readonly bytes: number;
}

export async function indexSize(folder: string): Promise<IndexSize> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

export interface QueryCost {
  readonly query: string;
  readonly results: number;
  readonly requests: number;
  /** As this server sends them. */
  readonly bytes: number;
  /** As a host that gzips text responses would send them. */
  readonly gzipBytes: number;
  /** Downloaded by the time the first result is on the page. */
  readonly firstResultBytes: number;
  readonly firstResultGzipBytes: number;
}

// What it measures is bytes asked for, the same in either; the headless shell is what the tests install.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/chromium-headless-shell"].find((file) => existsSync(file));

/** Undefined without Chromium. `site` is served at the root; the first query opens a fresh browser. */
export async function firstQueryCost(site: string, query: string): Promise<QueryCost | undefined> {
  if (!CHROMIUM) return undefined;
  const { chromium } = await import("playwright-core");
  const server = createServer(async (request, response) => {
    let file = path.join(site, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "application/octet-stream";
      response.writeHead(200, { "content-type": type });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const bodies: Promise<{ url: string; bytes: number; gzipBytes: number }>[] = [];
    page.on("response", (response) => {
      const url = response.url();
      bodies.push(
        response.body().then(
          (body) => ({ url, bytes: body.length, gzipBytes: /\.pf_|\.pagefind$/.test(url) ? body.length : gzipSync(body).length }),
          () => ({ url, bytes: 0, gzipBytes: 0 }),
        ),
      );
    });
    // The page notes which files it had fetched at the moment its first result appeared.
    await page.addInitScript(() => {
      new MutationObserver((_changes, observer) => {
        if (!document.querySelector(".search-result")) return;
        (window as unknown as { firstResultFiles: string[] }).firstResultFiles = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /newest first|No result/.test(document.querySelector(".search-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    const results = await page.locator(".search-result").count();
    const sizes = await Promise.all(bodies);
    const firstFiles = new Set(await page.evaluate(() => (window as unknown as { firstResultFiles?: string[] }).firstResultFiles ?? []));
    const atFirst = sizes.filter((s) => firstFiles.has(s.url));
    return {
      query,
      results,
      firstResultBytes: atFirst.reduce((sum, s) => sum + s.bytes, 0),
      firstResultGzipBytes: atFirst.reduce((sum, s) => sum + s.gzipBytes, 0),
      requests: sizes.length,
      bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
      gzipBytes: sizes.reduce((sum, s) => sum + s.gzipBytes, 0),
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
