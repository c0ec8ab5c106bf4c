// The open data: every published incident as CSV and JSON (one row per incident, with its
// item's address and source), and the weekly counts per country and type as CSV, for the
// whole digest and for each country. RFC 4180 CSV (CRLF, quoted where needed) in UTF-8, by
// csv-stringify; a text cell that begins with =, +, - or @ gets a leading apostrophe, so a
// spreadsheet shows it rather than runs it. Nothing here depends on the clock: the same
// content gives the same bytes.
import { stringify } from "csv-stringify/sync";
import type { IncidentView, ItemView } from "../digest/views.ts";
import { INCIDENT_TYPES, TYPOLOGY, typeLabel, type IncidentType } from "../content/typology.ts";
import type { IncidentCounts } from "../digest/incidents/counts.ts";
import { weekBounds } from "../core/weeks.ts";
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
  "id", "date", "week", "country", "country_name", "region", "region_name", "region_iso", "place", "latitude", "longitude", "coordinates_from", "type", "acled_event_type", "subtype", "acled_sub_event_type", "fatalities", "fatalities_at_least", "item_title", "item_url", "source_name", "source_url"
].map(column("incidents"));

export const COUNT_COLUMNS: readonly Column[] = [
  ...["week", "week_start", "week_end", "country", "country_name", "incidents"].map(column("counts")),
  ...INCIDENT_TYPES.map((type) => ({ name: type, key: "data.column.counts.type", type })),
  ...["fatalities", "fatalities_at_least"].map(column("counts")),
];

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

interface IncidentRecord {
  readonly [column: string]: string | number | boolean | null;
}

/** One incident as a record of the open data, with full URLs. */
function record(incident: IncidentView, items: ReadonlyMap<string, ItemView>, absolute: (path: string) => string, regionIso: (slug: string) => string): IncidentRecord {
  const item = items.get(incident.item.slug)!;
  const info = TYPOLOGY[incident.type];
  const fatalities = incident.fatalities;
  return {
    id: incident.id,
    date: incident.date,
    week: incident.weekId,
    country: incident.country.slug,
    country_name: incident.country.name,
    region: incident.region.slug,
    region_name: incident.region.name,
    region_iso: regionIso(incident.region.slug),
    place: incident.place ?? null,
    latitude: incident.coordinates?.[0] ?? null,
    longitude: incident.coordinates?.[1] ?? null,
    coordinates_from: incident.coordinatesFrom ?? null,
    type: incident.type,
    acled_event_type: info.acled,
    subtype: incident.subtype ?? null,
    acled_sub_event_type: incident.subtype ? info.subtypes[incident.subtype]! : null,
    fatalities: fatalities?.count ?? null,
    fatalities_at_least: fatalities ? fatalities.atLeast : null,
    item_title: item.title,
    item_url: absolute(item.path),
    source_name: item.source.name,
    source_url: item.source.url ?? null,
  };
}

export interface OpenDataInput {
  /** Oldest first. */
  readonly incidents: readonly IncidentView[];
  readonly items: readonly ItemView[];
  readonly counts: IncidentCounts;
  /** Countries in the digest's order, with their slugs and names. */
  readonly countries: readonly { readonly slug: string; readonly name: string }[];
  readonly regionIso: (slug: string) => string;
  readonly absolute: (path: string) => string;
  /** The digest's time zone, for week bounds. */
  readonly zone: string;
  /** The words of the files' column descriptions: the default edition's, as every edition shares the files. */
  readonly words: Catalogue;
}

export class OpenData {
  private readonly records: IncidentRecord[];

  constructor(private readonly input: OpenDataInput) {
    const items = new Map(input.items.map((item) => [item.slug, item]));
    this.records = input.incidents.map((incident) => record(incident, items, input.absolute, input.regionIso));
  }

  /** Incidents as CSV: all of them, or one country's. */
  incidentsCsv(country?: string): string {
    const rows = this.of(country).map((r) => INCIDENT_COLUMNS.map((c) => r[c.name] ?? undefined) as Cell[]);
    return toCsv(INCIDENT_COLUMNS, rows);
  }

  /** Incidents as JSON: a documented object with a list of records, keys in column order. */
  incidentsJson(country?: string, title = ""): string {
    const columns = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c.name, describeColumn(c, this.input.words)]));
    return `${JSON.stringify({ title, columns, incidents: this.of(country) }, null, 1)}\n`;
  }

  /** Weekly counts as CSV, one row per country and week the digest covered, oldest first. */
  weeklyCountsCsv(country?: string): string {
    const rows: Cell[][] = [];
    const covered = this.input.counts.coveredWeeks().filter((entry) => !country || entry.country === country);
    const order = new Map(this.input.countries.map((c, i) => [c.slug, i]));
    covered.sort((a, b) => (a.week.id < b.week.id ? -1 : a.week.id > b.week.id ? 1 : (order.get(a.country) ?? 0) - (order.get(b.country) ?? 0)));
    const names = new Map(this.input.countries.map((c) => [c.slug, c.name]));
    for (const { country: slug, week, count } of covered) {
      if (!names.has(slug)) continue;
      const bounds = weekBounds(week, this.input.zone);
      rows.push([
        week.id,
        bounds.start.toISODate()!,
        bounds.end.minus({ days: 1 }).toISODate()!,
        slug,
        names.get(slug),
        count.incidents,
        ...INCIDENT_TYPES.map((type) => count.byType[type]),
        count.withFatalities > 0 ? count.fatalities : undefined,
        count.withFatalities > 0 ? count.fatalitiesAtLeast : undefined,
      ]);
    }
    return toCsv(COUNT_COLUMNS, rows);
  }

  private of(country: string | undefined): IncidentRecord[] {
    return country ? this.records.filter((r) => r.country === country) : this.records;
  }
}
