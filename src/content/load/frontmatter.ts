// Splits a Markdown file into YAML front matter and body, and can say where each field was
// written so problems can name the line. YAML is read with the core schema, which has no
// timestamp type: dates stay the text the editor wrote, offset included.
//
// Two parsers, for speed: js-yaml reads every file (several times faster), and the `yaml`
// package, which keeps positions, reads a file again only when a line number is needed (a
// problem to report) or js-yaml refused it, so error messages and lines come from one parser.
import jsYaml from "js-yaml";
import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Node } from "yaml";
import { plainYamlError } from "./yaml-words.ts";

export interface FrontMatter {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** Line in the file where the body starts. */
  readonly bodyLine: number;
  /** Line in the file where a field (or a nested one) is written, if it is. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; line?: number; message: string };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

export function parseFrontMatter(source: string): FrontMatterResult {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const match = text.startsWith("---") ? FENCE.exec(text) : null;
  if (!match || match.index !== 0) {
    return { ok: false, line: 1, message: "must start with front matter between two --- lines" };
  }
  // A copy, not a slice: V8 makes a part of a string (the regular expression's group, and each
  // value the YAML parser takes from it) a view into the whole, so every title and the line
  // finder below would keep the file's whole text alive for as long as its item lives (a
  // thousand bodies' worth of text at a thousand items). Copied, they keep the front matter.
  const yamlText = Buffer.from(match[1] ?? "", "utf8").toString("utf8");
  const consumed = match[0];
  let data: unknown;
  try {
    const shared = sharedNode(yamlText);
    if (shared) return shared;
    data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    // Whatever the parsers make of it (a nesting deep enough to overflow the stack included),
    // the editor gets one line about the file.
    try {
      return positionedParse(yamlText).error ?? { ok: false, line: 2, message: "is not valid YAML" };
    } catch {
      return { ok: false, line: 2, message: "is not valid YAML" };
    }
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return { ok: false, line: 2, message: "front matter must be a list of `field: value` lines" };
  }
  let positioned: Positioned | undefined;
  return {
    ok: true,
    value: {
      data: (data ?? {}) as Record<string, unknown>,
      body: text.slice(consumed.length),
      bodyLine: consumed.split("\n").length,
      lineOf: (path) => {
        positioned ??= positionedParse(yamlText);
        return positioned.doc ? lineOfPath(positioned.doc, path, positioned.fileLine) : undefined;
      },
    },
  };
}

/**
 * Anchors (&name) and aliases (*name) let a few lines stand for a value of any size (the
 * "billion laughs"), or for a cycle. Front matter never needs them, so they are refused
 * before anything expands them. The `yaml` package reads them as nodes without expanding,
 * and runs only when the text has an & or a * at all.
 */
function sharedNode(yamlText: string): { ok: false; line: number; message: string } | undefined {
  if (!/[&*]/.test(yamlText)) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, schema: "core", prettyErrors: false });
  let found: { ok: false; line: number; message: string } | undefined;
  const at = (node: Node) => counter.linePos(node.range?.[0] ?? 0).line + 1;
  // `title: *Breaking* news`: a value an editor meant as text, not an alias.
  const lines = yamlText.split(/\r?\n/);
  // Markdown emphasis, *word* at the start of a value, is what an editor meant; a real anchor
  // or alias (&a [...], *a) is refused as such.
  const startsValue = (node: Node) => /^\s*[\w-]+:\s*([*&])[^\s*&]+\1/.test(lines[counter.linePos(node.range?.[0] ?? 0).line - 1] ?? "");
  visit(doc, {
    Alias(_key, node) {
      found = { ok: false, line: at(node), message: startsValue(node) ? "starts with *, which YAML reads as syntax: put the whole value in quotes" : `uses a YAML alias (*${node.source}); write the value out in full` };
      return visit.BREAK;
    },
    Node(_key, node) {
      if (!node.anchor) return undefined;
      found = { ok: false, line: at(node), message: startsValue(node) ? "starts with &, which YAML reads as syntax: put the whole value in quotes" : `uses a YAML anchor (&${node.anchor}); write the value out in full` };
      return visit.BREAK;
    },
  });
  return found;
}

interface Positioned {
  readonly doc?: Document;
  readonly fileLine: (offset: number) => number;
  readonly error?: { ok: false; line: number; message: string };
}

function positionedParse(yamlText: string): Positioned {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, schema: "core", prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's second line.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const error = doc.errors[0];
  if (error) {
    const lineIndex = counter.linePos(error.pos[0]).line - 1;
    const plain = plainYamlError(yamlText.split(/\r?\n/), lineIndex, 2, firstLine(error.message));
    return { fileLine, error: { ok: false, line: plain.line, message: plain.message } };
  }
  return { doc, fileLine };
}

function lineOfPath(doc: Document, path: readonly (string | number)[], fileLine: (offset: number) => number): number | undefined {
  // Walk down as far as the path exists, so an unknown nested key still points at its parent.
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const key = path[depth - 1];
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return fileLine(range[0]);
    }
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return fileLine(node.range[0]);
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
