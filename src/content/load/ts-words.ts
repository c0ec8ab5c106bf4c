// A data file's syntax error in plain words, at the line where the fix goes. The compiler
// (esbuild) notices a missing comma only at the next entry (`Expected "]" but found "{"`, a line
// too late), a missing bracket at the end of the file: this looks at what the editor wrote and
// names the likely fix (a comma, a quote, a bracket). The compiler's own words follow, for
// whoever needs them.

export interface CompilerError {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** 0-based, as esbuild gives it. */
  readonly column: number;
}

export interface PlainSyntaxError {
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}

const NAMES: Readonly<Record<string, string>> = { "[": "list", "{": "entry", "(": "bracket" };
const CLOSES: Readonly<Record<string, string>> = { "[": "]", "{": "}", "(": ")" };

export function plainSyntaxError(source: string, error: CompilerError): PlainSyntaxError {
  const compiler = `\n    (compiler: ${error.text})`;
  const lines = source.split("\n");
  const offset = offsetOf(lines, error.line, error.column);
  const said = (line: number, column: number, words: string): PlainSyntaxError => ({ line, column, message: `${words}${compiler}` });

  if (/^Unterminated string literal/.test(error.text)) {
    const opened = openQuote(lines[error.line - 1] ?? "");
    const quote = opened?.quote ?? '"';
    return said(error.line, (opened?.column ?? error.column) + 1, `a quote is missing: the text opened with ${quote} on this line is not closed; end it with ${quote} on the same line`);
  }
  const scan = scanBrackets(source, offset);
  // A closing bracket of the wrong kind where the compiler stopped: `};` for a list opened with [.
  if (scan.mismatch) {
    const { open, close } = scan.mismatch;
    return said(close.line, close.column, `\`${close.char}\` closes the ${NAMES[open.char]} opened with ${open.char} on line ${open.line}: write ${CLOSES[open.char]} here`);
  }
  // Something new where a comma was due: the value before it ends a line (or an entry) without one.
  const expected = /^Expected "[\]}),;]" but found|^Expected identifier but found/.test(error.text);
  const before = previousToken(source, offset);
  const beforeAt = before ? positionOf(source, before.offset) : { line: error.line, column: error.column };
  // A word glued to a closing quote (`name: "A, description: "d"`): a text left open ran into the next.
  if (expected && before && /["'`]/.test(before.char) && before.offset + 1 === offset && /\w/.test(source[offset] ?? "")) {
    return said(beforeAt.line, 1, `a quote is missing on this line: a text runs on into what follows it; end each text with ${before.char}`);
  }
  if (expected && !/found ";"/.test(error.text) && scan.open.length > 0 && before && /["'`\w\]}).]/.test(before.char)) {
    const written = (lines[beforeAt.line - 1] ?? "").slice(0, beforeAt.column + 1).trim();
    return said(beforeAt.line, beforeAt.column + 2, `a comma is missing after \`${written}\`: put a comma after it`);
  }
  // A bracket opened and never closed: the innermost one still open where the compiler stopped.
  const open = scan.open.at(-1);
  if (open && (/end of file/.test(error.text) || expected || /^Unexpected/.test(error.text))) {
    const where = open.line === beforeAt.line ? "on this line" : `on line ${open.line}`;
    return said(beforeAt.line, beforeAt.column + 2, `a closing ${CLOSES[open.char]} is missing after this line: the ${NAMES[open.char]} opened with ${open.char} ${where} is not closed; end it with ${CLOSES[open.char]}`);
  }
  return { line: error.line, column: error.column + 1, message: error.text };
}

interface Bracket {
  readonly char: string;
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly offset: number;
}

interface Scan {
  /** The brackets open at the offset the scan stopped at, outermost first. */
  readonly open: readonly Bracket[];
  /** A closing bracket of the wrong kind, at or before that offset. */
  readonly mismatch?: { readonly open: Bracket; readonly close: Bracket };
}

/** The brackets of a TypeScript text up to `stop` (the compiler's error), strings and comments skipped. */
function scanBrackets(source: string, stop: number): Scan {
  const stack: Bracket[] = [];
  let line = 1;
  let lineStart = 0;
  const newlines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (source[k] === "\n") {
        line++;
        lineStart = k + 1;
      }
    }
  };
  for (let i = 0; i <= stop && i < source.length; i++) {
    const c = source[i]!;
    if (c === "\n") {
      line++;
      lineStart = i + 1;
    } else if (c === "/" && source[i + 1] === "/") {
      while (i + 1 < source.length && source[i + 1] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const to = end < 0 ? source.length : end + 2;
      newlines(i, to);
      i = to - 1;
    } else if (c === '"' || c === "'" || c === "`") {
      // A string ends at its quote, or (but for a template) at the end of its line.
      let j = i + 1;
      while (j < source.length && source[j] !== c && (c === "`" || source[j] !== "\n")) j += source[j] === "\\" ? 2 : 1;
      newlines(i, Math.min(j, source.length));
      i = source[j] === "\n" ? j - 1 : j;
    } else if (c in CLOSES && i < stop) {
      stack.push({ char: c, line, column: i - lineStart + 1, offset: i });
    } else if (c === "]" || c === "}" || c === ")") {
      const open = stack.pop();
      if (open && CLOSES[open.char] !== c) return { open: stack, mismatch: { open, close: { char: c, line, column: i - lineStart + 1, offset: i } } };
    }
  }
  return { open: stack };
}

/** The last character written before `offset`, whitespace and comments skipped. */
function previousToken(source: string, offset: number): { char: string; offset: number } | undefined {
  let i = offset - 1;
  while (i >= 0) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i--;
      continue;
    }
    // A line comment: step back over it to what comes before it on its line.
    const lineStart = source.lastIndexOf("\n", i) + 1;
    const comment = commentStart(source.slice(lineStart, i + 1));
    if (comment >= 0) {
      i = lineStart + comment - 1;
      continue;
    }
    return { char: c, offset: i };
  }
  return undefined;
}

/** Where a `//` comment starts on a line, outside strings; -1 when it has none. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && line[i + 1] === "/") return i;
  }
  return -1;
}

function offsetOf(lines: readonly string[], line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  return offset + column;
}

function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) };
}

/** The quote a line opens and leaves open, outside comments: its character and column (0-based). */
function openQuote(line: string): { quote: string; column: number } | undefined {
  let open: { quote: string; column: number } | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open) {
      if (c === "\\") i++;
      else if (c === open.quote) open = undefined;
    } else if (c === '"' || c === "'" || c === "`") open = { quote: c, column: i };
    else if (c === "/" && line[i + 1] === "/") return undefined;
  }
  return open;
}
