// The only place that knows about Eleventy. Before each (re)build it loads and groups the
// content (src/publish/site-digest.ts); after it, it writes every page the table in src/pages/table.ts
// declares (src/publish/write-pages.ts), through the template engine (src/pages/engine.ts). Eleventy itself copies the stylesheet, watches and serves. In the
// preview this also keeps what rebuilds can reuse, and removes the pages of deleted items.
import path from "node:path";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { transform } from "esbuild";
import { COLLECTIONS } from "../content/collections.ts";
import { loadSite, type Timings } from "./site-digest.ts";
import { importDefault } from "../content/load/data-files.ts";
import { everyEdition, type Digest } from "../digest/digest.ts";
import { ASSET_FOLDER_NAMES, SiteUrls } from "../digest/paths.ts";
import { removeOrphans, removePages } from "./orphans.ts";
import { sitePageJobs, writePages, type WrittenPages } from "./write-pages.ts";
import { Fingerprints, type PageCache } from "./build-cache.ts";
import type { PageKind } from "../pages/table.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { ItemCache } from "../content/load/item-cache.ts";
import { ContentError, formatProblem } from "../core/problems.ts";
import { panelMiddleware, type PreviewProblems } from "./preview-panel.ts";
import { BackgroundIndexer, SEARCH_FOLDER } from "./search/index-writer.ts";
import { previewVersion, searchCacheOf, searchJobs, writeSiteSearch } from "./search/site-search.ts";
import { templateEngine } from "../pages/engine.ts";

// Resolved from the project's place (src/core/project.ts), so a build works from any working directory.
import { DEFAULT_TEMPLATES } from "../core/project.ts";

export interface SiteOptions {
  /** The project folder whose content/ is built. */
  readonly root: string;
  /** The templates folder; by default this project's templates/. */
  readonly templates?: string;
  /** Where the pages are written. */
  readonly output?: string;
  /** Preview: show drafts and scheduled items, marked. */
  readonly includeDrafts?: boolean;
  /**
   * The preview: rebuilds remember items already read and pages already written, and only
   * write what changed; pages a rebuild no longer makes (a deleted item's) are removed.
   */
  readonly incremental?: boolean;
  /** Filled in with the time the collection pages took. */
  readonly timings?: Timings;
  /** Told, after each (re)build, how many pages the build makes. */
  /** Told the number of pages the site has, and how many of them this (re)build rendered. */
  readonly onPages?: (count: number, rendered: number) => void;
  /** Told how many pages are written, and when only the search index is left (the build's progress). */
  readonly onProgress?: (progress: { step: "writing" | "indexing"; done?: number; total?: number }) => void;
  /**
   * A digest already loaded and checked: a one-off build validates before Eleventy starts, so
   * content problems are reported once, plainly, and before anything is written. Without it
   * the content is loaded afresh for every (re)build.
   */
  readonly digest?: Digest;
  /** The kinds of page to write; by default the site's own table (src/pages/table.ts). */
  readonly pageKinds?: readonly PageKind[];
  /**
   * A production build's memory of the last (src/publish/build-cache.ts): the pages it wrote, the
   * build's version, and the content's fingerprint (the whole digest's name).
   */
  readonly cache?: { readonly pages: PageCache; readonly version: string; readonly whole: string };
  /**
   * The search index, already being written into the output by the caller (writeSiteSearch): a
   * build starts it as soon as the content is loaded, so that Pagefind works while Eleventy
   * starts and the pages are rendered.
   */
  readonly indexing?: Promise<unknown>;
  /** Render every page but write none. */
  readonly dryRun?: boolean;
  /** Filled in with the time each kind of page took to render, and writing took (`--verbose`): see writePages. */
  readonly profile?: Record<string, number>;
  /** Write the search index (by default; a test that never searches may skip it). */
  readonly search?: boolean;
  /**
   * The preview: content problems of the last rebuild, shown on every page served (a panel,
   * src/publish/preview-panel.ts) until a rebuild succeeds; `onFailed` is told after each failed one.
   */
  readonly problems?: { readonly store: PreviewProblems; readonly onFailed: () => void };
}

/**
 * Configures Eleventy for the digest. Returns what Eleventy only takes from a config file's
 * return value: the base path, so the preview serves the site where it will be published.
 */
