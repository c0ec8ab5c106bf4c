// Turns for other work while this thread runs a long synchronous loop: writing thousands of
// files (src/publish/write-pages.ts, the search index), or reading thousands of items
// (src/content/load/content.ts).

/**
 * A loop of synchronous work holds the thread until its last step: Pagefind, indexing
 * meanwhile, would wait that long for its next records, the preview's server for its requests,
 * and a Ctrl-C for its handler (a hundred thousand items take most of a minute to read).
 * `take` lets other work run every few milliseconds.
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
