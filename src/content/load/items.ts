// Reads and validates one item file: content/articles/<year>/<slug>.md.
import type { DateTime } from "luxon";
import { itemFrontMatterSchema } from "../schemas.ts";
import type { Grade, Item } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { parseItemDate } from "../../core/dates.ts";
import { localWeek } from "../../core/weeks.ts";
import { COLLECTIONS } from "../collections.ts";
import { brokenReferences, type KnownKeys } from "./references.ts";
import { fieldName, problemsFromZod } from "./zod-problems.ts";
import { readMarkdownFile } from "./markdown-file.ts";
import { checkIncidents } from "./incidents.ts";
import { correctionDateProblems } from "./corrections.ts";
import type { Places } from "./regions.ts";

export const ITEM_FIELDS = Object.keys(itemFrontMatterSchema.shape);
/** `source:`'s own fields, which an unindented block puts at the top level. */
const SOURCE_FIELDS = Object.fromEntries(Object.keys(itemFrontMatterSchema.shape.source.shape).map((field) => [field, "source"]));

export interface ItemContext {
  readonly root: string;
  readonly zone: string;
  readonly now: DateTime;
  /** The keys of the collections items refer to (see src/content/collections.ts). */
  readonly known: KnownKeys;
  /** The regions and countries incidents are placed in. */
  readonly places: Places;
}

/** `draft`: the file says `draft: true`, so its problems hold back only itself (content.ts). */
export type ItemResult = { item?: Item; problems: Problem[]; draft?: boolean };

/** An item read and checked, its Markdown body not rendered yet (see render-bodies.ts). */
export type ParsedItem = Omit<Item, "bodyHtml"> & { readonly body: string };

export type ParseResult = { parsed?: ParsedItem; problems: Problem[]; draft?: boolean };

