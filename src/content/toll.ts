// A toll as the sources give it: an exact number, a lower bound ("at least 50"), an
// approximate figure ("about 30"), a range ("19-20"), or no number at all, each with the
// source's own words kept for display ("several dozen", "more than 50"). What an editor writes:
//
//   fatalities: 12                      exact
//   fatalities: "at least 12"           a lower bound
//   fatalities: "about 30"              approximate: shown as such, never summed as exact
//   fatalities: "19-20"                 a range, lower figure first
//   fatalities: { toll: "at least 50", words: "more than 50" }   with the source's words
//   fatalities: { words: "several dozen" }                       no number, the words only
//
// Anything else is refused in words that say which of these to write: an approximate figure
// that is not written as "about", a "more than", a range upside down. Summing tolls is the
// digest's (src/digest/tolls.ts).
import { z } from "zod";

export type TollKind = "exact" | "at-least" | "about" | "range";

/** A toll with a number: `min` and `max` equal for exact and about, no `max` for at least. */
export interface NumericToll {
  readonly kind: TollKind;
  readonly min: number;
  /** None for "at least": no upper bound. */
  readonly max?: number;
  /** The source's own words, for display ("more than 50"). */
  readonly words?: string;
}

/** A toll the source gives no number for, only words ("several dozen"). */
export interface WordsOnlyToll {
  readonly kind: "not-given";
  readonly words: string;
}

export type Toll = NumericToll | WordsOnlyToll;

const MAX = 1_000_000;
export const TOLL_FORMS = 'a toll is written as the source gives it: 12, "at least 12", "about 12", a range "19-20", or { toll: …, words: "the source\'s words" }';

const NUMBER = "[0-9]{1,7}";
const EXACT_TEXT = new RegExp(`^(${NUMBER})$`);
const AT_LEAST = new RegExp(`^at least (${NUMBER})$`);
const ABOUT = new RegExp(`^about (${NUMBER})$`);
const RANGE = new RegExp(`^(${NUMBER}) ?[-–] ?(${NUMBER})$`);
const APPROXIMATE = /^(?:~|some|around|approximately|approx\.?|roughly|nearly|almost|close to|an estimated|estimated|environ|près de|quelque|une? )\s*([0-9]+)/i;
const LOWER_BOUND = /^(?:more than|over|above|upwards of|plus de|au moins|at least)\s*([0-9]+)|^([0-9]+)\s*\+$|^([0-9]+) or more$/i;

/** Why a text is not a toll, in the words that say what to write instead. */
function textProblem(text: string): string {
  const trimmed = text.trim();
  if (/^(?:at least|about) 0+$/.test(trimmed)) return `says nothing as "${trimmed}": write 0 if the source says no one died, or leave it out`;
  const approximate = APPROXIMATE.exec(trimmed);
  if (approximate) {
    const n = approximate[1];
    return `"${trimmed}" is not written as a toll: a toll is only what the source reports. If the source gives about ${n}, write "about ${n}" (shown as about, never added up as exact); if it gives a lowest figure, write it as "at least N"; if it gives no figure, leave fatalities out. Keep its words with { toll: "about ${n}", words: "${trimmed}" }`;
  }
  const lower = LOWER_BOUND.exec(trimmed);
  if (lower) {
    const n = lower[1] ?? lower[2] ?? lower[3];
    return `"${trimmed}" is a lower bound: write it as "at least ${n}", and keep the source's words in { toll: "at least ${n}", words: "${trimmed}" }`;
  }
  const range = RANGE.exec(trimmed);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to) return `is a range upside down: write the lower figure first, "${to}-${from}"`;
    if (from === to) return `is a range of one figure: write ${from}`;
  }
  if (/[0-9]/.test(trimmed)) return `is not a toll as written: ${TOLL_FORMS}`;
  return `has no figure: leave it out, or keep the source's words with { words: "${trimmed}" }`;
}

/** The toll an editor wrote as a number or a text, or the problem with it. */
export function parseToll(value: number | string): { toll: NumericToll } | { problem: string } {
  if (typeof value === "number") {
    if (Object.is(value, -0) || value < 0) return { problem: "must not be negative: write 0" };
    if (!Number.isInteger(value)) return { problem: "must be a whole number" };
    if (value > MAX) return { problem: `must be at most ${MAX.toLocaleString("und")}` };
    return { toll: { kind: "exact", min: value, max: value } };
  }
  const text = value.trim();
  let match: RegExpExecArray | null;
  if ((match = EXACT_TEXT.exec(text))) return parseToll(Number(match[1]));
  if ((match = AT_LEAST.exec(text)) && Number(match[1]) > 0 && Number(match[1]) <= MAX) return { toll: { kind: "at-least", min: Number(match[1]) } };
  if ((match = ABOUT.exec(text)) && Number(match[1]) > 0 && Number(match[1]) <= MAX) return { toll: { kind: "about", min: Number(match[1]), max: Number(match[1]) } };
  if ((match = RANGE.exec(text))) {
    const [from, to] = [Number(match[1]), Number(match[2])];
    if (from < to && to <= MAX) return { toll: { kind: "range", min: from, max: to } };
  }
  return { problem: textProblem(text) };
}

const tollValue = z.union([z.number(), z.string()], { error: `must be a number or a text: ${TOLL_FORMS}` });
const sourceWords = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters: the source's words for the toll");

/** What an editor writes in `fatalities`, checked and turned into a Toll. */
export const tollSchema = z
  .union([tollValue, z.strictObject({ toll: tollValue.optional(), words: sourceWords.optional() }, { error: `must be a number, a text or { toll, words }: ${TOLL_FORMS}` })], {
    error: `must be a number, a text or { toll, words }: ${TOLL_FORMS}`,
  })
  .transform((value, ctx): Toll => {
    const written = typeof value === "object" ? value : { toll: value };
    if (written.toll === undefined) {
      if (written.words === undefined) ctx.addIssue({ code: "custom", message: 'is empty: give the `toll`, the source\'s `words`, or both; or leave `fatalities` out when the source says nothing' });
      return { kind: "not-given", words: written.words ?? "" };
    }
    const parsed = parseToll(written.toll);
    if ("problem" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.problem, path: typeof value === "object" ? ["toll"] : [] });
      return { kind: "not-given", words: "" };
    }
    return written.words === undefined ? parsed.toll : { ...parsed.toll, words: written.words };
  });

export type TollInput = z.input<typeof tollSchema>;
