// What templates receive: finished, ordered, formatted. Templates lay these out and never
// sort, filter or do date arithmetic.
import type { Toll } from "../content/toll.ts";
import type { DatePrecision, PlacePrecision } from "../content/schemas.ts";
import type { Week } from "../core/weeks.ts";
import type { ActorKind, AlertKind, Site, TrendLabel } from "../content/schemas.ts";
import type { BarChart } from "./chart.ts";
import type { ChangeBand, MetricView } from "./figures.ts";
import type { RegionMap } from "./map.ts";
import type { IncidentType } from "../content/typology.ts";
import type { MapMarks } from "./incidents/marks.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { SiteUrls } from "./paths.ts";

export interface Ref {
  readonly slug: string;
  readonly name: string;
  readonly path: string;
}

export interface SiteView extends Site {
  /** Where readers sign up for the emails (site.ts `signUp`, or the edition's); none: nothing is said of signing up. */
  readonly signUp?: string;
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
  /** Set when the reason is not in the edition's language (nobody translated it): the language it is in. */
  readonly reasonLanguage?: string;
}

/** A name in one language. */
export interface LanguageName {
  readonly language: string;
  readonly name: string;
}

/** Another organisation's counts for one country and week, shown beside ours. */
export interface ExternalCountView {
  readonly source: string;
  readonly exported: string;
  readonly eventsText: string;
  readonly fatalitiesText: string;
}

/** One country's row in an issue's regional overview. */
export interface OverviewRow {
  readonly country: Ref;
  /** Undefined: the digest did not cover this country this week (said in words, never shown as zero). */
  readonly figures?: {
    /** The editors' judgement; none when they gave no trend that week. */
    readonly trend?: TrendLabel;
    readonly trendLabel?: string;
    readonly reason?: string;
    /** Set when the reason is not in the edition's language. */
    readonly reasonLanguage?: string;
    readonly alerts: readonly AlertView[];
    /** Computed from the items' incidents. */
    readonly incidents: MetricView;
    /** How many of them the sources know only to the week or month, or only to the region or country: "of which 2 …". */
    readonly precisionText?: string;
    readonly fatalities: MetricView;
    /** Incidents by type, the types with at least one. */
    readonly byType: readonly { readonly type: IncidentType; readonly label: string; readonly count: number }[];
    readonly external: readonly ExternalCountView[];
    /** The early-warning flags the counts raised this week (src/digest/early-warning.ts), and where they and the editors' label disagree. */
    readonly warning?: { readonly flags: readonly string[]; readonly disagreement?: string };
  };
}

export interface IssueOverview {
  readonly rows: readonly OverviewRow[];
  readonly countriesWithFigures: number;
  /** False when no country has a reported fatality this week: the column is left out. */
  readonly hasFatalities: boolean;
  /** Other organisations whose counts are shown this week. */
  readonly externalSources: readonly string[];
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
  /** Set when the reason is not in the edition's language. */
  readonly reasonLanguage?: string;
  readonly alerts: readonly AlertView[];
  /** "3", "none recorded", "not covered". */
  readonly incidentsText: string;
  readonly fatalitiesText: string;
}

export interface CountryFigures {
  /** Newest first. */
  readonly history: readonly TrendWeek[];
  /** Weekly incidents over up to the last 52 weeks, oldest first; undefined when no week was covered. */
  readonly chart?: BarChart;
  /** The chart's text alternative: every week of it, oldest first. */
  readonly chartTable: readonly (ChartWeekRow & { readonly external: string })[];
  /** Whether another organisation's counts fill the table's last column. */
  readonly hasExternal: boolean;
  readonly chartFirst: string;
  readonly chartLast: string;
}

