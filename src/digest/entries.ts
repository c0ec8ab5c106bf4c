// The views a digest is made of, each made from one entry (an item, a country, an actor or
// theme, a week's items) and what it refers to: the groupings table (src/digest/digest.ts)
// calls these, once per entry and edition.
import type { Content, Item } from "../content/model.ts";
import type { Actor, ActorKind, Theme } from "../content/schemas.ts";
import type { ArchiveYear, CountryFigures, CountryView, IncidentTypeView, IssueOverview, IssueRef, IssueSection, IssueView, ItemView, MarkedMap, Ref, TagView, IncidentView } from "./views.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { linksForPages } from "./links.ts";
import type { RegionMap } from "./map.ts";
import { incidentView } from "./incidents/views.ts";
import { mapMarks } from "./incidents/marks.ts";
import { INCIDENT_TYPES, TYPOLOGY, typeLabel } from "../content/typology.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { paths, type SiteUrls } from "./paths.ts";
import { compareWeeks, dayInWords, type Week } from "../core/weeks.ts";
import { isoWithOffset } from "../core/dates.ts";
import { correctionViews, lastCorrected } from "./corrections.ts";
import { gradeView } from "./grades.ts";

export function buildIssues(
  items: readonly Item[],
  views: readonly ItemView[],
  countries: readonly CountryView[],
  content: Content,
  issueRefOf: (w: Week) => IssueRef,
  urls: SiteUrls,
  overviewOf: (w: Week) => IssueOverview | undefined,
  map: RegionMap | undefined,
  incidentsByWeek: ReadonlyMap<string, readonly IncidentView[]>,
  words: Catalogue,
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
      ...(overview && map ? { mapMarks: mapMarks(map, weekIncidents, words, map.shapes.flatMap((s) => (s.slug && s.label ? [{ slug: s.slug, name: s.name, ...s.label }] : []))) } : {}),
    };
  });
}

export function itemView(item: Item, countries: Map<string, Ref>, tags: Map<string, Ref>, regions: Map<string, Ref>, issue: IssueRef, urls: SiteUrls, t: Catalogue, editionLanguage: string, sourceLanguage = editionLanguage): ItemView {
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
    incidents: item.incidents.map((incident) => incidentView(incident, own, countries.get(incident.country)!, incident.region === undefined ? undefined : regions.get(incident.region)!, t, sourceLanguage)),
    source: item.source,
    // The loader has checked every slug, so these lookups always succeed.
    countries: item.countries.map((slug) => countries.get(slug)!),
    tags: item.tags.map((slug) => tags.get(slug)!),
    issue,
    draft: item.draft,
    ...(item.incomplete ? { incomplete: item.incomplete } : {}),
    scheduled: item.scheduled,
    bodyHtml: linksForPages(item.bodyHtml, urls),
    corrections: correctionViews(item.corrections, item.date.zoneName ?? "UTC", t),
    ...(item.corrections.length ? { modified: lastCorrected(item.corrections)! } : {}),
    ...(item.grade ? { grade: gradeView(item.grade, t, language) } : {}),
    ...(item.fingerprint ? { fingerprint: item.fingerprint } : {}),
  };
}

/** "GMT" for the digest's usual zone, else the UTC offset: never a locale-dependent name. */
function offsetName(item: Item): string {
  const offset = item.date.offset;
  if (offset === 0) return "GMT";
  return `UTC${item.date.toFormat("ZZ")}`;
}

export function countryView(country: Content["countries"][number], itemCount: number, siteTitle: string, words: Catalogue, urls: SiteUrls, figures: CountryFigures | undefined, map: MarkedMap | undefined, regions: CountryView["regions"], names: Pick<CountryView, "namesIn" | "alsoNamed">): CountryView {
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


export function tagView(kind: ActorKind | "theme", kindLabel: string, entry: (Actor | Theme) & { descriptionLanguage?: string }, countries: Map<string, Ref>, itemCount: number, siteTitle: string, words: Catalogue): TagView {
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

export function archiveByYear(issues: readonly IssueView[]): ArchiveYear[] {
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
export function incidentTypeViews(views: readonly ItemView[], t: Catalogue): { types: IncidentTypeView[]; items: Map<string, ItemView[]> } {
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

export function ref(slug: string, name: string, path: string): Ref {
  return { slug, name, path };
}

export function groupBy<T>(values: readonly T[], keys: (value: T) => readonly string[]): Map<string, T[]> {
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

export function newestFirst(a: Item, b: Item): number {
  return b.date.toMillis() - a.date.toMillis() || compareText(a.slug, b.slug);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
