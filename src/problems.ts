// A problem in the content, reported as `path[:line] field: message (got: value)` so an
// editor can go straight to it. The build collects every problem of a run, then stops.

export interface Problem {
  /** Path of the file, relative to the project root. */
  readonly file: string;
  readonly line?: number;
  /** Dotted field name ("source.url"), or "" for the file as a whole. */
  readonly field: string;
  readonly message: string;
  /** What the editor wrote, when there is something to show. */
  readonly value?: unknown;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field ? ` ${p.field}:` : "";
  const got = p.value === undefined ? "" : ` (got: ${showValue(p.value)})`;
  return `${where}${field} ${p.message}${got}`;
}

function showValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Thrown when content has problems; its message lists all of them. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The content has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
    // The problems are in the editor's files, not in the code: a stack trace would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * What to tell the person who ran a build that failed. Eleventy wraps errors thrown while it
 * gathers data; an editor needs the content problems, not the wrapping and its stack.
 */
export function describeFailure(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContentError || (current as Error).name === "ContentError") return (current as Error).message;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
