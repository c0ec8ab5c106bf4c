// What a production build leaves out of the published site, and why: drafts, items dated after
// the build's clock, weeks all of whose items are held back, and weeks out with items whose note
// is still a draft. Every build and check ends with it in one line, so nothing is held back in
// silence.
import type { Item, LeftOut } from "../model.ts";

export function leftOutOf(items: readonly Item[], draftNoteWeeks: ReadonlySet<string>): LeftOut {
  const drafts = items.filter((item) => item.draft).map((item) => item.file).sort();
  const scheduled = items.filter((item) => item.scheduled && !item.draft).map((item) => ({ file: item.file, date: item.date.toISODate()! })).sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
  const out = new Set(items.filter((item) => !item.draft && !item.scheduled).map((item) => item.week.id));
  const weeks = [...new Set(items.map((item) => item.week.id))].filter((week) => !out.has(week)).sort();
  const draftNotes = [...draftNoteWeeks].filter((week) => out.has(week)).sort();
  return { drafts, scheduled, weeks, draftNotes };
}

/** At most this many files are named in the line; the rest are counted. */
const NAMED = 3;

/**
 * "Left out of the published site: 2 drafts (content/articles/2021/a.md, …), 1 scheduled item
 * (content/articles/2021/b.md, dated 2021-01-12), issue 2021-W01 (all its items held back).
 * Issue 2020-W53 is published with its note and trends still a draft: set draft: false in
 * content/issues/2020-W53.md, or they stay out."
 */
export function leftOutLine(left: LeftOut): string {
  const parts: string[] = [];
  const named = (files: readonly string[]) => `${files.slice(0, NAMED).join(", ")}${files.length > NAMED ? `, and ${files.length - NAMED} more` : ""}`;
  if (left.drafts.length) parts.push(`${left.drafts.length} ${left.drafts.length === 1 ? "draft" : "drafts"} (${named(left.drafts)})`);
  if (left.scheduled.length) {
    const listed = left.scheduled.slice(0, NAMED).map((s) => `${s.file}, dated ${s.date}`).join("; ");
    parts.push(`${left.scheduled.length} scheduled ${left.scheduled.length === 1 ? "item" : "items"} (${listed}${left.scheduled.length > NAMED ? `; and ${left.scheduled.length - NAMED} more` : ""})`);
  }
  if (left.weeks.length) parts.push(`${left.weeks.length === 1 ? "issue" : "issues"} ${left.weeks.join(", ")} (all ${left.weeks.length === 1 ? "its" : "their"} items held back)`);
  let line = `Left out of the published site: ${parts.length ? parts.join(", ") : "nothing"}.`;
  for (const week of left.draftNotes) {
    line += ` Issue ${week} is published with its note and trends still a draft: set draft: false in content/issues/${week}.md, or they stay out.`;
  }
  return line;
}
