// What the command line tells an editor that is not a problem.
import { formatProblem, type Problem } from "../core/problems.ts";

/** Hidden Markdown files (an editor's lock file) are not content; say so, one line each. */
export function tellPassedOver(files: readonly string[] = []): void {
  for (const file of files) console.error(`${file}: passed over: a hidden file (an editor's lock or backup file) is not content`);
}

/** A draft's problems hold back only the draft: told as warnings, grouped so they read as the drafts'. */
export function tellDrafts(problems: readonly Problem[], fate: string): void {
  if (!problems.length) return;
  const files = new Set(problems.map((p) => p.file));
  const one = files.size === 1;
  console.error(`${one ? "A draft is" : `${files.size} drafts are`} not finished (${fate}; the rest is not held back). ${one ? "Its" : "Their"} ${problems.length === 1 ? "problem" : "problems"}:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem).replace(/\n/g, "\n  ")}`);
}
