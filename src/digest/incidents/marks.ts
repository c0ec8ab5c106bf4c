// Incidents drawn on a map. Only a known place gets a mark: one near a place is drawn hollow with
// a dashed halo; one known only to its region or country is never drawn at the region's centre
// as if it were a place, but counted, by region, in the line under the map. Incidents at one
// place share one mark with their count written beside it. The type shows in the mark's shape
// as well as its colour (a place with several types gets a mark of its own, the table telling
// them), so the map holds in greyscale. The main places are named, placed so that no name
// covers another, a mark or a country's name (labels.ts).
import type { RegionMap } from "../map.ts";
import type { IncidentType } from "../../content/typology.ts";
import { INCIDENT_TYPES, typeLabel } from "../../content/typology.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { labelBeside, labelOver, MAP_TEXT_UNITS, textBox, type Box, type PlacedText } from "./labels.ts";

export type MarkType = IncidentType | "mixed";

export interface Mark {
  readonly type: MarkType;
  /** SVG path data of the symbol at its place. */
  readonly d: string;
  /** "Battles: Boulikessi, 30 October 2020", every incident's, one per line. */
  readonly title: string;
  /** Near the place drawn, not at it: drawn hollow, with a dashed halo. */
  readonly near: boolean;
  /** How many incidents the mark stands for. */
  readonly count: number;
  /** Where the count is written, for a mark of several incidents. */
  readonly countAt?: { readonly x: number; readonly y: number };
  /** The halo of a mark near a place: a circle's path. */
  readonly halo?: string;
}

export interface MarkedIncident {
  readonly type: IncidentType;
  readonly coordinates?: readonly [number, number];
  readonly placePrecision: "place" | "near" | "region" | "country";
  readonly place?: string;
  readonly region?: { readonly name: string };
  readonly title: string;
}

/** A map's marks, its labels, and what it could not draw. */
export interface MapMarks {
  readonly marks: readonly Mark[];
  /** The main places, named beside their marks. */
  readonly placeLabels: readonly PlacedText[];
  /** The digest's countries' names by slug, moved off the marks (the issue's map). */
  readonly countryLabels: Readonly<Record<string, PlacedText>>;
  /** How many incidents the marks stand for. */
  readonly drawn: number;
  /** How many are not drawn, and why in words ("3 incidents not drawn: …"); none when all are. */
  readonly notDrawn: number;
  readonly notDrawnText?: string;
}

/** A mark's half-size in the map's units: about 6 px across on a 320 px phone. */
const SIZE = 5;
/** Marks closer than this (map units) are at one place. */
const COINCIDENT = 2;
/** At most this many places are named: the main ones, by their number of incidents. */
const MAX_PLACE_LABELS = 8;

interface Group {
  x: number;
  y: number;
  near: boolean;
  place?: string;
  incidents: MarkedIncident[];
}

const hasPoint = (i: MarkedIncident) => Boolean(i.coordinates) && (i.placePrecision === "place" || i.placePrecision === "near");

/**
 * The marks of the incidents with a known place inside the map's frame, one per place, oldest
 * drawn first; the labels of the main places and of the countries in `countries` (slug → name at
 * its centre); and the line that counts the incidents not drawn.
 */
export function mapMarks(map: RegionMap, incidents: readonly MarkedIncident[], words: Catalogue, countries: readonly { slug: string; name: string; x: number; y: number }[] = []): MapMarks {
  const groups: Group[] = [];
  const noPoint: MarkedIncident[] = [];
  // Known to a place, but beyond the frame the map was fitted to (a neighbour's town): counted apart.
  const outside = new Set<MarkedIncident>();
  for (const incident of incidents) {
    if (!hasPoint(incident)) {
      noPoint.push(incident);
      continue;
    }
    const point = map.project(incident.coordinates![0], incident.coordinates![1]);
    if (!point) {
      noPoint.push(incident);
      outside.add(incident);
      continue;
    }
    const near = incident.placePrecision === "near";
    const same = groups.find((g) => g.near === near && Math.hypot(g.x - point.x, g.y - point.y) < COINCIDENT);
    if (same) same.incidents.push(incident);
    else groups.push({ x: point.x, y: point.y, near, ...(incident.place ? { place: incident.place } : {}), incidents: [incident] });
  }
  // A mark near a place that falls on a mark at it is set beside it, below and to the right.
  for (const group of groups) {
    if (group.near && groups.some((g) => !g.near && Math.hypot(g.x - group.x, g.y - group.y) < 2 * SIZE)) {
      group.x = r1(group.x + 2 * SIZE);
      group.y = r1(group.y + 2 * SIZE);
    }
  }

  const taken: Box[] = [];
  const marks: Mark[] = groups.map((group) => {
    const types = [...new Set(group.incidents.map((i) => i.type))];
    const type: MarkType = types.length === 1 ? types[0]! : "mixed";
    const count = group.incidents.length;
    const reach = group.near ? SIZE * 1.8 : SIZE * 1.3;
    taken.push({ x0: group.x - reach, y0: group.y - reach, x1: group.x + reach, y1: group.y + reach });
    const countAt = count > 1 ? { x: r1(group.x + reach + 1), y: r1(group.y - reach) } : undefined;
    if (countAt) taken.push(textBox(String(count), countAt.x, countAt.y, "start"));
    return {
      type,
      d: symbol(type, group.x, group.y, SIZE),
      title: group.incidents.map((i) => i.title).join("\n"),
      near: group.near,
      count,
      ...(countAt ? { countAt } : {}),
      ...(group.near ? { halo: circle(group.x, group.y, SIZE * 1.8) } : {}),
    };
  });

  const countryLabels: Record<string, PlacedText> = {};
  for (const country of countries) countryLabels[country.slug] = labelOver(country.name, country.x, country.y, map, taken);

  // The main places: most incidents first, then by name, so the choice is the same every build.
  const named = groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.place)
    .sort((a, b) => b.group.incidents.length - a.group.incidents.length || a.group.place!.localeCompare(b.group.place!, words.language) || a.index - b.index);
  const placeLabels: PlacedText[] = [];
  const labelled = new Set<string>();
  for (const { group } of named) {
    if (placeLabels.length >= MAX_PLACE_LABELS || labelled.has(group.place!)) continue;
    const countWidth = group.incidents.length > 1 ? String(group.incidents.length).length * MAP_TEXT_UNITS * 0.6 + 1 : 0;
    const label = labelBeside(group.place!, group.x, group.y, (group.near ? SIZE * 1.8 : SIZE * 1.3) + countWidth, map, taken);
    if (label) {
      placeLabels.push(label);
      labelled.add(group.place!);
    }
  }

  const drawn = groups.reduce((sum, g) => sum + g.incidents.length, 0);
  return { marks, placeLabels, countryLabels, drawn, notDrawn: noPoint.length, ...(noPoint.length ? { notDrawnText: notDrawnText(noPoint, outside, words) } : {}) };
}

