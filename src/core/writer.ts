// Writing thousands of files: the pages of a build (src/publish/write-pages.ts) and its search index
// (src/publish/search/index-writer.ts), one at a time on this thread. They were written on libuv's
// pool before (four threads making files while this one rendered the next page); measured in
// runs taking turns, the pool cost more of the processor in all than it saved (its threads
// contend in the file system; docs/performance.md). On two cores, with Pagefind indexing
// beside the rendering, no core is idle for the pool to use.
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

/**
 * Writes `file` under a temporary name beside it and renames it into place: whoever reads it
 * (the preview's server, another build, another thread) finds the old file or the new one,
 * never half of one.
 */
export function writeWhole(file: string, content: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes files, making their folders. With `whole`, each is replaced whole (writeWhole): the
 * preview's pages, which its server may be reading. A build writes into a folder nobody serves
 * yet, so it writes in place.
 */
export class FileWriter {
  /** Folders made (or found) already: most pages share theirs with none, but feeds and years do. */
  private readonly folders = new Set<string>();
  constructor(private readonly options: { readonly whole?: boolean } = {}) {}

  private inFolder(file: string): void {
    const dir = path.dirname(file);
    if (this.folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
  }

  write(file: string, content: string | Uint8Array): void {
    this.inFolder(file);
    if (this.options.whole) writeWhole(file, content);
    else writeFileSync(file, content);
  }

  /** Puts `source`, a file of the published site, at `file` too: a hard link, or a copy. */
  link(source: string, file: string): void {
    this.inFolder(file);
    try {
      linkSync(source, file);
    } catch {
      copyFileSync(source, file);
    }
  }
}
