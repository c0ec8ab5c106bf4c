// The regions' pages: for each region with incidents, its incidents newest first, a chart of
// them week by week, its own feed, and its country's map with the incidents marked.
import type { PlaceRegion } from "../content/load/regions.ts";
import type { IncidentView, IssueRef, LanguageName, MarkedMap, Ref, RegionView } from "./views.ts";
import type { RegionMap } from "./map.ts";
import { weeklyBarChart, type ChartPoint } from "./chart.ts";
import { mapMarks } from "./incidents/marks.ts";
import { CHART_WEEKS, weekCountText, weekDetails } from "./overview.ts";
import { sumTolls } from "./tolls.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { paths } from "./paths.ts";
import { addWeeks, compareWeeks, parseWeekId, type Week } from "../core/weeks.ts";

/** A region's page lists this many incidents, newest first; the open data has them all. */
export const REGION_PAGE_INCIDENTS = 200;

export function regionViews(
  regions: readonly PlaceRegion[],
  incidents: readonly IncidentView[],
  countries: ReadonlyMap<string, Ref & { order?: number }>,
  siteTitle: string,
  issueRefOf: (w: Week) => IssueRef,
  latest: Week | undefined,
  countryMap: (country: string) => RegionMap | undefined,
  /** Whether the digest covered the country that week: a week it did not is never a zero. */
  covered: (country: string, w: Week) => boolean,
  words: Catalogue,
  /** Its names the pages give beside its own (site.ts namesAlsoIn), none in the edition's language. */
  alsoNamed: (region: string) => readonly LanguageName[],
): RegionView[] {
  const byRegion = new Map<string, IncidentView[]>();
  for (const incident of incidents) {
    // An incident known only to its country belongs to no region's page.
    if (!incident.region) continue;
    const list = byRegion.get(incident.region.slug);
    if (list) list.push(incident);
    else byRegion.set(incident.region.slug, [incident]);
  }
  const countryOrder = [...countries.keys()];
  return regions
    .filter((region) => byRegion.has(region.slug))
    .sort((a, b) => countryOrder.indexOf(a.country) - countryOrder.indexOf(b.country) || a.name.localeCompare(b.name, words.language))
    .map((region) => {
      const own = byRegion.get(region.slug)!; // oldest first
      const path = paths.region(region.slug);
      const perWeek = new Map<string, number>();
      for (const incident of own) perWeek.set(incident.weekId, (perWeek.get(incident.weekId) ?? 0) + 1);
      const detailsOf = weekDetailsOf(own, words);
      // Incidents are dated 1900-2100, so their weeks always parse.
      const first = parseWeekId(own[0]!.weekId) ?? latest!;
      const lastOwn = parseWeekId(own.at(-1)!.weekId) ?? first;
      const end = latest && compareWeeks(latest, lastOwn) > 0 ? latest : lastOwn;
      let start = addWeeks(end, -(CHART_WEEKS - 1));
      if (compareWeeks(first, start) > 0) start = first;
      const weeks: Week[] = [];
      for (let w = start; compareWeeks(w, end) <= 0; w = addWeeks(w, 1)) weeks.push(w);
      const points: ChartPoint[] = weeks.map((w) => (covered(region.country, w) ? { week: w, value: perWeek.get(w.id) ?? 0, ...(detailsOf(w.id).uncertain ? { uncertain: true } : {}) } : { week: w }));
      const map = countryMap(region.country);
      const shown = [...own].reverse().slice(0, REGION_PAGE_INCIDENTS);
      return {
        slug: region.slug,
        name: region.name,
        path,
        alsoNamed: alsoNamed(region.slug),
        iso: region.iso,
        country: countries.get(region.country)!,
        incidentCount: own.length,
        incidents: shown,
        chart: weeklyBarChart(points, words),
        chartTable: points.map((p) => ({ week: issueRefOf(p.week).title, range: issueRefOf(p.week).range, incidents: weekCountText(p.value, words), ...(p.value === undefined ? weekDetails(undefined, words) : detailsOf(p.week.id)) })),
        chartFirst: issueRefOf(start).title,
        chartLast: issueRefOf(end).title,
        // With its country: a region may share a country's name (Nigeria's Niger State).
        feed: { title: words.t("feed.regionTitle", { site: siteTitle, name: region.name, country: region.countryName }), ...paths.feedsOf(path) },
        ...(map ? { map: markedMap(map, shown, words) } : {}),
      };
    });
}

/** A region's weeks as its chart's table tells them: each week's toll and its incidents known only roughly. */
function weekDetailsOf(incidents: readonly IncidentView[], words: Catalogue): (weekId: string) => ReturnType<typeof weekDetails> {
  const byWeek = new Map<string, IncidentView[]>();
  for (const incident of incidents) byWeek.set(incident.weekId, [...(byWeek.get(incident.weekId) ?? []), incident]);
  return (weekId) => {
    const week = byWeek.get(weekId) ?? [];
    const tolls = week.flatMap((i) => (i.fatalities ? [i.fatalities] : []));
    const fatalities = sumTolls(tolls);
    return weekDetails({
      ...(fatalities ? { fatalities } : {}),
      weekOrMonthOnly: week.filter((i) => i.datePrecision !== "day").length,
      regionOrCountryOnly: week.filter((i) => i.placePrecision === "region" || i.placePrecision === "country").length,
      disputed: week.filter((i) => i.accounts).length,
    }, words);
  };
}

/** A map with incidents marked, and those it cannot draw counted. */
export function markedMap(map: RegionMap, incidents: readonly IncidentView[], words: Catalogue): MarkedMap {
  return { map, incidents, ...mapMarks(map, incidents, words) };
}
