import { describe, expect, it } from "vitest";
import { regionMap } from "../../src/digest/map.ts";

const sahel = [
  { slug: "mali", name: "Mali", iso: "ML", path: "/countries/mali/" },
  { slug: "niger", name: "Niger", iso: "NE", path: "/countries/niger/" },
  { slug: "chad", name: "Chad", iso: "TD", path: "/countries/chad/" },
];

describe("regionMap", () => {
  const map = regionMap(sahel, 480)!;

  it("draws a map once for the same countries, and afresh when one is named or linked otherwise", () => {
    expect(regionMap(sahel.map((c) => ({ ...c })), 480)).toBe(map);
    const renamed = regionMap(sahel.map((c) => (c.slug === "chad" ? { ...c, name: "Tchad", path: "/fr/pays/tchad/" } : c)), 480)!;
    expect(renamed).not.toBe(map);
    expect(renamed.shapes.find((s) => s.slug === "chad")).toMatchObject({ name: "Tchad", path: "/fr/pays/tchad/" });
    expect(regionMap(sahel, 360)!.width).toBe(360);
  });

  it("draws each of the digest's countries, linked, with a label inside the frame", () => {
    const own = map.shapes.filter((s) => s.slug);
    expect(own.map((s) => [s.slug, s.id, s.path])).toEqual([["mali", "466", "/countries/mali/"], ["niger", "562", "/countries/niger/"], ["chad", "148", "/countries/chad/"]]);
    for (const shape of own) {
      expect(shape.d).toMatch(/^M[\d.]+,[\d.]+/);
      expect(shape.label!.x).toBeGreaterThan(0);
      expect(shape.label!.x).toBeLessThan(map.width);
      expect(shape.label!.y).toBeGreaterThan(0);
      expect(shape.label!.y).toBeLessThan(map.height);
    }
  });

  it("draws neighbours for context, first, so the digest's countries sit on top", () => {
    const names = map.shapes.map((s) => s.name);
    for (const neighbour of ["Algeria", "Nigeria", "Burkina Faso", "Libya", "Sudan"]) expect(names).toContain(neighbour);
    expect(names).not.toContain("France");
    expect(map.shapes.findIndex((s) => s.slug)).toBe(map.shapes.length - sahel.length);
  });

  it("fits the frame it says it has, with no NaN and short coordinates", () => {
    expect(map.width).toBe(480);
    expect(map.height).toBeGreaterThan(100);
    expect(map.height).toBeLessThan(480);
    const data = map.shapes.map((s) => s.d).join(" ");
    expect(data).not.toMatch(/NaN|Infinity/);
    expect(data).not.toMatch(/\d\.\d\d/);
    const numbers = data.match(/-?[\d.]+/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(480);
  });

  it("has nothing to draw for countries without an ISO code it knows", () => {
    expect(regionMap([{ slug: "sahel", name: "Sahel", path: "/countries/sahel/" }])).toBeUndefined();
  });
});
