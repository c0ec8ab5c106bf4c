// The open data's files: the digest's rows (src/digest/open-data.ts) as CSV and JSON, every
// published incident and the weekly counts per country and type, for the whole digest and
// for each country. RFC 4180 CSV (CRLF, quoted where needed) in UTF-8, by
// csv-stringify; a text cell that begins with =, +, - or @ gets a leading apostrophe, so a
// spreadsheet shows it rather than runs it. Nothing here depends on the clock: the same
// content gives the same bytes.
import { stringify } from "csv-stringify/sync";
import type { OpenDataRows } from "../digest/open-data.ts";
import { tollColumns, type TollSum } from "../digest/tolls.ts";
import { INCIDENT_TYPES, TYPOLOGY, typeLabel, type IncidentType } from "../content/typology.ts";
import { datePrecisions, placePrecisions, sourceReliabilities } from "../content/schemas.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";

/**
 * A column of a file, documented on /data/, in the JSON file and in the Table Schema of
 * datapackage.json: its description is the catalogue's `data.column.<file>.<name>`, in the
 * edition's language on the page and in the default edition's in the files, which every edition
 * shares. Its `field` is what the Table Schema says of its values (src/pages/data-package.ts): the
 * same list writes the CSV and describes it, so a new column cannot go undescribed.
 */
export interface Column {
  readonly name: string;
  /** The message that describes it. */
  readonly key: string;
  /** For a column of one type's counts: the type, named in the description. */
  readonly type?: IncidentType;
  readonly field: FieldSpec;
}

/** A Table Schema field's type and constraints (Frictionless Table Schema). Empty cells are missing values. */
export interface FieldSpec {
  readonly type: "string" | "integer" | "number" | "date" | "boolean";
  /** "uri" for an address; a date is always YYYY-MM-DD (the default format). */
  readonly format?: "uri";
  readonly required?: true;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
}

const column = (file: string) => (name: string, field: FieldSpec): Column => ({ name, key: `data.column.${file}.${name}`, field });

const text: FieldSpec = { type: "string" };
const required: FieldSpec = { type: "string", required: true };
const address: FieldSpec = { type: "string", format: "uri" };
const requiredAddress: FieldSpec = { type: "string", format: "uri", required: true };
const day: FieldSpec = { type: "date", required: true };
const count: FieldSpec = { type: "integer", minimum: 0, required: true };
const isoWeek: FieldSpec = { type: "string", pattern: "[0-9]{4}-W[0-9]{2}", required: true };
const slug: FieldSpec = { type: "string", pattern: "[a-z0-9]+(-[a-z0-9]+)*" };
const requiredSlug: FieldSpec = { ...slug, required: true };
const codes: FieldSpec = { type: "integer", enum: [1, 2, 3], required: true };
/** A toll's kinds: the four of a figure, and not-given for words only (src/content/toll.ts). */
export const TOLL_KINDS = ["exact", "at-least", "about", "range", "not-given"] as const;
const SUBTYPES = INCIDENT_TYPES.flatMap((type) => Object.keys(TYPOLOGY[type].subtypes));

const incident = column("incidents");
export const INCIDENT_COLUMNS: readonly Column[] = [
  incident("id", requiredSlug),
  incident("date", day),
  incident("date_precision", { type: "string", enum: datePrecisions, required: true }),
  incident("time_precision", codes),
  incident("week", isoWeek),
  incident("country", requiredSlug),
  incident("country_name", required),
  incident("region", slug),
  incident("region_name", text),
  incident("region_iso", { type: "string", pattern: "[A-Z]{2}-[A-Z0-9]{1,3}" }),
  incident("place", text),
  incident("place_precision", { type: "string", enum: placePrecisions, required: true }),
  incident("geo_precision", codes),
  incident("latitude", { type: "number", minimum: -90, maximum: 90 }),
  incident("longitude", { type: "number", minimum: -180, maximum: 180 }),
  incident("coordinates_from", { type: "string", enum: ["gazetteer", "source"] }),
  incident("type", { type: "string", enum: INCIDENT_TYPES, required: true }),
  incident("acled_event_type", { type: "string", enum: INCIDENT_TYPES.map((type) => TYPOLOGY[type].acled), required: true }),
  incident("subtype", { type: "string", enum: SUBTYPES }),
  incident("acled_sub_event_type", { type: "string", enum: INCIDENT_TYPES.flatMap((type) => Object.values(TYPOLOGY[type].subtypes)) }),
  incident("fatalities_kind", { type: "string", enum: TOLL_KINDS }),
  incident("fatalities_min", { type: "integer", minimum: 0 }),
  incident("fatalities_max", { type: "integer", minimum: 0 }),
  incident("fatalities_words", text),
  incident("accounts", count),
  incident("item_title", required),
  incident("item_url", requiredAddress),
  incident("source_name", required),
  incident("source_url", address),
  incident("source_reliability", { type: "string", enum: sourceReliabilities }),
  incident("information_credibility", { type: "integer", minimum: 1, maximum: 6 }),
  incident("grade_note", text),
];

