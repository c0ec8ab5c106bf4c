// The day a new item or note is for: today on the digest's clocks, or the editor's --date.
import type { DateTime } from "luxon";
import { parseItemDate } from "../../core/dates.ts";

export type DayResult = { ok: true; day: DateTime } | { ok: false; message: string };

/**
 * `--date` as the start of that day on the digest's clocks; without one, the day it is now
 * there. Only a plain date is taken: a new file is for a day, and the editor can add a time.
 */
export function dayOf(date: string | undefined, zone: string, now: DateTime): DayResult {
  if (date === undefined) return { ok: true, day: now.setZone(zone).startOf("day") };
  const got = ` (got: ${JSON.stringify(date)})`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, message: `--date: must be a day such as 2020-12-03${got}` };
  const parsed = parseItemDate(date, zone);
  if (!parsed.ok) return { ok: false, message: `--date: ${parsed.message === "is not a real date or time" ? "is not a real date" : parsed.message}${got}` };
  return { ok: true, day: parsed.date };
}
