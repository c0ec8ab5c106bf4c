// Writes the search index with Pagefind (npm pagefind, whose Linux binary ships as an npm
// package: nothing is downloaded at install time). The index is a folder of small files the
// search page fetches from the site itself, a few at a time: no request to any other host.
//
// One Pagefind bundle per year (/pagefind/2020/, /pagefind/2019/...). The search page loads the
// newest year's first, so a first result costs what one year's index costs, whatever the size
// of the archive; the older years are merged in after (Pagefind's mergeIndex).
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.ts";

/** Below the site's root: /pagefind/. */
export const SEARCH_FOLDER = "pagefind";

const UNUSED = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

export interface IndexResult {
  readonly records: number;
  /** Where the index was written: <output>/pagefind. */
  readonly folder: string;
  /** The years with a bundle, newest first. */
  readonly years: readonly string[];
}

/** The records grouped by their `bundle`, newest year first. */
export function bundles(records: readonly SearchRecord[]): [string, SearchRecord[]][] {
  const groups = new Map<string, SearchRecord[]>();
  for (const record of records) {
    const list = groups.get(record.bundle);
    if (list) list.push(record);
    else groups.set(record.bundle, [record]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
}

async function bundleFiles(records: readonly SearchRecord[], language: string): Promise<{ path: string; content: Uint8Array }[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const { index } = created;
  // The records are sent all at once; Pagefind orders pages itself, so the files are the same
  // every time (tests/build/publish.test.ts).
  const added = await Promise.all(
    records.map((record) =>
      index.addCustomRecord({
        url: record.url,
        content: record.content,
        language: record.language,
        meta: { ...record.meta },
        filters: Object.fromEntries(Object.entries(record.filters).map(([key, values]) => [key, [...values]])),
        sort: { ...record.sort },
      }),
    ),
  );
  const failed = added.findIndex((result) => result.errors.length > 0);
  if (failed !== -1) throw new Error(`Pagefind could not index ${records[failed]!.url}: ${added[failed]!.errors.join("; ")}`);
  // Pagefind hands the files over rather than writing them itself, so a full disk or a folder
  // that may not be written is reported like any other file the build writes.
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`Pagefind could not build its index: ${built.errors.join("; ")}`);
  await index.deleteIndex();
  return built.files.filter((file) => !UNUSED.includes(file.path));
}

export async function writeSearchIndex(records: readonly SearchRecord[], folder: string, language: string): Promise<IndexResult> {
  const groups = bundles(records);
  try {
    const built = await Promise.all(groups.map(([, group]) => bundleFiles(group, language)));
    // Written beside the old index and swapped in: the preview never serves half of one, and
    // no file of an earlier index lingers.
    const next = `${folder}.next-${process.pid}`;
    await rm(next, { recursive: true, force: true });
    const files = groups.flatMap(([year], i) => built[i]!.map((file) => ({ path: path.join(next, year, file.path), content: file.content })));
    await Promise.all([...new Set(files.map((file) => path.dirname(file.path)))].map((dir) => mkdir(dir, { recursive: true })));
    for (let i = 0; i < files.length; i += 128) {
      await Promise.all(files.slice(i, i + 128).map((file) => writeFile(file.path, file.content)));
    }
    await rm(folder, { recursive: true, force: true });
    await mkdir(next, { recursive: true });
    await rename(next, folder);
    return { records: records.length, folder, years: groups.map(([year]) => year) };
  } finally {
    await pagefind.close();
  }
}

interface IndexJob {
  readonly records: readonly SearchRecord[];
  readonly folder: string;
  readonly language: string;
}

/**
 * The preview's indexer: an edit's pages are written at once and the index follows in the
 * background, one index at a time; edits saved meanwhile are indexed together, next.
 */
export class BackgroundIndexer {
  private running: Promise<void> | undefined;
  private pending: IndexJob | undefined;

  constructor(private readonly onError: (error: unknown) => void) {}

  schedule(job: IndexJob): Promise<void> {
    this.pending = job;
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const job = this.pending;
        this.pending = undefined;
        try {
          await writeSearchIndex(job.records, job.folder, job.language);
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
