// The month at a glance: for the whole digest, each country and each region, the incidents
// dated in a calendar month and their reported deaths (summed with their uncertainty,
// src/digest/tolls.ts), each week's trend labels and alerts, the editors' monthly note and
// trends where they wrote one, and the change against the month before and the same month a
// year before.
//
// Counting: an incident counts in the month of its own date, whichever issue reported it (an
// incident known only to its week or month, in the month of the day that stands for it). ISO
// weeks and months do not nest: the incidents of a week that straddles two months are split
// between them by their dates, and the week's trend label, a judgement of the whole week, is
// listed under both months with the number of its days in each. A month the digest covered
// only in part (its first or latest weeks) says how many of its days it covered and is not
// compared: a part-month against a whole one would read as a fall.
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { MonthNote } from "../content/model.ts";
import { addMonths, compareMonths, daysInMonth, monthName, monthOfDay, monthsOfWeek, weeksOfMonth, type Month } from "../core/months.ts";
import type { Week } from "../core/weeks.ts";
import { INCIDENT_TYPES, typeLabel, type IncidentType } from "../content/typology.ts";
import type { TrendLabel } from "../content/schemas.ts";
import { bandLabel, changeBetween, changeText, MIN_COUNT_FOR_BAND } from "./figures.ts";
import type { FigureIndex } from "./figures.ts";
import type { IncidentCounts } from "./incidents/counts.ts";
import { precisionText } from "./overview.ts";
import { sumTolls, tollInWords } from "./tolls.ts";
import { paths } from "./paths.ts";
import type { AlertView, IncidentView, IssueRef, MonthComparison, MonthRef, MonthTrendView, MonthView, MonthWeek, Ref } from "./views.ts";

/** A month's page lists this many incidents, newest first; the open data has them all. */
export const MONTH_PAGE_INCIDENTS = 200;

/** What the editors wrote of one month (content/months/<YYYY>-<MM>.md), in the edition's words. */
export interface MonthNoteInput {
  readonly month: Month;
  readonly headline?: string;
  readonly leadHtml: string;
  readonly language?: string;
  readonly trends: readonly { readonly country: string; readonly trend: TrendLabel; readonly reason: string; readonly reasonLanguage?: string }[];
}

/**
 * A month's note as an edition shows it: its translation's headline, lead and reasons where it
 * has them, else the original's, marked with their language. `links` makes the lead's links
 * work under the site's base path.
 */
export function monthNoteIn(note: MonthNote, language: string, original: string, links: (html: string) => string): MonthNoteInput {
  const translation = language === original ? undefined : note.translations?.[language];
  const own = translation ?? note;
  return {
    month: note.month,
    ...(own.headline ? { headline: own.headline } : {}),
    leadHtml: links(own.leadHtml),
    ...(translation ? { language } : { language: original }),
    trends: note.trends.map((t) => {
      const reason = translation?.reasons[t.country];
      return { country: t.country, trend: t.trend, reason: reason ?? t.reason, ...(reason === undefined && language !== original ? { reasonLanguage: original } : {}) };
    }),
  };
}

export interface MonthInput {
  /** Every published incident, oldest first. */
  readonly incidents: readonly IncidentView[];
  readonly counts: IncidentCounts;
  readonly judgement: FigureIndex;
  /** The countries, in the digest's order. */
  readonly countries: readonly Ref[];
  /** The regions with pages, each with its country's slug. */
  readonly regions: readonly (Ref & { readonly country: Ref })[];
  readonly notes: readonly MonthNoteInput[];
  readonly issueRefOf: (w: Week) => IssueRef;
  readonly hasIssue: (w: Week) => boolean;
  readonly siteTitle: string;
  /** The edition's language: a note's language other than it is marked. */
  readonly language: string;
  readonly words: Catalogue;
}

export interface Months {
  /** The whole digest's months, newest first. */
  readonly all: readonly MonthView[];
  readonly byCountry: ReadonlyMap<string, readonly MonthView[]>;
  readonly byRegion: ReadonlyMap<string, readonly MonthView[]>;
}

/** A digest without monthly roll-ups (site.ts `monthly: false`): no month pages, feed or email. */
export const NO_MONTHS: Months = { all: [], byCountry: new Map(), byRegion: new Map() };

