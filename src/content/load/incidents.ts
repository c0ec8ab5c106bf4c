// Checks the incidents an item records: a sub-type of its type, a date no later than the
// item's, a country of the item's, a region of that country, and a place the gazetteer knows
// in that region (or, for a place it lacks, coordinates inside the country). Each incident is
// checked on its own, so one bad incident does not hide the others' problems.
import { DateTime } from "luxon";
import type { Incident } from "../model.ts";
import type { z } from "zod";
import { incidentSchema, type IncidentInput, type PlacePrecision } from "../schemas.ts";
import { TYPOLOGY } from "../typology.ts";
import { gazetteer } from "../places/gazetteer.ts";
import { insideCountry } from "../places/shapes.ts";
import { week } from "../../core/weeks.ts";
import type { Places } from "./regions.ts";

/** How long before its item an incident may have happened: a year. */
export const INCIDENT_WINDOW_DAYS = 366;

export interface IncidentProblem {
  /** Path below the front matter: ["incidents", 0, "place"]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly value?: unknown;
}

export interface IncidentContext {
  readonly places: Places;
  /** The item's countries, as written. */
  readonly countries: readonly string[];
  /** The item's day on the digest's clocks, when its date is valid: "2020-12-03". */
  readonly itemDay?: string;
}

/** The incidents that pass every check, and the problems of the others (schema problems excepted: the item's schema reports those). */
export function checkIncidents(raw: unknown, ctx: IncidentContext): { incidents: Incident[]; problems: IncidentProblem[] } {
  const incidents: Incident[] = [];
  const problems: IncidentProblem[] = [];
  if (!Array.isArray(raw)) return { incidents, problems };
  raw.forEach((entry, index) => {
    const parsed = incidentSchema.safeParse(entry);
    // An incident the schema refuses (a wrong type, a toll written as no toll is) is still
    // checked on the fields it could read, so a wrong region is told beside a wrong type; it is
    // not recorded.
    if (!parsed.success && (typeof entry !== "object" || entry === null || Array.isArray(entry))) return;
    const at = (field: string) => ["incidents", index, field];
    const before = problems.length;
    const incident: Partial<IncidentInput> = parsed.success ? parsed.data : readableFields(entry as Record<string, unknown>);
    const written = (field: string) => Object.hasOwn(entry as object, field);
    const problem = (field: string, message: string, value?: unknown) => problems.push({ path: at(field), message, ...(value === undefined ? {} : { value }) });

    const info = incident.type === undefined ? undefined : TYPOLOGY[incident.type];
    if (info && incident.subtype !== undefined && !Object.hasOwn(info.subtypes, incident.subtype)) {
      problem("subtype", `is not a sub-type of ${incident.type}; those are: ${Object.keys(info.subtypes).join(", ")}`, incident.subtype);
    }

    const day = incident.date ?? ctx.itemDay;
    let calendar: DateTime | undefined;
    if (incident.date !== undefined) {
      calendar = DateTime.fromISO(incident.date, { zone: "UTC" });
      if (!calendar.isValid) problem("date", "is not a real date", incident.date);
      else if (ctx.itemDay && incident.date > ctx.itemDay) problem("date", `is after the item's date (${ctx.itemDay}): an item reports what has happened`, incident.date);
      else if (ctx.itemDay && calendar < DateTime.fromISO(ctx.itemDay, { zone: "UTC" }).minus({ days: INCIDENT_WINDOW_DAYS })) {
        // Also what turns a typed 2002 for 2020 into an error rather than a week of 2002.
        problem("date", `is more than a year before the item's date (${ctx.itemDay}); an item records what it reports as news`, incident.date);
      }
    } else if (ctx.itemDay) calendar = DateTime.fromISO(ctx.itemDay, { zone: "UTC" });

    let countrySlug = incident.country;
    if (countrySlug === undefined) {
      if (ctx.countries.length === 1) countrySlug = ctx.countries[0];
      else problem("country", `is required when the item names several countries (${ctx.countries.join(", ")})`);
    } else if (!ctx.countries.includes(countrySlug)) {
      problem("country", `must be one of the item's countries (${ctx.countries.join(", ")})`, countrySlug);
    }
    const country = countrySlug === undefined ? undefined : ctx.places.countries.get(countrySlug);
    if (countrySlug !== undefined && country && !country.iso) {
      problem(incident.country === undefined ? "region" : "country", `cannot be placed in "${countrySlug}", a group of countries: name the country where it happened in \`country\``);
    }

    // Where: the place itself, near it, only the region, or only the country.
    const placePrecision: PlacePrecision = incident.place_precision ?? (incident.place !== undefined ? "place" : "region");
    if ((placePrecision === "place" || placePrecision === "near") && incident.place === undefined) {
      problem("place_precision", `is "${placePrecision}": name the place in \`place\`, or write place_precision: region when the sources give only the region`, placePrecision);
    }
    if ((placePrecision === "region" || placePrecision === "country") && incident.place !== undefined) {
      problem("place", `is named, but place_precision is "${placePrecision}": write place_precision: near (or place), or leave \`place\` out`, incident.place);
    }
    if (placePrecision === "country" && incident.region !== undefined) {
      problem("region", 'is named, but place_precision is "country": write place_precision: region, or leave `region` out', incident.region);
    }
    if (placePrecision !== "country" && incident.region === undefined && !written("region")) {
      problem("region", "is required: a region of content/_data/regions.ts; when the sources give only the country, write place_precision: country");
    }

    const region = incident.region === undefined ? undefined : ctx.places.regions.get(incident.region);
    // A region regions.ts names but could not accept, or a regions.ts that could not be read at
    // all, is reported there once, not again by every incident that names it.
    const reportedInRegions = incident.region === undefined || !ctx.places.loaded || ctx.places.rejected.has(incident.region);
    if (!region && reportedInRegions) {
      // nothing more to say here
    } else if (!region) {
      const known = [...ctx.places.regions.values()].filter((r) => r.country === countrySlug).map((r) => r.slug);
      problem(
        "region",
        `unknown region "${incident.region}"${known.length ? `; the regions of ${country?.name ?? countrySlug} are: ${known.join(", ")}` : ""}. Add a region to content/_data/regions.ts with its ISO 3166-2 code`,
      );
    } else if (country?.iso && region.country !== countrySlug) {
      problem("region", `is in ${region.countryName}, not ${country.name}`, incident.region);
    }

    let coordinates: readonly [number, number] | undefined;
    let coordinatesFrom: Incident["coordinatesFrom"];
    let place = incident.place;
    if (incident.coordinates && incident.place === undefined) {
      problem("coordinates", "belong to a place: give its name in `place`");
    }
    if (incident.place !== undefined && region && country?.iso && region.country === countrySlug) {
      const found = gazetteer().locality(incident.place, country.iso, region.admin1);
      if ("found" in found) {
        if (found.found.admin1 !== region.admin1) {
          problem("place", `"${found.found.name}" is not in ${region.name} in the GeoNames gazetteer; check the region or the place`, incident.place);
        } else if (incident.coordinates) {
          problem("coordinates", `are not needed: the gazetteer places "${found.found.name}" at [${found.found.latitude}, ${found.found.longitude}]; remove them`);
        } else {
          coordinates = [found.found.latitude, found.found.longitude];
          coordinatesFrom = "gazetteer";
          place = found.found.name;
        }
      } else if (incident.coordinates) {
        // A place the gazetteer lacks (or has twice): the editor's coordinates, from a source.
        const [latitude, longitude] = incident.coordinates;
        if (insideCountry(country.iso, latitude, longitude) === false) {
          problem("coordinates", `[${latitude}, ${longitude}] is outside ${country.name}`);
        } else {
          coordinates = incident.coordinates;
          coordinatesFrom = "source";
        }
      } else if ("ambiguous" in found) {
        const where = found.ambiguous.map((l) => `[${l.latitude}, ${l.longitude}]`).join(", ");
        problem("place", `names several places in ${country.name} in the gazetteer (${where}); give the right one's \`coordinates\``, incident.place);
      } else {
        const guess = found.suggestion ? ` — did you mean "${found.suggestion}"?` : ".";
        problem("place", `unknown locality "${incident.place}" in ${country.name}${guess} A place the GeoNames gazetteer lacks needs \`coordinates\` from a source`);
      }
    }

    // Accounts: each side's toll replaces the incident's. One source may report two sides (a
    // newspaper quoting the army and a rights group), but the same side twice from the same
    // source is one account written twice.
    if (incident.accounts) {
      if (incident.fatalities !== undefined) problem("fatalities", "is given by each account: with accounts, leave the incident's `fatalities` out (the counts use the lowest toll any account gives)");
      const seen = new Map<string, number>();
      const words = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
      incident.accounts.forEach((account, i) => {
        const key = `${words(account.source.url ?? account.source.name)}\u0000${words(account.by)}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ path: ["incidents", index, "accounts", i, "source"], message: `is the same source as account ${first + 1}'s, for the same speaker ("${account.by}"): one speaker in one source is one account; merge them, or cite the other source`, value: account.source.url ?? account.source.name });
        else seen.set(key, i);
      });
    }

    if (!parsed.success || problems.length > before || !calendar?.isValid || !day || countrySlug === undefined) return;
    incidents.push({
      ...recorded(parsed.data),
      date: day,
      week: week(calendar.weekYear, calendar.weekNumber),
      country: countrySlug,
      datePrecision: incident.date_precision ?? "day",
      ...(incident.region !== undefined ? { region: incident.region } : {}),
      ...(place !== undefined ? { place } : {}),
      placePrecision,
      ...(coordinates ? { coordinates, coordinatesFrom } : {}),
      ...(incident.fatalities !== undefined ? { fatalities: incident.fatalities } : {}),
      ...(incident.accounts ? { accounts: incident.accounts } : {}),
    });
  });
  return { incidents, problems };
}

/** The id, type and sub-type of an incident the schema accepted. */
function recorded(incident: IncidentInput): Pick<Incident, "id" | "type" | "subtype"> {
  return { id: incident.id, type: incident.type, ...(incident.subtype ? { subtype: incident.subtype } : {}) };
}

/** The fields of an incident the schema refused that are each valid on their own: what can still be checked. */
function readableFields(entry: Record<string, unknown>): Partial<IncidentInput> {
  const fields: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(incidentSchema.shape)) {
    if (!Object.hasOwn(entry, field)) continue;
    const read = (schema as z.ZodType).safeParse(entry[field]);
    if (read.success && read.data !== undefined) fields[field] = read.data;
  }
  return fields as Partial<IncidentInput>;
}
