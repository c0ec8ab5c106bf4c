// The feeds readers subscribe to, built from the groupings the digest already made: the
// digest itself (one entry per weekly issue), every item, and one feed per country and per
// actor or theme. Templates render them as Atom, RSS and JSON Feed.
//
// Entry ids are tag URIs made of the site's host and the item's or issue's own slug, so
// they never change when a title or body is edited. Dates are the content's own (never the
// build time), so an unchanged site gives unchanged feeds.
import type { Catalogue } from "../core/messages/catalogue.ts";
import { trendLabel } from "./figures.ts";
import { DateTime } from "luxon";
import type { CorrectionView, CountryView, FeedEntry, FeedSet, FeedView, IssueView, ItemView, MonthView, RegionView, SiteView, TagView } from "./views.ts";
import { paths, type SiteUrls } from "./paths.ts";
import { linksForFeeds } from "./links.ts";
import { weekBounds } from "../core/weeks.ts";

export const FEED_SIZE = 50;

interface FeedInput {
  readonly site: SiteView;
  readonly urls: SiteUrls;
  readonly items: readonly ItemView[];
  readonly issues: readonly IssueView[];
  readonly countries: readonly CountryView[];
  readonly tags: readonly TagView[];
  readonly itemsByCountry: ReadonlyMap<string, readonly ItemView[]>;
  readonly itemsByTag: ReadonlyMap<string, readonly ItemView[]>;
  readonly regions: readonly RegionView[];
  readonly itemsByRegion: ReadonlyMap<string, readonly ItemView[]>;
  /** The corrected items, most recently corrected first (src/digest/corrections.ts). */
  readonly corrected: readonly ItemView[];
  /** The whole digest's months, newest first (src/digest/months.ts). */
  readonly months: readonly MonthView[];
  /** The edition's words. */
  readonly words: Catalogue;
}

/** An item can sit in many feeds, and in the preview's next build too: its entry is made once. */
const itemEntries = new WeakMap<ItemView, FeedEntry>();

