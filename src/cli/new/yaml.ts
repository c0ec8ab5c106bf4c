// Writing front matter values that read back as exactly what was meant.
import jsYaml from "js-yaml";

/** A YAML double-quoted string: only `\` and `"` need escaping in text without control characters. */
export function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A slug as a plain scalar, unless YAML would read it as something else: a country called
 * `null`, `true` or `1e5` is quoted.
 */
export function plainOrQuoted(slug: string): string {
  return jsYaml.load(slug, { schema: jsYaml.CORE_SCHEMA }) === slug ? slug : quoted(slug);
}

/** `[mali, niger]`. */
export function flowList(slugs: readonly string[]): string {
  return `[${slugs.map(plainOrQuoted).join(", ")}]`;
}

/** Lines with their `# hint` comments lined up in one column (a longer line puts its own further right). */
export function withHints(lines: readonly (readonly [string, string?])[], column = 36): string[] {
  return lines.map(([text, hint]) => (hint ? `${text.padEnd(column - 2)}  # ${hint}` : text));
}
