// What the search index holds, one record per item, weekly note and country: its words, what a
// result shows (title, date, countries, summary), the filters a reader narrows by (country,
// incident type, actor or theme, year) and the date results are sorted by. Made from the
// digest, not from the built pages, so the index never holds navigation or boilerplate.
import type { Digest } from "../digest/digest.ts";
import { weekBounds } from "../core/weeks.ts";
import { monthName, monthOfDay } from "../core/months.ts";
import { DateTime } from "luxon";

export interface SearchRecord {
  /** The page's path from the site's root; the search page's script adds the base path. */
  readonly url: string;
  readonly content: string;
  readonly language: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly sort: Readonly<Record<string, string>>;
  /** The index bundle it goes in: the year of its date as shown (countries: the newest year's). */
  readonly bundle: string;
}

/** The filters, in the order the search page offers them; their labels are the catalogue's "search.filter.<key>". */
export const SEARCH_FILTERS = ["country", "type", "actor", "year", "month"] as const;

export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Text of HTML this project rendered itself (Markdown bodies, leads): tags out, entities decoded. */
export function textOfHtml(html: string): string {
  // One pass for the tags and entities (a block tag becomes a space), then one for the spaces:
  // at 10,000 items, eight passes cost half a second. An entity is decoded once: "&amp;lt;"
  // is "&lt;", and a decoded "<" is text, not a tag.
  return html
    .replace(TAG_OR_ENTITY, (match) => (match.charCodeAt(0) === 38 ? ENTITIES[match]! : BLOCK_TAG.test(match) ? " " : ""))
    .replace(/\s+/g, " ")
    .trim();
}

const TAG_OR_ENTITY = /<[^>]*>|&(?:lt|gt|quot|#39|amp);/g;
const BLOCK_TAG = /^<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|br|hr|tr|td|th|table)\b/i;
const ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/**
 * Arabic as readers type it, for the index and the query alike: without harakat (short vowels,
 * shadda, sukun), dagger alif or tatweel; every alif one (أ إ آ ٱ → ا), ta marbuta as ha
 * (ة → ه), alif maqsura as ya (ى → ي). Nothing else changes, so a text without Arabic is
 * returned as it was. templates/js/search.js does the same to the query (normaliseArabic
 * there; tests/unit/search.test.ts holds the two equal). Results show the records' meta, never
 * this text, so readers never see the folded spelling.
 */
export function normaliseArabic(text: string): string {
  return ARABIC_VARIANT.test(text) ? text.replace(ARABIC_VARIANTS, (c) => ARABIC_FOLDED[c] ?? "") : text;
}

const ARABIC_VARIANT = /[\u0640\u064B-\u065F\u0670\u0622\u0623\u0625\u0671\u0629\u0649]/;
const ARABIC_VARIANTS = new RegExp(ARABIC_VARIANT.source, "g");
const ARABIC_FOLDED: Readonly<Record<string, string>> = { "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0629": "\u0647", "\u0649": "\u064A" };

/** Sort keys compare as text: every date in UTC, written the same way. */
function utc(iso: string, zone: string): string {
  // A date with its offset needs no time zone rules: JavaScript's Date reads it, and writes UTC
  // as luxon does (2019-08-31T05:00:00.000Z). A plain date is midnight on the digest's clocks.
  return WITH_OFFSET.test(iso) ? new Date(iso).toISOString() : DateTime.fromISO(iso, { zone }).toUTC().toISO()!;
}

const WITH_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `href` turns a page's path into the address the index gives; Pagefind adds the site's base
 * path. With `bundle`, only that bundle's records: a build makes each year's as it indexes it,
 * and lets them go after (at 100,000 items, all of them at once were hundreds of megabytes).
 */
