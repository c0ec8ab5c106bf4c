// Writes the search index with Pagefind (npm pagefind, whose Linux binary ships as an npm
// package: nothing is downloaded at install time). The index is a folder of small files the
// search page fetches from the site itself, a few at a time: no request to any other host.
//
// One Pagefind bundle per year (/pagefind/2020/, /pagefind/2019/...). The search page loads the
// newest year's first, so a first result costs what one year's index costs, whatever the size
// of the archive; the older years are merged in after (Pagefind's mergeIndex).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "../../pages/search-records.ts";
import type { PageCache } from "../build-cache.ts";
import { paths } from "../../digest/paths.ts";
import { PROJECT } from "../../core/project.ts";
import { FileWriter } from "../../core/writer.ts";
import { Turns } from "../../core/turns.ts";
import { readKept, writeKept } from "../kept.ts";

/** Below the site's root: /pagefind/ (paths.searchIndex). */
export const SEARCH_FOLDER = paths.searchIndex.replace(/^\/|\/$/g, "");

const UNUSED = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

export interface IndexResult {
  /** Where the index was written: <output>/pagefind. */
  readonly folder: string;
  /** The years with a bundle, newest first. */
  readonly years: readonly string[];
}

/** Orders [year, ...] entries newest year first, as the bundles are indexed and searched. */
export const newestYearFirst = ([a]: readonly [string, ...unknown[]], [b]: readonly [string, ...unknown[]]): number => (a < b ? 1 : a > b ? -1 : 0);

/** The records grouped by their `bundle`, newest year first. */
export function bundles(records: readonly SearchRecord[]): [string, SearchRecord[]][] {
  const groups = new Map<string, SearchRecord[]>();
  for (const record of records) {
    const list = groups.get(record.bundle);
    if (list) list.push(record);
    else groups.set(record.bundle, [record]);
  }
  return [...groups].sort(newestYearFirst);
}

/** A file of a Pagefind bundle, below its year's folder. */
export interface BundleFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** Records sent to Pagefind before waiting for its answers. */
const RECORDS_IN_FLIGHT = 256;

type Pagefind = typeof pagefind;

/**
 * Pagefind's API runs one service process (its module starts it, once), and the service
 * indexes on one core, so two index a large archive in about two thirds of the time one takes
 * (docs/performance.md). A second instance of its module (the same file, imported under another
 * URL, which Node's module cache keys by) runs a second service, and the years are shared
 * between the two, each taking the next as it finishes one.
 */
async function pagefindServices(count: number): Promise<Pagefind[]> {
  const services: Pagefind[] = [pagefind];
  for (let i = 1; i < count; i++) services.push((await import(`${PAGEFIND_ENTRY}?service=${i}`)) as Pagefind);
  return services;
}

/** Services beside the build's own process: two on two cores, never more than two. */
const SERVICES = Math.max(1, Math.min(2, availableParallelism()));
/**
 * Below this many records to index, one service: on a small site a second process's start
 * costs more than it saves, and the tests build small sites by the dozen.
 */
const RECORDS_FOR_TWO = 2_000;

async function bundleFiles(service: Pagefind, records: readonly SearchRecord[], language: string): Promise<BundleFile[]> {
  const created = await service.createIndex({ forceLanguage: language });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const { index } = created;
  // Pagefind orders pages itself, so the files are the same every time (tests/build/publish.test.ts).
  // The records go in batches: each in flight is held twice over (as JSON, then base64) until
  // Pagefind answers, which at 10,000 items was a few hundred megabytes at once.
  const added: { errors: string[] }[] = [];
  for (let start = 0; start < records.length; start += RECORDS_IN_FLIGHT) {
    const batch = records.slice(start, start + RECORDS_IN_FLIGHT).map((record) =>
      index.addCustomRecord({
        url: record.url,
        content: record.content,
        language: record.language,
        meta: { ...record.meta },
        filters: Object.fromEntries(Object.entries(record.filters).map(([key, values]) => [key, [...values]])),
        sort: { ...record.sort },
      }),
    );
    added.push(...(await Promise.all(batch)));
  }
  const failed = added.findIndex((result) => result.errors.length > 0);
  if (failed !== -1) throw new Error(`Pagefind could not index ${records[failed]!.url}: ${added[failed]!.errors.join("; ")}`);
  // Pagefind hands the files over rather than writing them itself, so a full disk or a folder
  // that may not be written is reported like any other file the build writes.
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`Pagefind could not build its index: ${built.errors.join("; ")}`);
  await index.deleteIndex();
  return built.files.filter((file) => !UNUSED.includes(file.path));
}

/**
 * Bundles already built, by a hash of everything that makes them (their records, the language,
 * Pagefind's version): a year whose items did not change is not indexed again. Kept in
 * node_modules/.cache, which git ignores; only the bundles of the latest build stay.
 */
export class BundleCache {
  constructor(private readonly folder: string) {}

