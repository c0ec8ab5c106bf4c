// Items and weekly notes in another language: <slug>.<language>.md beside <slug>.md, and
// <YYYY>-W<ww>.<language>.md beside the note. A translation has its own words (title, summary,
// location, body; a note's headline and lead) and shares everything else with the original:
// date, countries, source, tags, incidents. An editor may repeat a shared field, to see it
// while translating; then it must agree with the original's, or the build says where not.
import type { Item, ItemTranslation, NoteTranslation, WeeklyNote } from "../model.ts";
import { itemFrontMatterSchema, itemTranslationSchema, noteTranslationSchema } from "../schemas.ts";
import type { Problem } from "../../core/problems.ts";
import { parseItemDate } from "../../core/dates.ts";
import { COLLECTIONS } from "../collections.ts";
import { readMarkdownFile } from "./markdown-file.ts";
import { problemsFromZod } from "./zod-problems.ts";
import { checkIncidents } from "./incidents.ts";
import type { Places } from "./regions.ts";
import type { FrontMatter } from "./frontmatter.ts";
import { renderMarkdown } from "../markdown.ts";
import type { TranslatedTrends } from "./note-trends.ts";

export type { ItemTranslation, NoteTranslation } from "../model.ts";

/** A translation read and checked, its body not rendered yet, with what it says of the shared fields. */
export interface ParsedTranslation extends Omit<ItemTranslation, "bodyHtml"> {
  /** The original's path below content/articles/: "2020/x.md". */
  readonly original: string;
  readonly body: string;
  readonly shared: Readonly<Record<string, unknown>>;
  readonly lineOf: FrontMatter["lineOf"];
  /** The dates its corrections repeat, where they do: each must be the original's. */
  readonly correctionDates?: readonly (string | undefined)[];
}

const NAMED = /^(.+)\.([a-z]{2,3})\.md$/;
const ITEM_FIELDS = Object.keys(itemTranslationSchema.shape);
const NOTE_FIELDS = Object.keys(noteTranslationSchema.shape);
const SHARED = ["date", "countries", "source", "tags", "incidents"] as const;

/** "2020/x.fr.md" → { original: "2020/x.md", language: "fr" }; an original's name → undefined. */
export function translationName(relative: string): { original: string; language: string } | undefined {
  const named = NAMED.exec(relative);
  return named ? { original: `${named[1]}.md`, language: named[2]! } : undefined;
}

/** The problem with a translation's language, if the site has no such edition. */
export function languageProblem(file: string, language: string, site: { language: string; editions: readonly { language: string }[] } | undefined): Problem | undefined {
  if (!site) return undefined;
  if (language === site.language) {
    return { file, field: "file name", message: `names ${language}, the digest's own language: an item in it is <slug>.md, without a language`, value: file.split("/").pop() };
  }
  if (!site.editions.some((e) => e.language === language)) {
    const editions = site.editions.map((e) => e.language);
    return {
      file,
      field: "file name",
      message: `names the language "${language}", which is not an edition of the digest (${editions.length ? `editions in site.ts: ${editions.join(", ")}` : "site.ts lists no editions"})`,
    };
  }
  return undefined;
}

export function parseItemTranslation(root: string, relative: string, language: string, original: string): { parsed?: ParsedTranslation; problems: Problem[]; draft?: boolean } {
  const file = `${COLLECTIONS.items.folder}/${relative}`;
  const read = readMarkdownFile(root, file);
  if (!read.frontMatter) return { problems: read.problems };
  const fm = read.frontMatter;
  const result = itemTranslationSchema.safeParse(fm.data);
  if (!result.success) return { problems: problemsFromZod(result.error, fm.data, { file, lineOf: fm.lineOf, knownFields: ITEM_FIELDS }), ...(fm.data.draft === true ? { draft: true } : {}) };
  const data = result.data;
  const shared = Object.fromEntries(SHARED.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]));
  return {
    parsed: {
      file,
      language,
      original,
      title: data.title,
      summary: data.summary,
      ...(data.location ? { location: data.location } : {}),
      ...(data.grade ? { gradeNote: data.grade.note } : {}),
      ...(data.corrections ? { corrections: data.corrections.map((c) => ({ what: c.what, ...(c.toll ? { toll: c.toll } : {}) })), correctionDates: data.corrections.map((c) => c.date) } : {}),
      draft: data.draft,
      body: fm.body,
      ...(read.fingerprint ? { fingerprint: read.fingerprint } : {}),
      shared,
      lineOf: fm.lineOf,
    },
    problems: [],
  };
}