export function buildFeeds(input: FeedInput): FeedSet {
  const { site, urls } = input;
  const { words } = input;
  const tag = tagUriMaker(urls, site.feedIds);
  // Where the site has editions, a feed's title says its language: a reader subscribed to both
  // tells "Sahel Digest (English)" from "Sahel Digest (français)".
  const titled = (title: string) => (site.editions.length ? words.t("feed.titleInLanguage", { title, language: words.languageName(words.language) }) : title);
  const itemEntry = (item: ItemView): FeedEntry => {
    let entry = itemEntries.get(item);
    if (!entry) {
      entry = {
        // The year folder, not the date: editing the date must not change the id.
        id: tag(String(item.year), `item/${item.slug}`),
        // An item nobody translated says so in its title, which is what a feed reader shows.
        title: item.language ? words.t("feed.untranslatedTitle", { title: item.title, language: words.languageName(item.language) }) : item.title,
        path: item.path,
        summary: item.summary,
        // Updated on its latest correction's day (never before its publication), so a feed
        // reader shows a corrected item again, once.
        ...dates(item.dateIso, latest(item.dateIso, item.modified, site.timeZone)),
        item,
        contentHtml: linksForFeeds(item.bodyHtml, urls, item.path),
      };
      itemEntries.set(item, entry);
    }
    return entry;
  };
  // With no items at all there is no date to give; the epoch keeps the output reproducible.
  const siteUpdated = input.items[0]?.dateIso ?? "1970-01-01T00:00:00Z";

  const digest: FeedView = {
    key: "digest",
    kind: "digest",
    id: urls.absolute("/feed.xml"),
    title: titled(site.title),
    description: site.description,
    cadence: words.t("feed.cadenceIssues"),
    homePath: paths.home,
    atomPath: "/feed.xml",
    rssPath: paths.rss,
    jsonPath: "/feed.json",
    ...feedDates(input.issues[0]?.updatedIso ?? siteUpdated),
    entries: input.issues.slice(0, FEED_SIZE).map((issue) => {
      // Published as its week opens; updated with its newest item.
      const opened = weekBounds(issue.week, site.timeZone).start.toISO()!;
      return {
        id: tag(String(issue.week.year), `issue/${issue.id}`),
        ...(issue.leadHtml ? { contentHtml: linksForFeeds(issue.leadHtml, urls, issue.path) } : {}),
        title: issue.headline ? words.t("feed.issueWithHeadline", { title: issue.title, headline: issue.headline }) : words.t("feed.issueWithRange", { title: issue.title, range: issue.range }),
        path: issue.path,
        summary: issueSummary(issue, words),
        // Updated with its newest item, or the latest correction of one of its items: a reader
        // shows the issue once more (its id, and RSS's guid and pubDate, unchanged).
        ...dates(opened, issue.items.reduce((newest, item) => latest(newest, item.modified, site.timeZone), issue.updatedIso)),
        publishedRfc822: rfc822(opened),
        issue,
      };
    }),
  };

  const itemFeed = (key: string, kind: FeedView["kind"], title: string, description: string, homePath: string, base: string, items: readonly ItemView[]): FeedView => {
    const entries = items.slice(0, FEED_SIZE).map(itemEntry);
    // Updated with its newest entry, a corrected one included (RFC 3339 in UTC sorts as text).
    const newest = entries.reduce<string | undefined>((latest, e) => (latest === undefined || e.updatedIso > latest ? e.updatedIso : latest), undefined);
    return {
      key,
      kind,
      // A feed's id is its own address: stable as long as the site stays where it is.
      id: urls.absolute(paths.feedsOf(base).atomPath),
      title: titled(title),
      description,
      cadence: words.t("feed.cadenceItems", { count: FEED_SIZE }),
      homePath,
      ...paths.feedsOf(base),
      ...feedDates(newest ?? siteUpdated),
      entries,
    };
  };

  const items = itemFeed("items", "items", words.t("feed.itemsTitle", { site: site.title }), words.t("feed.itemsDescription", { site: site.title }), paths.archive, paths.itemsFeedBase, input.items);
  const countries = input.countries.map((country) =>
    itemFeed(`country/${country.slug}`, "country", country.feed.title, words.t("feed.countryDescription", { name: country.name }), country.path, country.path, input.itemsByCountry.get(country.slug) ?? []),
  );
  const tags = input.tags.map((t) =>
    itemFeed(`tag/${t.slug}`, "tag", t.feed.title, words.t("feed.tagDescription", { name: t.name, kind: t.kindLabel.toLowerCase() }), t.path, t.path, input.itemsByTag.get(t.slug) ?? []),
  );
  const regions = input.regions.map((r) =>
    itemFeed(`region/${r.slug}`, "region", r.feed.title, words.t("feed.regionDescription", { name: r.name, country: r.country.name }), r.path, r.path, input.itemsByRegion.get(r.slug) ?? []),
  );
  // One entry per correction, newest first: the day, the item, what changed.
  const correctionEntries = input.corrected
    .flatMap((item) => {
      const seen = new Map<string, number>();
      return [...item.corrections].reverse().map((correction) => {
        // Its id: the item's, the day, and its place among that day's corrections, so a correction added later changes no other id.
        const n = (seen.get(correction.date) ?? 0) + 1;
        seen.set(correction.date, n);
        const day = DateTime.fromISO(correction.date, { zone: site.timeZone }).toISO()!;
        return {
          id: tag(String(item.year), `item/${item.slug}/correction/${correction.date}${n > 1 ? `-${n}` : ""}`),
          title: words.t("feed.correctionTitle", { title: item.title }),
          path: item.path,
          summary: correctionSummary(correction, words),
          ...dates(day, day),
          item,
          correction,
        };
      });
    })
    .sort((a, b) => compareIso(b.updatedIso, a.updatedIso))
    .slice(0, FEED_SIZE);
  const corrections: FeedView = {
    key: "corrections",
    kind: "corrections",
    id: urls.absolute(paths.feedsOf(paths.corrections).atomPath),
    title: titled(words.t("feed.correctionsTitle", { site: site.title })),
    description: words.t("feed.correctionsDescription", { site: site.title }),
    cadence: words.t("feed.cadenceCorrections", { count: FEED_SIZE }),
    homePath: paths.corrections,
    ...paths.feedsOf(paths.corrections),
    ...feedDates(correctionEntries[0]?.updatedIso ?? siteUpdated),
    entries: correctionEntries,
  };
  // One entry per month of the whole digest: published as the month opens, updated with its newest incident's day.
  const monthEntries = input.months.slice(0, FEED_SIZE).map((month): FeedEntry => {
    const opened = DateTime.fromISO(`${month.id}-01`, { zone: site.timeZone }).toISO()!;
    const updated = DateTime.fromISO(month.updatedIso, { zone: site.timeZone }).toISO()!;
    return {
      id: tag(month.id.slice(0, 4), `month/${month.id}`),
      title: month.note?.headline ? words.t("feed.monthWithHeadline", { month: month.title, headline: month.note.headline }) : month.heading,
      path: month.path,
      summary: monthSummary(month, words),
      ...(month.note?.html ? { contentHtml: linksForFeeds(month.note.html, urls, month.path) } : {}),
      ...dates(opened, updated > opened ? updated : opened),
      publishedRfc822: rfc822(opened),
      month,
    };
  });
  const months: FeedView = {
    key: "months",
    kind: "months",
    id: urls.absolute(paths.feedsOf(paths.months).atomPath),
    title: words.t("feed.monthsTitle", { site: site.title }),
    description: words.t("feed.monthsDescription", { site: site.title }),
    cadence: words.t("feed.cadenceMonths"),
    homePath: paths.months,
    ...paths.feedsOf(paths.months),
    rssPath: paths.monthsRss,
    ...feedDates(monthEntries.reduce<string | undefined>((newest, e) => (newest === undefined || e.updatedIso > newest ? e.updatedIso : newest), undefined) ?? siteUpdated),
    entries: monthEntries,
  };
  return { digest, items, countries, tags, regions, corrections, months, all: [digest, items, ...countries, ...tags, ...regions, corrections, ...(input.months.length ? [months] : [])] };
}

