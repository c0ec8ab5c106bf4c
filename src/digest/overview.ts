// Turns the counts and the editors' judgement into what pages show: each issue's regional
// overview (one row per country) and each country's trend history and chart. Counts come from
// the items' incidents (src/digest/incidents/counts.ts); trend, reason and alerts from the weekly notes (src/content/load/note-trends.ts);
// another organisation's counts, when imported, are shown beside ours under their own name.
import type { ExternalCounts, WeeklyFigures } from "../content/model.ts";
import type { AlertView, CountryFigures, ExternalCountView, IssueOverview, IssueRef, OverviewRow, Ref, TrendWeek } from "./views.ts";
import type { TrendLabel } from "../content/schemas.ts";
import { weeklyBarChart } from "./chart.ts";
import { alertLabel, FigureIndex, formatNumber, metricView, trendLabel, type MetricWords } from "./figures.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { IncidentCounts, WeekCount } from "./incidents/counts.ts";
import { INCIDENT_TYPES, typeLabel } from "../content/typology.ts";
import { addWeeks, compareWeeks, type Week } from "../core/weeks.ts";
import { tollInWords } from "./tolls.ts";
import { checkBoth, disagreement, flagText } from "./early-warning.ts";
import { countrySeries } from "./timeline.ts";

export const CHART_WEEKS = 52;

const incidentWords = (t: Catalogue): MetricWords => ({ missing: t.t("metric.notCovered"), zero: t.t("metric.noneRecorded") });
/**
 * A week's fatalities: compared by their lowest figure, shown as the sum they are ("at least 84",
 * "about 35", "19–20"), never as a plain number unless every term is exact.
 */
const fatalityWords = (count: WeekCount | undefined, t: Catalogue): MetricWords => ({
  missing: t.t(count ? "metric.noneReported" : "metric.notCovered"),
  ...(count?.fatalities ? { text: () => tollInWords(count.fatalities!, t) } : {}),
});
const lowestFatalities = (counts: IncidentCounts, country: string) => (week: Week) => counts.fatalitiesOf(country, week)?.min;

/** Another organisation's counts, by country and week. */
export class ExternalIndex {
  private readonly byKey = new Map<string, ExternalCounts[]>();

  constructor(counts: readonly ExternalCounts[]) {
    for (const count of counts) {
      const key = `${count.country} ${count.week.id}`;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), count].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)));
    }
  }

  get(country: string, w: Week, t: Catalogue): readonly ExternalCountView[] {
    return (this.byKey.get(`${country} ${w.id}`) ?? []).map((c) => ({
      source: c.source,
      exported: c.exported,
      eventsText: formatNumber(c.events, t),
      fatalitiesText: c.fatalities === undefined ? t.t("metric.notGiven") : formatNumber(c.fatalities, t),
    }));
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}

export interface Picture {
  readonly judgement: FigureIndex;
  readonly counts: IncidentCounts;
  readonly external: ExternalIndex;
}

export function issueOverview(picture: Picture, countries: readonly Ref[], w: Week, t: Catalogue): IssueOverview {
  const { judgement, counts, external } = picture;
  const trends: Record<string, TrendLabel> = {};
  const externalSources = new Set<string>();
  const rows: OverviewRow[] = countries.map((country) => {
    const figure = judgement.get(country.slug, w);
    const count = counts.get(country.slug, w);
    const others = external.get(country.slug, w, t);
    if (!figure && !count && others.length === 0) return { country };
    if (figure) trends[country.slug] = figure.trend;
    for (const other of others) externalSources.add(other.source);
    // The computed flags beside the editors' label, never in its place; where they disagree, said.
    const series = countrySeries(counts, country.slug);
    const check = checkBoth(series.incidents, series.fatalities, w);
    const differs = disagreement(figure?.trend, check);
    const warning = check.flags.length || differs ? { flags: check.flags.map((flag) => flagText(flag, t)), ...(differs ? { disagreement: t.t(`warning.disagree.${differs}`, { trend: trendLabel(figure!.trend, t).toLocaleLowerCase(t.language) }) } : {}) } : undefined;
    return {
      country,
      figures: {
        ...(figure ? { trend: figure.trend, trendLabel: trendLabel(figure.trend, t), reason: figure.reason, ...reasonLanguage(figure) } : {}),
        alerts: figure ? alerts(figure, t) : [],
        incidents: metricView((week) => counts.incidentsOf(country.slug, week), w, incidentWords(t), t),
        fatalities: metricView(lowestFatalities(counts, country.slug), w, fatalityWords(count, t), t),
        ...(count ? precisionText(count, t) : {}),
        byType: count ? INCIDENT_TYPES.filter((type) => count.byType[type] > 0).map((type) => ({ type, label: typeLabel(type, t), count: count.byType[type] })) : [],
        external: others,
        ...(warning ? { warning } : {}),
      },
    };
  });
  const hasFatalities = rows.some((row) => row.figures?.fatalities.value !== undefined);
  return {
    rows,
    countriesWithFigures: rows.filter((row) => row.figures).length,
    hasFatalities,
    externalSources: [...externalSources].sort(),
    trends,
  };
}

/**
 * A country's trend history (every week with a trend or a count, newest first) and its chart
 * over the 52 weeks up to `latest`, starting at its first covered week so that a new digest
 * does not open on a year of empty weeks.
 */
