// What templates receive: finished, ordered, formatted. Templates lay these out and never
// sort, filter or do date arithmetic.
import type { Week } from "../weeks.ts";
import type { ActorKind, AlertKind, Site, TrendLabel } from "./schemas.ts";
import type { BarChart } from "../chart.ts";
import type { MetricView } from "../figures.ts";
import type { RegionMap } from "../map.ts";

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

export interface AlertView {
  readonly kind: AlertKind;
  /** "Conflict risk alert" */
  readonly label: string;
  readonly reason: string;
}

/** One country's row in an issue's regional overview. */
export interface OverviewRow {
  readonly country: Ref;
  /** Undefined: no figures for this country this week (said in words, never shown as zero). */
  readonly figures?: {
    readonly trend: TrendLabel;
    readonly trendLabel: string;
    readonly reason: string;
    readonly alerts: readonly AlertView[];
    readonly source: string;
    readonly illustrative: boolean;
    readonly events: MetricView;
    readonly fatalities: MetricView;
  };
}

export interface IssueOverview {
  readonly rows: readonly OverviewRow[];
  readonly countriesWithFigures: number;
  /** False when no country has a fatality count this week: the column is left out. */
  readonly hasFatalities: boolean;
  /** Distinct sources of the week's counts, in words. */
  readonly sources: readonly string[];
  readonly illustrative: boolean;
  /** Trend by country slug, for shading the map. */
  readonly trends: Readonly<Record<string, TrendLabel>>;
}

/** One week of a country's trend history. */
export interface TrendWeek {
  readonly issue: IssueRef;
  /** False for a week with figures but no issue (no items): its title is not linked. */
  readonly hasIssue: boolean;
  readonly trend?: TrendLabel;
  readonly trendLabel: string;
  readonly reason?: string;
  readonly alerts: readonly AlertView[];
  /** "12", or "not counted" / "no figures". */
  readonly eventsText: string;
  readonly fatalitiesText: string;
}

export interface CountryFigures {
  /** Newest first. */
  readonly history: readonly TrendWeek[];
  /** Weekly events over up to the last 52 weeks, oldest first; undefined when no week has a count. */
  readonly chart?: BarChart;
  /** The chart's text alternative: every week of it, oldest first. */
  readonly chartTable: readonly { readonly week: string; readonly range: string; readonly events: string }[];
  readonly chartFirst: string;
  readonly chartLast: string;
  readonly sources: readonly string[];
  readonly illustrative: boolean;
}

export interface CountryView extends Ref {
  readonly kind: "country" | "region";
  readonly nameFr: string;
  readonly iso?: string;
  readonly capital?: string;
  readonly profileHtml: string;
  readonly itemCount: number;
  readonly feed: FeedRef;
  /** Undefined when the editors keep no figures for it. */
  readonly figures?: CountryFigures;
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
  /** Undefined when the digest keeps no figures at all. */
  readonly overview?: IssueOverview;
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

export interface FeedEntry {
  /** Stable: a tag URI of the item's or issue's slug. */
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly summary: string;
  /** RFC 3339 */
  readonly publishedIso: string;
  readonly updatedIso: string;
  /** RFC 822, for RSS: issue entries only (the RSS feed is the digest's). */
  readonly publishedRfc822?: string;
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
  readonly feeds: FeedSet;
  /** The regional map's shapes; each issue's overview says how to shade them. */
  readonly map?: RegionMap;
}
