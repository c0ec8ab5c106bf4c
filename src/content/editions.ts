// What the digest's languages need, checked once when the content is read: a message catalogue
// with every word for each edition, and the translated texts an edition cannot do without.
// Languages are data: site.ts lists the editions (and `namesAlsoIn`), the catalogues are files
// (src/core/messages/catalogue.ts), and every translatable text of the data files is the entry's
// own, in the digest's language, with its `translations` by language beside it. Nothing here
// knows any language by name.
import path from "node:path";
import type { Actor, Country, Region, Site, Theme } from "./schemas.ts";
import { catalogueLanguage, missingMessages, readCatalogues, SHIPPED_MESSAGES, type Catalogue, type Catalogues } from "../core/messages/catalogue.ts";
import type { Problem } from "../core/problems.ts";
import { COLLECTIONS, MESSAGES_FOLDER } from "./collections.ts";

/**
 * The message catalogues a site can use: the project's (messages/), and the site's own
 * (content/_messages/<language>.json), which adds a language or replaces the project's of the same one.
 */
export function siteCatalogues(root: string): Catalogues {
  const shipped = path.relative(root, SHIPPED_MESSAGES);
  return readCatalogues([
    { path: SHIPPED_MESSAGES, shown: shipped.startsWith("..") || path.isAbsolute(shipped) ? SHIPPED_MESSAGES : shipped },
    { path: path.join(root, MESSAGES_FOLDER), shown: MESSAGES_FOLDER },
  ]);
}

/** Every edition's language, the default's first: what the catalogues must serve. */
function editionLanguages(site: Site): string[] {
  return [site.language, ...site.editions.map((e) => e.language)];
}

/**
 * What site.ts's languages cannot be: one without a message catalogue or whose catalogue lacks
 * a word the default edition's has, the same twice, or an edition without the notice the site
 * gives.
 */
export function editionProblems(site: Site, catalogues: ReadonlyMap<string, Catalogue>): Problem[] {
  const file = COLLECTIONS.site.file;
  const problems: Problem[] = [];
  const known = [...catalogues.keys()].sort().join(", ");
  const noCatalogue = (field: string, language: string): Problem => ({
    file,
    field,
    message: `has no message catalogue (${catalogueLanguage(language)}.json in messages/ or ${MESSAGES_FOLDER}/); the catalogues found are: ${known || "none"}`,
    value: language,
  });
  const reference = catalogues.get(catalogueLanguage(site.language));
  if (!reference) problems.push(noCatalogue("language", site.language));
  const seen = new Set([site.language]);
  site.editions.forEach((edition, i) => {
    const field = `editions[${i}].language`;
    if (seen.has(edition.language)) problems.push({ file, field, message: "is already an edition of the digest", value: edition.language });
    else if (!catalogues.has(catalogueLanguage(edition.language))) problems.push(noCatalogue(field, edition.language));
    seen.add(edition.language);
    // The notice (a sample edition, an embargo, a correction) is one every reader must read.
    if (site.notice && !edition.notice) {
      problems.push({ file, field: `editions[${i}].notice`, message: `is missing: site.ts has a notice, which every edition shows in its own language` });
    }
  });
  // Each catalogue once, however many editions read it ("en" and "en-GB").
  if (reference) {
    const checked = new Set([catalogueLanguage(site.language)]);
    for (const language of editionLanguages(site)) {
      if (checked.has(catalogueLanguage(language))) continue;
      checked.add(catalogueLanguage(language));
      const missing = missingMessages(catalogues, reference, language);
      if (missing) problems.push(missing);
    }
  }
  return problems;
}

/** The data files' translatable entries, as the loader read them. */
export interface TranslatableData {
  readonly site: Site;
  readonly countries: readonly Country[];
  readonly regions: readonly Region[];
  readonly actors: readonly Actor[];
  readonly themes: readonly Theme[];
}

/**
 * The names an edition needs and the data files lack, each a problem that names its file, entry
 * and field. (Translations in a language that is no edition are let be: a language may be
 * prepared before its edition is listed, or kept after.) Every edition without fallback
 * languages names every region, actor and theme in its language, and every country the
 * platform's CLDR data cannot name (one without an ISO code); a language of `namesAlsoIn` every
 * country and region.
 * Descriptions, profiles and reasons may wait: an edition shows them as written, marked.
 */
export function missingTranslations(data: TranslatableData): Problem[] {
  const { site } = data;
  // An edition with fallback languages shows a missing name in one of them (or as written),
  // as it does a missing text: it needs none.
  const editions = site.editions.filter((e) => !e.fallback.length).map((e) => e.language).filter((l) => l !== site.language);
  const namesAlso = site.namesAlsoIn.filter((l) => l !== site.language);
  const problems: Problem[] = [];
  const missingName = (file: string, slug: string, language: string, why: string): Problem => ({
    file,
    field: `${slug}.translations.${language}.name`,
    message: `is missing: ${why}`,
  });
  const placeLanguages = [...new Set([...editions, ...namesAlso])];
  for (const language of placeLanguages) {
    const why = editions.includes(language)
      ? `the digest has an edition in ${language} (site.ts editions), which names every country and region in its language`
      : `site.ts namesAlsoIn lists ${language}, in which every country and region is named too`;
    // A country with an ISO code is named by the platform's CLDR data in an edition's language.
    const cldr = editions.includes(language) && !namesAlso.includes(language);
    for (const c of data.countries) if (c.translations[language]?.name === undefined && !(cldr && c.iso)) problems.push(missingName(COLLECTIONS.countries.file, c.slug, language, why));
    for (const r of data.regions) if (r.translations[language]?.name === undefined) problems.push(missingName(COLLECTIONS.regions.file, r.slug, language, why));
  }
  for (const language of editions) {
    const why = `the digest has an edition in ${language} (site.ts editions), which names every actor and theme in its language`;
    for (const a of data.actors) if (a.translations[language]?.name === undefined) problems.push(missingName(COLLECTIONS.actors.file, a.slug, language, why));
    for (const t of data.themes) if (t.translations[language]?.name === undefined) problems.push(missingName(COLLECTIONS.themes.file, t.slug, language, why));
  }
  return problems;
}
