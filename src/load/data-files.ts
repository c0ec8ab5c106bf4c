// Loads the editors' TypeScript data files (content/_data/*.ts) and validates each entry.
import { stat } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { z } from "zod";
import type { Problem } from "../problems.ts";
import { problemsFromZod } from "./zod-problems.ts";

let generation = 0;

/**
 * Imports a data file's default export afresh. The query string defeats the ES module
 * cache, so a watcher sees the edited file instead of the first version it imported.
 */
export async function importDefault(file: string): Promise<unknown> {
  const { mtimeMs } = await stat(file);
  const url = `${pathToFileURL(file).href}?v=${Math.round(mtimeMs)}-${++generation}`;
  const module = (await import(url)) as { default?: unknown };
  return module.default;
}

export interface DataFile<T> {
  readonly value: T | undefined;
  readonly problems: Problem[];
}

export interface DataList<T> extends DataFile<T[]> {
  /**
   * The slug of every entry that has one, valid or not: an entry with a missing field is
   * reported once, not again by every item that names it.
   */
  readonly slugs: readonly string[];
}

/** Imports and validates a data file whose default export is one object. */
export async function loadObject<S extends z.ZodType>(root: string, relative: string, schema: S): Promise<DataFile<z.output<S>>> {
  const imported = await importData(root, relative);
  if (!imported.ok) return { value: undefined, problems: [imported.problem] };
  const result = schema.safeParse(imported.value);
  if (result.success) return { value: result.data, problems: [] };
  return { value: undefined, problems: problemsFromZod(result.error, imported.value, { file: relative }) };
}

/**
 * Imports and validates a data file whose default export is a list of entries with a
 * slug. Invalid entries are reported and left out; the valid ones are returned so the rest
 * of the content can still be checked against them.
 */
export async function loadList<S extends z.ZodType<{ slug: string }>>(
  root: string,
  relative: string,
  schema: S,
): Promise<DataList<z.output<S>>> {
  const imported = await importData(root, relative);
  if (!imported.ok) return { value: [], slugs: [], problems: [imported.problem] };
  if (!Array.isArray(imported.value)) {
    return { value: [], slugs: [], problems: [{ file: relative, field: "default export", message: "must be a list of entries", value: typeof imported.value }] };
  }
  const problems: Problem[] = [];
  const entries: z.output<S>[] = [];
  const slugs: string[] = [];
  const seen = new Map<string, number>();
  imported.value.forEach((raw: unknown, index) => {
    const name = entryName(raw, index);
    const rawSlug = slugOf(raw);
    if (rawSlug) slugs.push(rawSlug);
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, raw, { file: relative, prefix: name }));
      return;
    }
    const earlier = seen.get(result.data.slug);
    if (earlier !== undefined) {
      problems.push({ file: relative, field: `${name}.slug`, message: `repeats the slug of entry [${earlier}]`, value: result.data.slug });
      return;
    }
    seen.set(result.data.slug, index);
    entries.push(result.data);
  });
  return { value: entries, slugs, problems };
}

/** "[3]" for the fourth entry; with its slug when it has one: "[3] mali". */
function entryName(raw: unknown, index: number): string {
  const slug = slugOf(raw);
  return slug ? `[${index}] ${slug}` : `[${index}]`;
}

function slugOf(raw: unknown): string | undefined {
  const slug = typeof raw === "object" && raw !== null ? (raw as { slug?: unknown }).slug : undefined;
  return typeof slug === "string" && slug ? slug : undefined;
}

type Imported = { ok: true; value: unknown } | { ok: false; problem: Problem };

async function importData(root: string, relative: string): Promise<Imported> {
  const file = path.join(root, relative);
  try {
    return { ok: true, value: await importDefault(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "is missing" : `could not be loaded: ${firstLine(String((error as Error).message ?? error))}`;
    return { ok: false, problem: { file: relative, field: "", message } };
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
