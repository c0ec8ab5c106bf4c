import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { compareWeeks, parseWeekId, week, weekBounds, weekOf, weekRangeInWords } from "../../src/core/weeks.ts";
import { english } from "../fixtures/words.ts";

const GMT = "Africa/Bamako";
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe("weekOf", () => {
  it.each([
    ["2021-01-02T12:00:00Z", "2020-W53"], // a Saturday of January still in 2020's last week
    ["2021-01-03T23:59:59Z", "2020-W53"],
    ["2021-01-04T00:00:00Z", "2021-W01"], // the Monday that opens 2021
    ["2020-12-28T00:00:00Z", "2020-W53"],
    ["2019-12-30T08:00:00Z", "2020-W01"], // a December day in the next year's first week
    ["2020-12-03T10:00:00Z", "2020-W49"],
  ])("puts %s in %s", (instant, expected) => {
    expect(weekOf(at(instant), GMT).id).toBe(expected);
  });

  it("counts a Monday 00:30 in Niamey (UTC+1) in the previous week when the digest runs on GMT", () => {
    const mondayInNiamey = at("2020-11-30T00:30:00+01:00");
    expect(weekOf(mondayInNiamey, GMT).id).toBe("2020-W48");
    expect(weekOf(mondayInNiamey, "Africa/Niamey").id).toBe("2020-W49");
  });

  it("gives the URL form of the week", () => {
    expect(weekOf(at("2020-12-03T10:00:00Z"), GMT).slug).toBe("2020-w49");
  });
});

describe("parseWeekId", () => {
  it("accepts weeks that exist", () => {
    expect(parseWeekId("2020-W53")).toEqual(week(2020, 53));
    expect(parseWeekId("2021-W01")).toEqual(week(2021, 1));
  });
  it.each(["2021-W53", "2020-W00", "2020-W54", "2020-w49", "2020-49", "20-W01"])("refuses %s", (text) => {
    expect(parseWeekId(text)).toBeUndefined();
  });
});

describe("weekBounds", () => {
  it("runs from Monday 00:00 to the next Monday in the digest's zone", () => {
    const { start, end } = weekBounds(week(2020, 53), GMT);
    expect(start.toISO()).toBe("2020-12-28T00:00:00.000+00:00");
    expect(end.toISO()).toBe("2021-01-04T00:00:00.000+00:00");
  });
});

describe("weekRangeInWords", () => {
  it("names one month once", () => {
    expect(weekRangeInWords(week(2020, 48), english)).toBe("23–29 November 2020");
  });
  it("names both months when the week spans two", () => {
    expect(weekRangeInWords(week(2020, 49), english)).toBe("30 November – 6 December 2020");
  });
  it("names both years when the week spans two", () => {
    expect(weekRangeInWords(week(2020, 53), english)).toBe("28 December 2020 – 3 January 2021");
  });
});

describe("compareWeeks", () => {
  it("orders across years", () => {
    const sorted = [week(2021, 1), week(2020, 53), week(2020, 9)].sort(compareWeeks).map((w) => w.id);
    expect(sorted).toEqual(["2020-W09", "2020-W53", "2021-W01"]);
  });
});
