import { describe, expect, it } from "vitest";
import { isoWithOffset, parseItemDate } from "../../src/core/dates.ts";

const GMT = "Africa/Bamako";

describe("parseItemDate", () => {
  it("reads a plain date as the start of that day on the digest's clocks", () => {
    const result = parseItemDate("2020-12-03", GMT);
    expect(result.ok && isoWithOffset(result.date)).toBe("2020-12-03T00:00:00+00:00");
    expect(result.ok && result.hasTime).toBe(false);
  });
  it("keeps the instant of a time with an offset and shows it on the digest's clocks", () => {
    const result = parseItemDate("2020-11-30T00:30:00+01:00", GMT);
    expect(result.ok && isoWithOffset(result.date)).toBe("2020-11-29T23:30:00+00:00");
    expect(result.ok && result.hasTime).toBe(true);
  });
  it("accepts Z and a time without seconds", () => {
    expect(parseItemDate("2020-12-03T10:15Z", GMT).ok).toBe(true);
  });
  it("reads a time without an offset on the digest's clocks", () => {
    const result = parseItemDate("2020-12-03T10:15", "Africa/Niamey");
    expect(result.ok && isoWithOffset(result.date)).toBe("2020-12-03T10:15:00+01:00");
  });
  it("takes each day's offset from the zone, on both sides of a clock change", () => {
    // Europe/London changed from GMT to BST at 01:00 UTC on 29 March 2020.
    const before = parseItemDate("2020-03-28T12:00:00Z", "Europe/London");
    const onTheDay = parseItemDate("2020-03-29T00:30:00Z", "Europe/London");
    const afterChange = parseItemDate("2020-03-29T12:00:00Z", "Europe/London");
    const after = parseItemDate("2020-03-30T12:00:00Z", "Europe/London");
    expect([before, onTheDay, afterChange, after].map((r) => r.ok && isoWithOffset(r.date))).toEqual([
      "2020-03-28T12:00:00+00:00", "2020-03-29T00:30:00+00:00", "2020-03-29T13:00:00+01:00", "2020-03-30T13:00:00+01:00",
    ]);
    const plain = parseItemDate("2020-03-29", "Europe/London");
    expect(plain.ok && isoWithOffset(plain.date)).toBe("2020-03-29T00:00:00+00:00");
    const summer = parseItemDate("2020-07-01T09:00", "Europe/London");
    expect(summer.ok && isoWithOffset(summer.date)).toBe("2020-07-01T09:00:00+01:00");
  });
  it("gives a milliseconds-exact instant", () => {
    const result = parseItemDate("2020-12-03T10:15:30.250+02:00", GMT);
    expect(result.ok && isoWithOffset(result.date)).toBe("2020-12-03T08:15:30.250+00:00");
  });
  it.each([
    ["2020-02-30", "is not a real date or time"],
    ["2021-02-29", "is not a real date or time"],
    ["2020-12-03T25:00:00Z", "is not a real date or time"],
    ["3 December 2020", "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00"],
    ["2020-12-3", "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00"],
    ["", "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00"],
  ])("refuses %j: %s", (text, message) => {
    expect(parseItemDate(text, GMT)).toEqual({ ok: false, message });
  });
});
