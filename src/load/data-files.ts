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
  /** The valid entries (invalid ones are reported and left out). */
  readonly value: T[];
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
 * Imports and validates a data file whose default export is a list of entries. Invalid
 * entries are reported and left out; `name` says which entry a problem is in. An optional
 * file that does not exist is an empty list.
 */
export async function loadEntries<S extends z.ZodType>(
  root: string,
  relative: string,
  schema: S,
  options: { name?: (raw: unknown, index: number) => string; optional?: boolean } = {},
): Promise<Entries<z.output<S>>> {
  const none = { value: [], indexes: [], raw: [] };
  if (options.optional && !(await stat(path.join(root, relative)).catch(() => undefined))) return { ...none, problems: [] };
  const imported = await importData(root, relative);
  if (!imported.ok) return { ...none, problems: [imported.problem] };
  if (!Array.isArray(imported.value)) {
    return { ...none, problems: [{ file: relative, field: "default export", message: "must be a list of entries", value: typeof imported.value }] };
  }
  const name = options.name ?? entryName;
  const loaded: Entries<z.output<S>> = { value: [], indexes: [], raw: imported.value, problems: [] };
  imported.value.forEach((raw: unknown, index) => {
    const result = schema.safeParse(raw);
    if (result.success) {
      loaded.value.push(result.data);
      loaded.indexes.push(index);
    } else loaded.problems.push(...problemsFromZod(result.error, raw, { file: relative, prefix: name(raw, index) }));
  });
  return loaded;
}

export interface Entries<T> {
  /** The valid entries... */
  readonly value: T[];
  /** ...and where each stands in the file. */
  readonly indexes: number[];
  /** Every entry as written, valid or not. */
  readonly raw: readonly unknown[];
  readonly problems: Problem[];
}

/**
 * A list of entries with a slug each (countries, actors, themes): slugs must be unique.
 */
export async function loadList<S extends z.ZodType<{ slug: string }>>(
  root: string,
  relative: string,
  schema: S,
): Promise<DataList<z.output<S>>> {
  const loaded = await loadEntries(root, relative, schema);
  const problems = [...loaded.problems];
  const entries: z.output<S>[] = [];
  const seen = new Map<string, number>();
  loaded.value.forEach((entry, i) => {
    const index = loaded.indexes[i]!;
    const earlier = seen.get(entry.slug);
    if (earlier !== undefined) {
      problems.push({ file: relative, field: `${entryName(entry, index)}.slug`, message: `repeats the slug of entry [${earlier}]`, value: entry.slug });
      return;
    }
    seen.set(entry.slug, index);
    entries.push(entry);
  });
  const slugs = loaded.raw.flatMap((raw) => slugOf(raw) ?? []);
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
