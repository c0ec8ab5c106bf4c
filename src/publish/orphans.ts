// A watch rebuild never deletes a page, so a deleted item's page would survive in the
// preview. The first build removes every file it did not make (the output may hold an
// earlier session's pages), except the copied static assets; later rebuilds remove the pages
// the last build made and this one does not.
import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";

export async function removeOrphans(output: string, written: Iterable<string>, keepPrefixes: readonly string[]): Promise<string[]> {
  const keep = new Set([...written].map((file) => path.resolve(file)));
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await readdir(output, { recursive: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const relative = entry.split(path.sep).join("/");
    if (keepPrefixes.some((prefix) => relative.startsWith(prefix))) continue;
    if (!/\.(html|xml|json|opml|svg|txt)$/.test(relative)) continue;
    const file = path.resolve(output, entry);
    if (keep.has(file)) continue;
    await rm(file, { force: true });
    removed.push(relative);
    await removeEmptyParents(path.dirname(file), path.resolve(output));
  }
  return removed;
}

async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  for (let current = dir; current.startsWith(stop) && current !== stop; current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone)
    }
  }
}

/** Removes pages that a rebuild no longer makes, given below `output`. */
export async function removePages(output: string, relatives: readonly string[]): Promise<void> {
  const root = path.resolve(output);
  for (const relative of relatives) {
    const file = path.resolve(root, relative);
    await rm(file, { force: true });
    await removeEmptyParents(path.dirname(file), root);
  }
}
