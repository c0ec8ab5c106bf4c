// Incidents drawn on a map: one mark per incident with coordinates, its type told by shape as
// well as colour, so the map holds in greyscale and for colour-blind readers. Each map has a
// table of the same incidents beside it; the marks add where, not what.
import type { RegionMap } from "../map.ts";
import type { IncidentType } from "../../content/typology.ts";
import { INCIDENT_TYPES, typeLabel } from "../../content/typology.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";

export interface Mark {
  readonly type: IncidentType;
  /** SVG path data of the symbol at its place. */
  readonly d: string;
  /** "Battles: Boulikessi, 30 October 2020". */
  readonly title: string;
  /** Near the place drawn, not at it: drawn hollow, with a dashed outline. */
  readonly near: boolean;
}

export interface MarkedIncident {
  readonly type: IncidentType;
  readonly coordinates?: readonly [number, number];
  readonly placePrecision: "place" | "near" | "region" | "country";
  readonly title: string;
}

/**
 * The marks of the incidents that have coordinates inside the map's frame, oldest drawn first.
 * Only a known place gets a point: one near a place is marked as such, and one known only to
 * its region or country is never drawn at the region's centre as if it were a place.
 */
export function marksOn(map: RegionMap, incidents: readonly MarkedIncident[], size = 5): Mark[] {
  const marks: Mark[] = [];
  for (const incident of incidents) {
    if (!incident.coordinates || (incident.placePrecision !== "place" && incident.placePrecision !== "near")) continue;
    const point = map.project(incident.coordinates[0], incident.coordinates[1]);
    if (!point) continue;
    marks.push({ type: incident.type, d: symbol(incident.type, point.x, point.y, size), title: incident.title, near: incident.placePrecision === "near" });
  }
  return marks;
}

/** The legend: every type, with its symbol drawn in a 14 × 14 box. */
export function markLegend(words: Catalogue): { type: IncidentType; label: string; d: string }[] {
  return INCIDENT_TYPES.map((type) => ({ type, label: typeLabel(type, words), d: symbol(type, 7, 7, 5) }));
}

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A closed path: circle, triangle, square, diamond, cross, star by type. */
function symbol(type: IncidentType, x: number, y: number, s: number): string {
  const p = (points: readonly (readonly [number, number])[]) => `M${points.map(([dx, dy]) => `${r1(x + dx)} ${r1(y + dy)}`).join("L")}Z`;
  switch (type) {
    case "battles":
      return `M${r1(x - s)} ${r1(y)}a${s} ${s} 0 1 0 ${2 * s} 0a${s} ${s} 0 1 0 ${-2 * s} 0Z`;
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
    case "strategic-developments": {
      const points: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        const radius = i % 2 === 0 ? s * 1.2 : s * 0.5;
        points.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
      }
      return p(points);
    }
  }
}