/** "What changed (toll: from at least 28 to 34)", in the edition's words. */
export function correctionSummary(correction: CorrectionView, words: Catalogue): string {
  return correction.toll ? words.t("correction.withToll", { what: correction.what, from: correction.toll.from, to: correction.toll.to }) : correction.what;
}

/** The later of a publication and a correction's day (that day's start on the digest's clocks). */
function latest(publishedIso: string, correctedDay: string | undefined, zone: string): string {
  if (!correctedDay) return publishedIso;
  const corrected = DateTime.fromISO(correctedDay, { zone });
  return corrected.toMillis() > new Date(publishedIso).getTime() ? corrected.toISO()! : publishedIso;
}

function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** tag:example.org,2020:/sahel-digest/item/slug (RFC 4151): stable, unique, never a fetchable URL that may move. */
function tagUriMaker(urls: SiteUrls, ids: SiteView["feedIds"]) {
  // Fixed in site.ts, ids stay the same when the site moves; otherwise they follow its address.
  const authority = ids?.authority ?? new URL(urls.origin).hostname;
  const base = ids?.path ?? urls.basePath;
  return (year: string, name: string) => `tag:${authority},${year}:${base}${name}`;
}

function dates(publishedIso: string, updatedIso: string) {
  return { publishedIso: rfc3339(new Date(publishedIso)), updatedIso: rfc3339(new Date(updatedIso)) };
}

/** RFC 822, for the RSS feed only: the formatter builds an Intl formatter on every call. */
function rfc822(iso: string): string {
  // The plugin formats RFC 822 in the machine's zone unless given one: always UTC here.
  // RSS's date (RFC 822) in UTC, in English whatever the machine's language.
  return DateTime.fromJSDate(new Date(iso), { zone: "UTC" }).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}

function feedDates(updatedIso: string) {
  return { updatedIso: rfc3339(new Date(updatedIso)), updatedRfc822: rfc822(updatedIso) };
}

/**
 * What an issue entry's summary says: the countries whose trend moved, and why ("Mali
 * deteriorated: Coordinated rocket fire…; Niger improved: …"), or, without figures, the
 * countries of its items. Never the site's name: the feed says that already.
 */
export function issueSummary(issue: IssueView, words: Catalogue): string {
  const moved = (issue.overview?.rows ?? []).flatMap((row) =>
    row.figures?.trend && row.figures.trend !== "unchanged" ? [words.t("feed.trendMoved", { country: row.country.name, trend: trendLabel(row.figures.trend, words).toLocaleLowerCase(words.language), reason: row.figures.reason ?? "" })] : [],
  );
  if (moved.length) return moved.join(words.t("common.semicolon"));
  const countries = issue.sections.map((section) => section.country.name).join(words.t("common.listSeparator"));
  return words.t("feed.issueSummary", { count: issue.itemCount, range: issue.range, countries });
}

/** A month entry's summary: its incidents and deaths, and the editors' monthly trends where they gave some. */
export function monthSummary(month: MonthView, words: Catalogue): string {
  const figures = words.t("feed.monthSummary", { incidents: month.incidentsText, fatalities: month.fatalitiesText });
  const trends = month.monthTrends.map((trend) => words.t("feed.trendMoved", { country: trend.country.name, trend: trend.trendLabel.toLocaleLowerCase(words.language), reason: trend.reason }));
  return [figures, ...trends].join("; ");
}

/** Atom's date (RFC 3339), in UTC to the second. */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}
