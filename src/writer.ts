// Writing thousands of files: the pages of a build (src/render.ts) and its search index
// (src/search/index-writer.ts), one at a time on this thread. They were written on libuv's
// pool before (four threads making files while this one rendered the next page); in runs
// taking turns at 10,000 items the pool cost 1.4 s more of the processor in all (11.7 s
// against 11.3 s of wall time), as its threads contend in the file system. On two cores,
// with Pagefind indexing beside the rendering, no core is idle for the pool to use.
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes files, making their folders; `write` and `link` resolve once the caller may go on,
 * `finish` once every file is in place (every file is, here, once its call resolves: the
 * interface leaves a writer free to work ahead).
 */
export interface Writer {
  write(file: string, content: string | Uint8Array, written?: () => void): Promise<void>;
  /** Puts `source`, a file of the published site, at `file` too (a hard link, or a copy). */
  link(source: string, file: string, linked?: () => void): Promise<void>;
  finish(): Promise<void>;
}

/** One file at a time, on this thread: the preview's few pages, each replaced whole. */
export class SyncWriter implements Writer {
  constructor(private readonly writeOne: (file: string, content: string | Uint8Array) => void) {}
  async write(file: string, content: string | Uint8Array, written?: () => void): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    this.writeOne(file, content);
    written?.();
  }
  async link(source: string, file: string, linked?: () => void): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(source, file);
    linked?.();
  }
  async finish(): Promise<void> {}
}

/** A build's pages and its search index, one after the other on this thread. */
export class BuildWriter implements Writer {
  /** Folders made (or found) already: most pages share theirs with none, but feeds and years do. */
  private readonly folders = new Set<string>();
  private inFolder(file: string): void {
    const dir = path.dirname(file);
    if (this.folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
  }
  async write(file: string, content: string | Uint8Array, written?: () => void): Promise<void> {
    this.inFolder(file);
    writeFileSync(file, content);
    written?.();
  }
  async link(source: string, file: string, linked?: () => void): Promise<void> {
    this.inFolder(file);
    try {
      linkSync(source, file);
    } catch {
      copyFileSync(source, file);
    }
    linked?.();
  }
  async finish(): Promise<void> {}
}

/**
 * Files are written synchronously, so a loop writing thousands would hold the thread until the
 * last: Pagefind, indexing meanwhile, would wait that long for its next records, and the
 * preview's server for its requests. `take` lets other work run every few milliseconds.
 */
export class Turns {
  private last = performance.now();
  constructor(private readonly everyMs = 5) {}
  async take(): Promise<void> {
    if (performance.now() - this.last < this.everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
