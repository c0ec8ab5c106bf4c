// Other organisations' weekly counts (content/_data/external-counts.ts), and the retired
// content/_data/figures.ts (the trends are now in the weekly notes: note-trends.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import type { ExternalCount } from "../schemas.ts";
import type { ExternalCounts } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { COLLECTIONS } from "../collections.ts";
import { brokenReferences, type KnownKeys } from "./references.ts";
import { parseWeekId } from "../../core/weeks.ts";
import { loadEntries } from "./data-files.ts";

const FIGURES_FILE = COLLECTIONS.figures.file;

/**
 * The trends were kept in content/_data/figures.ts until they moved to the weekly notes, where
 * editors translate them with the note: a figures.ts left behind would be silently ignored, so
 * it is refused with the way to move it.
 */
export function retiredFiguresFile(root: string): Problem[] {
  if (!existsSync(path.join(root, FIGURES_FILE))) return [];
  return [{
    file: FIGURES_FILE, field: "",
    message: "is no longer read: each week's trends go in its weekly note's front matter (content/issues/<week>.md), under trends: (docs/data.md, \"The editors' judgement: the week's trends\"); move them there and delete this file",
  }];
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
