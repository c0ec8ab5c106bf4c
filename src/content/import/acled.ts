// Imports an ACLED-format CSV export as weekly counts per country (content/_data/external-counts.ts).
// ACLED's terms restrict redistribution of its data, so only the counts are kept: per digest
// country and ISO week, the number of events, the fatalities and the events per incident type.
//
// The pieces, each testable on its own:
//   readAcledCsv       CSV text (a stream) → rows with their line numbers, or a problem per bad row
//   countAcledRows     rows → counts per country and week, the bad rows, and what was read
//   mergeExternalCounts  the file's current entries + this import → the sorted new list
//   externalCountsFile   entries → the data file's text (deterministic bytes)
//   importAcled        the whole import on disk, for the CLI (src/cli/import.ts): prints nothing
import { createReadStream } from "node:fs";
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import countries from "i18n-iso-countries";
import { DateTime } from "luxon";
import { COLLECTIONS } from "../collections.ts";
import { FIRST_YEAR, LAST_YEAR } from "../../core/dates.ts";
import { INCIDENT_TYPES, TYPOLOGY, typeOfAcled, type IncidentType } from "../typology.ts";
import { loadEntries, loadList } from "../load/data-files.ts";
import { firstForbidden } from "../load/characters.ts";
import type { ExternalCountInput } from "../schemas.ts";
import { describeErrno, type Problem } from "../../core/problems.ts";
import { week } from "../../core/weeks.ts";

/** The columns an import cannot do without; ACLED's exports have about thirty. */
export const REQUIRED_COLUMNS = ["event_date", "event_type", "country", "fatalities"] as const;

/**
 * The longest record read, in characters. ACLED's longest field, `notes`, runs to a few
 * thousand characters, and a whole row to a few KiB: 1 MiB is generous. Without a bound, a
 * field whose closing quote is missing, or a file with no line breaks, was gathered whole
 * before anything was said (a 700 MB field took 1.4 GB of memory and ended in
 * ERR_STRING_TOO_LONG; a file with no line break read on for minutes).
 */
export const MAX_RECORD_CHARACTERS = 1024 * 1024;

/** How many bad rows are listed; the total is always given. */
export const LISTED_BAD_ROWS = 20;

export const DEFAULT_SOURCE = "ACLED";

/** A file-level problem: the import cannot go on (a missing column, broken quoting). */
export class AcledFileError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.name = "AcledFileError";
    this.problem = problem;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the CSV

/** One record of the file, with the line it starts on; or a record that could not be read. */
export type AcledRow = { readonly line: number; readonly record: Readonly<Record<string, string>> } | { readonly line: number; readonly problem: Problem };

/**
 * Line breaks inside fields (only a quoted field can hold them): \r\n counts once, and a \r
 * that ends a field (a file with mixed line ends) counts as none.
 */
function breaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.indexOf("\n") === -1 && field.indexOf("\r") === -1) continue;
    count += field.match(/\r\n|\n|\r(?!$)/g)?.length ?? 0;
  }
  return count;
}

type SkipError = CsvError & { record?: string[]; records?: number; lines?: number };

/**
 * The records of an ACLED-format CSV file, streamed: the whole file is never in memory. `file`
 * is how problems name it. A header without a required column, or quoting that leaves the rest
 * of the file unreadable, ends the iteration with an AcledFileError; a record with the wrong
 * number of fields is a row with a problem, and reading goes on. Empty lines are passed over.
 *
 * Line numbers are those an editor sees: the line a record starts on, counting the line breaks
 * inside quoted fields. (csv-parse's own count gives a record's last line, and counts a \r\n
 * inside quotes twice.) Every line is a record, an empty line or a record that was skipped for
 * its number of fields, so counting them in the file's order gives each its line.
 */
