// Reads one Markdown file (an item or a weekly note) up to its parsed front matter: the text
// must be UTF-8, hold no character XML forbids (as typed, or as a YAML escape such as "\f"),
// and start with valid front matter. What comes out is safe to validate field by field.
import { createHash } from "node:crypto";
import path from "node:path";
import { parseFrontMatter, type FrontMatter } from "./frontmatter.ts";
import type { Problem } from "../../core/problems.ts";
import { forbiddenFields, forbiddenLines } from "./characters.ts";
import { readText } from "./files.ts";
import { fieldName } from "./zod-problems.ts";

export type MarkdownFile = { frontMatter?: FrontMatter; fingerprint?: string; problems: Problem[] };

/** A short hash of a file's text: what the build's cache knows it by (src/publish/build-cache.ts). */
export function fingerprintOf(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/** `file` is relative to `root`: "content/articles/2020/x.md". */
export function readMarkdownFile(root: string, file: string): MarkdownFile {
  const read = readText(path.join(root, file));
  if (!read.ok) return { problems: [{ file, field: "", message: read.message, ...(read.line ? { line: read.line } : {}) }] };
  const typed = forbiddenLines(read.text);
  if (typed.length) {
    const fields = fieldsByLine(read.text);
    return { problems: typed.map(({ line, message }) => ({ file, line, field: fields(line), message })) };
  }
  const parsed = parseFrontMatter(read.text);
  if (!parsed.ok) return { problems: [{ file, field: "front matter", message: parsed.message, ...(parsed.line ? { line: parsed.line } : {}) }] };
  const escaped = forbiddenFields(parsed.value.data).map(({ path: at, message }): Problem => {
    const line = parsed.value.lineOf(at);
    return { file, field: fieldName(at), message, ...(line === undefined ? {} : { line }) };
  });
  if (escaped.length) return { problems: escaped };
  return { frontMatter: parsed.value, fingerprint: fingerprintOf(read.text), problems: [] };
}

/**
 * The field a line of the raw file belongs to, before the YAML could be parsed: the nearest
 * top-level key at or above it in the front matter, or "body" below it.
 */
function fieldsByLine(text: string): (line: number) => string {
  const lines = text.split("\n");
  const opened = /^(?:\uFEFF)?---[ \t]*\r?$/.test(lines[0] ?? "");
  const closing = opened ? lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l)) : -1;
  return (line) => {
    if (!opened || line === 1) return "front matter";
    if (closing === -1 || line > closing + 1) return closing === -1 ? "front matter" : "body";
    for (let i = line - 1; i > 0; i--) {
      const key = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines[i] ?? "");
      if (key) return key[1]!;
    }
    return "front matter";
  };
}
