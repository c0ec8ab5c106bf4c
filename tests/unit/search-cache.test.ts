// Each year's search index is kept between builds, keyed by what makes it: a build re-indexes
// only the years whose records changed, and gives the same bytes as indexing afresh.
import { afterAll, describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BundleCache, bundlesOf, writeSearchIndex, writeSearchIndexes } from "../../src/publish/search/index-writer.ts";
import type { SearchRecord } from "../../src/pages/search-records.ts";
import { snapshot } from "../fixtures/tree.ts";

const record = (year: string, slug: string, text: string): SearchRecord => ({
  url: `/articles/${year}/${slug}/`,
  content: text,
  language: "en",
  meta: { title: slug, date: `1 December ${year}`, countries: "Mali", summary: text, kind: "item" },
  filters: { country: ["Mali"], year: [year] },
  sort: { date: `${year}-12-01T00:00:00.000Z` },
  bundle: year,
});

const temps: string[] = [];
/** The keys of the bundles in a cache folder, each kept as <key>.bundle. */
const cachedKeys = async (folder: string) => (await readdir(folder)).map((name) => name.replace(/\.bundle$/, "")).sort();
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("the search index cache", () => {
  it("re-indexes only the year that changed, and gives the bytes a fresh index gives", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-search-cache-"));
    temps.push(root);
    const cache = new BundleCache(path.join(root, "cache"));
    const before = [record("2019", "old", "Raid near Ménaka"), record("2020", "new", "Clash near Gao")];
    const result = await writeSearchIndex(before, path.join(root, "site", "pagefind"), "en", cache);
    expect(result.years).toEqual(["2020", "2019"]);
    const keys = await cachedKeys(path.join(root, "cache"));
    expect(keys).toHaveLength(2);

    const after = [before[0]!, record("2020", "new", "Clash near Gao, then a second one")];
    await writeSearchIndex(after, path.join(root, "site", "pagefind"), "en", cache);
    const keysAfter = await cachedKeys(path.join(root, "cache"));
    // 2019's bundle is the one it was; 2020's is new; nothing else is kept.
    expect(keysAfter).toHaveLength(2);
    expect(keysAfter.filter((key) => keys.includes(key))).toEqual([BundleCache.keyOf([before[0]!], "en")]);

    const fresh = path.join(root, "fresh", "pagefind");
    await writeSearchIndex(after, fresh, "en");
    expect(await snapshot(path.join(root, "site", "pagefind"))).toEqual(await snapshot(fresh));
  });

  it("shares the years of every edition between two Pagefind services, and writes what one service writes", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-search-services-"));
    temps.push(root);
    const years = ["2018", "2019", "2020"];
    const english = years.flatMap((year) => [record(year, `raid-${year}`, `Raid near Ménaka in ${year}`), record(year, `talks-${year}`, `Talks in Bamako, ${year}`)]);
    const french = english.map((r) => ({ ...r, content: r.content.replace("near", "près de"), language: "fr" }));
    const jobsIn = (site: string) => [
      { bundles: bundlesOf(english, "en"), folder: path.join(root, site, "pagefind"), language: "en" },
      { bundles: bundlesOf(french, "fr"), folder: path.join(root, site, "fr", "pagefind"), language: "fr" },
    ];
    const two = await writeSearchIndexes(jobsIn("two"), undefined, undefined, { services: 2 });
    await writeSearchIndexes(jobsIn("one"), undefined, undefined, { services: 1 });
    expect(two.map((r) => r.years)).toEqual([["2020", "2019", "2018"], ["2020", "2019", "2018"]]);
    const written = await snapshot(path.join(root, "two"));
    expect(Object.keys(written).filter((file) => file.endsWith("pagefind-entry.json")).sort()).toEqual(
      ["", "fr/"].flatMap((edition) => years.map((year) => `${edition}pagefind/${year}/pagefind-entry.json`)).sort(),
    );
    expect(written).toEqual(await snapshot(path.join(root, "one")));
  });

  it("moves the years the index folder already holds unchanged, as the preview asks, and writes the one that changed", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-search-in-place-"));
    temps.push(root);
    const folder = path.join(root, "site", "pagefind");
    const inPlace = new Map<string, string>();
    const before = [record("2019", "old", "Raid near Ménaka"), record("2020", "new", "Clash near Gao")];
    await writeSearchIndexes([{ bundles: bundlesOf(before, "en"), folder, language: "en" }], undefined, undefined, { inPlace });
    expect([...inPlace.keys()].sort()).toEqual([path.join(folder, "2019"), path.join(folder, "2020")]);
    const entry = (year: string) => statSync(path.join(folder, year, "pagefind-entry.json")).ino;
    const [old2019, old2020] = [entry("2019"), entry("2020")];

    const after = [before[0]!, record("2020", "new", "Clash near Gao, then a second one")];
    await writeSearchIndexes([{ bundles: bundlesOf(after, "en"), folder, language: "en" }], undefined, undefined, { inPlace });
    // 2019's files are the same files, moved; 2020's were written again.
    expect(entry("2019")).toBe(old2019);
    expect(entry("2020")).not.toBe(old2020);
    const fresh = path.join(root, "fresh", "pagefind");
    await writeSearchIndex(after, fresh, "en");
    expect(await snapshot(folder)).toEqual(await snapshot(fresh));

    // A save that changed no year's records: every year moves across, none is written.
    const [now2019, now2020] = [entry("2019"), entry("2020")];
    await writeSearchIndexes([{ bundles: bundlesOf(after, "en"), folder, language: "en" }], undefined, undefined, { inPlace });
    expect([entry("2019"), entry("2020")]).toEqual([now2019, now2020]);
    expect(await snapshot(folder)).toEqual(await snapshot(fresh));
  });

  it("keeps every edition's bundles: indexing the French edition does not forget the English one's", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-search-editions-"));
    temps.push(root);
    const cache = new BundleCache(path.join(root, "cache"));
    const english = [record("2020", "clash", "Clash near Gao")];
    const french = [{ ...record("2020", "clash", "Affrontement près de Gao"), language: "fr" }];
    const jobs = [
      { bundles: bundlesOf(english, "en"), folder: path.join(root, "site", "pagefind"), language: "en" },
      { bundles: bundlesOf(french, "fr"), folder: path.join(root, "site", "fr", "pagefind"), language: "fr" },
    ];
    const results = await writeSearchIndexes(jobs, cache);
    expect(results.map((r) => path.relative(root, r.folder))).toEqual([path.join("site", "pagefind"), path.join("site", "fr", "pagefind")]);
    const keys = await cachedKeys(path.join(root, "cache"));
    expect(keys).toEqual([BundleCache.keyOf(english, "en"), BundleCache.keyOf(french, "fr")].sort());
    // The next build finds both, and writes the same files.
    const first = await snapshot(path.join(root, "site"));
    await writeSearchIndexes(jobs, cache);
    expect(await cachedKeys(path.join(root, "cache"))).toEqual(keys);
    expect(await snapshot(path.join(root, "site"))).toEqual(first);
  });
});