export async function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): Promise<{ pathPrefix: string }> {
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  eleventyConfig.setInputDirectory(templates);
  eleventyConfig.setIncludesDirectory("partials");
  eleventyConfig.setLayoutsDirectory("layouts");
  // Data comes from content/_data through the loader, never from Eleventy's data cascade.
  eleventyConfig.setDataDirectory("_no_eleventy_data");
  if (options.output) eleventyConfig.setOutputDirectory(options.output);
  eleventyConfig.setTemplateFormats(["njk"]);
  let digest: Digest | undefined;
  const currentDigest = () => {
    if (!digest) throw new Error("The digest is used before the content was loaded");
    return digest;
  };
  // The preview's pages let the dev server's live-reload script run: it is put inline, so the
  // preview's CSP names it by its hash (never in a page built for publishing).
  const globals = { reloadScriptHash: reloadScriptHash() };
  eleventyConfig.setLibrary("njk", templateEngine(templates, { globals }).library(currentDigest));
  // templates/css and templates/js, copied as they are to the folders src/digest/paths.ts names.
  eleventyConfig.addPassthroughCopy(Object.fromEntries(ASSET_FOLDER_NAMES.map((folder) => [`${templates}/${folder}`, folder])));
  // templates/views/ holds the collection pages' templates, which src/publish/write-pages.ts renders.
  const views = path.join(templates, "views");
  // Eleventy matches ignores against paths relative to the working directory.
  eleventyConfig.ignores.add(`${path.relative(process.cwd(), views) || "."}/**`);
  eleventyConfig.addWatchTarget(views);
  eleventyConfig.addWatchTarget(path.join(options.root, "content"));
  // Eleventy's dependency spider parses JavaScript with acorn and stops at TypeScript syntax.
  // Content and data files are watched above; src/ changes need a restart of the preview.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  // Eleventy waits for a saved file to stay the same size for 150 ms before it rebuilds; an
  // editor's save of a few kilobytes is complete well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  // The preview's memory between rebuilds (see SiteOptions.incremental).
  const itemCache = options.incremental ? new ItemCache() : undefined;
  const written: WrittenPages | undefined = options.incremental ? new Map() : undefined;
  let firstBuild = true;
  const tellIndexFailure = (error: unknown) => console.error(`The search index could not be written: ${error instanceof Error ? error.message : String(error)}`);
  const background = written ? new BackgroundIndexer(tellIndexFailure) : undefined;
  // Each year's search index, kept between the preview's rebuilds and sessions (an edit
  // re-indexes its year alone).
  const searchCache = searchCacheOf(options.root, "preview");
  // The preview's: worked out before each rebuild reads the content (eleventy.before).
  let indexVersion: string | undefined;
  const indexSite = async (digest: Digest, output: string): Promise<unknown> => {
    // The preview names each year's bundle by what its records are made from, as a build does
    // (src/publish/search/site-search.ts), so an edit costs the records of its own year alone.
    if (background) return background.schedule(searchJobs(digest, output, indexVersion), searchCache);
    await writeSiteSearch(digest, output, options.root, options.cache);
  };
  if (written) {
    const itemFolders = [COLLECTIONS.items.folder, COLLECTIONS.notes.folder].map((dir) => path.join(path.resolve(options.root), dir) + path.sep);
    eleventyConfig.on("eleventy.beforeWatch", (changedFiles) => {
      // Items and notes are in the pages' keys; anything else (a data file, a template, the
      // stylesheet) may show on any page, so every page is written again.
      const onlyContent = changedFiles.every((file) => itemFolders.some((folder) => path.resolve(file).startsWith(folder)));
      if (!onlyContent) written.clear();
    });
  }

  // SAHEL_DIGEST_TIMINGS=1 prints where each (re)build's time went.
  const showTimings = Boolean(process.env.SAHEL_DIGEST_TIMINGS);
  let rebuildTimings: Timings = {};
  // Every page is written by src/publish/write-pages.ts, so Eleventy's data cascade is not used: the
  // digest is loaded before each (re)build and handed to the writer.
  let builtOnce = false;
  let lastDraftProblems = "";
  eleventyConfig.on("eleventy.before", async () => {
    rebuildTimings = {};
    try {
      // A data file saved while the content is read then makes the next rebuild index afresh,
      // rather than leave records of the old one under the new file's name.
      if (background) indexVersion = await previewVersion(options.root);
      if (options.digest) digest = options.digest;
      else {
        const loaded = await loadSite(options.root, options.includeDrafts ?? false, { timings: rebuildTimings, ...(itemCache ? { cache: itemCache } : {}) });
        digest = loaded.digest;
        // The drafts' problems are shown on their own pages; the terminal tells them once, when they change.
        const told = loaded.draftProblems.map(formatProblem).join("\n");
        if (options.problems && told !== lastDraftProblems) {
          if (told) console.error(`Drafts not finished yet (shown in the preview, marked incomplete; left out of a production build):\n${told.replace(/^/gm, "  ")}`);
          else if (lastDraftProblems) console.error("Every draft's problems are fixed.");
        }
        lastDraftProblems = told;
      }
      options.problems?.store.clear();
      builtOnce = true;
    } catch (error) {
      if (options.problems && error instanceof ContentError) {
        options.problems.store.set(error.problems);
        options.problems.onFailed();
        // Each problem printed once, here: Eleventy would print the list again in its stack trace.
        console.error(error.message);
        const short = new Error(
          builtOnce ? "The preview keeps the last good site until the problems above are fixed." : "The preview could not build: fix the problems above, and it starts again.",
        );
        short.stack = short.message;
        throw short;
      }
      throw error;
    }
  });
  if (options.problems && options.output) {
    eleventyConfig.setServerOptions({ middleware: [panelMiddleware(options.problems.store, path.resolve(options.output), await basePathOf(options.root))] });
  }

  eleventyConfig.on("eleventy.after", async ({ results, directories }) => {
    const started = performance.now();
    const before = new Set(written?.keys());
    // The search index is made from the same digest by Pagefind, in its own process: a build
    // indexes while the pages are rendered here. The preview starts it once the pages are
    // written (an edit's pages come first), and does not wait for it.
    const current = currentDigest();
    const startIndexing = () => options.indexing ?? (options.dryRun || options.search === false ? undefined : indexSite(current, directories.output));
    const indexing = written ? undefined : startIndexing();
    let collections: string[];
    let rendered = 0;
    try {
      // A fresh engine each build, so an edited template is compiled again.
      const engine = templateEngine(templates, { globals });
      const reuse = options.cache && { pages: options.cache.pages, version: options.cache.version, names: new Fingerprints(current, options.cache.whole) };
      collections = await writePages(engine, sitePageJobs(current, options.pageKinds), directories.output, { ...(written ? { written } : {}), ...(reuse ? { reuse } : {}), dryRun: options.dryRun ?? false, onWritten: (count: number) => (rendered = count), ...(options.profile ? { profile: options.profile } : {}), ...(options.onProgress ? { onPage: (done: number, total: number) => options.onProgress!({ step: "writing", done, total }) } : {}) });
    } catch (error) {
      // The index may still be writing into the folder the build is about to remove.
      await indexing?.catch(() => {});
      throw error;
    }
    rebuildTimings.collections = performance.now() - started;
    // In the background: a failure is told, never the end of the preview.
    if (written) startIndexing()?.catch(tellIndexFailure);
    if (indexing) {
      options.onProgress?.({ step: "indexing" });
      await indexing;
      rebuildTimings.search = performance.now() - started;
      if (options.timings) options.timings.search = rebuildTimings.search;
    }
    if (written && firstBuild) {
      // The output may hold pages of an earlier session: keep only what this build made.
      await removeOrphans(directories.output, [...results.flatMap((r) => (r.outputPath ? [r.outputPath] : [])), ...collections], [...ASSET_FOLDER_NAMES.map((folder) => `${folder}/`), ...everyEdition(current).map((e) => `${e.edition.folder}${SEARCH_FOLDER}`)]);
    } else if (written) {
      await removePages(directories.output, [...before].filter((file) => !written.has(file)));
    }
    firstBuild = false;
    if (options.timings) options.timings.collections = rebuildTimings.collections;
    options.onPages?.(collections.length, rendered);
    if (showTimings) console.log(`[timings] ${Object.entries(rebuildTimings).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(", ")}`);
  });
  return { pathPrefix: await basePathOf(options.root) };
}

