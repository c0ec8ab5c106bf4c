// Reads and validates one weekly note: content/issues/<YYYY>-W<ww>.md.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseFrontMatter } from "../frontmatter.ts";
import { renderMarkdown } from "../markdown.ts";
import { weeklyNoteFrontMatterSchema } from "../model/schemas.ts";
import type { WeeklyNote } from "../model/content.ts";
import type { Problem } from "../problems.ts";
import { parseWeekId } from "../weeks.ts";
import { problemsFromZod } from "./zod-problems.ts";

const NOTE_FIELDS = Object.keys(weeklyNoteFrontMatterSchema.shape);

export async function loadNote(root: string, relative: string): Promise<{ note?: WeeklyNote; problems: Problem[] }> {
  const file = `content/issues/${relative}`;
  const week = parseWeekId(relative.replace(/\.md$/, ""));
  if (!week) {
    return { problems: [{ file, field: "file name", message: "must name an ISO week that exists, such as 2020-W49.md", value: relative }] };
  }
  const parsed = parseFrontMatter(await readFile(path.join(root, file), "utf8"));
  if (!parsed.ok) {
    return { problems: [{ file, field: "front matter", message: parsed.message, ...(parsed.line ? { line: parsed.line } : {}) }] };
  }
  const result = weeklyNoteFrontMatterSchema.safeParse(parsed.value.data);
  if (!result.success) {
    return { problems: problemsFromZod(result.error, parsed.value.data, { file, lineOf: parsed.value.lineOf, knownFields: NOTE_FIELDS }) };
  }
  return { note: { file, week, headline: result.data.headline, leadHtml: renderMarkdown(parsed.value.body) }, problems: [] };
}
