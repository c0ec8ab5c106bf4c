// Turns the counts and the editors' judgement into what pages show: each issue's regional
// overview (one row per country) and each country's trend history and chart. Counts come from
// the items' incidents (src/incidents/counts.ts); trend, reason and alerts from figures.ts;
// another organisation's counts, when imported, are shown beside ours under their own name.
import type { ExternalCounts, WeeklyFigures } from "./model/content.ts";
import type { AlertView, CountryFigures, ExternalCountView, IssueOverview, IssueRef, OverviewRow, Ref, TrendWeek } from "./model/views.ts";
import type { TrendLabel } from "./model/schemas.ts";
import { weeklyBarChart } from "./chart.ts";
import { ALERT_LABELS, FigureIndex, metricView, TREND_LABELS, type MetricWords } from "./figures.ts";
import type { IncidentCounts, WeekCount } from "./incidents/counts.ts";
import { INCIDENT_TYPES, TYPOLOGY } from "./incidents/typology.ts";
import { addWeeks, compareWeeks, type Week } from "./weeks.ts";

export const CHART_WEEKS = 52;

const INCIDENT_WORDS: MetricWords = { missing: "not covered", zero: "none recorded" };
const fatalityWords = (count: WeekCount | undefined): MetricWords => ({ missing: count ? "none reported" : "not covered", ...(count?.fatalitiesAtLeast ? { prefix: "at least " } : {}) });

/** Another organisation's counts, by country and week. */
export class ExternalIndex {
  private readonly byKey = new Map<string, ExternalCounts[]>();

  constructor(counts: readonly ExternalCounts[]) {
    for (const count of counts) {
      const key = `${count.country} ${count.week.id}`;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), count].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)));
    }
  }

  get(country: string, w: Week): readonly ExternalCountView[] {
    return (this.byKey.get(`${country} ${w.id}`) ?? []).map((c) => ({
      source: c.source,
      exported: c.exported,
      eventsText: String(c.events),
      fatalitiesText: c.fatalities === undefined ? "not given" : String(c.fatalities),
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

export function issueOverview(picture: Picture, countries: readonly Ref[], w: Week): IssueOverview {
  const { judgement, counts, external } = picture;
  const trends: Record<string, TrendLabel> = {};
  const externalSources = new Set<string>();
  const rows: OverviewRow[] = countries.map((country) => {
    const figure = judgement.get(country.slug, w);
    const count = counts.get(country.slug, w);
    const others = external.get(country.slug, w);
    if (!figure && !count && others.length === 0) return { country };
    if (figure) trends[country.slug] = figure.trend;
    for (const other of others) externalSources.add(other.source);
    return {
      country,
      figures: {
        ...(figure ? { trend: figure.trend, trendLabel: TREND_LABELS[figure.trend], reason: figure.reason } : {}),
        alerts: figure ? alerts(figure) : [],
        incidents: metricView((week) => counts.incidentsOf(country.slug, week), w, INCIDENT_WORDS),
        fatalities: metricView((week) => counts.fatalitiesOf(country.slug, week), w, fatalityWords(count)),
        byType: count ? INCIDENT_TYPES.filter((type) => count.byType[type] > 0).map((type) => ({ type, label: TYPOLOGY[type].label, count: count.byType[type] })) : [],
        external: others,
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
export function countryFigures(picture: Picture, slug: string, latest: Week, issueRefOf: (w: Week) => IssueRef, hasIssue: (w: Week) => boolean, firstWeek: Week | undefined): CountryFigures | undefined {
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
      ...(figure ? { trend: figure.trend, reason: figure.reason } : {}),
      trendLabel: figure ? TREND_LABELS[figure.trend] : "No trend given",
      alerts: figure ? alerts(figure) : [],
      incidentsText: metricView((week) => counts.incidentsOf(slug, week), w, INCIDENT_WORDS).valueText,
      fatalitiesText: metricView((week) => counts.fatalitiesOf(slug, week), w, fatalityWords(count)).valueText,
    });
  }
  const points = weeks.map((w) => {
    const value = counts.incidentsOf(slug, w);
    return { week: w, ...(value === undefined ? {} : { value }) };
  });
  const counted = points.some((p) => p.value !== undefined);
  const hasExternal = !external.isEmpty && weeks.some((w) => external.get(slug, w).length > 0);
  return {
    history,
    ...(counted ? { chart: weeklyBarChart(points) } : {}),
    chartTable: weeks.map((w, i) => ({
      week: issueRefOf(w).title,
      range: issueRefOf(w).range,
      incidents: points[i]!.value === undefined ? INCIDENT_WORDS.missing : points[i]!.value === 0 ? INCIDENT_WORDS.zero! : String(points[i]!.value),
      external: hasExternal ? external.get(slug, w).map((e) => `${e.source}: ${e.eventsText}`).join("; ") || "—" : "",
    })),
    hasExternal,
    chartFirst: issueRefOf(start).title,
    chartLast: issueRefOf(end).title,
  };
}

function alerts(figure: WeeklyFigures): AlertView[] {
  return figure.alerts.map((alert) => ({ kind: alert.kind, label: ALERT_LABELS[alert.kind], reason: alert.reason }));
}