export async function* readAcledCsv(input: Readable | AsyncIterable<string | Buffer>, file: string): AsyncGenerator<AcledRow> {
  let header: string[] | undefined;
  /** The last line read so far. */
  let line = 0;
  /** Records skipped for their number of fields, with how many good records came before each. */
  const skipped: { after: number; fields: string[] }[] = [];
  let fatal: AcledFileError | undefined;

  const parser = parse({
    bom: true,
    relax_column_count: false,
    // An empty line is a record of one empty field, skipped below: so it keeps its place in the count.
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    // The header row, checked before any record is read.
    columns: (names: string[]) => {
      line = 1 + breaksIn(names);
      header = names.map((name) => name.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((column) => !header!.includes(column));
      if (missing.length) {
        const named = missing.map((column) => `"${column}"`);
        const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
        throw new AcledFileError({
          file,
          line: 1,
          field: "",
          message: `has no column ${list} in its header row; an ACLED export has the columns ${REQUIRED_COLUMNS.join(", ")} (and others)`,
        });
      }
      const repeated = header.find((name, i) => name !== "" && header!.indexOf(name) !== i);
      if (repeated) throw new AcledFileError({ file, line: 1, field: "", message: `has the column "${repeated}" twice in its header row` });
      return header;
    },
  });
  parser.on("skip", (error: SkipError) => {
    if (error.code === "CSV_RECORD_INCONSISTENT_COLUMNS" && error.record && error.records !== undefined) {
      skipped.push({ after: error.records, fields: error.record });
      return;
    }
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      // csv-parse's line is the one the record started on, unless a quoted field broke lines before the limit.
      fatal ??= new AcledFileError({
        file,
        line: error.lines ?? line + 1,
        field: "",
        message: `has a row longer than ${MAX_RECORD_CHARACTERS / (1024 * 1024)} MiB, far longer than any ACLED row: a line break or a closing quote is missing, or this is not an ACLED export; nothing was imported`,
      });
      parser.destroy();
      return;
    }
    // Broken quoting: where the next record starts is anyone's guess, so nothing more is read.
    fatal ??= new AcledFileError({ file, line: error.lines ?? line + 1, field: "", message: `is not valid CSV: ${csvMessage(error)}; no row after it can be read` });
    parser.destroy();
  });

  /** The skipped records that came before the `records + 1`-th good one, as rows (empty lines: none). */
  function* skippedBefore(records: number): Generator<AcledRow> {
    while (skipped.length && skipped[0]!.after <= records) {
      const { fields } = skipped.shift()!;
      const start = line + 1;
      line = start + breaksIn(fields);
      if (fields.length === 1 && fields[0] === "") continue;
      const shown = fields.length > 3 ? `${fields.slice(0, 3).join(",")},…` : fields.join(",");
      const message = `has ${fields.length} ${fields.length === 1 ? "field" : "fields"} where the header row has ${header?.length ?? 0}`;
      yield { line: start, problem: { file, line: start, field: "", message, value: shown } };
    }
  }

  const source = isReadable(input) ? input : Readable.from(input);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      yield* skippedBefore(records);
      records++;
      const start = line + 1;
      line = start + breaksIn(Object.values(record));
      yield { line: start, record };
    }
  } catch (error) {
    if (error instanceof AcledFileError) throw error;
    if (!fatal) throw error;
  } finally {
    source.unpipe(parser);
    if (!source.destroyed) source.destroy();
  }
  yield* skippedBefore(Infinity);
  if (fatal) throw fatal;
  if (!header) throw new AcledFileError({ file, field: "", message: "is empty: an ACLED export starts with a header row (event_date, event_type, country, …)" });
}

function isReadable(input: unknown): input is Readable {
  return typeof (input as Readable).pipe === "function" && typeof (input as Readable).on === "function";
}

/** csv-parse's message, without its own line number (ours is in front). */
function csvMessage(error: CsvError): string {
  const messages: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
    CSV_INVALID_CLOSING_QUOTE: "a quoted field's closing quote is followed by something other than a comma or the end of the line",
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a quoted field's closing quote is followed by something other than a comma or the end of the line",
  };
  return messages[error.code] ?? error.message.replace(/\s+(?:at|on) line \d+.*$/, "");
}

// ---------------------------------------------------------------------------------------------
// Dates and countries

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WORDS_DATE = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/;

export type AcledDate = { ok: true; date: string; week: string } | { ok: false; message: string };

/**
 * ACLED's event_date in either of the forms its exports use, "2020-12-03" or "03 December 2020",
 * with the ISO week of that calendar day: Sunday 2020-12-06 is in 2020-W49, 2021-01-03 in 2020-W53.
 */
