// Whether a point lies inside a country, against Natural Earth's 1:50m shapes (world-atlas):
// fine enough for a village near a border, small enough to read in a few milliseconds. Used to
// check coordinates an editor gives for a place the gazetteer lacks.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoContains } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import isoCountries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

let shapes: Map<string, Feature<Geometry>> | undefined;

function shapeOf(countryIso: string): Feature<Geometry> | undefined {
  if (!shapes) {
    const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
    const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection }>;
    const all = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features;
    shapes = new Map(all.filter((f) => f.id !== undefined).map((f) => [String(f.id), f]));
  }
  const numeric = isoCountries.alpha2ToNumeric(countryIso);
  return numeric ? shapes.get(numeric) : undefined;
}

/** Undefined when there is no shape for the country to check against. */
export function insideCountry(countryIso: string, latitude: number, longitude: number): boolean | undefined {
  const shape = shapeOf(countryIso);
  return shape ? geoContains(shape, [longitude, latitude]) : undefined;
}
