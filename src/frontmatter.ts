// Splits a Markdown file into YAML front matter and body, keeping where each field was
// written so problems can name the line. YAML is read with the 1.2 core schema: dates stay
// text (js-yaml would turn them into UTC Date objects and lose the editor's offset).
import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";

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
  const yamlText = match[1] ?? "";
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, schema: "core", prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's second line.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const error = doc.errors[0];
  if (error) {
    return { ok: false, line: fileLine(error.pos[0]), message: `is not valid YAML: ${firstLine(error.message)}` };
  }
  if (!isMap(doc.contents) && doc.contents !== null) {
    return { ok: false, line: 2, message: "front matter must be a list of `field: value` lines" };
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const consumed = match[0];
  const bodyLine = consumed.split("\n").length;
  return {
    ok: true,
    value: {
      data,
      body: text.slice(consumed.length),
      bodyLine,
      lineOf: (path) => lineOfPath(doc, path, fileLine),
    },
  };
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