export function acledDate(text: string): AcledDate {
  const trimmed = text.trim();
  let parts: [number, number, number] | undefined;
  const iso = ISO_DATE.exec(trimmed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const words = iso ? null : WORDS_DATE.exec(trimmed.replace(/\s+/g, " "));
  if (words) {
    const month = MONTHS.indexOf(words[2]!.toLowerCase());
    if (month !== -1) parts = [Number(words[3]), month + 1, Number(words[1])];
  }
  if (!parts) return { ok: false, message: "is not a date such as 2020-12-03 or 03 December 2020" };
  const [year, month, day] = parts;
  const date = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
  if (!date.isValid) return { ok: false, message: "is not a day that exists" };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}` };
  return { ok: true, date: date.toISODate()!, week: week(date.weekYear, date.weekNumber).id };
}

/** Lower case, no diacritics, single spaces: "Côte d'Ivoire" and "COTE D'IVOIRE" are the same. */
function plainName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_]+/g, " ").trim();
}

/** What the importer needs of a digest country (countries.ts). */
export interface DigestCountry {
  readonly slug: string;
  readonly kind?: string;
  readonly name: string;
  /** Its names in other languages (countries.ts `translations`). */
  readonly translations?: Readonly<Record<string, { readonly name?: string }>>;
  readonly iso?: string;
  readonly order: number;
}

export interface CountryMatcher {
  /** The digest country's slug for an ACLED row's `country` and `iso` (numeric) columns. */
  (name: string, isoNumeric?: string): string | undefined;
}

/**
 * Matches ACLED rows to the digest's countries: by ISO 3166 numeric code when the row has one
 * that is a digest country's, otherwise by name (the digest's name for it in any of its
 * languages, or a name i18n-iso-countries knows for the country in any language it has), regardless of case and diacritics. Regions
 * (kind "region") have no code and match nothing.
 */
export function countryMatcher(digest: readonly DigestCountry[]): CountryMatcher {
  const byNumeric = new Map<number, string>();
  const byAlpha2 = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const country of digest) {
    if (country.kind === "region" || !country.iso) continue;
    byAlpha2.set(country.iso, country.slug);
    const numeric = countries.alpha2ToNumeric(country.iso);
    if (numeric) byNumeric.set(Number(numeric), country.slug);
    for (const name of [country.name, ...Object.values(country.translations ?? {}).map((t) => t.name)]) if (name) byName.set(plainName(name), country.slug);
  }
  const named = new Map<string, string | undefined>();
  return (name, isoNumeric) => {
    const code = isoNumeric?.trim();
    if (code && /^\d{1,3}$/.test(code)) {
      const slug = byNumeric.get(Number(code));
      if (slug) return slug;
    }
    if (named.has(name)) return named.get(name);
    const plain = plainName(name);
    let slug = byName.get(plain);
    if (!slug && plain) {
      const alpha2 = countries.langs().reduce<string | undefined>((found, language) => found ?? countries.getAlpha2Code(name.trim(), language), undefined);
      if (alpha2) slug = byAlpha2.get(alpha2);
    }
    named.set(name, slug);
    return slug;
  };
}

// ---------------------------------------------------------------------------------------------
// Counting

/** One country's count for one ISO week, before the source and export date are added. */
export interface WeekCount {
  country: string;
  week: string;
  events: number;
  fatalities: number;
  byType: Partial<Record<IncidentType, number>>;
}

export interface AcledStats {
  /** Records in the file, good and bad. */
  rowsRead: number;
  /** Rows counted into a digest country's week. */
  rowsImported: number;
  /** Rows of countries the digest does not cover: not errors. */
  otherCountries: number;
  /** Those rows per country name as the file writes it. */
  otherCountryNames: Map<string, number>;
  /** The newest `timestamp` (Unix seconds) of any row, when the file has that column. */
  newestTimestamp: number | undefined;
  /** The first and last event date of the rows imported (YYYY-MM-DD), and their countries' slugs: what the import took. */
  firstDate?: string;
  lastDate?: string;
  countries: Set<string>;
}

export interface AcledCounts {
  /** Per country and week, in the order first met (see mergeExternalCounts for the file's order). */
  counts: WeekCount[];
  /** The first LISTED_BAD_ROWS bad rows, by line. */
  badRows: Problem[];
  /** All bad rows. */
  badRowCount: number;
  stats: AcledStats;
}

export interface CountOptions {
  /** How problems name the file. */
  readonly file: string;
  readonly countries: readonly DigestCountry[];
  /** Called every `progressEvery` rows (1000 unless told) with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  readonly progressEvery?: number;
}

const EVENT_TYPES = INCIDENT_TYPES.map((type) => TYPOLOGY[type].acled);

/**
 * Counts ACLED rows per digest country and ISO week. A bad row (a date that is none, an event
 * type ACLED does not have, fatalities that are not a whole number of 0 or more, the wrong
 * number of fields) is counted and the first LISTED_BAD_ROWS are kept, with their line. Rows of
 * countries the digest does not cover are counted as such and not checked further.
 */
export async function countAcledRows(rows: AsyncIterable<AcledRow> | Iterable<AcledRow>, options: CountOptions): Promise<AcledCounts> {
  const { file } = options;
  const match = countryMatcher(options.countries);
  const every = Math.max(1, options.progressEvery ?? 1000);
  const dates = new Map<string, AcledDate>();
  const byKey = new Map<string, WeekCount>();
  const stats: AcledStats = { rowsRead: 0, rowsImported: 0, otherCountries: 0, otherCountryNames: new Map(), newestTimestamp: undefined, countries: new Set() };
  const badRows: Problem[] = [];
  let badRowCount = 0;
  const bad = (problem: Problem) => {
    badRowCount++;
    // Keep the LISTED_BAD_ROWS earliest: rows come almost in order, so this rarely sorts.
    if (badRows.length === LISTED_BAD_ROWS && (problem.line ?? 0) >= (badRows.at(-1)!.line ?? 0)) return;
    badRows.push(problem);
    badRows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (badRows.length > LISTED_BAD_ROWS) badRows.pop();
  };

  for await (const row of rows) {
    stats.rowsRead++;
    if (options.onProgress && stats.rowsRead % every === 0) options.onProgress(stats.rowsRead);
    if ("problem" in row) {
      bad(row.problem);
      continue;
    }
    const { line, record } = row;
    const name = record.country ?? "";
    if (!name.trim()) {
      bad({ file, line, field: "country", message: "is empty" });
      continue;
    }
    const country = match(name, record.iso);
    if (!country) {
      stats.otherCountries++;
      const shown = name.trim();
      stats.otherCountryNames.set(shown, (stats.otherCountryNames.get(shown) ?? 0) + 1);
      continue;
    }
    const dateText = record.event_date ?? "";
    let date = dates.get(dateText);
    if (!date) dates.set(dateText, (date = acledDate(dateText)));
    if (!date.ok) {
      bad({ file, line, field: "event_date", message: date.message, value: dateText });
      continue;
    }
    const eventType = record.event_type ?? "";
    const type = typeOfAcled(eventType);
    if (!type) {
      bad({ file, line, field: "event_type", message: `is not one of ACLED's event types (${EVENT_TYPES.join(", ")})`, value: eventType });
      continue;
    }
    const fatalitiesText = (record.fatalities ?? "").trim();
    if (!/^\d{1,9}$/.test(fatalitiesText)) {
      bad({ file, line, field: "fatalities", message: "is not a whole number of 0 or more", value: record.fatalities ?? "" });
      continue;
    }
    const key = `${country} ${date.week}`;
    let count = byKey.get(key);
    if (!count) byKey.set(key, (count = { country, week: date.week, events: 0, fatalities: 0, byType: {} }));
    count.events++;
    count.fatalities += Number(fatalitiesText);
    count.byType[type] = (count.byType[type] ?? 0) + 1;
    stats.rowsImported++;
    stats.countries.add(country);
    if (stats.firstDate === undefined || date.date < stats.firstDate) stats.firstDate = date.date;
    if (stats.lastDate === undefined || date.date > stats.lastDate) stats.lastDate = date.date;
    // The export's date: the newest change among the rows imported (others are not checked).
    const timestamp = record.timestamp?.trim();
    if (timestamp && /^\d{1,12}$/.test(timestamp)) {
      const seconds = Number(timestamp);
      if (stats.newestTimestamp === undefined || seconds > stats.newestTimestamp) stats.newestTimestamp = seconds;
    }
  }
  return { counts: [...byKey.values()], badRows, badRowCount, stats };
}

