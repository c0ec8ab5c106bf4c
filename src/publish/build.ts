// A production build that never leaves a broken site: the pages are written to a fresh
// folder beside the output, and that folder replaces the output only once every page was
// written. A failed build removes its folder and leaves the old site byte for byte as it was.
import { spawn } from "node:child_process";
import { chmod, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { loadSite, type Timings } from "./site-digest.ts";
import { takeCacheNotices } from "./kept.ts";
import { BodyCache, buildVersion, codeVersion, contentVersion, PageCache, searchVersion, sourceVersion } from "./build-cache.ts";
import { DEFAULT_TEMPLATES } from "../core/project.ts";
import { isRunning, lockOutput } from "./build-lock.ts";
import type { PageKind } from "../pages/table.ts";
import { publishedRecords, vanishedIds } from "./published-ids.ts";
import { keepIssueData, keptDataVersion, weeksToKeep, withdrawnItems, writeKeptCopies } from "./as-published.ts";
import { createHash } from "node:crypto";
import { buildClock } from "../content/load/content.ts";
import type { Week } from "../core/weeks.ts";
import { ContentError, type Problem } from "../core/problems.ts";
import type { LeftOut } from "../content/model.ts";
import { ASSET_FOLDER_NAMES } from "../digest/paths.ts";

export interface BuildOptions {
  /** The project folder whose content/ is built. */
  readonly root: string;
  /** Where the finished site goes; default <root>/_site. */
  readonly output?: string;
  /** Show drafts and scheduled items (marked), as the preview does. */
  readonly includeDrafts?: boolean;
  /** Another templates folder (tests, themes); by default this project's. */
  readonly templates?: string;
  /** The kinds of page to write; by default the site's own table (src/pages/table.ts). */
  readonly pageKinds?: readonly PageKind[];
  /** Load, check and render every page, but write nothing: no staging folder, _site/ untouched. */
  readonly dryRun?: boolean;
  /** Print Eleventy's per-file log. */
  readonly verbose?: boolean;
  /** Leave out the search index (a quicker build to look at; the published site needs it). */
  readonly search?: boolean;
  /** Told where the build is, for the command line to show on a terminal. */
  readonly onProgress?: (progress: BuildProgress) => void;
  /**
   * Reuse what the last build kept (src/publish/build-cache.ts): by default. False renders everything
   * afresh, and still keeps this build's work for the next.
   */
  readonly reuse?: boolean;
  /**
   * The previous site is removed by a process of its own that outlives this one: for a command
   * that exits once the site is in place (`npm run build`). Otherwise it is removed before
   * buildSite returns, in this process, which goes on (the tests): starting a process from a
   * large one costs more than removing a small site.
   */
  readonly removeAfterExit?: boolean;
}

/** Where a build is: reading items, grouping them, writing pages, waiting for the search index. */
export interface BuildProgress {
  readonly step: "reading" | "grouping" | "writing" | "indexing";
  readonly done?: number;
  readonly total?: number;
}

export interface BuildResult {
  readonly output: string;
  /** Pages written (every one goes through src/publish/write-pages.ts). */
  readonly pages: number;
  /** Milliseconds: load, group, eleventy (of which collections), swap. */
  readonly timings: Timings;
  /** Hidden Markdown files under content/ that were not read. */
  readonly passedOver: readonly string[];
  /** Pages linked unchanged from the site the last build wrote, not rendered (src/publish/build-cache.ts). */
  readonly reused: number;
  /** Nothing had changed since the last build: its site was kept as it is, every file checked (`reused` of them). */
  readonly unchanged?: true;
  /**
   * What the build has to say, one line each: a cache file found damaged and made again, a cache
   * that could not be written, an email over Gmail's clipping size.
   */
  readonly notices: readonly string[];
  /** The drafts' problems: the drafts are left out, the rest is published. */
  readonly draftProblems: readonly Problem[];
  /** What the published site leaves out, and why (src/content/load/left-out.ts). */
  readonly leftOut?: LeftOut;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(options.output ?? path.join(options.root, "_site"));
  if (options.dryRun) return buildInto(output, options);
  // One build at a time writes a site: two would link each other's files, and swap in turn.
  const release = lockOutput(output);
  try {
    return await buildInto(output, options);
  } finally {
    release();
  }
}

export { SiteBusyError } from "./build-lock.ts";

async function buildInto(output: string, options: BuildOptions): Promise<BuildResult> {
  const timings: Timings = {};
  const dryRun = options.dryRun ?? false;
  // A production build of this project's own pages keeps its work for the next; a dry run or
  // the preview's drafts never touch what is kept.
  const keeps = !dryRun && !options.includeDrafts && !options.pageKinds;
  const code = keeps ? codeVersion(options.templates ?? DEFAULT_TEMPLATES) : "";
  const reuse = options.reuse ?? true;
  // Markdown is rendered by the code alone: an edited template renders no body again.
  const bodies = keeps ? BodyCache.open(options.root, sourceVersion(), reuse) : undefined;
  // Worked out before the content is read: a data file saved while the build runs then makes
  // the next build render everything again, rather than leave pages made from the old one.
  const content = keeps ? await contentVersion(options.root) : undefined;
  const dataVersion = content && (await buildVersion(options.root, code, content));
  const indexVersion = content && (await searchVersion(options.root, content));
  // Every content problem is found here, before Eleventy starts and before anything is written.
  const progress = options.onProgress;
  const { digest, passedOver, fingerprint, settings, ids, draftProblems, leftOut } = await loadSite(options.root, options.includeDrafts ?? false, {
    timings,
    ...(bodies ? { bodies } : {}),
    ...(progress ? { onItems: (done: number, total: number) => progress({ step: "reading", done, total }) } : {}),
  });
  let toKeep: readonly Week[] = [];
  let keptVersion = "";
  // What a publication checks before anything is written (the preview, with its drafts, is not
  // one): an id the published site's open data lists must still name an incident, or be
  // retired; a kept copy must name no item withdrawn since.
  let problemsOfPublication = async (): Promise<Problem[]> => [];
  if (!options.includeDrafts && !options.pageKinds) {
    // Each issue's data as it was published: the kept copy in published/, never made again.
    const kept = await keepIssueData(digest, options.root);
    problemsOfPublication = async () => [...vanishedIds(await publishedRecords(output), ids, `${path.relative(options.root, output) || "."}/data/incidents.json`), ...withdrawnItems(digest, kept)];
    // A finished week's data is kept by a publication only: never a dry run, nor a build on a set clock.
    if (keeps && !dryRun && !process.env.DIGEST_NOW) toKeep = weeksToKeep(digest, kept, buildClock());
    if (keeps) keptVersion = keptDataVersion(digest, kept, toKeep);
  }
  progress?.({ step: "grouping" });
  // What is kept is an aid, never a reason for a build to fail (a read-only node_modules).
  try {
    bodies?.save();
  } catch {
    // Not kept: the next build renders the Markdown again.
  }
  const version = fingerprint ? dataVersion : undefined;
  // The pages made from the whole digest (the data page, the issues' data files) show the issues'
  // kept data too (src/publish/as-published.ts): a copy deleted or edited makes them again.
  // And what the data files gave as they were read (settings): a data file is code, and may
  // give other values from the same file (the environment, the clock).
  const whole = fingerprint && settings ? createHash("sha1").update(fingerprint).update("\0").update(keptVersion).update("\0").update(settings).digest("base64url") : undefined;
  // The search index's years, likewise (a country's name is in its records).
  const indexKey = indexVersion && settings ? createHash("sha1").update(indexVersion).update("\0").update(settings).digest("base64url") : undefined;
  const pages = version ? PageCache.open(options.root, output, reuse) : undefined;
  // Everything any file of the site is made from: the code, the templates and content/'s files
  // (the version), what the data files and the rest of content/ gave as they were read, every
  // item and note and the issues' kept data as it will be once this build is done (whole and
  // the index's key), whether it has a search index. The clock is in it through what it decides:
  // which items are published, and which weeks' data is kept.
  const siteKey = pages && version && whole && indexKey ? createHash("sha1").update(["site", version, whole, indexKey, options.search === false ? "no search" : "search"].join("\0")).digest("base64url") : undefined;
  const told = { draftProblems, ...(leftOut ? { leftOut } : {}) };
  // Nothing changed since the last build, whose site is as it wrote it: that site stays. Not
  // when a week's data is to be kept: its copy is written into published/ by a build.
  // The publication's checks are not made again then: the build that wrote that site, from
  // the same, passed them, and the site's open data is its own.
  const same = siteKey && !toKeep.length ? pages!.unchangedSite(siteKey) : undefined;
  if (same) {
    await removeLeftovers(output, { afterExit: options.removeAfterExit ?? false });
    return { output, pages: same.pages, timings, passedOver, reused: same.files, unchanged: true, notices: [...takeCacheNotices(), ...same.emailNotices], ...told };
  }
  const problems = await problemsOfPublication();
  if (problems.length) throw new ContentError(problems);
  const staging = stagingOf(output);
  // The time too: a later build may get this pid while this one's leftovers are being deleted.
  const previous = `${output}.previous-${process.pid}-${Date.now()}`;
  await rm(staging, { recursive: true, force: true });
  await removeLeftovers(output, { afterExit: options.removeAfterExit ?? false });
  await mkdir(path.dirname(output), { recursive: true });
  let pageCount = 0;
  let indexing: Promise<unknown> | undefined;
  try {
    // Imported only now, after the content is loaded: see src/publish/site-digest.ts.
    const { configureSite } = await import("./eleventy-plugin.ts");
    const { writeSiteSearch } = await import("./search/site-search.ts");
    // Pagefind, in its own process, starts on the index now, and works while Eleventy starts
    // and the pages are rendered (the plugin waits for it before the build is done).
    indexing = dryRun || options.search === false ? undefined : writeSiteSearch(digest, staging, options.root, pages && indexKey ? { pages, version: indexKey } : undefined);
    indexing?.catch(() => {});
    const { buildOnce } = await import("./eleventy.ts");
    let started = performance.now();
    await buildOnce({
      output: staging,
      verbose: Boolean(options.verbose),
      dryRun,
      configure: (eleventyConfig) =>
        configureSite(eleventyConfig, {
          root: options.root,
          output: staging,
          digest,
          timings,
          dryRun,
          ...(options.verbose ? { profile: timings } : {}),
          onPages: (count) => (pageCount = count),
          ...(progress ? { onProgress: progress } : {}),
          ...(pages && version && whole ? { cache: { pages, version, whole } } : {}),
          ...(indexing ? { indexing } : {}),
          ...(options.search === false ? { search: false } : {}),
          ...(options.templates ? { templates: options.templates } : {}),
          ...(options.pageKinds ? { pageKinds: options.pageKinds } : {}),
        }),
    });
    timings.eleventy = performance.now() - started;
    // Content always makes pages (a home page at the least): none means something stopped the
    // build short, and a site of nothing must never replace the published one.
    if (pageCount === 0) throw new Error("The build made no page at all; the published site was left as it was.");
    if (dryRun) return { output, pages: pageCount, timings, passedOver, reused: 0, notices: takeCacheNotices(), ...told };
    // Said, not refused: the web issue is whole whatever the email's size.
    const { emailSizeNotices } = await import("./email-sizes.ts");
    const emailNotices = await emailSizeNotices(digest, staging, options.pageKinds);
    started = performance.now();
    const replaced = await swapIn(staging, output, previous);
    timings.swap = performance.now() - started;
    // What the site now holds, for the next build; without a manifest, the next renders all.
    // The new site is in place whatever happens here; a manifest not kept costs the next build
    // its reuse, nothing else (every page is checked against the file it names).
    try {
      if (pages) pages.save(siteKey ? { key: siteKey, pages: pageCount, emailNotices } : undefined, ASSET_FOLDER_NAMES);
      else if (keeps) PageCache.forget(options.root, output);
    } catch {
      // Not kept.
    }
    // Once the site is in place: a failed build keeps nothing. The same text the site got.
    const keptNotice = writeKeptCopies(digest, options.root, toKeep);
    // Last: the new site, its manifest and its kept copies are safe whatever happens to this.
    if (replaced) await removePrevious(previous, options.removeAfterExit ?? false);
    return { output, pages: pageCount, timings, passedOver, reused: pages?.reused ?? 0, notices: [...takeCacheNotices(), ...emailNotices, ...(keptNotice ? [keptNotice] : [])], ...told };
  } catch (error) {
    // The index may still be writing into the folder about to be removed.
    await indexing?.catch(() => {});
    // Whatever happens removing it, the build's own failure is what the editor is told.
    await rm(staging, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    throw error;
  }
}

/**
 * Two renames: the window in which `output` is missing is as short as the file system allows.
 * Whether there was a site before, now at `previous`.
 */
async function swapIn(staging: string, output: string, previous: string): Promise<boolean> {
  const hadOutput = await exists(output);
  if (hadOutput) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (error) {
    if (hadOutput) await rename(previous, output);
    throw error;
  }
  return hadOutput;
}

/**
 * Deleting the previous site's thousands of files takes seconds on some file systems, and the
 * new site is already in place: for a command that exits, the system's rm does it in the
 * background, after this process has finished. Where there is no such rm, or the process goes
 * on (`afterExit` false), it is deleted here.
 *
 * A folder in it may be read-only (copied from a read-only checkout, or made so by a tool),
 * and then rm cannot empty it and leaves it there for good, build after build: every folder
 * is first made writable by its owner. chmod -R does not follow links, so nothing outside
 * the folder is touched.
 */
async function removePrevious(dir: string, afterExit: boolean): Promise<void> {
  if (afterExit && process.platform !== "win32") {
    try {
      const child = spawn("sh", ["-c", 'chmod -R u+rwX -- "$1" 2>/dev/null; exec rm -rf -- "$1"', "sh", dir], { detached: true, stdio: "ignore" });
      // No shell after all: the error comes as an event, and the folder is removed here.
      child.once("error", () => void removeHere(dir).catch(() => {}));
      child.unref();
      return;
    } catch {
      // fall through
    }
  }
  // As the background rm's, a failure here fails no build: the next one tries again.
  await removeHere(dir).catch(() => {});
}

async function removeHere(dir: string): Promise<void> {
  await makeWritable(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Every folder below `dir` writable by its owner, so its entries can be removed; links are not followed. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => {});
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => makeWritable(path.join(dir, entry.name))));
}

/** The folder a build by this process writes into before it becomes `output`. */
export function stagingOf(output: string): string {
  return `${output}.building-${process.pid}`;
}

/**
 * What earlier builds left beside `output`: the staging folders of builds that were killed
 * or ran out of disk (their process is gone), and previous sites still being deleted. A
 * staging folder is removed before this build writes anything, since on a full disk it is
 * the space this build needs; a previous site is removed as after a swap (in the background
 * with `afterExit`).
 * `npm run check` calls this too. Staging folders of builds still running are left alone.
 */
export async function removeLeftovers(output: string, { afterExit = false }: { afterExit?: boolean } = {}): Promise<void> {
  const parent = path.dirname(output);
  const base = path.basename(output);
  const names = await readdir(parent).catch(() => [] as string[]);
  const building = `${base}.building-`;
  const staleStaging = names.filter((name) => {
    const pid = name.startsWith(building) ? name.slice(building.length) : "";
    return /^\d+$/.test(pid) && Number(pid) !== process.pid && !isRunning(Number(pid));
  });
  await Promise.all(staleStaging.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
  await Promise.all(names.filter((name) => name.startsWith(`${base}.previous-`)).map((name) => removePrevious(path.join(parent, name), afterExit)));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
