// `npm run new`: starts a new item or weekly note in the right place, with every field and a
// hint for each, after checking what it can (countries, tags, the slug, the date). What the
// file says is decided in src/cli/new/; this reads the project and writes the file.
//   npm run new -- item "Title of the item" --country mali [--country niger] [--tag jnim] [--date 2020-12-03] [--root DIR]
//   npm run new -- note 2020-W49            (or --date 2020-12-03; this week when neither)
//   npm run new -- translate niger-toumour-attack fr   (or a week: translate 2020-W49 fr)
// Exit codes: 0 written, 1 refused (nothing written), 2 a command line that cannot be read.
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COLLECTIONS } from "../content/collections.ts";
import { loadList, loadObject } from "../content/load/data-files.ts";
import { markdownFiles } from "../content/load/files.ts";
import { buildClock } from "../content/load/content.ts";
import type { KnownKeys } from "../content/load/references.ts";
import { describeErrno, formatProblem, type Problem } from "../core/problems.ts";
import { siteCatalogues } from "../content/editions.ts";
import { catalogueLanguage } from "../core/messages/catalogue.ts";
import { elidedWords } from "./new/slug.ts";
import { USAGE, readArgs } from "./new/args.ts";
import { itemWritten, planItem } from "./new/item.ts";
import { noteWritten, planNote } from "./new/note.ts";
import { translationTarget, translationText, translationWritten } from "./new/translate.ts";
import { readMarkdownFile } from "../content/load/markdown-file.ts";

export interface RunResult {
  readonly code: number;
  /** Lines for standard output... */
  readonly out: string[];
  /** ...and for standard error. */
  readonly err: string[];
}

export interface RunOptions {
  /** Where --root is resolved from, and the project when there is none. */
  readonly cwd?: string;
  /** DIGEST_NOW sets the clock, as for builds. */
  readonly env?: NodeJS.ProcessEnv;
}

export async function runNew(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const refuse = (...lines: string[]): RunResult => ({ code: 1, out, err: [...err, ...lines] });
  const command = readArgs(argv);
  if (command.kind === "help") return { code: 0, out: [USAGE], err };
  if (command.kind === "usage") return { code: 2, out, err: [command.message, USAGE] };

  const root = path.resolve(options.cwd ?? process.cwd(), command.root ?? ".");
  if (!existsSync(path.join(root, "content"))) {
    return refuse(`${root} has no content/ folder: run npm run new in the digest's folder, or give --root DIR`);
  }
  let now;
  try {
    now = buildClock(options.env ?? process.env);
  } catch (error) {
    return refuse((error as Error).message);
  }
  const site = await loadObject(root, COLLECTIONS.site.file, COLLECTIONS.site.schema);
  if (!site.value) return refuse(...site.problems.map(formatProblem), firstFix(COLLECTIONS.site.file));
  const zone = site.value.timeZone;
  // Dates are written as the digest writes them, in its language's words.
  const words = siteCatalogues(root).byLanguage.get(catalogueLanguage(site.value.language));
  if (!words) return refuse(`${COLLECTIONS.site.file}: language ${site.value.language} has no message catalogue`, firstFix(COLLECTIONS.site.file));

  if (command.kind === "translate") {
    const project = {
      language: site.value.language,
      editions: site.value.editions.map((e) => e.language),
      items: markdownFiles(root, COLLECTIONS.items.folder).files,
      notes: markdownFiles(root, COLLECTIONS.notes.folder).files,
    };
    const target = translationTarget({ target: command.target, language: command.language }, project);
    if (!target.ok) return refuse(...target.errors);
    const original = readMarkdownFile(root, target.original);
    if (!original.frontMatter) return refuse(...original.problems.map(formatProblem), firstFix(target.original));
    const failed = await write(root, target.file, translationText(target, command.language, original.frontMatter), target.kind === "item" ? COLLECTIONS.items.folder : COLLECTIONS.notes.folder);
    return failed ? refuse(failed) : { code: 0, out: translationWritten(target, command.language), err };
  }

  if (command.kind === "note") {
    const existing = markdownFiles(root, COLLECTIONS.notes.folder).files;
    const plan = planNote({ ...(command.week !== undefined ? { week: command.week } : {}), ...(command.date !== undefined ? { date: command.date } : {}) }, { zone, now, existing, words });
    if (!plan.ok) return refuse(...plan.errors);
    const failed = await write(root, plan.file, plan.text, COLLECTIONS.notes.folder);
    return failed ? refuse(failed) : { code: 0, out: noteWritten(plan, words), err };
  }

  const [countries, actors, themes, regions] = await Promise.all([
    loadList(root, COLLECTIONS.countries.file, COLLECTIONS.countries.schema),
    loadList(root, COLLECTIONS.actors.file, COLLECTIONS.actors.schema),
    loadList(root, COLLECTIONS.themes.file, COLLECTIONS.themes.schema),
    loadList(root, COLLECTIONS.regions.file, COLLECTIONS.regions.schema, { optional: true }),
  ]);
  // A file that cannot be read at all leaves its slugs unknown: nothing could be checked.
  const unreadable: Problem[] = [countries, actors, themes].flatMap((list) => (list.loaded ? [] : list.problems));
  if (unreadable.length) return refuse(...unreadable.map(formatProblem), firstFix(...new Set(unreadable.map((p) => p.file))));
  const known: KnownKeys = { countries: new Set(countries.slugs), actors: new Set(actors.slugs), themes: new Set(themes.slugs) };
  const regionOf = new Map<string, string>();
  for (const region of regions.value) if (!regionOf.has(region.country)) regionOf.set(region.country, region.slug);
  const existing = markdownFiles(root, COLLECTIONS.items.folder).files;
  const plan = planItem(
    { title: command.title, countries: command.countries, tags: command.tags, ...(command.date !== undefined ? { date: command.date } : {}) },
    { zone, now, known, regionOf, existing, words, elided: elidedIn(root, [site.value.language, ...site.value.editions.map((e) => e.language)]) },
  );
  if (!plan.ok) return refuse(...plan.errors);
  const failed = await write(root, plan.file, plan.text, COLLECTIONS.items.folder);
  return failed ? refuse(failed) : { code: 0, out: itemWritten(plan, words), err };
}

