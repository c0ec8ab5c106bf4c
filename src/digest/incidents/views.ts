// What pages show of an incident: its type and sub-type in words, its day, its place linked to
// its region's page, and the fatalities as the source reports them.
import type { Incident } from "../../content/model.ts";
import type { IncidentView, Ref } from "../views.ts";
import { subtypeLabel, typeLabel } from "../../content/typology.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { dayInWords } from "../../core/weeks.ts";
import { DateTime } from "luxon";
import { foldName } from "../../content/places/names.ts";
import { incidentTollInWords } from "../tolls.ts";

export function incidentView(incident: Incident, index: number, item: IncidentView["item"], country: Ref, region: Ref, words: Catalogue): IncidentView {
  const label = typeLabel(incident.type, words);
  const subtype = incident.subtype ? subtypeLabel(incident.type, incident.subtype, words) : undefined;
  const dateText = dayInWords(DateTime.fromISO(incident.date, { zone: "UTC" }), words);
  // "Ménaka, Ménaka" says nothing twice: a place named as its region stands alone.
  const where = incident.place && foldName(incident.place) !== foldName(region.name) ? `${incident.place}, ${region.name}` : region.name;
  return {
    id: `${item.slug}-${index + 1}`,
    type: incident.type,
    typeLabel: label,
    ...(subtype ? { subtype: incident.subtype!, subtypeLabel: subtype } : {}),
    date: incident.date,
    weekId: incident.week.id,
    dateText,
    country,
    region,
    ...(incident.place ? { place: incident.place } : {}),
    where,
    ...(incident.coordinates ? { coordinates: incident.coordinates, coordinatesFrom: incident.coordinatesFrom! } : {}),
    ...(incident.fatalities ? { fatalities: incident.fatalities, fatalitiesText: incidentTollInWords(incident.fatalities, words) } : {}),
    item,
    title: words.t("incident.title", { what: subtype ?? label, where, date: dateText }),
  };
}
