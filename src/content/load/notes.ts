// Reads and validates one weekly note: content/issues/<YYYY>-W<ww>.md.
import { readMarkdownFile } from "./markdown-file.ts";
import { COLLECTIONS } from "../collections.ts";
import { renderMarkdown } from "../markdown.ts";
import { weeklyNoteFrontMatterSchema } from "../schemas.ts";
import type { WeeklyNote } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { parseWeekId } from "../../core/weeks.ts";
import { problemsFromZod } from "./zod-problems.ts";

const NOTE_FIELDS = Object.keys(weeklyNoteFrontMatterSchema.shape);

export function loadNote(root: string, relative: string): { note?: WeeklyNote; problems: Problem[] } {
  const file = `${COLLECTIONS.notes.folder}/${relative}`;
  const week = parseWeekId(relative.replace(/\.md$/, ""));
  if (!week) {
    return { problems: [{ file, field: "file name", message: "must name an ISO week that exists, such as 2020-W49.md", value: relative }] };
  }
  const { frontMatter, fingerprint, problems } = readMarkdownFile(root, file);
  if (!frontMatter) return { problems };
  const result = weeklyNoteFrontMatterSchema.safeParse(frontMatter.data);
  if (!result.success) {
    return { problems: problemsFromZod(result.error, frontMatter.data, { file, lineOf: frontMatter.lineOf, knownFields: NOTE_FIELDS }) };
  }
  return { note: { file, week, headline: result.data.headline, leadHtml: renderMarkdown(frontMatter.body), ...(fingerprint ? { fingerprint } : {}) }, problems: [] };
}