/** The site's base path for the dev server; "/" while site.ts is broken (the build then reports it). */
export async function basePathOf(root: string, { strict = false } = {}): Promise<string> {
  try {
    const site = (await freshSiteSettings(path.join(root, COLLECTIONS.site.file))) as { url?: unknown };
    if (typeof site?.url === "string") return new SiteUrls(site.url).basePath;
    if (strict) throw new Error("site.ts has no url");
    return "/";
  } catch (error) {
    // `strict`: the supervisor tells "no base path yet" from "the root".
    if (strict) throw error;
    return "/";
  }
}

/**
 * site.ts as it is now on disk. The preview's supervisor reads it again after every save, and
 * a module imported once stays as it was in a process without Eleventy's loader, query string
 * or not: so it is compiled here and imported from its text. One that imports other modules
 * by a relative path cannot be, and is imported as usual.
 */
async function freshSiteSettings(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  if (/^\s*import\s+(?!type\b)/m.test(text)) return importDefault(file);
  const { code } = await transform(text, { loader: "ts", format: "esm" });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { default?: unknown };
  return module.default;
}

let reloadHash: string | undefined;

/** The CSP source for @11ty/eleventy-dev-server's reload client, as it puts it inline: 'sha512-…'. */
export function reloadScriptHash(): string {
  if (reloadHash === undefined) {
    const folder = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy-dev-server/package.json"));
    const script = readFileSync(path.join(folder, "client/reload-client.js"));
    reloadHash = `'sha512-${createHash("sha512").update(script).digest("base64")}'`;
  }
  return reloadHash;
}
