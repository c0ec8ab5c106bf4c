// `npm run new -- note`: the weekly note a week's issue starts with. Pure, like item.ts.
import { DateTime } from "luxon";
import { COLLECTIONS } from "../../content/collections.ts";
import { FIRST_YEAR, LAST_YEAR } from "../../core/dates.ts";
import { localWeek, parseWeekId, weekRangeInWords, type Week } from "../../core/weeks.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { dayOf } from "./day.ts";
import { withHints } from "./yaml.ts";

export interface NoteRequest {
  /** "2020-W49"; else the week of `date`, else this week. */
  readonly week?: string;
  /** --date, "2020-12-03": the note for the week that day falls in. */
  readonly date?: string;
}

export interface NoteProject {
  readonly zone: string;
  readonly now: DateTime;
  /** The notes there are, below content/issues/: "2020-W49.md". */
  readonly existing: readonly string[];
  /** The words of the digest's language (site.ts), for its dates. */
  readonly words: Catalogue;
}

export type NotePlan =
  | { readonly ok: true; readonly file: string; readonly text: string; readonly week: Week }
  | { readonly ok: false; readonly errors: string[] };

export function planNote(request: NoteRequest, project: NoteProject): NotePlan {
  let week: Week;
  if (request.week !== undefined) {
    const parsed = weekFrom(request.week);
    if (!parsed.ok) return { ok: false, errors: [parsed.message] };
    week = parsed.week;
  } else {
    const day = dayOf(request.date, project.zone, project.now);
    if (!day.ok) return { ok: false, errors: [day.message] };
    week = localWeek(day.day);
  }
  const name = `${week.id}.md`;
  const file = `${COLLECTIONS.notes.folder}/${name}`;
  if (project.existing.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
    return { ok: false, errors: [`${file} already exists: the note of issue ${week.id} is edited there`] };
  }
  return { ok: true, file, text: noteText(week, project.words), week };
}

export function noteWritten(plan: NotePlan & { ok: true }, words: Catalogue): string[] {
  return [
    `Wrote ${plan.file}, the note of issue ${plan.week.id} (${weekRangeInWords(plan.week, words)}).`,
    "Write the headline, the lead and the week's trends, then run npm run check (the week must have at least one item). Remove draft: true to publish it.",
  ];
}

/** "2020-W49", or why it is not a week. */
function weekFrom(text: string): { ok: true; week: Week } | { ok: false; message: string } {
  const got = ` (got: ${JSON.stringify(text)})`;
  const match = /^(\d{4})-[Ww](\d{1,2})$/.exec(text.trim());
  if (!match) return { ok: false, message: `the week must be written as 2020-W49${got}` };
  const year = Number(match[1]);
  const number = Number(match[2]);
  const id = `${year}-W${String(number).padStart(2, "0")}`;
  const week = parseWeekId(id);
  if (week) return { ok: true, week };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `the week must be in a year from ${FIRST_YEAR} to ${LAST_YEAR}${got}` };
  const weeks = DateTime.fromObject({ weekYear: year, weekNumber: 1 }, { zone: "UTC" }).weeksInWeekYear;
  return { ok: false, message: `${id} does not exist: ${year} has ${weeks} ISO weeks` };
}

function noteText(week: Week, words: Catalogue): string {
  const lines = withHints([
    ['headline: ""', `required: one line that sums up the week, at the top of issue ${week.id}`],
    ["# trends:", "optional: the editors' judgement of the week, per country; uncomment and fill in"],
    ["#   mali:", "a country's slug (content/_data/countries.ts)"],
    ["#     trend: unchanged", "deteriorated, improved or unchanged"],
    ['#     reason: ""', "one line: why"],
    ["#     alerts:", "optional"],
    ["#       - kind: conflict-risk", "conflict-risk or resolution-opportunity"],
    ['#         reason: ""', "one line: why"],
    ["draft: true", "keeps the note and its trends out of the published site (its problems hold back only itself); remove when ready"],
    ["# Below the closing ---: the lead, in Markdown; it replaces the paragraph there."],
  ]);
  return ["---", ...lines, "---", `The lead of the issue for ${weekRangeInWords(week, words)}: what the week's items add up to.`, ""].join("\n");
}
