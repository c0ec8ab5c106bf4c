// The digest's editions: one per language, the default at the site's root and each other under
// /<language>/ (site.ts `editions`). An edition is the same content in other words: the items
// an editor translated (<slug>.fr.md) in that language, the rest in their original language,
// marked as such; the names of countries, actors, themes and regions from the data files'
// French fields; every interface word from the edition's message catalogue. Nothing here
// translates anything: it only chooses, for each text, the version an editor wrote.
import type { Content, Item, WeeklyNote } from "../content/model.ts";
import type { Site } from "../content/schemas.ts";
import { CATALOGUE_LANGUAGES, catalogueOf, isCatalogueLanguage, type Catalogue, type CatalogueLanguage } from "../core/messages/catalogue.ts";
import type { Problem } from "../core/problems.ts";
import { COLLECTIONS } from "../content/collections.ts";

export interface Edition {
  /** As site.ts gives it: "en", "en-GB", "fr". */
  readonly language: string;
  /** The default edition is at the site's root; another under /<language>/. */
  readonly isDefault: boolean;
  /** "" for the default, "fr/" for the French edition: where its pages are below the site's root. */
  readonly folder: string;
  readonly words: Catalogue;
}

/** The editions site.ts asks for, the default first. Call after `editionProblems` found none. */
export function editionsOf(site: Site): Edition[] {
  return [
    { language: site.language, isDefault: true, folder: "", words: catalogueOf(catalogueLanguage(site.language)) },
    ...(site.editions ?? []).map((e) => ({ language: e.language, isDefault: false, folder: `${e.language}/`, words: catalogueOf(catalogueLanguage(e.language)) })),
  ];
}

/** The catalogue a language tag reads: its language alone ("en-GB" reads "en"). */
function catalogueLanguage(tag: string): CatalogueLanguage {
  return tag.split("-")[0]!.toLowerCase() as CatalogueLanguage;
}

/**
 * What site.ts's languages cannot be: one without a message catalogue, the same twice, or a
 * further edition other than French (the data files name things in English and French).
 */
export function editionProblems(site: Site): Problem[] {
  const file = COLLECTIONS.site.file;
  const problems: Problem[] = [];
  if (!isCatalogueLanguage(catalogueLanguage(site.language))) {
    problems.push({ file, field: "language", message: `has no message catalogue (src/core/messages/<language>.json); the digest can be in: ${CATALOGUE_LANGUAGES.join(", ")}`, value: site.language });
  }
  const seen = new Set([site.language]);
  site.editions.forEach((edition, i) => {
    const field = `editions[${i}].language`;
    if (seen.has(edition.language)) problems.push({ file, field, message: "is already an edition of the digest", value: edition.language });
    else if (catalogueLanguage(site.language) !== "en" || edition.language !== "fr") {
      problems.push({ file, field, message: "can only be fr, for a digest written in English: the data files give names in English (name) and French (nameFr)", value: edition.language });
    }
    seen.add(edition.language);
    // The notice (a sample edition, an embargo, a correction) is one every reader must read.
    if (site.notice && !edition.notice) {
      problems.push({ file, field: `editions[${i}].notice`, message: `is missing: site.ts has a notice, which every edition shows in its own language` });
    }
  });
  return problems;
}

/** The names a French edition needs and the data files lack: each one a problem that names it. */
export function missingFrenchNames(content: Pick<Content, "site" | "actors" | "themes">): Problem[] {
  if (!content.site.editions.some((e) => e.language === "fr")) return [];
  const missing = (file: string, slug: string): Problem => ({
    file,
    field: `${slug}.nameFr`,
    message: "is missing: the digest has a French edition (site.ts editions), which names every actor and theme in French",
  });
  return [
    ...content.actors.filter((a) => a.nameFr === undefined).map((a) => missing(COLLECTIONS.actors.file, a.slug)),
    ...content.themes.filter((t) => t.nameFr === undefined).map((t) => missing(COLLECTIONS.themes.file, t.slug)),
  ];
}

/** Content as the edition shows it: its own site settings and names, and each text in its language where an editor wrote one. */
export function contentFor(content: Content, edition: Edition): Content {
  if (edition.isDefault) return content;
  const { site } = content;
  const settings = site.editions.find((e) => e.language === edition.language)!;
  const french = edition.language === "fr";
  const countryNames = new Map(content.countries.map((c) => [c.slug, french ? c.nameFr : c.name]));
  return {
    ...content,
    site: {
      ...site,
      language: edition.language,
      title: settings.title ?? site.title,
      description: settings.description,
      ...(settings.notice ? { notice: settings.notice } : {}),
      url: `${site.url.replace(/\/?$/, "/")}${edition.folder}`,
      ...(site.feedIds ? { feedIds: { ...site.feedIds, path: `${site.feedIds.path}${edition.folder}` } } : {}),
    },
    countries: content.countries.map((c) => ({ ...c, name: countryNames.get(c.slug)!, ...(c.profileFr ? { profile: c.profileFr } : { profileLanguage: site.language }) })),
    regions: content.regions.map((r) => ({ ...r, name: r.nameFr, countryName: countryNames.get(r.country) ?? r.countryName })),
    actors: content.actors.map((a) => ({ ...a, name: a.nameFr ?? a.name, ...(a.descriptionFr ? { description: a.descriptionFr } : { descriptionLanguage: site.language }) })),
    themes: content.themes.map((t) => ({ ...t, name: t.nameFr ?? t.name, ...(t.descriptionFr ? { description: t.descriptionFr } : { descriptionLanguage: site.language }) })),
    items: content.items.map((item) => itemIn(item, edition.language, site.language)),
    notes: content.notes.map((note) => noteIn(note, edition.language, site.language)),
  };
}

/** The item in `language`, or as it was written, with `language` saying which. The same object for the same item. */
function itemIn(item: Item, language: string, original: string): Item {
  return remembered(item, language, () => {
    const translation = item.translations?.[language];
    if (!translation) return { ...item, language: original };
    const { location: _location, fingerprint: _fingerprint, ...rest } = item;
    // A draft translation reaches an edition only in the preview, where it is marked as one.
    return {
      ...rest,
      title: translation.title,
      summary: translation.summary,
      bodyHtml: translation.bodyHtml,
      ...(translation.location ?? item.location ? { location: translation.location ?? item.location! } : {}),
      draft: item.draft || translation.draft,
      language,
      ...(item.fingerprint && translation.fingerprint ? { fingerprint: `${item.fingerprint}+${translation.fingerprint}` } : {}),
    };
  });
}

function noteIn(note: WeeklyNote, language: string, original: string): WeeklyNote {
  return remembered(note, language, () => {
    const translation = note.translations?.[language];
    if (!translation) return { ...note, language: original };
    const { fingerprint: _fingerprint, ...rest } = note;
    return { ...rest, headline: translation.headline, leadHtml: translation.leadHtml, language, ...(note.fingerprint && translation.fingerprint ? { fingerprint: `${note.fingerprint}+${translation.fingerprint}` } : {}) };
  });
}

// The preview reuses an unchanged item's object between rebuilds, and the pages made only of
// unchanged views are not written again: so an item's edition is the same object too.
const editionsOfEntry = new WeakMap<object, Map<string, object>>();

function remembered<T extends object>(entry: T, language: string, make: () => T): T {
  let byLanguage = editionsOfEntry.get(entry);
  if (!byLanguage) editionsOfEntry.set(entry, (byLanguage = new Map()));
  let found = byLanguage.get(language) as T | undefined;
  if (!found) byLanguage.set(language, (found = make()));
  return found;
}
