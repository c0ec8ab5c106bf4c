// Early warning computed from the counts, beside the editors' judgement and never in its
// place: a country's or region's week is flagged when its incidents or reported deaths rise
// sharply against its own past. Two rules, either of which flags:
//   - rise: the mean of the last RECENT_WEEKS weeks (the week itself and the three before) is
//     at least RISE_RATIO times the mean of the BASELINE_WEEKS weeks before them (as ACLED's
//     early-warning dashboard sets the last four weeks against the year before);
//   - record: the week's figure is higher than any week of the BASELINE_WEEKS before it (as
//     HDX Signals flags a record over the past year).
// Only covered weeks count: a week the digest did not cover is left out of every mean, never
// taken as zero. A floor keeps small numbers quiet (from 1 incident to 2 is not a warning):
// the recent mean (rise) or the week's figure (record) must reach FLOORS, and the baseline must
// hold at least MIN_BASELINE_WEEKS covered weeks. Deaths are compared by their lowest figure, as
// the overview compares them. The methodology page states these figures (messages
// "warning.rule.*", filled from the constants here).
import { addWeeks, type Week } from "../core/weeks.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { formatNumber, MIN_COUNT_FOR_BAND } from "./figures.ts";
import type { TrendLabel } from "../content/schemas.ts";

export const RECENT_WEEKS = 4;
export const BASELINE_WEEKS = 52;
export const MIN_BASELINE_WEEKS = 4;
/** The recent mean must be at least this many times the baseline's. */
export const RISE_RATIO = 1.5;

export type WarningMetric = "incidents" | "fatalities";
export type WarningRule = "rise" | "record";

/** Below these figures a week: no flag. Incidents: the same floor the overview holds loud labels back below. */
export const FLOORS: Readonly<Record<WarningMetric, number>> = { incidents: MIN_COUNT_FOR_BAND, fatalities: 10 };

export interface WarningFlag {
  readonly metric: WarningMetric;
  readonly rule: WarningRule;
  /** The week's own figure. */
  readonly value: number;
  /** Rise: the recent weeks' mean, over `recentWeeks` covered weeks. */
  readonly recentMean: number;
  readonly recentWeeks: number;
  /** The baseline's mean (rise) or its highest week (record), over `baselineWeeks` covered weeks. */
  readonly baseline: number;
  readonly baselineWeeks: number;
}

/** What the rules said of one series in one week: the flags raised, and whether they could be applied at all. */
export interface WarningCheck {
  readonly flags: readonly WarningFlag[];
  /** False when the week was not covered or the baseline too short: the data then says nothing either way. */
  readonly applicable: boolean;
}

/** The rules applied to one week of a weekly series (undefined: a week not covered). */
export function checkWeek(valueOf: (w: Week) => number | undefined, w: Week, metric: WarningMetric): WarningCheck {
  const value = valueOf(w);
  if (value === undefined) return { flags: [], applicable: false };
  const covered = (from: number, count: number) => {
    const values: number[] = [];
    for (let n = from; n < from + count; n++) {
      const v = valueOf(addWeeks(w, -n));
      if (v !== undefined) values.push(v);
    }
    return values;
  };
  const recent = [value, ...covered(1, RECENT_WEEKS - 1)];
  const riseBase = covered(RECENT_WEEKS, BASELINE_WEEKS);
  const recordBase = covered(1, BASELINE_WEEKS);
  const floor = FLOORS[metric];
  const flags: WarningFlag[] = [];
  const recentMean = mean(recent);
  if (riseBase.length >= MIN_BASELINE_WEEKS) {
    const baseline = mean(riseBase);
    if (recentMean >= floor && recentMean > baseline && recentMean >= RISE_RATIO * baseline) {
      flags.push({ metric, rule: "rise", value, recentMean, recentWeeks: recent.length, baseline, baselineWeeks: riseBase.length });
    }
  }
  if (recordBase.length >= MIN_BASELINE_WEEKS) {
    const high = Math.max(...recordBase);
    if (value >= floor && value > high) flags.push({ metric, rule: "record", value, recentMean, recentWeeks: recent.length, baseline: high, baselineWeeks: recordBase.length });
  }
  return { flags, applicable: riseBase.length >= MIN_BASELINE_WEEKS || recordBase.length >= MIN_BASELINE_WEEKS };
}

/** Both metrics' rules for one week. */
export function checkBoth(incidentsOf: (w: Week) => number | undefined, fatalitiesOf: (w: Week) => number | undefined, w: Week): WarningCheck {
  const a = checkWeek(incidentsOf, w, "incidents");
  const b = checkWeek(fatalitiesOf, w, "fatalities");
  return { flags: [...a.flags, ...b.flags], applicable: a.applicable || b.applicable };
}

/**
 * Where the editors' label and the computed check disagree, so that the editors look again:
 * a flag raised on a week they called improved or unchanged, or no flag on a week they called
 * deteriorated while the rules could be applied. Undefined when they agree or cannot be compared.
 */
export function disagreement(trend: TrendLabel | undefined, check: WarningCheck): "flag-not-deteriorated" | "deteriorated-no-flag" | undefined {
  if (!trend || !check.applicable) return undefined;
  if (check.flags.length > 0 && trend !== "deteriorated") return "flag-not-deteriorated";
  if (check.flags.length === 0 && trend === "deteriorated") return "deteriorated-no-flag";
  return undefined;
}

/** A flag in words, with the figures that raised it. */
export function flagText(flag: WarningFlag, words: Catalogue): string {
  const n = (v: number) => formatNumber(v, words);
  const metric = words.t(`warning.metric.${flag.metric}`);
  return flag.rule === "rise"
    ? words.t("warning.riseText", { metric, recent: n(flag.recentMean), recentWeeks: flag.recentWeeks, baseline: n(flag.baseline), baselineWeeks: flag.baselineWeeks })
    : words.t("warning.recordText", { metric, value: n(flag.value), high: n(flag.baseline), baselineWeeks: flag.baselineWeeks });
}

/** The rule and its thresholds in words, for the methodology page. */
export function ruleValues(): Record<string, number> {
  return { recentWeeks: RECENT_WEEKS, baselineWeeks: BASELINE_WEEKS, minBaselineWeeks: MIN_BASELINE_WEEKS, ratio: RISE_RATIO, incidentFloor: FLOORS.incidents, fatalityFloor: FLOORS.fatalities };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
