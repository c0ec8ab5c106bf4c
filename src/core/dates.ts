// Item dates as editors write them: a plain date ("2020-12-03"), or a date and time with an
// offset ("2020-12-03T14:30:00+01:00" or "...Z"). A time without an offset is read on the
// digest's clocks. Anything else, or a day that does not exist, is refused.
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from "luxon";

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;
const DAY = 86_400_000;

export type DateResult = { ok: true; date: DateTime; hasTime: boolean } | { ok: false; message: string };

/**
 * The offset of an IANA zone, looked up once per UTC day. luxon asks Intl for the offset of
 * every date it converts, which is most of the cost of reading ten thousand dates; on a day
 * whose offset is the same at both ends (every day but the few with a clock change) a fixed
 * offset gives the same result.
 */
class ZoneClock {
  private readonly iana: IANAZone;
  private readonly byDay = new Map<number, Zone>();

  constructor(zone: string) {
    this.iana = IANAZone.create(zone);
  }

  /** A zone with the right offset at the instant `ms`. */
  at(ms: number): Zone {
    const day = Math.floor(ms / DAY);
    let zone = this.byDay.get(day);
    if (!zone) {
      const start = this.iana.offset(day * DAY);
      zone = start === this.iana.offset((day + 1) * DAY) ? FixedOffsetZone.instance(start) : this.iana;
      this.byDay.set(day, zone);
    }
    return zone;
  }

  /** The instant at which the zone's clocks show `wall` (a local time read as if it were UTC). */
  instantOf(wall: DateTime): DateTime | undefined {
    const zone = this.at(wall.toMillis());
    if (!(zone instanceof FixedOffsetZone)) return undefined;
    const ms = wall.toMillis() - zone.offset(0) * 60_000;
    return this.at(ms) === zone ? DateTime.fromMillis(ms, { zone }) : undefined;
  }
}

const clocks = new Map<string, ZoneClock>();

function clockOf(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) clocks.set(zone, (clock = new ZoneClock(zone)));
  return clock;
}

/** The same instant on the digest's clocks, through the per-day offset cache. */
export function inZone(instant: DateTime, zone: string): DateTime {
  return instant.setZone(clockOf(zone).at(instant.toMillis()));
}

/**
 * ISO 8601 with the offset always written as ±hh:mm ("+00:00", never "Z"), whatever zone
 * object the date carries.
 */
export function isoWithOffset(date: DateTime): string {
  return date.toFormat(date.millisecond ? "yyyy-MM-dd'T'HH:mm:ss.SSSZZ" : "yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** Years a digest's dates may fall in: a typo such as 0202 or 20200 is refused, not published. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
/** Real time zones lie between UTC−12:00 and UTC+14:00; allow ±14:00 either way. */
const MAX_OFFSET_MINUTES = 14 * 60;

export function parseItemDate(text: string, zone: string): DateResult {
  const trimmed = text.trim();
  const hasTime = DATE_TIME.test(trimmed);
  if (!hasTime && !PLAIN_DATE.test(trimmed)) {
    return { ok: false, message: "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00" };
  }
  const year = Number(trimmed.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}` };
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(hasTime ? trimmed : "");
  if (offset && (Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES || Number(offset[3]) > 59)) {
    return { ok: false, message: "has a time-zone offset outside -14:00 to +14:00" };
  }
  if (hasTime && HAS_OFFSET.test(trimmed)) {
    // A written offset fixes the instant; it is then shown on the digest's clocks.
    const instant = DateTime.fromISO(trimmed, { setZone: true });
    if (!instant.isValid) return { ok: false, message: "is not a real date or time" };
    return inRange({ ok: true, date: inZone(instant, zone), hasTime });
  }
  // A plain date or a bare time is a time on the digest's clocks.
  const wall = DateTime.fromISO(trimmed, { zone: "UTC" });
  if (!wall.isValid) return { ok: false, message: "is not a real date or time" };
  const date = clockOf(zone).instantOf(wall) ?? DateTime.fromISO(trimmed, { zone });
  return inRange({ ok: true, date, hasTime });
}

/** A date written in range can still fall outside it on the digest's clocks (2100-12-31T23:00-05:00). */
function inRange(result: DateResult & { ok: true }): DateResult {
  const { year } = result.date;
  return year < FIRST_YEAR || year > LAST_YEAR ? { ok: false, message: `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}` } : result;
}
