// Loads the editors' TypeScript data files (content/_data/*.ts) and validates each entry.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { stat } from "node:fs/promises";
import { build, transform } from "esbuild";
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { z } from "zod";
import type { Problem } from "../../core/problems.ts";
import { fieldName, problemsFromZod } from "./zod-problems.ts";
import { forbiddenFields } from "./characters.ts";
import { dataFileProblem, readText } from "./files.ts";
import { cacheFolder, PROJECT } from "../../core/project.ts";
import { writeWhole } from "../../core/writer.ts";
import { plainSyntaxError } from "./ts-words.ts";

let generation = 0;

/**
 * Imports a data file's default export afresh. The query string defeats the ES module
 * cache, so a watcher sees the edited file instead of the first version it imported.
 */
export async function importDefault(file: string): Promise<unknown> {
  const { mtimeMs } = await stat(file);
  const url = `${pathToFileURL(file).href}?v=${Math.round(mtimeMs)}-${++generation}`;
  try {
    return ((await import(url)) as { default?: unknown }).default;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
  }
  // Compiled ahead of time (src/cli/launch.mjs), the build runs without a TypeScript loader:
  // the data file is compiled here, with what it imports from the project, and its
  // JavaScript imported from the cache.
  // The compiled file runs from the cache, but says it is where its source is, as under tsx.
  const compiled = await build({
    entryPoints: [file],
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
    define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href), "import.meta.filename": JSON.stringify(file), "import.meta.dirname": JSON.stringify(path.dirname(file)), SAHEL_DIGEST_PROJECT: JSON.stringify(PROJECT) },
  });
  const code = compiled.outputFiles[0]!.text;
  // content/_data/<name>.ts: the project is two folders up. A file is named by its code, and
  // written whole (another build may be importing the same one).
  const folder = cacheFolder(path.join(path.dirname(file), "..", ".."), "data");
  const name = path.basename(file, ".ts");
  const compiledName = `${name}-${createHash("sha1").update(code).digest("hex").slice(0, 16)}.mjs`;
  let target = path.join(folder, compiledName);
  try {
    mkdirSync(folder, { recursive: true });
    writeWhole(target, code);
    // Versions of this file compiled more than a day ago are not imported again.
    for (const old of readdirSync(folder)) {
      const at = path.join(folder, old);
      if (old.startsWith(`${name}-`) && at !== target && Date.now() - statSync(at).mtimeMs > 24 * 3600 * 1000) rmSync(at, { force: true });
    }
  } catch {
    // A cache that cannot be written (read-only, or not a folder) is no reason to fail: the
    // compiled file goes to the system's temporary folder for this run.
    target = path.join(mkdtempSync(path.join(tmpdir(), "sahel-digest-data-")), compiledName);
    writeWhole(target, code);
  }
  return ((await import(`${pathToFileURL(target).href}?v=${++generation}`)) as { default?: unknown }).default;
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
  /** See Entries.loaded. */
  readonly loaded: boolean;
}

