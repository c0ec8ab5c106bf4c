// What templates receive: finished, ordered, formatted. Templates lay these out and never
// sort, filter or do date arithmetic.
import type { Week } from "../weeks.ts";
import type { ActorKind, Site } from "./schemas.ts";

export interface Ref {
  readonly slug: string;
  readonly name: string;
  readonly path: string;
}

export interface SiteView extends Site {
  readonly origin: string;
  readonly basePath: string;
}

/** Where a page's own feed is, for autodiscovery and the subscribe page. */
export interface FeedRef {
  readonly title: string;
  readonly atomPath: string;
  readonly jsonPath: string;
}

export interface CountryView extends Ref {
  readonly kind: "country" | "region";
  readonly nameFr: string;
  readonly iso?: string;
  readonly capital?: string;
  readonly profileHtml: string;
  readonly itemCount: number;
  readonly feed: FeedRef;
}

export interface TagView extends Ref {
  readonly kind: ActorKind | "theme";
  /** "Armed group", "Theme", ... */
  readonly kindLabel: string;
  readonly description: string;
  readonly aliases: readonly string[];
  readonly countries: readonly Ref[];
  readonly itemCount: number;
  readonly feed: FeedRef;
}

export interface TagGroup {
  readonly label: string;
  readonly tags: readonly TagView[];
}

export interface IssueRef {
  readonly id: string;
  readonly path: string;
  /** "Week 49, 2020" */
  readonly title: string;
  /** "30 November – 6 December 2020" */
  readonly range: string;
}

export interface ItemView {
  readonly slug: string;
  /** The year folder of its file, part of its URL and feed id. */
  readonly year: number;
  readonly path: string;
  readonly file: string;
  readonly title: string;
  readonly summary: string;
  /** Full ISO 8601, for <time datetime> and feeds. */
  readonly dateIso: string;
  /** "3 December 2020", or with the time when the editor gave one. */
  readonly dateText: string;
  readonly location?: string;
  readonly source: { readonly name: string; readonly url?: string; readonly published?: string };
  readonly countries: readonly Ref[];
  readonly tags: readonly Ref[];
  readonly issue: IssueRef;
  readonly draft: boolean;
  readonly scheduled: boolean;
  readonly bodyHtml: string;
}

export interface IssueSection {
  readonly country: CountryView;
  readonly items: readonly ItemView[];
}

export interface IssueView extends IssueRef {
  readonly week: Week;
  readonly headline?: string;
  readonly leadHtml?: string;
  readonly sections: readonly IssueSection[];
  readonly itemCount: number;
  readonly previous?: IssueRef;
  readonly next?: IssueRef;
  /** Date of the newest item in the issue, ISO 8601. */
  readonly updatedIso: string;
}

export interface WeekGroup {
  readonly issue: IssueRef;
  readonly items: readonly ItemView[];
}

/** One page of a country's or tag's items, newest first, grouped by week. */
export interface ListingPage {
  readonly owner: CountryView | TagView;
  readonly path: string;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly previousPath?: string;
  readonly nextPath?: string;
  readonly weeks: readonly WeekGroup[];
}

export interface ArchiveYear {
  readonly year: number;
  readonly issues: readonly IssueView[];
}

export interface SitemapEntry {
  readonly path: string;
  /** YYYY-MM-DD */
  readonly lastmod: string;
}

export interface FeedEntry {
  /** Stable: a tag URI of the item's or issue's slug. */
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly summary: string;
  /** RFC 3339 */
  readonly publishedIso: string;
  readonly updatedIso: string;
  /** RFC 822, for RSS */
  readonly publishedRfc822: string;
  /** An issue entry carries its issue, an item entry its item; contentHtml is the lead or body with full URLs. */
  readonly issue?: IssueView;
  readonly item?: ItemView;
  readonly contentHtml?: string;
}

export interface FeedView extends FeedRef {
  readonly key: string;
  readonly kind: "digest" | "items" | "country" | "tag";
  readonly id: string;
  readonly description: string;
  /** How often it changes, in words, for the subscribe page. */
  readonly cadence: string;
  /** The page whose content it follows. */
  readonly homePath: string;
  readonly rssPath?: string;
  readonly updatedIso: string;
  readonly updatedRfc822: string;
  readonly entries: readonly FeedEntry[];
}

export interface FeedSet {
  readonly digest: FeedView;
  readonly items: FeedView;
  readonly countries: readonly FeedView[];
  readonly tags: readonly FeedView[];
  /** Every feed, for the templates that write them. */
  readonly all: readonly FeedView[];
}

export interface Digest {
  readonly site: SiteView;
  readonly countries: readonly CountryView[];
  readonly tags: readonly TagView[];
  readonly tagGroups: readonly TagGroup[];
  /** Newest first. */
  readonly items: readonly ItemView[];
  /** Newest first. */
  readonly issues: readonly IssueView[];
  readonly latestIssue?: IssueView;
  readonly recentIssues: readonly IssueView[];
  readonly archive: readonly ArchiveYear[];
  readonly countryPages: readonly ListingPage[];
  readonly tagPages: readonly ListingPage[];
  readonly sitemap: readonly SitemapEntry[];
  readonly feeds: FeedSet;
}
