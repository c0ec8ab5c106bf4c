// Writes every page of the site, as src/pages/table.ts declares them: one per item, issue, page of a
// country's or tag's items, feed, and the site's single pages. These are thousands of pages at
// archive scale, and Eleventy's per-page pipeline (data cascade, permalink rendering, layout
// chain, write checks) was most of a large build's time (docs/performance.md). Rendered
// straight from the same templates (src/pages/engine.ts) with finished data, they cost a
// fraction of that, and every page is written the same way. Eleventy copies assets, watches
// and serves.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { everyEdition, type Digest } from "../digest/digest.ts";
import { FileWriter } from "../core/writer.ts";
import { Turns } from "../core/turns.ts";
import { keyFingerprint, pageFingerprint, type Fingerprints, type PageCache } from "./build-cache.ts";
import { navigation, outputFile, PAGE_KINDS, sitePages, type PageKind } from "../pages/table.ts";
import type { TemplateEngine } from "../pages/engine.ts";
import { commonHash, viewHash } from "../pages/page-key.ts";
import { startFinisher } from "./finisher.ts";
import { inlineEmailStyles } from "../pages/email.ts";

export interface PageJob {
  /** Its kind's name in the table ("item", "issue-email"): what the build's profile counts it under. */
  readonly kind: string;
  /** Path of the file below the output folder: "issues/2020-w49/index.html", "fr/issues/2020-w49/index.html". */
  readonly output: string;
  /** The edition it is in: what its template sees as `digest`. */
  readonly digest: Digest;
  /** Template below templates/: "views/issue.njk". */
  readonly template?: string;
  /** For a page a template does not make alone (a CSV file, an email): its text. */
  readonly generate?: (engine: TemplateEngine) => string;
  /** Its text is an SVG to write as a PNG (a share card): drawn only when written, never when linked unchanged. */
  readonly image?: true;
  /** Its text is an email whose <style> is to be put into style="" attributes before it is written. */
  readonly email?: true;
  /** What the template sees besides `digest`. */
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * Everything the page is made from that can change without the site's settings, data files
   * or templates changing (src/pages/page-key.ts): the hashes of its data and of what every page
   * reads of its digest, or, for a page made from the whole digest, the digest itself. Same key
   * as last time, same page.
   */
  readonly key: readonly unknown[];
}

/** Every page of the site as a job for the writer, from the table of page kinds. */
export function sitePageJobs(digest: Digest, kinds: readonly PageKind[] = PAGE_KINDS): PageJob[] {
  const pages = sitePages(digest, kinds);
  // Every page shows the navigation, which links a kind of page only when it has pages (the
  // places and the open data need incidents): it is part of every page's key, as text.
  const navs = new Map(everyEdition(digest).map((edition) => {
    const nav = navigation(pages, edition);
    return [edition, { nav, text: JSON.stringify(nav) }];
  }));
  return pages.map((page) => {
    const { nav, text } = navs.get(page.edition)!;
    const data = { ...page.data, pagePath: page.path, nav };
    return {
      kind: page.kind.name,
      output: outputFile(page.sitePath),
      digest: page.edition,
      ...(page.kind.template ? { template: page.kind.template } : {}),
      ...(page.kind.generate ? { generate: (engine: TemplateEngine) => page.kind.generate!(page, page.edition, engine) } : {}),
      ...(page.kind.format === "png" ? { image: true as const } : {}),
      ...(page.kind.format === "email" ? { email: true as const } : {}),
      data,
      // The navigation by its text: each page's data holds its own copy of the same links.
      key: page.kind.whole ? [page.edition, page.path, text] : [viewHash({ ...page.data, pagePath: page.path }), commonHash(page.edition), text],
    };
  });
}

/**
 * The pages whose key is the same for `before` and `after` but whose bytes are not: their
 * template reads something their key leaves out, so the preview, which skips a page whose
 * key has not changed, would leave them stale. `render` renders one job against one digest.
 * The tests run this over every kind in the table (tests/unit/page-keys.test.ts).
 */
export function pagesWithStaleKeys(before: Digest, after: Digest, render: (digest: Digest, job: PageJob) => string, kinds: readonly PageKind[] = PAGE_KINDS): string[] {
  const earlier = new Map(sitePageJobs(before, kinds).map((job) => [job.output, job]));
  const stale: string[] = [];
  for (const job of sitePageJobs(after, kinds)) {
    const old = earlier.get(job.output);
    if (!old || !sameKey(old.key, job.key)) continue;
    if (render(old.digest, old) !== render(job.digest, job)) stale.push(job.output);
  }
  return stale;
}

/**
 * Whether `folder`'s file system folds case (macOS's and Windows's do by default): there
 * "issues/2021-W01/" is the folder of "issues/2021-w01/".
 */
export function foldsCase(folder: string): boolean {
  mkdirSync(folder, { recursive: true });
  const name = path.basename(folder);
  const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
  if (other === name) return false;
  try {
    return statSync(path.join(path.dirname(folder), other)).ino === statSync(folder).ino;
  } catch {
    return false;
  }
}

/**
 * The jobs less each whose file is, but for case, an earlier one's: a week's redirect
 * (src/pages/table.ts), which would overwrite its issue with a page sending the reader to
 * itself. There the page answers the week's address in either case, as the redirect would.
 */