/** Imports and validates a data file whose default export is one object. */
export async function loadObject<S extends z.ZodType>(root: string, relative: string, schema: S): Promise<DataFile<z.output<S>>> {
  const imported = await importData(root, relative);
  if (!imported.ok) return { value: undefined, problems: [imported.problem] };
  const characters = forbiddenProblems(imported.value, relative);
  if (characters.length) return { value: undefined, problems: characters };
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
  options: { name?: (raw: unknown, index: number) => string; optional?: boolean; retired?: Readonly<Record<string, string>> } = {},
): Promise<Entries<z.output<S>>> {
  const none = { value: [], indexes: [], raw: [], loaded: false };
  if (options.optional && !(await stat(path.join(root, relative)).catch(() => undefined))) return { ...none, problems: [] };
  const imported = await importData(root, relative);
  if (!imported.ok) return { ...none, problems: [imported.problem] };
  if (!Array.isArray(imported.value)) {
    return { ...none, problems: [{ file: relative, field: "default export", message: "must be a list of entries", value: typeof imported.value }] };
  }
  const name = options.name ?? entryName;
  const loaded: Entries<z.output<S>> = { value: [], indexes: [], raw: imported.value, problems: [], loaded: false };
  loaded.loaded = true;
  imported.value.forEach((raw: unknown, index) => {
    const characters = forbiddenProblems(raw, relative, name(raw, index));
    if (characters.length) {
      loaded.problems.push(...characters);
      return;
    }
    const result = schema.safeParse(raw);
    if (result.success) {
      loaded.value.push(result.data);
      loaded.indexes.push(index);
    } else loaded.problems.push(...problemsFromZod(result.error, raw, { file: relative, prefix: name(raw, index), ...(options.retired ? { retired: options.retired } : {}) }));
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
  /**
   * False when the file could not be imported as a list at all: what refers to its entries
   * is then not checked, so one broken file is one problem, not one per reference.
   */
  loaded: boolean;
}

/**
 * A list of entries with a slug each (countries, actors, themes): slugs must be unique.
 */
export async function loadList<S extends z.ZodType<{ slug: string }>>(
  root: string,
  relative: string,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<DataList<z.output<S>>> {
  const loaded = await loadEntries(root, relative, schema, options);
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
  return { value: entries, slugs, problems, loaded: loaded.loaded };
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

/**
 * How long a data file may take to load. A data file is code: a top-level await that never
 * settles, or a timer, would otherwise hang the build or end it without a word.
 */
function dataFileTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.DIGEST_DATA_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 20_000;
}

async function importData(root: string, relative: string): Promise<Imported> {
  const file = path.join(root, relative);
  const unreadable = dataFileProblem(root, relative);
  if (unreadable) return { ok: false, problem: { file: relative, field: "", message: unreadable } };
  const text = readText(file);
  if (!text.ok) return { ok: false, problem: { file: relative, field: "", message: text.message, ...(text.line ? { line: text.line } : {}) } };
  // A syntax error is reported as the compiler sees it, with its line and column, whatever
  // runs the import (tsx, or vitest's own transform in the tests).
  const syntax = await syntaxError(text.text, relative);
  if (syntax) return { ok: false, problem: syntax };
  let timer: NodeJS.Timeout | undefined;
  const limit = dataFileTimeout();
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), limit)));
  try {
    const value = await Promise.race([importDefault(file), timedOut]);
    if (value === "timeout") {
      return { ok: false, problem: { file: relative, field: "", message: `did not finish loading within ${limit / 1000} s; a data file must not wait for anything (a top-level await, a timer)` } };
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, problem: await loadError(String((error as Error)?.message ?? error), root, relative) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An import that failed after the data file's own syntax check passed: a runtime error, or a
 * file it imports that does not compile. Loaders word the second differently (tsx: "Transform
 * failed with 1 error: ... file.ts:2:0: ERROR: ..."), so the file they name is checked again
 * here, and reported in the compiler's own words with its line and column.
 */
async function loadError(message: string, root: string, relative: string): Promise<Problem> {
  const plain = message.replace(/\u001b\[[0-9;]*m/g, "");
  // tsx says "Transform failed"; esbuild, compiling a data file for the compiled build, "Build failed".
  if (plain.startsWith("Transform failed") || plain.startsWith("Build failed")) {
    for (const [, named] of plain.matchAll(/([^\s[\]()'"]+\.[cm]?tsx?):\d+:\d+/g)) {
      const candidates = [path.resolve(named!), path.resolve(path.dirname(path.join(root, relative)), named!)];
      for (const file of candidates) {
        const text = readText(file);
        if (!text.ok) continue;
        const shown = path.relative(root, file).split(path.sep).join("/");
        const syntax = await syntaxError(text.text, shown);
        if (syntax) return { file: relative, field: "", message: `could not be compiled: an imported file, ${shown}:${syntax.line}:${syntax.column}: ${syntax.message.replace(/^is not valid TypeScript: /, "")}` };
      }
    }
  }
  return { file: relative, field: "", message: `could not be loaded: ${compilerError(plain) ?? firstLine(plain)}` };
}

/**
 * The compiler's own complaint inside "Build failed with 1 error:" (a module a data file imports
 * that does not exist, say): its first "file:line:column: ERROR: text" line, as "text (file:line)".
 */
function compilerError(plain: string): string | undefined {
  const found = /^(.+?):(\d+):\d+: ERROR: (.+)$/m.exec(plain);
  return found ? `${found[3]} (${found[1]}:${found[2]})` : undefined;
}

/** The first syntax error esbuild (the compiler tsx runs) finds in a data file, as a problem. */
async function syntaxError(source: string, relative: string): Promise<Problem | undefined> {
  try {
    await transform(source, { loader: "ts", sourcefile: relative, logLevel: "silent" });
    return undefined;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    if (!first) return undefined;
    if (!first.location) return { file: relative, field: "", message: `is not valid TypeScript: ${first.text}` };
    const plain = plainSyntaxError(source, { text: first.text, line: first.location.line, column: first.location.column });
    return { file: relative, line: plain.line, column: plain.column, field: "", message: `is not valid TypeScript: ${plain.message}` };
  }
}

function forbiddenProblems(value: unknown, file: string, prefix?: string): Problem[] {
  return forbiddenFields(value).map(({ path: at, message }) => ({ file, field: [prefix, fieldName(at)].filter(Boolean).join("."), message }));
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
