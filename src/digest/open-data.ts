// The open data as rows: every published incident as a record (its item's address and source
// with it) and the weekly counts per country, oldest first. The pages stage writes them as
// CSV and JSON (src/pages/open-data.ts); nothing here knows a file format.
import type { IncidentView, ItemView } from "./views.ts";
import { INCIDENT_TYPES, TYPOLOGY, type IncidentType } from "../content/typology.ts";
import type { IncidentCounts } from "./incidents/counts.ts";
import { weekBounds, type Week } from "../core/weeks.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { tollColumns, type TollSum } from "./tolls.ts";
import type { DatePrecision, PlacePrecision, RetiredId } from "../content/schemas.ts";

export interface IncidentRecord {
  readonly [column: string]: string | number | boolean | null;
}

/** One country's counts for one week the digest covered. */
export interface WeeklyCountRow {
  readonly week: string;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly country: string;
  readonly countryName: string;
  readonly incidents: number;
  /** Of them, those known only to the week or month, and only to the region or country. */
  readonly weekOrMonthOnly: number;
  readonly regionOrCountryOnly: number;
  readonly byType: Readonly<Record<IncidentType, number>>;
  /** Absent where no incident of the week gave a toll with a number; the sum carries its uncertainty (src/digest/tolls.ts). */
  readonly fatalities?: TollSum;
}

/**
 * ACLED's precision codes, so the files can be set beside ACLED's: time_precision 1 the day is
 * known, 2 only the week, 3 only the month; geo_precision 1 the place itself, 2 near a place,
 * 3 only a larger area (the region, or here also the country).
 */
export const ACLED_TIME_PRECISION: Readonly<Record<DatePrecision, 1 | 2 | 3>> = { day: 1, week: 2, month: 3 };
export const ACLED_GEO_PRECISION: Readonly<Record<PlacePrecision, 1 | 2 | 3>> = { place: 1, near: 2, region: 3, country: 3 };

/** One incident as a record of the open data, with full URLs. */
function record(incident: IncidentView, items: ReadonlyMap<string, ItemView>, absolute: (path: string) => string, regionIso: (slug: string) => string): IncidentRecord {
  const item = items.get(incident.item.slug)!;
  const info = TYPOLOGY[incident.type];
  const fatalities = tollColumns(incident.fatalities);
  return {
    id: incident.id,
    date: incident.date,
    date_precision: incident.datePrecision,
    time_precision: ACLED_TIME_PRECISION[incident.datePrecision],
    week: incident.weekId,
    country: incident.country.slug,
    country_name: incident.country.name,
    region: incident.region?.slug ?? null,
    region_name: incident.region?.name ?? null,
    region_iso: incident.region ? regionIso(incident.region.slug) : null,
    place: incident.place ?? null,
    place_precision: incident.placePrecision,
    geo_precision: ACLED_GEO_PRECISION[incident.placePrecision],
    latitude: incident.coordinates?.[0] ?? null,
    longitude: incident.coordinates?.[1] ?? null,
    coordinates_from: incident.coordinatesFrom ?? null,
    type: incident.type,
    acled_event_type: info.acled,
    subtype: incident.subtype ?? null,
    acled_sub_event_type: incident.subtype ? info.subtypes[incident.subtype]! : null,
    fatalities_kind: fatalities.kind,
    fatalities_min: fatalities.min,
    fatalities_max: fatalities.max,
    fatalities_words: incident.accounts ? null : (incident.fatalities?.words ?? null),
    accounts: incident.accounts ? incident.accounts.length : 0,
    item_title: item.title,
    item_url: absolute(item.path),
    source_name: item.source.name,
    source_url: item.source.url ?? null,
    source_reliability: item.grade?.reliability ?? null,
    information_credibility: item.grade?.credibility ?? null,
    grade_note: item.grade?.note ?? null,
  };
}

/** An incident id an item no longer uses, as the open data lists it. */
export interface RetiredIdRecord {
  readonly id: string;
  readonly retired: string;
  readonly replaced_by: string | null;
  readonly reason: string | null;
  readonly item_url: string;
}

/** One correction of a published item, as the open data lists it: the default edition's words. */
export interface CorrectionRecord {
  readonly item_url: string;
  readonly item_title: string;
  readonly date: string;
  readonly what: string;
  readonly toll_from: string | null;
  readonly toll_to: string | null;
}

