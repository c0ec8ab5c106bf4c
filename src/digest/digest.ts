// Groups the validated content into everything the pages show, once per build: issues by
// ISO week, items by country and by tag, the archive by year. Every grouping is one pass
// over the items, so the build stays linear in the size of the archive.
import type { Content, Item } from "../content/model.ts";
import type { Actor, ActorKind, Theme } from "../content/schemas.ts";
import type {
  ArchiveYear, CountryFigures, CountryView, Digest, EditionView, IssueOverview, LanguageName, IssueRef, IssueSection, IssueView, ItemView, IncidentTypeView, IncidentView, ListingPage, MarkedMap, Ref, TagGroup, TagView,
} from "./views.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { buildFeeds } from "./feeds.ts";
import { linksForPages } from "./links.ts";
import { FigureIndex } from "./figures.ts";
import { regionMap, type RegionMap } from "./map.ts";
import { countryFigures, ExternalIndex, issueOverview, type Picture } from "./overview.ts";
import { IncidentCounts } from "./incidents/counts.ts";
import { incidentView } from "./incidents/views.ts";
import { marksOn } from "./incidents/marks.ts";
import { OpenData } from "../pages/open-data.ts";
import { INCIDENT_TYPES, TYPOLOGY, typeLabel } from "../content/typology.ts";
import { contentFor, editionsOf, namesAlsoIn, type Edition } from "./editions.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { markedMap, REGION_PAGE_INCIDENTS, regionViews } from "./regions.ts";
import { listingPages } from "./listing.ts";
import { paths, SiteUrls } from "./paths.ts";
import { compareWeeks, dayInWords, weekRangeInWords, type Week } from "../core/weeks.ts";
import { isoWithOffset } from "../core/dates.ts";

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

/**
 * The digest in every edition site.ts asks for (src/digest/editions.ts): the default edition's, which
 * holds the others in `others`.
 */
export function buildDigest(content: Content): Digest {
  const editions = editionsOf(content);
  const languages = editions.map((e) => ({ language: e.language, folder: e.folder, name: e.words.t("edition.name") }));
  // The security picture is the same in every language: counted once. Only the editors'
  // reasons are in words, each edition's own (an index of them is cheap).
  const picture = pictureOf(content);
  const names = namesAlsoIn(content);
  const [first, ...rest] = editions.map((edition) => {
    const shown = contentFor(content, edition);
    const judgement = shown.figures === content.figures ? picture.judgement : new FigureIndex(shown.figures);
    return buildEdition(shown, edition, languages, content.site.url, { ...picture, judgement }, names, editions[0]!.words);
  });
  return { ...first!, others: rest };
}

