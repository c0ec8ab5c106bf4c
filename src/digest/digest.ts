// Groups the validated content into everything the pages show, once per build and edition:
// issues by ISO week, items by country, tag, region and incident type, the archive by year,
// the security picture, the feeds and the open data.
//
// Every grouping is one entry of GROUPINGS, made from the edition's scope and from the other
// groupings it asks for (`digest.items`, `digest.issueRefOf`...). A grouping is made the first
// time something asks for it, and once: so a page kind asks for the grouping it needs, and a
// new grouping is one entry here, its type in the Digest derived from the entry. Each is one
// pass over what it groups, so the build stays linear in the size of the archive.
import type { Content, Item } from "../content/model.ts";
import type { ActorKind } from "../content/schemas.ts";
import type { CountryView, EditionView, FeedSet, IssueRef, ItemView, LanguageName, ListingPage, Ref, SiteView, TagGroup, TagView } from "./views.ts";
import { buildFeeds } from "./feeds.ts";
import { FigureIndex } from "./figures.ts";
import { regionMap, type RegionMap } from "./map.ts";
import { countryFigures, ExternalIndex, issueOverview, type Picture } from "./overview.ts";
import { IncidentCounts } from "./incidents/counts.ts";
import { OpenDataRows } from "./open-data.ts";
import { contentFor, editionsOf, namesAlsoIn, type Edition } from "./editions.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { markedMap, REGION_PAGE_INCIDENTS, regionViews } from "./regions.ts";
import { listingPages } from "./listing.ts";
import { paths, SiteUrls } from "./paths.ts";
import { compareWeeks, weekRangeInWords, type Week } from "../core/weeks.ts";
import { madeWhenAsked } from "./made-when-asked.ts";
import { correctedItems } from "./corrections.ts";
import { buildMonths, monthNoteIn, NO_MONTHS, type Months } from "./months.ts";
import { linksForPages } from "./links.ts";
import { countrySeries, RegionWeeks, stripWeeks, trendStrip } from "./timeline.ts";
import { methodologySections, type MethodologySection } from "./methodology.ts";
import { externalCredits, type ExternalCredit } from "./external-credits.ts";
import { archiveByYear, buildIssues, compareText, countryView, groupBy, incidentTypeViews, itemView, newestFirst, ref, tagView } from "./entries.ts";

const TAG_GROUP_ORDER: readonly (ActorKind | "theme")[] = [
  "armed-group", "state-force", "international-force", "institution", "political", "civil-society", "theme",
];

/**
 * Item views of earlier builds. The preview reuses an unchanged item's Item object, and then
 * gets the same view back: not worked out again, and recognisably the same to the renderer,
 * which skips the pages made only of unchanged views. `names` holds what a view takes from
 * outside its item (the site's address, country and tag names); when that changes, views are
 * made afresh.
 */
const itemViews = new WeakMap<Item, { names: string; view: ItemView }>();

/** What every grouping of one edition starts from. */
export interface EditionScope {
  /** The content as this edition shows it (src/digest/editions.ts). */
  readonly content: Content;
  readonly edition: Edition;
  /** Every edition, default first, with its name in its own language. */
  readonly languages: EditionView["all"];
  /** The site's own address, where the files every edition shares are. */
  readonly rootUrl: string;
  /** The counts, the same in every edition, made once for all; the editors' judgement in the edition's words. */
  readonly picture: Picture;
  /** Each country's and region's names in the languages of site.ts `namesAlsoIn`. */
  readonly names: ReturnType<typeof namesAlsoIn>;
  /** The default edition's words: those of the files every edition shares (the open data). */
  readonly sharedWords: Catalogue;
}

/** A grouping: made from the scope and from the other groupings it asks the digest for. */
type Grouping<T> = (scope: EditionScope, digest: Grouped) => T;

