// The open data for GIS and humanitarian tools, from records as the digest makes them: GeoJSON
// checked by a GeoJSON checker (@placemarkio/check-geojson), KML read by a strict XML parser,
// HXL's hashtag row. A point only for a known place, never one made up.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { check, getIssues } from "@placemarkio/check-geojson";
import { SaxesParser } from "saxes";
import { parse } from "csv-parse/sync";
import { Catalogue } from "../../src/core/messages/catalogue.ts";
import type { IncidentRecord, OpenDataRows } from "../../src/digest/open-data.ts";
import { incidentsGeoJson, incidentsKml } from "../../src/pages/geo-data.ts";
import { INCIDENT_COLUMNS, INCIDENT_HXL, incidentsCsv, incidentsHxlCsv } from "../../src/pages/open-data.ts";

const words = new Catalogue("en", JSON.parse(readFileSync("messages/en.json", "utf8")) as Record<string, string>);

function incident(id: string, fields: Partial<Record<string, string | number | null>>): IncidentRecord {
  const record: Record<string, string | number | null> = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c.name, null]));
  return { ...record, id, date: "2020-12-02", date_precision: "day", country: "mali", type: "battles", fatalities_kind: "at-least", fatalities_min: 7, fatalities_max: null, fatalities_words: "at least seven", item_title: "Item", item_url: "https://example.org/a/", source_name: "RFI", accounts: 0, ...fields };
}

const RECORDS: IncidentRecord[] = [
  incident("placed", { place: "Niono", place_precision: "place", latitude: 14.2525631, longitude: -5.9931249 }),
  incident("near", { place: "Djibo", place_precision: "near", latitude: 14.1, longitude: -1.63, country: "burkina-faso" }),
  // Coordinates a region-only incident must never get, even if a row carried some.
  incident("region-only", { place_precision: "region", latitude: 13.5, longitude: 2.1, region: "tillaberi" }),
  incident("country-only", { place_precision: "country" }),
  incident("hostile", { place: "Gao", place_precision: "place", latitude: 16.27, longitude: -0.04, item_title: `Title <&"'> ]]> end`, source_name: "=HYPERLINK(\"x\")" }),
];

const rows = (records: readonly IncidentRecord[] = RECORDS) =>
  ({ words, incidents: (country?: string) => (country ? records.filter((r) => r.country === country) : records) }) as unknown as OpenDataRows;

describe("incidents as GeoJSON", () => {
  const text = incidentsGeoJson(rows(), undefined, "Sahel Digest: incidents");

  it("is a valid RFC 7946 FeatureCollection by a GeoJSON checker, one feature per incident", () => {
    expect(getIssues(text)).toEqual([]);
    const collection = check(text) as GeoJSON.FeatureCollection;
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f) => f.id)).toEqual(["placed", "near", "region-only", "country-only", "hostile"]);
  });

  it("gives a point, longitude first, to five decimals, only to an incident whose place is known", () => {
    const features = (JSON.parse(text) as GeoJSON.FeatureCollection).features;
    expect(features.map((f) => f.geometry)).toEqual([
      { type: "Point", coordinates: [-5.99312, 14.25256] },
      { type: "Point", coordinates: [-1.63, 14.1] },
      null,
      null,
      { type: "Point", coordinates: [-0.04, 16.27] },
    ]);
  });

  it("keeps the incident's fields as properties: dates and their precision, the toll as given, the item and its source", () => {
    const properties = (JSON.parse(text) as GeoJSON.FeatureCollection).features[0]!.properties!;
    expect(properties).toMatchObject({ id: "placed", date: "2020-12-02", date_precision: "day", place_precision: "place", type: "battles", fatalities_kind: "at-least", fatalities_min: 7, fatalities_max: null, fatalities_words: "at least seven", item_url: "https://example.org/a/", source_name: "RFI" });
    expect(properties).not.toHaveProperty("latitude");
  });

  it("is the same bytes for the same records, and one country's holds only its incidents", () => {
    expect(incidentsGeoJson(rows(), undefined, "Sahel Digest: incidents")).toBe(text);
    const burkina = JSON.parse(incidentsGeoJson(rows(), "burkina-faso")) as GeoJSON.FeatureCollection;
    expect(burkina.features.map((f) => f.id)).toEqual(["near"]);
  });
});

