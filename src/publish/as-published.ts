// Each issue's open data is kept as it was published (src/pages/table.ts, kind "issue-data-file"),
// in the project's published/issues/<week>/data/ folder, which editors commit like the content:
// a fresh checkout (the deploy workflow) builds the site from nothing, so the copies cannot live
// in the output folder. A build writes the kept copies byte for byte rather than make them from
// the content. An issue without a copy has its data made from the content; once its week is over
// in the site's time zone, a production build keeps that copy (in published/ and in the site)
// and says to commit it. The preview, a build with drafts, and one on a set clock (DIGEST_NOW)
// are no publication: they keep nothing. A correction to an older item shows in /data/, never in
// an issue's copy; an item withdrawn since (a draft again, or deleted) stops the build while a
// copy still names it, as taking it out of the record is the editor's deliberate act.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { parse } from "csv-parse/sync";
import type { Digest } from "../digest/digest.ts";
import { outputFile } from "../pages/table.ts";
import { DATA_FILES, dataFilePath, dataFileText, issueDataPaths, keepPublishedData } from "../pages/data-files.ts";
import { publishedFolder } from "../core/project.ts";
import { weekBounds, type Week } from "../core/weeks.ts";
import { writeWhole } from "../core/writer.ts";
import type { Problem } from "../core/problems.ts";

/** The kept copies of the issues' data in the project's published/ folder, by site path; read as the text they were written as. */
export async function publishedIssueData(digest: Digest, root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await Promise.all(
    issueDataPaths(digest).map(async (sitePath) => {
      try {
        files.set(sitePath, await readFile(publishedFolder(root, outputFile(sitePath)), "utf8"));
      } catch {
        // No copy kept: made from the content.
      }
    }),
  );
  return files;
}

/** The item addresses a data file names: its item_url column or keys (a tagged CSV's hashtag row is no address). */
function itemUrlsIn(name: string, text: string): string[] {
  const found: string[] = [];
  if (name.endsWith(".csv")) {
    try {
      for (const row of parse(text, { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[]) {
        if (row.item_url && /^https?:/.test(row.item_url)) found.push(row.item_url);
      }
    } catch {
      // Not a table: nothing it names can be checked.
    }
  } else if (name.endsWith("json")) {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          // A schema's description of the field is no address.
          if (key === "item_url" && typeof inner === "string" && /^https?:/.test(inner)) found.push(inner);
          else walk(inner);
        }
      }
    };
    try {
      walk(JSON.parse(text));
    } catch {
      // Not JSON: nothing it names can be checked.
    }
  }
  return found;
}

/** One problem per kept copy and item it names that is no longer published (a draft again, or deleted). */
export function withdrawnItems(digest: Digest, files: ReadonlyMap<string, string>): Problem[] {
  // The open data's item_url of every published item, without making the open data's rows.
  const published = new Set(digest.items.map((item) => digest.urls.absolute(item.path)));
  const problems: Problem[] = [];
  const told = new Set<string>();
  for (const [sitePath, text] of files) {
    const file = path.posix.join("published", outputFile(sitePath).split(path.sep).join("/"));
    const folder = path.posix.dirname(file);
    for (const url of itemUrlsIn(path.posix.basename(file), text)) {
      if (published.has(url) || told.has(`${folder} ${url}`)) continue;
      told.add(`${folder} ${url}`);
      problems.push({
        file,
        field: "item_url",
        message: `names an item no longer published (a draft again, deleted, or its file renamed): remove it from the copy in ${folder}/, or delete that folder to have the copy made again from today's content`,
        value: url,
      });
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The issues whose week is over at `now` in the site's time zone and that have no kept copy: the copies a production build keeps. */
export function weeksToKeep(digest: Digest, kept: ReadonlyMap<string, string>, now: DateTime): Week[] {
  if (!digest.incidents.length) return [];
  return digest.issueWeeks
    .filter((week) => weekBounds(week, digest.site.timeZone).end <= now)
    .filter((week) => !DATA_FILES.some((file) => kept.has(dataFilePath(file, { week }))));
}

/** Makes the build write the kept copies of the issues' data, and gives them (withdrawnItems checks them). */
export async function keepIssueData(digest: Digest, root: string): Promise<ReadonlyMap<string, string>> {
  const kept = await publishedIssueData(digest, root);
  keepPublishedData(digest, kept);
  return kept;
}

/** Writes the copies of `weeks` into published/, the same text the site got; the line telling the editor to commit them. */
export function writeKeptCopies(digest: Digest, root: string, weeks: readonly Week[]): string | undefined {
  if (!weeks.length) return undefined;
  for (const week of weeks) {
    for (const file of DATA_FILES) {
      const target = publishedFolder(root, outputFile(dataFilePath(file, { week })));
      mkdirSync(path.dirname(target), { recursive: true });
      writeWhole(target, dataFileText(digest, file, { week }));
    }
  }
  return `Kept the data of ${[...weeks].reverse().map((w) => w.id).join(", ")} as published in published/issues/: commit it (git add published) so that later builds publish the same bytes.`;
}

/**
 * The issues' kept data as it will be once this build is done: the copies found and those it
 * keeps (the text it publishes). Part of what the build cache keys the pages made from the whole
 * digest by: a copy deleted or edited makes them again, while the build after one that kept a
 * copy, finding the same bytes, reuses them.
 */
export function keptDataVersion(digest: Digest, kept: ReadonlyMap<string, string>, weeks: readonly Week[]): string {
  const texts = new Map(kept);
  for (const week of weeks) for (const file of DATA_FILES) texts.set(dataFilePath(file, { week }), dataFileText(digest, file, { week }));
  const h = createHash("sha1");
  for (const [sitePath, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(sitePath).update("\0").update(text).update("\0");
  return h.digest("base64url");
}
