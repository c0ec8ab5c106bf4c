// Writing thousands of files fast: the pages of a build (src/render.ts) and its search index
// (src/search/index-writer.ts). On the file systems measured, creating a file and its folder
// costs the system more than rendering it costs Node, and varies from run to run; so the
// files are written on libuv's pool while this thread goes on with the next.
import { copyFile, copyFileSync, link as fsLink, mkdir, mkdirSync, writeFile } from "node:fs";
import path from "node:path";

/**
 * Writes files, making their folders; `write` and `link` resolve once the caller may go on,
 * `finish` once every file is in place.
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

/**
 * A build's thousands of pages: the next page is rendered on this thread while libuv's pool
 * makes the folders and writes the last ones, so the system's time for creating files
 * (seconds, at 10,000 items, on the file systems measured, and very variable) is mostly spent
 * beside the rendering rather than after it. The callback API: the promise-based one costs
 * several times more per file here. Files in hand are bounded, and so is the memory they
 * hold. The first error ends the build.
 */
export class PoolWriter implements Writer {
  private inFlight = 0;
  private failure: NodeJS.ErrnoException | undefined;
  private wake: (() => void) | undefined;
  /** Each folder: made, or being made with the files waiting for it. */
  private readonly folders = new Map<string, true | (() => void)[]>();
  constructor(private readonly limit = 32) {}

  write(file: string, content: string | Uint8Array, written?: () => void): Promise<void> {
    return this.start(file, (done) => writeFile(file, content, (error) => done(error, written)));
  }

  link(source: string, file: string, linked?: () => void): Promise<void> {
    // A hard link costs no data; where one cannot be made (another file system), a copy.
    return this.start(file, (done) => fsLink(source, file, (error) => (error ? copyFile(source, file, (copyError) => done(copyError, linked)) : done(null, linked))));
  }

  private async start(file: string, operation: (done: (error: NodeJS.ErrnoException | null, then?: () => void) => void) => void): Promise<void> {
    while (this.inFlight >= this.limit && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    this.inFlight++;
    const done = (error: NodeJS.ErrnoException | null, then?: () => void) => {
      this.inFlight--;
      if (error) this.failure ??= error;
      else then?.();
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    };
    this.inFolder(path.dirname(file), (error) => (error ? done(error) : operation(done)));
  }

  /** Runs `then` once `dir` exists. */
  private inFolder(dir: string, then: (error: NodeJS.ErrnoException | null) => void): void {
    const state = this.folders.get(dir);
    if (state === true) return then(null);
    if (state) return void state.push(() => then(null));
    this.folders.set(dir, []);
    mkdir(dir, { recursive: true }, (error) => {
      const waiting = this.folders.get(dir) as (() => void)[];
      if (error) {
        this.folders.delete(dir);
        then(error);
        for (const next of waiting) next(); // each goes on, and fails on its own: no folder
        return;
      }
      this.folders.set(dir, true);
      then(null);
      for (const next of waiting) next();
    });
  }

  async finish(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }
}