/** The KML's elements with their text, read by a strict XML parser (it throws on anything malformed). */
function readXml(xml: string): { name: string; text: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; text: string; attributes: Record<string, string> }[] = [];
  const open: { name: string; text: string; attributes: Record<string, string> }[] = [];
  parser.on("opentag", (tag) => {
    const element = { name: tag.local, text: "", attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, typeof v === "string" ? v : v.value])) };
    open.push(element);
    elements.push(element);
  });
  parser.on("text", (text) => { if (open.length) open[open.length - 1]!.text += text; });
  parser.on("cdata", (text) => { if (open.length) open[open.length - 1]!.text += text; });
  parser.on("closetag", () => open.pop());
  parser.write(xml).close();
  return elements;
}

describe("incidents as KML", () => {
  const title = `Digest <&"'> ]]>`;
  const kml = incidentsKml(rows(), undefined, title);
  const elements = readXml(kml);

  it("is well-formed with any editor text, which reads back as written", () => {
    const names = elements.filter((e) => e.name === "name").map((e) => e.text);
    expect(names).toContain(title);
    expect(names).toContain(`Title <&"'> ]]> end`);
    // A field's value is the element after its Data: the last placemark's source, as written.
    const sources = elements.flatMap((e, i) => (e.name === "Data" && e.attributes.name === "source_name" ? [elements[i + 1]!.text] : []));
    expect(sources).toEqual(["RFI", "RFI", '=HYPERLINK("x")']);
  });

  it("has a placemark for each incident with a known place, and says how many are left out", () => {
    const placemarks = elements.filter((e) => e.name === "Placemark").map((e) => e.attributes.id);
    expect(placemarks).toEqual(["placed", "near", "hostile"]);
    const coordinates = elements.filter((e) => e.name === "coordinates").map((e) => e.text);
    expect(coordinates).toEqual(["-5.99312,14.25256", "-1.63,14.1", "-0.04,16.27"]);
    const description = elements.find((e) => e.name === "description")!.text;
    expect(description).toBe("3 incidents with a known place. 2 incidents known only to their region or country are left out, not placed at an invented spot. Licence: Creative Commons Attribution 4.0 International (https://creativecommons.org/licenses/by/4.0/).");
  });

  it("writes no empty field as the word null", () => {
    expect(kml).not.toContain("<value>null</value>");
  });
});

describe("incidents as HXL-tagged CSV", () => {
  it("is the plain CSV with a row of HXL hashtags right after the header, the formula rule holding", () => {
    const plain = parse(incidentsCsv(rows())) as string[][];
    const tagged = parse(incidentsHxlCsv(rows())) as string[][];
    expect(tagged[0]).toEqual(plain[0]);
    expect(tagged.slice(2)).toEqual(plain.slice(1));
    expect(tagged[1]).toEqual(INCIDENT_COLUMNS.map((c) => INCIDENT_HXL[c.name]));
    const column = (name: string) => plain[0]!.indexOf(name);
    expect(tagged[1]![column("id")]).toBe("#event+code");
    expect(tagged[1]![column("latitude")]).toBe("#geo+lat");
    expect(tagged[1]![column("fatalities_min")]).toBe("#affected+killed+min");
    expect(tagged[6]![column("source_name")]).toBe(`'=HYPERLINK("x")`);
  });

  it("tags every column with a hashtag and attributes of HXL's syntax", () => {
    for (const c of INCIDENT_COLUMNS) expect(INCIDENT_HXL[c.name]).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
  });
});
