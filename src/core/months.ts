// Calendar months, beside the ISO weeks of weeks.ts. Weeks and months do not nest: a week
// whose Monday and Sunday fall in two months (30 November – 6 December 2020) belongs to both,
// a few days to each. The monthly roll-ups count incidents by their own day, so such a week's
// incidents are split between its two months by date; its trend label, a judgement of the
// whole week, is listed in both.
import { DateTime } from "luxon";
import type { Catalogue } from "./messages/catalogue.ts";
import { monthInWords, week, type Week } from "./weeks.ts";

export interface Month {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** "2020-12": the form of file names and URLs. */
  readonly id: string;
}

export function month(year: number, monthNumber: number): Month {
  return { year, month: monthNumber, id: `${year}-${String(monthNumber).padStart(2, "0")}` };
}

/** The month of a day written "2020-12-03" (or an ISO date-time: its date part as written). */
export function monthOfDay(day: string): Month {
  return month(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
}

/** Parses "2020-12"; undefined when the text is not a month. */
export function parseMonthId(text: string): Month | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? month(Number(match[1]), m) : undefined;
}

/** The month `n` months after `m` (before, for negative `n`). */
export function addMonths(m: Month, n: number): Month {
  const index = m.year * 12 + (m.month - 1) + n;
  return month(Math.floor(index / 12), (index % 12) + 1);
}

/** Orders months oldest first. */
export function compareMonths(a: Month, b: Month): number {
  return a.year - b.year || a.month - b.month;
}

export function daysInMonth(m: Month): number {
  return DateTime.utc(m.year, m.month, 1).daysInMonth!;
}

/** The month's first day, "2020-12-01". */
export function firstDayOf(m: Month): string {
  return `${m.id}-01`;
}

/**
 * The ISO weeks that have at least one day in the month, oldest first, each with how many of
 * its seven days fall in it: December 2020 starts inside 2020-W49 (5 days) and ends inside
 * 2020-W53 (4 days).
 */
export function weeksOfMonth(m: Month): readonly { readonly week: Week; readonly days: number }[] {
  let found = monthWeeks.get(m.id);
  if (!found) monthWeeks.set(m.id, (found = Object.freeze(weeksOf(m))));
  return found;
}

/** Each month's weeks, worked out once a process: every place's month page and strip asks. */
const monthWeeks = new Map<string, readonly { readonly week: Week; readonly days: number }[]>();

function weeksOf(m: Month): { readonly week: Week; readonly days: number }[] {
  const first = DateTime.utc(m.year, m.month, 1);
  const last = first.endOf("month").startOf("day");
  const found: { week: Week; days: number }[] = [];
  for (let monday = first.minus({ days: first.weekday - 1 }); monday <= last; monday = monday.plus({ weeks: 1 })) {
    const sunday = monday.plus({ days: 6 });
    const from = monday < first ? first : monday;
    const to = sunday > last ? last : sunday;
    found.push({ week: week(monday.weekYear, monday.weekNumber), days: Math.round(to.diff(from, "days").days) + 1 });
  }
  return found;
}

/** The months a week has days in: one, or two for a week that straddles a month's end. */
export function monthsOfWeek(w: Week): Month[] {
  const monday = DateTime.fromObject({ weekYear: w.year, weekNumber: w.week, weekday: 1 }, { zone: "UTC" });
  const sunday = monday.plus({ days: 6 });
  const first = month(monday.year, monday.month);
  return monday.month === sunday.month ? [first] : [first, month(sunday.year, sunday.month)];
}

/** "December 2020"; "décembre 2020". */
export function monthName(m: Month, words: Catalogue): string {
  return monthInWords(DateTime.utc(m.year, m.month, 1), words);
}
