// What the sources know of when and where an incident happened: shown in words ("week of…",
// "near…", "region only"), counted per week, coded as ACLED codes them in the open data, and
// drawn on a map only for a known place.
import { describe, expect, it } from "vitest";
import { whenInWords, whereInWords } from "../../src/digest/incidents/views.ts";
import { IncidentCounts } from "../../src/digest/incidents/counts.ts";
import { mapMarks } from "../../src/digest/incidents/marks.ts";
import { regionMap } from "../../src/digest/map.ts";
import { ACLED_GEO_PRECISION, ACLED_TIME_PRECISION } from "../../src/digest/open-data.ts";
import { issueOverview, ExternalIndex } from "../../src/digest/overview.ts";
import { FigureIndex } from "../../src/digest/figures.ts";
import { parseWeekId } from "../../src/core/weeks.ts";
import { modelIncident, modelItem } from "../fixtures/model.ts";
import { english, shippedCatalogue } from "../fixtures/words.ts";

const french = shippedCatalogue("fr");
const mali = { slug: "mali", name: "Mali", path: "/countries/mali/" };
const mopti = { slug: "mopti", name: "Mopti", path: "/regions/mopti/" };

describe("when and where, in words", () => {
  it("says the day, or only the week or month", () => {
    expect(whenInWords({ date: "2020-11-25", datePrecision: "day" }, english)).toBe("25 November 2020");
    expect(whenInWords({ date: "2020-11-25", datePrecision: "week" }, english)).toBe("week of 23 November 2020");
    expect(whenInWords({ date: "2020-11-25", datePrecision: "month" }, english)).toBe("November 2020 (day not known)");
    expect(whenInWords({ date: "2020-11-25", datePrecision: "week" }, french)).toBe("semaine du lundi 23 novembre 2020");
    expect(whenInWords({ date: "2020-11-25", datePrecision: "month" }, french)).toBe("novembre 2020 (jour inconnu)");
  });
  it("says the place, near it, or only the region or country", () => {
    expect(whereInWords({ place: "Boulikessi", placePrecision: "place" }, mali, mopti, english)).toBe("Boulikessi, Mopti");
    expect(whereInWords({ place: "Boulikessi", placePrecision: "near" }, mali, mopti, english)).toBe("near Boulikessi, Mopti");
    expect(whereInWords({ placePrecision: "region" }, mali, mopti, english)).toBe("Mopti (region only)");
    expect(whereInWords({ placePrecision: "country" }, mali, undefined, english)).toBe("Mali (country only)");
    expect(whereInWords({ place: "Boulikessi", placePrecision: "near" }, mali, mopti, french)).toBe("près de Boulikessi, Mopti");
    expect(whereInWords({ placePrecision: "region" }, mali, mopti, french)).toBe("Mopti (région seulement)");
  });
});

describe("a week's counts", () => {
  const items = [
    modelItem("a", "2020-12-03", ["mali"], [], [
      modelIncident("2020-12-01", "mali", "battles", { place: "Mopti", coordinates: [14.48, -4.18], placePrecision: "place" }),
      modelIncident("2020-12-02", "mali", "battles", { datePrecision: "week", place: "Mopti", coordinates: [14.48, -4.18], placePrecision: "near" }),
      modelIncident("2020-12-02", "mali", "battles", { placePrecision: "region" }),
      modelIncident("2020-12-02", "mali", "battles", { datePrecision: "month", placePrecision: "country" }),
    ]),
  ];
  const counts = new IncidentCounts(items);
  const w49 = parseWeekId("2020-W49")!;

  it("say how many incidents are known only to the week or month, and only to the region or country", () => {
    expect(counts.get("mali", w49)).toMatchObject({ incidents: 4, weekOrMonthOnly: 2, regionOrCountryOnly: 2 });
    const overview = issueOverview({ judgement: new FigureIndex([]), counts, external: new ExternalIndex([]) }, [mali], w49, english);
    expect(overview.rows[0]!.figures!.precisionText).toBe("of which 2 known only to the week or month; 2 placed only by region or country");
    expect(issueOverview({ judgement: new FigureIndex([]), counts, external: new ExternalIndex([]) }, [mali], w49, french).rows[0]!.figures!.precisionText).toBe(
      "dont 2 datés seulement à la semaine ou au mois près\u202f; 2 situés seulement à la région ou au pays près",
    );
  });
  it("say nothing more when every incident is known to the day and place", () => {
    const exact = new IncidentCounts([modelItem("b", "2020-12-03", ["mali"], [], [modelIncident("2020-12-01", "mali", "battles", { place: "Mopti", placePrecision: "place" })])]);
    const overview = issueOverview({ judgement: new FigureIndex([]), counts: exact, external: new ExternalIndex([]) }, [mali], w49, english);
    expect(overview.rows[0]!.figures!.precisionText).toBeUndefined();
  });
});

describe("the map", () => {
  it("draws a point only for a known place, marks one near a place, and never one for a region", () => {
    const map = regionMap([{ slug: "mali", name: "Mali", iso: "ML", path: "/countries/mali/" }], 480)!;
    const at = [14.48, -4.18] as const;
    const marks = mapMarks(map, [
      { type: "battles", coordinates: at, placePrecision: "place", title: "at" },
      { type: "battles", coordinates: at, placePrecision: "near", title: "near" },
      // A region-only incident given coordinates by mistake is still not drawn.
      { type: "battles", coordinates: at, placePrecision: "region", title: "region" },
      { type: "battles", placePrecision: "country", title: "country" },
    ], english);
    expect(marks.marks.map((m) => [m.title, m.near])).toEqual([["at", false], ["near", true]]);
    // Neither is lost: counted in the line under the map.
    expect([marks.drawn, marks.notDrawn]).toEqual([2, 2]);
  });
});

describe("the open data's codes", () => {
  it("follow ACLED's time and geo precision codes", () => {
    expect(ACLED_TIME_PRECISION).toEqual({ day: 1, week: 2, month: 3 });
    expect(ACLED_GEO_PRECISION).toEqual({ place: 1, near: 2, region: 3, country: 3 });
  });
});
