// What pages show of an incident: its type and sub-type in words, its day, its place linked to
// its region's page, and the fatalities as the source reports them.
import type { Incident } from "../model/content.ts";
import type { IncidentView, Ref } from "../model/views.ts";
import { TYPOLOGY } from "./typology.ts";
import { dayInWords } from "../weeks.ts";
import { DateTime } from "luxon";
import { foldName } from "../places/names.ts";

export function incidentView(incident: Incident, index: number, item: { slug: string; title: string; path: string }, country: Ref, region: Ref): IncidentView {
  const info = TYPOLOGY[incident.type];
  const subtype = incident.subtype ? info.subtypes[incident.subtype] : undefined;
  const dateText = dayInWords(DateTime.fromISO(incident.date, { zone: "UTC" }));
  // "Ménaka, Ménaka" says nothing twice: a place named as its region stands alone.
  const where = incident.place && foldName(incident.place) !== foldName(region.name) ? `${incident.place}, ${region.name}` : region.name;
  return {
    id: `${item.slug}-${index + 1}`,
    type: incident.type,
    typeLabel: info.label,
    ...(subtype ? { subtype: incident.subtype!, subtypeLabel: subtype[0] } : {}),
    date: incident.date,
    weekId: incident.week.id,
    dateText,
    country,
    region,
    ...(incident.place ? { place: incident.place } : {}),
    where,
    ...(incident.coordinates ? { coordinates: incident.coordinates, coordinatesFrom: incident.coordinatesFrom! } : {}),
    ...(incident.fatalities ? { fatalities: incident.fatalities, fatalitiesText: `${incident.fatalities.atLeast ? "at least " : ""}${incident.fatalities.count}` } : {}),
    item,
    title: `${subtype ? subtype[0] : info.label}: ${where}, ${dateText}`,
  };
}
