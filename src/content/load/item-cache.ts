// The preview's memory of items already read: an item whose file has the same size and time
// stamp as last time is not read, parsed or rendered again. At 10,000 items that turns a
// rebuild for one edited item from seconds into milliseconds.
import type { ItemResult } from "./items.ts";

interface Entry {
  readonly stamp: string;
  readonly result: ItemResult;
}

export class ItemCache {
  private readonly entries = new Map<string, Entry>();
  private context = "";

  /**
   * What every item's validation depends on besides its own file (known countries and tags,
   * the time zone): when it changes, every item is read again.
   */
  useContext(context: string): void {
    if (context !== this.context) this.entries.clear();
    this.context = context;
  }

  get(file: string, stamp: string): ItemResult | undefined {
    const entry = this.entries.get(file);
    return entry && entry.stamp === stamp ? entry.result : undefined;
  }

  set(file: string, stamp: string, result: ItemResult): void {
    this.entries.set(file, { stamp, result });
  }

  /** Files remembered. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets files that are gone, so the cache does not grow with deleted items. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file);
  }
}
