// The regional map, drawn once per build as SVG paths from Natural Earth's 1:110m country
// shapes (npm world-atlas), projected with d3-geo: no tiles, no script, no other host. The
// digest's countries are fitted into the frame; their neighbours are drawn, clipped, for context.
import { geoBounds, geoCentroid, geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import { featureOf, world, type CountryFeature } from "../content/places/world.ts";
import { labelOver, type Box } from "./incidents/labels.ts";
import { Remembered } from "../core/remembered.ts";

export interface MapShape {
  /** ISO 3166 numeric code, as Natural Earth gives it. */
  readonly id: string;
  readonly name: string;
  /** SVG path data. */
  readonly d: string;
  /** Set for the digest's own countries, which the map links and shades. */
  readonly slug?: string;
  readonly path?: string;
  readonly label?: { readonly x: number; readonly y: number };
}

export interface RegionMap {
  readonly width: number;
  readonly height: number;
  /** Neighbours first, so the digest's countries are drawn on top. */
  readonly shapes: readonly MapShape[];
  /** Where a point falls on this map; undefined outside its frame. */
  readonly project: (latitude: number, longitude: number) => { x: number; y: number } | undefined;
}

export interface MappedCountry {
  readonly slug: string;
  readonly name: string;
  /** The country's page. */
  readonly path: string;
  readonly iso?: string;
}

/** Each shape's bounds: the same for every map, and asked of every shape for every map drawn. */
const boundsOf = new WeakMap<CountryFeature, ReturnType<typeof geoBounds>>();
function bounds(feature: CountryFeature): ReturnType<typeof geoBounds> {
  let found = boundsOf.get(feature);
  if (!found) boundsOf.set(feature, (found = geoBounds(feature)));
  return found;
}

/**
 * Maps drawn, by what they are drawn from: each edition draws the same countries' maps, and a
 * process that builds again (the preview, the tests) the same ones as its last build.
 */
/** Every map of a few digests (one a country, one a region an edition). */
const drawn = new Remembered<RegionMap | undefined>(300);

/** Undefined when none of the countries has an ISO code found in Natural Earth. */
export function regionMap(countries: readonly MappedCountry[], width = 480): RegionMap | undefined {
  const key = JSON.stringify([width, countries.map((c) => [c.slug, c.name, c.path, c.iso])]);
  return drawn.get(key, () => draw(countries, width));
}

function draw(countries: readonly MappedCountry[], width: number): RegionMap | undefined {
  const features = world();
  const bySlug = new Map<string, CountryFeature>();
  for (const country of countries) {
    const found = country.iso ? featureOf(country.iso) : undefined;
    if (found) bySlug.set(country.slug, found);
  }
  if (bySlug.size === 0) return undefined;

  const focus: FeatureCollection = { type: "FeatureCollection", features: [...bySlug.values()] };
  const padding = 12;
  const projection = geoMercator().fitWidth(width - 2 * padding, focus);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(focus);
  const height = Math.ceil(y1 - y0 + 2 * padding);
  projection.translate([projection.translate()[0] - x0 + padding, projection.translate()[1] - y0 + padding]);
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(1);

  // Neighbours: every country whose bounding box meets the frame's.
  const [[west, south], [east, north]] = geoBounds(focus);
  const margin = 4;
  const inFrame = (f: CountryFeature) => {
    const [[w, s], [e, n]] = bounds(f);
    return e >= west - margin && w <= east + margin && n >= south - margin && s <= north + margin;
  };
  const focused = new Set(bySlug.values());
  const neighbours: MapShape[] = features
    .filter((f) => !focused.has(f) && inFrame(f))
    .map((f) => ({ id: String(f.id), name: f.properties.name, d: path(f) ?? "" }))
    .filter((shape) => shape.d !== "");
  // Each name at its country's centre, moved inside the frame and off the names before it.
  const taken: Box[] = [];
  const own: MapShape[] = countries.flatMap((country) => {
    const f = bySlug.get(country.slug);
    if (!f) return [];
    const [x, y] = projection(geoCentroid(f)) ?? [Number.NaN, Number.NaN];
    const label = labelOver(country.name, Math.round(x), Math.round(y), { width, height }, taken);
    return [{ id: String(f.id), name: country.name, d: path(f) ?? "", slug: country.slug, path: country.path, label: { x: label.x, y: label.y } }];
  });
  const project = (latitude: number, longitude: number) => {
    const point = projection([longitude, latitude]);
    if (!point || point[0] < 0 || point[1] < 0 || point[0] > width || point[1] > height) return undefined;
    return { x: Math.round(point[0] * 10) / 10, y: Math.round(point[1] * 10) / 10 };
  };
  // `project` follows from the countries the shapes were fitted to: not enumerable, so the map as
  // data (a page's key, src/pages/page-key.ts; JSON) is its size and shapes.
  return Object.defineProperty({ width, height, shapes: [...neighbours, ...own] }, "project", { value: project, enumerable: false }) as unknown as RegionMap;
}
