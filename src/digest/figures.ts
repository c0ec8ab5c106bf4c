// The security picture at a glance: each country's weekly counts (computed from the items'
// incidents, src/digest/incidents/counts.ts) compared with the week before and with the average of
// the four weeks before, beside the editors' trend labels. A week the digest did not cover is
// "not covered", never zero; a covered week with no incident is "none recorded".
import type { WeeklyFigures } from "../content/model.ts";
import type { AlertKind, TrendLabel } from "../content/schemas.ts";
import { addWeeks, type Week } from "../core/weeks.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";

/** A rise or fall of more than this many percent is marked as sharp. */
export const SHARP_CHANGE_PERCENT = 25;

export type ChangeBand = "sharp-rise" | "rise" | "unchanged" | "fall" | "sharp-fall";

/** The words of the bands, trends and alerts are the catalogue's: "band.sharp-rise", "trend.improved". */
export const bandLabel = (band: ChangeBand, words: Catalogue) => words.t(`band.${band}`);
export const trendLabel = (trend: TrendLabel, words: Catalogue) => words.t(`trend.${trend}`);
export const alertLabel = (kind: AlertKind, words: Catalogue) => words.t(`alert.${kind}`);

export interface Change {
  readonly from: number;
  readonly to: number;
  readonly difference: number;
  /** Undefined when counting up from zero, where a percentage means nothing. */
  readonly percent?: number;
  readonly band: ChangeBand;
}

export function changeBand(from: number, to: number): ChangeBand {
  if (to === from) return "unchanged";
  if (from === 0) return "sharp-rise";
  const percent = ((to - from) / from) * 100;
  if (percent > SHARP_CHANGE_PERCENT) return "sharp-rise";
  if (percent < -SHARP_CHANGE_PERCENT) return "sharp-fall";
  return percent > 0 ? "rise" : "fall";
}

export function changeBetween(from: number | undefined, to: number | undefined): Change | undefined {
  if (from === undefined || to === undefined) return undefined;
  return { from, to, difference: to - from, ...(from === 0 ? {} : { percent: ((to - from) / from) * 100 }), band: changeBand(from, to) };
}

/**
 * The mean of the counts of the four weeks before `w`, over the weeks that have one: a week
 * without figures is left out, not taken as zero. Undefined when none of the four has one.
 */
export function fourWeekAverage(countOf: (w: Week) => number | undefined, w: Week): { value: number; weeks: number } | undefined {
  const counts = [1, 2, 3, 4].map((n) => countOf(addWeeks(w, -n))).filter((c): c is number => c !== undefined);
  if (counts.length === 0) return undefined;
  return { value: counts.reduce((sum, c) => sum + c, 0) / counts.length, weeks: counts.length };
}

/** The editors' trend labels by country and week, looked up once per build. */
export class FigureIndex {
  private readonly byKey = new Map<string, WeeklyFigures>();
  private readonly byCountry = new Map<string, WeeklyFigures[]>();

  constructor(figures: readonly WeeklyFigures[]) {
    for (const figure of figures) {
      this.byKey.set(`${figure.country} ${figure.week.id}`, figure);
      const list = this.byCountry.get(figure.country) ?? [];
      list.push(figure);
      this.byCountry.set(figure.country, list);
    }
  }

  get(country: string, w: Week): WeeklyFigures | undefined {
    return this.byKey.get(`${country} ${w.id}`);
  }

