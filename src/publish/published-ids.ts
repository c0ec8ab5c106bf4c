// An incident id, once published, is for good: an analyst joined last week's open data on it.
// Before a build replaces the published site, the ids that site's open data lists are checked
// against the new content: each must still name an incident, or be declared retired by its item
// (`retired_ids`). Otherwise the build stops, writing nothing, and says which id went missing and
// from which item. A site published for the first time (no open data yet) has nothing to keep.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../core/problems.ts";

export interface PublishedRecord {
  readonly id: string;
  readonly item_url?: string;
}

export interface CurrentIds {
  /** Every incident id the content uses, drafts included (a draft's ids are taken too). */
  readonly used: ReadonlySet<string>;
  readonly retired: ReadonlySet<string>;
  /** An item's file from its address in the open data, when the item still exists. */
  readonly fileOfItemUrl: (url: string) => string | undefined;
}

/** The ids published before that the content neither uses nor retires, as problems. */
export function vanishedIds(published: readonly PublishedRecord[], current: CurrentIds, publishedFile: string): Problem[] {
  const problems: Problem[] = [];
  for (const record of published) {
    if (current.used.has(record.id) || current.retired.has(record.id)) continue;
    const file = record.item_url ? current.fileOfItemUrl(record.item_url) : undefined;
    problems.push({
      file: file ?? publishedFile,
      field: file ? "incidents" : "id",
      message: `incident id "${record.id}" was published and is no longer used: give the incident its id back, or declare it in the item's retired_ids (- { id: ${record.id}, retired: YYYY-MM-DD, replaced_by: <new id> })`,
    });
  }
  return problems;
}

/** The records of the published site's incidents.json; none when there is no published site or file. */
export async function publishedRecords(output: string): Promise<PublishedRecord[]> {
  let text: string;
  try {
    text = await readFile(path.join(output, "data", "incidents.json"), "utf8");
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as { incidents?: unknown };
    if (!Array.isArray(parsed.incidents)) return [];
    return parsed.incidents.filter((r): r is PublishedRecord => typeof r === "object" && r !== null && typeof (r as PublishedRecord).id === "string");
  } catch {
    // A file the build did not write as it should: nothing to hold the content to.
    return [];
  }
}