/** What a digest holds: one field per grouping of the table below, which makes it. */
interface Grouped {
  readonly words: Catalogue;
  readonly urls: SiteUrls;
  readonly site: SiteView;
  readonly edition: EditionView;
  readonly sortedItems: Item[];
  readonly countryEntries: Content["countries"][number][];
  readonly countryRefs: Map<string, Ref>;
  readonly tagSources: { kind: ActorKind | "theme"; entry: Content["actors"][number] | Content["themes"][number] }[];
  readonly tagRefs: Map<string, Ref>;
  readonly regionRefs: Map<string, Ref>;
  readonly issueRefOf: (w: Week) => IssueRef;
  readonly items: ItemView[];
  readonly itemsByCountry: Map<string, ItemView[]>;
  readonly itemsByTag: Map<string, ItemView[]>;
  readonly itemsByRegion: Map<string, ItemView[]>;
  readonly corrected: ItemView[];
  readonly methodology: MethodologySection[];
  readonly externalCredits: ExternalCredit[];
  readonly incidents: ItemView["incidents"][number][];
  readonly incidentsByCountry: Map<string, ItemView["incidents"][number][]>;
  readonly hasPicture: boolean;
  readonly countryMap: (slug: string) => RegionMap | undefined;
  readonly alsoNamed: (list: readonly LanguageName[] | undefined) => LanguageName[];
  readonly regions: ReturnType<typeof regionViews>;
  readonly countries: CountryView[];
  /** Whether a week has an issue (items). */
  readonly hasIssue: (w: Week) => boolean;
  /** The weeks the timeline strips show: the last 52 up to the latest issue. */
  readonly stripWeeksOf: (first: Week | undefined) => Week[];
  readonly regionWeeks: RegionWeeks;
  readonly months: Months;
  readonly tags: TagView[];
  readonly tagGroups: TagGroup[];
  readonly map: RegionMap | undefined;
  readonly issues: ReturnType<typeof buildIssues>;
  /** The weeks that have an issue, newest first: the issues' weeks, without making the issues. */
  readonly issueWeeks: readonly Week[];
  readonly latestIssue: ReturnType<typeof buildIssues>[number] | undefined;
  readonly recentIssues: ReturnType<typeof buildIssues>;
  readonly archive: ReturnType<typeof archiveByYear>;
  readonly countryPages: ListingPage[];
  readonly tagPages: ListingPage[];
  readonly incidentTypeGroups: ReturnType<typeof incidentTypeViews>;
  readonly incidentTypes: ReturnType<typeof incidentTypeViews>["types"];
  readonly incidentTypePages: ListingPage[];
  readonly openData: OpenDataRows;
  /**
   * By week id, what a week's counts are made from: the items published in it or recording an
   * incident dated in it, and the editors' figures for it.
   */
  readonly countedIn: Map<string, { items: Item[]; figures: Content["figures"][number][] }>;
  readonly feeds: FeedSet;
}

/** One edition's digest, and, on the default edition's, the other editions'. */
export type Digest = Grouped & {
  /** On the default edition's digest: the other editions' (none on theirs). */
  readonly others: readonly Digest[];
  /**
   * Made for the preview (drafts shown): its pages allow the dev server's live-reload script.
   * Never true of a build for publishing.
   */
  readonly preview?: boolean;
};

