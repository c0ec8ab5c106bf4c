// What the command line tells an editor that is not a problem.

/** Hidden Markdown files (an editor's lock file) are not content; say so, one line each. */
export function tellPassedOver(files: readonly string[] = []): void {
  for (const file of files) console.error(`${file}: passed over: a hidden file (an editor's lock or backup file) is not content`);
}