/** Where a translation's repeated shared fields disagree with its original. */
export function disagreements(translation: ParsedTranslation, item: Item, context: { zone: string; places: Places }): Problem[] {
  const problems: Problem[] = [];
  const differs = (field: string, theirs: unknown, value: unknown, message?: string) => {
    const line = translation.lineOf([field]);
    problems.push({
      file: translation.file,
      ...(line === undefined ? {} : { line }),
      field,
      message: message ?? `differs from the original's (${item.file}: ${typeof theirs === "string" ? theirs : JSON.stringify(theirs)}); a translation shares it, so leave it out or make it the same`,
      value,
    });
  };
  const { shared } = translation;
  if ("date" in shared) {
    const date = typeof shared.date === "string" ? parseItemDate(shared.date, context.zone) : undefined;
    if (!date?.ok || date.date.toMillis() !== item.date.toMillis() || date.hasTime !== item.hasTime) {
      differs("date", item.hasTime ? item.date.toISO({ suppressMilliseconds: true }) : item.date.toISODate(), shared.date);
    }
  }
  // Read as the original's fields are (trimmed, defaults filled in), then compared.
  for (const field of ["countries", "tags"] as const) {
    if (!(field in shared)) continue;
    const read = itemFrontMatterSchema.shape[field].safeParse(shared[field]);
    if (!read.success || !sameJson([...new Set(read.data)], item[field])) differs(field, item[field].join(", "), shared[field]);
  }
  if ("source" in shared) {
    const read = itemFrontMatterSchema.shape.source.safeParse(shared.source);
    if (!read.success || !sameJson(read.data, item.source)) {
      const source = [`name "${item.source.name}"`, ...(item.source.url ? [`url ${item.source.url}`] : []), ...(item.source.published ? [`published "${item.source.published}"`] : [])].join(", ");
      differs("source", item.source, shared.source, `is not the original's source (${item.file} gives ${source}): every edition cites the source as it names itself, so a translation leaves source out; remove it here`);
    }
  }
  if ("incidents" in shared) {
    const checked = checkIncidents(shared.incidents, { places: context.places, countries: item.countries, itemDay: item.date.toISODate()! });
    if (checked.problems.length || !sameJson(checked.incidents, item.incidents)) differs("incidents", `${item.incidents.length} incident(s), as recorded there`, "these incidents");
  }
  problems.push(...correctionDisagreements(translation, item));
  if (translation.gradeNote !== undefined && !item.grade) {
    const line = translation.lineOf(["grade"]);
    problems.push({ file: translation.file, ...(line === undefined ? {} : { line }), field: "grade", message: `has no grade to translate: the original (${item.file}) gives none; grade the original, or leave this out` });
  }
  return problems;
}

/** A translation's corrections follow the original's, one for one: no more of them, and a repeated date the same. */
function correctionDisagreements(translation: ParsedTranslation, item: Item): Problem[] {
  const dates = translation.correctionDates ?? [];
  const problems: Problem[] = [];
  const at = (path: (string | number)[]) => {
    const line = translation.lineOf(path);
    return line === undefined ? {} : { line };
  };
  dates.forEach((date, index) => {
    const original = item.corrections[index];
    if (!original) {
      problems.push({ file: translation.file, ...at(["corrections", index]), field: `corrections[${index}]`, message: `has no correction to translate: the original (${item.file}) records ${item.corrections.length}; a translation gives their words in the same order` });
    } else if (date !== undefined && date !== original.date) {
      problems.push({ file: translation.file, ...at(["corrections", index, "date"]), field: `corrections[${index}].date`, message: `differs from the original's (${item.file}: ${original.date}); the corrections are translated in the original's order, so leave the date out or make it the same`, value: date });
    }
  });
  return problems;
}

/** A note's translation as read: its headline and lead (none when it translates only trends), its trends' words, and where each is written. */
export interface ReadNoteTranslation {
  readonly translation?: NoteTranslation;
  readonly trends?: TranslatedTrends;
  readonly lineOf?: FrontMatter["lineOf"];
  readonly draft: boolean;
  readonly problems: Problem[];
}

export function loadNoteTranslation(root: string, relative: string, language: string): ReadNoteTranslation {
  const file = `${COLLECTIONS.notes.folder}/${relative}`;
  const read = readMarkdownFile(root, file);
  if (!read.frontMatter) return { draft: false, problems: read.problems };
  const fm = read.frontMatter;
  const result = noteTranslationSchema.safeParse(fm.data);
  if (!result.success) return { draft: fm.data.draft === true, problems: problemsFromZod(result.error, fm.data, { file, lineOf: fm.lineOf, knownFields: NOTE_FIELDS }) };
  const data = result.data;
  const common = { ...(data.trends ? { trends: data.trends } : {}), lineOf: fm.lineOf, draft: data.draft };
  if (data.headline === undefined) {
    const problems: Problem[] = fm.body.trim() ? [{ file, line: 2, field: "headline", message: "is missing: a translation with a lead (the text below ---) needs a headline" }] : [];
    return { ...common, problems };
  }
  return { ...common, translation: { file, language, headline: data.headline, leadHtml: renderMarkdown(fm.body), draft: data.draft, ...(read.fingerprint ? { fingerprint: read.fingerprint } : {}) }, problems: [] };
}

/** An item or note with its translations attached, the same object while they stay the same. */
export function withTranslations<T extends Item | WeeklyNote>(original: T, translations: readonly (ItemTranslation | NoteTranslation)[]): T {
  if (!translations.length) return original;
  const byLanguage = Object.fromEntries(translations.map((t) => [t.language, t]));
  const key = JSON.stringify(byLanguage);
  const known = attached.get(original);
  if (known?.key === key) return known.value as T;
  const value = { ...original, translations: byLanguage };
  attached.set(original, { key, value });
  return value;
}

const attached = new WeakMap<object, { key: string; value: object }>();

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}