/** `relative` is the path below content/articles/, e.g. "2020/niger-toumour-attack.md". */
export function parseItem(relative: string, ctx: ItemContext): ParseResult {
  const file = `${COLLECTIONS.items.folder}/${relative}`;
  const placement = /^(\d{4})\/([^/]+)\.md$/.exec(relative);
  if (!placement) {
    return { problems: [{ file, field: "", message: `must be at ${COLLECTIONS.items.folder}/<year>/<slug>.md` }] };
  }
  const year = Number(placement[1]);
  const slug = placement[2] ?? "";
  const problems: Problem[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    problems.push({ file, field: "file name", message: "must be a slug: lower-case letters, digits and single hyphens", value: `${slug}.md` });
  }

  // Read synchronously: with thousands of items, one promise per file costs more than the
  // reads themselves, and the parsing that follows is CPU work anyway.
  const read = readMarkdownFile(ctx.root, file);
  if (!read.frontMatter) return { problems: [...problems, ...read.problems] };
  const fm = read.frontMatter;
  const at = (fieldPath: (string | number)[]) => {
    const line = fm.lineOf(fieldPath);
    return line === undefined ? {} : { line };
  };
  const result = itemFrontMatterSchema.safeParse(fm.data);
  if (!result.success) {
    problems.push(...problemsFromZod(result.error, fm.data, { file, lineOf: fm.lineOf, knownFields: ITEM_FIELDS, nestedUnder: SOURCE_FIELDS }));
  }
  // The checks the schema cannot make still run on whatever fields are readable, so one run
  // reports every problem of the file.
  const raw = fm.data;
  const date = typeof raw.date === "string" ? parseItemDate(raw.date, ctx.zone) : undefined;
  if (date && !date.ok) problems.push({ file, ...at(["date"]), field: "date", message: date.message, value: raw.date });
  // The year folder is part of the item's URL, so it must be the year of its date (the
  // calendar year on the digest's clocks, not the ISO week's: 2021-01-02 is in 2020-W53 but
  // in content/articles/2021/).
  if (date?.ok && date.date.year !== year) {
    const shown = date.date.year;
    // A time with an offset can fall in another year than the one written (2020-12-31T23:30-05:00).
    const moved = String(raw.date).trim().startsWith(String(shown)) ? "" : ` on the digest's clocks (${ctx.zone})`;
    problems.push({ file, ...at(["date"]), field: "date", message: `is in ${shown}${moved}, so the file belongs in ${COLLECTIONS.items.folder}/${shown}/`, value: raw.date });
  }
  for (const broken of brokenReferences(raw, COLLECTIONS.items.references, ctx.known)) {
    problems.push({ file, ...at(broken.index === undefined ? [broken.field] : [broken.field, broken.index]), field: broken.field, message: broken.message });
  }
  const countries = Array.isArray(raw.countries) ? raw.countries.filter((c): c is string => typeof c === "string") : [];
  const checked = checkIncidents(raw.incidents, { places: ctx.places, countries, ...(date?.ok ? { itemDay: date.date.toISODate()! } : {}) });
  for (const p of checked.problems) {
    const line = fm.lineOf(p.path) ?? fm.lineOf(p.path.slice(0, 2));
    problems.push({ file, ...(line === undefined ? {} : { line }), field: fieldName(p.path), message: p.message, ...(p.value === undefined ? {} : { value: p.value }) });
  }
  const today = ctx.now.setZone(ctx.zone).toISODate()!;
  for (const p of correctionDateProblems(raw.corrections, { today, ...(date?.ok ? { itemDay: date.date.toISODate()! } : {}) })) {
    problems.push({ file, ...at(p.path), field: fieldName(p.path), message: p.message, value: p.value });
  }
  if (!result.success || !date?.ok || problems.length) {
    // An item with problems never reaches the archive-wide check of ids (incident-ids.ts): an id
    // it repeats is said here, so one run still reports every problem of the file.
    problems.push(...repeatedIds(raw.incidents, file, fm.lineOf));
    // A draft an editor is still filling in (an empty summary, a source to find) is shown by the
    // preview, marked incomplete with its problems, when it can be placed at all: a date and a
    // known country. Its problems hold back only itself.
    if (raw.draft !== true) return { problems: byLine(problems) };
    const sorted = byLine(problems);
    const known = countries.filter((c) => ctx.known.countries?.has(c) ?? true);
    if (!date?.ok || known.length === 0) return { problems: sorted, draft: true };
    const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
    const source = typeof raw.source === "object" && raw.source !== null ? (raw.source as Record<string, unknown>) : {};
    const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === "string" && ((ctx.known.actors?.has(t) ?? false) || (ctx.known.themes?.has(t) ?? false))) : [];
    const incomplete: ParsedItem = {
      slug, year, file,
      title: text(raw.title) || slug,
      date: date.date,
      hasTime: date.hasTime,
      week: localWeek(date.date),
      countries: unique(known),
      tags: unique(tags),
      summary: text(raw.summary),
      source: { name: text(source.name), ...(typeof source.url === "string" && /^https?:\/\//.test(source.url) ? { url: source.url } : {}) },
      ...(text(raw.location) ? { location: text(raw.location) } : {}),
      incidents: checked.incidents,
      retiredIds: [],
      corrections: [],
      draft: true,
      scheduled: date.date > ctx.now,
      incomplete: sorted.map((p) => `${p.line === undefined ? "" : `line ${p.line}, `}${p.field ? `${p.field}: ` : ""}${p.message.split("\n")[0]}${p.value === undefined ? "" : ` (got: ${JSON.stringify(p.value)})`}`),
      body: fm.body,
      ...(read.fingerprint ? { fingerprint: read.fingerprint } : {}),
    };
    return { parsed: incomplete, problems: sorted, draft: true };
  }
  const data = result.data;

  const parsed: ParsedItem = {
    slug,
    year,
    file,
    title: data.title,
    date: date.date,
    hasTime: date.hasTime,
    // parseItemDate gives the date on the digest's clocks.
    week: localWeek(date.date),
    countries: unique(data.countries),
    tags: unique(data.tags),
    summary: data.summary,
    source: data.source,
    ...(data.location ? { location: data.location } : {}),
    incidents: checked.incidents,
    retiredIds: data.retired_ids,
    // In the order they were made; each with only the fields the editor wrote.
    corrections: data.corrections.map((c) => ({ date: c.date, what: c.what, ...(c.toll ? { toll: c.toll } : {}) })),
    ...(data.grade ? { grade: { reliability: data.grade.reliability as Grade["reliability"], credibility: data.grade.credibility as Grade["credibility"], note: data.grade.note } } : {}),
    idLine: idLineFinder(fm.lineOf),
    draft: data.draft,
    scheduled: date.date > ctx.now,
    body: fm.body,
    ...(read.fingerprint ? { fingerprint: read.fingerprint } : {}),
  };
  return { parsed, problems };
}

/**
 * An item's `idLine`, made here rather than inside parseItem: a closure there would keep alive
 * everything parseItem's other closures hold (the file's front matter and body) for as long
 * as the item lives. This one holds the front matter's line finder, which holds its YAML text.
 */
function idLineFinder(lineOf: (path: (string | number)[]) => number | undefined): NonNullable<Item["idLine"]> {
  return (kind, index) => lineOf([kind === "incidents" ? "incidents" : "retired_ids", index, "id"]);
}

/** The incident ids a file's front matter repeats, each after its first, worded as incident-ids.ts words them. */
function repeatedIds(incidents: unknown, file: string, lineOf: (path: (string | number)[]) => number | undefined): Problem[] {
  if (!Array.isArray(incidents)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  incidents.forEach((incident: unknown, index) => {
    const id = incident && typeof incident === "object" ? (incident as { id?: unknown }).id : undefined;
    if (typeof id !== "string") return;
    if (seen.has(id)) {
      const line = lineOf(["incidents", index, "id"]);
      problems.push({ file, ...(line === undefined ? {} : { line }), field: `incidents[${index}].id`, message: "is already the id of an incident in this item: ids are unique across the archive; give this one another", value: id });
    }
    seen.add(id);
  });
  return problems;
}

/** A file's problems top to bottom, whole-file ones first. */
function byLine(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
