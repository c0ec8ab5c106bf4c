// ISO 8601 weeks, counted in the digest's own time zone. A week is the unit of publication:
// each one with items becomes an issue.
import { FIRST_YEAR, LAST_YEAR } from "./dates.ts";
import { DateTime } from "luxon";
import type { Catalogue } from "./messages/catalogue.ts";

export interface Week {
  /** ISO week-numbering year: 2021-01-02 belongs to 2020. */
  readonly year: number;
  readonly week: number;
  /** "2020-W49": the form editors use in file names. */
  readonly id: string;
  /** "2020-w49": the form used in URLs. */
  readonly slug: string;
}

export function week(year: number, weekNumber: number): Week {
  const id = `${year}-W${String(weekNumber).padStart(2, "0")}`;
  return { year, week: weekNumber, id, slug: id.toLowerCase() };
}

/** The ISO week an instant falls in, as seen on the clocks of `zone`. */
export function weekOf(instant: DateTime, zone: string): Week {
  return localWeek(instant.setZone(zone));
}

/** The ISO week of a date already on the digest's clocks. */
export function localWeek(local: DateTime): Week {
  return week(local.weekYear, local.weekNumber);
}

/** Parses "2020-W49"; undefined when the text is not a week that exists (2021-W53 does not). */
export function parseWeekId(text: string): Week | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const weekNumber = Number(match[2]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  const start = DateTime.fromObject({ weekYear: year, weekNumber, weekday: 1 }, { zone: "UTC" });
  if (!start.isValid || start.weekYear !== year || start.weekNumber !== weekNumber) return undefined;
  return week(year, weekNumber);
}

// A digest has a few hundred weeks, and asks about each of them thousands of times (every
// chart of every region and issue counts back from its week); luxon works each answer out
// through Intl, so they are kept. DateTimes never change, and may be shared.
const bounds = new Map<string, { start: DateTime; end: DateTime }>();
const later = new Map<string, Week>();

/** Monday 00:00 and the following Monday 00:00 of the week, in `zone`. */
export function weekBounds(w: Week, zone: string): { start: DateTime; end: DateTime } {
  const key = `${w.id} ${zone}`;
  let found = bounds.get(key);
  if (!found) {
    const start = DateTime.fromObject({ weekYear: w.year, weekNumber: w.week, weekday: 1 }, { zone });
    bounds.set(key, (found = { start, end: start.plus({ weeks: 1 }) }));
  }
  return found;
}

/** The week `n` weeks after `w` (before, for negative `n`), across year ends and 53-week years. */
export function addWeeks(w: Week, n: number): Week {
  const key = `${w.id} ${n}`;
  let found = later.get(key);
  if (!found) {
    const monday = DateTime.fromObject({ weekYear: w.year, weekNumber: w.week, weekday: 1 }, { zone: "UTC" }).plus({ weeks: n });
    later.set(key, (found = week(monday.weekYear, monday.weekNumber)));
  }
  return found;
}

/** Orders weeks oldest first. */
export function compareWeeks(a: Week, b: Week): number {
  return a.year - b.year || a.week - b.week;
}

/**
 * The week's Monday to Sunday in words: "23–29 November 2020",
 * "30 November – 6 December 2020", "28 December 2020 – 3 January 2021"; in French
 * "30 novembre – 6 décembre 2020". Month names come from luxon with the language given
 * explicitly, never the machine's locale; the order of the parts from the catalogue.
 */
export function weekRangeInWords(w: Week, words: Catalogue): string {
  const monday = DateTime.fromObject({ weekYear: w.year, weekNumber: w.week, weekday: 1 }, { zone: "UTC" });
  const sunday = monday.plus({ days: 6 });
  const parts = { from: dayNumber(monday, words), to: dayNumber(sunday, words), fromMonth: monthName(monday, words), toMonth: monthName(sunday, words), fromYear: String(monday.year), toYear: String(sunday.year) };
  if (monday.year !== sunday.year) return words.t("date.rangeAcrossYears", parts);
  if (monday.month !== sunday.month) return words.t("date.rangeAcrossMonths", parts);
  return words.t("date.range", parts);
}

/** "3 December 2020"; "jeudi 3 décembre 2020", "1er décembre" in French. */
export function dayInWords(date: DateTime, words: Catalogue): string {
  return words.t("date.day", { weekday: named(date, words, "cccc"), day: dayNumber(date, words), month: monthName(date, words), year: String(date.year) });
}

/** "November 2020"; "novembre 2020". */
export function monthInWords(date: DateTime, words: Catalogue): string {
  return words.t("date.month", { month: monthName(date, words), year: String(date.year) });
}

function monthName(date: DateTime, words: Catalogue): string {
  return named(date, words, "LLLL");
}

// A name from luxon (month, weekday) costs microseconds a call, and a build asks tens of
// thousands of times for a dozen names a language: each is looked up once.
const names = new Map<string, string>();

function named(date: DateTime, words: Catalogue, token: "LLLL" | "cccc"): string {
  const key = `${words.locale} ${token} ${token === "LLLL" ? date.month : date.weekday}`;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = date.setLocale(words.locale).toFormat(token)));
  return name;
}

/** The day of the month as the language writes it: "1", or "1er" in French. */
function dayNumber(date: DateTime, words: Catalogue): string {
  return date.day === 1 ? words.t("date.first") : String(date.day);
}