/** One edition's digest, from the content as that edition shows it. */
function buildEdition(content: Content, edition: Edition, languages: EditionView["all"], rootUrl: string, picture: Picture, names: ReturnType<typeof namesAlsoIn>, sharedWords: Catalogue): Digest {
  const { site } = content;
  const t = edition.words;
  const kindLabel = (kind: ActorKind | "theme") => t.t(`tagKind.${kind}`);
  // A to Z as the edition's language sorts ("État" among the E), named so no machine's locale decides.
  const collator = new Intl.Collator(t.language, { sensitivity: "base" });
  const urls = new SiteUrls(site.url, rootUrl);
  const rootBasePath = urls.shared.basePath;
  const items = [...content.items].sort(newestFirst);

  const countries = [...content.countries].sort((a, b) => a.order - b.order || compareText(a.slug, b.slug));
  const countryRefs = new Map(countries.map((c) => [c.slug, ref(c.slug, c.name, paths.country(c.slug))]));
  const tagSources = [...content.actors.map((a) => ({ kind: a.kind, entry: a as Actor | Theme })), ...content.themes.map((t) => ({ kind: "theme" as const, entry: t as Actor | Theme }))];
  const tagRefs = new Map(tagSources.map(({ entry }) => [entry.slug, ref(entry.slug, entry.name, paths.tag(entry.slug))]));

  const issueRefs = new Map<string, IssueRef>();
  const issueRefOf = (w: Week): IssueRef => {
    let existing = issueRefs.get(w.id);
    if (!existing) {
      existing = { id: w.id, path: paths.issue(w), title: t.t("issue.title", { week: String(w.week), year: String(w.year) }), range: weekRangeInWords(w, t) };
      issueRefs.set(w.id, existing);
    }
    return existing;
  };

  const regionRefs = new Map(content.regions.map((r) => [r.slug, ref(r.slug, r.name, paths.region(r.slug))]));
  const regionIsoCodes = new Map(content.regions.map((r) => [r.slug, r.iso]));
  // Everything an item's view and feed entry take from outside the item: the site's address
  // and feed ids, and the names of what it refers to.
  const viewNames = JSON.stringify([site.url, site.feedIds, t.signature, [...countryRefs.values()], [...tagRefs.values()], [...regionRefs.values()]]);
  const views = items.map((item) => {
    const known = itemViews.get(item);
    if (known?.names === viewNames) return known.view;
    const view = itemView(item, countryRefs, tagRefs, regionRefs, issueRefOf(item.week), urls, t, site.language);
    itemViews.set(item, { names: viewNames, view });
    return view;
  });
  const byCountry = groupBy(views, (v) => v.countries.map((c) => c.slug));
  const byTag = groupBy(views, (v) => v.tags.map((t) => t.slug));
  const byRegion = groupBy(views, (v) => [...new Set(v.incidents.map((i) => i.region.slug))]);
  const incidents = views.flatMap((v) => v.incidents).sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));

  // The security picture: counts computed from the incidents, the editors' judgement, and
  // other organisations' counts; each issue's overview, each country's history and chart.
  const hasPicture = !picture.judgement.isEmpty || picture.counts.incidents.length > 0 || !picture.external.isEmpty;
  const weeksWithIssues = new Set(items.map((item) => item.week.id));
  const latestWeek = items[0]?.week;
  const figuresOf = (slug: string) =>
    !hasPicture || !latestWeek ? undefined : countryFigures(picture, slug, latestWeek, issueRefOf, (w) => weeksWithIssues.has(w.id), picture.counts.firstWeekOf(slug), t);
  // Each country's own map, drawn once, for its page and its regions' pages.
  const countryMaps = new Map<string, RegionMap | undefined>();
  const countryMap = (slug: string) => {
    if (!countryMaps.has(slug)) {
      const country = countries.find((c) => c.slug === slug);
      countryMaps.set(slug, country?.iso ? regionMap([{ slug, name: country.name, path: paths.country(slug), iso: country.iso }]) : undefined);
    }
    return countryMaps.get(slug);
  };
  // A name in the edition's own language is its name already.
  const alsoNamed = (list: readonly LanguageName[] | undefined) => (list ?? []).filter((n) => n.language !== edition.language);
  const regions = regionViews(content.regions, incidents, countryRefs, site.title, issueRefOf, latestWeek, countryMap, (country, w) => picture.counts.get(country, w) !== undefined, t, (slug) => alsoNamed(names.regions.get(slug)));
  const regionsByCountry = groupBy(regions, (r) => [r.country.slug]);
  const incidentsByCountry = groupBy(incidents, (i) => [i.country.slug]);
  const countryViews: CountryView[] = countries.map((c) => {
    const map = c.kind === "country" && incidentsByCountry.has(c.slug) ? countryMap(c.slug) : undefined;
    // The country's map marks its newest incidents, as many as a region's page lists.
    const marked = map ? markedMap(map, [...incidentsByCountry.get(c.slug)!].reverse().slice(0, REGION_PAGE_INCIDENTS)) : undefined;
    const places = (regionsByCountry.get(c.slug) ?? []).map((r) => ({ ...ref(r.slug, r.name, r.path), incidentCount: r.incidentCount }));
    const namesIn = names.countries.get(c.slug) ?? [];
    return countryView(c, byCountry.get(c.slug)?.length ?? 0, site.title, t, urls, c.kind === "country" ? figuresOf(c.slug) : undefined, marked, places, { namesIn, alsoNamed: alsoNamed(namesIn) });
  });
  const mappedCountries = countryViews.filter((c) => c.kind === "country");
  // Rows name their country by reference only: the overview is part of its issue's page key.
  const overviewCountries = mappedCountries.map((c) => ref(c.slug, c.name, c.path));
  const overviewOf = (w: Week) => (hasPicture ? issueOverview(picture, overviewCountries, w, t) : undefined);
  // An actor or theme no item names has no page and no feed: an empty feed tells a reader
  // nothing, and a page that says "no items" is a dead end.
  const tagViews: TagView[] = tagSources
    .filter(({ entry }) => byTag.has(entry.slug))
    .map(({ kind, entry }) => tagView(kind, kindLabel(kind), entry, countryRefs, byTag.get(entry.slug)?.length ?? 0, site.title, t))
    .sort((a, b) => TAG_GROUP_ORDER.indexOf(a.kind) - TAG_GROUP_ORDER.indexOf(b.kind) || collator.compare(a.name, b.name) || compareText(a.slug, b.slug));
  const tagGroups: TagGroup[] = TAG_GROUP_ORDER.map((kind) => ({ label: kindLabel(kind), tags: tagViews.filter((tag) => tag.kind === kind) })).filter((g) => g.tags.length > 0);

  const map = hasPicture ? regionMap(mappedCountries) : undefined;
  const issues = buildIssues(items, views, countryViews, content, issueRefOf, urls, overviewOf, map, groupBy(incidents, (i) => [i.weekId]));
  const perPage = site.itemsPerPage;
  const countryPages: ListingPage[] = countryViews.flatMap((c) => listingPages(c, byCountry.get(c.slug) ?? [], perPage, (n) => paths.country(c.slug, n)));
  const tagPages: ListingPage[] = tagViews.flatMap((t) => listingPages(t, byTag.get(t.slug) ?? [], perPage, (n) => paths.tag(t.slug, n)));
  const incidentTypes = incidentTypeViews(views, t);
  const incidentTypePages = incidentTypes.types.flatMap((t) => listingPages(t, incidentTypes.items.get(t.slug)!, perPage, (n) => paths.incidentType(t.slug, n)));


  const siteView = { ...site, origin: urls.origin, basePath: urls.basePath };
  return {
    site: siteView,
    edition: { language: edition.language, isDefault: edition.isDefault, folder: edition.folder, words: t, all: languages, rootBasePath, sourceLanguage: languages[0]!.language },
    others: [],
    countries: countryViews,
    tags: tagViews,
    tagGroups,
    items: views,
    issues,
    ...(issues[0] ? { latestIssue: issues[0] } : {}),
    recentIssues: issues.slice(0, site.recentIssues),
    archive: archiveByYear(issues),
    countryPages,
    tagPages,
    regions,
    incidentTypes: incidentTypes.types,
    incidentTypePages,
    incidents,
    openData: new OpenData({
      incidents,
      items: views,
      counts: picture.counts,
      countries: countryViews.filter((c) => c.kind === "country"),
      regionIso: (slug) => regionIsoCodes.get(slug) ?? "",
      absolute: (path) => urls.absolute(path),
      zone: site.timeZone,
      words: sharedWords,
    }),
    feeds: buildFeeds({ site: siteView, urls, items: views, issues, countries: countryViews, tags: tagViews, itemsByCountry: byCountry, itemsByTag: byTag, regions, itemsByRegion: byRegion, words: t }),
    ...withMap(map),
  };
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

