// Characters that XML 1.0 forbids: C0 controls other than tab, line feed and carriage return,
// U+FFFE, U+FFFF and lone surrogates. One of them in a feed makes the whole feed unreadable,
// and they are invisible in an editor, so they are refused where text enters (Markdown files
// and data files), with the field and line, rather than stripped behind the editor's back.

// Without the u flag the pattern sees UTF-16 code units, which is what finds a lone surrogate.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "g");

/** Where the first forbidden character of `text` is, or -1. */
export function firstForbidden(text: string): number {
  const match = FORBIDDEN.exec(text);
  return match ? match.index : -1;
}

/** "contains a control character (U+000C)" for the character at `index`. */
export function forbiddenMessage(text: string, index: number): string {
  const unit = text.charCodeAt(index);
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, "0")}`;
  if (unit >= 0xd800 && unit <= 0xdfff) return `contains a lone surrogate (${code}), which is not a character; retype the text around it`;
  if (unit >= 0xfffe) return `contains a non-character (${code}); retype the text around it`;
  return `contains a control character (${code}); it is invisible, so retype the text around it`;
}

/** The lines (1-based, counted from `firstLine`) holding forbidden characters, each with its message. */
export function forbiddenLines(text: string, firstLine = 1): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  let line = firstLine;
  let counted = 0;
  for (const match of text.matchAll(FORBIDDEN_ALL)) {
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    if (found.at(-1)?.line !== line) found.push({ line, message: forbiddenMessage(text, match.index) });
    // An editor needs the first few to see the pattern; a binary file pasted in would have thousands.
    if (found.length === MAX_REPORTED) break;
  }
  return found;
}

const MAX_REPORTED = 5;

/**
 * Every string (and key) in a value that holds a forbidden character, with its field path.
 * Data files are code, so their values can be any graph: cycles are walked once, the walk
 * keeps its own stack (a list nested 200,000 deep must not overflow the call stack), and a
 * getter that throws is reported as a field that cannot be read.
 */
export function forbiddenFields(value: unknown): { path: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; at: (string | number)[] }[] = [{ value, at: [] }];
  while (stack.length && found.length < MAX_REPORTED) {
    const { value: current, at } = stack.pop()!;
    if (typeof current === "string") {
      const index = firstForbidden(current);
      if (index !== -1) found.push({ path: at, message: forbiddenMessage(current, index) });
      continue;
    }
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    try {
      const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((element, i) => [i, element]) : Object.entries(current);
      // Reversed onto the stack, so fields are reported in the order they are written.
      for (const [key, element] of entries.reverse()) {
        const index = typeof key === "string" ? firstForbidden(key) : -1;
        if (index !== -1) found.push({ path: at, message: `has a field name that ${forbiddenMessage(key as string, index)}` });
        else stack.push({ value: element, at: [...at, key] });
      }
    } catch (error) {
      found.push({ path: at, message: `cannot be read: ${String((error as Error)?.message ?? error).split("\n")[0]}` });
    }
  }
  return found;
}

/** `text` with every character XML forbids replaced by U+FFFD, as markdown-it does for bad entities. */
export function withoutForbidden(text: string): string {
  return firstForbidden(text) === -1 ? text : text.replace(FORBIDDEN_ALL, "\uFFFD");
}