  /** Oldest first. */
  ofCountry(country: string): readonly WeeklyFigures[] {
    return [...(this.byCountry.get(country) ?? [])].sort((a, b) => a.week.year - b.week.year || a.week.week - b.week.week);
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}

/** One count of one country-week, with its comparisons, in words ready to show. */
export interface MetricView {
  readonly value?: number;
  /** "12", or "not counted". */
  readonly valueText: string;
  readonly vsPrevious?: Change;
  /** "+3 (+33 %)", "no change", "no figures for the week before". */
  readonly vsPreviousText: string;
  readonly vsPreviousBand?: ChangeBand;
  readonly vsPreviousBandLabel?: string;
  readonly average?: { readonly value: number; readonly weeks: number };
  readonly vsAverage?: Change;
  /** "+2.5 on 9.5 (4 weeks)", "no figures for the 4 weeks before". */
  readonly vsAverageText: string;
  readonly vsAverageBand?: ChangeBand;
  readonly vsAverageBandLabel?: string;
}

/** How a metric's values read: "3", or "none recorded" for 0; `missing` when there is none. */
export interface MetricWords {
  readonly missing: string;
  readonly zero?: string;
  /** How a value reads when it is more than a plain count: a sum of tolls, "at least 12" (src/digest/tolls.ts). */
  readonly text?: (value: number) => string;
}

export function metricView(countOf: (w: Week) => number | undefined, w: Week, words: MetricWords, t: Catalogue): MetricView {
  const value = countOf(w);
  const previous = countOf(addWeeks(w, -1));
  const vsPrevious = changeBetween(previous, value);
  const average = fourWeekAverage(countOf, w);
  const vsAverage = average && value !== undefined ? changeBetween(average.value, value) : undefined;
  const previousBand = markedBand(vsPrevious);
  const averageBand = markedBand(vsAverage);
  return {
    ...(value === undefined ? {} : { value }),
    valueText: value === undefined ? words.missing : value === 0 && words.zero ? words.zero : words.text ? words.text(value) : formatNumber(value, t),
    ...(vsPrevious ? { vsPrevious } : {}),
    ...(previousBand ? { vsPreviousBand: previousBand, vsPreviousBandLabel: bandLabel(previousBand, t) } : {}),
    vsPreviousText: value === undefined ? "—" : vsPrevious ? changeText(vsPrevious, t) : t.t("metric.weekBeforeNotCovered"),
    ...(average ? { average } : {}),
    ...(vsAverage ? { vsAverage } : {}),
    ...(averageBand ? { vsAverageBand: averageBand, vsAverageBandLabel: bandLabel(averageBand, t) } : {}),
    vsAverageText:
      value === undefined ? "—" : vsAverage && average ? t.t("metric.vsAverage", { change: changeText(vsAverage, t), average: formatNumber(average.value, t), weeks: average.weeks }) : t.t("metric.fourWeeksNotCovered"),
  };
}

/**
 * Below this many incidents on both sides, a change gets no band: from 2 to 0, or from an
 * average of 0.3 to 0, is what a handful of reports makes, not a trend worth a loud label. The
 * change itself is still given in figures.
 */
export const MIN_COUNT_FOR_BAND = 3;

/** The band worth marking; none for "no change", which the change text already says, or for small counts. */
function markedBand(change: Change | undefined): ChangeBand | undefined {
  if (!change || change.band === "unchanged") return undefined;
  return Math.max(change.from, change.to) < MIN_COUNT_FOR_BAND ? undefined : change.band;
}

/** "+3 (+33 %)", "−2 (−50 %)", "+4 (from none)", "no change". */
export function changeText(change: Change, words: Catalogue): string {
  if (change.difference === 0) return words.t("change.none");
  const sign = change.difference > 0 ? "+" : "−";
  const amount = `${sign}${formatNumber(Math.abs(change.difference), words)}`;
  if (change.percent === undefined) return words.t("change.fromNone", { amount });
  return words.t("change.percent", { amount, percent: `${sign}${formatNumber(Math.round(Math.abs(change.percent)), words)}` });
}

/** Whole numbers as they are, others to one decimal, as the language writes them: 9.5, 9,5. */
export function formatNumber(value: number, words: Catalogue): string {
  return words.number(Number.isInteger(value) ? value : Math.round(value * 10) / 10, { minimumFractionDigits: Number.isInteger(value) ? 0 : 1 });
}
