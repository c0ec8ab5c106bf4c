// The build's cache (src/publish/build-cache.ts): a second build reuses the pages of the first, and
// what it writes is byte for byte what a build from nothing writes, whatever changed between
// them: an item, a data file, the clock, the published site under its feet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/publish/build.ts";
import { buildVersion } from "../../src/publish/build-cache.ts";
import { lockRecord } from "../../src/publish/build-lock.ts";
import { DEFAULT_TEMPLATES } from "../../src/core/project.ts";
import { describeFailure } from "../../src/core/problems.ts";
import { createFixture, dataFile, fixtureActors, fixtureRegions, fixtureSite, fixtureThemes, itemFile, writeItem, writeText, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";

const items: FixtureItem[] = [
  { path: "2020/one", title: "One", date: "2020-12-01", countries: ["mali"], tags: ["jnim"], incidents: [{ type: "battles", country: "mali", region: "mopti", place: "Mopti" }] },
  { path: "2020/two", title: "Two", date: "2020-12-03", countries: ["niger", "mali"] },
  { path: "2021/three", title: "Three", date: "2021-01-06", countries: ["burkina-faso"] },
];

let root: string;
let remove: () => Promise<void>;
let output: string;
let pages: number;
const fresh = () => path.join(root, "fresh");
/** A page of the published site, as text. */
const page = (file: string) => readFile(path.join(output, file), "utf8");

const translation = (title: string) => `---\ntitle: "${title}"\nsummary: "Un résumé."\n---\nLe texte.\n`;

/** The published files whose text contains `text`. */
async function filesContaining(text: string): Promise<string[]> {
  const files = Object.keys(await snapshot(output));
  const texts = await Promise.all(files.map((file) => page(file)));
  return files.filter((_, i) => texts[i]!.includes(text));
}

/** Every file below `dir` by its inode: the same numbers, the same files. */
async function inodes(dir: string): Promise<Record<string, number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const stats = await Promise.all(files.map((file) => stat(file)));
  return Object.fromEntries(files.map((file, i) => [path.relative(dir, file), stats[i]!.ino]));
}

/** A build from nothing of the same content, into another folder, and what it wrote. */
async function coldBuild(search = false): Promise<Record<string, string>> {
  await rm(fresh(), { recursive: true, force: true });
  await buildSite({ root, output: fresh(), reuse: false, search });
  return snapshot(fresh());
}

beforeAll(async () => {
  ({ root, remove } = await createFixture({
    items,
    regions: fixtureRegions,
    notes: { "2020-W49": ["Headline", "Lead."] },
    // Two editions: a translation is part of what its French pages are made from.
    site: { editions: [{ language: "fr", description: "Un condensé de test." }] },
    actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: a.name } } })),
    themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: "Élections" } } })),
  }));
  await writeText(root, "content/articles/2020/two.fr.md", translation("Deux"));
  const first = await buildSite({ root, reuse: false });
  output = first.output;
  pages = first.pages;
  expect(first.reused).toBe(0);
});
afterAll(async () => remove());