/** "4 incidents not drawn: 2 known only to their region (Mopti 1, Ménaka 1); 1 known only to the country; 1 outside the map (Niamey 1)." */
function notDrawnText(incidents: readonly MarkedIncident[], outside: ReadonlySet<MarkedIncident>, words: Catalogue): string {
  const byRegion = new Map<string, number>();
  let country = 0;
  const elsewhere = new Map<string, number>();
  const beyond = new Map<string, number>();
  const add = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const incident of incidents) {
    // A place with no region is still a place: only the precision says "known only to the country".
    const name = incident.place ?? incident.region?.name;
    if (incident.placePrecision === "country") country++;
    else if (incident.placePrecision === "region") {
      if (incident.region) add(byRegion, incident.region.name);
      else country++;
    } else add(outside.has(incident) ? beyond : elsewhere, name ?? "");
  }
  // A place without a name is counted, never listed under an empty name.
  const tally = (counts: Map<string, number>) =>
    [...counts]
      .filter(([name]) => name)
      .sort(([a], [b]) => a.localeCompare(b, words.language))
      .map(([name, n]) => words.t("map.notDrawnPlace", { name, count: n }))
      .join(", ");
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const reasons = [
    ...(byRegion.size ? [words.t("map.notDrawnRegion", { count: sum(byRegion), regions: tally(byRegion) })] : []),
    ...(country ? [words.t("map.notDrawnCountry", { count: country })] : []),
    ...(elsewhere.size ? [words.t("map.notDrawnNoPoint", { count: sum(elsewhere), places: tally(elsewhere) })] : []),
    ...(beyond.size ? [words.t("map.notDrawnOutside", { count: sum(beyond), places: tally(beyond) })] : []),
  ];
  return words.t("map.notDrawn", { count: incidents.length, reasons: reasons.join(words.t("map.notDrawnSeparator")) });
}

/** The legend: every type, with its symbol drawn in a 14 × 14 box, and the mark of several types at one place. */
export function markLegend(words: Catalogue): { type: MarkType; label: string; d: string }[] {
  return [
    ...INCIDENT_TYPES.map((type) => ({ type, label: typeLabel(type, words), d: symbol(type, 7, 7, 5) })),
    { type: "mixed" as const, label: words.t("map.mixedMark"), d: symbol("mixed", 7, 7, 5) },
  ];
}

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

function circle(x: number, y: number, r: number): string {
  return `M${r1(x - r)} ${r1(y)}a${r1(r)} ${r1(r)} 0 1 0 ${r1(2 * r)} 0a${r1(r)} ${r1(r)} 0 1 0 ${r1(-2 * r)} 0Z`;
}

/** A closed path: circle, triangle, square, diamond, cross, star by type; a hexagon for several types. */
function symbol(type: MarkType, x: number, y: number, s: number): string {
  const p = (points: readonly (readonly [number, number])[]) => `M${points.map(([dx, dy]) => `${r1(x + dx)} ${r1(y + dy)}`).join("L")}Z`;
  const polygon = (corners: number, radius: (i: number) => number, turn = -Math.PI / 2) => {
    const points: [number, number][] = [];
    for (let i = 0; i < corners; i++) {
      const angle = ((2 * Math.PI) / corners) * i + turn;
      points.push([Math.cos(angle) * radius(i), Math.sin(angle) * radius(i)]);
    }
    return p(points);
  };
  switch (type) {
    case "battles":
      return circle(x, y, s);
    case "explosions-remote-violence":
      return p([[0, -s * 1.15], [s * 1.1, s * 0.85], [-s * 1.1, s * 0.85]]);
    case "violence-against-civilians":
      return p([[-s * 0.9, -s * 0.9], [s * 0.9, -s * 0.9], [s * 0.9, s * 0.9], [-s * 0.9, s * 0.9]]);
    case "protests":
      return p([[0, -s * 1.2], [s * 1.2, 0], [0, s * 1.2], [-s * 1.2, 0]]);
    case "riots": {
      const a = s * 0.35;
      return p([[-a, -s], [a, -s], [a, -a], [s, -a], [s, a], [a, a], [a, s], [-a, s], [-a, a], [-s, a], [-s, -a], [-a, -a]]);
    }
    case "strategic-developments":
      return polygon(10, (i) => (i % 2 === 0 ? s * 1.2 : s * 0.5));
    case "mixed":
      return polygon(6, () => s * 1.1, 0);
  }
}
