// A country's or region's last 52 weeks as a strip: each week's trend label (the editors'),
// the flags the early-warning rules raised (computed, src/digest/early-warning.ts), and a link
// to its issue. Regions have no trend labels of their own: their strip shows their country's,
// and says so, beside the region's own computed flags.
import type { Incident } from "../content/model.ts";
import type { TrendLabel } from "../content/schemas.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { addWeeks, compareWeeks, type Week } from "../core/weeks.ts";
import { checkBoth, flagText, ruleValues, type WarningCheck } from "./early-warning.ts";
import type { FigureIndex } from "./figures.ts";
import type { IncidentCounts } from "./incidents/counts.ts";
import { countedToll } from "./tolls.ts";
import type { IssueRef, Ref, TrendStrip } from "./views.ts";

export const STRIP_WEEKS = 52;

/** A place's weekly series: undefined for a week the digest did not cover. */
export interface WeeklySeries {
  readonly incidents: (w: Week) => number | undefined;
  /** Reported deaths by their lowest figure; 0 for a covered week with none reported. */
  readonly fatalities: (w: Week) => number | undefined;
}

export function countrySeries(counts: IncidentCounts, country: string): WeeklySeries {
  return {
    incidents: (w) => counts.incidentsOf(country, w),
    fatalities: (w) => (counts.get(country, w) ? (counts.fatalitiesOf(country, w)?.min ?? 0) : undefined),
  };
}

/** Every region's weekly incidents and lowest reported deaths, counted once. */
export class RegionWeeks {
  private readonly byKey = new Map<string, { incidents: number; fatalities: number }>();

  constructor(incidents: readonly { readonly incident: Incident }[]) {
    for (const { incident } of incidents) {
      if (!incident.region) continue;
      const key = `${incident.region} ${incident.week.id}`;
      const entry = this.byKey.get(key) ?? { incidents: 0, fatalities: 0 };
      entry.incidents++;
      const toll = countedToll(incident);
      if (toll && toll.kind !== "not-given") entry.fatalities += toll.min;
      this.byKey.set(key, entry);
    }
  }

  /** A region's series: a week its country was not covered has none; a covered week without incidents, 0. */
  series(region: string, country: string, counts: IncidentCounts): WeeklySeries {
    const covered = (w: Week) => counts.get(country, w) !== undefined;
    return {
      incidents: (w) => (covered(w) ? (this.byKey.get(`${region} ${w.id}`)?.incidents ?? 0) : undefined),
      fatalities: (w) => (covered(w) ? (this.byKey.get(`${region} ${w.id}`)?.fatalities ?? 0) : undefined),
    };
  }
}

/** The weeks a strip shows: up to STRIP_WEEKS ending at `latest`, from the first covered week on. */
export function stripWeeks(latest: Week, first: Week | undefined): Week[] {
  let start = addWeeks(latest, -(STRIP_WEEKS - 1));
  if (first && compareWeeks(first, start) > 0) start = first;
  const weeks: Week[] = [];
  for (let w = start; compareWeeks(w, latest) <= 0; w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}

export function trendStrip(
  weeks: readonly Week[],
  series: WeeklySeries,
  judgement: FigureIndex,
  /** Whose trend labels the strip shows: the country itself, or a region's country. */
  labelsOf: Ref,
  issueRefOf: (w: Week) => IssueRef,
  hasIssue: (w: Week) => boolean,
  words: Catalogue,
): TrendStrip | undefined {
  if (weeks.length === 0) return undefined;
  const shown = weeks.map((w) => {
    const trend: TrendLabel | undefined = judgement.get(labelsOf.slug, w)?.trend;
    const check: WarningCheck = checkBoth(series.incidents, series.fatalities, w);
    const flags = check.flags.map((flag) => flagText(flag, words));
    const covered = series.incidents(w) !== undefined;
    return {
      issue: issueRefOf(w),
      hasIssue: hasIssue(w),
      ...(trend ? { trend } : {}),
      trendLabel: trend ? words.t(`trend.${trend}`) : words.t(covered ? "trend.none" : "metric.notCovered"),
      mark: words.t(`strip.mark.${trend ?? (covered ? "none" : "notCovered")}`),
      flags,
    };
  });
  const flagged = shown.filter((w) => w.flags.length > 0).reverse();
  return { weeks: shown, labelsOf, first: shown[0]!.issue.title, last: shown.at(-1)!.issue.title, flagged, rule: words.t("warning.rule", ruleValues()) };
}
