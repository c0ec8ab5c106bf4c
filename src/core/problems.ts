// A problem in the content, reported as `path[:line] field: message (got: value)` so an
// editor can go straight to it. The build collects every problem of a run, then stops.

export interface Problem {
  /** Path of the file, relative to the project root. */
  readonly file: string;
  readonly line?: number;
  /** Column on that line (1-based), where the compiler gives one. */
  readonly column?: number;
  /** Dotted field name ("source.url"), or "" for the file as a whole. */
  readonly field: string;
  readonly message: string;
  /** What the editor wrote, when there is something to show. */
  readonly value?: unknown;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
  const field = p.field ? ` ${p.field}:` : "";
  const got = p.value === undefined ? "" : ` (got: ${showValue(p.value)})`;
  return `${where}${field} ${p.message}${got}`;
}

const SHOWN = 80;

/**
 * What the editor wrote, in at most 80 characters, for any value at all: a data file is code,
 * so a value may be a cycle, a huge graph, a BigInt or a getter that throws. It never throws
 * and never walks more than it shows.
 */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = preview(value, SHOWN + 1, new Set());
  } catch {
    text = "(a value that cannot be shown)";
  }
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text;
}

/** JSON-like text of `value`, stopping once it is `budget` characters long. */
function preview(value: unknown, budget: number, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
    case "number":
      // String(-0) is "0": the editor wrote -0 (or -0.0), and is told so.
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "symbol":
      return value.toString();
    case "function":
      return "(a function)";
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "(circular)";
  seen.add(object);
  const array = Array.isArray(object);
  let text = array ? "[" : "{";
  const keys = array ? object.map((_, i) => i) : Object.keys(object);
  for (const key of keys) {
    if (text.length >= budget) break;
    const element = (object as Record<string | number, unknown>)[key];
    const shown = preview(element, budget - text.length, seen);
    text += `${text.length > 1 ? "," : ""}${array ? "" : `${JSON.stringify(key)}:`}${shown}`;
  }
  seen.delete(object);
  return text + (array ? "]" : "}");
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
 * gathers data; an editor needs the content problems, not the wrapping and its stack. A full
 * disk or a folder that may not be written is one plain line too: it is the machine's
 * problem, not the code's.
 */
export function describeFailure(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    // Said in the editor's words already: the message alone.
    if (current instanceof ContentError || ["ContentError", "SiteBusyError"].includes((current as Error).name)) return (current as Error).message;
    const code = (current as NodeJS.ErrnoException).code;
    // The compiled code (node_modules/.cache/sahel-digest/code/) removed while the build ran: it
    // imports some of its modules late.
    if (code === "ERR_MODULE_NOT_FOUND" && /[\\/]\.cache[\\/]sahel-digest[\\/]code[\\/]/.test((current as Error).message)) {
      return "The build stopped: its compiled code (node_modules/.cache/sahel-digest/code/) was removed while it ran; build again.";
    }
    if (typeof code === "string" && code in SYSTEM_FAILURES) {
      const where = (current as NodeJS.ErrnoException).path;
      return `The build stopped${where ? ` at ${where}` : ""}: ${describeErrno(current)}.`;
    }
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** File system failures, in words. */
const SYSTEM_FAILURES: Record<string, string> = {
  ENOSPC: "no space left on the disk",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

const OTHER_ERRNO: Record<string, string> = {
  EISDIR: "it is a folder",
  ENOENT: "it does not exist",
  ELOOP: "too many levels of links",
};

/** "permission denied (EACCES)" from a file system error. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words = code ? (SYSTEM_FAILURES[code] ?? OTHER_ERRNO[code]) : undefined;
  if (words) return `${words} (${code})`;
  return code ?? String((error as Error)?.message ?? error).split("\n")[0] ?? "unknown error";
}