// ---------------------------------------------------------------------------------------------
// The data file

/**
 * The file's entries of other sources, kept as they are, and this import's counts in place of
 * every entry of its source; ordered by source, country (as the digest orders them: `order`,
 * then place in countries.ts; unknown countries last, by slug) and week. Keys in a fixed order.
 */
export function mergeExternalCounts(
  existing: readonly ExternalCountInput[],
  counts: readonly WeekCount[],
  options: { source: string; exported: string; accessed?: string; filters?: string; countries: readonly Pick<DigestCountry, "slug" | "order">[] },
): ExternalCountInput[] {
  const imported: ExternalCountInput[] = counts.map((count) => ({
    country: count.country,
    week: count.week,
    source: options.source,
    exported: options.exported,
    ...(options.accessed ? { accessed: options.accessed } : {}),
    ...(options.filters ? { filters: options.filters } : {}),
    events: count.events,
    fatalities: count.fatalities,
    byType: count.byType,
  }));
  const kept = existing.filter((entry) => entry.source !== options.source);
  const rank = new Map<string, number>();
  [...options.countries]
    .map((country, index) => ({ country, index }))
    .sort((a, b) => a.country.order - b.country.order || a.index - b.index)
    .forEach(({ country }, position) => rank.set(country.slug, position));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...kept, ...imported].map(normalized).sort(
    (a, b) =>
      order(a.source, b.source) ||
      (rank.get(a.country) ?? Infinity) - (rank.get(b.country) ?? Infinity) ||
      order(a.country, b.country) ||
      order(a.week, b.week),
  );
}

