// Turns zod's issues into problems that name the file, the line, the field and the value.
import type { z } from "zod";
import type { Problem } from "../../core/problems.ts";
import { withSuggestion } from "../../core/suggest.ts";

interface Where {
  readonly file: string;
  /** Prefix for field names, e.g. the entry of a data file: "[2] mali". */
  readonly prefix?: string;
  readonly lineOf?: (path: readonly (string | number)[]) => number | undefined;
  /** Fields the schema knows, for suggestions on unknown ones. */
  readonly knownFields?: readonly string[];
  /** Fields that belong inside another (`name` inside `source`), for a block written unindented. */
  readonly nestedUnder?: Readonly<Record<string, string>>;
  /** Fields the schema once had, with what to do about them now. */
  readonly retired?: Readonly<Record<string, string>>;
}

export function problemsFromZod(error: z.ZodError, input: unknown, where: Where): Problem[] {
  const problems: Problem[] = [];
  // A block whose fields were written unindented (`source:` then `name:` at the margin) is
  // empty only because of that: its own "is empty" would send the editor the wrong way.
  const unindented = new Set(
    error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" && issue.path.length === 0 ? issue.keys : []))
      .flatMap((key) => (where.nestedUnder && Object.hasOwn(where.nestedUnder, key) && valueAt(input, [where.nestedUnder[key]!]) == null ? [where.nestedUnder[key]!] : [])),
  );
  for (const issue of error.issues) {
    const issuePath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const keyPath = [...issuePath, key];
        // Own keys only: a field named like one of Object's own ("__proto__", "constructor")
        // must not find Object.prototype's.
        const retired = issuePath.length === 0 && where.retired && Object.hasOwn(where.retired, key) ? where.retired[key] : undefined;
        if (retired) {
          problems.push(problem(where, keyPath, retired));
          continue;
        }
        const parent = issuePath.length === 0 && where.nestedUnder && Object.hasOwn(where.nestedUnder, key) ? where.nestedUnder[key] : undefined;
        if (parent && valueAt(input, [parent]) == null) {
          problems.push(problem(where, keyPath, `belongs under \`${parent}:\`: indent it by two spaces below \`${parent}:\``));
          continue;
        }
        const known = where.knownFields && issuePath.length === 0 ? where.knownFields : [];
        problems.push(problem(where, keyPath, withSuggestion("is not a known field", key, known)));
      }
      continue;
    }
    if (issuePath.length === 1 && unindented.has(String(issuePath[0]))) continue;
    const value = valueAt(input, issuePath);
    // A field written with nothing after its colon reads as null.
    const name = issuePath.at(-1);
    const message =
      value === undefined ? "is required"
      : value === null ? "is empty: write its value after the colon"
      // `countries: mali`: a list was meant.
      : issue.code === "invalid_type" && issue.expected === "array" ? `must be a list: write it in brackets, as ${typeof name === "string" ? name : "field"}: [${String(value)}]`
      // `type: battle`: the one meant, when one is close.
      : issue.code === "invalid_value" && typeof value === "string" ? withSuggestion(issue.message, value, issue.values.filter((v): v is string => typeof v === "string"))
      : issue.message;
    problems.push(problem(where, issuePath, message, value === null ? undefined : value));
  }
  return problems;
}

function problem(where: Where, fieldPath: readonly (string | number)[], message: string, value?: unknown): Problem {
  const field = [where.prefix, fieldName(fieldPath)].filter(Boolean).join(".");
  const line = where.lineOf?.(fieldPath);
  return {
    file: where.file,
    field,
    message,
    ...(line === undefined ? {} : { line }),
    ...(value === undefined ? {} : { value }),
  };
}

/** ["source", "url"] → "source.url"; ["countries", 1] → "countries[1]". */
export function fieldName(fieldPath: readonly (string | number)[]): string {
  return fieldPath.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part), "");
}

export function valueAt(input: unknown, fieldPath: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const part of fieldPath) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
