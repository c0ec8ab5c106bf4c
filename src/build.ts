// A production build that never leaves a broken site: the pages are written to a fresh
// folder beside the output, and that folder replaces the output only once every page was
// written. A failed build removes its folder and leaves the old site byte for byte as it was.
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
// @ts-expect-error Eleventy ships no type declarations.
import Eleventy from "@11ty/eleventy";
import { configureSite, loadDigest } from "./plugin.ts";

export interface BuildOptions {
  /** The project folder whose content/ is built. */
  readonly root: string;
  /** Where the finished site goes; default <root>/_site. */
  readonly output?: string;
  /** Show drafts and scheduled items (marked), as the preview does. */
  readonly includeDrafts?: boolean;
  /** Another templates folder (tests, themes); by default this project's. */
  readonly templates?: string;
  /** Print Eleventy's per-file log. */
  readonly verbose?: boolean;
}

export interface BuildResult {
  readonly output: string;
  readonly pages: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const output = path.resolve(options.output ?? path.join(options.root, "_site"));
  // Every content problem is found here, before Eleventy starts and before anything is written.
  const digest = await loadDigest(options.root, options.includeDrafts ?? false);
  const staging = `${output}.building-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(output), { recursive: true });
  try {
    const eleventy = new Eleventy(undefined, staging, {
      quietMode: !options.verbose,
      // No config file: .eleventy.js is for the preview; here the plugin is configured directly.
      configPath: false,
      config: (eleventyConfig: Parameters<typeof configureSite>[0]) =>
        configureSite(eleventyConfig, {
          root: options.root,
          output: staging,
          digest,
          ...(options.templates ? { templates: options.templates } : {}),
        }),
    });
    eleventy.setIsVerbose?.(Boolean(options.verbose));
    const written = (await eleventy.write()) as unknown;
    await swapIn(staging, output, previous);
    return { output, pages: countPages(written) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Two renames: the window in which `output` is missing is as short as the file system allows. */
async function swapIn(staging: string, output: string, previous: string): Promise<void> {
  const hadOutput = await exists(output);
  if (hadOutput) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (error) {
    if (hadOutput) await rename(previous, output);
    throw error;
  }
  if (hadOutput) await rm(previous, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function countPages(written: unknown): number {
  // Eleventy 3 resolves write() to [passthroughCopies, templates].
  if (Array.isArray(written) && Array.isArray(written[1])) return written[1].length;
  return 0;
}