const counts = column("counts");
export const COUNT_COLUMNS: readonly Column[] = [
  counts("week", isoWeek),
  counts("week_start", day),
  counts("week_end", day),
  counts("country", requiredSlug),
  counts("country_name", required),
  counts("incidents", count),
  counts("incidents_week_or_month_only", count),
  counts("incidents_region_or_country_only", count),
  ...INCIDENT_TYPES.map((type) => ({ name: type, key: "data.column.counts.type", type, field: count })),
  counts("fatalities_kind", { type: "string", enum: TOLL_KINDS.filter((kind) => kind !== "not-given") }),
  counts("fatalities_min", { type: "integer", minimum: 0 }),
  counts("fatalities_max", { type: "integer", minimum: 0 }),
];

const retired = column("retired");
export const RETIRED_COLUMNS: readonly Column[] = [
  retired("id", requiredSlug),
  retired("retired", day),
  retired("replaced_by", slug),
  retired("reason", text),
  retired("item_url", requiredAddress),
];

const correction = column("corrections");
export const CORRECTION_COLUMNS: readonly Column[] = [
  correction("date", day),
  correction("item_url", requiredAddress),
  correction("item_title", required),
  correction("what", required),
  correction("toll_from", text),
  correction("toll_to", text),
];

const item = column("items");
export const ITEM_COLUMNS: readonly Column[] = [
  item("item_url", requiredAddress),
  item("item_title", required),
  item("date", day),
  item("week", isoWeek),
  item("countries", required),
  item("source_name", required),
  item("source_url", address),
];

const region = column("regions");
export const REGION_COLUMNS: readonly Column[] = [
  region("region", requiredSlug),
  region("region_name", required),
  region("region_iso", { type: "string", pattern: "[A-Z]{2}-[A-Z0-9]{1,3}", required: true }),
  region("country", requiredSlug),
];

const country = column("countries");
export const COUNTRY_COLUMNS: readonly Column[] = [
  country("country", requiredSlug),
  country("country_name", required),
  country("country_iso", { type: "string", pattern: "[A-Z]{2}" }),
];

/**
 * The licence of the digest's own data, stated in every file whose format has room for it. ACLED's
 * counts (content/_data/external-counts.ts) are shown beside the digest's on its pages and never
 * written into these files: ACLED's terms restrict redistributing its data.
 */
export const OPEN_DATA_LICENCE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0 International",
} as const;

/** What a column holds, in words. */
export function describeColumn(c: Column, words: Catalogue): string {
  return words.t(c.key, c.type ? { type: typeLabel(c.type, words).toLocaleLowerCase(words.language) } : undefined);
}

export type Cell = string | number | boolean | undefined;

