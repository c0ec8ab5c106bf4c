// `npm run build` as a publisher relies on it: atomic, without orphans, byte-for-byte repeatable.
import { afterEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { buildSite } from "../../src/publish/build.ts";
import { loadSite } from "../../src/publish/site-digest.ts";
import { weeksToKeep } from "../../src/publish/as-published.ts";
import { createFixture, fixtureActors, fixtureRegions, fixtureThemes, writeItem, writeText, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";
import { pollUntil } from "../fixtures/wait.ts";
import { npmRunBuild } from "../fixtures/commands.ts";

const run = promisify(execFile);
const items: FixtureItem[] = [
  { path: "2020/one", title: "One", date: "2020-12-01T23:30:00-08:00", countries: ["mali"], tags: ["jnim"] },
  {
    path: "2020/two", title: "Two, Ségou & N'Djamena", date: "2020-12-03", countries: ["niger", "mali"],
    // Incidents, so the open data, places and maps are held to the same bytes too.
    incidents: [{ type: "battles", country: "mali", region: "mopti", place: "Mopti", fatalities: "at least 3" }, { type: "riots", country: "niger", region: "tillaberi", date: "2020-11-29" }],
  },
  { path: "2021/three", title: "Three", date: "2021-01-02", countries: ["burkina-faso"] },
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});
async function fixture(extra: FixtureItem[] = []) {
  const created = await createFixture({ items: [...items, ...extra], regions: fixtureRegions, notes: { "2020-W49": ["Headline", "Lead."] } });
  cleanups.push(created.remove);
  return created.root;
}

/** Runs `npm run build`'s script in `root` with the given environment. */
async function cliBuild(root: string, env: Record<string, string> = {}, options: string[] = []) {
  try {
    const { stdout, stderr } = await run(npmRunBuild.command, [...npmRunBuild.args, ...options], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const prefixed = (prefix: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([name, bytes]) => [prefix + name, bytes]));

describe("npm run build", () => {
  it("fails on bad content with the problem, exits non-zero and leaves the previous site byte for byte", async () => {
    const root = await fixture();
    expect((await cliBuild(root)).code).toBe(0);
    const before = await snapshot(path.join(root, "_site"));
    expect(Object.keys(before)).toContain("articles/2020/one/index.html");

    await writeItem(root, { path: "2020/bad", title: "Bad", date: "2020-02-30", countries: ["atlantis"] });
    const failed = await cliBuild(root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('content/articles/2020/bad.md:3 date: is not a real date or time (got: "2020-02-30")');
    expect(failed.stderr).toContain('content/articles/2020/bad.md:4 countries: unknown country "atlantis"');
    expect(failed.stderr).toContain("the previous _site/ was left as it was");
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    // No staging folder is left behind.
    expect((await readdir(root)).filter((name) => name.startsWith("_site"))).toEqual(["_site"]);
  });

  it("builds a large digest in a second process with a larger heap, whose end is the command's; a heap size chosen stays", async () => {
    const root = await fixture();
    const heapOf = (stdout: string) => Number(/^heap limit (\d+) MiB/m.exec(stdout)?.[1]);
    // Three item files count as large here; no size chosen in NODE_OPTIONS.
    const large = { SAHEL_DIGEST_LARGE_DIGEST: "3", NODE_OPTIONS: "" };
    const [usual, larger, chosen] = await Promise.all([
      cliBuild(root, { NODE_OPTIONS: "" }, ["--verbose", "--dryrun"]),
      cliBuild(root, large, ["--verbose", "--dryrun"]),
      cliBuild(root, { ...large, NODE_OPTIONS: "--max-old-space-size=700" }, ["--verbose", "--dryrun"]),
    ]);
    for (const result of [usual, larger, chosen]) expect(result.code, result.stderr).toBe(0);
    const memory = Math.min(totalmem(), process.constrainedMemory?.() || Infinity) / 2 ** 20;
    if (heapOf(usual.stdout) < memory * 0.7) {
      expect(heapOf(larger.stdout)).toBeGreaterThan(memory * 0.7);
      expect(heapOf(larger.stdout)).toBeLessThan(memory * 0.8);
    } else expect(heapOf(larger.stdout)).toBe(heapOf(usual.stdout));
    expect(heapOf(chosen.stdout)).toBeGreaterThanOrEqual(700);
    expect(heapOf(chosen.stdout)).toBeLessThan(800);
    // A build that fails ends the command the same: its code, its message.
    await writeItem(root, { path: "2020/bad", title: "Bad", date: "2020-02-30", countries: ["mali"] });
    const failed = await cliBuild(root, large);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("content/articles/2020/bad.md:3 date: is not a real date or time");
  });

  it("leaves the previous site in place when a page fails half-way through writing", async () => {
    const root = await fixture();
    const output = path.join(root, "out");
    await buildSite({ root, output });
    const before = await snapshot(output);
    // Valid content, but a template that fails on one page of many: pages before it were
    // already written when it fails.
    const templates = path.join(root, "templates");
    await cp(path.resolve("templates"), templates, { recursive: true });
    const itemPage = await readFile(path.join(templates, "views/item.njk"), "utf8");
    await writeFile(path.join(templates, "views/item.njk"), itemPage.replace("{%- block main %}", '{%- block main %}{% if item.slug == "three" %}{{ item.missing.field }}{% endif %}'));
    await expect(buildSite({ root, output, templates })).rejects.toThrow();
    expect(await snapshot(output)).toEqual(before);
    expect((await readdir(root)).filter((name) => name.startsWith("out"))).toEqual(["out"]);
  });

  it("leaves no page of a deleted item behind", async () => {
    const root = await fixture([{ path: "2020/doomed", title: "Doomed", date: "2020-12-02", countries: ["mali"] }]);
    await buildSite({ root });
    expect(Object.keys(await snapshot(path.join(root, "_site")))).toContain("articles/2020/doomed/index.html");
    await rm(path.join(root, "content/articles/2020/doomed.md"));
    // The issues' kept copies name it: taken out of the record on purpose, as an editor would.
    await rm(path.join(root, "published"), { recursive: true });
    await buildSite({ root });
    const after = await snapshot(path.join(root, "_site"));
    expect(Object.keys(after).filter((f) => f.includes("doomed"))).toEqual([]);
  });

  it("clears away earlier sites: the one it replaces and any an interrupted build left", async () => {
    const root = await fixture();
    await buildSite({ root });
    const leftover = path.join(root, "_site.previous-1234-1700000000000");
    await mkdir(path.join(leftover, "articles/2020/old"), { recursive: true });
    await writeFile(path.join(leftover, "articles/2020/old/index.html"), "old");
    await buildSite({ root });
    // buildSite in a process that goes on deletes them before it returns (npm run build leaves
    // that to a process of its own: tests/build/faults.test.ts).
    expect((await readdir(root)).filter((name) => name.startsWith("_site")).sort()).toEqual(["_site"]);
    expect(Object.keys(await snapshot(path.join(root, "_site")))).toContain("articles/2020/one/index.html");
  });

  // As root, permissions stop no removal: the clean-up then runs as nobody, who owns the folder.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && !existsSync("/usr/bin/setpriv"))("clears away a previous site a folder of which is read-only (issue 26)", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), "sahel-leftover-"));
    cleanups.push(async () => {
      await run("chmod", ["-R", "u+rwX", parent]).catch(() => {});
      await rm(parent, { recursive: true, force: true });
    });
    // Both ways: by a process of its own (npm run build's), and by the process itself (buildSite's
    // in a process that goes on), each for a site of its own.
    for (const site of ["_site", "_other"]) {
      const locked = path.join(parent, `${site}.previous-1234-1700000000000`, "articles/2020/old");
      await mkdir(locked, { recursive: true });
      await writeFile(path.join(locked, "index.html"), "old");
      await chmod(locked, 0o500);
    }
    const script = path.join(parent, "clean.mts");
    const builder = JSON.stringify(path.resolve("src/publish/build.ts"));
    await writeFile(script, `import { removeLeftovers } from ${builder};\nawait removeLeftovers(${JSON.stringify(path.join(parent, "_site"))}, { afterExit: true });\nawait removeLeftovers(${JSON.stringify(path.join(parent, "_other"))});\n`);
    const tsx = path.resolve("node_modules/.bin/tsx");
    if (asRoot) {
      await run("chown", ["-R", "65534:65534", parent]);
      await run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", tsx, script], { env: { ...process.env, HOME: parent } });
    } else {
      await run(tsx, [script]);
    }
    // Removed in the background: wait for it, with a bound.
    expect(await pollUntil(async () => !(await readdir(parent)).some((name) => name.includes(".previous-")), 10_000)).toBe(true);
  });

  it("keeps each issue's data as it was published in published/: later weeks, a correction and a fresh deploy leave it byte for byte", async () => {
    // Week A (2020-W49) alone, its week over: its data is published, and kept in the project.
    const root = await fixture();
    await rm(path.join(root, "content/articles/2021/three.md"));
    const first = await buildSite({ root, search: false });
    const output = first.output;
    const weekA = path.join(output, "issues/2020-w49/data");
    const keptA = path.join(root, "published/issues/2020-w49/data");
    const published = await snapshot(weekA);
    expect(Object.keys(published)).toEqual(expect.arrayContaining(["datapackage.json", "incidents.csv", "incidents.geojson", "incidents.kml", "weekly-counts.csv", "items.csv"]));
    expect(await snapshot(keptA)).toEqual(published);
    // Its own items' incidents, the one dated in the week before (2020-11-29) too; the counts of its week alone.
    expect(await readFile(path.join(weekA, "incidents.csv"), "utf8")).toBe(await readFile(path.join(output, "data/incidents.csv"), "utf8"));
    expect(await readFile(path.join(weekA, "incidents.csv"), "utf8")).toContain("2020-11-29");
    const countedWeeks = (await readFile(path.join(weekA, "weekly-counts.csv"), "utf8")).trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(countedWeeks.length).toBeGreaterThan(0);
    expect(new Set(countedWeeks)).toEqual(new Set(["2020-W49"]));
    expect(first.notices.filter((line) => line.includes("published/") && line.includes("commit"))).toEqual([expect.stringContaining("2020-W49")]);

    // Week B (2020-W53) added, and an item of week A corrected: its toll and its title. Built as
    // the deploy does, from a fresh checkout: no output folder, only the committed copies.
    const two = items[1]!;
    await writeItem(root, items[2]!);
    await writeItem(root, { ...two, title: "Two, corrected", incidents: [{ ...two.incidents![0]!, fatalities: "at least 5" }, two.incidents![1]!] });
    await rm(output, { recursive: true, force: true });
    const second = await buildSite({ root, search: false });
    expect(await snapshot(weekA)).toEqual(published);
    expect(await snapshot(keptA)).toEqual(published);
    const current = await readFile(path.join(output, "data/incidents.csv"), "utf8");
    expect(current).toContain("Two, corrected");
    expect(await readFile(path.join(weekA, "incidents.csv"), "utf8")).not.toContain("Two, corrected");
    // Week B's data is made now, from the content as it is, and kept: what its issue published,
    // its own item, not week A's again.
    const weekB = await readFile(path.join(output, "issues/2020-w53/data/items.csv"), "utf8");
    expect(weekB).toContain("/articles/2021/three/");
    expect(weekB).not.toContain("/articles/2020/two/");
    expect(await readFile(path.join(root, "published/issues/2020-w53/data/items.csv"), "utf8")).toBe(weekB);
    expect(second.notices.filter((line) => line.includes("commit"))).toEqual([expect.stringContaining("2020-W53")]);
    // The data page weighs the copy as published.
    const page = await readFile(path.join(output, "data/index.html"), "utf8");
    const size = Math.max(0.1, Math.round(Buffer.byteLength(await readFile(path.join(weekA, "incidents.csv"))) / 100) / 10);
    expect(page).toMatch(new RegExp(`issues/2020-w49/data/incidents\\.csv">incidents\\.csv</a> \\(${String(size).replace(".", "\\.")} kB\\)`));
    // Nothing new to keep: nothing said.
    expect((await buildSite({ root, search: false })).notices.filter((line) => line.includes("commit"))).toEqual([]);
  });

  it("keeps no copy before an issue's week is over, nor from the preview or a build on a set clock", async () => {
    const root = await fixture();
    const { digest } = await loadSite(root, false);
    // 2020-W49 ends on Monday 7 December at midnight in Bamako (UTC).
    expect(weeksToKeep(digest, new Map(), DateTime.fromISO("2020-12-06T23:59:59Z")).map((w) => w.id)).toEqual([]);
    expect(weeksToKeep(digest, new Map(), DateTime.fromISO("2020-12-07T00:00:00Z")).map((w) => w.id)).toEqual(["2020-W49"]);
    await buildSite({ root, search: false, includeDrafts: true, output: path.join(root, "preview") });
    expect(existsSync(path.join(root, "published"))).toBe(false);
    process.env.DIGEST_NOW = "2021-06-01T00:00:00Z";
    try {
      await buildSite({ root, search: false });
    } finally {
      delete process.env.DIGEST_NOW;
    }
    expect(existsSync(path.join(root, "published"))).toBe(false);
    // Yet the site has every issue's data, made from the content.
    expect(existsSync(path.join(root, "_site/issues/2020-w49/data/incidents.csv"))).toBe(true);
  });

  it("stops while a kept copy names an item withdrawn since, naming the copy, the file and the item", async () => {
    const root = await fixture();
    await buildSite({ root, search: false });
    const before = await snapshot(path.join(root, "_site"));
    // Item one (no incidents, so no published id goes missing) is taken down: a draft again.
    await writeItem(root, { ...items[0]!, draft: true });
    const failed = await buildSite({ root, search: false }).then(() => undefined, (error: Error) => error.message);
    expect(failed).toMatch(/published\/issues\/2020-w49\/data\/[a-z-]+\.(csv|json|geojson) item_url: names an item no longer published \(a draft again, deleted, or its file renamed\): remove it from the copy in published\/issues\/2020-w49\/data\/, or delete that folder .*\(got: "https?:\/\/[^"]*\/articles\/2020\/one\/"\)/);
    // One line per copy naming it: its own week's (2020-W53's copy holds its own item alone).
    expect(failed!.split("\n").filter((line) => line.includes("item_url:")).map((line) => line.trim().split("/")[2])).toEqual(["2020-w49"]);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    // The copies deleted: made again from today's content, without the item.
    await rm(path.join(root, "published/issues"), { recursive: true });
    await buildSite({ root, search: false });
    const remade = await readFile(path.join(root, "published/issues/2020-w49/data/items.csv"), "utf8");
    expect(remade).toContain("/articles/2020/two/");
    expect(remade).not.toContain("/articles/2020/one/");
  });

  // Two builds of the command line, each rendering every page: longer than one test's usual
  // limit on a busy machine.
  it("gives the same bytes for the same content, whatever the machine's time zone or locale", { timeout: 180_000 }, async () => {
    // In both editions: the French one's dates and numbers come from ICU with the language
    // named, never from the machine's locale.
    const created = await createFixture({
      items,
      regions: fixtureRegions,
      notes: { "2020-W49": ["Headline", "Lead."] },
      site: { editions: [{ language: "fr", description: "Un condensé." }] },
      actors: fixtureActors.map((a) => ({ ...a, translations: { fr: { name: a.name } } })),
      themes: fixtureThemes.map((t) => ({ ...t, translations: { fr: { name: t.name } } })),
    });
    cleanups.push(created.remove);
    const root = created.root;
    await writeText(root, "content/articles/2020/two.fr.md", '---\ntitle: "Deux"\nsummary: "Un résumé."\n---\nLe corps.\n');
    const builds: Record<string, string>[] = [];
    // Two machines far apart: behind UTC in English, ahead of it in French.
    for (const env of [
      { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" },
      { TZ: "Asia/Tokyo", LANG: "fr_FR.UTF-8", LC_ALL: "fr_FR.UTF-8" },
    ]) {
      // --fresh: every page rendered again on this machine, none linked from the last build's.
      const result = await cliBuild(root, env, ["--fresh"]);
      expect(result.code, result.stderr).toBe(0);
      builds.push({ ...(await snapshot(path.join(root, "_site"))), ...prefixed("published/", await snapshot(path.join(root, "published"))) });
      // A fresh output and no kept copies: the next machine makes every issue's data again.
      await rm(path.join(root, "_site"), { recursive: true, force: true });
      await rm(path.join(root, "published"), { recursive: true, force: true });
    }
    expect(Object.keys(builds[0]!).length).toBeGreaterThan(10);
    expect(Object.keys(builds[0]!)).toEqual(expect.arrayContaining(["data/incidents.csv", "data/weekly-counts.csv", "regions/mopti/index.html", "fr/regions/mopti/index.html", "issues/2020-w49/data/incidents.csv", "published/issues/2020-w49/data/incidents.csv"]));
    expect(builds[1]).toEqual(builds[0]);
  });
});
