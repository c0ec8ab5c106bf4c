// The weekly counts per country, computed from the incidents the items record: how many, of
// which type, and the fatalities the sources report. A country-week the digest did not cover
// (no item about the country that week and no trend from the editors) has no count at all,
// which pages say in words: it is never shown as a measured zero.
import type { Incident, Item } from "../../content/model.ts";
import { INCIDENT_TYPES, type IncidentType } from "../../content/typology.ts";
import { compareWeeks, type Week } from "../../core/weeks.ts";
import type { Toll } from "../../content/toll.ts";
import { countedToll, sumTolls, type TollSum } from "../tolls.ts";

export interface WeekCount {
  /** Incidents recorded. */
  readonly incidents: number;
  readonly byType: Readonly<Record<IncidentType, number>>;
  /** Incidents the sources date only to a week or a month, not a day. */
  readonly weekOrMonthOnly: number;
  /** Incidents the sources place only in a region or a country, not at or near a place. */
  readonly regionOrCountryOnly: number;
  /** Incidents whose sources disagree (several accounts). */
  readonly disputed: number;
  /** Incidents whose source gives a number of dead. */
  readonly withFatalities: number;
  /** The sum of those numbers, carrying their uncertainty (src/digest/tolls.ts); none when no incident has one. */
  readonly fatalities?: TollSum;
}

const key = (country: string, w: Week) => `${country} ${w.id}`;

export class IncidentCounts {
  private readonly counts: ReadonlyMap<string, WeekCount>;
  private readonly firstWeeks = new Map<string, Week>();
  private readonly covered: { readonly country: string; readonly week: Week; readonly count: WeekCount }[] = [];
  /** Every incident, with its item, oldest first: what the open data and maps list. */
  readonly incidents: readonly { readonly incident: Incident; readonly item: Item }[];

  /**
   * `covered`: the country-weeks the digest covered besides those its items make (the
   * editors' trend labels), as "slug 2020-W49" keys.
   */
  constructor(items: readonly Item[], covered: Iterable<{ country: string; week: Week }> = []) {
    const zero = (): { incidents: number; byType: Record<IncidentType, number>; weekOrMonthOnly: number; regionOrCountryOnly: number; disputed: number; withFatalities: number; fatalities?: TollSum; tolls?: Toll[] } => ({ incidents: 0, byType: Object.fromEntries(INCIDENT_TYPES.map((t) => [t, 0])) as Record<IncidentType, number>, weekOrMonthOnly: 0, regionOrCountryOnly: 0, disputed: 0, withFatalities: 0 });
    const mutable = new Map<string, ReturnType<typeof zero>>();
    const cover = (country: string, w: Week) => {
      let count = mutable.get(key(country, w));
      if (!count) {
        mutable.set(key(country, w), (count = zero()));
        this.covered.push({ country, week: w, count });
        const first = this.firstWeeks.get(country);
        if (!first || compareWeeks(w, first) < 0) this.firstWeeks.set(country, w);
      }
      return count;
    };
    for (const entry of covered) cover(entry.country, entry.week);
    const incidents: { incident: Incident; item: Item }[] = [];
    for (const item of items) {
      for (const country of item.countries) cover(country, item.week);
      for (const incident of item.incidents) {
        incidents.push({ incident, item });
        const count = cover(incident.country, incident.week);
        count.incidents++;
        count.byType[incident.type]++;
        if (incident.datePrecision !== "day") count.weekOrMonthOnly++;
        if (incident.placePrecision === "region" || incident.placePrecision === "country") count.regionOrCountryOnly++;
        const toll = countedToll(incident);
        if (toll) (count.tolls ??= []).push(toll);
        if (incident.accounts) count.disputed++;
      }
    }
    for (const count of mutable.values()) {
      const sum = sumTolls(count.tolls ?? []);
      delete count.tolls;
      if (sum) {
        count.fatalities = sum;
        count.withFatalities = sum.terms;
      }
    }
    this.counts = mutable;
    this.incidents = incidents.sort((a, b) => compare(a.incident.date, b.incident.date) || compare(a.item.slug, b.item.slug));
  }

  /** Every country-week the digest covered, in no particular order. */
  coveredWeeks(): { readonly country: string; readonly week: Week; readonly count: WeekCount }[] {
    return [...this.covered];
  }

  /** The first week the digest covered the country. */
  firstWeekOf(country: string): Week | undefined {
    return this.firstWeeks.get(country);
  }

  /** Undefined when the digest did not cover the country that week. */
  get(country: string, w: Week): WeekCount | undefined {
    return this.counts.get(key(country, w));
  }

  /** Incidents of a country that week; undefined when not covered. */
  incidentsOf(country: string, w: Week): number | undefined {
    return this.get(country, w)?.incidents;
  }

  /** Reported fatalities of a country that week, with their uncertainty; undefined when no incident has a number. */
  fatalitiesOf(country: string, w: Week): TollSum | undefined {
    return this.get(country, w)?.fatalities;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