/** RFC 4180 text: a header row of the columns' names, then the rows. */
export function toCsv(columns: readonly Pick<Column, "name">[], rows: readonly Cell[][]): string {
  return stringify([columns.map((c) => c.name), ...rows.map((row) => row.map((cell) => (cell === undefined ? "" : typeof cell === "boolean" ? String(cell) : cell)))], {
    record_delimiter: "windows",
    // RFC 4180: a field with a line break is quoted, whichever break it is.
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}

/** Incidents as CSV: all of them, or one country's. */
export function incidentsCsv(data: OpenDataRows, country?: string): string {
  const rows = data.incidents(country).map((r) => INCIDENT_COLUMNS.map((c) => r[c.name] ?? undefined) as Cell[]);
  return toCsv(INCIDENT_COLUMNS, rows);
}

/**
 * The HXL hashtag of each incident column (HXL 1.1 dictionary: hashtags and their attributes,
 * as HDX's ACLED datasets use them; +slug marks this digest's own slugs, +acled ACLED's names).
 */
export const INCIDENT_HXL: Readonly<Record<string, string>> = {
  id: "#event+code",
  date: "#date+occurred",
  date_precision: "#date+precision",
  time_precision: "#date+precision+code",
  week: "#date+week",
  country: "#country+slug",
  country_name: "#country+name",
  region: "#adm1+slug",
  region_name: "#adm1+name",
  region_iso: "#adm1+code",
  place: "#loc+name",
  place_precision: "#geo+precision",
  geo_precision: "#geo+precision+code",
  latitude: "#geo+lat",
  longitude: "#geo+lon",
  coordinates_from: "#geo+source",
  type: "#event+type",
  acled_event_type: "#event+type+acled",
  subtype: "#event+type+sub",
  acled_sub_event_type: "#event+type+sub+acled",
  fatalities_kind: "#affected+killed+kind",
  fatalities_min: "#affected+killed+min",
  fatalities_max: "#affected+killed+max",
  fatalities_words: "#affected+killed+text",
  accounts: "#meta+accounts+num",
  item_title: "#meta+title",
  item_url: "#meta+url",
  source_name: "#meta+source",
  source_url: "#meta+source+url",
  source_reliability: "#meta+source+reliability",
  information_credibility: "#meta+credibility",
  grade_note: "#meta+credibility+text",
};

/** Incidents as HXL-tagged CSV: the plain CSV with the hashtag row right after the header. */
export function incidentsHxlCsv(data: OpenDataRows, country?: string): string {
  const rows = data.incidents(country).map((r) => INCIDENT_COLUMNS.map((c) => r[c.name] ?? undefined) as Cell[]);
  return toCsv(INCIDENT_COLUMNS, [INCIDENT_COLUMNS.map((c) => INCIDENT_HXL[c.name]), ...rows]);
}

/** Incidents as JSON: a documented object with a list of records, keys in column order. */
export function incidentsJson(data: OpenDataRows, country?: string, title = ""): string {
  const columns = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c.name, describeColumn(c, data.words)]));
  return `${JSON.stringify({ title, licence: OPEN_DATA_LICENCE, columns, incidents: data.incidents(country) }, null, 1)}\n`;
}

/** Weekly counts as CSV, one row per country and week the digest covered, oldest first. */
export function weeklyCountsCsv(data: OpenDataRows, country?: string): string {
  const rows: Cell[][] = data.weeklyCounts(country).map((row) => [
    row.week,
    row.weekStart,
    row.weekEnd,
    row.country,
    row.countryName,
    row.incidents,
    row.weekOrMonthOnly,
    row.regionOrCountryOnly,
    ...INCIDENT_TYPES.map((type) => row.byType[type]),
    ...countTollCells(row.fatalities),
  ]);
  return toCsv(COUNT_COLUMNS, rows);
}

/** A week's sum as its three columns: kind, lowest and highest figure (empty: no upper bound, or no toll). */
function countTollCells(sum: TollSum | undefined): Cell[] {
  const columns = tollColumns(sum);
  return [columns.kind ?? undefined, columns.min ?? undefined, columns.max ?? undefined];
}

/** The incident ids items no longer use, as CSV: all of them, or one country's items'. */
export function retiredIdsCsv(data: OpenDataRows, country?: string): string {
  return toCsv(RETIRED_COLUMNS, data.retiredIds(country).map((r) => RETIRED_COLUMNS.map((c) => r[c.name as keyof typeof r] ?? undefined) as Cell[]));
}

/** The corrections of the published items, as CSV: all of them, or one country's items'. */
export function correctionsCsv(data: OpenDataRows, country?: string): string {
  return toCsv(CORRECTION_COLUMNS, data.corrections(country).map((r) => CORRECTION_COLUMNS.map((c) => r[c.name as keyof typeof r] ?? undefined) as Cell[]));
}

/** Records as CSV, a column's cell its record's field of the same name (empty for null). */
function recordsCsv(columns: readonly Column[], records: readonly object[]): string {
  return toCsv(columns, records.map((r) => columns.map((c) => (r as Record<string, Cell | null>)[c.name] ?? undefined)));
}

/** The items the incidents and retired ids refer to, as CSV: all of them, or one country's. */
export function itemsCsv(data: OpenDataRows, country?: string): string {
  return recordsCsv(ITEM_COLUMNS, data.items(country));
}

/** The regions with incidents, as CSV: all of them, or one country's. */
export function regionsCsv(data: OpenDataRows, country?: string): string {
  return recordsCsv(REGION_COLUMNS, data.regions(country));
}

/** The countries, as CSV: all of them, or one. */
export function countriesCsv(data: OpenDataRows, country?: string): string {
  return recordsCsv(COUNTRY_COLUMNS, data.countries(country));
}
