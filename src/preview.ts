// The preview: Eleventy's watcher and dev server over the digest, with drafts shown. Every
// change under content/ or templates/ triggers a full rebuild (the digest is one grouping of
// all items, so no page can be safely skipped); a rebuild that fails keeps the last good pages.
// @ts-expect-error Eleventy ships no type declarations.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { basePathOf, configureSite, type EleventyConfig } from "./plugin.ts";

export interface PreviewOptions {
  readonly root: string;
  readonly output?: string;
  /** Serve on this port (with live reload); without it, only watch and rebuild. */
  readonly port?: number;
}

export interface Preview {
  stop(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const output = path.resolve(options.output ?? path.join(options.root, "_site"));
  const eleventy = new Eleventy(undefined, output, {
    quietMode: true,
    configPath: false,
    runMode: options.port === undefined ? "watch" : "serve",
    // The dev server serves the site under the path it will be published at.
    pathPrefix: await basePathOf(options.root),
    config: (eleventyConfig: EleventyConfig) =>
      configureSite(eleventyConfig, { root: options.root, output, includeDrafts: true, incremental: true }),
  });
  await eleventy.init();
  const rebuildFor = (await eleventy.watch()) as (changedPath: string) => Promise<void>;
  // Eleventy 3 logs a deleted file but does not rebuild, which would leave a deleted item on
  // every page that listed it. Rebuild for a deletion as for any other change.
  eleventy.watcher.on("unlink", (deletedPath: string) => void rebuildFor(deletedPath));
  if (options.port !== undefined) await eleventy.serve(options.port);
  return { stop: () => eleventy.stopWatch() };
}
