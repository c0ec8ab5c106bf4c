// Starts the real preview (`npm start`'s script) on a temporary fixture, changes files the way
// an editor does, and waits, with a bound, for each change to show in the served site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, readFile, readdir, rm, stat, symlink } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { createFixture, dataFile, fixtureCountries, fixtureSite, itemFile, writeItem, writeText, type FixtureItem } from "../fixtures/content.ts";
import { buildSite } from "../../src/publish/build.ts";
import { outputProblem } from "../../src/publish/preview.ts";
import { startPreviewProcess, until as untilLogged, type RunningPreview } from "../fixtures/preview.ts";

const first: FixtureItem = { path: "2020/first", title: "First item", date: "2020-12-01", countries: ["mali"], tags: ["jnim"] };
const second: FixtureItem = { path: "2020/second", title: "Second item", date: "2020-12-02", countries: ["niger"] };

let fixture: { root: string; remove: () => Promise<void> };
let preview: RunningPreview;

const site = (relative: string) => path.join(fixture.root, "_preview", relative);
const read = (relative: string) => readFile(site(relative), "utf8").catch(() => "");
/** Whether every one of `pages` holds `text`. A rebuild writes its pages in batches, so
 * one page showing a change says nothing of the others. */
const allContain = async (pages: readonly string[], text: string) => (await Promise.all(pages.map(read))).every((html) => html.includes(text));
const exists = (relative: string) => stat(site(relative)).then(() => true, () => false);
const served = async (sitePath: string) => {
  const response = await fetch(`http://127.0.0.1:${preview.port}${sitePath}`);
  return { status: response.status, body: await response.text() };
};
const until = (what: string, check: () => Promise<boolean>, timeout?: number) => untilLogged(what, check, () => preview.log(), timeout);

beforeAll(async () => {
  fixture = await createFixture({ items: [first, second] });
  preview = await startPreviewProcess(fixture.root);
  await until("the preview to be ready", async () => preview.log().includes("[preview] Ready"), 40_000);
  await until("the server", () => served("/").then((r) => r.status === 200, () => false));
});

afterAll(async () => {
  await preview?.stop();
  await fixture?.remove();
});

