// The preview: Eleventy's watcher and dev server over the digest, with drafts shown. Every
// change under content/ or templates/ triggers a rebuild (incremental: see src/publish/eleventy-plugin.ts); a
// rebuild that fails keeps the last good pages.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { basePathOf, configureSite } from "./eleventy-plugin.ts";
import { DEFAULT_TEMPLATES } from "../core/project.ts";
import { startWatching } from "./eleventy.ts";
import { PreviewProblems } from "./preview-panel.ts";
import { listenAddress, previewGuard, upgradeGuard } from "./preview-guard.ts";
import { claimOutput, PREVIEW_FOLDER } from "./preview-output.ts";

export interface PreviewOptions {
  readonly root: string;
  readonly output?: string;
  /** Serve on this port (with live reload); without it, only watch and rebuild. */
  readonly port?: number;
  /**
   * The address to serve on: by default 127.0.0.1, this machine only. Another address shows
   * the drafts and embargoed items to whoever can reach it.
   */
  readonly host?: string;
}

export interface Preview {
  stop(): Promise<void>;
}

export { outputProblem, PREVIEW_FOLDER } from "./preview-output.ts";

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const output = path.resolve(options.output ?? path.join(options.root, PREVIEW_FOLDER));
  // Only into a folder of its own: it deletes the pages there that it did not make.
  claimOutput(output, options.root);
  // Saves from here on must reach the site, the first build's time included.
  const firstBuildStarted = Date.now();
  // A failed rebuild shows its problems on the page being viewed: the browser is asked to load
  // it again once Eleventy has reported the failure (src/publish/preview-panel.ts).
  const problems = new PreviewProblems();
  let reloadBrowsers = () => {};
  const onFailed = () => void setTimeout(() => reloadBrowsers(), 100);
  // The dev server serves the site under the path it will be published at.
  const pathPrefix = await basePathOf(options.root);
  const address = listenAddress(options.host);
  let pages: { count: number; rendered: number } | undefined;
  const watching = await startWatching({
    output,
    serving: options.port !== undefined,
    pathPrefix,
    configure: (eleventyConfig) => {
      // First, so that it stands in front of every other middleware (src/publish/preview-guard.ts).
      eleventyConfig.setServerOptions({ middleware: [previewGuard(address, pathPrefix)] });
      return configureSite(eleventyConfig, { root: options.root, output, includeDrafts: true, incremental: true, problems: { store: problems, onFailed }, onPages: (count, rendered) => (pages = { count, rendered }) });
    },
    // What the terminal says once a rebuild is done: the pages, not Eleventy's count of its own templates.
    // Once per rebuild; a failed one wrote nothing, and its problems are told already.
    wrote: () => {
      const done = pages;
      pages = undefined;
      return done ? `Wrote ${done.rendered} of ${done.count} pages (the others had not changed)` : "";
    },
  });
  reloadBrowsers = () => watching.reloadBrowsers();
  // Files the watcher reported, or a catch-up below rebuilt for.
  const handled = new Set<string>();
  watching.onFileEvent((_event, file) => handled.add(path.resolve(file)));
  // The watcher starts only after the first build (seconds, on a large archive), and on a large
  // archive says it is ready about a second before it hears every file: a save in either
  // time would be lost. So look for files saved since the first build began that it did not
  // report: once now, and once more when it surely listens. A needless rebuild costs little,
  // since a rebuild writes only what changed.
  const watched = [path.join(options.root, "content"), DEFAULT_TEMPLATES];
  const catchUp = async () => {
    for (const file of await savedSince(watched, firstBuildStarted)) {
      if (handled.has(file)) continue;
      handled.add(file);
      void watching.rebuildFor(file);
    }
  };
  await catchUp();
  const later = setTimeout(() => void catchUp(), CATCH_UP_AGAIN_MS);
  later.unref();
  if (options.port !== undefined) await watching.serve(options.port, address, upgradeGuard(address));
  return {
    stop: () => {
      clearTimeout(later);
      return watching.stop();
    },
  };
}

/** Long enough for the watcher to hear every file of a large archive (a second at 10,000). */
const CATCH_UP_AGAIN_MS = 5_000;

/** Files below `folders` modified at or after `since` (ms), absolute. */
export async function savedSince(folders: readonly string[], since: number): Promise<string[]> {
  const saved: string[] = [];
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.filter((entry) => entry.isFile()).map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const info = await stat(file).catch(() => undefined);
        if (info && info.mtimeMs >= since) saved.push(file);
      }),
    );
  }
  return saved.sort();
}
