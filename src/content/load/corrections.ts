// The checks of an item's corrections the schema cannot make: a correction is made after the
// item was published and before the build runs. Plain functions of the dates, so the unit tests
// call them directly; the loader adds the file and line.

export interface CorrectionProblem {
  /** Below the item's front matter: ["corrections", 0, "date"]. */
  readonly path: (string | number)[];
  readonly message: string;
  readonly value?: unknown;
}

/**
 * Problems with the corrections' dates: before the item's own day (`itemDay`, YYYY-MM-DD on the
 * digest's clocks), or after the build clock's day (`today`). Entries that are not readable are
 * left to the schema's messages.
 */
export function correctionDateProblems(corrections: unknown, days: { readonly itemDay?: string; readonly today: string }): CorrectionProblem[] {
  if (!Array.isArray(corrections)) return [];
  const problems: CorrectionProblem[] = [];
  corrections.forEach((entry: unknown, index) => {
    const date = entry && typeof entry === "object" ? (entry as { date?: unknown }).date : undefined;
    if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const path = ["corrections", index, "date"];
    if (days.itemDay && date < days.itemDay) {
      problems.push({ path, message: `is before the item was published (${days.itemDay}): a correction is made after publication`, value: date });
    } else if (date > days.today) {
      problems.push({ path, message: `is in the future (the build runs on ${days.today}): write the day the correction was made`, value: date });
    }
  });
  return problems;
}