const GROUPINGS: { readonly [Name in keyof Grouped]: Grouping<Grouped[Name]> } = {
  /** The edition's interface words. */
  words: (scope) => scope.edition.words,
  urls: (scope) => new SiteUrls(scope.content.site.url, scope.rootUrl),
  site: (scope) => scope.content.site,
  edition: (scope, d) => {
    const { edition, languages } = scope;
    const t = d.words;
    return { language: edition.language, locale: t.locale, direction: t.direction, isDefault: edition.isDefault, folder: edition.folder, words: t, all: languages, urls: d.urls, sourceLanguage: languages[0]!.language };
  },

  /** The published items, newest first. */
  sortedItems: (scope) => [...scope.content.items].sort(newestFirst),
  countryEntries: (scope) => [...scope.content.countries].sort((a, b) => a.order - b.order || compareText(a.slug, b.slug)),
  countryRefs: (_, d) => new Map(d.countryEntries.map((c) => [c.slug, ref(c.slug, c.name, paths.country(c.slug))])),
  tagSources: (scope) => [
    ...scope.content.actors.map((a) => ({ kind: a.kind as ActorKind | "theme", entry: a as Content["actors"][number] | Content["themes"][number] })),
    ...scope.content.themes.map((t) => ({ kind: "theme" as const, entry: t as Content["actors"][number] | Content["themes"][number] })),
  ],
  tagRefs: (_, d) => new Map(d.tagSources.map(({ entry }) => [entry.slug, ref(entry.slug, entry.name, paths.tag(entry.slug))])),
  regionRefs: (scope) => new Map(scope.content.regions.map((r) => [r.slug, ref(r.slug, r.name, paths.region(r.slug))])),
  /** A week's issue as other pages link it, made once a week. */
  issueRefOf: (_, d) => {
    const t = d.words;
    const issueRefs = new Map<string, IssueRef>();
    return (w: Week): IssueRef => {
      let existing = issueRefs.get(w.id);
      if (!existing) {
        existing = { id: w.id, path: paths.issue(w), title: t.t("issue.title", { week: String(w.week), year: String(w.year) }), range: weekRangeInWords(w, t) };
        issueRefs.set(w.id, existing);
      }
      return existing;
    };
  },

  /** Newest first. */
  items: (scope, d) => {
    const { site } = scope.content;
    const t = d.words;
    // Everything an item's view and feed entry take from outside the item: the site's address
    // and feed ids, and the names of what it refers to.
    const names = JSON.stringify([site.url, site.language, site.feedIds, t.signature, [...d.countryRefs.values()], [...d.tagRefs.values()], [...d.regionRefs.values()]]);
    return d.sortedItems.map((item) => {
      const known = itemViews.get(item);
      if (known?.names === names) return known.view;
      const view = itemView(item, d.countryRefs, d.tagRefs, d.regionRefs, d.issueRefOf(item.week), d.urls, t, site.language, d.edition.sourceLanguage);
      itemViews.set(item, { names, view });
      return view;
    });
  },
  itemsByCountry: (_, d) => groupBy(d.items, (v) => v.countries.map((c) => c.slug)),
  itemsByTag: (_, d) => groupBy(d.items, (v) => v.tags.map((t) => t.slug)),
  itemsByRegion: (_, d) => groupBy(d.items, (v) => [...new Set(v.incidents.flatMap((i) => (i.region ? [i.region.slug] : [])))]),
  /** The corrected items, most recently corrected first: the corrections page and feed. */
  corrected: (_, d) => correctedItems(d.items),
  /** The methodology page's sections (src/digest/methodology.ts). */
  methodology: (scope, d) => methodologySections(scope.content, d.words),
  /** ACLED named, with the day its data was accessed, wherever its counts are shown (src/digest/external-credits.ts). */
  externalCredits: (scope, d) => externalCredits(scope.content, scope.content.site.timeZone, d.words),
  /** Every published incident, oldest first. */
  incidents: (_, d) => d.items.flatMap((v) => v.incidents).sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id)),
  incidentsByCountry: (_, d) => groupBy(d.incidents, (i) => [i.country.slug]),

  /** Whether there is a security picture to show: counts, judgements or other organisations' counts. */
  hasPicture: (scope) => !scope.picture.judgement.isEmpty || scope.picture.counts.incidents.length > 0 || !scope.picture.external.isEmpty,
  /** Each country's own map, drawn once, for its page and its regions' pages. */
  countryMap: (_, d) => {
    const countryMaps = new Map<string, RegionMap | undefined>();
    return (slug: string) => {
      if (!countryMaps.has(slug)) {
        const country = d.countryEntries.find((c) => c.slug === slug);
        countryMaps.set(slug, country?.iso ? regionMap([{ slug, name: country.name, path: paths.country(slug), iso: country.iso }]) : undefined);
      }
      return countryMaps.get(slug);
    };
  },
  /** Of a country's or region's names, those its pages give beside its name: a name in the edition's own language is its name already. */
  alsoNamed: (scope) => (list: readonly LanguageName[] | undefined) => (list ?? []).filter((n) => n.language !== scope.edition.language),
  /** Regions with incidents, by country then name. */
  regions: (scope, d) => {
    const latestWeek = d.sortedItems[0]?.week;
    const { counts, judgement } = scope.picture;
    return regionViews(scope.content.regions, d.incidents, d.countryRefs, scope.content.site.title, d.issueRefOf, latestWeek, d.countryMap, (country, w) => counts.get(country, w) !== undefined, d.words, (slug) => d.alsoNamed(scope.names.regions.get(slug))).map((region) => {
      const strip = trendStrip(d.stripWeeksOf(counts.firstWeekOf(region.country.slug)), d.regionWeeks.series(region.slug, region.country.slug, counts), judgement, region.country, d.issueRefOf, d.hasIssue, d.words);
      return { ...region, ...(strip ? { strip } : {}) };
    });
  },
  hasIssue: (_, d) => {
    const weeks = new Set(d.sortedItems.map((item) => item.week.id));
    return (w: Week) => weeks.has(w.id);
  },
  stripWeeksOf: (_, d) => {
    const latest = d.sortedItems[0]?.week;
    return (first: Week | undefined) => (latest ? stripWeeks(latest, first) : []);
  },
  regionWeeks: (scope) => new RegionWeeks(scope.picture.counts.incidents),
  months: (scope, d) =>
    scope.content.site.monthly === false
      ? NO_MONTHS
      : buildMonths({
          incidents: d.incidents,
          counts: scope.picture.counts,
          judgement: scope.picture.judgement,
          countries: d.countryEntries.map((c) => d.countryRefs.get(c.slug)!),
          regions: d.regions.map((r) => ({ slug: r.slug, name: r.name, path: r.path, country: r.country })),
          notes: (scope.content.monthNotes ?? []).map((note) => monthNoteIn(note, scope.edition.language, scope.languages[0]!.language, (html) => linksForPages(html, d.urls))),
          issueRefOf: d.issueRefOf,
          hasIssue: d.hasIssue,
          siteTitle: scope.content.site.title,
          language: scope.edition.language,
          words: d.words,
        }),
  countries: (scope, d) => {
    const { picture } = scope;
    const { site } = scope.content;
    const t = d.words;
    const weeksWithIssues = new Set(d.sortedItems.map((item) => item.week.id));
    const latestWeek = d.sortedItems[0]?.week;
    const figuresOf = (slug: string) =>
      !d.hasPicture || !latestWeek ? undefined : countryFigures(picture, slug, latestWeek, d.issueRefOf, (w) => weeksWithIssues.has(w.id), picture.counts.firstWeekOf(slug), t);
    const regionsByCountry = groupBy(d.regions, (r) => [r.country.slug]);
    return d.countryEntries.map((c) => {
      const map = c.kind === "country" && d.incidentsByCountry.has(c.slug) ? d.countryMap(c.slug) : undefined;
      // The country's map marks its newest incidents, as many as a region's page lists.
      const marked = map ? markedMap(map, [...d.incidentsByCountry.get(c.slug)!].reverse().slice(0, REGION_PAGE_INCIDENTS), t) : undefined;
      const places = (regionsByCountry.get(c.slug) ?? []).map((r) => ({ ...ref(r.slug, r.name, r.path), incidentCount: r.incidentCount }));
      const namesIn = scope.names.countries.get(c.slug) ?? [];
      const view = countryView(c, d.itemsByCountry.get(c.slug)?.length ?? 0, site.title, t, d.urls, c.kind === "country" ? figuresOf(c.slug) : undefined, marked, places, { namesIn, alsoNamed: d.alsoNamed(namesIn) });
      const strip = trendStrip(d.stripWeeksOf(picture.counts.firstWeekOf(c.slug)), countrySeries(picture.counts, c.slug), picture.judgement, d.countryRefs.get(c.slug)!, d.issueRefOf, d.hasIssue, t);
      const months = monthRefs(d.months.byCountry.get(c.slug));
      return { ...view, ...(strip ? { strip } : {}), ...(months.length ? { months } : {}) };
    });
  },
  /**
   * Actors and themes some item names. One no item names has no page and no feed: an empty
   * feed tells a reader nothing, and a page that says "no items" is a dead end.
   */
  tags: (scope, d) => {
    const t = d.words;
    // A to Z as the edition's language sorts ("État" among the E), named so no machine's locale decides.
    const collator = new Intl.Collator(t.language, { sensitivity: "base" });
    return d.tagSources
      .filter(({ entry }) => d.itemsByTag.has(entry.slug))
      .map(({ kind, entry }) => tagView(kind, t.t(`tagKind.${kind}`), entry, d.countryRefs, d.itemsByTag.get(entry.slug)?.length ?? 0, scope.content.site.title, t))
      .sort((a, b) => TAG_GROUP_ORDER.indexOf(a.kind) - TAG_GROUP_ORDER.indexOf(b.kind) || collator.compare(a.name, b.name) || compareText(a.slug, b.slug));
  },
  tagGroups: (_, d) => TAG_GROUP_ORDER.map((kind) => ({ label: d.words.t(`tagKind.${kind}`), tags: d.tags.filter((tag) => tag.kind === kind) })).filter((g) => g.tags.length > 0),

  /** The regional map's shapes; each issue's overview says how to shade them. */
  map: (_, d) => (d.hasPicture ? regionMap(d.countries.filter((c) => c.kind === "country")) : undefined),
  /** Newest first. */
  issues: (scope, d) => {
    // Rows name their country by reference only: the overview is part of its issue's page key.
    const overviewCountries = d.countries.filter((c) => c.kind === "country").map((c) => ref(c.slug, c.name, c.path));
    const overviewOf = (w: Week) => (d.hasPicture ? issueOverview(scope.picture, overviewCountries, w, d.words) : undefined);
    return buildIssues(d.sortedItems, d.items, d.countries, scope.content, d.issueRefOf, d.urls, overviewOf, d.map, groupBy(d.incidents, (i) => [i.weekId]), d.words);
  },
  issueWeeks: (_, d) => {
    const weeks = new Map(d.sortedItems.map((item) => [item.week.id, item.week]));
    return [...weeks.values()].sort((a, b) => compareWeeks(b, a));
  },
  latestIssue: (_, d) => d.issues[0],
  recentIssues: (scope, d) => d.issues.slice(0, scope.content.site.recentIssues),
  archive: (_, d) => archiveByYear(d.issues),

  countryPages: (scope, d) => d.countries.flatMap((c) => listingPages(c, d.itemsByCountry.get(c.slug) ?? [], scope.content.site.itemsPerPage, (n) => paths.country(c.slug, n))),
  tagPages: (scope, d) => d.tags.flatMap((t) => listingPages(t, d.itemsByTag.get(t.slug) ?? [], scope.content.site.itemsPerPage, (n) => paths.tag(t.slug, n))),
  incidentTypeGroups: (_, d) => incidentTypeViews(d.items, d.words),
  /** The types of incident recorded, in the typology's order. */
  incidentTypes: (_, d) => d.incidentTypeGroups.types,
  incidentTypePages: (scope, d) =>
    d.incidentTypes.flatMap((t) => listingPages(t, d.incidentTypeGroups.items.get(t.slug)!, scope.content.site.itemsPerPage, (n) => paths.incidentType(t.slug, n))),

  countedIn: (scope) => {
    const byWeek = new Map<string, { items: Item[]; figures: Content["figures"][number][] }>();
    const week = (id: string) => byWeek.get(id) ?? byWeek.set(id, { items: [], figures: [] }).get(id)!;
    const add = (id: string, item: Item) => {
      const { items } = week(id);
      // An item's adds come one after the other: the last entry tells whether it is listed.
      if (items.at(-1) !== item) items.push(item);
    };
    for (const item of scope.content.items) {
      add(item.week.id, item);
      for (const incident of item.incidents) add(incident.week.id, item);
    }
    for (const figure of scope.content.figures) week(figure.week.id).figures.push(figure);
    return byWeek;
  },
  /** The incidents and weekly counts as rows, which the pages write as downloadable files. */
  openData: (scope, d) => {
    const regionIsoCodes = new Map(scope.content.regions.map((r) => [r.slug, r.iso]));
    return new OpenDataRows({
      incidents: d.incidents,
      items: d.items,
      retired: scope.content.items.flatMap((item) => item.retiredIds.map((entry) => ({ ...entry, slug: item.slug }))),
      counts: scope.picture.counts,
      // A week's counts as its issue published them: the incidents dated in it of the items
      // published by then, and the week's figures.
      countsAsOf: (week) => {
        const counted = d.countedIn.get(week.id);
        return new IncidentCounts((counted?.items ?? []).filter((item) => compareWeeks(item.week, week) <= 0), counted?.figures ?? []);
      },
      countries: d.countries.filter((c) => c.kind === "country"),
      regions: d.regions,
      regionIso: (slug) => regionIsoCodes.get(slug) ?? "",
      absolute: (path) => d.urls.absolute(path),
      zone: scope.content.site.timeZone,
      words: scope.sharedWords,
    });
  },
  feeds: (_, d) =>
    buildFeeds({ site: d.site, urls: d.urls, items: d.items, issues: d.issues, countries: d.countries, tags: d.tags, itemsByCountry: d.itemsByCountry, itemsByTag: d.itemsByTag, regions: d.regions, itemsByRegion: d.itemsByRegion, corrected: d.corrected, months: d.months.all, words: d.words }),
};