/** An item as the open data lists it: the table incidents and retired ids refer to by address. */
export interface ItemRecord {
  readonly item_url: string;
  readonly item_title: string;
  readonly date: string;
  readonly week: string;
  /** The slugs of the countries it is about, separated by spaces. */
  readonly countries: string;
  readonly source_name: string;
  readonly source_url: string | null;
}

export interface RegionRecord {
  readonly region: string;
  readonly region_name: string;
  readonly region_iso: string;
  readonly country: string;
}

export interface CountryRecord {
  readonly country: string;
  readonly country_name: string;
  readonly country_iso: string | null;
}

export interface OpenDataInput {
  /** The incident ids the items retired, with the item's slug. */
  readonly retired?: readonly (RetiredId & { readonly slug: string })[];
  /** Oldest first. */
  readonly incidents: readonly IncidentView[];
  readonly items: readonly ItemView[];
  readonly counts: IncidentCounts;
  /** Countries in the digest's order, with their slugs and names. */
  readonly countries: readonly { readonly slug: string; readonly name: string; readonly iso?: string }[];
  /** The regions with incidents, in the digest's order. */
  readonly regions?: readonly { readonly slug: string; readonly name: string; readonly country: { readonly slug: string } }[];
  /**
   * The week's counts as its issue published them: from the incidents dated in that week of the
   * items published by then (src/digest/incidents/counts.ts). Without it, `asOf` keeps the
   * week's row of the current counts.
   */
  readonly countsAsOf?: (week: Week) => IncidentCounts;
  readonly regionIso: (slug: string) => string;
  readonly absolute: (path: string) => string;
  /** The digest's time zone, for week bounds. */
  readonly zone: string;
  /** The words of the files' column descriptions: the default edition's, as every edition shares the files. */
  readonly words: Catalogue;
  /** Set on the rows of one issue's own data (asOf): its week's id, the one week it counts. */
  readonly week?: string;
}

export class OpenDataRows {
  private readonly records: IncidentRecord[];
  /** The rows of each issue's snapshot, made once. */
  private readonly snapshots = new Map<string, OpenDataRows>();
  /** The words the files describe their columns in. */
  readonly words: Catalogue;

  constructor(private readonly input: OpenDataInput) {
    this.words = input.words;
    const items = new Map(input.items.map((item) => [item.slug, item]));
    this.records = input.incidents.map((incident) => record(incident, items, input.absolute, input.regionIso));
  }

  /**
   * The rows the issue of `week` published: its own items, their incidents, the week's counts
   * as they stood then, and the ids its items retired by the end of that week. What an issue's
   * kept data is made from when the published site has none yet.
   *
   * Its own, not everything up to it: the data up to a week is its issue's and the earlier
   * issues' together. A copy of everything at every issue would grow with the square of the
   * archive (seven years of a busy digest: gigabytes, most of it the same rows again).
   */
  asOf(week: Week): OpenDataRows {
    let rows = this.snapshots.get(week.id);
    if (!rows) this.snapshots.set(week.id, (rows = this.madeAsOf(week)));
    return rows;
  }

  private madeAsOf(week: Week): OpenDataRows {
    const items = this.input.items.filter((item) => item.issue.id === week.id);
    const kept = new Set(items.map((item) => item.slug));
    const lastDay = weekBounds(week, this.input.zone).end.minus({ days: 1 }).toISODate()!;
    const incidents = this.input.incidents.filter((incident) => kept.has(incident.item.slug));
    const regionsUsed = new Set(incidents.map((incident) => incident.region?.slug));
    return new OpenDataRows({
      ...this.input,
      items,
      incidents,
      ...(this.input.regions ? { regions: this.input.regions.filter((region) => regionsUsed.has(region.slug)) } : {}),
      retired: (this.input.retired ?? []).filter((entry) => kept.has(entry.slug) && entry.retired <= lastDay),
      counts: this.input.countsAsOf?.(week) ?? this.input.counts,
      week: week.id,
    });
  }

  /** The day the rows last changed, from the content: the newest item's day, or a later correction's. */
  lastUpdated(): string | undefined {
    let newest: string | undefined;
    for (const item of this.input.items) {
      const day = item.modified && item.modified > item.dateIso.slice(0, 10) ? item.modified : item.dateIso.slice(0, 10);
      if (!newest || day > newest) newest = day;
    }
    return newest;
  }

