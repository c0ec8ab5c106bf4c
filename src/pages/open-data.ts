// The open data's files: the digest's rows (src/digest/open-data.ts) as CSV and JSON, every
// published incident and the weekly counts per country and type, for the whole digest and
// for each country. RFC 4180 CSV (CRLF, quoted where needed) in UTF-8, by
// csv-stringify; a text cell that begins with =, +, - or @ gets a leading apostrophe, so a
// spreadsheet shows it rather than runs it. Nothing here depends on the clock: the same
// content gives the same bytes.
import { stringify } from "csv-stringify/sync";
import type { OpenDataRows } from "../digest/open-data.ts";
import { tollColumns, type TollSum } from "../digest/tolls.ts";
import { INCIDENT_TYPES, typeLabel, type IncidentType } from "../content/typology.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";

/**
 * A column of a file, documented on /data/ and in the JSON file: its description is the
 * catalogue's `data.column.<file>.<name>`, in the edition's language on the page and in the
 * default edition's in the files, which every edition shares.
 */
export interface Column {
  readonly name: string;
  /** The message that describes it. */
  readonly key: string;
  /** For a column of one type's counts: the type, named in the description. */
  readonly type?: IncidentType;
}

const column = (file: string) => (name: string): Column => ({ name, key: `data.column.${file}.${name}` });

export const INCIDENT_COLUMNS: readonly Column[] = [
  "id", "date", "date_precision", "time_precision", "week", "country", "country_name", "region", "region_name", "region_iso", "place", "place_precision", "geo_precision", "latitude", "longitude", "coordinates_from", "type", "acled_event_type", "subtype", "acled_sub_event_type", "fatalities_kind", "fatalities_min", "fatalities_max", "fatalities_words", "accounts", "item_title", "item_url", "source_name", "source_url", "source_reliability", "information_credibility", "grade_note"
].map(column("incidents"));

export const COUNT_COLUMNS: readonly Column[] = [
  ...["week", "week_start", "week_end", "country", "country_name", "incidents", "incidents_week_or_month_only", "incidents_region_or_country_only"].map(column("counts")),
  ...INCIDENT_TYPES.map((type) => ({ name: type, key: "data.column.counts.type", type })),
  ...["fatalities_kind", "fatalities_min", "fatalities_max"].map(column("counts")),
];

export const RETIRED_COLUMNS: readonly Column[] = ["id", "retired", "replaced_by", "reason", "item_url"].map(column("retired"));

export const CORRECTION_COLUMNS: readonly Column[] = ["date", "item_url", "item_title", "what", "toll_from", "toll_to"].map(column("corrections"));

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
  return `${JSON.stringify({ title, columns, incidents: data.incidents(country) }, null, 1)}\n`;
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
