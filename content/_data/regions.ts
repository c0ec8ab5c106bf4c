import type { RegionInput } from "../../src/content/schemas.ts";

// The regions (first-level subdivisions) incidents are placed in, by country. `iso` is the
// ISO 3166-2 code, checked by the build; the name must match the GeoNames gazetteer's, or
// `gazetteer` gives the gazetteer's. Add a region here the first time an incident needs it.
const regions: RegionInput[] = [
  { slug: "mopti", name: "Mopti", country: "mali", iso: "ML-5", translations: { fr: { name: "Mopti" } } },
  { slug: "segou", name: "Ségou", country: "mali", iso: "ML-4", translations: { fr: { name: "Ségou" } } },
  { slug: "gao", name: "Gao", country: "mali", iso: "ML-7", translations: { fr: { name: "Gao" } } },
  { slug: "menaka", name: "Ménaka", country: "mali", iso: "ML-9", translations: { fr: { name: "Ménaka" } } },
  { slug: "kidal", name: "Kidal", country: "mali", iso: "ML-8", translations: { fr: { name: "Kidal" } } },
  { slug: "tombouctou", name: "Timbuktu", country: "mali", iso: "ML-6", translations: { fr: { name: "Tombouctou" } } },
  { slug: "bamako", name: "Bamako", country: "mali", iso: "ML-BKO", translations: { fr: { name: "Bamako" } } },
  { slug: "sahel-region", name: "Sahel (Burkina Faso)", country: "burkina-faso", iso: "BF-12", gazetteer: "Sahel", translations: { fr: { name: "Sahel (Burkina Faso)" } } },
  { slug: "nord", name: "Nord (Burkina Faso)", country: "burkina-faso", iso: "BF-10", gazetteer: "Nord", translations: { fr: { name: "Nord (Burkina Faso)" } } },
  { slug: "centre-nord", name: "Centre-Nord", country: "burkina-faso", iso: "BF-05", translations: { fr: { name: "Centre-Nord" } } },
  { slug: "est", name: "Est (Burkina Faso)", country: "burkina-faso", iso: "BF-08", gazetteer: "Est", translations: { fr: { name: "Est (Burkina Faso)" } } },
  { slug: "tillaberi", name: "Tillabéri", country: "niger", iso: "NE-6", translations: { fr: { name: "Tillabéri" } } },
  { slug: "diffa", name: "Diffa", country: "niger", iso: "NE-2", translations: { fr: { name: "Diffa" } } },
  { slug: "tahoua", name: "Tahoua", country: "niger", iso: "NE-5", translations: { fr: { name: "Tahoua" } } },
  { slug: "lac", name: "Lac", country: "chad", iso: "TD-LC", isoName: "Al Buḩayrah", translations: { fr: { name: "Lac" } } },
  { slug: "mayo-kebbi-est", name: "Mayo-Kebbi Est", country: "chad", iso: "TD-ME", isoName: "Māyū Kībbī ash Sharqī", translations: { fr: { name: "Mayo-Kebbi Est" } } },
  { slug: "borno", name: "Borno", country: "nigeria", iso: "NG-BO", translations: { fr: { name: "Borno" } } },
];

export default regions;