export function searchRecords(digest: Digest, href: (path: string) => string = (p) => p, bundle?: string): SearchRecord[] {
  const language = digest.site.language;
  const separator = digest.edition.words.t("common.listSeparator");
  const records: SearchRecord[] = [];
  const newestYear = searchYears(digest)[0] ?? "0000";
  const wanted = (year: string) => bundle === undefined || bundle === year;
  const zone = digest.site.timeZone;
  for (const item of digest.items) {
    const year = itemYear(item);
    if (!wanted(year)) continue;
    const places = item.incidents.map((incident) => `${incident.where}, ${incident.country.name}`);
    // An item nobody translated into this edition's language is found here by its title,
    // summary and places, and by its whole text in the edition of its own language: its body is
    // not in this edition's language (its stemmer would only misread it), and it is most of
    // what an edition would index again, once more for every edition.
    const body = item.language ? "" : textOfHtml(item.bodyHtml);
    records.push({
      url: href(item.path),
      content: normaliseArabic([item.title, item.summary, body, ...places, item.location ?? ""].join("\n")),
      language,
      meta: {
        title: item.title,
        date: item.dateText,
        countries: item.countries.map((c) => c.name).join(separator),
        summary: item.summary,
        kind: "item",
        // An item nobody translated: the result says its language, as its page does.
        ...(item.language ? { lang: item.language } : {}),
      },
      filters: {
        country: item.countries.map((c) => c.name),
        type: [...new Set(item.incidents.map((i) => i.typeLabel))],
        actor: item.tags.map((t) => t.name),
        // The year of the date the reader sees, not of its ISO week: the massacre of 2 January
        // 2021 is in 2020-W53, and a reader choosing 2021 looks for it there.
        year: [year],
        month: [itemMonth(digest, item.dateIso)],
      },
      sort: { date: utc(item.dateIso, zone) },
      bundle: year,
    });
  }
  for (const issue of digest.issues) {
    const year = noteYear(issue, zone);
    if (!issue.headline || !wanted(year)) continue;
    records.push({
      url: href(issue.path),
      content: normaliseArabic([issue.headline, textOfHtml(issue.leadHtml ?? "")].join("\n")),
      language,
      meta: { title: digest.edition.words.t("search.noteTitle", { title: issue.title, headline: issue.headline }), date: issue.range, countries: issue.sections.map((s) => s.country.name).join(separator), summary: digest.edition.words.t("search.noteSummary", { range: issue.range }), kind: "note" },
      filters: { country: issue.sections.map((s) => s.country.name), year: [year] },
      // Dated by the week's first day, the date its result shows first.
      sort: { date: weekBounds(issue.week, zone).start.toUTC().toISO()! },
      bundle: year,
    });
  }
  // Every month page: the whole digest's, each country's and each region's.
  const bundles = new Set(searchYears(digest));
  for (const month of everyMonth(digest)) {
    // In the bundle of its own year, as the items of its days are: a year's results are then
    // ranked by date within one index (two indexes merged interleave by score).
    const year = month.id.slice(0, 4);
    const bundle = bundles.has(year) ? year : newestYear;
    if (!wanted(bundle)) continue;
    records.push({
      url: href(month.path),
      content: normaliseArabic([month.heading, month.note?.headline ?? "", textOfHtml(month.note?.html ?? ""), ...month.monthTrends.map((m) => `${m.country.name}: ${m.reason}`), ...month.weeks.flatMap((w) => w.rows.map((r) => r.reason ?? ""))].join("\n")),
      language,
      meta: { title: month.heading, date: month.title, countries: month.place?.name ?? "", summary: `${month.coverageText} ${month.incidentsText}`, kind: "month" },
      filters: { ...(month.place ? { country: [month.country?.name ?? month.place.name] } : {}), year: [year], month: [month.title] },
      sort: { date: DateTime.fromISO(`${month.id}-01`, { zone: digest.site.timeZone }).toUTC().toISO()! },
      bundle,
    });
  }
  for (const country of wanted(newestYear) ? digest.countries : []) {
    records.push({
      url: href(country.path),
      content: normaliseArabic([country.name, ...country.namesIn.map((n) => n.name), textOfHtml(country.profileHtml), ...country.regions.map((r) => r.name)].join("\n")),
      language,
      // Cut by characters, not UTF-16 units: half a character would break the index.
      meta: { title: country.name, date: "", countries: country.name, summary: [...textOfHtml(country.profileHtml)].slice(0, 300).join(""), kind: "country" },
      filters: { country: [country.name] },
      // Countries come after dated results in a date sort: their page lists the newest.
      sort: { date: "0000" },
      bundle: newestYear,
    });
  }
  return records;
}

/**
 * What each year's records are made from, as text that changes whenever one of them would:
 * each item by its fingerprint (its files: src/publish/build-cache.ts), each weekly note by its words
 * and its issue's countries, and the country records (few) themselves. Everything else a
 * record holds (names, labels, the catalogue, this code) is the build's version, which the
 * caller adds. Undefined when an item has no fingerprint (it was not read from a file).
 */
