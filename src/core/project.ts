// Where this project's own files are: its templates, its messages, and the src/ and
// package-lock.json whose version the build's cache follows (src/publish/build-cache.ts). One place,
// so that nothing else works out a path from its own location: compiled ahead of time
// (src/cli/launch.mjs), this code runs from a cache folder, and is told where the project is.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Set by the compiler when the code runs from src/cli/launch.mjs's cache. */
declare const SAHEL_DIGEST_PROJECT: string | undefined;

export const PROJECT = typeof SAHEL_DIGEST_PROJECT === "string" ? SAHEL_DIGEST_PROJECT : fileURLToPath(new URL("../..", import.meta.url));

/** The templates a build uses unless it is given others (a test's, a theme's). */
export const DEFAULT_TEMPLATES = path.join(PROJECT, "templates");

/**
 * Where a project's caches live: below its node_modules/, which git ignores and `rm -rf` clears;
 * or, when DIGEST_CACHE_DIR is set, there. `npm ci` deletes node_modules/ whole, so a publishing
 * recipe that runs it keeps the cache outside (README, "Publishing"): what is kept is checked
 * before use, so where it lives changes no byte of the site.
 */
export function cacheFolder(root: string, ...parts: string[]): string {
  const chosen = process.env.DIGEST_CACHE_DIR;
  if (chosen) return path.join(path.resolve(chosen), ...parts);
  return path.join(path.resolve(root), "node_modules", ".cache", "sahel-digest", ...parts);
}

/**
 * Where a project keeps what it has published for good: each issue's open data as it was when its
 * week was over (published/issues/<week>/data/, src/publish/as-published.ts). Committed with the
 * content, as a fresh checkout builds the site from nothing.
 */
export function publishedFolder(root: string, ...parts: string[]): string {
  return path.join(path.resolve(root), "published", ...parts);
}