/** A place's month pages as its page links them, newest first. */
function monthRefs(months: readonly { id: string; path: string; title: string }[] | undefined): { id: string; path: string; title: string }[] {
  return (months ?? []).map(({ id, path, title }) => ({ id, path, title }));
}

/**
 * The digest in every edition site.ts asks for (src/digest/editions.ts): the default edition's, which
 * holds the others in `others`.
 */
export function buildDigest(content: Content, { preview = false }: { readonly preview?: boolean } = {}): Digest {
  const editions = editionsOf(content);
  const languages = editions.map((e) => ({ language: e.language, direction: e.words.direction, folder: e.folder, name: e.words.t("edition.name") }));
  // The security picture is the same in every language: counted once. Only the editors'
  // reasons are in words, each edition's own (an index of them is cheap).
  const picture = pictureOf(content);
  const names = namesAlsoIn(content);
  const [first, ...rest] = editions.map((edition): EditionScope => {
    const shown = contentFor(content, edition);
    const judgement = shown.figures === content.figures ? picture.judgement : new FigureIndex(shown.figures);
    return { content: shown, edition, languages, rootUrl: content.site.url, picture: { ...picture, judgement }, names, sharedWords: editions[0]!.words };
  });
  return groupedDigest(first!, rest.map((scope) => groupedDigest(scope, [], preview)), preview);
}

/** The default edition's digest and the others it holds, default first. */
export function everyEdition(digest: Digest): readonly Digest[] {
  return [digest, ...digest.others];
}

/** One edition's digest: each grouping made when first asked for, then kept. */
function groupedDigest(scope: EditionScope, others: readonly Digest[], preview: boolean): Digest {
  return madeWhenAsked(GROUPINGS, scope, { others, preview }) as unknown as Digest;
}

/**
 * Counts computed from the incidents, the editors' judgement, and other organisations' counts:
 * they depend on no edition's words.
 */
function pictureOf(content: Content): Picture {
  return {
    judgement: new FigureIndex(content.figures),
    counts: new IncidentCounts(content.items, content.figures),
    external: new ExternalIndex(content.externalCounts),
  };
}
