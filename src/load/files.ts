import { readdir } from "node:fs/promises";
import path from "node:path";

/** Markdown files below `dir`, relative to it with "/" separators, in a stable order. */
export async function markdownFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.endsWith(".md"))
    // Code-unit order, not localeCompare: the same on every machine.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
