// Reads and checks the monthly notes: content/months/<YYYY>-<MM>.md, and their translations
// <YYYY>-<MM>.<language>.md beside them, as the weekly notes are (src/content/load/notes.ts).
// A note's `trends` name countries by slug: each is checked against countries.ts, and a
// translation may give only reasons for trends its original has.
import { COLLECTIONS } from "../collections.ts";
import { renderMarkdown } from "../markdown.ts";
import { monthNoteFrontMatterSchema, monthNoteTranslationSchema, type Site } from "../schemas.ts";
import type { MonthNote, MonthNoteTranslation } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { parseMonthId } from "../../core/months.ts";
import { withSuggestion } from "../../core/suggest.ts";
import { markdownFiles } from "./files.ts";
import { readMarkdownFile } from "./markdown-file.ts";
import { languageProblem, translationName } from "./translations.ts";
import { problemsFromZod } from "./zod-problems.ts";

const FOLDER = COLLECTIONS.monthNotes.folder;
const FIELDS = Object.keys(monthNoteFrontMatterSchema.shape);
const TRANSLATION_FIELDS = Object.keys(monthNoteTranslationSchema.shape);

export function loadMonthNotes(root: string, countries: ReadonlySet<string>, site: Site | undefined): { notes: MonthNote[]; passedOver: readonly string[]; problems: Problem[] } {
  const files = markdownFiles(root, FOLDER);
  const problems: Problem[] = [...files.problems];
  const originals = new Map<string, MonthNote>();
  for (const relative of files.files.filter((f) => !translationName(f))) {
    const file = `${FOLDER}/${relative}`;
    const month = parseMonthId(relative.replace(/\.md$/, ""));
    if (!month) {
      problems.push({ file, field: "file name", message: "must name a month, such as 2020-12.md", value: relative });
      continue;
    }
    const read = readMarkdownFile(root, file);
    problems.push(...read.problems);
    if (!read.frontMatter) continue;
    // The countries are checked whatever else is wrong, so every problem is told at once.
    const written = (read.frontMatter.data as { trends?: unknown }).trends;
    let known = true;
    for (const country of written && typeof written === "object" ? Object.keys(written) : []) {
      if (countries.has(country)) continue;
      known = false;
      const line = read.frontMatter.lineOf(["trends", country]);
      problems.push({ file, field: `trends.${country}`, message: withSuggestion("is not a country of content/_data/countries.ts (name one by its slug)", country, [...countries]), value: country, ...(line === undefined ? {} : { line }) });
    }
    const result = monthNoteFrontMatterSchema.safeParse(read.frontMatter.data);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, read.frontMatter.data, { file, lineOf: read.frontMatter.lineOf, knownFields: FIELDS }));
      continue;
    }
    if (!known) continue;
    const trends = Object.entries(result.data.trends).map(([country, { trend, reason }]) => ({ country, trend, reason }));
    originals.set(relative, { file, month, ...(result.data.headline ? { headline: result.data.headline } : {}), leadHtml: renderMarkdown(read.frontMatter.body), trends });
  }
  const translations = new Map<string, Record<string, MonthNoteTranslation>>();
  for (const relative of files.files.filter((f) => translationName(f))) {
    const { original, language } = translationName(relative)!;
    const file = `${FOLDER}/${relative}`;
    const wrongLanguage = languageProblem(file, language, site);
    if (wrongLanguage) {
      problems.push(wrongLanguage);
      continue;
    }
    const note = originals.get(original);
    if (!note) {
      problems.push({ file, field: "file name", message: `is a translation of ${FOLDER}/${original}, which does not exist (or has problems): write the month's note in the digest's own language first` });
      continue;
    }
    const read = readMarkdownFile(root, file);
    problems.push(...read.problems);
    if (!read.frontMatter) continue;
    const result = monthNoteTranslationSchema.safeParse(read.frontMatter.data);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, read.frontMatter.data, { file, lineOf: read.frontMatter.lineOf, knownFields: TRANSLATION_FIELDS }));
      continue;
    }
    const own = new Set(note.trends.map((t) => t.country));
    for (const country of Object.keys(result.data.trends)) {
      if (!own.has(country)) problems.push({ file, field: `trends.${country}`, message: `gives a reason for a trend ${note.file} does not give: give the trend there first`, value: country });
    }
    const reasons = Object.fromEntries(Object.entries(result.data.trends).map(([country, { reason }]) => [country, reason]));
    translations.set(original, { ...(translations.get(original) ?? {}), [language]: { file, language, ...(result.data.headline ? { headline: result.data.headline } : {}), leadHtml: renderMarkdown(read.frontMatter.body), reasons, draft: result.data.draft } });
  }
  const notes = [...originals].map(([relative, note]) => (translations.has(relative) ? { ...note, translations: translations.get(relative)! } : note)).sort((a, b) => (a.month.id < b.month.id ? -1 : 1));
  return { notes, passedOver: files.passedOver, problems };
}
