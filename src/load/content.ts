// Reads everything under content/, validates it all, and either returns the content of a
// build or throws one ContentError that lists every problem found. Nothing is written here,
// so a build that fails at this point leaves the published site as it was.
import { statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { actorSchema, countrySchema, siteSchema, themeSchema } from "../model/schemas.ts";
import type { Content, Item, WeeklyNote } from "../model/content.ts";
import type { Country } from "../model/schemas.ts";
import { isMapped } from "../map.ts";
import { compareWeeks, type Week } from "../weeks.ts";
import { ContentError, type Problem } from "../problems.ts";
import { loadList, loadObject } from "./data-files.ts";
import { markdownFiles } from "./files.ts";
import { parseItem, type ItemResult, type ParsedItem } from "./items.ts";
import { startBodyRenderer } from "./render-bodies.ts";
import type { ItemCache } from "./cache.ts";
import { loadNote } from "./notes.ts";
import { FIGURES_FILE, loadFigures } from "./figures.ts";

export interface LoadOptions {
  /** The project folder: content is read from <root>/content. */
  readonly root: string;
  /** Preview: keep drafts and scheduled items (pages mark them). Production leaves them out. */
  readonly includeDrafts?: boolean;
  /** The build's clock, for holding back items dated in the future. */
  readonly now?: DateTime;
  /** The preview keeps items it has read between rebuilds. */
  readonly cache?: ItemCache;
}

export const DATA_FILES = {
  site: "content/_data/site.ts",
  countries: "content/_data/countries.ts",
  actors: "content/_data/actors.ts",
  themes: "content/_data/themes.ts",
  /** Optional. */
  figures: FIGURES_FILE,
} as const;

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
  const [site, countries, actors, themes] = await Promise.all([
    loadObject(root, DATA_FILES.site, siteSchema),
    loadList(root, DATA_FILES.countries, countrySchema),
    loadList(root, DATA_FILES.actors, actorSchema),
    loadList(root, DATA_FILES.themes, themeSchema),
  ]);
  const problems: Problem[] = [...site.problems, ...countries.problems, ...actors.problems, ...themes.problems];
  const countryList = countries.value;
  const actorList = actors.value;
  const themeList = themes.value;
  // A list that could not be read at all is one problem, not one more per reference to it:
  // references to it are then left unchecked.
  const countrySlugs = countries.loaded ? new Set(countries.slugs) : undefined;

  actorList.forEach((actor) => {
    for (const country of actor.countries) {
      if (countrySlugs && !countrySlugs.has(country)) {
        problems.push({ file: DATA_FILES.actors, field: `${actor.slug}.countries`, message: `unknown country "${country}"` });
      }
    }
  });
  const actorSlugs = new Set(actors.slugs);
  for (const theme of themeList) {
    if (actorSlugs.has(theme.slug)) {
      problems.push({ file: DATA_FILES.themes, field: `${theme.slug}.slug`, message: "is already the slug of an actor; tags must be unique", value: theme.slug });
    }
  }

  problems.push(...unmappedCountries(countries.value));

  // Dates need the digest's zone; with a broken site.ts, items are still checked in UTC.
  const zone = site.value?.timeZone ?? "UTC";
  const tagSlugs = actors.loaded && themes.loaded ? new Set([...actorSlugs, ...themes.slugs]) : undefined;
  const articles = markdownFiles(root, "content/articles");
  const articleFiles = articles.files;
  problems.push(...articles.problems);
  const itemContext = { root, zone, now, countrySlugs, tagSlugs };
  const cache = options.cache;
  cache?.useContext(JSON.stringify([zone, [...(countrySlugs ?? [])], [...(tagSlugs ?? [])]]));
  cache?.keepOnly(new Set(articleFiles));
  // Started now: a worker thread renders bodies while the items are still being read. In the
  // preview, only files the cache lacks are rendered: all of them at first or after a data
  // file changed, one or two after an edit.
  const bodyRenderer = startBodyRenderer(articleFiles.length - (cache?.size ?? 0));
  const itemResults: ItemResult[] = [];
  const pending: { index: number; parsed: ParsedItem; stamp: string }[] = [];
  articleFiles.forEach((relative, index) => {
    let stamp = "";
    if (cache) {
      const info = statSync(path.join(root, "content/articles", relative));
      stamp = `${info.size}:${info.mtimeMs}`;
      const cached = cache.get(relative, stamp);
      if (cached) {
        // The clock moves on between rebuilds: an embargo may have ended since.
        const item = cached.item && cached.item.scheduled !== cached.item.date > now ? { ...cached.item, scheduled: cached.item.date > now } : cached.item;
        itemResults[index] = item === cached.item ? cached : { item, problems: cached.problems };
        cache.set(relative, stamp, itemResults[index]!);
        return;
      }
    }
    const result = parseItem(relative, itemContext);
    itemResults[index] = { problems: result.problems };
    if (result.parsed) {
      pending.push({ index, parsed: result.parsed, stamp });
      bodyRenderer.add(result.parsed.body);
    } else {
      cache?.set(relative, stamp, itemResults[index]!);
    }
  });
  // Markdown, the largest cost: on every core when there is much of it.
  const bodies = await bodyRenderer.finish();
  pending.forEach(({ index, parsed, stamp }, i) => {
    const { body: _body, ...fields } = parsed;
    itemResults[index] = { item: { ...fields, bodyHtml: bodies[i]! }, problems: itemResults[index]!.problems };
    cache?.set(articleFiles[index]!, stamp, itemResults[index]!);
  });
  const allItems: Item[] = [];
  for (const result of itemResults) {
    problems.push(...result.problems);
    if (result.item) allItems.push(result.item);
  }
  problems.push(...duplicateSlugs(articleFiles));
  // With a broken item its week is unknown, so "later than the latest issue" could be wrong.
  const everyItemRead = itemResults.every((r) => r.item !== undefined);
  const latestWeek = everyItemRead ? latestWeekOf(allItems) : undefined;
  const figures = await loadFigures(root, countrySlugs, latestWeek);
  problems.push(...figures.problems);

  const noteFiles = markdownFiles(root, "content/issues");
  problems.push(...noteFiles.problems);
  const noteResults = noteFiles.files.map((f) => loadNote(root, f));
  const weeksWithItems = new Set(allItems.map((item) => item.week.id));
  const notes: WeeklyNote[] = [];
  for (const result of noteResults) {
    problems.push(...result.problems);
    if (!result.note) continue;
    if (!weeksWithItems.has(result.note.week.id) && everyItemRead) {
      problems.push({ file: result.note.file, field: "file name", message: `names week ${result.note.week.id}, which has no items` });
      continue;
    }
    notes.push(result.note);
  }

  if (problems.length || !site.value) throw new ContentError(problems);
  const published = options.includeDrafts ? allItems : allItems.filter((item) => !item.draft && !item.scheduled);
  // Figures for a week whose only items are drafts or embargoed would show that week (its
  // trend, its reason) before its issue: they are held back with the items.
  const latestPublished = latestWeekOf(published);
  const shownFigures = options.includeDrafts ? figures.figures : figures.figures.filter((f) => latestPublished && compareWeeks(f.week, latestPublished) <= 0);
  const passedOver = [...articles.passedOver, ...noteFiles.passedOver];
  return { site: site.value, countries: countryList, actors: actorList, themes: themeList, items: published, notes, figures: shownFigures, passedOver };
}

function latestWeekOf(items: readonly Item[]): Week | undefined {
  return items.reduce<Week | undefined>((latest, item) => (!latest || compareWeeks(item.week, latest) > 0 ? item.week : latest), undefined);
}

/** A country the map cannot draw would silently be missing from it: its code must be one the map knows. */
function unmappedCountries(countries: readonly Country[]): Problem[] {
  return countries.flatMap((country) =>
    country.iso && !isMapped(country.iso)
      ? [{ file: DATA_FILES.countries, field: `${country.slug}.iso`, message: "is not an ISO 3166 code of a country the map knows (Natural Earth 1:110m)", value: country.iso }]
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
    problems.push({ file: `content/articles/${relative}`, field: "file name", message: `has the same slug as content/articles/${first}`, value: slug });
  }
  return problems;
}
