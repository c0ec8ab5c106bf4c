// The digest's editions: one per language, the default at the site's root and each other under
// /<language>/ (site.ts `editions`). An edition is the same content in other words: the items
// an editor translated (<slug>.<language>.md) in that language, the rest in their original
// language, marked as such; the names of countries, actors, themes and regions, their
// descriptions and the editors' reasons from each entry's `translations`; every interface word
// from the edition's message catalogue. Nothing here translates anything: it only chooses, for
// each text, the version an editor wrote. What an edition needs was checked when the content
// was read (src/content/editions.ts).
import type { Content, Item, WeeklyFigures, WeeklyNote } from "../content/model.ts";
import type { LanguageName } from "./views.ts";
import { catalogueLanguage, type Catalogue } from "../core/messages/catalogue.ts";

export interface Edition {
  /** As site.ts gives it: "en", "en-GB", "fr". */
  readonly language: string;
  /** The default edition is at the site's root; another under /<language>/. */
  readonly isDefault: boolean;
  /** "" for the default, "fr/" for an edition in "fr": where its pages are below the site's root. */
  readonly folder: string;
  readonly words: Catalogue;
}

/** The editions site.ts asks for, the default first, each with its catalogue (checked by the loader). */
export function editionsOf(content: Pick<Content, "site" | "catalogues">): Edition[] {
  const { site, catalogues } = content;
  const words = (language: string) => {
    const found = catalogues.get(catalogueLanguage(language));
    if (!found) throw new Error(`No message catalogue for the ${language} edition: the loader reports this before a build`);
    return found;
  };
  return [
    { language: site.language, isDefault: true, folder: "", words: words(site.language) },
    ...site.editions.map((e) => ({ language: e.language, isDefault: false, folder: `${e.language}/`, words: words(e.language).inLocale(e.locale) })),
  ];
}

/** Each country's and region's names in the languages of site.ts `namesAlsoIn`, by slug: from the content as written. */
export function namesAlsoIn(content: Content): { countries: ReadonlyMap<string, readonly LanguageName[]>; regions: ReadonlyMap<string, readonly LanguageName[]> } {
  const { site } = content;
  // The loader checked that every country and region has a name in each of these languages.
  const namesOf = (entry: { name: string; translations: Readonly<Record<string, { name?: string }>> }) =>
    site.namesAlsoIn.map((language) => ({ language, name: language === site.language ? entry.name : entry.translations[language]!.name! }));
  return {
    countries: new Map(content.countries.map((c) => [c.slug, namesOf(c)])),
    regions: new Map(content.regions.map((r) => [r.slug, namesOf(r)])),
  };
}

/** Content as the edition shows it: its own site settings and names, and each text in its language where an editor wrote one. */
export function contentFor(content: Content, edition: Edition): Content {
  if (edition.isDefault) return content;
  const { site } = content;
  const settings = site.editions.find((e) => e.language === edition.language)!;
  const language = edition.language;
  // Where this edition has no text of its own: the site's fallback languages for it, in order,
  // then the original's (site.ts `fallback`).
  const fallback = settings.fallback.filter((l) => l !== language && l !== site.language);
  const order = [language, ...fallback];
  // Names an edition needs were checked by the loader: every one is there, or falls back to the
  // platform's CLDR name of the country, or to a fallback language's name, or to the original.
  const cldr = new Intl.DisplayNames([edition.words.locale], { type: "region", fallback: "none" });
  const nameIn = (entry: { name: string; translations: Readonly<Record<string, { name?: string }>> }, iso?: string) => {
    const own = entry.translations[language]?.name ?? (iso ? cldr.of(iso) : undefined);
    if (own !== undefined) return own;
    for (const other of fallback) if (entry.translations[other]?.name !== undefined) return entry.translations[other]!.name!;
    return entry.name;
  };
  const nameOf = (entry: { name: string; translations: Readonly<Record<string, { name?: string }>> }) => nameIn(entry);
  const countryNames = new Map(content.countries.map((c) => [c.slug, nameIn(c, c.iso)]));
  // A text nobody translated is shown in the first fallback language that has it, else as
  // written, and says its language.
  const orOriginal = <F extends string>(entry: { readonly [K in F]: string } & { readonly translations: Readonly<Record<string, { readonly [K in F]?: string }>> }, field: F, marked: string): Record<string, string> => {
    const own = entry.translations[language]?.[field];
    if (own !== undefined) return { [field]: own };
    for (const other of fallback) {
      const text = entry.translations[other]?.[field];
      if (text !== undefined) return { [field]: text, [marked]: other };
    }
    return { [marked]: site.language };
  };
  return {
    ...content,
    site: {
      ...site,
      language,
      title: settings.title ?? site.title,
      description: settings.description,
      ...(settings.notice ? { notice: settings.notice } : {}),
      ...(settings.publisher ? { publisher: settings.publisher } : {}),
      ...(settings.signUp ? { signUp: settings.signUp } : {}),
      url: `${site.url.replace(/\/?$/, "/")}${edition.folder}`,
      ...(site.feedIds ? { feedIds: { ...site.feedIds, path: `${site.feedIds.path}${edition.folder}` } } : {}),
    },
    countries: content.countries.map((c) => ({ ...c, name: countryNames.get(c.slug)!, ...orOriginal(c, "profile", "profileLanguage") })),
    regions: content.regions.map((r) => ({ ...r, name: nameOf(r), countryName: countryNames.get(r.country) ?? r.countryName })),
    actors: content.actors.map((a) => ({ ...a, name: nameOf(a), ...orOriginal(a, "description", "descriptionLanguage") })),
    themes: content.themes.map((t) => ({ ...t, name: nameOf(t), ...orOriginal(t, "description", "descriptionLanguage") })),
    figures: content.figures.map((f): WeeklyFigures => ({
      ...f,
      ...orOriginal(f, "reason", "reasonLanguage"),
      alerts: f.alerts.map((a) => ({ ...a, ...orOriginal(a, "reason", "reasonLanguage") })),
    })),
    items: content.items.map((item) => itemIn(item, order, site.language)),
    notes: content.notes.map((note) => noteIn(note, order, site.language)),
  };
}

