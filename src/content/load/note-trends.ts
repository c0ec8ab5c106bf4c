// The editors' weekly judgement, written in the weekly note's front matter (content/issues/<week>.md)
// where the week's other words are, and translated as the note is (<week>.<language>.md):
//
//   trends:
//     mali:
//       trend: deteriorated
//       reason: "Coordinated rocket fire on French bases in Kidal, Ménaka and Gao."
//       alerts:
//         - kind: resolution-opportunity
//           reason: "The prime minister says talks with jihadists could include JNIM's leader."
//
// A translation gives the reasons in its language. It may repeat a trend or an alert's kind, to
// see it while translating, but never change it: the judgement is the original's, in every
// edition. What comes out is the model the digest has always read (WeeklyFigures).
import type { Figure } from "../schemas.ts";
import type { WeeklyFigures } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import type { Week } from "../../core/weeks.ts";
import type { FrontMatter } from "./frontmatter.ts";
import { brokenReferences, type KnownKeys } from "./references.ts";
import { COLLECTIONS } from "../collections.ts";

type Trends = Readonly<Record<string, { trend: Figure["trend"]; reason: string; alerts: readonly { kind: Figure["alerts"][number]["kind"]; reason: string }[] }>>;

/**
 * The countries a note's `trends:` names (its keys, read from the raw front matter, so they are
 * checked even when another field of the note is wrong), each against countries.ts.
 */
export function trendCountryProblems(rawTrends: unknown, file: string, lineOf: FrontMatter["lineOf"], known: KnownKeys): Problem[] {
  if (typeof rawTrends !== "object" || rawTrends === null || Array.isArray(rawTrends)) return [];
  return Object.keys(rawTrends).flatMap((country) => {
    const broken = brokenReferences({ country }, COLLECTIONS.figures.references, known);
    if (!broken.length) return [];
    const line = lineOf(["trends", country]);
    return [{ file, ...(line === undefined ? {} : { line }), field: `trends.${country}`, message: broken[0]!.message.replace(/^unknown country/, "names an unknown country") }];
  });
}

/** A note's trends as the model's figures (the countries checked by trendCountryProblems; unknown ones left out). */
export function figuresOfNote(trends: Trends, week: Week, known: KnownKeys): WeeklyFigures[] {
  return Object.entries(trends)
    .filter(([country]) => known.countries?.has(country) ?? true)
    .map(([country, judged]) => ({ country, week, trend: judged.trend, reason: judged.reason, alerts: judged.alerts.map((a) => ({ kind: a.kind, reason: a.reason, translations: {} })), translations: {} }));
}

/** What a translated note writes under `trends:`, read by noteTrendTranslationSchema. */
export type TranslatedTrends = Readonly<Record<string, { trend?: unknown; reason?: string; alerts?: readonly { kind?: unknown; reason?: string }[] }>>;

/**
 * The original's figures with a translation's reasons added, and where the translation changes
 * what only the original may say (a trend, an alert's kind, a country or an alert it lacks).
 */
export function translateFigures(
  figures: readonly WeeklyFigures[],
  translated: TranslatedTrends | undefined,
  translation: { file: string; language: string; lineOf: FrontMatter["lineOf"] },
  originalFile: string,
): { figures: WeeklyFigures[]; problems: Problem[] } {
  if (!translated) return { figures: [...figures], problems: [] };
  const problems: Problem[] = [];
  const at = (path: (string | number)[]) => {
    const line = translation.lineOf(path);
    return line === undefined ? {} : { line };
  };
  const byCountry = new Map(figures.map((f) => [f.country, f]));
  for (const [country, words] of Object.entries(translated)) {
    const original = byCountry.get(country);
    if (!original) {
      problems.push({ file: translation.file, ...at(["trends", country]), field: `trends.${country}`, message: `is not in the original (${originalFile}), which gives no trend for ${country}: a translation translates the original's reasons only` });
      continue;
    }
    if (words.trend !== undefined && words.trend !== original.trend) {
      problems.push({
        file: translation.file, ...at(["trends", country, "trend"]), field: `trends.${country}.trend`,
        message: `is "${String(words.trend)}", but the original (${originalFile}) says "${original.trend}": a translation gives the reason in its language and never changes the trend; leave trend out, or write "${original.trend}"`,
        value: words.trend,
      });
    }
    (words.alerts ?? []).forEach((alert, index) => {
      const theirs = original.alerts[index];
      if (!theirs) {
        problems.push({ file: translation.file, ...at(["trends", country, "alerts", index]), field: `trends.${country}.alerts[${index}]`, message: `has no alert to translate: the original (${originalFile}) gives ${original.alerts.length} for ${country}; a translation gives their reasons in the same order` });
      } else if (alert.kind !== undefined && alert.kind !== theirs.kind) {
        problems.push({
          file: translation.file, ...at(["trends", country, "alerts", index, "kind"]), field: `trends.${country}.alerts[${index}].kind`,
          message: `is "${String(alert.kind)}", but the original (${originalFile}) says "${theirs.kind}": a translation never changes an alert; leave kind out, or write "${theirs.kind}"`,
          value: alert.kind,
        });
      }
    });
  }
  if (problems.length) return { figures: [...figures], problems };
  const { language } = translation;
  return {
    problems,
    figures: figures.map((figure) => {
      const words = translated[figure.country];
      if (!words) return figure;
      return {
        ...figure,
        ...(words.reason ? { translations: { ...figure.translations, [language]: { reason: words.reason } } } : {}),
        alerts: figure.alerts.map((alert, i) => {
          const reason = words.alerts?.[i]?.reason;
          return reason ? { ...alert, translations: { ...alert.translations, [language]: { reason } } } : alert;
        }),
      };
    }),
  };
}
