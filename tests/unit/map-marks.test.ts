// Marks and labels on a map (src/digest/incidents/marks.ts, labels.ts): incidents at one place
// share a mark with their count, every incident is drawn or counted, and no label covers
// another, a mark or a country's name, or crosses the frame.
import { describe, expect, it } from "vitest";
import { regionMap } from "../../src/digest/map.ts";
import { mapMarks, type MarkedIncident } from "../../src/digest/incidents/marks.ts";
import { labelBeside, labelOver, overlaps, textBox, type Box } from "../../src/digest/incidents/labels.ts";
import { english } from "../fixtures/words.ts";

const mali = regionMap([{ slug: "mali", name: "Mali", iso: "ML", path: "/countries/mali/" }], 480)!;
// Coordinates of the gazetteer's towns (GeoNames), as the sample's items give them.
const MENAKA = [15.91, 2.4] as const;
const GAO = [16.27, -0.04] as const;
const KIDAL = [18.44, 1.41] as const;

const at = (place: string, coordinates: readonly [number, number], type: MarkedIncident["type"] = "battles", placePrecision: MarkedIncident["placePrecision"] = "place"): MarkedIncident => ({ type, coordinates, placePrecision, place, region: { name: place }, title: `${place} ${type}` });

const boxOf = (label: { text: string; x: number; y: number; anchor: "start" | "middle" | "end" }) => textBox(label.text, label.x, label.y, label.anchor);
const insideFrame = (box: Box, frame: { width: number; height: number }) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= frame.width && box.y1 <= frame.height;

describe("incidents on a map", () => {
  it("groups incidents at one place into one mark with their count, one of several types a mark of its own", () => {
    const result = mapMarks(mali, [at("Ménaka", MENAKA), at("Ménaka", MENAKA), at("Ménaka", MENAKA, "explosions-remote-violence"), at("Ménaka", MENAKA), at("Gao", GAO), at("Gao", GAO)], english);
    expect(result.marks.map((m) => [m.type, m.count])).toEqual([["mixed", 4], ["battles", 2]]);
    expect(result.marks.every((m) => m.countAt !== undefined)).toBe(true);
    expect(result.marks[0]!.title.split("\n")).toHaveLength(4);
    expect(result.drawn).toBe(6);
    expect(result.notDrawn).toBe(0);
    expect(result.notDrawnText).toBeUndefined();
  });

  it("draws a single incident without a count, and a near one apart from one at the place, with a halo", () => {
    const result = mapMarks(mali, [at("Gao", GAO), at("Gao", GAO, "battles", "near")], english);
    expect(result.marks.map((m) => [m.count, m.near, m.countAt, Boolean(m.halo)])).toEqual([[1, false, undefined, false], [1, true, undefined, true]]);
    expect(result.marks[0]!.d).not.toBe(result.marks[1]!.d);
  });

  it("counts every incident it cannot draw as a point, by region, and says why", () => {
    const result = mapMarks(mali, [
      at("Gao", GAO),
      { type: "battles", placePrecision: "region", region: { name: "Mopti" }, title: "a" },
      { type: "battles", placePrecision: "region", region: { name: "Mopti" }, title: "b" },
      // Given coordinates but known only to its region: still not a point.
      { type: "battles", placePrecision: "region", coordinates: GAO, region: { name: "Gao" }, title: "c" },
      { type: "battles", placePrecision: "country", title: "d" },
      { type: "battles", placePrecision: "place", place: "Bounti", region: { name: "Mopti" }, title: "e" },
    ], english);
    expect(result.drawn + result.notDrawn).toBe(6);
    expect(result.notDrawn).toBe(5);
    expect(result.notDrawnText).toBe("5 incidents not drawn: 3 known only to the region (Gao: 1, Mopti: 2); 1 known only to the country; 1 at a place without coordinates (Bounti: 1).");
  });

  it("counts a place beyond the map's frame as outside the map, and a place with no region as a place, never as the country", () => {
    // Dakar lies west of Mali's frame; Bounti has no coordinates and, here, no region.
    const DAKAR = [14.69, -17.44] as const;
    const result = mapMarks(mali, [
      at("Dakar", DAKAR),
      { type: "battles", placePrecision: "place", place: "Bounti", title: "e" },
      { type: "battles", placePrecision: "near", place: "Bounti", title: "f" },
    ], english);
    expect(result.drawn).toBe(0);
    expect(result.notDrawnText).toBe("3 incidents not drawn: 2 at a place without coordinates (Bounti: 2); 1 outside the map (Dakar: 1).");
  });

  it("names the main places inside the frame, clear of each other, of the marks and of the counts", () => {
    const incidents = [at("Ménaka", MENAKA), at("Ménaka", MENAKA), at("Gao", GAO), at("Kidal", KIDAL), at("Kidal", KIDAL, "protests")];
    const result = mapMarks(mali, incidents, english);
    expect(result.placeLabels.map((l) => l.text).sort()).toEqual(["Gao", "Kidal", "Ménaka"]);
    const boxes = result.placeLabels.map(boxOf);
    for (const box of boxes) expect(insideFrame(box, mali)).toBe(true);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    const counts = result.marks.filter((m) => m.countAt).map((m) => textBox(String(m.count), m.countAt!.x, m.countAt!.y, "start"));
    for (const box of boxes) for (const count of counts) expect(overlaps(box, count)).toBe(false);
    // The same marks, the same places: a page's bytes do not change between builds.
    expect(mapMarks(mali, incidents, english)).toEqual(result);
  });

  it("moves a country's name off the marks, and keeps it in the frame", () => {
    const country = { slug: "mali", name: "Mali", x: 0, y: 0 };
    const gao = mali.project(GAO[0], GAO[1])!;
    const result = mapMarks(mali, [at("Gao", GAO)], english, [{ ...country, x: gao.x, y: gao.y }]);
    const label = result.countryLabels.mali!;
    const markBox = { x0: gao.x - 7, y0: gao.y - 7, x1: gao.x + 7, y1: gao.y + 7 };
    expect(overlaps(boxOf(label), markBox)).toBe(false);
    expect(insideFrame(boxOf(label), mali)).toBe(true);
    // A name at the frame's very edge is pulled inside it.
    const edge = mapMarks(mali, [], english, [{ ...country, x: mali.width, y: 0 }]).countryLabels.mali!;
    expect(insideFrame(boxOf(edge), mali)).toBe(true);
  });
});

describe("placing labels", () => {
  const frame = { width: 200, height: 100 };

  it("tries the right of a point first, then the left, and gives up where nothing fits", () => {
    const taken: Box[] = [];
    expect(labelBeside("Gao", 50, 50, 5, frame, taken)).toMatchObject({ anchor: "start", x: 58 });
    // Its right taken now, a second label at the same point goes elsewhere, clear of the first.
    const second = labelBeside("Gao", 50, 50, 5, frame, taken)!;
    expect(second.anchor).not.toBe("start");
    expect(overlaps(boxOf(second), taken[0]!)).toBe(false);
    // Too long for the frame at any side.
    expect(labelBeside("A very long place name indeed", 100, 50, 5, frame, [])).toBeUndefined();
  });

  it("centres a name over an area where it is free, and moves it where a mark is", () => {
    expect(labelOver("Mali", 100, 50, frame, [])).toMatchObject({ x: 100, y: 50, anchor: "middle" });
    const moved = labelOver("Mali", 100, 50, frame, [{ x0: 90, y0: 45, x1: 110, y1: 55 }]);
    expect(moved.y).not.toBe(50);
  });
});
