// Weekly figures and trend labels (content/_data/figures.ts), checked against the countries
// and the calendar: one entry per country and ISO week.
import { RETIRED_FIGURE_FIELDS, type ExternalCount, type Figure } from "../schemas.ts";
import type { ExternalCounts, WeeklyFigures } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { COLLECTIONS } from "../collections.ts";
import { brokenReferences, type KnownKeys } from "./references.ts";
import { compareWeeks, parseWeekId, type Week } from "../../core/weeks.ts";
import { loadEntries } from "./data-files.ts";

const FIGURES_FILE = COLLECTIONS.figures.file;

/**
 * `known`: the keys of the collections figures refer to (see src/content/collections.ts).
 * `latestWeek` is the week of the newest item, drafts and scheduled ones included: figures
 * for a later week would belong to no issue and vanish from every chart, so they are refused.
 * (Figures for a week, or a country-week, whose items are all drafts or embargoed are held back
 * with them: see content.ts.)
 */
export async function loadFigures(root: string, known: KnownKeys, latestWeek: Week | undefined): Promise<{ figures: WeeklyFigures[]; problems: Problem[] }> {
  const loaded = await loadEntries(root, FIGURES_FILE, COLLECTIONS.figures.schema, { optional: COLLECTIONS.figures.optional, name: figureName, retired: RETIRED_FIGURE_FIELDS });
  const problems = [...loaded.problems];
  const figures: WeeklyFigures[] = [];
  const seen = new Map<string, number>();
  loaded.value.forEach((figure: Figure, i) => {
    const index = loaded.indexes[i]!;
    const name = figureName(figure, index);
    const week = parseWeekId(figure.week);
    if (!week) problems.push({ file: FIGURES_FILE, field: `${name}.week`, message: "is not an ISO week that exists", value: figure.week });
    else if (latestWeek && compareWeeks(week, latestWeek) > 0) {
      problems.push({ file: FIGURES_FILE, field: `${name}.week`, message: `is later than the latest issue (${latestWeek.id}); figures belong to a week that has items`, value: figure.week });
    }
    for (const broken of brokenReferences(figure, COLLECTIONS.figures.references, known)) {
      problems.push({ file: FIGURES_FILE, field: `${name}.${broken.field}`, message: broken.message });
    }
    const key = `${figure.country} ${figure.week}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ file: FIGURES_FILE, field: name, message: `repeats the country and week of entry [${earlier}]` });
      return;
    }
    seen.set(key, index);
    if (week) figures.push({ ...figure, week });
  });
  return { figures, problems };
}

/**
 * Other organisations' weekly counts (content/_data/external-counts.ts): one entry per
 * source, country and week. Their weeks need not have items: an import covers what it covers.
 */
export async function loadExternalCounts(root: string, known: KnownKeys): Promise<{ counts: ExternalCounts[]; problems: Problem[] }> {
  const file = COLLECTIONS.externalCounts.file;
  const loaded = await loadEntries(root, file, COLLECTIONS.externalCounts.schema, { optional: true, name: figureName });
  const problems = [...loaded.problems];
  const counts: ExternalCounts[] = [];
  const seen = new Map<string, number>();
  loaded.value.forEach((entry: ExternalCount, i) => {
    const index = loaded.indexes[i]!;
    const name = figureName(entry, index);
    const week = parseWeekId(entry.week);
    if (!week) problems.push({ file, field: `${name}.week`, message: "is not an ISO week that exists", value: entry.week });
    for (const broken of brokenReferences(entry, COLLECTIONS.externalCounts.references, known)) {
      problems.push({ file, field: `${name}.${broken.field}`, message: broken.message });
    }
    const key = `${entry.source} ${entry.country} ${entry.week}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ file, field: name, message: `repeats the source, country and week of entry [${earlier}]` });
      return;
    }
    seen.set(key, index);
    if (week) counts.push({ ...entry, week });
  });
  return { counts, problems };
}

/** "[3] mali 2020-W49" */
function figureName(raw: unknown, index: number): string {
  const entry = (typeof raw === "object" && raw !== null ? raw : {}) as { country?: unknown; week?: unknown };
  const parts = [`[${index}]`, entry.country, entry.week].filter((part) => typeof part === "string" && part);
  return parts.join(" ");
}
