// The site's search index as a build or the preview writes it: each edition's, from its digest,
// through Pagefind (src/publish/search/index-writer.ts), with what the last build kept.
import path from "node:path";
import { everyEdition, type Digest } from "../../digest/digest.ts";
import { searchVersion, type PageCache } from "../build-cache.ts";
import { cacheFolder } from "../../core/project.ts";
import { bundleSources, searchRecords } from "../../pages/search-records.ts";
import { BundleCache, bundlesOf, newestYearFirst, SEARCH_FOLDER, writeSearchIndexes, type IndexJob } from "./index-writer.ts";

/**
 * The preview's version for searchJobs: a build's (searchVersion), and its own, since the
 * preview indexes drafts and embargoed items. A few milliseconds: the data files are few and
 * small. Worked out before the content is read, as a build's is.
 */
export async function previewVersion(root: string): Promise<string> {
  return `preview:${await searchVersion(root)}`;
}

/**
 * Where a project keeps each year's search index between builds; the preview's apart, since
 * each forgets every bundle it did not use (a build then found none of its years kept after a
 * preview, and a preview none after a build).
 */
export function searchCacheOf(root: string, who: "build" | "preview" = "build"): BundleCache {
  return new BundleCache(cacheFolder(root, who === "build" ? "search" : "search-preview"));
}

/**
 * Each edition's index, in its own folder, stemmed in its own language. Pages' paths are from
 * the edition's root: Pagefind puts the base path before them itself (the folder its script was
 * loaded from, /sahel-digest/fr/pagefind/, less pagefind/). With the build's `version`, each
 * year's bundle is named by what its records are made from, and its records are only worked
 * out if it must be indexed; without (the preview), by its records.
 */
export function searchJobs(digest: Digest, output: string, version?: string): IndexJob[] {
  return everyEdition(digest).map((edition) => {
    const { language } = edition.edition;
    const sources = version ? bundleSources(edition) : undefined;
    const ofYear = (year: string) => searchRecords(edition, undefined, year);
    const bundles = sources
      ? [...sources].sort(newestYearFirst).map(([year, parts]) => ({ year, key: BundleCache.keyOfSources([version!, ...parts], language), size: parts.length, records: () => ofYear(year) }))
      : bundlesOf(searchRecords(edition), language);
    return { bundles, folder: path.join(output, edition.edition.folder, SEARCH_FOLDER), language };
  });
}

/**
 * Writes every edition's search index below `output`; with the last build's `cache`, linking
 * the years the published site has unchanged.
 */
export async function writeSiteSearch(digest: Digest, output: string, root: string, cache?: { readonly pages: PageCache; readonly version: string }): Promise<void> {
  await writeSearchIndexes(searchJobs(digest, output, cache?.version), searchCacheOf(root), cache && { pages: cache.pages, site: output });
}
