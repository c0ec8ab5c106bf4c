// Writes the search index with Pagefind (npm pagefind, whose Linux binary ships as an npm
// package: nothing is downloaded at install time). The index is a folder of small files the
// search page fetches from the site itself, a few at a time: no request to any other host.
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
}

/** The records are sent all at once; Pagefind orders pages itself, so the files are the same every time (tests/build/publish.test.ts). */
export async function writeSearchIndex(records: readonly SearchRecord[], folder: string, language: string): Promise<IndexResult> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const { index } = created;
  try {
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
    // that may not be written is reported like any other file the build writes. They are
    // written beside the old index and swapped in: the preview never serves half of one, and
    // no file of an earlier index lingers.
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`Pagefind could not build its index: ${built.errors.join("; ")}`);
    const next = `${folder}.next-${process.pid}`;
    await rm(next, { recursive: true, force: true });
    const files = built.files.filter((file) => !UNUSED.includes(file.path));
    await Promise.all([...new Set(files.map((file) => path.dirname(path.join(next, file.path))))].map((dir) => mkdir(dir, { recursive: true })));
    for (let i = 0; i < files.length; i += 128) {
      await Promise.all(files.slice(i, i + 128).map((file) => writeFile(path.join(next, file.path), file.content)));
    }
    await rm(folder, { recursive: true, force: true });
    await rename(next, folder);
    return { records: records.length, folder };
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