describe("the preview", () => {
  it("serves the site with drafts marked", async () => {
    await writeItem(fixture.root, { ...second, path: "2020/a-draft", title: "A draft", draft: true });
    await until("the draft page", () => exists("articles/2020/a-draft/index.html"));
    const page = await served("/articles/2020/a-draft/");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<strong class="status">Draft</strong>');
  });

  it("never writes into _site/: a production build after it holds no draft, in any page or feed", async () => {
    await writeItem(fixture.root, { ...second, path: "2020/still-a-draft", title: "Still a draft", draft: true });
    await until("the draft page", () => exists("articles/2020/still-a-draft/index.html"));
    expect(await stat(path.join(fixture.root, "_site")).then(() => true, () => false)).toBe(false);
    const out = (await buildSite({ root: fixture.root })).output;
    try {
      const files = (await readdir(out, { recursive: true })).map(String);
      expect(files).toContain("feed.xml");
      expect(files.join("\n")).not.toContain("draft");
      const texts = await Promise.all(files.filter((f) => /\.(html|xml|json|opml)$/.test(f)).map((f) => readFile(path.join(out, f), "utf8")));
      expect(texts.join("\n")).not.toContain("Still a draft");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    expect(outputProblem(path.join(fixture.root, "_site"), fixture.root)).toContain("published site");
    expect(outputProblem(path.join(fixture.root, "_site/sub"), fixture.root)).toContain("published site");
    expect(outputProblem(fixture.root, fixture.root)).toContain("the project itself");
    expect(outputProblem(path.join(fixture.root, "content"), fixture.root)).toContain("content");
    expect(outputProblem(path.join(fixture.root, "_preview"), fixture.root)).toBeUndefined();
    // A link that leads into _site/ is _site/.
    await mkdir(path.join(fixture.root, "_site"), { recursive: true });
    await symlink(path.join(fixture.root, "_site"), path.join(fixture.root, "pv"));
    try {
      expect(outputProblem(path.join(fixture.root, "pv"), fixture.root)).toContain("published site");
      expect(outputProblem(path.join(fixture.root, "pv/new"), fixture.root)).toContain("published site");
    } finally {
      await rm(path.join(fixture.root, "pv"));
      await rm(path.join(fixture.root, "_site"), { recursive: true });
    }
  });

  it("writes again only the pages an edit changes, and every page after a data file edit", async () => {
    const mtime = (relative: string) => stat(site(relative)).then((info) => info.mtimeMs);
    await writeItem(fixture.root, { path: "2020/elsewhere", title: "Elsewhere", date: "2020-11-10", countries: ["niger"] });
    await until("the new item", () => exists("articles/2020/elsewhere/index.html"));
    const untouched = await mtime("articles/2020/elsewhere/index.html");
    const olderIssue = await mtime("issues/2020-w46/index.html");
    await writeItem(fixture.root, { ...second, title: "Second item, retitled" });
    await until("the retitled item on its pages", () => allContain(["articles/2020/second/index.html", "countries/niger/index.html"], "Second item, retitled"));
    expect(await mtime("articles/2020/elsewhere/index.html")).toBe(untouched);
    expect(await mtime("issues/2020-w46/index.html")).toBe(olderIssue);

    await writeText(fixture.root, "content/_data/themes.ts", dataFile([{ slug: "elections", name: "Elections and votes", description: "Votes." }]));
    await until("every page written again", async () => (await mtime("articles/2020/elsewhere/index.html")) !== untouched);
    await writeItem(fixture.root, second);
    await until("the title restored", () => read("articles/2020/second/index.html").then((html) => html.includes(">Second item<")));
  });

  it("updates an edited item everywhere it appears", async () => {
    await writeItem(fixture.root, { ...first, title: "First item, edited" });
    const pages = ["articles/2020/first/index.html", "issues/2020-w49/index.html", "countries/mali/index.html", "tags/jnim/index.html", "index.html"];
    await until("the edit on every page", () => allContain(pages, "First item, edited"));
    expect((await served("/issues/2020-w49/")).body).toContain("First item, edited");
  });

  it("puts an added item everywhere it belongs, including a new week's issue", async () => {
    await writeItem(fixture.root, { path: "2021/added", title: "Added item", date: "2021-01-05", countries: ["burkina-faso"] });
    // A rebuild writes its pages in batches: wait for each page that shows the new item.
    await until("the new item on its pages", () => allContain(["issues/2021-w01/index.html", "countries/burkina-faso/index.html"], "Added item"));
    await until("the archive", () => allContain(["issues/index.html"], "Week 1, 2021"));
    await until("the sitemap", () => allContain(["sitemap.xml"], "/articles/2021/added/"));
  });

  it("removes a deleted item from every page, and its page", async () => {
    await rm(path.join(fixture.root, "content/articles/2020/second.md"));
    await until("the page to go", async () => !(await exists("articles/2020/second/index.html")));
    expect(await read("issues/2020-w49/index.html")).not.toContain("Second item");
    expect(await read("countries/niger/index.html")).not.toContain("Second item");
    expect(await read("sitemap.xml")).not.toContain("/articles/2020/second/");
    expect((await served("/articles/2020/second/")).status).toBe(404);
  });

  it("shows an edited data file at once", async () => {
    const countries = fixtureCountries.map((c) => (c.slug === "mali" ? { ...c, name: "Mali, renamed" } : c));
    await writeText(fixture.root, "content/_data/countries.ts", dataFile(countries));
    await until("the new name", () => allContain(["issues/2020-w49/index.html", "countries/mali/index.html"], "Mali, renamed"));
    expect(await read("countries/mali/index.html")).toContain("<h1>Mali, renamed");
  });

  it("reports a bad edit, keeps serving the last good site, and recovers when it is fixed", async () => {
    const before = await read("issues/2020-w49/index.html");
    const logBefore = preview.log().length;
    await writeText(fixture.root, "content/articles/2020/first.md", itemFile({ ...first, title: "Broken", countries: ["malli"] }));
    const problem = 'content/articles/2020/first.md:4 countries: unknown country "malli" — did you mean "mali"?';
    await until("the error", async () => preview.log().slice(logBefore).includes(problem));
    expect(await read("issues/2020-w49/index.html")).toBe(before);
    // The page being viewed opens with the problem, above its last good version; the file
    // written holds no panel. The terminal says it once.
    await until("the panel", async () => (await served("/issues/2020-w49/")).body.includes('class="preview-problems"'));
    const page = (await served("/issues/2020-w49/")).body;
    expect(page).toContain("First item, edited");
    expect(page).toContain(`<code>${problem.replace(/"/g, "&quot;")}</code>`);
    expect(await read("issues/2020-w49/index.html")).not.toContain("preview-problems");
    // Once a rebuild: a save the watcher sees as two changes (on a busy machine) rebuilds twice.
    const since = preview.log().slice(logBefore);
    const failedRebuilds = since.split("[11ty] Problem writing Eleventy templates:").length - 1;
    expect(failedRebuilds).toBeGreaterThanOrEqual(1);
    expect(since.split(problem).length - 1).toBe(failedRebuilds);

    await writeText(fixture.root, "content/articles/2020/first.md", "---\ntitle: [unclosed\n---\n");
    await until("the YAML error", async () => preview.log().slice(logBefore).includes("content/articles/2020/first.md:2 front matter: the list of title opens with [ but does not close"));
    expect(await read("issues/2020-w49/index.html")).toBe(before);

    await writeItem(fixture.root, { ...first, title: "First item, fixed" });
    await until("the recovery", () => read("issues/2020-w49/index.html").then((html) => html.includes("First item, fixed")));
    await until("the panel to go", async () => !(await served("/issues/2020-w49/")).body.includes("preview-problems"));
    expect(preview.process.exitCode).toBeNull();
  });

  it("lets the dev server's live-reload script run, and no other", async () => {
    // The dev server puts its script inline, with its hash as integrity; the page's CSP allows
    // that hash (and the site's own origin), so live reload runs, and nothing else does.
    // As a browser asks for a page it navigates to: the dev server adds its script only then.
    const page = await new Promise<string>((resolve, reject) => {
      get({ host: "127.0.0.1", port: preview.port, path: "/issues/2020-w49/", headers: { "sec-fetch-mode": "navigate" } }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve(body));
      }).on("error", reject);
    });
    const integrity = /<script type="module" integrity="(sha512-[^"]+)"/.exec(page)?.[1];
    expect(integrity).toBeDefined();
    expect(page).toContain(`script-src 'self' '${integrity}'; connect-src 'self';`);
  });

  // Last: the site moves to another path.
  it("starts again on the new base path when site.ts moves the site", async () => {
    const logBefore = preview.log().length;
    await writeText(fixture.root, "content/_data/site.ts", dataFile({ ...fixtureSite, url: "https://digest.example/moved/" }));
    await until("the restart", async () => preview.log().slice(logBefore).includes("[preview] The site's base path is now /moved/ (was /): restarting the server there."));
    await until("the site on its new path", () => served("/moved/issues/2020-w49/").then((r) => r.status === 200 && r.body.includes('href="/moved/'), () => false), 40_000);
  });
});