export function withoutCaseTwins(jobs: readonly PageJob[]): PageJob[] {
  const seen = new Set<string>();
  return jobs.filter((job) => {
    const folded = job.output.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The keys of the pages written last time, by output file: what the preview may skip. */
export type WrittenPages = Map<string, readonly unknown[]>;

function sameKey(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * A production build's memory of the last one (src/publish/build-cache.ts): a page made from the same
 * things as the published site's copy is linked from it, not rendered.
 */
export interface PageReuse {
  readonly pages: PageCache;
  readonly names: Fingerprints;
  /** The build's version (buildVersion). */
  readonly version: string;
}

/**
 * Renders and writes `jobs` below `output`; returns every job's file, absolute. With `written`
 * (the preview), a page whose key is the same as when it was last written is skipped, and
 * `written` is brought up to date. With `reuse` (a production build), a page the published
 * site already holds as it would be rendered is linked from there. With `dryRun`, renders them
 * all and writes nothing.
 */
export async function writePages(
  /** What renders the pages' templates (made for this build: an edited template is compiled again). */
  engine: TemplateEngine,
  allJobs: readonly PageJob[],
  output: string,
  {
    written,
    dryRun = false,
    reuse,
    onPage,
    onWritten,
    profile,
  }: {
    written?: WrittenPages;
    dryRun?: boolean;
    reuse?: PageReuse;
    onPage?: (done: number, total: number) => void;
    onWritten?: (rendered: number) => void;
    /** Filled in, in ms: the time spent rendering each kind of page ("render item"), and writing or linking files ("write"). */
    profile?: Record<string, number>;
  } = {},
): Promise<string[]> {
  if (!dryRun && foldsCase(output)) allJobs = withoutCaseTwins(allJobs);
  const jobs = written ? allJobs.filter((job) => !sameKey(written.get(job.output), job.key)) : allJobs;
  const files = jobs.map((job) => path.join(output, job.output));
  // Every job's file, the skipped ones too: the preview's list of pages that should exist.
  const all = written ? allJobs.map((job) => path.join(output, job.output)) : files;
  // A dry run renders every page, so a template error still shows, and writes none.
  // The preview's server reads pages while a rebuild writes them: each is replaced whole.
  const writer = dryRun ? undefined : new FileWriter({ whole: Boolean(written) });
  const text = (job: PageJob) => (job.generate ? job.generate(engine) : engine.render(job.digest, job.template!, job.data));
  // A share card's text is its SVG, an email's its HTML with a <style>: the finisher makes the
  // PNG and inlines the styles, on the second core where there is one (src/publish/finisher.ts).
  // A dry run writes nothing, so draws nothing: the SVG is made, which is what can fail; an
  // email's styles are inlined here.
  const finisher = writer ? startFinisher(jobs.filter((job) => job.image || job.email).length) : undefined;
  const finishing: Promise<void>[] = [];
  // Timed only when asked (`npm run build -- --verbose`, the bench): where a build's time goes.
  let renderMs = 0;
  const render = !profile
    ? text
    : (job: PageJob) => {
        const started = performance.now();
        const rendered = text(job);
        const ms = performance.now() - started;
        renderMs += ms;
        profile[`render ${job.kind}`] = (profile[`render ${job.kind}`] ?? 0) + ms;
        return rendered;
      };
  // One page: rendered and written, or linked unchanged from the published site. A card or an
  // email is written when it comes back finished.
  const place = (job: PageJob, file: string): void => {
    const key = reuse && keyFingerprint(job.key, reuse.names);
    const fingerprint = reuse && key !== undefined ? pageFingerprint(reuse.version, job.output, job.template ?? "", key) : undefined;
    if (reuse && fingerprint !== undefined) {
      const published = reuse.pages.unchanged(job.output, fingerprint);
      if (published && writer) {
        writer.link(published, file);
        reuse.pages.linked(job.output);
        return;
      }
    }
    const keep = (content: string | Uint8Array) => {
      const noted = writer && reuse && fingerprint !== undefined;
      // Encoded once for both the file and its hash, which would each encode the text again.
      const bytes = noted && typeof content === "string" ? Buffer.from(content) : content;
      writer?.write(file, bytes);
      if (noted) reuse.pages.wrote(job.output, fingerprint, file, bytes);
    };
    const content = render(job);
    const handedOver = !finisher ? undefined : job.image ? finisher.draw(content) : job.email ? finisher.inline(content) : undefined;
    if (!handedOver) return keep(job.email ? inlineEmailStyles(content) : content);
    const failure = job.image ? "the share card could not be drawn" : "the email's styles could not be inlined";
    const finished = handedOver.then(keep, (error: Error) => {
      throw new Error(`${job.output}: ${failure}: ${error.message}`);
    });
    // Handled here too: should a later page fail, the build's error is that page's.
    finished.catch(() => {});
    finishing.push(finished);
  };
  const turns = new Turns();
  // The cards first: the finisher then draws them while this thread renders every other page,
  // rather than this thread waiting at the end for cards handed over last.
  const order = [...jobs.keys()].sort((a, b) => Number(Boolean(jobs[b]!.image)) - Number(Boolean(jobs[a]!.image)) || a - b);
  try {
    for (const [done, i] of order.entries()) {
      onPage?.(done, jobs.length);
      if (profile) {
        // Placing a page is rendering it (counted above) and writing or linking it: the rest.
        const [started, rendered] = [performance.now(), renderMs];
        place(jobs[i]!, files[i]!);
        profile.write = (profile.write ?? 0) + performance.now() - started - (renderMs - rendered);
      } else {
        place(jobs[i]!, files[i]!);
      }
      await turns.take();
    }
    // The cards and emails still being finished: waited for, and their wait counted as writing.
    const started = performance.now();
    await Promise.all(finishing);
    if (profile) profile.write = (profile.write ?? 0) + performance.now() - started;
  } finally {
    await finisher?.close();
  }
  onWritten?.(jobs.length);
  if (written) {
    written.clear();
    for (const job of allJobs) written.set(job.output, job.key);
  }
  return all;
}
