import { afterAll, describe, expect, it, vi } from "vitest";
import nunjucks from "nunjucks";
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Digest } from "../../src/digest/digest.ts";
import { templateEngine } from "../../src/pages/engine.ts";
import { SiteUrls } from "../../src/digest/paths.ts";
import { writePages, type PageJob, type WrittenPages } from "../../src/publish/write-pages.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder with one template, and an output folder holding an earlier "page". */
async function setUp() {
  const dir = await mkdtemp(path.join(tmpdir(), "sahel-digest-render-"));
  dirs.push(dir);
  await mkdir(path.join(dir, "templates"));
  await writeFile(path.join(dir, "templates", "page.njk"), "<p>{{ text }}</p>\n");
  const output = path.join(dir, "_site");
  await mkdir(path.join(output, "a"), { recursive: true });
  await writeFile(path.join(output, "a", "index.html"), "old page");
  // A second name for the old page's file: what a server still sending it holds open.
  await link(path.join(output, "a", "index.html"), path.join(dir, "held"));
  const engine = templateEngine(path.join(dir, "templates"));
  const jobs: PageJob[] = [{ kind: "page", output: "a/index.html", digest: {} as Digest, template: "page.njk", data: { text: "new page" }, key: ["new"] }];
  return { dir, output, engine, jobs };
}

describe("writePages", () => {
  it("in the preview, replaces a page whole: the old file is never rewritten in place", async () => {
    const { dir, output, engine, jobs } = await setUp();
    const written: WrittenPages = new Map();
    await writePages(engine, jobs, output, { written });
    expect(await readFile(path.join(output, "a", "index.html"), "utf8")).toBe("<p>new page</p>\n");
    expect(await readFile(path.join(dir, "held"), "utf8")).toBe("old page");
    expect(await readdir(path.join(output, "a"))).toEqual(["index.html"]);
  });

  it("in a build, writes in place (the folder is not served yet)", async () => {
    const { dir, output, engine, jobs } = await setUp();
    await writePages(engine, jobs, output);
    // The same file written over: proof the two ways differ, so the test above can fail.
    expect(await readFile(path.join(dir, "held"), "utf8")).toBe("<p>new page</p>\n");
  });
});

describe("the template engine's cards", () => {
  it("renders an item's card once per heading level for one digest, and afresh for the next", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sahel-digest-cards-"));
    dirs.push(dir);
    await mkdir(path.join(dir, "partials"));
    // `calls` counts the macro's renderings: a card shown twice must be rendered once.
    await writeFile(path.join(dir, "partials", "item.njk"), '{% macro card(item, headingLevel) %}{{ count() }}:{{ item.title }}@{{ headingLevel }}{{ "/a/" | href }}{% endmacro %}');
    await writeFile(path.join(dir, "page.njk"), "{{ card(first, 3) }} {{ card(first, 3) }} {{ card(first, 4) }} {{ card(second, 3) }}");
    const edition = (url: string) => ({ edition: { urls: new SiteUrls(url) } }) as unknown as Digest;
    let calls = 0;
    const engine = templateEngine(dir, { globals: { count: () => ++calls } });
    const items = { first: { title: "First" }, second: { title: "Second" } };
    expect(engine.render(edition("https://one.example/base/"), "page.njk", items)).toBe("1:First@3/base/a/ 1:First@3/base/a/ 2:First@4/base/a/ 3:Second@3/base/a/");
    expect(engine.render(edition("https://two.example/other/"), "page.njk", items)).toBe("4:First@3/other/a/ 4:First@3/other/a/ 5:First@4/other/a/ 6:Second@3/other/a/");
  });
});

describe("the template engine's compiled templates", () => {
  it("compiles a template once for every engine and edition of the process, again once its text changes, and names a broken one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sahel-digest-compiled-"));
    dirs.push(dir);
    await writeFile(path.join(dir, "page.njk"), '{% include "part.njk" %}<p>{{ text }}</p>');
    await writeFile(path.join(dir, "part.njk"), "one ");
    // Left out of @types/nunjucks: the compiler every template goes through.
    const compile = vi.spyOn((nunjucks as unknown as { compiler: { compile(...args: unknown[]): string } }).compiler, "compile");
    const compiledHere = () => compile.mock.calls.filter((call) => String(call[3]).startsWith(dir)).length;
    const edition = (url: string) => ({ edition: { urls: new SiteUrls(url) } }) as unknown as Digest;
    try {
      expect(templateEngine(dir).render(edition("https://one.example/"), "page.njk", { text: "a" })).toBe("one <p>a</p>");
      expect(compiledHere()).toBe(2);
      // Another edition (its own environment), another engine (the next build): nothing compiled again.
      const next = templateEngine(dir);
      expect(next.render(edition("https://two.example/"), "page.njk", { text: "b" })).toBe("one <p>b</p>");
      expect(next.render(edition("https://two.example/"), "page.njk", { text: "c" }, "text")).toBe("one <p>c</p>");
      expect(compiledHere()).toBe(2);
      await writeFile(path.join(dir, "part.njk"), "two ");
      expect(templateEngine(dir).render(edition("https://one.example/"), "page.njk", { text: "d" })).toBe("two <p>d</p>");
      expect(compiledHere()).toBe(3);
      await writeFile(path.join(dir, "broken.njk"), "{% if %}");
      expect(() => templateEngine(dir).render(edition("https://one.example/"), "broken.njk", {})).toThrow(path.join(dir, "broken.njk"));
    } finally {
      compile.mockRestore();
    }
  });
});