/** The first of `order` an entry has a translation in, and that translation. */
function firstTranslation<T>(translations: Readonly<Record<string, T>> | undefined, order: readonly string[]): [string, T] | undefined {
  for (const language of order) {
    const found = translations?.[language];
    if (found) return [language, found];
  }
  return undefined;
}

/**
 * The item in the first language of `order` it was translated into (the edition's, then its
 * fallbacks), or as it was written, with `language` saying which. The same object for the same item.
 */
function itemIn(item: Item, order: readonly string[], original: string): Item {
  return remembered(item, `${order.join(" ")}\0${original}`, () => {
    const found = firstTranslation(item.translations, order);
    if (!found) return { ...item, language: original };
    const [language, translation] = found;
    const { location: _location, fingerprint: _fingerprint, ...rest } = item;
    // Each correction in the translation's words where it gives them, else as written, marked.
    const corrections = item.corrections.map((c, i) => {
      const own = translation.corrections?.[i];
      return own ? { date: c.date, what: own.what, ...(own.toll ?? c.toll ? { toll: own.toll ?? c.toll! } : {}) } : { ...c, language: original };
    });
    // The grade's note in the translation's words where it gives them, else as written, marked.
    const grade = item.grade && (translation.gradeNote !== undefined ? { ...item.grade, note: translation.gradeNote } : { ...item.grade, noteLanguage: original });
    // A draft translation reaches an edition only in the preview, where it is marked as one.
    return {
      ...rest,
      ...(grade ? { grade } : {}),
      title: translation.title,
      summary: translation.summary,
      bodyHtml: translation.bodyHtml,
      corrections,
      ...(translation.location ?? item.location ? { location: translation.location ?? item.location! } : {}),
      draft: item.draft || translation.draft,
      language,
      ...(item.fingerprint && translation.fingerprint ? { fingerprint: `${item.fingerprint}+${translation.fingerprint}` } : {}),
    };
  });
}

function noteIn(note: WeeklyNote, order: readonly string[], original: string): WeeklyNote {
  return remembered(note, `${order.join(" ")}\0${original}`, () => {
    const found = firstTranslation(note.translations, order);
    if (!found) return { ...note, language: original };
    const [language, translation] = found;
    const { fingerprint: _fingerprint, ...rest } = note;
    return { ...rest, headline: translation.headline, leadHtml: translation.leadHtml, language, ...(note.fingerprint && translation.fingerprint ? { fingerprint: `${note.fingerprint}+${translation.fingerprint}` } : {}) };
  });
}

// The preview reuses an unchanged item's object between rebuilds, and the pages made only of
// unchanged views are not written again: so an item's edition is the same object too.
const editionsOfEntry = new WeakMap<object, Map<string, object>>();

/** `make()`, once for an entry and a version: the edition's language and the one it was written in (which site.ts may change). */
function remembered<T extends object>(entry: T, version: string, make: () => T): T {
  let byVersion = editionsOfEntry.get(entry);
  if (!byVersion) editionsOfEntry.set(entry, (byVersion = new Map()));
  let found = byVersion.get(version) as T | undefined;
  if (!found) byVersion.set(version, (found = make()));
  return found;
}