function buildIssues(
  items: readonly Item[],
  views: readonly ItemView[],
  countries: readonly CountryView[],
  content: Content,
  issueRefOf: (w: Week) => IssueRef,
  urls: SiteUrls,
  overviewOf: (w: Week) => IssueOverview | undefined,
  map: RegionMap | undefined,
  incidentsByWeek: ReadonlyMap<string, readonly IncidentView[]>,
): IssueView[] {
  // Items arrive newest first; an issue reads oldest first, so walk them backwards.
  const weeks = new Map<string, { week: Week; items: ItemView[] }>();
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const entry = weeks.get(item.week.id) ?? { week: item.week, items: [] };
    entry.items.push(views[i]!);
    weeks.set(item.week.id, entry);
  }
  const notes = new Map(content.notes.map((n) => [n.week.id, n]));
  const ordered = [...weeks.values()].sort((a, b) => compareWeeks(b.week, a.week));
  const refs = ordered.map((w) => issueRefOf(w.week));
  return ordered.map(({ week, items: weekItems }, index) => {
    const byCountry = groupBy(weekItems, (v) => v.countries.map((c) => c.slug));
    const sections: IssueSection[] = countries
      .filter((c) => byCountry.has(c.slug))
      .map((country) => ({ country, items: byCountry.get(country.slug)! }));
    const note = notes.get(week.id);
    const overview = overviewOf(week);
    // The week's incidents as the overview counts them: by the week they happened, whichever
    // issue's item reported them.
    const weekIncidents = incidentsByWeek.get(week.id) ?? [];
    const newer = refs[index - 1];
    const older = refs[index + 1];
    return {
      ...refs[index]!,
      week,
      ...(note ? { headline: note.headline, leadHtml: linksForPages(note.leadHtml, urls), ...(note.language && note.language !== content.site.language ? { noteLanguage: note.language } : {}) } : {}),
      sections,
      items: weekItems,
      itemCount: weekItems.length,
      ...(older ? { previous: older } : {}),
      ...(newer ? { next: newer } : {}),
      updatedIso: weekItems[weekItems.length - 1]!.dateIso,
      ...(overview ? { overview } : {}),
      incidents: weekIncidents,
      ...(overview && map ? { marks: marksOn(map, weekIncidents) } : {}),
    };
  });
}