interface Tally {
  incidents: IncidentView[];
}

type Scope = { readonly kind: "digest" } | { readonly kind: "country"; readonly place: Ref } | { readonly kind: "region"; readonly place: Ref; readonly country: Ref };

const scopeKey = (scope: Scope) => (scope.kind === "digest" ? "digest" : `${scope.kind}:${scope.place.slug}`);

export function monthPath(scope: Scope, m: Month): string {
  if (scope.kind === "digest") return paths.month(m.id);
  return scope.kind === "country" ? paths.countryMonth(scope.place.slug, m.id) : paths.regionMonth(scope.place.slug, m.id);
}

export function buildMonths(input: MonthInput): Months {
  const { words: t } = input;
  const countryOf = new Map(input.regions.map((r) => [r.slug, r.country]));
  const countryRefs = new Map(input.countries.map((c) => [c.slug, c]));

  // Incidents by scope and month, in one pass.
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = { incidents: [] }));
    return found;
  };
  const regionMonths = new Map<string, Set<string>>();
  for (const incident of input.incidents) {
    const m = monthOfDay(incident.date);
    tally(`digest ${m.id}`).incidents.push(incident);
    tally(`country:${incident.country.slug} ${m.id}`).incidents.push(incident);
    if (incident.region && countryOf.has(incident.region.slug)) {
      tally(`region:${incident.region.slug} ${m.id}`).incidents.push(incident);
      (regionMonths.get(incident.region.slug) ?? regionMonths.set(incident.region.slug, new Set()).get(incident.region.slug)!).add(m.id);
    }
  }

  // The weeks each country was covered, by month: a month's covered days are its days in them.
  const coveredWeeks = new Map<string, Map<string, Week>>();
  const cover = (key: string, m: Month, w: Week) => {
    const k = `${key} ${m.id}`;
    (coveredWeeks.get(k) ?? coveredWeeks.set(k, new Map()).get(k)!).set(w.id, w);
  };
  const monthsById = new Map<string, Month>();
  for (const { country, week } of input.counts.coveredWeeks()) {
    for (const m of monthsOfWeek(week)) {
      monthsById.set(m.id, m);
      cover("digest", m, week);
      cover(`country:${country}`, m, week);
    }
  }
  const daysOf = memo((m: Month) => new Map(weeksOfMonth(m).map((w) => [w.week.id, w.days])));
  const coveredDays = (scope: Scope, m: Month) => {
    const key = scope.kind === "region" ? `country:${scope.country.slug}` : scopeKey(scope);
    const weeks = coveredWeeks.get(`${key} ${m.id}`);
    let days = 0;
    for (const w of weeks?.values() ?? []) days += daysOf(m).get(w.id) ?? 0;
    return days;
  };
  const statsOf = (scope: Scope, key: string, m: Month) => {
    const own = tallies.get(key)?.incidents ?? [];
    const tolls = own.flatMap((i) => (i.fatalities ? [i.fatalities] : []));
    return { covered: coveredDays(scope, m), days: daysInMonth(m), incidents: own, fatalities: sumTolls(tolls) };
  };
  // A month's figures are read by its own page, by the next month's and the next year's (to
  // compare), and by its digest's and country's pages: summed once.
  const statsMade = new Map<string, ReturnType<typeof statsOf>>();
  const stats = (scope: Scope, m: Month) => {
    const key = `${scopeKey(scope)} ${m.id}`;
    let found = statsMade.get(key);
    if (!found) statsMade.set(key, (found = statsOf(scope, key, m)));
    return found;
  };

  const notes = new Map(input.notes.map((n) => [n.month.id, n]));
  const monthTrendsOf = (m: Month, countries: readonly Ref[]): MonthTrendView[] => {
    const note = notes.get(m.id);
    if (!note) return [];
    const wanted = new Set(countries.map((c) => c.slug));
    return note.trends
      .filter((trend) => wanted.has(trend.country) && countryRefs.has(trend.country))
      .map((trend) => ({ country: countryRefs.get(trend.country)!, trend: trend.trend, trendLabel: t.t(`trend.${trend.trend}`), reason: trend.reason, ...(trend.reasonLanguage ? { reasonLanguage: trend.reasonLanguage } : {}) }));
  };

  const view = (scope: Scope, m: Month, list: readonly Month[], index: number): MonthView => {
    const own = stats(scope, m);
    const title = monthName(m, t);
    const path = monthPath(scope, m);
    const labelled = scope.kind === "digest" ? input.countries : [scope.kind === "country" ? scope.place : scope.country];
    const weeks: MonthWeek[] = weeksOfMonth(m).flatMap(({ week: w, days }) => {
      const rows = labelled.flatMap((country) => {
        const figure = input.judgement.get(country.slug, w);
        const covered = input.counts.get(country.slug, w) !== undefined;
        if (!figure && !covered) return [];
        const alerts: AlertView[] = (figure?.alerts ?? []).map((alert) => ({ kind: alert.kind, label: t.t(`alert.${alert.kind}`), reason: alert.reason, ...(alert.reasonLanguage ? { reasonLanguage: alert.reasonLanguage } : {}) }));
        return [{ country, ...(figure ? { trend: figure.trend, reason: figure.reason, ...(figure.reasonLanguage ? { reasonLanguage: figure.reasonLanguage } : {}) } : {}), trendLabel: t.t(figure ? `trend.${figure.trend}` : "trend.none"), alerts }];
      });
      if (rows.length === 0) return [];
      return [{ issue: input.issueRefOf(w), hasIssue: input.hasIssue(w), days, ...(days < 7 ? { straddleText: t.t("month.straddle", { days, month: title }) } : {}), rows }];
    });
    const byType = INCIDENT_TYPES.map((type) => ({ type, label: typeLabel(type, t), count: own.incidents.filter((i) => i.type === type).length })).filter((x) => x.count > 0) as { type: IncidentType; label: string; count: number }[];
    const note = notes.get(m.id);
    const newer = list[index - 1];
    const older = list[index + 1];
    const ref = (other: Month): MonthRef => ({ id: other.id, path: monthPath(scope, other), title: monthName(other, t) });
    const placeName = scope.kind === "digest" ? input.siteTitle : scope.place.name;
    const newest = own.incidents.at(-1)?.date ?? weeks.at(-1)?.issue.id;
    return {
      id: m.id,
      path,
      title,
      scope: scope.kind,
      ...(scope.kind === "digest" ? {} : { place: scope.place }),
      ...(scope.kind === "region" ? { country: scope.country } : {}),
      heading: t.t("month.heading", { place: placeName, month: title }),
      coverageText: t.t("month.coverage", { covered: own.covered, days: own.days }),
      fullyCovered: own.covered === own.days,
      incidentCount: own.incidents.length,
      incidentsText: own.covered === 0 ? t.t("metric.notCovered") : own.incidents.length === 0 ? t.t("metric.noneRecorded") : t.t("common.number", { n: own.incidents.length }),
      ...precisionText(
        {
          weekOrMonthOnly: own.incidents.filter((i) => i.datePrecision !== "day").length,
          regionOrCountryOnly: own.incidents.filter((i) => i.placePrecision === "region" || i.placePrecision === "country").length,
          disputed: own.incidents.filter((i) => i.accounts).length,
        },
        t,
      ),
      byType,
      fatalitiesText: fatalitiesText(own.fatalities, t),
      vsPrevious: comparison(own, stats(scope, addMonths(m, -1)), addMonths(m, -1), t),
      vsYearBefore: comparison(own, stats(scope, addMonths(m, -12)), addMonths(m, -12), t),
      ...(scope.kind === "digest"
        ? {
            countries: input.countries.flatMap((country) => {
              const s = stats({ kind: "country", place: country }, m);
              if (s.covered === 0 && s.incidents.length === 0) return [];
              const monthTrend = monthTrendsOf(m, [country])[0];
              return [{ country, ...(s.covered > 0 ? { path: paths.countryMonth(country.slug, m.id) } : {}), incidentsText: countText(s, t), fatalitiesText: fatalitiesText(s.fatalities, t), ...(monthTrend ? { monthTrend } : {}) }];
            }),
            email: { htmlPath: paths.monthEmail(m.id), textPath: paths.monthEmailText(m.id) },
          }
        : {}),
      ...(scope.kind === "country"
        ? {
            regions: input.regions
              .filter((r) => r.country.slug === scope.place.slug && regionMonths.get(r.slug)?.has(m.id))
              .map((r) => ({ id: m.id, path: paths.regionMonth(r.slug, m.id), title, name: r.name, incidentsText: countText(stats({ kind: "region", place: r, country: r.country }, m), t) })),
          }
        : {}),
      weeks,
      monthTrends: monthTrendsOf(m, labelled),
      ...(note && (note.headline || note.leadHtml) ? { note: { ...(note.headline ? { headline: note.headline } : {}), html: note.leadHtml, ...(note.language && note.language !== input.language ? { language: note.language } : {}) } } : {}),
      incidents: scope.kind === "digest" ? [] : [...own.incidents].reverse().slice(0, MONTH_PAGE_INCIDENTS),
      ...(older ? { previous: ref(older) } : {}),
      ...(newer ? { next: ref(newer) } : {}),
      updatedIso: newest && /^\d{4}-\d{2}-\d{2}$/.test(newest) ? newest : `${m.id}-01`,
      bundle: String((weeks[0]?.issue.id ?? m.id).slice(0, 4)),
    };
  };

  const viewsOf = (scope: Scope, ids: Iterable<string>) => {
    const list = [...ids].map((id) => monthsById.get(id) ?? monthOfDay(`${id}-01`)).sort((a, b) => compareMonths(b, a));
    return list.map((m, i) => view(scope, m, list, i));
  };
  const coveredMonthsOf = (key: string) => [...monthsById.keys()].filter((id) => coveredWeeks.has(`${key} ${id}`));

  const all = viewsOf({ kind: "digest" }, coveredMonthsOf("digest"));
  const byCountry = new Map(input.countries.map((c) => [c.slug, viewsOf({ kind: "country", place: c }, coveredMonthsOf(`country:${c.slug}`))]));
  const byRegion = new Map(input.regions.map((r) => [r.slug, viewsOf({ kind: "region", place: r, country: r.country }, regionMonths.get(r.slug) ?? [])]));
  return { all, byCountry, byRegion };
}