export function bundleSources(digest: Digest): Map<string, string[]> | undefined {
  const sources = new Map<string, string[]>();
  const add = (year: string, part: string) => {
    const list = sources.get(year);
    if (list) list.push(part);
    else sources.set(year, [part]);
  };
  for (const item of digest.items) {
    if (!item.fingerprint) return undefined;
    add(itemYear(item), `item ${item.path} ${item.fingerprint}`);
  }
  for (const issue of digest.issues) {
    if (issue.headline) add(noteYear(issue, digest.site.timeZone), `note ${JSON.stringify([issue.id, issue.headline, issue.leadHtml, issue.sections.map((s) => s.country.slug)])}`);
  }
  const newestYear = searchYears(digest)[0] ?? "0000";
  for (const country of digest.countries) add(newestYear, `country ${JSON.stringify([country.slug, country.regions.map((r) => r.slug)])}`);
  const bundles = new Set(searchYears(digest));
  for (const month of everyMonth(digest)) {
    add(bundles.has(month.bundle) ? month.bundle : newestYear, `month ${JSON.stringify([month.path, month.heading, month.coverageText, month.incidentsText, month.note, month.monthTrends, month.weeks.map((w) => w.rows.map((r) => r.reason))])}`);
  }
  return sources;
}

/** Each filter's values with how many items have them, as the search page offers them. */
export function searchFilterOptions(digest: Digest): { key: SearchFilter; label: string; options: { value: string; count: number }[] }[] {
  const counts = new Map<SearchFilter, Map<string, number>>(SEARCH_FILTERS.map((key) => [key, new Map()]));
  const monthIds = new Map<string, string>();
  const count = (key: SearchFilter, value: string) => counts.get(key)!.set(value, (counts.get(key)!.get(value) ?? 0) + 1);
  for (const item of digest.items) {
    for (const c of item.countries) count("country", c.name);
    for (const type of new Set(item.incidents.map((i) => i.typeLabel))) count("type", type);
    for (const tag of item.tags) count("actor", tag.name);
    count("year", itemYear(item));
    const month = itemMonth(digest, item.dateIso);
    count("month", month);
    monthIds.set(month, item.dateIso.slice(0, 7));
  }
  // Countries and types in the digest's own order, actors A-Z, years newest first.
  const order: Record<SearchFilter, string[]> = {
    country: digest.countries.map((c) => c.name),
    type: digest.incidentTypes.map((t) => t.name),
    actor: [...counts.get("actor")!.keys()].sort((a, b) => a.localeCompare(b, digest.edition.language, { sensitivity: "base" })),
    year: [...counts.get("year")!.keys()].sort().reverse(),
    // Newest first, by the month's id, not its name.
    month: [...monthIds.keys()].sort((a, b) => (monthIds.get(a)! < monthIds.get(b)! ? 1 : -1)),
  };
  return SEARCH_FILTERS.map((key) => ({
    key,
    label: digest.edition.words.t(`search.filter.${key}`),
    options: order[key].filter((value) => counts.get(key)!.has(value)).map((value) => ({ value, count: counts.get(key)!.get(value)! })),
  }));
}

/** The month of an item's date (as written, on the digest's clocks), in the edition's words: "December 2020". */
function itemMonth(digest: Digest, dateIso: string): string {
  return monthName(monthOfDay(dateIso.slice(0, 10)), digest.edition.words);
}

/** Every month page of the digest: the whole digest's, then each country's and each region's. */
function everyMonth(digest: Digest) {
  return [digest.months.all, ...digest.months.byCountry.values(), ...digest.months.byRegion.values()].flat();
}

/** The messages templates/js/search.js shows, from the edition's catalogue: the page hands them over. */
export const SEARCH_SCRIPT_MESSAGES = ["search.more", "search.js.status", "search.js.prompt", "search.js.searching", "search.js.failed"] as const;

export function searchScriptMessages(digest: Digest): Record<string, string> {
  return Object.fromEntries(SEARCH_SCRIPT_MESSAGES.map((key) => [key, digest.edition.words.messages[key]!]));
}

/**
 * The years the index has a bundle for, newest first: those of the dates shown, which may be
 * one more than the archive's ISO-week years (2 January 2021 is in 2020-W53).
 */
export function searchYears(digest: Digest): string[] {
  const years = new Set(digest.items.map(itemYear));
  for (const issue of digest.issues) if (issue.headline) years.add(noteYear(issue, digest.site.timeZone));
  return [...years].sort().reverse();
}

/** The year of an item's date as its page shows it: its own clock's (dateIso carries it). */
function itemYear(item: Digest["items"][number]): string {
  return item.dateIso.slice(0, 4);
}

/** A weekly note's year: that of its week's first day, the date its result shows first. */
function noteYear(issue: Digest["issues"][number], zone: string): string {
  return String(weekBounds(issue.week, zone).start.year);
}
