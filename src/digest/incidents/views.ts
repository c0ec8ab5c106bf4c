// What pages show of an incident: its type and sub-type in words, its day (or the week or month
// that is all the sources know), its place (or near it, or its region or country only) linked to
// its region's page, and the fatalities as the source reports them.
import type { Incident } from "../../content/model.ts";
import type { IncidentView, Ref } from "../views.ts";
import { subtypeLabel, typeLabel } from "../../content/typology.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { dayInWords, monthInWords } from "../../core/weeks.ts";
import { DateTime } from "luxon";
import { foldName } from "../../content/places/names.ts";
import { countedToll, incidentTollInWords, tollInWords } from "../tolls.ts";
import type { AccountView } from "../views.ts";

/** `original`: the language the content is written in, which an account's untranslated words are shown in, marked. */
export function incidentView(incident: Incident, item: IncidentView["item"], country: Ref, region: Ref | undefined, words: Catalogue, original = words.language): IncidentView {
  const label = typeLabel(incident.type, words);
  const subtype = incident.subtype ? subtypeLabel(incident.type, incident.subtype, words) : undefined;
  const dateText = whenInWords(incident, words);
  const where = whereInWords(incident, country, region, words);
  return {
    id: incident.id,
    type: incident.type,
    typeLabel: label,
    ...(subtype ? { subtype: incident.subtype!, subtypeLabel: subtype } : {}),
    date: incident.date,
    datePrecision: incident.datePrecision,
    weekId: incident.week.id,
    dateText,
    country,
    ...(region ? { region } : {}),
    placePrecision: incident.placePrecision,
    ...(incident.place ? { place: incident.place } : {}),
    where,
    ...(incident.coordinates ? { coordinates: incident.coordinates, coordinatesFrom: incident.coordinatesFrom! } : {}),
    ...tollFields(incident, words, original),
    item,
    title: words.t("incident.title", { what: subtype ?? label, where, date: dateText }),
  };
}

/** "3 December 2020"; "week of Monday 30 November 2020"; "December 2020 (day not known)". */
export function whenInWords(incident: Pick<Incident, "date" | "datePrecision">, words: Catalogue): string {
  const day = DateTime.fromISO(incident.date, { zone: "UTC" });
  if (incident.datePrecision === "week") return words.t("incident.dateWeek", { monday: dayInWords(day.startOf("week"), words) });
  if (incident.datePrecision === "month") return words.t("incident.dateMonth", { month: monthInWords(day, words) });
  return dayInWords(day, words);
}

/** "Boulikessi, Mopti"; "near Boulikessi, Mopti"; "Mopti (region only)"; "Mali (country only)". */
export function whereInWords(incident: Pick<Incident, "place" | "placePrecision">, country: Ref, region: Ref | undefined, words: Catalogue): string {
  if (!region || incident.placePrecision === "country") return words.t("incident.countryOnly", { country: country.name });
  if (!incident.place || incident.placePrecision === "region") return words.t("incident.regionOnly", { region: region.name });
  // "Ménaka, Ménaka" says nothing twice: a place named as its region stands alone.
  const place = foldName(incident.place) !== foldName(region.name) ? `${incident.place}, ${region.name}` : region.name;
  return incident.placePrecision === "near" ? words.t("incident.near", { place }) : place;
}

/** The toll pages show: the source's, or for a disputed incident the counted one, marked, with each account. */
function tollFields(incident: Incident, words: Catalogue, original: string): Pick<IncidentView, "fatalities" | "fatalitiesText" | "accounts"> {
  if (!incident.accounts) return incident.fatalities ? { fatalities: incident.fatalities, fatalitiesText: incidentTollInWords(incident.fatalities, words) } : {};
  const counted = countedToll(incident);
  const accounts: AccountView[] = incident.accounts.map((account) => {
    const own = account.translations[words.language];
    // Words the editor did not translate are shown as written, and say their language.
    const untranslated = words.language !== original && (own?.by === undefined || (account.killed !== undefined && own?.killed === undefined));
    return {
      ...(untranslated ? { language: original } : {}),
      by: own?.by ?? account.by,
      ...((own?.killed ?? account.killed) ? { killed: own?.killed ?? account.killed! } : {}),
      fatalitiesText: account.fatalities ? incidentTollInWords(account.fatalities, words) : words.t("incidents.fatalitiesNotGiven"),
      source: account.source,
    };
  });
  return {
    ...(counted ? { fatalities: counted } : {}),
    fatalitiesText: counted && counted.kind !== "not-given" ? words.t("toll.disputed", { toll: tollInWords(counted, words) }) : words.t("toll.disputedNoFigure"),
    accounts,
  };
}
