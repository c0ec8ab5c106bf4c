// The open data's incidents for GIS tools: GeoJSON (RFC 7946) and KML, all of them or one
// country's. A point only for an incident whose place is known (the place itself, or near a
// named place); the others keep a null geometry in GeoJSON and are left out of the KML, their
// number said in its description: never placed at an invented spot (a region's centre).
// The KML is written by @placemarkio/tokml from the same features, so its XML escaping is the
// converter's. Nothing here depends on the clock: the same content gives the same bytes.
import { foldersToKML } from "@placemarkio/tokml";
import type { IncidentRecord, OpenDataRows } from "../digest/open-data.ts";
import { OPEN_DATA_LICENCE } from "./open-data.ts";

/** Five decimals of a degree: about a metre, finer than any place the sources name. */
const DECIMALS = 5;

/** The columns the geometry carries, not repeated as properties. */
const IN_GEOMETRY = new Set(["latitude", "longitude"]);

interface Point {
  readonly type: "Point";
  readonly coordinates: [number, number];
}

export interface IncidentFeature {
  readonly type: "Feature";
  readonly id: string;
  readonly geometry: Point | null;
  readonly properties: Readonly<Record<string, string | number | boolean | null>>;
}

const rounded = (degrees: number) => Number(degrees.toFixed(DECIMALS));

/** The incident's point, [longitude, latitude] as RFC 7946 orders them, when its place is known. */
function point(record: IncidentRecord): Point | null {
  const known = record.place_precision === "place" || record.place_precision === "near";
  const { latitude, longitude } = record;
  if (!known || typeof latitude !== "number" || typeof longitude !== "number") return null;
  return { type: "Point", coordinates: [rounded(longitude), rounded(latitude)] };
}

/**
 * The last scope's features: the data page of a folder weighs its files in order, so its
 * GeoJSON and KML are made one after the other from the same features. One scope's only, in
 * the whole build (not one for each issue's rows): every incident's feature held to the end
 * would be a second copy of the open data. Its rows held weakly, as a finished build drops them.
 */
let lastFeatures: { readonly data: WeakRef<OpenDataRows>; readonly scope: string; readonly features: readonly IncidentFeature[] } | undefined;

/** Every incident (or one country's, or one region's) as a feature, oldest first, its record's fields as properties. */
export function incidentFeatures(data: OpenDataRows, country?: string, region?: string): readonly IncidentFeature[] {
  const scope = `${country ?? ""}\0${region ?? ""}`;
  if (lastFeatures?.data.deref() !== data || lastFeatures.scope !== scope) lastFeatures = { data: new WeakRef(data), scope, features: featuresOf(data, country, region) };
  return lastFeatures.features;
}

function featuresOf(data: OpenDataRows, country?: string, region?: string): IncidentFeature[] {
  return data.incidents(country, region).map((record) => ({
    type: "Feature",
    id: String(record.id),
    geometry: point(record),
    properties: Object.fromEntries(Object.entries(record).filter(([name]) => !IN_GEOMETRY.has(name))),
  }));
}

/** Incidents as an RFC 7946 FeatureCollection; `name` is the title GDAL takes as the layer's. */
export function incidentsGeoJson(data: OpenDataRows, country?: string, title = "", region?: string): string {
  // The licence as a foreign member, which RFC 7946 (section 6.1) allows and GIS tools pass over.
  return `${JSON.stringify({ type: "FeatureCollection", name: title, licence: OPEN_DATA_LICENCE, features: incidentFeatures(data, country, region) }, null, 1)}\n`;
}

/**
 * Incidents as KML: one folder named by the title, whose description says how many incidents
 * have a known place and how many are left out. Each placemark is named by its item's title;
 * its fields are its ExtendedData, the empty ones left out (tokml would write "null").
 */
export function incidentsKml(data: OpenDataRows, country?: string, title = "", region?: string): string {
  const features = incidentFeatures(data, country, region);
  const placed = features.filter((feature) => feature.geometry !== null);
  const description = `${data.words.t("data.kmlDescription", { placed: placed.length, unplaced: features.length - placed.length })} ${data.words.t("data.kmlLicence", { licence: OPEN_DATA_LICENCE.title, url: OPEN_DATA_LICENCE.path })}`;
  const placemarks = placed.map((feature) => ({
    type: "Feature" as const,
    id: feature.id,
    geometry: feature.geometry,
    properties: {
      name: String(feature.properties.item_title ?? feature.id),
      ...Object.fromEntries(Object.entries(feature.properties).filter(([, value]) => value !== null)),
    },
  }));
  const kml = foldersToKML({ type: "root", children: [{ type: "folder", meta: { name: title, description }, children: placemarks }] } as Parameters<typeof foldersToKML>[0]);
  // tokml escapes "&" and "<" in text but not the ">" of "]]>", which XML forbids in text: an
  // editor's title could hold it. No placemark has a description, so the KML has no CDATA
  // section whose end this could be.
  return `${kml.replaceAll("]]>", "]]&gt;")}\n`;
}