function itemView(item: Item, countries: Map<string, Ref>, tags: Map<string, Ref>, regions: Map<string, Ref>, issue: IssueRef, urls: SiteUrls, t: Catalogue, editionLanguage: string): ItemView {
  const date = dayInWords(item.date, t);
  const path = paths.item(item.year, item.slug);
  const language = item.language && item.language !== editionLanguage ? item.language : undefined;
  const own = { slug: item.slug, title: item.title, path, ...(language ? { language } : {}) };
  return {
    slug: item.slug,
    year: item.year,
    path,
    file: item.file,
    title: item.title,
    summary: item.summary,
    dateIso: item.hasTime ? isoWithOffset(item.date) : item.date.toISODate()!,
    dateText: item.hasTime ? t.t("date.withTime", { day: date, time: item.date.toFormat("HH:mm"), zone: offsetName(item) }) : date,
    // In an edition, an item nobody translated is shown in its own language, and says so.
    ...(language ? { language } : {}),
    ...(item.location ? { location: item.location } : {}),
    // The loader has checked every country and region an incident names.
    incidents: item.incidents.map((incident, i) => incidentView(incident, i, own, countries.get(incident.country)!, regions.get(incident.region)!, t)),
    source: item.source,
    // The loader has checked every slug, so these lookups always succeed.
    countries: item.countries.map((slug) => countries.get(slug)!),
    tags: item.tags.map((slug) => tags.get(slug)!),
    issue,
    draft: item.draft,
    scheduled: item.scheduled,
    bodyHtml: linksForPages(item.bodyHtml, urls),
    ...(item.fingerprint ? { fingerprint: item.fingerprint } : {}),
  };
}

/** "GMT" for the digest's usual zone, else the UTC offset: never a locale-dependent name. */
function offsetName(item: Item): string {
  const offset = item.date.offset;
  if (offset === 0) return "GMT";
  return `UTC${item.date.toFormat("ZZ")}`;
}