export function countryFigures(picture: Picture, slug: string, latest: Week, issueRefOf: (w: Week) => IssueRef, hasIssue: (w: Week) => boolean, firstWeek: Week | undefined, t: Catalogue): CountryFigures | undefined {
  const { judgement, counts, external } = picture;
  const own = judgement.ofCountry(slug);
  if (!firstWeek && own.length === 0) return undefined;
  const end = own.length && compareWeeks(own.at(-1)!.week, latest) > 0 ? own.at(-1)!.week : latest;
  let start = addWeeks(end, -(CHART_WEEKS - 1));
  const firstCovered = [firstWeek, own[0]?.week].filter((w): w is Week => w !== undefined).sort(compareWeeks)[0];
  if (firstCovered && compareWeeks(firstCovered, start) > 0) start = firstCovered;

  const weeks: Week[] = [];
  for (let w = start; compareWeeks(w, end) <= 0; w = addWeeks(w, 1)) weeks.push(w);
  const history: TrendWeek[] = [];
  for (const w of [...weeks].reverse()) {
    const figure = judgement.get(slug, w);
    const count = counts.get(slug, w);
    if (!figure && !count) continue;
    history.push({
      issue: issueRefOf(w),
      hasIssue: hasIssue(w),
      ...(figure ? { trend: figure.trend, reason: figure.reason, ...reasonLanguage(figure) } : {}),
      trendLabel: figure ? trendLabel(figure.trend, t) : t.t("trend.none"),
      alerts: figure ? alerts(figure, t) : [],
      incidentsText: metricView((week) => counts.incidentsOf(slug, week), w, incidentWords(t), t).valueText,
      fatalitiesText: metricView(lowestFatalities(counts, slug), w, fatalityWords(count, t), t).valueText,
    });
  }
  const points = weeks.map((w) => {
    const count = counts.get(slug, w);
    const value = count?.incidents;
    return { week: w, ...(value === undefined ? {} : { value }), ...(count && uncertainWeek(count) ? { uncertain: true } : {}) };
  });
  const counted = points.some((p) => p.value !== undefined);
  const hasExternal = !external.isEmpty && weeks.some((w) => external.get(slug, w, t).length > 0);
  return {
    history,
    ...(counted ? { chart: weeklyBarChart(points, t) } : {}),
    chartTable: weeks.map((w, i) => ({
      week: issueRefOf(w).title,
      range: issueRefOf(w).range,
      incidents: weekCountText(points[i]!.value, t),
      ...weekDetails(counts.get(slug, w), t),
      external: hasExternal ? external.get(slug, w, t).map((e) => t.t("common.labelled", { label: e.source, text: e.eventsText })).join(t.t("common.semicolon")) || "—" : "",
    })),
    hasExternal,
    chartFirst: issueRefOf(start).title,
    chartLast: issueRefOf(end).title,
  };
}

/** A week whose toll is not one exact figure: a lower bound, "about", a range, or a dispute. */
export function uncertainWeek(count: Pick<WeekCount, "fatalities" | "disputed">): boolean {
  return count.disputed > 0 || (count.fatalities !== undefined && count.fatalities.kind !== "exact");
}

/** A chart table's row beyond its count: the week's toll with its uncertainty, and what the sources know only roughly. */
export function weekDetails(count: Pick<WeekCount, "fatalities" | "weekOrMonthOnly" | "regionOrCountryOnly" | "disputed"> | undefined, t: Catalogue): { fatalities: string; precision: string; uncertain: boolean } {
  if (!count) return { fatalities: "—", precision: "—", uncertain: false };
  return {
    fatalities: count.fatalities ? tollInWords(count.fatalities, t) : "—",
    precision: precisionText(count, t).precisionText ?? "—",
    uncertain: uncertainWeek(count),
  };
}

/** "of which 2 known only to the week or month; 3 placed only by region or country", when some are. */
export function precisionText(count: Pick<WeekCount, "weekOrMonthOnly" | "regionOrCountryOnly" | "disputed">, t: Catalogue): { precisionText?: string } {
  const parts = [
    ...(count.weekOrMonthOnly > 0 ? [t.t("overview.weekOrMonthOnly", { count: count.weekOrMonthOnly })] : []),
    ...(count.regionOrCountryOnly > 0 ? [t.t("overview.regionOrCountryOnly", { count: count.regionOrCountryOnly })] : []),
    ...(count.disputed > 0 ? [t.t("overview.disputed", { count: count.disputed })] : []),
  ];
  return parts.length ? { precisionText: t.t("overview.ofWhich", { parts: parts.join(t.t("overview.ofWhichSeparator")) }) } : {};
}

function alerts(figure: WeeklyFigures, t: Catalogue): AlertView[] {
  return figure.alerts.map((alert) => ({ kind: alert.kind, label: alertLabel(alert.kind, t), reason: alert.reason, ...reasonLanguage(alert) }));
}

/** In an edition, the language of a reason nobody translated. */
function reasonLanguage(text: { readonly reasonLanguage?: string }): { reasonLanguage?: string } {
  return text.reasonLanguage ? { reasonLanguage: text.reasonLanguage } : {};
}

/** A week's count in a chart's table: "not covered", "none recorded", "3". */
export function weekCountText(value: number | undefined, t: Catalogue): string {
  return value === undefined ? t.t("metric.notCovered") : value === 0 ? t.t("metric.noneRecorded") : formatNumber(value, t);
}
