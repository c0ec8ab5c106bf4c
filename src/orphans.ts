// A watch rebuild writes every page again but never deletes one, so a deleted item's page
// would survive in the preview. After each successful rebuild, files the build did not write
// are removed, except the copied static assets.
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