export interface CountryView extends Ref {
  readonly kind: "country" | "region";
  /** Its names in the languages of site.ts `namesAlsoIn`, the edition's own too: the search index holds them all. */
  readonly namesIn: readonly LanguageName[];
  /** Those its pages give beside its name: not in the edition's language. */
  readonly alsoNamed: readonly LanguageName[];
  readonly iso?: string;
  readonly capital?: string;
  readonly profileHtml: string;
  /** Set when the profile is not in the edition's language: the language it is in. */
  readonly profileLanguage?: string;
  readonly itemCount: number;
  readonly feed: FeedRef;
  /** Undefined when the editors keep no figures for it. */
  readonly figures?: CountryFigures;
  /** Its own map with its newest incidents marked; none without incidents. */
  readonly map?: MarkedMap;
  /** Its regions with incidents, by name. */
  readonly regions: readonly (Ref & { readonly incidentCount: number })[];
  /** Its incidents as CSV (open data), when it has any. */
  readonly incidentsCsv?: string;
  /** Its last 52 weeks' trend labels and computed flags. */
  readonly strip?: TrendStrip;
  /** Its month pages, newest first. */
  readonly months?: readonly MonthRef[];
}

export interface TagView extends Ref {
  readonly kind: ActorKind | "theme";
  /** "Armed group", "Theme", ... */
  readonly kindLabel: string;
  readonly description: string;
  /** Set when the description is not in the edition's language. */
  readonly descriptionLanguage?: string;
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

/** One incident as pages, feeds and the open data show it. */
export interface IncidentView {
  /** Stable: the item's slug and the incident's place in its list, "farabougou-attack-1". */
  readonly id: string;
  readonly type: IncidentType;
  /** "Violence against civilians" */
  readonly typeLabel: string;
  /** The sub-type's slug, and its label. */
  readonly subtype?: string;
  readonly subtypeLabel?: string;
  /** "2020-10-30": the day, or the day that stands for the week or month. */
  readonly date: string;
  /** What the sources know of when: day, week, month. */
  readonly datePrecision: DatePrecision;
  /** The ISO week it is counted in: "2020-W44". */
  readonly weekId: string;
  /** "30 October 2020", "week of Monday 26 October 2020", "October 2020 (day not known)". */
  readonly dateText: string;
  readonly country: Ref;
  /** None when only the country is known. */
  readonly region?: Ref;
  readonly place?: string;
  /** What the sources know of where: place, near, region, country. */
  readonly placePrecision: PlacePrecision;
  /** "Boulikessi, Mopti", "near Boulikessi, Mopti", "Mopti (region only)", "Mali (country only)". */
  readonly where: string;
  readonly coordinates?: readonly [number, number];
  readonly coordinatesFrom?: "gazetteer" | "source";
  /** As the source gives them (src/content/toll.ts), and in words: "12", "at least 50", "about 30 (the source: “several dozen”)"; none when it says nothing. */
  readonly fatalities?: Toll;
  readonly fatalitiesText?: string;
  /** Where the sources disagree: each side's account, side by side; the toll above is the counted one (src/digest/tolls.ts). */
  readonly accounts?: readonly AccountView[];
  /** The item that records it; `language` when its title is not in the edition's language. */
  readonly item: { readonly slug: string; readonly title: string; readonly path: string; readonly language?: string };
  /** "Armed clash: Boulikessi, Mopti, 30 October 2020": a map mark's tooltip. */
  readonly title: string;
}

/** What one side says of an incident, in the edition's words where the editor translated them. */
export interface AccountView {
  /** Set when its words (who says it, whom they say was killed) are left in the content's language, untranslated: that language. */
  readonly language?: string;
  readonly by: string;
  readonly killed?: string;
  /** "about 30 (the source: several dozen)"; "not given" when the account gives no figure. */
  readonly fatalitiesText: string;
  readonly source: { readonly name: string; readonly url?: string };
}

/** A region with incidents: its page lists them and charts them week by week. */
export interface RegionView extends Ref {
  /** Its names in the languages of site.ts `namesAlsoIn` but the edition's, given beside its name. */
  readonly alsoNamed: readonly LanguageName[];
  /** ISO 3166-2 */
  readonly iso: string;
  readonly country: Ref;
  readonly incidentCount: number;
  /** Newest first, at most REGION_PAGE_INCIDENTS of them; the open data has them all. */
  readonly incidents: readonly IncidentView[];
  readonly chart?: BarChart;
  readonly chartTable: readonly ChartWeekRow[];
  readonly chartFirst: string;
  readonly chartLast: string;
  readonly feed: FeedRef;
  /** The country's map with the region's incidents marked. */
  readonly map?: MarkedMap;
  /** Its last 52 weeks: its country's trend labels, its own computed flags. */
  readonly strip?: TrendStrip;
  /** Its month pages, newest first. */
  readonly months?: readonly MonthRef[];
}

/** A week in a chart's table: its count, its toll with its uncertainty, and what the sources know only roughly. */
export interface ChartWeekRow {
  readonly week: string;
  readonly range: string;
  readonly incidents: string;
  /** "at least 84", "19–20"; "—" when no incident has a figure. */
  readonly fatalities: string;
  /** "of which 2 known only to the week or month; …"; "—" when every incident is known to the day and place. */
  readonly precision: string;
  /** The toll is not one exact figure: the chart hatches its bar. */
  readonly uncertain: boolean;
}

/** A map and the incidents marked on it. */
export interface MarkedMap extends MapMarks {
  readonly map: RegionMap;
  /** The incidents it shows, newest first, drawn or not: its table. */
  readonly incidents: readonly IncidentView[];
}

export interface ItemView {
  /** Set when the item is not in the edition's language (nobody translated it): the language it is in. */
  readonly language?: string;
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
  readonly incidents: readonly IncidentView[];
  readonly source: { readonly name: string; readonly url?: string; readonly published?: string };
  readonly countries: readonly Ref[];
  readonly tags: readonly Ref[];
  readonly issue: IssueRef;
  readonly draft: boolean;
  /** A draft still being filled in (the preview only): its problems, in words. */
  readonly incomplete?: readonly string[];
  readonly scheduled: boolean;
  readonly bodyHtml: string;
  /** What was corrected after publication, newest first (src/digest/corrections.ts). */
  readonly corrections: readonly CorrectionView[];
  /** The latest correction's day (YYYY-MM-DD), when it has one: its modified date. */
  readonly modified?: string;
  /** The source's grade, where the editors gave one (src/digest/grades.ts). */
  readonly grade?: GradeView;
  /** Its item's (src/content/model.ts): what the build's cache knows the view by. */
  readonly fingerprint?: string;
}

/** An item's source grade as shown: "B2", each half in words, and how the editors checked. */
export interface GradeView {
  readonly code: string;
  readonly reliability: string;
  readonly credibility: number;
  /** "usually reliable source", "probably true", in the edition's words. */
  readonly reliabilityText: string;
  readonly credibilityText: string;
  readonly note: string;
  /** Set when the note is in another language than the edition's (nobody translated it). */
  readonly language?: string;
}

/** One correction as shown: its day, in words too, what changed, and a toll's change. */
export interface CorrectionView {
  /** YYYY-MM-DD, for <time datetime>. */
  readonly date: string;
  readonly dateText: string;
  readonly what: string;
  readonly toll?: { readonly from: string; readonly to: string };
  /** Set when its words are in another language than the edition's (nobody translated them). */
  readonly language?: string;
}

export interface IssueSection {
  readonly country: CountryView;
  readonly items: readonly ItemView[];
}

export interface IssueView extends IssueRef {
  readonly week: Week;
  readonly headline?: string;
  readonly leadHtml?: string;
  /** Set when the note is not in the edition's language. */
  readonly noteLanguage?: string;
  readonly sections: readonly IssueSection[];
  /** Each of its items once, oldest first (a section lists an item under each of its countries). */
  readonly items: readonly ItemView[];
  readonly itemCount: number;
  readonly previous?: IssueRef;
  readonly next?: IssueRef;
  /** Date of the newest item in the issue, ISO 8601. */
  readonly updatedIso: string;
  /** Undefined when the digest keeps no figures at all. */
  readonly overview?: IssueOverview;
  /** The incidents that happened in its week, whichever issue's item reported them. */
  readonly incidents: readonly IncidentView[];
  /** Those with a known place marked on the overview's map, its labels, and what it does not draw. */
  readonly mapMarks?: MapMarks;
}

export interface WeekGroup {
  readonly issue: IssueRef;
  readonly items: readonly ItemView[];
}

/** A type of incident, as browsed: its page lists the items that record one. */
export interface IncidentTypeView extends Ref {
  readonly slug: IncidentType;
  /** ACLED's name for it. */
  readonly acled: string;
  readonly incidentCount: number;
  readonly itemCount: number;
  /** Its sub-types with incidents, with their counts. */
  readonly subtypes: readonly { readonly label: string; readonly count: number }[];
}

/** One page of a country's, tag's or incident type's items, newest first, grouped by week. */
export interface ListingPage {
  readonly owner: CountryView | TagView | IncidentTypeView;
  readonly path: string;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly previousPath?: string;
  readonly nextPath?: string;
  readonly weeks: readonly WeekGroup[];
}

export interface ArchiveYear {
  readonly year: number;
  /** Its own page, which lists every item of the year by week. */
  readonly path: string;
  readonly itemCount: number;
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
  /** A corrections feed's entry: the correction, with `item` the item it corrects. */
  readonly correction?: CorrectionView;
  /** A monthly feed's entry: the whole digest's month. */
  readonly month?: MonthView;
  readonly contentHtml?: string;
}

export interface FeedView extends FeedRef {
  readonly key: string;
  readonly kind: "digest" | "items" | "country" | "tag" | "region" | "corrections" | "months";
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
  readonly regions: readonly FeedView[];
  /** One entry per correction of any item. */
  readonly corrections: FeedView;
  /** One entry per month of the whole digest. */
  readonly months: FeedView;
  /** Every feed, for the templates that write them. */
  readonly all: readonly FeedView[];
}

/** Which edition of the digest a set of pages is (src/digest/editions.ts), and the others. */
export interface EditionView {
  /** "en", "fr": the `lang` of every page. */
  readonly language: string;
  /** The locale its dates and numbers are formatted in ("ar-TD-u-nu-latn"): site.ts `locale`, else `language`. */
  readonly locale: string;
  /** "ltr", or "rtl" for a language written right to left (Arabic): the `dir` of every page. */
  readonly direction: "ltr" | "rtl";
  readonly isDefault: boolean;
  /** "" at the site's root, "fr/" below it. */
  readonly folder: string;
  /** The edition's interface words. */
  readonly words: Catalogue;
  /** Every edition, this one too, default first, with its name in its own language ("Français"). */
  readonly all: readonly { readonly language: string; readonly direction: "ltr" | "rtl"; readonly folder: string; readonly name: string }[];
  /** The language editors write in (site.ts `language`): that of every text nobody translated. */
  readonly sourceLanguage: string;
  /**
   * The edition's addresses (its origin and base path), worked out once: every link a page,
   * feed or email gives goes through them. `urls.shared` is the site's own, where the files
   * every edition shares are: stylesheet, script, open data, sitemap.
   */
  readonly urls: SiteUrls;
}

/** One week of a strip: its trend label (the editors'), its computed flags, its issue. */
export interface StripWeek {
  readonly issue: IssueRef;
  /** False for a week with no issue: its cell is not linked. */
  readonly hasIssue: boolean;
  readonly trend?: TrendLabel;
  /** "Deteriorated", "No trend given", "Not covered". */
  readonly trendLabel: string;
  /** The mark printed in the cell beside its colour, so colour is never the only sign: "▼". */
  readonly mark: string;
  /** The early-warning flags raised that week, each with the figures that raised it. */
  readonly flags: readonly string[];
}

/** The last 52 weeks of a country's or region's trend labels and computed flags (src/digest/timeline.ts). */
export interface TrendStrip {
  /** Oldest first. */
  readonly weeks: readonly StripWeek[];
  /** Whose trend labels: the country's own, or a region's country. */
  readonly labelsOf: Ref;
  readonly first: string;
  readonly last: string;
  /** The flagged weeks, newest first. */
  readonly flagged: readonly StripWeek[];
  /** The early-warning rule and its thresholds, in words. */
  readonly rule: string;
}

/** A month's page as other pages link it. */
export interface MonthRef {
  /** "2020-12" */
  readonly id: string;
  readonly path: string;
  /** "December 2020" */
  readonly title: string;
}

/** A month's count set against another month's. */
export interface MonthComparison {
  /** "November 2020" */
  readonly against: string;
  /** "+3 (+33 %)", or why there is no comparison: "no data for October 2020". */
  readonly incidentsText: string;
  readonly band?: ChangeBand;
  readonly bandLabel?: string;
  readonly fatalitiesText: string;
}

/** One week of a month, with the days it has in it and the trend labels of the week. */
export interface MonthWeek {
  readonly issue: IssueRef;
  readonly hasIssue: boolean;
  /** How many of its seven days fall in the month. */
  readonly days: number;
  /** Set when the week straddles the month's start or end: "4 of its 7 days in December 2020". */
  readonly straddleText?: string;
  readonly rows: readonly {
    readonly country: Ref;
    readonly trend?: TrendLabel;
    readonly trendLabel: string;
    readonly reason?: string;
    readonly reasonLanguage?: string;
    readonly alerts: readonly AlertView[];
  }[];
}

/** The editors' trend of a country for a whole month, from the month's note. */
export interface MonthTrendView {
  readonly country: Ref;
  readonly trend: TrendLabel;
  readonly trendLabel: string;
  readonly reason: string;
  readonly reasonLanguage?: string;
}

/** One month of the whole digest, a country or a region (src/digest/months.ts). */
export interface MonthView extends MonthRef {
  readonly scope: "digest" | "country" | "region";
  /** The country or region; none for the whole digest. */
  readonly place?: Ref;
  /** A region's country. */
  readonly country?: Ref;
  /** "Mali, December 2020" */
  readonly heading: string;
  /** "The digest covered 31 of the month's 31 days." */
  readonly coverageText: string;
  readonly fullyCovered: boolean;
  readonly incidentCount: number;
  readonly incidentsText: string;
  readonly precisionText?: string;
  readonly byType: readonly { readonly type: IncidentType; readonly label: string; readonly count: number }[];
  /** Their reported deaths summed with their uncertainty: "at least 84"; "none reported". */
  readonly fatalitiesText: string;
  readonly vsPrevious: MonthComparison;
  readonly vsYearBefore: MonthComparison;
  /** The whole digest's month: each country's figures and its own month page. */
  readonly countries?: readonly { readonly country: Ref; readonly path?: string; readonly incidentsText: string; readonly fatalitiesText: string; readonly monthTrend?: MonthTrendView }[];
  /** A country's month: its regions' month pages. */
  readonly regions?: readonly (MonthRef & { readonly name: string; readonly incidentsText: string })[];
  readonly weeks: readonly MonthWeek[];
  /** The editors' monthly trends (the month's note), for the countries in scope. */
  readonly monthTrends: readonly MonthTrendView[];
  readonly note?: { readonly headline?: string; readonly html: string; readonly language?: string };
  /** Newest first; none on the whole digest's page (its countries' pages list them). */
  readonly incidents: readonly IncidentView[];
  readonly previous?: MonthRef;
  readonly next?: MonthRef;
  /** The whole digest's month: its email edition. */
  readonly email?: { readonly htmlPath: string; readonly textPath: string };
  /** The newest day of its incidents or weeks, for feeds and the sitemap (ISO 8601). */
  readonly updatedIso: string;
  /** The index bundle its search record goes in: the ISO year of its first issue week. */
  readonly bundle: string;
}

/** A month as the months' list shows it: its figures, not its weeks or incidents. */
export interface MonthSummary extends MonthRef {
  readonly incidentsText: string;
  readonly fatalitiesText: string;
  readonly coverageText: string;
  readonly fullyCovered: boolean;
  readonly vsPrevious: MonthComparison;
  /** The editors' monthly note's headline, and its language when not the edition's. */
  readonly headline?: string;
  readonly noteLanguage?: string;
}
