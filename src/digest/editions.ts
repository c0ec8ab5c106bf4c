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
    ...site.editions.map((e) => ({ language: e.language, isDefault: false, folder: `${e.language}/`, words: words(e.language) })),
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
  // Names an edition needs were checked by the loader: every one is there.
  const nameOf = (entry: { name: string; translations: Readonly<Record<string, { name?: string }>> }) => entry.translations[language]?.name ?? entry.name;
  const countryNames = new Map(content.countries.map((c) => [c.slug, nameOf(c)]));
  // A text nobody translated is shown as written, and says its language.
  const orOriginal = <F extends string>(entry: { readonly [K in F]: string } & { readonly translations: Readonly<Record<string, { readonly [K in F]?: string }>> }, field: F, marked: string): Record<string, string> => {
    const own = entry.translations[language]?.[field];
    return own !== undefined ? { [field]: own } : { [marked]: site.language };
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
    items: content.items.map((item) => itemIn(item, language, site.language)),
    notes: content.notes.map((note) => noteIn(note, language, site.language)),
  };
}

/** The item in `language`, or as it was written, with `language` saying which. The same object for the same item. */
function itemIn(item: Item, language: string, original: string): Item {
  return remembered(item, `${language}\0${original}`, () => {
    const translation = item.translations?.[language];
    if (!translation) return { ...item, language: original };
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

function noteIn(note: WeeklyNote, language: string, original: string): WeeklyNote {
  return remembered(note, `${language}\0${original}`, () => {
    const translation = note.translations?.[language];
    if (!translation) return { ...note, language: original };
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