function countText(s: { covered: number; incidents: readonly unknown[] }, t: Catalogue): string {
  return s.covered === 0 && s.incidents.length === 0 ? t.t("metric.notCovered") : s.incidents.length === 0 ? t.t("metric.noneRecorded") : t.t("common.number", { n: s.incidents.length });
}

function fatalitiesText(sum: ReturnType<typeof sumTolls>, t: Catalogue): string {
  return sum ? tollInWords(sum, t) : t.t("metric.noneReported");
}

/**
 * This month against another: compared only when the digest covered both whole; otherwise
 * why not, in words. Deaths by their lowest figure, as the weekly overview compares them.
 */
function comparison(
  own: { covered: number; days: number; incidents: readonly unknown[]; fatalities?: { min: number } | undefined },
  other: { covered: number; days: number; incidents: readonly unknown[]; fatalities?: { min: number } | undefined },
  otherMonth: Month,
  t: Catalogue,
): MonthComparison {
  const against = monthName(otherMonth, t);
  const why =
    other.covered === 0
      ? t.t("month.compareNoData", { month: against })
      : other.covered < other.days
        ? t.t("month.comparePartOther", { month: against, covered: other.covered, days: other.days })
        : own.covered < own.days
          ? t.t("month.comparePartThis", { covered: own.covered, days: own.days })
          : undefined;
  if (why) return { against, incidentsText: why, fatalitiesText: why };
  const incidents = changeBetween(other.incidents.length, own.incidents.length)!;
  const deaths = changeBetween(other.fatalities?.min ?? 0, own.fatalities?.min ?? 0)!;
  const band = incidents.band !== "unchanged" && Math.max(incidents.from, incidents.to) >= MIN_COUNT_FOR_BAND ? incidents.band : undefined;
  return {
    against,
    incidentsText: t.t("month.compareFrom", { change: changeText(incidents, t), from: incidents.from }),
    ...(band ? { band, bandLabel: bandLabel(band, t) } : {}),
    fatalitiesText: t.t("month.compareFrom", { change: changeText(deaths, t), from: deaths.from }),
  };
}

function memo<K extends { id: string }, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<string, V>();
  return (key) => {
    let found = made.get(key.id);
    if (found === undefined) made.set(key.id, (found = make(key)));
    return found;
  };
}
