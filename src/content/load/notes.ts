// Reads and validates one weekly note: content/issues/<YYYY>-W<ww>.md: its headline and lead,
// and the editors' trends for the week (note-trends.ts). A note may give only the trends.
import { readMarkdownFile } from "./markdown-file.ts";
import { COLLECTIONS } from "../collections.ts";
import { renderMarkdown } from "../markdown.ts";
import { weeklyNoteFrontMatterSchema } from "../schemas.ts";
import type { WeeklyFigures, WeeklyNote } from "../model.ts";
import type { Problem } from "../../core/problems.ts";
import { parseWeekId, type Week } from "../../core/weeks.ts";
import { problemsFromZod } from "./zod-problems.ts";
import { figuresOfNote, trendCountryProblems } from "./note-trends.ts";
import type { KnownKeys } from "./references.ts";

const NOTE_FIELDS = Object.keys(weeklyNoteFrontMatterSchema.shape);

export interface LoadedNote {
  /** None for a note that gives only the week's trends. */
  readonly note?: WeeklyNote;
  readonly week?: Week;
  readonly figures: WeeklyFigures[];
  readonly draft: boolean;
  /** Its trends could be read (the front matter passed its schema): translations are compared with them. */
  readonly trendsRead?: boolean;
  readonly problems: Problem[];
}

export function loadNote(root: string, relative: string, known: KnownKeys = {}): LoadedNote {
  const file = `${COLLECTIONS.notes.folder}/${relative}`;
  const week = parseWeekId(relative.replace(/\.md$/, ""));
  if (!week) {
    return { figures: [], draft: false, problems: [{ file, field: "file name", message: "must name an ISO week that exists, such as 2020-W49.md", value: relative }] };
  }
  const { frontMatter, fingerprint, problems } = readMarkdownFile(root, file);
  if (!frontMatter) return { week, figures: [], draft: false, problems };
  const result = weeklyNoteFrontMatterSchema.safeParse(frontMatter.data);
  const countries = trendCountryProblems(frontMatter.data.trends, file, frontMatter.lineOf, known);
  if (!result.success) {
    const problems = [...problemsFromZod(result.error, frontMatter.data, { file, lineOf: frontMatter.lineOf, knownFields: NOTE_FIELDS }), ...countries];
    return { week, figures: [], draft: frontMatter.data.draft === true, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  const data = result.data;
  const trends = { figures: figuresOfNote(data.trends, week, known), problems: countries };
  const lead = frontMatter.body.trim();
  if (data.headline === undefined) {
    if (lead) trends.problems.push({ file, line: 2, field: "headline", message: "is missing: a note with a lead (the text below ---) needs a headline; a note without one gives only the week's trends" });
    else if (Object.keys(data.trends).length === 0) trends.problems.push({ file, line: 2, field: "headline", message: "is missing: write the week's headline and lead, or its trends, or delete the file" });
    return { week, figures: trends.figures, draft: data.draft, trendsRead: true, problems: trends.problems };
  }
  const note: WeeklyNote = { file, week, headline: data.headline, leadHtml: renderMarkdown(frontMatter.body), ...(data.draft ? { draft: true } : {}), ...(fingerprint ? { fingerprint } : {}) };
  return { note, week, figures: trends.figures, draft: data.draft, trendsRead: true, problems: trends.problems };
}
