// Turns the weekly figures into what pages show: each issue's regional overview (one row per
// country) and each country's trend history and chart.
import type { WeeklyFigures } from "./model/content.ts";
import type { AlertView, CountryFigures, IssueOverview, IssueRef, OverviewRow, Ref, TrendWeek } from "./model/views.ts";
import type { TrendLabel } from "./model/schemas.ts";
import { weeklyBarChart } from "./chart.ts";
import { ALERT_LABELS, FigureIndex, metricView, TREND_LABELS } from "./figures.ts";
import { addWeeks, compareWeeks, type Week } from "./weeks.ts";

export const CHART_WEEKS = 52;

export function issueOverview(index: FigureIndex, countries: readonly Ref[], w: Week): IssueOverview {
  const trends: Record<string, TrendLabel> = {};
  const sources = new Set<string>();
  let illustrative = false;
  const rows: OverviewRow[] = countries.map((country) => {
    const figure = index.get(country.slug, w);
    if (!figure) return { country };
    trends[country.slug] = figure.trend;
    if (figure.events !== undefined || figure.fatalities !== undefined) sources.add(figure.source);
    illustrative ||= figure.illustrative;
    return {
      country,
      figures: {
        trend: figure.trend,
        trendLabel: TREND_LABELS[figure.trend],
        reason: figure.reason,
        alerts: alerts(figure),
        source: figure.source,
        illustrative: figure.illustrative,
        events: metricView(index, country.slug, w, "events"),
        fatalities: metricView(index, country.slug, w, "fatalities"),
      },
    };
  });
  const hasFatalities = rows.some((row) => row.figures?.fatalities.value !== undefined);
  return { rows, countriesWithFigures: Object.keys(trends).length, hasFatalities, sources: [...sources].sort(), illustrative, trends };
}

/**
 * A country's trend history (every week it has figures, newest first) and its chart over the
 * 52 weeks up to `latest`, starting at its first week with figures so that a new digest does
 * not open on a year of empty weeks.
 */
export function countryFigures(index: FigureIndex, slug: string, latest: Week, issueRefOf: (w: Week) => IssueRef, hasIssue: (w: Week) => boolean): CountryFigures | undefined {
  const own = index.ofCountry(slug);
  if (own.length === 0) return undefined;
  const history: TrendWeek[] = [...own].reverse().map((figure) => ({
    issue: issueRefOf(figure.week),
    hasIssue: hasIssue(figure.week),
    trend: figure.trend,
    trendLabel: TREND_LABELS[figure.trend],
    reason: figure.reason,
    alerts: alerts(figure),
    eventsText: figure.events === undefined ? "not counted" : String(figure.events),
    fatalitiesText: figure.fatalities === undefined ? "not counted" : String(figure.fatalities),
  }));

  const end = compareWeeks(own.at(-1)!.week, latest) > 0 ? own.at(-1)!.week : latest;
  let start = addWeeks(end, -(CHART_WEEKS - 1));
  const firstCounted = own.find((f) => f.events !== undefined)?.week;
  if (firstCounted && compareWeeks(firstCounted, start) > 0) start = firstCounted;
  const points = [];
  for (let w = start; compareWeeks(w, end) <= 0; w = addWeeks(w, 1)) {
    const events = index.get(slug, w)?.events;
    points.push({ week: w, ...(events === undefined ? {} : { value: events }) });
  }
  const counted = points.some((p) => p.value !== undefined);
  return {
    history,
    ...(counted ? { chart: weeklyBarChart(points) } : {}),
    chartTable: points.map((p) => ({ week: issueRefOf(p.week).title, range: issueRefOf(p.week).range, events: p.value === undefined ? "no figures" : String(p.value) })),
    chartFirst: issueRefOf(start).title,
    chartLast: issueRefOf(end).title,
    sources: [...new Set(own.filter((f) => f.events !== undefined || f.fatalities !== undefined).map((f) => f.source))].sort(),
    illustrative: own.some((f) => f.illustrative),
  };
}

function alerts(figure: WeeklyFigures): AlertView[] {
  return figure.alerts.map((alert) => ({ kind: alert.kind, label: ALERT_LABELS[alert.kind], reason: alert.reason }));
}
