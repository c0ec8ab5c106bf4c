// The regions incidents are placed in (content/_data/regions.ts), checked against ISO 3166-2
// and matched to the GeoNames gazetteer's own divisions, so that a locality can be checked to
// lie in the region an incident names.
import type { Country, Region } from "../schemas.ts";
import type { PlaceRegion } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { COLLECTIONS } from "../collections.ts";
import { subdivisionsOf } from "../places/subdivisions.ts";
import { gazetteerRegionsOf } from "../places/gazetteer.ts";
import { foldName } from "../places/names.ts";

export type { PlaceRegion } from "../model.ts";

/** What incidents are checked against. */
export interface Places {
  readonly regions: ReadonlyMap<string, PlaceRegion>;
  /** Country slug → the country (a "region" kind such as "Sahel (regional)" has no ISO code). */
  readonly countries: ReadonlyMap<string, Country>;
  /** Changes whenever anything above does: the preview reads every item again then. */
  readonly signature: string;
  /** Whether regions.ts could be read; when not, incidents' regions are not checked. */
  readonly loaded: boolean;
  /** Slugs regions.ts has but could not accept (reported there). */
  readonly rejected: ReadonlySet<string>;
}

const FILE = COLLECTIONS.regions.file;

/** GeoNames writes "Tillabéri Region" where an editor writes "Tillabéri". */
function bareName(name: string): string {
  return foldName(name).replace(/ (region|province|state|wilaya|prefecture)$/, "");
}

export function checkRegions(regions: readonly Region[], countries: readonly Country[], read: { loaded: boolean; slugs: readonly string[] } = { loaded: true, slugs: regions.map((r) => r.slug) }): { places: Places; problems: Problem[] } {
  const problems: Problem[] = [];
  const countryBySlug = new Map(countries.map((c) => [c.slug, c]));
  const placed = new Map<string, PlaceRegion>();
  const seenIso = new Map<string, string>();
  for (const region of regions) {
    const field = (name: string) => `${region.slug}.${name}`;
    const country = countryBySlug.get(region.country);
    if (!country) continue; // reported as an unknown country by the references check
    if (!country.iso) {
      problems.push({ file: FILE, field: field("country"), message: `"${region.country}" is a group of countries, not a country: a region belongs to one country` });
      continue;
    }
    const subdivisions = subdivisionsOf(country.iso);
    const subdivision = subdivisions.find((s) => s.code === region.iso);
    if (!subdivision) {
      const list = subdivisions.map((s) => `${s.code} (${s.name})`).join(", ");
      problems.push({ file: FILE, field: field("iso"), message: `is not a first-level ISO 3166-2 subdivision of ${country.name}; those are: ${list || "none known"}`, value: region.iso });
      continue;
    }
    const names = [region.isoName, region.name, ...translatedNames(region), region.gazetteer].filter((n): n is string => n !== undefined).map(bareName);
    if (!names.includes(bareName(subdivision.name))) {
      problems.push({
        file: FILE,
        field: field("iso"),
        message: `is "${subdivision.name}" in ISO 3166-2, not ${region.name}: check the code, or, where ISO 3166-2 spells the same region otherwise, give its spelling in \`isoName\``,
        value: region.iso,
      });
      continue;
    }
    const earlier = seenIso.get(region.iso);
    if (earlier) {
      problems.push({ file: FILE, field: field("iso"), message: `is already the code of region "${earlier}"`, value: region.iso });
      continue;
    }
    seenIso.set(region.iso, region.slug);
    const divisions = gazetteerRegionsOf(country.iso);
    const ownNames = [region.gazetteer, region.name, ...translatedNames(region)].filter((n): n is string => n !== undefined).map(bareName);
    const division = divisions.find((d) => ownNames.includes(bareName(d.name)));
    if (!division) {
      const list = divisions.map((d) => `"${d.name}"`).join(", ");
      problems.push({
        file: FILE,
        field: field(region.gazetteer ? "gazetteer" : "name"),
        message: `matches none of the GeoNames gazetteer's regions of ${country.name}; give the gazetteer's name in \`gazetteer\`, one of: ${list}`,
        value: region.gazetteer ?? region.name,
      });
      continue;
    }
    placed.set(region.slug, { ...region, countryIso: country.iso, countryName: country.name, admin1: division.code });
  }
  const signature = JSON.stringify([...placed.values()].map((r) => [r.slug, r.country, r.admin1]));
  const rejected = new Set(read.slugs.filter((slug) => !placed.has(slug)));
  return { places: { regions: placed, countries: countryBySlug, signature: JSON.stringify([signature, read.loaded, [...rejected]]), loaded: read.loaded, rejected }, problems };
}

/** A region's names in the digest's other languages: any of them may be how ISO or GeoNames spell it. */
function translatedNames(region: Region): (string | undefined)[] {
  return Object.values(region.translations).map((t) => t.name);
}
