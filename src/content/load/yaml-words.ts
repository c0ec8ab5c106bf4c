// The YAML mistakes editors make, in plain words with the fix; the parser's own words follow on
// a second line, for whoever needs them. Each rule looks at the lines the editor wrote, not at
// the parser's wording alone, so the advice names their field and their value.

export interface PlainYamlError {
  /** Line in the file. */
  readonly line: number;
  readonly message: string;
}

const KEY_LINE = /^(\s*)([A-Za-z][\w-]*):(?:\s+(.*))?$/;

/**
 * `lines` are the front matter's lines; `lineIndex` the one the parser stopped at (0-based in
 * `lines`); `firstLine` the file line of lines[0]; `parser` the parser's message.
 */
export function plainYamlError(lines: readonly string[], lineIndex: number, firstLine: number, parser: string): PlainYamlError {
  const detail = `\n    (YAML: ${parser})`;
  const at = (index: number, message: string): PlainYamlError => ({ line: firstLine + index, message: `${message}${detail}` });

  // A tab anywhere in the indentation, on or before the line the parser stopped at.
  for (let i = 0; i <= Math.min(lineIndex, lines.length - 1); i++) {
    if (/^ *\t/.test(lines[i]!)) return at(i, "starts with a tab: indent with spaces instead, two for each level");
  }

  const line = lines[lineIndex] ?? "";
  const match = KEY_LINE.exec(line);
  // The value as written, without a trailing # comment.
  const value = match?.[3]?.replace(/\s+#.*$/, "");

  // A value holding ": " unquoted, which YAML reads as a field inside the field: only on the
  // line the parser stopped at, and only when that is what it stopped for.
  if (match && value && /nested mappings|implicit key|compact mapping/i.test(parser) && !/^["'[{|>]/.test(value) && /:\s/.test(value)) {
    return at(lineIndex, `the ${match[2]} holds a colon: put it in quotes, as ${match[2]}: "${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  }
  // A field indented deeper than the one above it, which has a value: YAML reads it as more of
  // that value, and stops at the line above. The fix is the next line's indentation.
  const next = lines[lineIndex + 1];
  const nextField = next === undefined ? null : KEY_LINE.exec(next);
  if (match && value && nextField && /nested mappings/i.test(parser)) {
    const column = lineColumn(line);
    const indent = nextField[1]!.length;
    const block = lineIndex > 0 ? KEY_LINE.exec(lines[lineIndex - 1]!) : null;
    if (block && !block[3] && block[1]!.length >= match[1]!.length && indent > block[1]!.length) {
      return at(lineIndex, `indent \`${match[2]}:\` under \`${block[2]}:\` by two spaces, like the lines after it`);
    }
    if (indent > column) {
      const entry = /^\s*-\s/.test(line) || fieldAbove(lines, lineIndex + 1)?.listed ? "a list entry (an incident)" : "one block";
      return at(lineIndex + 1, `\`${nextField[2]}:\` is indented by ${indent} spaces and \`${match[2]}:\` above it by ${column}: the fields of ${entry} start at the same column; indent \`${nextField[2]}:\` by ${column} spaces`);
    }
  }
  // A value starting with a character YAML keeps for itself.
  if (match && value && /^[@`%!|>]|^- /.test(value)) {
    return at(lineIndex, `the ${match[2]} starts with ${value.startsWith("- ") ? '"- "' : value[0]}, which YAML reads as syntax: put the whole value in quotes, as ${match[2]}: "${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  }

  // A quoted value with more text after its closing quote.
  if (match?.[3] && /^"[^"]*"\s*\S/.test(match[3])) {
    return at(lineIndex, `the ${match[2]} goes on after its closing quote: put the whole of it inside the quotes`);
  }
  // A quote opened and never closed: the parser notices lines later.
  if (/closing "?quote|Missing closing/i.test(parser)) {
    for (let i = Math.min(lineIndex, lines.length - 1); i >= 0; i--) {
      const opened = KEY_LINE.exec(lines[i]!);
      const value = opened?.[3];
      if (opened && value && /^"/.test(value) && !/^"(?:[^"\\]|\\.)*"\s*$/.test(value)) {
        return at(i, `the ${opened[2]} opens a quote it does not close: end it with " on the same line`);
      }
    }
  }
  // A list in brackets never closed.
  if (/flow sequence|end with a \]/i.test(parser)) {
    for (let i = Math.min(lineIndex, lines.length - 1); i >= 0; i--) {
      const opened = KEY_LINE.exec(lines[i]!);
      if (opened?.[3]?.startsWith("[") && !opened[3].includes("]")) return at(i, `the list of ${opened[2]} opens with [ but does not close: end it with ] on the same line`);
    }
  }
  if (/keys must be unique/i.test(parser) && match) {
    return at(lineIndex, `${match[2]} is written twice: keep one`);
  }
  // A line indented unlike the block it is in: name the block it belongs under.
  if (/same column|bad indentation|indent|indicator/i.test(parser)) {
    const indent = /^(\s*)/.exec(line)![1]!.length;
    // The block's first field not indented at all (`source:` then `name:` at the margin) is
    // the usual cause; the parser only notices at the next, indented, line.
    for (let i = lineIndex - 1; i > 0; i--) {
      const block = KEY_LINE.exec(lines[i - 1]!);
      const first = KEY_LINE.exec(lines[i]!);
      if (block && !block[3] && first && first[1]!.length <= block[1]!.length && first[1]!.length < indent) {
        return at(i, `indent \`${first[2]}:\` under \`${block[2]}:\` by two spaces, like the lines after it`);
      }
    }
    // A field of a list entry (an incident) one space off the field above it: the parser speaks
    // of a "- indicator", but the fix is the indentation.
    const above = fieldAbove(lines, lineIndex);
    if (match && above && above.column !== indent && Math.abs(indent - above.column) <= 2) {
      const entry = above.listed ? "a list entry (an incident)" : "one block";
      return at(lineIndex, `\`${match[2]}:\` is indented by ${indent} spaces and \`${above.name}:\` above it by ${above.column}: the fields of ${entry} start at the same column; indent \`${match[2]}:\` by ${above.column} spaces`);
    }
    for (let i = lineIndex - 1; i >= 0; i--) {
      const block = KEY_LINE.exec(lines[i]!);
      if (block && !block[3] && block[1]!.length < indent) {
        const field = match ? `\`${match[2]}:\`` : "this line";
        return at(lineIndex, `indent ${field} like the other fields under \`${block[2]}:\` (two spaces more than \`${block[2]}:\`)`);
      }
    }
    return at(lineIndex, "is indented unlike the lines around it: fields of one block start at the same column");
  }
  return at(lineIndex, "is not valid YAML here: check the quotes, colons and indentation of this line");
}

/**
 * The field on the nearest written line above `lineIndex` (comments and blank lines skipped):
 * its name, the column its name starts at, where its list dash is (or its indentation, with
 * none), and whether it is a list entry's (`  - id: x` or a field below one).
 */
function fieldAbove(lines: readonly string[], lineIndex: number): { name: string; column: number; dash: number; listed: boolean } | undefined {
  for (let i = lineIndex - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const field = /^(\s*)(-\s+)?([A-Za-z][\w-]*):/.exec(text);
    if (!field) return undefined;
    const indent = field[1]!.length;
    const listed = field[2] !== undefined || lines.slice(0, i).reverse().some((l) => /^\s*-\s+[A-Za-z][\w-]*:/.test(l) && /^(\s*)/.exec(l)![1]!.length < indent);
    return { name: field[3]!, column: indent + (field[2]?.length ?? 0), dash: indent, listed };
  }
  return undefined;
}

/** Where a line's field name starts: after its indentation and any list dash. */
function lineColumn(line: string): number {
  return /^(\s*(?:-\s+)?)/.exec(line)![1]!.length;
}
