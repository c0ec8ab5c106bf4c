// An item's source grade as readers see it: the Admiralty scale's letter and figure ("B2"),
// each in the edition's words, and the editors' note on how they checked. The scale itself is
// explained on the methodology page (src/digest/methodology.ts).
import type { Grade } from "../content/model.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { GradeView } from "./views.ts";

/** `itemLanguage`: the item's own language when it is shown untranslated, whose note is then in it too. */
export function gradeView(grade: Grade, words: Catalogue, itemLanguage?: string): GradeView {
  const language = grade.noteLanguage ?? itemLanguage;
  return {
    code: `${grade.reliability}${grade.credibility}`,
    reliability: grade.reliability,
    credibility: grade.credibility,
    reliabilityText: words.t(`grade.reliability.${grade.reliability}`),
    credibilityText: words.t(`grade.credibility.${grade.credibility}`),
    note: grade.note,
    ...(language && language !== words.language ? { language } : {}),
  };
}
