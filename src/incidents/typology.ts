// The typology incidents are recorded in: ACLED's six event types and their sub-event types,
// which analysts of the region already read. Slugs are what editors write in front matter;
// `acled` is the name in ACLED's exports, so the importer and our open data line up with theirs.
// `label` is the English one, for the open data; pages take theirs from the message catalogue.
import { catalogueOf, type Catalogue } from "../messages/catalogue.ts";

export interface IncidentTypeInfo {
  readonly slug: IncidentType;
  /** As a reader sees it: "Violence against civilians". */
  readonly label: string;
  /** ACLED's event_type. */
  readonly acled: string;
  /** Sub-type slug → [label, ACLED's sub_event_type]. */
  readonly subtypes: Readonly<Record<string, readonly [string, string]>>;
}

export const INCIDENT_TYPES = [
  "battles",
  "explosions-remote-violence",
  "violence-against-civilians",
  "protests",
  "riots",
  "strategic-developments",
] as const;

export type IncidentType = (typeof INCIDENT_TYPES)[number];

const same = (label: string): readonly [string, string] => [label, label];

export const TYPOLOGY: Readonly<Record<IncidentType, IncidentTypeInfo>> = {
  battles: {
    slug: "battles",
    label: "Battles",
    acled: "Battles",
    subtypes: {
      "armed-clash": same("Armed clash"),
      "government-regains-territory": same("Government regains territory"),
      "non-state-actor-overtakes-territory": same("Non-state actor overtakes territory"),
    },
  },
  "explosions-remote-violence": {
    slug: "explosions-remote-violence",
    label: "Explosions and remote violence",
    acled: "Explosions/Remote violence",
    subtypes: {
      "chemical-weapon": same("Chemical weapon"),
      "air-drone-strike": ["Air or drone strike", "Air/drone strike"],
      "suicide-bomb": same("Suicide bomb"),
      "shelling-artillery-missile-attack": ["Shelling, artillery or missile attack", "Shelling/artillery/missile attack"],
      "remote-explosive-landmine-ied": ["Remote explosive, landmine or IED", "Remote explosive/landmine/IED"],
      grenade: same("Grenade"),
    },
  },
  "violence-against-civilians": {
    slug: "violence-against-civilians",
    label: "Violence against civilians",
    acled: "Violence against civilians",
    subtypes: {
      "sexual-violence": same("Sexual violence"),
      attack: same("Attack"),
      "abduction-forced-disappearance": ["Abduction or forced disappearance", "Abduction/forced disappearance"],
    },
  },
  protests: {
    slug: "protests",
    label: "Protests",
    acled: "Protests",
    subtypes: {
      "peaceful-protest": same("Peaceful protest"),
      "protest-with-intervention": same("Protest with intervention"),
      "excessive-force-against-protesters": same("Excessive force against protesters"),
    },
  },
  riots: {
    slug: "riots",
    label: "Riots",
    acled: "Riots",
    subtypes: { "violent-demonstration": same("Violent demonstration"), "mob-violence": same("Mob violence") },
  },
  "strategic-developments": {
    slug: "strategic-developments",
    label: "Strategic developments",
    acled: "Strategic developments",
    subtypes: {
      agreement: same("Agreement"),
      arrests: same("Arrests"),
      "change-to-group-activity": ["Change to group or activity", "Change to group/activity"],
      "disrupted-weapons-use": same("Disrupted weapons use"),
      "headquarters-or-base-established": same("Headquarters or base established"),
      "looting-property-destruction": ["Looting or property destruction", "Looting/property destruction"],
      "non-violent-transfer-of-territory": same("Non-violent transfer of territory"),
      other: same("Other"),
    },
  },
};

/** A type as a reader of the edition sees it: "Battles", "Affrontements". */
export function typeLabel(type: IncidentType, words: Catalogue = catalogueOf("en")): string {
  return words.t(`incident.type.${type}`);
}

/** A sub-type as a reader of the edition sees it. */
export function subtypeLabel(type: IncidentType, subtype: string, words: Catalogue = catalogueOf("en")): string {
  return words.t(`incident.subtype.${type}.${subtype}`);
}

/** Our type for ACLED's event_type, matched without regard to case or spacing. */
export function typeOfAcled(eventType: string): IncidentType | undefined {
  const wanted = eventType.trim().toLowerCase().replace(/\s+/g, " ");
  return INCIDENT_TYPES.find((type) => TYPOLOGY[type].acled.toLowerCase() === wanted);
}