describe("a large digest's preview", () => {
  /** A Node flag that changes nothing the test sees, given as `node <flag> src/cli/launch.mjs preview`. */
  const NODE_FLAG = "--no-deprecation";
  // Started by the launcher again with a larger heap, in a process group of its own
  // (src/cli/launch.mjs): the terminal's signals reach it only through the launcher.
  it("stops, with the preview it supervises, when the terminal closes (SIGHUP to the command alone)", async () => {
    const large = await createFixture({ items: [first] });
    const running = await startPreviewProcess(large.root, { watchOnly: true, env: { SAHEL_DIGEST_LARGE_DIGEST: "1", NODE_OPTIONS: "" }, nodeFlags: [NODE_FLAG] });
    let exited = false;
    running.process.once("exit", () => (exited = true));
    let started: number[] = [];
    try {
      await untilLogged("the large digest's preview to be ready", async () => running.log().includes("[preview] Ready"), () => running.log(), 40_000);
      started = descendants(running.process.pid!);
      // The launcher's second process (the supervisor) and the preview it started.
      expect(started.length).toBeGreaterThanOrEqual(2);
      // Each Node process with the flag Node was given, before its script (where Node reads it).
      const nodes = started.flatMap((pid) => {
        try {
          return [readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")];
        } catch {
          return []; // A helper (esbuild's service) gone meanwhile.
        }
      }).filter(([program]) => program === process.execPath);
      expect(nodes.length).toBeGreaterThanOrEqual(2);
      for (const command of nodes) expect(command.slice(1, command.findIndex((word) => word.endsWith("launch.mjs")))).toContain(NODE_FLAG);
      process.kill(running.process.pid!, "SIGHUP");
      await untilLogged("the command to end", async () => exited, () => running.log(), 10_000);
      await untilLogged("every process it started to end", async () => started.every((pid) => !alive(pid)), () => running.log(), 10_000);
    } finally {
      // Its own processes, by their ids, should any be left.
      for (const pid of [...started, ...descendants(running.process.pid!)]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Gone already.
        }
      }
      await running.stop();
      await large.remove();
    }
  });
});

/** The processes `pid` started, and theirs (Linux's /proc). */
function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
