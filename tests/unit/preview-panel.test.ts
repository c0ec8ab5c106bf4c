// The preview's error panel, served by middleware: it never fails a request, never reads
// outside the preview's folder, shows on a page that is not there yet, and escapes what it says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { panelMiddleware, PreviewProblems } from "../../src/publish/preview-panel.ts";

let root: string;
let output: string;
const problems = new PreviewProblems();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sahel-panel-"));
  output = path.join(root, "_preview");
  await mkdir(path.join(output, "issues"), { recursive: true });
  await writeFile(path.join(output, "issues/index.html"), '<html><body><main id="main">Issues</main></body></html>');
  await writeFile(path.join(output, "404.html"), "<html><body><main>Not found</main></body></html>");
  await mkdir(path.join(root, "_preview-old"));
  await writeFile(path.join(root, "_preview-old/secret.html"), "<p>SECRET</p>");
  problems.set([{ file: "content/articles/2020/x.md", line: 4, field: "countries", message: 'unknown country "<script>"' }]);
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** What the middleware did with a GET of `url`: passed it on, or answered it. */
async function request(url: string): Promise<{ next: boolean; status?: number; body?: string }> {
  const middleware = panelMiddleware(problems, output, "/sahel-digest/");
  let answered: { status: number; body: string } | undefined;
  const fake = { statusCode: 200, setHeader() {}, end: (body: string) => void (answered = { status: fake.statusCode, body }) };
  const response = fake as unknown as ServerResponse;
  let next = false;
  await middleware({ url, method: "GET" } as IncomingMessage, response, () => (next = true));
  return answered ? { next, ...answered } : { next };
}

describe("the preview's error panel", () => {
  it("opens a page with the problems, escaped", async () => {
    const page = await request("/sahel-digest/issues/");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<main id="main"><section class="preview-problems" role="alert"');
    expect(page.body).toContain("<code>content/articles/2020/x.md:4 countries: unknown country &quot;&lt;script&gt;&quot;</code>");
  });

  it("shows on the 404 page for a page not there yet", async () => {
    const page = await request("/sahel-digest/articles/2020/new-item/");
    expect(page.status).toBe(404);
    expect(page.body).toContain("Not found");
    expect(page.body).toContain("preview-problems");
  });

  it("passes on a malformed address and one that leaves the preview's folder", async () => {
    expect(await request("/sahel-digest/%E0%A4%A")).toEqual({ next: true });
    expect(await request("/sahel-digest/..%2F_preview-old%2Fsecret.html")).toEqual({ next: true });
    expect(await request("/elsewhere/")).toEqual({ next: true });
  });

  it("is gone once the problems are", async () => {
    problems.clear();
    expect(await request("/sahel-digest/issues/")).toEqual({ next: true });
  });
});