describe("a second build", () => {
  it("with nothing changed, keeps the site the last one wrote as it is, having checked every file", async () => {
    const before = await snapshot(output);
    const files = await inodes(output);
    expect(Object.keys(before).some((file) => /^(fr\/)?pagefind\/\d{4}\//.test(file))).toBe(true);
    const second = await buildSite({ root });
    expect(second.unchanged).toBe(true);
    expect(second.pages).toBe(pages);
    expect(second.reused).toBe(Object.keys(before).length);
    expect(await snapshot(output)).toEqual(before);
    // The same files, not copies nor links in a new folder: nothing was written.
    expect(await inodes(output)).toEqual(files);
  });

  it("with nothing changed but the site itself, links every page and index file still as written, and makes the rest again", async () => {
    const before = await snapshot(output);
    const index = Object.keys(before).filter((file) => /^(fr\/)?pagefind\/\d{4}\//.test(file));
    // A page edited by hand to the same size (its time set back too), a file added, one deleted.
    const edited = path.join(output, "articles/2020/one/index.html");
    const { mtime } = await stat(edited);
    await writeFile(edited, (await readFile(edited, "utf8")).replace("<main", "<mAin"));
    await utimes(edited, mtime, mtime);
    await writeFile(path.join(output, "extra.html"), "<p>not ours</p>\n");
    await rm(path.join(output, "tags/jnim/index.html"));
    const third = await buildSite({ root });
    expect(third.unchanged).toBeUndefined();
    expect(third.reused).toBe(pages - 2 + index.length);
    expect(await snapshot(output)).toEqual(before);
    // The site it made is whole again: the next build keeps it.
    expect((await buildSite({ root })).unchanged).toBe(true);
  });

  it("with nothing changed but an empty folder made in the site by hand, makes a new site without it", async () => {
    await mkdir(path.join(output, "tags", "empty"));
    expect((await buildSite({ root })).unchanged).toBeUndefined();
    expect(existsSync(path.join(output, "tags", "empty"))).toBe(false);
    expect((await buildSite({ root })).unchanged).toBe(true);
  });

  it("with nothing changed but what a data file gives (it reads the environment), makes a new site", async () => {
    const site = path.join(root, "content/_data/site.ts");
    const before = await readFile(site, "utf8");
    await writeFile(site, before.replace(/\n\};\n$/, ',\n  description: process.env.SAHEL_DIGEST_TEST_WORDS ?? "Unset words."\n};\n'));
    try {
      process.env.SAHEL_DIGEST_TEST_WORDS = "First words of the environment.";
      await buildSite({ root });
      expect((await buildSite({ root })).unchanged).toBe(true);
      process.env.SAHEL_DIGEST_TEST_WORDS = "Second words of the environment.";
      expect((await buildSite({ root })).unchanged).toBeUndefined();
      expect(await filesContaining("Second words of the environment.")).toContain("index.html");
      // Every page, those made from the whole digest too: none still says the first words.
      expect(await filesContaining("First words of the environment.")).toEqual([]);
    } finally {
      delete process.env.SAHEL_DIGEST_TEST_WORDS;
      await writeFile(site, before);
      // The site as the other tests know it.
      await buildSite({ root });
    }
  });

  it("with nothing changed but the search index asked for or not, makes a new site", async () => {
    const withIndex = await snapshot(output);
    const without = await buildSite({ root, search: false });
    expect(without.unchanged).toBeUndefined();
    expect(Object.keys(await snapshot(output)).some((file) => file.includes("pagefind/"))).toBe(false);
    const again = await buildSite({ root });
    expect(again.unchanged).toBeUndefined();
    expect(await snapshot(output)).toEqual(withIndex);
  });

  it("after the templates change, renders every page again but links every year of the search index, which no template shows in", async () => {
    const templates = path.join(root, "edited-templates");
    await cp(DEFAULT_TEMPLATES, templates, { recursive: true });
    await appendFile(path.join(templates, "css", "site.css"), "\n/* edited */\n");
    const index = Object.keys(await snapshot(output)).filter((file) => /^(fr\/)?pagefind\/\d{4}\//.test(file));
    const result = await buildSite({ root, templates });
    expect(result.reused).toBe(index.length);
    expect(await page("css/site.css")).toContain("/* edited */");
  });

  it("after an item is edited, renders the pages and the year of the search index that show it, and matches a build from nothing", async () => {
    await writeItem(root, { ...items[0]!, title: "One, retitled" });
    const result = await buildSite({ root });
    expect(result.reused).toBeGreaterThan(0);
    expect(result.reused).toBeLessThan(pages);
    // Not on the item's page only: on its issue's, its country's and tag's pages, and in the feeds.
    for (const file of ["articles/2020/one/index.html", "issues/2020-w49/index.html", "countries/mali/index.html", "tags/jnim/index.html", "feed.xml", "countries/mali/feed.json"]) {
      expect(await page(file), file).toContain("One, retitled");
    }
    // 2021's bundle was linked, 2020's made again.
    const built = await snapshot(output);
    expect(Object.keys(built).some((file) => file.startsWith("pagefind/2021/"))).toBe(true);
    expect(built).toEqual(await coldBuild(true));
  });

  it("after an item is added and another deleted, matches a build from nothing", async () => {
    await writeItem(root, { path: "2020/four", title: "Four", date: "2020-12-02", countries: ["mali"] });
    await rm(path.join(root, "content/articles/2021/three.md"));
    await buildSite({ root, search: false });
    const built = await snapshot(output);
    expect(Object.keys(built)).toContain("articles/2020/four/index.html");
    expect(Object.keys(built).some((file) => file.startsWith("articles/2021/"))).toBe(false);
    expect(built).toEqual(await coldBuild());
  });

  it("after a translation is edited, renders the French pages that show it and matches a build from nothing", async () => {
    await writeText(root, "content/articles/2020/two.fr.md", translation("Deux, corrigé"));
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBeGreaterThan(0);
    expect(await page("fr/articles/2020/two/index.html")).toContain("Deux, corrigé");
    expect(await page("articles/2020/two/index.html")).not.toContain("Deux");
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("after a data file changes, renders every page again", async () => {
    await writeText(root, "content/_data/site.ts", dataFile({ ...fixtureSite, title: "Renamed Digest", editions: [{ language: "fr", description: "Un condensé de test." }] }));
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBe(0);
    expect(await page("articles/2020/two/index.html")).toContain("Renamed Digest");
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("does not link a published page that was changed by hand since: it is rendered again", async () => {
    await buildSite({ root, search: false });
    const before = await page("articles/2020/two/index.html");
    await appendFile(path.join(output, "articles/2020/two/index.html"), "<!-- edited by hand -->");
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBe(result.pages - 1);
    expect(await page("articles/2020/two/index.html")).toBe(before);
  });

  it("never links what a build with drafts wrote into the same folder: no draft reaches production", async () => {
    await writeText(root, "content/articles/2020/secret.md", itemFile({ path: "2020/secret", title: "Secret draft", date: "2020-12-02", countries: ["mali"], draft: true }));
    await buildSite({ root, search: false });
    // The preview's kind of build, into the published folder: it shows the draft.
    await buildSite({ root, includeDrafts: true, search: false });
    expect(await page("index.html")).toContain("Secret draft");
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBe(0);
    expect(await filesContaining("Secret draft")).toEqual([]);
    expect(await snapshot(output)).toEqual(await coldBuild());
    await rm(path.join(root, "content/articles/2020/secret.md"));
  });

  it("shows an embargoed item once the clock passes its date, as a build from nothing does", async () => {
    const later: FixtureItem = { path: "2020/later", title: "Embargoed until the 5th", date: "2020-12-05T12:00:00Z", countries: ["niger"] };
    await writeItem(root, later);
    const clock = process.env.DIGEST_NOW;
    try {
      process.env.DIGEST_NOW = "2020-12-04T00:00:00Z";
      await buildSite({ root, search: false });
      expect(await filesContaining(later.title)).toEqual([]);
      process.env.DIGEST_NOW = "2020-12-06T00:00:00Z";
      const result = await buildSite({ root, search: false });
      expect(result.reused).toBeGreaterThan(0);
      expect(await page("index.html")).toContain(later.title);
      expect(await snapshot(output)).toEqual(await coldBuild());
    } finally {
      if (clock === undefined) delete process.env.DIGEST_NOW;
      else process.env.DIGEST_NOW = clock;
    }
  });

  it("after an item's file is renamed, every page that links it follows, as a build from nothing", async () => {
    await rename(path.join(root, "content/articles/2020/two.md"), path.join(root, "content/articles/2020/two-renamed.md"));
    await rename(path.join(root, "content/articles/2020/two.fr.md"), path.join(root, "content/articles/2020/two-renamed.fr.md"));
    // The issues' kept data names the old address, which no longer leads anywhere: the editor
    // has them made again (src/publish/as-published.ts), as a build would otherwise stop.
    await rm(path.join(root, "published"), { recursive: true, force: true });
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBeGreaterThan(0);
    // Every page follows; an issue's data keeps the address it was published with (src/publish/as-published.ts).
    expect((await filesContaining("/articles/2020/two/")).filter((file) => !/^issues\/[^/]+\/data\//.test(file))).toEqual([]);
    expect(await page("data/items.csv")).toContain("/articles/2020/two-renamed/");
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("after an incident's toll is edited, renders its month's pages again and links the other months' (issue 31)", async () => {
    const ino = async (file: string) => (await stat(path.join(output, file))).ino;
    const december = ["countries/mali/months/2020-12/index.html", "regions/mopti/months/2020-12/index.html", "months/2020-12/index.html", "fr/countries/mali/months/2020-12/index.html"];
    // November's, and another country's December: nothing they show changed.
    const others = ["months/2020-11/index.html", "countries/mali/months/2020-11/index.html", "countries/niger/months/2020-12/index.html", "fr/countries/niger/months/2020-12/index.html"];
    const before = new Map(await Promise.all([...december, ...others].map(async (file) => [file, await ino(file)] as const)));
    expect(await page(december[0]!)).not.toContain("at least 7");
    await writeItem(root, { ...items[0]!, title: "One, retitled", incidents: [{ ...items[0]!.incidents![0]!, fatalities: "at least 7" }] });
    await buildSite({ root, search: false });
    for (const file of december) expect(await ino(file), file).not.toBe(before.get(file));
    expect(await page(december[0]!)).toContain("at least 7");
    for (const file of others) expect(await ino(file), file).toBe(before.get(file));
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("after the last incident is removed, no page keeps the links to places and open data in its navigation", async () => {
    const navigation = await page("articles/2020/two-renamed/index.html");
    const { incidents: _incidents, ...withoutIncidents } = items[0]!;
    // Its published id must be retired (or the build refuses: src/publish/published-ids.ts).
    await writeItem(root, { ...withoutIncidents, title: "One, retitled" });
    await expect(buildSite({ root, search: false })).rejects.toThrow(/incident id "one-1" was published and is no longer used/);
    await writeItem(root, { ...withoutIncidents, title: "One, retitled", retiredIds: [{ id: "one-1", retired: "2020-12-10", reason: "Recorded in error." }] });
    await buildSite({ root, search: false });
    expect(await page("articles/2020/two-renamed/index.html")).not.toBe(navigation);
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("waits its turn: a build running on the same site makes another stop at once, naming it, and a lock left by a build that is gone is taken over", async () => {
    const before = await snapshot(output);
    const holder = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      // As a build records itself (src/publish/build-lock.ts): its pid and when it started.
      await writeFile(`${output}.lock`, JSON.stringify(lockRecord(holder.pid!)));
      const failure = await buildSite({ root, search: false }).then(() => undefined, (error: unknown) => error);
      expect(describeFailure(failure)).toBe(`Another build (process ${holder.pid}) is writing ${output}; wait for it to finish, then build again.`);
      expect(await snapshot(output)).toEqual(before);
    } finally {
      const gone = new Promise((resolve) => holder.once("exit", resolve));
      holder.kill();
      await gone;
    }
    await buildSite({ root, search: false });
    await expect(readFile(`${output}.lock`, "utf8")).rejects.toThrow();
  });
});

describe("what a build keeps is checked before it is used", () => {
  const kept = (...parts: string[]) => path.join(root, "node_modules", ".cache", "sahel-digest", ...parts);
  /** Changes one byte of `file` in the middle, keeping its size. */
  async function flipByte(file: string): Promise<void> {
    const bytes = await readFile(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x20;
    await writeFile(file, bytes);
  }

  it("a kept rendered body with one changed letter is thrown away with one line, and never published", async () => {
    await buildSite({ root, search: false });
    await flipByte(kept("bodies.bin"));
    const result = await buildSite({ root, search: false });
    expect(result.notices).toEqual([expect.stringMatching(/^The build's cache file .*bodies\.bin was damaged \(its bytes do not match their hash\): it was thrown away/)]);
    expect(await snapshot(output)).toEqual(await coldBuild());
  });

  it("a kept search bundle that was damaged, or is of the wrong shape, is indexed again: never published as it is, never a crash", async () => {
    await buildSite({ root });
    const folder = kept("search");
    const bundles = (await readdir(folder)).filter((name) => name.endsWith(".bundle")).sort();
    expect(bundles.length).toBeGreaterThan(1);
    // The published site must not be what saves the build: it is renamed away.
    await rm(output, { recursive: true, force: true });
    await flipByte(path.join(folder, bundles[0]!));
    // A bundle whose hash holds but whose content is not a bundle: what a foreign writer leaves.
    const { writeKept } = await import("../../src/publish/kept.ts");
    writeKept(path.join(folder, bundles[1]!), [[1, 2]]);
    const result = await buildSite({ root });
    expect(result.notices).toHaveLength(2);
    expect(result.notices.join("\n")).toMatch(/damaged \(its bytes do not match their hash\)[\s\S]*not of the shape expected|not of the shape expected[\s\S]*damaged \(its bytes do not match their hash\)/);
    expect(await snapshot(output)).toEqual(await coldBuild(true));
  });

  it("a published page changed by hand that keeps its size and time is rendered again, not linked", async () => {
    await buildSite({ root, search: false });
    const file = path.join(output, "articles/2020/one/index.html");
    const before = await readFile(file, "utf8");
    const stamp = await stat(file);
    const { mtimeNs } = await stat(file, { bigint: true });
    await writeFile(file, before.replace("<title>", "<TITLE>"));
    // To the nanosecond, as the file system keeps it (utimes rounds to microseconds).
    execFileSync("touch", ["-m", "-d", `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, "0")}`, file]);
    // The stamp the cache checks is as it was: only the bytes tell.
    const after = await stat(file);
    expect([after.ino, after.size, after.mtimeMs]).toEqual([stamp.ino, stamp.size, stamp.mtimeMs]);
    const result = await buildSite({ root, search: false });
    expect(result.reused).toBe(result.pages - 1);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("a cache that cannot be written is no reason to fail: the build is whole and says, once, that its work is not kept", async () => {
    // As root, permissions do not stop a write: a file where the cache's folder should be does.
    await rm(kept("pages"), { recursive: true, force: true });
    await writeFile(kept("pages"), "not a folder");
    try {
      const result = await buildSite({ root, search: false });
      expect(result.notices).toEqual([expect.stringMatching(/^The build's cache in .*pages could not be written \(\w+\): this build's work is not kept/)]);
      expect(await snapshot(output)).toEqual(await coldBuild());
    } finally {
      await rm(kept("pages"), { force: true });
    }
  });
});

describe("the build's version", () => {
  it("holds every module a data file imports from outside content/, and nothing it does not import", async () => {
    const words = path.join(root, "lib/site-words.ts");
    const site = path.join(root, "content/_data/site.ts");
    const before = await readFile(site, "utf8");
    await writeText(root, "lib/site-words.ts", 'export const description = "First words.";\n');
    await writeText(root, "lib/unused.ts", "export const unused = 1;\n");
    await writeFile(site, `import { description } from "../../lib/site-words.ts";\n${before.replace(/\n\};\n$/, ",\n  description\n};\n")}`);
    try {
      const first = await buildVersion(root, "code");
      await writeFile(words, 'export const description = "Second words.";\n');
      const second = await buildVersion(root, "code");
      expect(second).not.toBe(first);
      await writeFile(path.join(root, "lib/unused.ts"), "export const unused = 2;\n");
      expect(await buildVersion(root, "code")).toBe(second);
    } finally {
      await writeFile(site, before);
      await rm(path.join(root, "lib"), { recursive: true, force: true });
    }
  });
});