function firstFix(...files: string[]): string {
  return `Fix ${files.join(" and ")} first: npm run check lists every problem.`;
}

/** Writes a new file, never over one that exists, nor through a link (linkOnTheWay); what went wrong, if anything. */
async function write(root: string, file: string, text: string, collection: string): Promise<string | undefined> {
  const target = path.join(root, file);
  const link = linkOnTheWay(root, file, collection);
  if (link) return link;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: "wx" });
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return `${file} already exists`;
    return `${file} could not be written: ${describeErrno(error)}`;
  }
}

/**
 * Why the folders on the way to `file` (relative to `root`) may not be written through, if
 * they may not: one is a link out of the project (a year folder linked elsewhere: the file
 * would land outside it), or, below `collection`, a link to a folder at all, which the build
 * does not follow (src/content/load/files.ts), so the item would never be read.
 */
function linkOnTheWay(root: string, file: string, collection: string): string | undefined {
  const project = realPath(root) ?? path.resolve(root);
  const folders = path.posix.dirname(file).split("/");
  for (let i = 1; i <= folders.length; i++) {
    const relative = folders.slice(0, i).join("/");
    const at = path.join(root, relative);
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return undefined; // missing: it and those below it are made inside the project
    }
    if (!isLink) continue;
    const target = realPath(at);
    if (target === undefined) return `${relative} is a link to nothing: make it a folder, then run npm run new again (nothing was written)`;
    const inside = path.relative(project, target);
    if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
      return `${relative} is a link to ${target}, outside the project: npm run new writes only inside it (nothing was written)`;
    }
    if (relative.startsWith(`${collection}/`)) return `${relative} is a link to a folder, which the build does not follow: make it a folder (nothing was written)`;
  }
  return undefined;
}

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

// Run as a command (not imported by the tests).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = await runNew(process.argv.slice(2));
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  // A data file may have started a timer that would keep the process alive: the work is done.
  process.exit(result.code);
}

/**
 * The words elided before a vowel in any of the digest's languages ("l'", "d'", "N'" in French):
 * a title in English names places in French too ("N'Djamena").
 */
function elidedIn(root: string, languages: readonly string[]): ReadonlySet<string> {
  const catalogues = siteCatalogues(root).byLanguage;
  return new Set(languages.flatMap((language) => {
    const words = catalogues.get(catalogueLanguage(language));
    return words ? [...elidedWords(words)] : [];
  }));
}