function countryView(country: Content["countries"][number], itemCount: number, siteTitle: string, words: Catalogue, urls: SiteUrls, figures: CountryFigures | undefined, map: MarkedMap | undefined, regions: CountryView["regions"], names: Pick<CountryView, "namesIn" | "alsoNamed">): CountryView {
  const path = paths.country(country.slug);
  return {
    ...ref(country.slug, country.name, path),
    kind: country.kind,
    ...names,
    ...(country.iso ? { iso: country.iso } : {}),
    ...(country.capital ? { capital: country.capital } : {}),
    profileHtml: linksForPages(renderMarkdown(country.profile), urls),
    ...(country.profileLanguage ? { profileLanguage: country.profileLanguage } : {}),
    itemCount,
    feed: { title: words.t("feed.titleOf", { site: siteTitle, name: country.name }), ...paths.feedsOf(path) },
    ...(figures ? { figures } : {}),
    ...(map ? { map } : {}),
    regions,
    ...(regions.length ? { incidentsCsv: paths.dataFile("incidents.csv", country.slug) } : {}),
  };
}

function withMap(map: RegionMap | undefined): { map?: RegionMap } {
  return map ? { map } : {};
}

function tagView(kind: ActorKind | "theme", kindLabel: string, entry: (Actor | Theme) & { descriptionLanguage?: string }, countries: Map<string, Ref>, itemCount: number, siteTitle: string, words: Catalogue): TagView {
  const actor = kind === "theme" ? undefined : (entry as Actor);
  const path = paths.tag(entry.slug);
  return {
    ...ref(entry.slug, entry.name, path),
    kind,
    kindLabel,
    description: entry.description,
    ...(entry.descriptionLanguage ? { descriptionLanguage: entry.descriptionLanguage } : {}),
    aliases: actor?.aliases ?? [],
    countries: (actor?.countries ?? []).map((slug) => countries.get(slug)!),
    itemCount,
    feed: { title: words.t("feed.titleOf", { site: siteTitle, name: entry.name }), ...paths.feedsOf(path) },
  };
}

function archiveByYear(issues: readonly IssueView[]): ArchiveYear[] {
  const years: { year: number; path: string; itemCount: number; issues: IssueView[] }[] = [];
  for (const issue of issues) {
    const last = years[years.length - 1];
    if (last && last.year === issue.week.year) {
      last.issues.push(issue);
      last.itemCount += issue.itemCount;
    } else years.push({ year: issue.week.year, path: paths.year(issue.week.year), itemCount: issue.itemCount, issues: [issue] });
  }
  return years;
}

/** The types of incident with at least one, each with the items that record one. */
function incidentTypeViews(views: readonly ItemView[], t: Catalogue): { types: IncidentTypeView[]; items: Map<string, ItemView[]> } {
  const items = groupBy(views, (v) => [...new Set(v.incidents.map((i) => i.type))]);
  const byType = groupBy(views.flatMap((v) => v.incidents), (i) => [i.type]);
  const types = INCIDENT_TYPES.filter((type) => items.has(type)).map((type) => {
    const incidents = byType.get(type)!;
    const subtypes = new Map<string, number>();
    for (const incident of incidents) if (incident.subtypeLabel) subtypes.set(incident.subtypeLabel, (subtypes.get(incident.subtypeLabel) ?? 0) + 1);
    return {
      slug: type,
      name: typeLabel(type, t),
      path: paths.incidentType(type),
      acled: TYPOLOGY[type].acled,
      incidentCount: incidents.length,
      itemCount: items.get(type)!.length,
      subtypes: [...subtypes].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || compareText(a.label, b.label)),
    };
  });
  return { types, items };
}

function ref(slug: string, name: string, path: string): Ref {
  return { slug, name, path };
}

function groupBy<T>(values: readonly T[], keys: (value: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    for (const key of keys(value)) {
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
  }
  return groups;
}

function newestFirst(a: Item, b: Item): number {
  return b.date.toMillis() - a.date.toMillis() || compareText(a.slug, b.slug);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
