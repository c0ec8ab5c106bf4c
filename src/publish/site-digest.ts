// Loads the content and groups it into the digest the pages show.
//
// This module must not import nunjucks, directly or not. nunjucks's runtime makes its
// SafeString type inherit from String.prototype with its own valueOf and toString. That
// appears to switch V8 off a fast path for strings for the rest of the process: loading a
// large archive took more than half as long again once nunjucks had been imported (the figures
// are in docs/performance.md). A one-off build therefore loads everything first and only then
// imports Eleventy and the templates.
import { buildDigest } from "../digest/digest.ts";
import { loadContent } from "../content/load/content.ts";
import type { ItemCache } from "../content/load/item-cache.ts";
import { contentFingerprint, settingsFingerprint, type BodyCache } from "./build-cache.ts";
import type { Digest } from "../digest/digest.ts";
import type { Item, LeftOut } from "../content/model.ts";
import type { Problem } from "../core/problems.ts";
import { paths } from "../digest/paths.ts";
import type { CurrentIds } from "./published-ids.ts";

/** Where a build's time went, in milliseconds, for the benchmark and --verbose. */
export type Timings = Record<string, number>;

export async function loadDigest(root: string, includeDrafts: boolean, timings?: Timings, cache?: ItemCache): Promise<Digest> {
  return (await loadSite(root, includeDrafts, { ...(timings ? { timings } : {}), ...(cache ? { cache } : {}) })).digest;
}

export interface LoadSiteOptions {
  readonly timings?: Timings;
  /** The preview's items read before. */
  readonly cache?: ItemCache;
  /** Markdown rendered by the last build (src/publish/build-cache.ts). */
  readonly bodies?: BodyCache;
  /** Told how many items have been read, of how many. */
  readonly onItems?: (read: number, total: number) => void;
}

/** The incident ids the content uses and retires, to hold the published ones to (src/publish/published-ids.ts). */
function currentIds(items: readonly Item[], digest: Digest): CurrentIds {
  const files = new Map(items.map((item) => [digest.urls.absolute(paths.item(item.year, item.slug)), item.file]));
  return {
    used: new Set(items.flatMap((item) => item.incidents.map((incident) => incident.id))),
    retired: new Set(items.flatMap((item) => item.retiredIds.map((entry) => entry.id))),
    fileOfItemUrl: (url) => files.get(url),
  };
}

/**
 * The digest, the hidden files under content/ that were passed over (for the command line), and
 * the content's fingerprint (src/publish/build-cache.ts).
 */
export interface LoadedSite {
  readonly digest: Digest;
  readonly passedOver: readonly string[];
  readonly fingerprint?: string;
  /** What the data files and the rest of content/ gave, as read (settingsFingerprint). */
  readonly settings?: string;
  readonly ids: CurrentIds;
  /** The drafts' problems: warnings, which hold back only the drafts. */
  readonly draftProblems: readonly Problem[];
  readonly leftOut?: LeftOut;
}

export async function loadSite(root: string, includeDrafts: boolean, { timings, cache, bodies, onItems }: LoadSiteOptions = {}): Promise<LoadedSite> {
  let started = performance.now();
  const content = await loadContent({ root, includeDrafts, ...(cache ? { cache } : {}), ...(bodies ? { bodies } : {}), ...(onItems ? { onItems } : {}) });
  if (timings) timings.load = performance.now() - started;
  started = performance.now();
  // Its groupings are made as the pages ask for them (src/digest/digest.ts).
  const digest = buildDigest(content, { preview: includeDrafts });
  if (timings) timings.group = performance.now() - started;
  const fingerprint = contentFingerprint(content);
  const settings = includeDrafts ? undefined : settingsFingerprint(content);
  return { digest, passedOver: content.passedOver ?? [], ...(fingerprint ? { fingerprint } : {}), ...(settings ? { settings } : {}), ids: currentIds(content.items, digest), draftProblems: content.draftProblems ?? [], ...(content.leftOut ? { leftOut: content.leftOut } : {}) };
}