/** The entry with its keys in the file's order and byType in the typology's order, zeros left out. */
function normalized(entry: ExternalCountInput): ExternalCountInput {
  const out: ExternalCountInput = {
    country: entry.country,
    week: entry.week,
    source: entry.source,
    exported: entry.exported,
    ...(entry.accessed !== undefined ? { accessed: entry.accessed } : {}),
    ...(entry.filters !== undefined ? { filters: entry.filters } : {}),
    events: entry.events,
  };
  if (entry.fatalities !== undefined) out.fatalities = entry.fatalities;
  if (entry.byType) {
    const byType: Partial<Record<IncidentType, number>> = {};
    for (const type of INCIDENT_TYPES) {
      const n = entry.byType[type];
      if (n) byType[type] = n;
    }
    out.byType = byType;
  }
  return out;
}

export interface FileHeader {
  /** The CSV file's name; only its base name is written. */
  readonly file: string;
  readonly source: string;
  readonly exported: string;
}

/** A string as TypeScript source: JSON's escapes, and line and paragraph separators escaped too. */
function literal(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A name for a comment: as it is when it is plain, else quoted and escaped. */
function plain(text: string): string {
  return /^[\p{L}\p{N} ._()'-]+$/u.test(text) ? text : literal(text);
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

/**
 * The text of content/_data/external-counts.ts: one entry a line. The same entries and header
 * always give the same bytes (the time of the import is not in it).
 */
export function externalCountsFile(entries: readonly ExternalCountInput[], header: FileHeader): string {
  const name = path.basename(header.file.replace(/\\/g, "/"));
  const lines = [
    `// Written by \`npm run import\` from ${plain(name)} (${plain(header.source)} data exported ${header.exported}).`,
    "// ACLED's terms of use restrict redistribution of its data: this file keeps weekly counts per",
    "// country only, not ACLED's rows; `accessed` and `filters` say when and how the data was taken,",
    "// as ACLED's attribution asks, and every page that shows these counts names ACLED and that day.",
    "// The next import of a source replaces all of that source's",
    "// entries; entries of other sources are kept as they are.",
    'import type { ExternalCountInput } from "../schemas.ts";',
    "",
    "const externalCounts: ExternalCountInput[] = [",
  ];
  for (const entry of entries) {
    const fields = [
      `country: ${literal(entry.country)}`,
      `week: ${literal(entry.week)}`,
      `source: ${literal(entry.source)}`,
      `exported: ${literal(entry.exported)}`,
      ...(entry.accessed !== undefined ? [`accessed: ${literal(entry.accessed)}`] : []),
      ...(entry.filters !== undefined ? [`filters: ${literal(entry.filters)}`] : []),
      `events: ${entry.events}`,
    ];
    if (entry.fatalities !== undefined) fields.push(`fatalities: ${entry.fatalities}`);
    if (entry.byType) {
      const types = INCIDENT_TYPES.filter((type) => entry.byType![type] !== undefined).map((type) => `${key(type)}: ${entry.byType![type]}`);
      fields.push(types.length ? `byType: { ${types.join(", ")} }` : "byType: {}");
    }
    lines.push(`  { ${fields.join(", ")} },`);
  }
  lines.push("];", "", "export default externalCounts;", "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The import on disk

export interface ImportOptions {
  /** The project's folder. */
  readonly root: string;
  /** The CSV file, as the problems should name it (relative to the working directory is fine). */
  readonly file: string;
  /** YYYY-MM-DD; the newest `timestamp` of the file when left out. */
  readonly exported?: string;
  /** YYYY-MM-DD: the day the export was downloaded from ACLED; the export date when left out. */
  readonly accessed?: string;
  /** The filters chosen on ACLED's export tool, in one line; what the import took (countries, dates) when left out. */
  readonly filters?: string;
  readonly source?: string;
  /** Write the good rows' counts even when some rows are bad. */
  readonly skipBadRows?: boolean;
  readonly onProgress?: (rowsRead: number) => void;
}

export interface ImportResult {
  /** Whether external-counts.ts was written. */
  readonly written: boolean;
  /** What stopped the import (the file, the project's data files). Empty when it was written. */
  readonly problems: Problem[];
  /** Present once the CSV file was read through. */
  readonly counts?: AcledCounts;
  /** The entries of this source that were written. */
  readonly entries: number;
  readonly exported?: string;
  readonly source: string;
  /** The data file, relative to the root. */
  readonly output: string;
}

/** "2020-12-03" that is a day that exists. */
export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: "UTC" }).isValid;
}

/**
 * Reads the CSV file, counts it, and rewrites external-counts.ts, unless something is wrong:
 * the project's countries or current external counts cannot be read, the file cannot be read
 * as an ACLED export, it has bad rows (and `skipBadRows` is not set), no row is of a digest
 * country, or there is no export date. Writes atomically, or not at all.
 */
export async function importAcled(options: ImportOptions): Promise<ImportResult> {
  const source = options.source ?? DEFAULT_SOURCE;
  const output = COLLECTIONS.externalCounts.file;
  const base = { written: false, entries: 0, source, output };
  const fail = (problems: Problem[], extra: Partial<ImportResult> = {}): ImportResult => ({ ...base, problems, ...extra });

  if (!source.trim() || source !== source.trim() || firstForbidden(source) !== -1 || /[\r\n\u2028\u2029]/.test(source)) {
    return fail([{ file: "--source", field: "", message: "must be a name on one line, such as ACLED", value: source }]);
  }
  if (options.exported !== undefined && !isDate(options.exported)) {
    return fail([{ file: "--exported", field: "", message: "must be a date such as 2021-01-15", value: options.exported }]);
  }
  if (options.accessed !== undefined && !isDate(options.accessed)) {
    return fail([{ file: "--accessed", field: "", message: "must be a date such as 2021-01-15: the day the export was downloaded", value: options.accessed }]);
  }
  if (options.filters !== undefined && (!options.filters.trim() || options.filters.length > 300 || firstForbidden(options.filters) !== -1 || /[\r\n\u2028\u2029]/.test(options.filters))) {
    return fail([{ file: "--filters", field: "", message: "must be one line of at most 300 characters: the filters chosen on ACLED's export tool, such as \"Mali, Niger; 2020-10-26 to 2021-01-03\"", value: options.filters }]);
  }

  const digest = await loadList(options.root, COLLECTIONS.countries.file, COLLECTIONS.countries.schema);
  if (digest.problems.length) return fail(digest.problems);
  const existing = await loadEntries(options.root, output, COLLECTIONS.externalCounts.schema, { optional: true });
  if (existing.problems.length) {
    return fail([...existing.problems, { file: output, field: "", message: "must be fixed (or removed) before an import rewrites it: its other entries would be lost" }]);
  }

  let info;
  try {
    info = await stat(options.file);
  } catch (error) {
    return fail([{ file: options.file, field: "", message: `cannot be read: ${describeErrno(error)}` }]);
  }
  if (!info.isFile()) return fail([{ file: options.file, field: "", message: "is not a file" }]);

  let counts: AcledCounts;
  try {
    const stream = createReadStream(options.file);
    counts = await countAcledRows(readAcledCsv(stream, options.file), { file: options.file, countries: digest.value, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    if (error instanceof AcledFileError) return fail([error.problem]);
    if ((error as NodeJS.ErrnoException)?.code) return fail([{ file: options.file, field: "", message: `cannot be read: ${describeErrno(error)}` }]);
    throw error;
  }

  const exported = options.exported ?? (counts.stats.newestTimestamp === undefined ? undefined : DateTime.fromSeconds(counts.stats.newestTimestamp, { zone: "UTC" }).toISODate()!);
  // Everything that stops the import is said at once. (Bad rows are in `counts`.)
  const problems: Problem[] = [];
  if (counts.stats.rowsImported === 0) {
    problems.push({ file: options.file, field: "", message: "has no row of the digest's countries that could be imported" });
  }
  const exportedYear = exported ? Number(exported.slice(0, 4)) : undefined;
  if (exported && (!isDate(exported) || exportedYear! < FIRST_YEAR || exportedYear! > LAST_YEAR)) {
    problems.push({ file: options.exported ? "--exported" : options.file, field: options.exported ? "" : "timestamp", message: `gives an export date outside ${FIRST_YEAR}-${LAST_YEAR}; give the date with --exported YYYY-MM-DD`, value: exported });
  }
  if (!exported) {
    problems.push({ file: options.file, field: "", message: "has no timestamp column to tell when it was exported; give the date with --exported YYYY-MM-DD" });
  }
  if (problems.length || !exported || (counts.badRowCount > 0 && !options.skipBadRows)) return fail(problems, { counts, ...(exported ? { exported } : {}) });

  if (options.accessed !== undefined && options.accessed < exported) {
    return fail([{ file: "--accessed", field: "", message: `is before the export date (${exported}): the data cannot have been downloaded before it was exported`, value: options.accessed }], { counts, exported });
  }
  const accessed = options.accessed ?? exported;
  const filters = options.filters?.trim() ?? importedFilters(counts.stats, digest.value);
  const entries = mergeExternalCounts(existing.value, counts.counts, { source, exported, accessed, filters, countries: digest.value });
  // What the build will read back: an entry it would refuse is not written.
  for (const [i, entry] of entries.entries()) {
    const checked = COLLECTIONS.externalCounts.schema.safeParse(entry);
    if (!checked.success) return fail([{ file: output, field: `[${i}]`, message: `would not be valid: ${checked.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}` }], { counts, exported });
  }
  const text = externalCountsFile(entries, { file: options.file, source, exported });
  await writeAtomically(path.join(options.root, output), text);
  return { ...base, written: true, problems: [], counts, exported, entries: counts.counts.length };
}

/** What the import took, as filters: "countries Mali, Niger; events of 2020-10-26 to 2021-01-03". */
export function importedFilters(stats: Pick<AcledStats, "countries" | "firstDate" | "lastDate">, countries: readonly Pick<DigestCountry, "slug" | "name">[]): string {
  const names = countries.filter((c) => stats.countries.has(c.slug)).map((c) => c.name);
  return `countries ${names.join(", ")}; events of ${stats.firstDate} to ${stats.lastDate}`;
}

/** Writes a temporary file beside `file`, then renames it over `file`: readers see the old or the new text. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
