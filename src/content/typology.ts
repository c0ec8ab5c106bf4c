// The typology incidents are recorded in: ACLED's six event types and their sub-event types,
// which analysts of the region already read. Slugs are what editors write in front matter;
// `acled` is the name in ACLED's exports, so the importer and our open data line up with theirs.
// What a reader sees is in the message catalogue (src/core/messages: incident.type.*, incident.subtype.*).
import type { Catalogue } from "../core/messages/catalogue.ts";

export interface IncidentTypeInfo {
  readonly slug: IncidentType;
  /** ACLED's event_type. */
  readonly acled: string;
  /** Sub-type slug → ACLED's sub_event_type. */
  readonly subtypes: Readonly<Record<string, string>>;
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

export const TYPOLOGY: Readonly<Record<IncidentType, IncidentTypeInfo>> = {
  battles: {
    slug: "battles",
    acled: "Battles",
    subtypes: {
      "armed-clash": "Armed clash",
      "government-regains-territory": "Government regains territory",
      "non-state-actor-overtakes-territory": "Non-state actor overtakes territory",
    },
  },
  "explosions-remote-violence": {
    slug: "explosions-remote-violence",
    acled: "Explosions/Remote violence",
    subtypes: {
      "chemical-weapon": "Chemical weapon",
      "air-drone-strike": "Air/drone strike",
      "suicide-bomb": "Suicide bomb",
      "shelling-artillery-missile-attack": "Shelling/artillery/missile attack",
      "remote-explosive-landmine-ied": "Remote explosive/landmine/IED",
      grenade: "Grenade",
    },
  },
  "violence-against-civilians": {
    slug: "violence-against-civilians",
    acled: "Violence against civilians",
    subtypes: {
      "sexual-violence": "Sexual violence",
      attack: "Attack",
      "abduction-forced-disappearance": "Abduction/forced disappearance",
    },
  },
  protests: {
    slug: "protests",
    acled: "Protests",
    subtypes: {
      "peaceful-protest": "Peaceful protest",
      "protest-with-intervention": "Protest with intervention",
      "excessive-force-against-protesters": "Excessive force against protesters",
    },
  },
  riots: {
    slug: "riots",
    acled: "Riots",
    subtypes: { "violent-demonstration": "Violent demonstration", "mob-violence": "Mob violence" },
  },
  "strategic-developments": {
    slug: "strategic-developments",
    acled: "Strategic developments",
    subtypes: {
      agreement: "Agreement",
      arrests: "Arrests",
      "change-to-group-activity": "Change to group/activity",
      "disrupted-weapons-use": "Disrupted weapons use",
      "headquarters-or-base-established": "Headquarters or base established",
      "looting-property-destruction": "Looting/property destruction",
      "non-violent-transfer-of-territory": "Non-violent transfer of territory",
      other: "Other",
    },
  },
};

/** A type as a reader of the edition sees it: "Battles", "Affrontements". */
export function typeLabel(type: IncidentType, words: Catalogue): string {
  return words.t(`incident.type.${type}`);
}

/** A sub-type as a reader of the edition sees it. */
export function subtypeLabel(type: IncidentType, subtype: string, words: Catalogue): string {
  return words.t(`incident.subtype.${type}.${subtype}`);
}

/** Our type for ACLED's event_type, matched without regard to case or spacing. */
export function typeOfAcled(eventType: string): IncidentType | undefined {
  const wanted = eventType.trim().toLowerCase().replace(/\s+/g, " ");
  return INCIDENT_TYPES.find((type) => TYPOLOGY[type].acled.toLowerCase() === wanted);
}
