// Writes the digest's collection pages: one per item, issue, page of a country's or tag's
// items, and feed. These are thousands of pages at archive scale, and Eleventy's per-page
// pipeline (data cascade, permalink rendering, layout chain, write checks) costs about 2 ms
// a page here: most of a 10,000-item build. Rendered straight from the same Nunjucks
// templates with finished data, they cost a fraction of that. Eleventy still renders the
// site's single pages, copies assets, watches and serves.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type nunjucks from "nunjucks";
import type { Digest } from "./model/views.ts";

export interface PageJob {
  /** Path of the file below the output folder: "issues/2020-w49/index.html". */
  readonly output: string;
  /** Template below templates/: "views/issue.njk". */
  readonly template: string;
  /** What the template sees besides `digest`. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The file a site path is written to: "/issues/2020-w49/" → "issues/2020-w49/index.html". */
export function outputFile(sitePath: string): string {
  const relative = sitePath.replace(/^\//, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

export function collectionPages(digest: Digest): PageJob[] {
  return [
    ...digest.items.map((item) => ({ output: outputFile(item.path), template: "views/item.njk", data: { item } })),
    ...digest.issues.map((issue) => ({ output: outputFile(issue.path), template: "views/issue.njk", data: { issue } })),
    ...digest.countryPages.map((listing) => ({ output: outputFile(listing.path), template: "views/country.njk", data: { listing } })),
    ...digest.tagPages.map((listing) => ({ output: outputFile(listing.path), template: "views/tag.njk", data: { listing } })),
    ...digest.feeds.all.flatMap((feed) => [
      { output: outputFile(feed.atomPath), template: "views/feed-atom.njk", data: { feed } },
      { output: outputFile(feed.jsonPath), template: "views/feed-json.njk", data: { feed } },
    ]),
  ];
}

/** Pages rendered at a time, and batches whose files may be in writing at once. */
const BATCH = 64;
const BATCHES_IN_FLIGHT = 4;

/** Renders and writes `jobs` below `output`; returns the files written, absolute. */
export async function writePages(env: nunjucks.Environment, digest: Digest, jobs: readonly PageJob[], output: string): Promise<string[]> {
  const templates = new Map<string, nunjucks.Template>();
  const templateOf = (name: string) => {
    let template = templates.get(name);
    if (!template) {
      template = env.getTemplate(name, true);
      templates.set(name, template);
    }
    return template;
  };
  const files = jobs.map((job) => path.join(output, job.output));
  await Promise.all([...new Set(files.map((file) => path.dirname(file)))].map((dir) => mkdir(dir, { recursive: true })));
  // Rendering is work for this thread, writing is work for the I/O threads: the next batch is
  // rendered while the last ones are written, and the batches in flight bound the memory held.
  const inFlight: Promise<unknown>[] = [];
  for (let start = 0; start < jobs.length; start += BATCH) {
    const batch = jobs.slice(start, start + BATCH).map((job, i) => writeFile(files[start + i]!, templateOf(job.template).render({ digest, ...job.data })));
    inFlight.push(Promise.all(batch));
    if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return files;
}
