// Item dates as editors write them: a plain date ("2020-12-03"), or a date and time with an
// offset ("2020-12-03T14:30:00+01:00" or "...Z"). A time without an offset is read on the
// digest's clocks. Anything else, or a day that does not exist, is refused.
import { DateTime } from "luxon";

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export type DateResult = { ok: true; date: DateTime; hasTime: boolean } | { ok: false; message: string };

export function parseItemDate(text: string, zone: string): DateResult {
  const trimmed = text.trim();
  const hasTime = DATE_TIME.test(trimmed);
  if (!hasTime && !PLAIN_DATE.test(trimmed)) {
    return { ok: false, message: "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00" };
  }
  // setZone keeps a written offset; a plain date or bare time is taken on the digest's clocks.
  const parsed = DateTime.fromISO(trimmed, { zone, setZone: true });
  if (!parsed.isValid) {
    return { ok: false, message: "is not a real date or time" };
  }
  return { ok: true, date: parsed.setZone(zone), hasTime };
}
