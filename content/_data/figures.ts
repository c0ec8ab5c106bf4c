import type { FigureInput } from "../../src/content/schemas.ts";

// The editors' judgement per country and ISO week: the trend label, why, and any alert.
// The counts beside them are not kept here: the build computes them from the incidents the
// items record, so they cannot drift from the items.
// A reason in another edition's language goes beside it, as every translated text does:
//   reason: "…", translations: { fr: { reason: "…" } }   (an alert's reason the same way)
// An edition shows the reason as written, marked as such, where it has none of its own.

const figures: FigureInput[] = [
  { country: "mali", week: "2020-W44", trend: "unchanged", reason: "Large French strike near Boulikessi; Paris and Bamako split over talks with jihadists." },
  { country: "mali", week: "2020-W45", trend: "improved", reason: "Niono forum ends with a non-aggression pledge between hunters and Fulani." },
  { country: "mali", week: "2020-W46", trend: "unchanged", reason: "French forces kill JNIM commander Bah ag Moussa near Ménaka." },
  { country: "mali", week: "2020-W47", trend: "deteriorated", reason: "Villagers of besieged Farabougou killed two weeks after the Niono pledge." },
  { country: "mali", week: "2020-W48", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mali", week: "2020-W49", trend: "deteriorated", reason: "Coordinated rocket fire on French bases in Kidal, Ménaka and Gao.", alerts: [{ kind: "resolution-opportunity", reason: "The prime minister says talks with jihadists could include JNIM's leader." }] },
  { country: "mali", week: "2020-W50", trend: "deteriorated", reason: "JNIM attacks a Dogon militia near Songho and clashes with ISGS near N'Daki." },
  { country: "mali", week: "2020-W51", trend: "unchanged", reason: "State of emergency declared over terrorism and COVID-19." },
  { country: "mali", week: "2020-W52", trend: "unchanged", reason: "Intelligence service detains public figures over an alleged plot." },
  { country: "mali", week: "2020-W53", trend: "deteriorated", reason: "Five French soldiers killed by bombs; residents dispute a French strike near Bounti.", alerts: [{ kind: "conflict-risk", reason: "Residents and France give opposite accounts of who died at Bounti." }] },
  { country: "burkina-faso", week: "2020-W44", trend: "unchanged", reason: "Election campaign opens amid jihadist violence." },
  { country: "burkina-faso", week: "2020-W45", trend: "deteriorated", reason: "A ruling-party figure's driver is killed in a campaign attack at Goudebo." },
  { country: "burkina-faso", week: "2020-W46", trend: "deteriorated", reason: "Ambush near Tin-Akoff kills 14 members of the security forces.", alerts: [{ kind: "conflict-risk", reason: "Campaigning suspended; no voting possible in parts of the north and east." }] },
  { country: "burkina-faso", week: "2020-W47", trend: "unchanged", reason: "General elections held; hundreds of polling stations cannot open." },
  { country: "burkina-faso", week: "2020-W48", trend: "improved", reason: "Kaboré re-elected in the first round and his main challenger concedes." },
  { country: "burkina-faso", week: "2020-W49", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "burkina-faso", week: "2020-W50", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "burkina-faso", week: "2020-W51", trend: "unchanged", reason: "Constitutional Council upholds the presidential result." },
  { country: "burkina-faso", week: "2020-W52", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "burkina-faso", week: "2020-W53", trend: "unchanged", reason: "Kaboré sworn in as internal displacement passes one million." },
  { country: "niger", week: "2020-W44", trend: "deteriorated", reason: "US citizen abducted near the Nigerian border, then freed by US forces." },
  { country: "niger", week: "2020-W45", trend: "unchanged", reason: "A record 41 presidential candidacies are lodged." },
  { country: "niger", week: "2020-W46", trend: "unchanged", reason: "The main opposition leader is barred from the presidential race." },
  { country: "niger", week: "2020-W47", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "niger", week: "2020-W48", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "niger", week: "2020-W49", trend: "unchanged", reason: "Presidential campaign opens without Hama Amadou." },
  { country: "niger", week: "2020-W50", trend: "deteriorated", reason: "Boko Haram blamed for a deadly raid on Toumour before the local elections." },
  { country: "niger", week: "2020-W51", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "niger", week: "2020-W52", trend: "deteriorated", reason: "Army patrol ambushed near Ouallam days before the general election." },
  { country: "niger", week: "2020-W53", trend: "deteriorated", reason: "About 100 villagers killed in two villages of Tillabéri region.", alerts: [{ kind: "conflict-risk", reason: "The massacre comes as provisional results send the presidency to a run-off." }] },
  { country: "chad", week: "2020-W44", trend: "unchanged", reason: "Government forum backs a vice-presidency; the opposition stays away." },
  { country: "chad", week: "2020-W45", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "chad", week: "2020-W46", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "chad", week: "2020-W47", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "chad", week: "2020-W48", trend: "deteriorated", reason: "Farmer–herder clashes in Mayo-Kebbi Est; soldiers killed by a bomb on Lake Chad." },
  { country: "chad", week: "2020-W49", trend: "unchanged", reason: "Parliament adopts the constitutional revision." },
  { country: "chad", week: "2020-W50", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "chad", week: "2020-W51", trend: "unchanged", reason: "The revised constitution is promulgated." },
  { country: "chad", week: "2020-W52", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "chad", week: "2020-W53", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W44", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W45", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W46", trend: "deteriorated", reason: "The Guerguerat blockade disrupts supplies until Moroccan troops reopen the crossing.", alerts: [{ kind: "conflict-risk", reason: "The Polisario Front declares the 1991 Western Sahara ceasefire over." }] },
  { country: "mauritania", week: "2020-W47", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W48", trend: "unchanged", reason: "Independence anniversary marked with social measures." },
  { country: "mauritania", week: "2020-W49", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W50", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W51", trend: "unchanged", reason: "Former president Abdel Aziz summoned again in a corruption inquiry." },
  { country: "mauritania", week: "2020-W52", trend: "unchanged", reason: "No major incident reported in this edition." },
  { country: "mauritania", week: "2020-W53", trend: "unchanged", reason: "No major incident reported in this edition." },
];

export default figures;
