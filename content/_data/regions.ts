import type { RegionInput } from "../../src/content/schemas.ts";

// The regions (first-level subdivisions) incidents are placed in, by country. `iso` is the
// ISO 3166-2 code, checked by the build; the name must match the GeoNames gazetteer's, or
// `gazetteer` gives the gazetteer's. Add a region here the first time an incident needs it.
const regions: RegionInput[] = [
  { slug: "mopti", name: "Mopti", nameFr: "Mopti", country: "mali", iso: "ML-5" },
  { slug: "segou", name: "Ségou", nameFr: "Ségou", country: "mali", iso: "ML-4" },
  { slug: "gao", name: "Gao", nameFr: "Gao", country: "mali", iso: "ML-7" },
  { slug: "menaka", name: "Ménaka", nameFr: "Ménaka", country: "mali", iso: "ML-9" },
  { slug: "kidal", name: "Kidal", nameFr: "Kidal", country: "mali", iso: "ML-8" },
  { slug: "tombouctou", name: "Timbuktu", nameFr: "Tombouctou", country: "mali", iso: "ML-6" },
  { slug: "bamako", name: "Bamako", nameFr: "Bamako", country: "mali", iso: "ML-BKO" },
  { slug: "sahel-region", name: "Sahel (Burkina Faso)", nameFr: "Sahel (Burkina Faso)", country: "burkina-faso", iso: "BF-12", gazetteer: "Sahel" },
  { slug: "nord", name: "Nord (Burkina Faso)", nameFr: "Nord (Burkina Faso)", country: "burkina-faso", iso: "BF-10", gazetteer: "Nord" },
  { slug: "centre-nord", name: "Centre-Nord", nameFr: "Centre-Nord", country: "burkina-faso", iso: "BF-05" },
  { slug: "est", name: "Est (Burkina Faso)", nameFr: "Est (Burkina Faso)", country: "burkina-faso", iso: "BF-08", gazetteer: "Est" },
  { slug: "tillaberi", name: "Tillabéri", nameFr: "Tillabéri", country: "niger", iso: "NE-6" },
  { slug: "diffa", name: "Diffa", nameFr: "Diffa", country: "niger", iso: "NE-2" },
  { slug: "tahoua", name: "Tahoua", nameFr: "Tahoua", country: "niger", iso: "NE-5" },
  { slug: "lac", name: "Lac", nameFr: "Lac", country: "chad", iso: "TD-LC", isoName: "Al Buḩayrah" },
  { slug: "mayo-kebbi-est", name: "Mayo-Kebbi Est", nameFr: "Mayo-Kebbi Est", country: "chad", iso: "TD-ME", isoName: "Māyū Kībbī ash Sharqī" },
  { slug: "borno", name: "Borno", nameFr: "Borno", country: "nigeria", iso: "NG-BO" },
];

export default regions;
