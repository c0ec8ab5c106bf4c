// Sums of tolls that carry their uncertainty. The rules, in one place:
// - a sum is exact only when every term is exact;
// - any lower bound ("at least 50") makes the sum a lower bound: "at least 84";
// - ranges add bound by bound: 19-20 plus 5 is 24-25;
// - any approximate term ("about 30") makes the sum approximate: "about 35", "about 54-55",
//   or "about 84 or more" with a lower bound among the terms;
// - a toll the source gave in words only adds nothing, and is counted as such;
// - nothing is rounded: the figures are the sources' own, added.
// Pages, feeds and the open data all show sums made here, so they agree.
//
// A disputed incident (several accounts) counts with the lowest figure any account gives, and
// the range the accounts span: "at least 19" when one account is a lower bound, "28–34" when the
// accounts give 28 and 34. Never one side's figure alone, never their mean.
import type { NumericToll, Toll, TollKind } from "../content/toll.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";

export interface TollSum {
  /** exact, at-least, range, or about (whenever one term is approximate). */
  readonly kind: TollKind;
  /** The sum of the lowest figures. */
  readonly min: number;
  /** The sum of the highest figures; none when a term is a lower bound. */
  readonly max?: number;
  /** How many tolls with a number were added. */
  readonly terms: number;
  /** How many tolls the sources gave in words only, which add nothing. */
  readonly wordsOnly: number;
}

/** The sum of the tolls with a number; undefined when none has one. */
export function sumTolls(tolls: readonly Toll[]): TollSum | undefined {
  let min = 0;
  let max: number | undefined = 0;
  let terms = 0;
  let wordsOnly = 0;
  let approximate = false;
  let ranged = false;
  for (const toll of tolls) {
    if (toll.kind === "not-given") {
      wordsOnly++;
      continue;
    }
    terms++;
    min += toll.min;
    max = max === undefined || toll.max === undefined ? undefined : max + toll.max;
    approximate ||= toll.kind === "about";
    ranged ||= toll.kind === "range";
  }
  if (terms === 0) return undefined;
  const kind: TollKind = approximate ? "about" : max === undefined ? "at-least" : ranged && max > min ? "range" : "exact";
  return { kind, min, ...(max === undefined ? {} : { max }), terms, wordsOnly };
}

/**
 * The toll a disputed incident counts with: the lowest figure any account gives, up to the
 * highest (no upper bound when an account gives a lower bound); approximate when an account is.
 * Undefined when no account gives a figure.
 */
export function disputedToll(tolls: readonly (Toll | undefined)[]): NumericToll | undefined {
  const numeric = tolls.filter((t): t is NumericToll => t !== undefined && t.kind !== "not-given");
  if (numeric.length === 0) return undefined;
  const min = Math.min(...numeric.map((t) => t.min));
  const max = numeric.some((t) => t.max === undefined) ? undefined : Math.max(...numeric.map((t) => t.max!));
  const approximate = numeric.some((t) => t.kind === "about");
  const kind: TollKind = max === undefined ? "at-least" : approximate ? "about" : max > min ? "range" : "exact";
  return { kind, min, ...(max === undefined ? {} : { max }) };
}

/** The toll an incident counts with: its own, or its accounts' (disputedToll). */
export function countedToll(incident: { readonly fatalities?: Toll; readonly accounts?: readonly { readonly fatalities?: Toll }[] }): Toll | undefined {
  return incident.accounts ? disputedToll(incident.accounts.map((a) => a.fatalities)) : incident.fatalities;
}

/** A toll or a sum in the edition's words: "12", "at least 12", "about 30", "19–20", "about 84 or more". */
export function tollInWords(toll: Pick<NumericToll, "kind" | "min" | "max">, words: Catalogue): string {
  const { kind, min, max } = toll;
  if (kind === "exact") return words.t("toll.exact", { count: min });
  if (kind === "at-least") return words.t("toll.atLeast", { count: min });
  if (kind === "range") return words.t("toll.range", { min, max: max ?? min });
  if (max === undefined) return words.t("toll.aboutOrMore", { count: min });
  return max === min ? words.t("toll.about", { count: min }) : words.t("toll.aboutRange", { min, max });
}

/** An incident's toll as pages show it, with the source's own words when the editor kept them. */
export function incidentTollInWords(toll: Toll, words: Catalogue): string {
  if (toll.kind === "not-given") return words.t("toll.wordsOnly", { words: toll.words });
  const figure = tollInWords(toll, words);
  return toll.words ? words.t("toll.withWords", { toll: figure, words: toll.words }) : figure;
}

/** The open data's columns of a toll or a sum: kind, lowest and highest figure (empty: no upper bound). */
export function tollColumns(toll: Toll | TollSum | undefined): { kind: string | null; min: number | null; max: number | null } {
  if (!toll) return { kind: null, min: null, max: null };
  if (toll.kind === "not-given") return { kind: "not-given", min: null, max: null };
  return { kind: toll.kind, min: toll.min, max: toll.max ?? null };
}