  /**
   * A bundle named by what its records are made from rather than by the records: `parts` must
   * change whenever any of its records would (src/pages/search-records.ts, bundleSources).
   */
  static keyOfSources(parts: readonly string[], language: string): string {
    const hash = createHash("sha256").update(JSON.stringify([PAGEFIND_VERSION, language, "sources"]));
    for (const part of parts) hash.update("\0").update(part);
    return hash.digest("hex").slice(0, 32);
  }

  static keyOf(records: readonly SearchRecord[], language: string): string {
    return createHash("sha256").update(JSON.stringify([PAGEFIND_VERSION, language, records])).digest("hex").slice(0, 32);
  }

  // A bundle is one file: at 10,000 items the index is some 10,000 small files, and reading
  // or writing them one by one cost seconds on the file systems measured.
  async get(key: string): Promise<BundleFile[] | undefined> {
    return readKept(path.join(this.folder, `${key}.bundle`), isBundle);
  }

  async set(key: string, files: readonly BundleFile[]): Promise<void> {
    writeKept(path.join(this.folder, `${key}.bundle`), files.map(({ path, content }) => ({ path, content })));
  }

  /** Forgets every bundle but `keys`, so the cache does not grow with every edit. */
  async keepOnly(keys: ReadonlySet<string>): Promise<void> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(entries.filter((name) => !keys.has(name.replace(/\.bundle$/, ""))).map((name) => rm(path.join(this.folder, name), { recursive: true, force: true })));
  }
}

/** A year's files as Pagefind made them: relative paths inside the year's folder, and bytes. */
function isBundle(value: unknown): value is BundleFile[] {
  return (
    Array.isArray(value) &&
    value.every((file: unknown) => {
      const { path: where, content } = (file ?? {}) as { path?: unknown; content?: unknown };
      return typeof where === "string" && !path.isAbsolute(where) && !where.split(/[\\/]/).includes("..") && content instanceof Uint8Array;
    })
  );
}

/** Pagefind's package.json beside this project's (it exports no path to it). */
const PAGEFIND_PACKAGE = (() => {
  const folder = path.join(PROJECT, "node_modules", "pagefind");
  try {
    return { folder, ...(JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { version: string; exports?: { ".": { import: string } } }) };
  } catch {
    return undefined;
  }
})();
/** Its version (unknown: the key still changes with the records, and an install starts a fresh cache). */
const PAGEFIND_VERSION = PAGEFIND_PACKAGE?.version ?? "unknown";
/** Its module, as a file URL (no second service where it cannot be found). */
const PAGEFIND_ENTRY = PAGEFIND_PACKAGE?.exports?.["."].import && pathToFileURL(path.join(PAGEFIND_PACKAGE.folder, PAGEFIND_PACKAGE.exports["."].import)).href;

export async function writeSearchIndex(records: readonly SearchRecord[], folder: string, language: string, cache?: BundleCache): Promise<IndexResult> {
  const [result] = await writeSearchIndexes([{ bundles: bundlesOf(records, language), folder, language }], cache);
  return result!;
}

/**
 * A production build's memory of the last (src/publish/build-cache.ts): a year's bundle made from the
 * same records as the published site's is linked from there, file by file.
 */
export interface IndexReuse {
  readonly pages: PageCache;
  /** The folder the new site is written into: files are named from it, as pages are. */
  readonly site: string;
}

/**
 * Every edition's index, each in its own folder and language, by one Pagefind service or two
 * (`services` says how many; by default two where there is enough to index); the cache keeps
 * the bundles of all of them (and forgets the rest).
 */
