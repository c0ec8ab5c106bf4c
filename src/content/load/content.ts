// Reads everything under content/, validates it all, and either returns the content of a
// build or throws one ContentError that lists every problem found. Nothing is written here,
// so a build that fails at this point leaves the published site as it was.
//
// In phases, each collection read as src/content/collections.ts declares it: the data files and the
// references between them; the items (Markdown rendered on two cores as they are read); the
// weekly figures, which need the items' weeks; the weekly notes; then what is published.
import { statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { COLLECTIONS } from "../collections.ts";
import type { Content, Item, MonthNote, NoteTranslation, WeeklyFigures, WeeklyNote } from "../model.ts";
import type { Actor, Country, Site, Theme } from "../schemas.ts";
import { checkRegions, type Places } from "./regions.ts";
import { isMapped } from "../places/world.ts";
import { compareWeeks, type Week } from "../../core/weeks.ts";
import { ContentError, type Problem } from "../../core/problems.ts";
import { loadList, loadObject } from "./data-files.ts";
import { markdownFiles } from "./files.ts";
import { parseItem, type ItemResult, type ParsedItem } from "./items.ts";
import { incidentIdProblems } from "./incident-ids.ts";
import { startBodyRenderer, type KeptBodies } from "./render-bodies.ts";
import { Turns } from "../../core/turns.ts";
import type { ItemCache } from "./item-cache.ts";
import { loadNote } from "./notes.ts";
import { loadMonthNotes } from "./month-notes.ts";
import { editionProblems, missingTranslations, siteCatalogues } from "../editions.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { disagreements, languageProblem, loadNoteTranslation, parseItemTranslation, translationName, withTranslations, type ItemTranslation, type ParsedTranslation, type ReadNoteTranslation } from "./translations.ts";
import { loadExternalCounts, retiredFiguresFile } from "./figures.ts";
import { translateFigures } from "./note-trends.ts";
import { leftOutOf } from "./left-out.ts";
import { brokenReferences, type KnownKeys } from "./references.ts";

export interface LoadOptions {
  /** The project folder: content is read from <root>/content. */
  readonly root: string;
  /** Preview: keep drafts and scheduled items (pages mark them). Production leaves them out. */
  readonly includeDrafts?: boolean;
  /** The build's clock, for holding back items dated in the future. */
  readonly now?: DateTime;
  /** The preview keeps items it has read between rebuilds. */
  readonly cache?: ItemCache;
  /** A production build keeps rendered bodies between builds (src/publish/build-cache.ts). */
  readonly bodies?: KeptBodies;
  /** Told how many items have been read, of how many (the command line's progress). */
  readonly onItems?: (read: number, total: number) => void;
}
/** The build's clock: DIGEST_NOW (ISO 8601) when set, so embargoes can be tested. */
export function buildClock(env: NodeJS.ProcessEnv = process.env): DateTime {
  const fixed = env.DIGEST_NOW;
  if (!fixed) return DateTime.now();
  const parsed = DateTime.fromISO(fixed, { zone: "UTC", setZone: true });
  if (!parsed.isValid) throw new Error(`DIGEST_NOW must be an ISO 8601 date or time (got: ${JSON.stringify(fixed)})`);
  return parsed;
}

export async function loadContent(options: LoadOptions): Promise<Content> {
  const { root } = options;
  const now = options.now ?? buildClock();
  const data = await loadDataFiles(root);
  const problems = [...data.problems];
  // Dates need the digest's zone; with a broken site.ts, items are still checked in UTC.
  const zone = data.site?.timeZone ?? "UTC";
  const items = await loadItems(root, { zone, now, known: data.known, places: data.places, site: data.site, ...(options.cache ? { cache: options.cache } : {}), ...(options.bodies ? { bodies: options.bodies } : {}), ...(options.onItems ? { onItems: options.onItems } : {}) });
  problems.push(...items.problems);
  // With a broken item its week is unknown, so "later than the latest issue" or "a week with
  // no items" could be wrong: those checks wait for every item to be read.
  const latestWeek = items.everyItemRead ? latestWeekOf(items.items) : undefined;
  problems.push(...retiredFiguresFile(root));
  const external = await loadExternalCounts(root, data.known);
  problems.push(...external.problems);
  const notes = loadNotes(root, items.everyItemRead ? { withItems: new Set(items.items.map((item) => item.week.id)), latest: latestWeek } : undefined, data.site, data.known, options.includeDrafts ?? false);
  problems.push(...notes.problems);
  const monthNotes = loadMonthNotes(root, new Set(data.countries.map((c) => c.slug)), data.site);
  problems.push(...monthNotes.problems);

  if (problems.length || !data.site) throw new ContentError(problems);
  const draftProblems = [...items.draftProblems, ...notes.draftProblems];
  // A draft translation waits too: the edition shows the original until it is ready.
  const published = options.includeDrafts ? items.items : items.items.filter((item) => !item.draft && !item.scheduled).map(withoutDraftTranslations);
  const embargoedWeeks = new Set(items.items.filter((item) => item.scheduled && !item.draft).map((item) => item.week.id));
  // Figures for a week whose only items are drafts or embargoed would show that week (its
  // trend, its reason) before its issue: they are held back with the items. So are those of a
  // country whose only items that week are drafts, in a week that is out with other items: its
  // trend speaks of them. A week or a country-week with no item at all keeps its figures: the
  // editors judged it, and nothing happened.
  const latestPublished = latestWeekOf(published);
  const publishedWeeks = weeksCovered(published);
  const everyWeek = weeksCovered(items.items);
  const heldBack = (key: string) => everyWeek.has(key) && !publishedWeeks.has(key);
  const shownFigures = options.includeDrafts
    ? notes.figures
    : notes.figures.filter((f) => !notes.draftWeeks.has(f.week.id) && latestPublished && compareWeeks(f.week, latestPublished) <= 0 && !heldBack(f.week.id) && !heldBack(`${f.country} ${f.week.id}`));
  return {
    site: data.site,
    countries: data.countries,
    regions: [...data.places.regions.values()],
    actors: data.actors,
    themes: data.themes,
    items: published,
    // A weekly note may speak of its week's embargoed items: it waits until they are out.
    notes: options.includeDrafts ? notes.notes : notes.notes.filter((note) => !note.draft && !embargoedWeeks.has(note.week.id)).map(withoutDraftTranslations),
    // A draft translation of a month's note waits, as an item's does: the edition shows the original.
    monthNotes: options.includeDrafts ? monthNotes.notes : monthNotes.notes.map(withoutDraftMonthTranslations),
    figures: shownFigures,
    externalCounts: external.counts,
    catalogues: data.catalogues,
    passedOver: [...items.passedOver, ...notes.passedOver, ...monthNotes.passedOver],
    ...(draftProblems.length ? { draftProblems } : {}),
    leftOut: leftOutOf(items.items, notes.draftWeeks),
  };
}

/** The weeks ("2020-W49") and country-weeks ("mali 2020-W49") `items` are about, their incidents' too. */
function weeksCovered(items: readonly Item[]): Set<string> {
  const weeks = new Set<string>();
  for (const item of items) {
    weeks.add(item.week.id);
    for (const country of item.countries) weeks.add(`${country} ${item.week.id}`);
    for (const incident of item.incidents) weeks.add(`${incident.country} ${incident.week.id}`);
  }
  return weeks;
}

function withoutDraftMonthTranslations(note: MonthNote): MonthNote {
  if (!note.translations || !Object.values(note.translations).some((t) => t.draft)) return note;
  return { ...note, translations: Object.fromEntries(Object.entries(note.translations).filter(([, t]) => !t.draft)) };
}

function withoutDraftTranslations<T extends Item | WeeklyNote>(entry: T): T {
  const translations = entry.translations;
  if (!translations || !Object.values(translations).some((t) => t.draft)) return entry;
  const ready = Object.values(translations).filter((t) => !t.draft);
  const { translations: _all, ...rest } = entry;
  return withTranslations(rest as T, ready);
}

interface DataFiles {
  readonly site: Site | undefined;
  readonly countries: Country[];
  readonly places: Places;
  readonly actors: Actor[];
  readonly themes: Theme[];
  readonly catalogues: ReadonlyMap<string, Catalogue>;
  /** The keys of each keyed collection that could be read, for the references to them. */
  readonly known: KnownKeys;
  readonly problems: Problem[];
}

/** Phase 1: the data files, each entry against its schema, and the references between them. */
async function loadDataFiles(root: string): Promise<DataFiles> {
  const [site, countries, regions, actors, themes] = await Promise.all([
    loadObject(root, COLLECTIONS.site.file, COLLECTIONS.site.schema),
    loadList(root, COLLECTIONS.countries.file, COLLECTIONS.countries.schema),
    loadList(root, COLLECTIONS.regions.file, COLLECTIONS.regions.schema, { optional: true }),
    loadList(root, COLLECTIONS.actors.file, COLLECTIONS.actors.schema),
    loadList(root, COLLECTIONS.themes.file, COLLECTIONS.themes.schema),
  ]);
  const problems: Problem[] = [...site.problems, ...countries.problems, ...regions.problems, ...actors.problems, ...themes.problems];
  // The slug of every entry that has one, valid or not: an entry with a missing field is
  // reported once, not again by every item that names it.
  const known: KnownKeys = {
    ...(countries.loaded ? { countries: new Set(countries.slugs) } : {}),
    ...(regions.loaded || regions.problems.length === 0 ? { regions: new Set(regions.slugs) } : {}),
    ...(actors.loaded ? { actors: new Set(actors.slugs) } : {}),
    ...(themes.loaded ? { themes: new Set(themes.slugs) } : {}),
  };
  for (const actor of actors.value) {
    for (const broken of brokenReferences(actor, COLLECTIONS.actors.references, known)) {
      problems.push({ file: COLLECTIONS.actors.file, field: `${actor.slug}.${broken.field}`, message: broken.message });
    }
  }
  // Actors and themes are both tags: one set of slugs.
  for (const theme of themes.value) {
    if (known.actors?.has(theme.slug)) {
      problems.push({ file: COLLECTIONS.themes.file, field: `${theme.slug}.slug`, message: "is already the slug of an actor; tags must be unique", value: theme.slug });
    }
  }
  for (const region of regions.value) {
    for (const broken of brokenReferences(region, COLLECTIONS.regions.references, known)) {
      problems.push({ file: COLLECTIONS.regions.file, field: `${region.slug}.${broken.field}`, message: broken.message });
    }
  }
  const placed = checkRegions(regions.value, countries.value, { loaded: regions.loaded || regions.problems.length === 0, slugs: regions.slugs });
  problems.push(...placed.problems);
  problems.push(...unmappedCountries(countries.value));
  const catalogues = siteCatalogues(root);
  problems.push(...catalogues.problems);
  if (site.value) {
    problems.push(...editionProblems(site.value, catalogues.byLanguage));
    problems.push(...missingTranslations({ site: site.value, countries: countries.value, regions: regions.value, actors: actors.value, themes: themes.value }));
  }
  return { site: site.value, countries: countries.value, places: placed.places, actors: actors.value, themes: themes.value, catalogues: catalogues.byLanguage, known, problems };
}

/** How often reading the items lets other work run: rarely enough to cost nothing measurable, often enough for a Ctrl-C. */
const LOAD_TURN_MS = 50;

interface LoadedItems {
  /** Every item read, drafts and scheduled ones included. */
  readonly items: Item[];
  readonly everyItemRead: boolean;
  readonly passedOver: readonly string[];
  readonly problems: Problem[];
  /** The problems of drafts: they hold back only the draft. */
  readonly draftProblems: Problem[];
}

/**
 * Phase 2: the items. Markdown is the largest cost of a build, so a worker thread renders
 * bodies while the items are still being read; the preview's cache skips unchanged files.
 */
async function loadItems(root: string, context: { zone: string; now: DateTime; known: KnownKeys; places: Places; site: Site | undefined; cache?: ItemCache; bodies?: KeptBodies; onItems?: (read: number, total: number) => void }): Promise<LoadedItems> {
  const { zone, now, known, places, cache, bodies: kept } = context;
  const folder = COLLECTIONS.items.folder;
  const articles = markdownFiles(root, folder);
  // Originals first; translations (<slug>.fr.md) are read after, and attached to them.
  const translationFiles = articles.files.filter((f) => translationName(f));
  const articleFiles = articles.files.filter((f) => !translationName(f));
  const originalIndex = new Map(articleFiles.map((file, index) => [file, index]));
  const problems: Problem[] = [...articles.problems];
  const draftProblems: Problem[] = [];
  const itemContext = { root, zone, now, known, places };
  cache?.useContext(JSON.stringify([zone, Object.entries(known).map(([name, keys]) => [name, [...keys]]), places.signature]));
  cache?.keepOnly(new Set(articleFiles));
  // Started now: a worker thread renders bodies while the items are still being read. In the
  // preview, only files the cache lacks are rendered: all of them at first or after a data
  // file changed, one or two after an edit.
  const bodyRenderer = startBodyRenderer(articleFiles.length - (cache?.size ?? 0) - (kept?.size ?? 0) + translationFiles.length);
  // A body the last build rendered from the same file is taken as it was; the others are
  // rendered, in the order they are added (`rendered` counts them).
  let toRender = 0;
  const bodyOf = (parsed: { fingerprint?: string; body: string }): { html: string } | { rendered: number } => {
    const html = kept?.get(parsed.fingerprint);
    if (html !== undefined) return { html };
    bodyRenderer.add(parsed.body);
    return { rendered: toRender++ };
  };
  const itemResults: ItemResult[] = [];
  const pending: { index: number; parsed: ParsedItem; stamp: string; body: ReturnType<typeof bodyOf> }[] = [];
  // Read synchronously, a file at a time (src/content/load/items.ts), with a turn now and then
  // for the preview's server and a Ctrl-C.
  const turns = new Turns(LOAD_TURN_MS);
  for (const [index, relative] of articleFiles.entries()) {
    await turns.take();
    context.onItems?.(index, articleFiles.length);
    let stamp = "";
    if (cache) {
      const info = statSync(path.join(root, folder, relative));
      stamp = `${info.size}:${info.mtimeMs}`;
      const cached = cache.get(relative, stamp);
      if (cached) {
        // The clock moves on between rebuilds: an embargo may have ended since.
        const item = cached.item && cached.item.scheduled !== cached.item.date > now ? { ...cached.item, scheduled: cached.item.date > now } : cached.item;
        itemResults[index] = item === cached.item ? cached : { item, problems: cached.problems, ...(cached.draft ? { draft: true } : {}) };
        cache.set(relative, stamp, itemResults[index]!);
        continue;
      }
    }
    const result = parseItem(relative, itemContext);
    itemResults[index] = { problems: result.problems, ...(result.draft ? { draft: true } : {}) };
    if (result.parsed) {
      pending.push({ index, parsed: result.parsed, stamp, body: bodyOf(result.parsed) });
    } else {
      cache?.set(relative, stamp, itemResults[index]!);
    }
  }
  const translations: { parsed: ParsedTranslation; body: ReturnType<typeof bodyOf> }[] = [];
  for (const relative of translationFiles) {
    await turns.take();
    const { original, language } = translationName(relative)!;
    const file = `${folder}/${relative}`;
    const wrongLanguage = languageProblem(file, language, context.site);
    if (wrongLanguage) {
      problems.push(wrongLanguage);
      continue;
    }
    if (!originalIndex.has(original)) {
      problems.push({ file, field: "file name", message: `is a translation of ${folder}/${original}, which does not exist: a translation sits beside its original, with the same slug` });
      continue;
    }
    const read = parseItemTranslation(root, relative, language, original);
    (read.draft ? draftProblems : problems).push(...read.problems);
    if (read.parsed) translations.push({ parsed: read.parsed, body: bodyOf(read.parsed) });
  }
  // Markdown, the largest cost: on every core when there is much of it.
  const rendered = await bodyRenderer.finish();
  const htmlOf = (parsed: { fingerprint?: string }, body: ReturnType<typeof bodyOf>) => {
    const html = "html" in body ? body.html : rendered[body.rendered]!;
    kept?.set(parsed.fingerprint, html);
    return html;
  };
  pending.forEach(({ index, parsed, stamp, body }) => {
    const { body: _body, ...fields } = parsed;
    itemResults[index] = { ...itemResults[index]!, item: { ...fields, bodyHtml: htmlOf(parsed, body) } };
    cache?.set(articleFiles[index]!, stamp, itemResults[index]!);
  });
  // Each translation checked against its original, then attached to it.
  const byOriginal = new Map<string, ItemTranslation[]>();
  translations.forEach(({ parsed: translation, body }) => {
    const original = itemResults[originalIndex.get(translation.original)!]?.item;
    if (!original) return;
    const disagree = disagreements(translation, original, { zone, places });
    (translation.draft ? draftProblems : problems).push(...disagree);
    if (disagree.length) return;
    const { body: _body, shared: _shared, lineOf: _lineOf, original: originalFile, correctionDates: _dates, ...fields } = translation;
    const list = byOriginal.get(originalFile) ?? [];
    list.push({ ...fields, bodyHtml: htmlOf(translation, body) });
    byOriginal.set(originalFile, list);
  });
  const items: Item[] = [];
  itemResults.forEach((result, index) => {
    (result.draft ? draftProblems : problems).push(...result.problems);
    if (result.item) items.push(withTranslations(result.item, byOriginal.get(articleFiles[index]!) ?? []));
  });
  problems.push(...duplicateSlugs(articleFiles));
  problems.push(...incidentIdProblems(items));
  return { items, everyItemRead: itemResults.every((r) => r.item !== undefined), passedOver: articles.passedOver, problems, draftProblems };
}

interface LoadedNotes {
  readonly notes: WeeklyNote[];
  /** The trends the notes give (each note's week), their translations' reasons attached. */
  readonly figures: WeeklyFigures[];
  /** The weeks whose note is a draft ("2020-W49"): their trends wait with it. */
  readonly draftWeeks: ReadonlySet<string>;
  readonly passedOver: readonly string[];
  readonly problems: Problem[];
  readonly draftProblems: Problem[];
}

/**
 * Phase 3: the weekly notes and the trends they give. A note with a headline must name a week
 * that has items; one that gives only trends may name an earlier week without items (nothing
 * happened, and the editors said so), never one after the latest issue. Both checks wait until
 * every item's week is known (`latestWeek`).
 */
function loadNotes(root: string, weeks: { withItems: ReadonlySet<string>; latest: Week | undefined } | undefined, site: Site | undefined, known: KnownKeys, includeDrafts: boolean): LoadedNotes {
  const files = markdownFiles(root, COLLECTIONS.notes.folder);
  const problems: Problem[] = [...files.problems];
  const draftProblems: Problem[] = [];
  const notes: WeeklyNote[] = [];
  const figures: WeeklyFigures[] = [];
  const draftWeeks = new Set<string>();
  const originals = files.files.filter((f) => !translationName(f));
  const hasOriginal = new Set(originals);
  const translations = new Map<string, (ReadNoteTranslation & { language: string })[]>();
  for (const relative of files.files.filter((f) => translationName(f))) {
    const { original, language } = translationName(relative)!;
    const file = `${COLLECTIONS.notes.folder}/${relative}`;
    const wrongLanguage = languageProblem(file, language, site);
    if (wrongLanguage) {
      problems.push(wrongLanguage);
      continue;
    }
    if (!hasOriginal.has(original)) {
      problems.push({ file, field: "file name", message: `is a translation of ${COLLECTIONS.notes.folder}/${original}, which does not exist: write the week's note in the digest's own language first` });
      continue;
    }
    const read = loadNoteTranslation(root, relative, language);
    (read.draft ? draftProblems : problems).push(...read.problems);
    translations.set(original, [...(translations.get(original) ?? []), { ...read, language }]);
  }
  for (const [relative, result] of originals.map((f) => [f, loadNote(root, f, known)] as const)) {
    (result.draft ? draftProblems : problems).push(...result.problems);
    if (!result.week) continue;
    const file = `${COLLECTIONS.notes.folder}/${relative}`;
    if (weeks && !weeks.withItems.has(result.week.id)) {
      if (result.note) {
        problems.push({ file, field: "file name", message: `names week ${result.week.id}, which has no items` });
        continue;
      }
      if (!weeks.latest || compareWeeks(result.week, weeks.latest) > 0) {
        problems.push({ file, field: "file name", message: `names week ${result.week.id}, later than the latest issue${weeks.latest ? ` (${weeks.latest.id})` : ""}: trends belong to a week that has items` });
        continue;
      }
    }
    if (result.draft) draftWeeks.add(result.week.id);
    let weekFigures = result.figures;
    const ready: NoteTranslation[] = [];
    for (const translation of translations.get(relative) ?? []) {
      if (result.note && !translation.translation && translation.problems.length === 0) {
        problems.push({ file: `${COLLECTIONS.notes.folder}/${relative.replace(/\.md$/, `.${translation.language}.md`)}`, line: 2, field: "headline", message: `is missing: the original (${file}) has one, so its translation needs one` });
        continue;
      }
      // Compared with the original's trends once those could be read (an unknown country's left out).
      if (translation.lineOf && result.trendsRead) {
        const translated = translateFigures(weekFigures, translation.trends, { file: `${COLLECTIONS.notes.folder}/${relative.replace(/\.md$/, `.${translation.language}.md`)}`, language: translation.language, lineOf: translation.lineOf }, file);
        problems.push(...translated.problems);
        // A draft translation's reasons wait with it, as its headline does (withoutDraftTranslations).
        if (!translation.draft || includeDrafts) weekFigures = translated.figures;
      }
      if (translation.translation) ready.push(translation.translation);
    }
    figures.push(...weekFigures);
    if (result.note) notes.push(withTranslations(result.note, ready));
  }
  return { notes, figures, draftWeeks, passedOver: files.passedOver, problems, draftProblems };
}

function latestWeekOf(items: readonly Item[]): Week | undefined {
  return items.reduce<Week | undefined>((latest, item) => (!latest || compareWeeks(item.week, latest) > 0 ? item.week : latest), undefined);
}

/** A country the map cannot draw would silently be missing from it: its code must be one the map knows. */
function unmappedCountries(countries: readonly Country[]): Problem[] {
  return countries.flatMap((country) =>
    country.iso && !isMapped(country.iso)
      ? [{ file: COLLECTIONS.countries.file, field: `${country.slug}.iso`, message: "is not an ISO 3166 code of a country the map knows (Natural Earth 1:110m)", value: country.iso }]
      : [],
  );
}

/** Slugs are URLs and feed ids, so two files may not share one, even in other years or case. */
function duplicateSlugs(articleFiles: readonly string[]): Problem[] {
  const firstBySlug = new Map<string, string>();
  const problems: Problem[] = [];
  for (const relative of articleFiles) {
    const slug = (relative.split("/").pop() ?? relative).replace(/\.md$/, "").toLowerCase();
    const first = firstBySlug.get(slug);
    if (first === undefined) {
      firstBySlug.set(slug, relative);
      continue;
    }
    problems.push({ file: `${COLLECTIONS.items.folder}/${relative}`, field: "file name", message: `has the same slug as ${COLLECTIONS.items.folder}/${first}`, value: slug });
  }
  return problems;
}
