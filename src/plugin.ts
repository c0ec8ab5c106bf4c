// The only place that knows about Eleventy. It loads and groups the content once per build
// (src/load, src/digest), hands the result to the templates as the global `digest`, and
// gives the templates the few filters they need to turn site paths into links.
import path from "node:path";
import nunjucks from "nunjucks";
import { buildDigest } from "./digest.ts";
import { DATA_FILES, loadContent } from "./load/content.ts";
import { importDefault } from "./load/data-files.ts";
import type { Digest } from "./model/views.ts";
import { SiteUrls } from "./paths.ts";

export interface SiteOptions {
  /** The project folder whose content/ is built. */
  readonly root: string;
  /** Where the templates are, relative to the working directory. */
  readonly templates?: string;
  /** Where the pages are written. */
  readonly output?: string;
  /** Preview: show drafts and scheduled items, marked. */
  readonly includeDrafts?: boolean;
}

// Eleventy ships no type declarations; this is the part of its config API used here.
export interface EleventyConfig {
  addGlobalData(name: string, value: () => unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setInputDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setServerOptions(options: Record<string, unknown>): void;
  setLibrary(name: string, library: unknown): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  setQuietMode(quiet: boolean): void;
  pathPrefix?: string;
}

export async function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): Promise<void> {
  const templates = options.templates ?? "templates";
  eleventyConfig.setInputDirectory(templates);
  eleventyConfig.setIncludesDirectory("partials");
  eleventyConfig.setLayoutsDirectory("layouts");
  // Data comes from content/_data through the loader, never from Eleventy's data cascade.
  eleventyConfig.setDataDirectory("_no_eleventy_data");
  if (options.output) eleventyConfig.setOutputDirectory(options.output);
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setLibrary("njk", templateEnvironment(templates));
  eleventyConfig.addPassthroughCopy({ [`${templates}/css`]: "css" });
  eleventyConfig.addWatchTarget(path.join(options.root, "content"));
  // Eleventy's dependency spider parses JavaScript with acorn and stops at TypeScript syntax.
  // Content and data files are watched above; src/ changes need a restart of the preview.
  eleventyConfig.setWatchJavaScriptDependencies(false);

  // The dev server serves the site under the same path as the published one.
  eleventyConfig.pathPrefix = await basePathOf(options.root);

  let digest: Digest | undefined;
  eleventyConfig.addGlobalData("digest", async () => {
    const content = await loadContent({ root: options.root, includeDrafts: options.includeDrafts ?? false });
    // Frozen, so Eleventy shares this object with every page instead of copying it per page.
    digest = Object.freeze(buildDigest(content));
    return digest;
  });

  const urls = () => new SiteUrls(digestOrThrow().site.url);
  const digestOrThrow = () => {
    if (!digest) throw new Error("The digest is used before the content was loaded");
    return digest;
  };
  eleventyConfig.addFilter("href", (sitePath: string) => urls().href(sitePath));
  eleventyConfig.addFilter("absoluteUrl", (sitePath: string) => urls().absolute(sitePath));
}

/**
 * Pages extend "layouts/base.njk" and include "partials/...", named from templates/, with
 * plain Nunjucks inheritance, so a template can be rendered with or without Eleventy.
 * Editor text is escaped (autoescape); a misspelt variable fails the build instead of
 * printing nothing (throwOnUndefined).
 */
export function templateEnvironment(templates: string): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(path.resolve(templates)), {
    autoescape: true,
    throwOnUndefined: true,
  });
}

/** The site's base path for the dev server; "/" while site.ts is broken (the build then reports it). */
async function basePathOf(root: string): Promise<string> {
  try {
    const site = (await importDefault(path.join(root, DATA_FILES.site))) as { url?: unknown };
    return typeof site?.url === "string" ? new SiteUrls(site.url).basePath : "/";
  } catch {
    return "/";
  }
}