export async function writeSearchIndexes(
  jobs: readonly IndexJob[],
  cache?: BundleCache,
  reuse?: IndexReuse,
  { services: serviceCount, inPlace }: { services?: number; inPlace?: InPlace } = {},
): Promise<IndexResult[]> {
  const planned = jobs.map((job) => {
    const groups = job.bundles.map((bundle) => [bundle.year, bundle] as const);
    const keys = job.bundles.map((bundle) => bundle.key);
    // Where each year's files will be in the site, and those the published site has unchanged.
    const inSite = (year: string) => (reuse ? path.relative(reuse.site, path.join(job.folder, year)) : "");
    const published = groups.map(([year], i) => reuse?.pages.unchangedFolder(inSite(year), keys[i]!));
    const kept = groups.map(([year], i) => inPlace?.get(path.join(job.folder, year)) === keys[i] && existsSync(path.join(job.folder, year)));
    return { job, groups, keys, inSite, published, kept, built: [] as BundleFile[][] };
  });
  // Every edition's years in one queue, newest first, for the services to take from.
  const queue = planned.flatMap((plan) => plan.groups.map((_, i) => ({ plan, i })));
  const toIndex = queue.filter(({ plan, i }) => !plan.published[i] && !plan.kept[i]).map(({ plan, i }) => plan.groups[i]![1].size);
  const worthTwo = toIndex.length > 1 && toIndex.reduce((sum, size) => sum + size, 0) >= RECORDS_FOR_TWO;
  const services = await pagefindServices(serviceCount ?? (PAGEFIND_ENTRY && worthTwo ? SERVICES : 1));
  try {
    const take = async (service: Pagefind): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { plan, i } = next;
        const bundle = plan.groups[i]![1];
        if (plan.published[i] || plan.kept[i]) {
          plan.built[i] = [];
          continue;
        }
        // A cache that cannot be read or written is no reason to fail a build: index afresh.
        let files = await cache?.get(plan.keys[i]!).catch(() => undefined);
        if (!files) {
          files = await bundleFiles(service, bundle.records(), plan.job.language);
          await cache?.set(plan.keys[i]!, files).catch(() => {});
        }
        plan.built[i] = files;
      }
    };
    // The first failure ends the build: the other service takes nothing more.
    await Promise.all(services.map((service) => take(service).catch((error: unknown) => {
      queue.length = 0;
      throw error;
    })));
    const results: IndexResult[] = [];
    for (const { job, groups, inSite, published, kept, built, keys } of planned) {
      const { folder } = job;
      // Written beside the old index and swapped in: the preview never serves half of one, and
      // no file of an earlier index lingers.
      const next = `${folder}.next-${process.pid}`;
      await rm(next, { recursive: true, force: true });
      // As src/publish/write-pages.ts writes pages, and for the same reason (src/core/writer.ts).
      const writer = new FileWriter();
      const turns = new Turns();
      const place = async (i: number, year: string) => {
        for (const [file, source] of published[i] ?? []) {
          writer.link(source, path.join(next, year, file));
          reuse!.pages.linked(path.join(inSite(year), file));
          await turns.take();
        }
        for (const file of built[i]!) {
          const target = path.join(next, year, file.path);
          writer.write(target, file.content);
          reuse?.pages.wrote(path.join(inSite(year), file.path), keys[i]!, target, file.content);
          await turns.take();
        }
      };
      // Forgotten until this folder is whole again: a failure may leave it with years missing.
      for (const yearFolder of inPlace?.keys() ?? []) if (path.dirname(yearFolder) === folder) inPlace!.delete(yearFolder);
      for (const [i, [year]] of groups.entries()) await place(i, year);
      // The years unchanged since the last index move across whole, last: the old index
      // goes without them only for the moment before the swap. (`next` may hold nothing yet:
      // an edit that changed no year's records.)
      await mkdir(next, { recursive: true });
      for (const [i, [year]] of groups.entries()) if (kept[i]) await rename(path.join(folder, year), path.join(next, year));
      await rm(folder, { recursive: true, force: true });
      await rename(next, folder);
      for (const [i, [year]] of groups.entries()) inPlace?.set(path.join(folder, year), keys[i]!);
      results.push({ folder, years: groups.map(([year]) => year) });
    }
    await cache?.keepOnly(new Set(planned.flatMap((p) => p.keys))).catch(() => {});
    return results;
  } finally {
    await Promise.all(services.map((service) => service.close()));
  }
}

/**
 * The preview's memory of what its index folders hold: each year's folder by its bundle's key.
 * A year whose key is the same next time is moved into the new index, not written again (ten
 * thousand files for a year at 100,000 items).
 */
export type InPlace = Map<string, string>;

/** One edition's index: its bundles, its folder, its language. */
export interface IndexJob {
  readonly bundles: readonly IndexBundle[];
  readonly folder: string;
  readonly language: string;
}

/**
 * One year's bundle: its key (what the bundle cache and the published site know it by), and
 * its records, worked out only if it must be indexed: at 10,000 items, working out every
 * record took about a second of a build that found every bundle unchanged.
 */
export interface IndexBundle {
  readonly year: string;
  readonly key: string;
  /** How many records it has, or about: what decides whether a second service is worth starting. */
  readonly size: number;
  readonly records: () => readonly SearchRecord[];
}

/** The bundles of `records`, each named by its records (BundleCache.keyOf). */
export function bundlesOf(records: readonly SearchRecord[], language: string): IndexBundle[] {
  return bundles(records).map(([year, group]) => ({ year, key: BundleCache.keyOf(group, language), size: group.length, records: () => group }));
}

/**
 * The preview's indexer: an edit's pages are written at once and the index follows in the
 * background, one index at a time; edits saved meanwhile are indexed together, next.
 */
export class BackgroundIndexer {
  private running: Promise<void> | undefined;
  private pending: { jobs: readonly IndexJob[]; cache: BundleCache | undefined } | undefined;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Every edition's index, one after the other. */
  schedule(jobs: readonly IndexJob[], cache?: BundleCache): Promise<void> {
    this.pending = { jobs, cache };
    this.running ??= this.drain();
    return this.running;
  }

  private readonly inPlace: InPlace = new Map();

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const { jobs, cache } = this.pending;
        this.pending = undefined;
        try {
          // One Pagefind service: the index can wait, and the other core is the editor's, for
          // the rebuild of a save made while it indexes (at 10,000 items, the preview's first
          // index takes some ten seconds).
          await writeSearchIndexes(jobs, cache, undefined, { inPlace: this.inPlace, services: 1 });
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
