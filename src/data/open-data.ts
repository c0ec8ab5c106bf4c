// The open data: every published incident as CSV and JSON (one row per incident, with its
// item's address and source), and the weekly counts per country and type as CSV, for the
// whole digest and for each country. RFC 4180 CSV (CRLF, quoted where needed) in UTF-8, by
// csv-stringify; a text cell that begins with =, +, - or @ gets a leading apostrophe, so a
// spreadsheet shows it rather than runs it. Nothing here depends on the clock: the same
// content gives the same bytes.
import { stringify } from "csv-stringify/sync";
import type { IncidentView, ItemView } from "../model/views.ts";
import { INCIDENT_TYPES, TYPOLOGY } from "../incidents/typology.ts";
import type { IncidentCounts } from "../incidents/counts.ts";
import { weekBounds } from "../weeks.ts";

/** A column of a file, documented on /data/. */
export interface Column {
  readonly name: string;
  readonly description: string;
}

export const INCIDENT_COLUMNS: readonly Column[] = [
  { name: "id", description: "Stable identifier: the item's slug and the incident's number in it." },
  { name: "date", description: "The day it happened (YYYY-MM-DD)." },
  { name: "week", description: "The ISO week it is counted in (2020-W49)." },
  { name: "country", description: "The country's slug in this digest." },
  { name: "country_name", description: "The country's name." },
  { name: "region", description: "The region's slug in this digest." },
  { name: "region_name", description: "The region's name." },
  { name: "region_iso", description: "The region's ISO 3166-2 code." },
  { name: "place", description: "The locality, as the GeoNames gazetteer writes it; empty when only the region is known." },
  { name: "latitude", description: "Decimal degrees; empty when only the region is known." },
  { name: "longitude", description: "Decimal degrees; empty when only the region is known." },
  { name: "coordinates_from", description: "gazetteer (GeoNames) or source (given by the cited source for a place the gazetteer lacks)." },
  { name: "type", description: "Incident type, in ACLED's typology: battles, explosions-remote-violence, violence-against-civilians, protests, riots, strategic-developments." },
  { name: "acled_event_type", description: "The same type as ACLED writes it." },
  { name: "subtype", description: "Sub-type slug, when recorded." },
  { name: "acled_sub_event_type", description: "The same sub-type as ACLED writes it." },
  { name: "fatalities", description: "Deaths as the cited source reports them; empty when it gives no number." },
  { name: "fatalities_at_least", description: "true when the source gives a lower bound (\"at least\", \"more than\")." },
  { name: "item_title", description: "Title of the item that records it." },
  { name: "item_url", description: "Address of that item." },
  { name: "source_name", description: "The item's cited source." },
  { name: "source_url", description: "Address of the source, when it has one." },
];

export const COUNT_COLUMNS: readonly Column[] = [
  { name: "week", description: "ISO week (2020-W49)." },
  { name: "week_start", description: "Its Monday (YYYY-MM-DD)." },
  { name: "week_end", description: "Its Sunday." },
  { name: "country", description: "The country's slug in this digest." },
  { name: "country_name", description: "The country's name." },
  { name: "incidents", description: "Incidents recorded that week, all types." },
  ...INCIDENT_TYPES.map((type) => ({ name: type, description: `Incidents of type ${TYPOLOGY[type].label.toLowerCase()}.` })),
  { name: "fatalities", description: "Sum of the fatalities the sources report; empty when no incident that week has a number." },
  { name: "fatalities_at_least", description: "true when one of those numbers is a lower bound, so the sum is too." },
];

export type Cell = string | number | boolean | undefined;

/** RFC 4180 text: a header row of the columns' names, then the rows. */
export function toCsv(columns: readonly Column[], rows: readonly Cell[][]): string {
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
    acled_sub_event_type: incident.subtype ? info.subtypes[incident.subtype]![1] : null,
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
    const columns = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c.name, c.description]));
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