  /** The published items (or those about one country, or recording its incidents), oldest first. */
  items(country?: string): readonly ItemRecord[] {
    const recording = new Set(this.incidents(country).map((r) => r.item_url));
    const records = this.input.items
      .map((item) => ({ item, url: this.input.absolute(item.path) }))
      .filter(({ item, url }) => !country || recording.has(url) || item.countries.some((c) => c.slug === country))
      .map(({ item, url }): ItemRecord => ({
        item_url: url,
        item_title: item.title,
        date: item.dateIso.slice(0, 10),
        week: item.issue.id,
        countries: item.countries.map((c) => c.slug).join(" "),
        source_name: item.source.name,
        source_url: item.source.url ?? null,
      }));
    return records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.item_url < b.item_url ? -1 : a.item_url > b.item_url ? 1 : 0));
  }

  /** The regions with incidents (or one country's), in the digest's order. */
  regions(country?: string): readonly RegionRecord[] {
    return (this.input.regions ?? [])
      .filter((region) => !country || region.country.slug === country)
      .map((region) => ({ region: region.slug, region_name: region.name, region_iso: this.input.regionIso(region.slug), country: region.country.slug }));
  }

  /** The countries the digest covers (or one), in its order. */
  countries(country?: string): readonly CountryRecord[] {
    return this.input.countries.filter((c) => !country || c.slug === country).map((c) => ({ country: c.slug, country_name: c.name, country_iso: c.iso ?? null }));
  }

  /** The retired incident ids of the published items (or of one country's), oldest retirement first. */
  retiredIds(country?: string): readonly RetiredIdRecord[] {
    const items = new Map(this.input.items.map((item) => [item.slug, item]));
    const records: RetiredIdRecord[] = [];
    for (const entry of this.input.retired ?? []) {
      const item = items.get(entry.slug);
      if (!item || (country && !item.countries.some((c) => c.slug === country))) continue;
      records.push({ id: entry.id, retired: entry.retired, replaced_by: entry.replaced_by ?? null, reason: entry.reason ?? null, item_url: this.input.absolute(item.path) });
    }
    return records.sort((a, b) => (a.retired < b.retired ? -1 : a.retired > b.retired ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The corrections of the published items (or of one country's), oldest first, an item's in the order they were written. */
  corrections(country?: string): readonly CorrectionRecord[] {
    const records: (CorrectionRecord & { order: number })[] = [];
    for (const item of this.input.items) {
      if (country && !item.countries.some((c) => c.slug === country)) continue;
      // The view lists them newest first; the file, like the other files, oldest first.
      item.corrections.forEach((c, order) =>
        records.push({ item_url: this.input.absolute(item.path), item_title: item.title, date: c.date, what: c.what, toll_from: c.toll?.from ?? null, toll_to: c.toll?.to ?? null, order: -order }),
      );
    }
    return records
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.item_url < b.item_url ? -1 : a.item_url > b.item_url ? 1 : a.order - b.order))
      .map(({ order: _order, ...record }) => record);
  }

  /** Every incident's record, or one country's, or one region's, oldest first. */
  incidents(country?: string, region?: string): readonly IncidentRecord[] {
    return country || region ? this.records.filter((r) => (!country || r.country === country) && (!region || r.region === region)) : this.records;
  }

  /** One row per country and week the digest covered, oldest first, countries in the digest's order. */
  weeklyCounts(country?: string): readonly WeeklyCountRow[] {
    const only = this.input.week;
    const covered = this.input.counts.coveredWeeks().filter((entry) => (!country || entry.country === country) && (!only || entry.week.id === only));
    const order = new Map(this.input.countries.map((c, i) => [c.slug, i]));
    covered.sort((a, b) => (a.week.id < b.week.id ? -1 : a.week.id > b.week.id ? 1 : (order.get(a.country) ?? 0) - (order.get(b.country) ?? 0)));
    const names = new Map(this.input.countries.map((c) => [c.slug, c.name]));
    const rows: WeeklyCountRow[] = [];
    for (const { country: slug, week, count } of covered) {
      const countryName = names.get(slug);
      if (countryName === undefined) continue;
      const bounds = weekBounds(week, this.input.zone);
      rows.push({
        week: week.id,
        weekStart: bounds.start.toISODate()!,
        weekEnd: bounds.end.minus({ days: 1 }).toISODate()!,
        country: slug,
        countryName,
        incidents: count.incidents,
        weekOrMonthOnly: count.weekOrMonthOnly,
        regionOrCountryOnly: count.regionOrCountryOnly,
        byType: Object.fromEntries(INCIDENT_TYPES.map((type) => [type, count.byType[type]])) as Record<IncidentType, number>,
        ...(count.fatalities ? { fatalities: count.fatalities } : {}),
      });
    }
    return rows;
  }
}
