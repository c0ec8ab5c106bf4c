// ISO 3166-2 first-level subdivisions (regions, provinces, wilayas), from wooorm's iso-3166
// package: what a region in regions.ts is checked against.
import { iso31662 } from "iso-3166";

export interface Subdivision {
  /** "ML-4" */
  readonly code: string;
  /** As ISO 3166-2 writes it, which may be a transliteration: "Ségou", "Waddāy". */
  readonly name: string;
}

let byCountry: Map<string, Subdivision[]> | undefined;

/** The first-level subdivisions of a country (ISO 3166-1 alpha-2), in code order. */
export function subdivisionsOf(countryIso: string): readonly Subdivision[] {
  if (!byCountry) {
    byCountry = new Map();
    // A first-level subdivision's parent is the country itself; provinces inside a region
    // (Burkina Faso's, for one) name the region as their parent.
    for (const entry of iso31662) {
      if (entry.parent !== entry.code.slice(0, 2)) continue;
      const list = byCountry.get(entry.parent) ?? [];
      list.push({ code: entry.code, name: entry.name });
      byCountry.set(entry.parent, list);
    }
    for (const list of byCountry.values()) list.sort((a, b) => a.code.localeCompare(b.code, "und", { numeric: true }));
  }
  return byCountry.get(countryIso) ?? [];
}
