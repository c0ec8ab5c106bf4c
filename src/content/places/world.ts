// The world's countries at 1:110m from Natural Earth (npm world-atlas): what the regional map
// draws (src/digest/map.ts), and what the loader checks a country's ISO code against, so that
// a country the map cannot draw is reported when the content is read.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import isoCountries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type CountryFeature = Feature<Geometry, { name: string }> & { id?: string | number };

let worldCache: CountryFeature[] | undefined;

export function world(): CountryFeature[] {
  if (!worldCache) {
    const file = createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
    const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    worldCache = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features as CountryFeature[];
  }
  return worldCache;
}

/** Whether the map has a shape for the country with this ISO 3166 alpha-2 code. */
export function isMapped(iso: string): boolean {
  return featureOf(iso) !== undefined;
}

export function featureOf(iso: string): CountryFeature | undefined {
  const numeric = isoCountries.alpha2ToNumeric(iso);
  return numeric ? world().find((f) => String(f.id) === numeric) : undefined;
}
