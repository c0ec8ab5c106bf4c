// What one production build leaves for the next, so that a build with little changed does
// little work, and writes the same bytes a build from nothing would:
//   - the rendered Markdown of every item, translation, and note, by a hash of its file;
//   - a manifest of the pages of the site it wrote: for each, a fingerprint of everything the
//     page was made from, and the stamp (inode, size, time) of the file as written. A page
//     whose fingerprint is unchanged, and whose file in the published site is still the file
//     that build wrote, is hard-linked into the new site instead of being rendered again;
//   - with that manifest, what the whole site was made from (buildInto's site key): a build
//     made from the same, which finds the published site holding exactly the files that build
//     wrote, each untouched, keeps that site as it is and writes nothing (unchangedSite).
//
// A page's fingerprint is its key (src/pages/page-key.ts: the hashes of everything its template
// receives; for a page made from the whole digest, the hash of every item and note file) with,
// for every page, the build's "version": the code (src/, templates, catalogues, the locked
// dependencies, Node), the data files and everything else under content/ that is not an item
// or a note, and every module a data file imports from outside content/. A key element with no
// stable fingerprint makes its page be rendered every time.
//
// The stamps and the bytes' hashes are what keep this safe: a build with drafts shown
// (buildSite's includeDrafts; the preview itself writes into _preview/) replaces files, so they
// have new inodes, and a hand-edited file has new bytes. Either way it is not linked.
// Everything lives in <project>/node_modules/.cache/sahel-digest/, which git ignores and
// `rm -rf` clears; a damaged or foreign cache file is ignored, never trusted.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Content } from "../content/model.ts";
import { everyEdition, type Digest } from "../digest/digest.ts";
import { COLLECTIONS } from "../content/collections.ts";
import { cacheFolder, PROJECT } from "../core/project.ts";
import { writeWhole } from "../core/writer.ts";
import { readKept, shapes, writeKept } from "./kept.ts";
import { viewHash } from "../pages/page-key.ts";
import { SHIPPED_MESSAGES } from "../core/messages/catalogue.ts";

const hash = (...parts: readonly string[]) => {
  const h = createHash("sha1");
  for (const part of parts) h.update(part).update("\0");
  return h.digest("base64url");
};

/** Every file below `dir` (links to files too), relative, sorted; none when it does not exist. */
function filesBelow(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

/** A hash of every file below `dir`, by name and bytes; `skip` names top-level folders left out. */
function folderHash(dir: string, skip: readonly string[] = []): string {
  const h = createHash("sha1");
  for (const file of filesBelow(dir)) {
    if (skip.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`))) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      // A link to a folder or to nothing, or a file gone meanwhile (an editor's swap file).
      continue;
    }
    h.update(file).update("\0").update(bytes).update("\0");
  }
  return h.digest("base64url");
}

/**
 * What the code is, without the templates: this project's src/ and the message catalogues it
 * ships (messages/; a site's own are content, in buildVersion), the locked versions of the
 * dependencies, and Node (whose ICU formats dates and numbers). The search index's records are
 * made by it alone (no template shows in them).
 */
export function sourceVersion(): string {
  // Once a process: the code running is the code it started with. Run from src/cli/launch.mjs,
  // the code is what it compiled, named by the hash it gives; otherwise about 150 small files
  // to hash.
  sourceVersionOnce ??= (() => {
    const source = process.env.SAHEL_DIGEST_COMPILED ?? folderHash(path.join(PROJECT, "src"));
    const lock = existsSync(path.join(PROJECT, "package-lock.json")) ? readFileSync(path.join(PROJECT, "package-lock.json"), "utf8") : "";
    return hash(source, folderHash(SHIPPED_MESSAGES), hash(lock), process.version, JSON.stringify(process.versions));
  })();
  return sourceVersionOnce;
}
let sourceVersionOnce: string | undefined;

/**
 * What the code that renders is: the code (sourceVersion) and the templates used. Any change
 * to one of them makes every page and body be made afresh.
 */
export function codeVersion(templates: string): string {
  // Every page and email is rendered from this one folder (src/pages/engine.ts).
  return hash(sourceVersion(), folderHash(templates));
}

/**
 * The build's version: the code, everything under content/ besides the items and notes (the
 * data files, site settings, figures), whose every change may show on any page, and every file
 * outside content/ that a data file imports, wherever it is.
 */
export async function buildVersion(root: string, code: string, content?: ContentVersion): Promise<string> {
  return hash(code, ...(content ?? (await contentVersion(root))));
}

/** What of content/ is in every version (buildVersion): a build works it out once, for both of its versions. */
export type ContentVersion = readonly [data: string, imports: string];

export async function contentVersion(root: string): Promise<ContentVersion> {
  const content = path.join(root, "content");
  const skip = [COLLECTIONS.items.folder, COLLECTIONS.notes.folder].map((folder) => path.relative("content", folder));
  // Following the data files' imports is esbuild bundling them: the dearer half.
  return [folderHash(content, skip), await dataImportsHash(root)];
}

/**
 * The bytes of the modules the data files import from outside content/ (a helper, a shared
 * list): esbuild follows their imports as the build's own loader does, packages left out (the
 * lock file versions them). A data file that does not compile gives no list: the build then
 * stops on its problem anyway.
 */
async function dataImportsHash(root: string): Promise<string> {
  const data = path.join(root, path.dirname(COLLECTIONS.site.file));
  const content = path.resolve(root, "content");
  let entries: string[];
  try {
    entries = readdirSync(data).filter((name) => /\.[cm]?[jt]s$/.test(name)).map((name) => path.join(data, name));
  } catch {
    return "";
  }
  if (entries.length === 0) return "";
  let inputs: string[];
  try {
    // esbuild's asynchronous API, whose one process the build's data files are compiled in too
    // (src/content/load/data-files.ts): the synchronous one starts a process each call.
    const built = await build({ entryPoints: entries, bundle: true, packages: "external", platform: "node", format: "esm", write: false, metafile: true, outdir: path.join(root, ".data-imports"), absWorkingDir: path.resolve(root), logLevel: "silent" });
    inputs = Object.keys(built.metafile.inputs).map((input) => path.resolve(root, input));
  } catch {
    return "unreadable";
  }
  const h = createHash("sha1");
  for (const file of inputs.filter((input) => !input.startsWith(`${content}${path.sep}`)).sort()) {
    h.update(path.relative(root, file)).update("\0");
    try {
      h.update(readFileSync(file)).update("\0");
    } catch {
      h.update("gone\0");
    }
  }
  return h.digest("base64url");
}

/**
 * What a year's search records are made from besides its items and notes: the code and the
 * data files (src/publish/search/site-search.ts names each year's bundle by both). Not the templates:
 * an edited stylesheet is no reason to index the archive again.
 */
export function searchVersion(root: string, content?: ContentVersion): Promise<string> {
  return buildVersion(root, sourceVersion(), content);
}

/** A page's fingerprint: the build's version, where it is written, its template, its key's. */
export function pageFingerprint(version: string, output: string, template: string, key: string): string {
  return hash(version, output, template, key);
}

/** Rendered Markdown by the hash of its file (src/content/load/markdown-file.ts), for one project. */
export class BodyCache {
  private readonly previous: Map<string, string>;
  private readonly used = new Map<string, string>();

  private constructor(private readonly file: string, private readonly version: string, previous: Map<string, string>) {
    this.previous = previous;
  }

  /** The bodies the last build of `root` rendered with this `version` of the code; none when not `reuse`. */
  static open(root: string, version: string, reuse = true): BodyCache {
    const file = cacheFolder(root, "bodies.bin");
    const stored = reuse ? readKept(file, isKeptBodies) : undefined;
    const previous = stored?.version === version ? stored.bodies : new Map<string, string>();
    return new BodyCache(file, version, previous);
  }

  /** Bodies kept from the last build. */
  get size(): number {
    return this.previous.size;
  }

  get(fingerprint: string | undefined): string | undefined {
    if (!fingerprint) return undefined;
    const html = this.previous.get(fingerprint);
    if (html !== undefined) this.used.set(fingerprint, html);
    return html;
  }

  set(fingerprint: string | undefined, html: string): void {
    if (fingerprint) this.used.set(fingerprint, html);
  }

  /** Keeps what this build used (and only that), when it differs from what was kept. */
  save(): void {
    if (this.used.size === this.previous.size && [...this.used.keys()].every((key) => this.previous.has(key))) return;
    writeKept(this.file, { version: this.version, bodies: this.used });
  }
}

const isKeptBodies = (value: unknown): value is { version: string; bodies: Map<string, string> } =>
  shapes.record(value) && typeof value.version === "string" && shapes.stringMap(value.bodies);

/**
 * A file as a build wrote it: what it was made from, and how to know it is still that file:
 * its stamp, and the hash of its bytes (a hand-edited file may keep its size and time).
 */
type Entry = readonly [fingerprint: string, stamp: string, bytes: string];

/**
 * The site a build left whole: what it was made from (buildInto's site key), how many pages it
 * has, and what the build said of its emails (over Gmail's size), said again while it is kept.
 */
export interface KeptSite {
  readonly key: string;
  readonly pages: number;
  readonly emailNotices: readonly string[];
}

const isKeptSite = (value: unknown): value is KeptSite => shapes.record(value) && typeof value.key === "string" && typeof value.pages === "number" && shapes.stringArray(value.emailNotices);

const isKeptPages = (value: unknown): value is { output: string; pages: Map<string, Entry>; site?: KeptSite } =>
  shapes.record(value) &&
  typeof value.output === "string" &&
  value.pages instanceof Map &&
  [...(value.pages as Map<unknown, unknown>)].every(([k, v]) => typeof k === "string" && shapes.stringArray(v) && v.length === 3) &&
  (value.site === undefined || isKeptSite(value.site));

const bytesHash = (bytes: string | Uint8Array) => createHash("sha1").update(bytes).digest("base64url");

const stampOf = (info: Stats) => `${info.ino}:${info.size}:${info.mtimeMs}`;

/** What a page's key is made of, made stable across builds; undefined when something in it has no such name. */
export function keyFingerprint(key: readonly unknown[], names: Fingerprints): string | undefined {
  const parts: string[] = [];
  for (const element of key) {
    if (element === undefined || element === null || typeof element !== "object") {
      parts.push(JSON.stringify(element) ?? "undefined");
      continue;
    }
    const name = names.of(element);
    if (name === undefined) return undefined;
    parts.push(name);
  }
  return hash(...parts);
}

/** Stable names for the objects pages' keys hold: each edition's digest, for the pages made from all of it. */
export class Fingerprints {
  private readonly names = new WeakMap<object, string>();

  /** Each edition's digest named by `whole`, the content's fingerprint: what pages made from the whole digest are keyed by. */
  constructor(digest: Digest, whole: string) {
    for (const edition of everyEdition(digest)) this.names.set(edition, `digest:${whole}`);
  }

  of(value: object): string | undefined {
    return this.names.get(value);
  }
}

/**
 * What the whole content is: every published item and note by its files' hashes. With the
 * build's version, it names the pages made from the whole digest (home, archive, sitemap).
 * Undefined when some item or note was not read from a file.
 */
export function contentFingerprint(content: Content): string | undefined {
  const parts: string[] = [];
  for (const entry of [...content.items, ...content.notes]) {
    if (!entry.fingerprint) return undefined;
    const translations = Object.values(entry.translations ?? {}).map((t) => `${t.language}:${t.fingerprint ?? ""}:${t.draft}`);
    parts.push(`${entry.file}:${entry.fingerprint}:${translations.join(",")}`);
  }
  // The week's trends, from the notes' front matter: a note that gives only trends is no
  // WeeklyNote, so they are named here in full, translations and all.
  parts.push(`trends:${JSON.stringify(content.figures.map((f) => ({ ...f, week: f.week.id })))}`);
  return hash(...parts.sort());
}

/**
 * What content/ gave besides its items and notes, as the build read it: the data files' values
 * (a data file is code, and may read the environment, the clock or a file esbuild cannot see),
 * the monthly notes, the catalogues, the other organisations' counts. Part of what a whole site
 * is made from (buildInto's site key) beside the version, which names their files. Undefined
 * when something in them has no value to hash (a function).
 */
export function settingsFingerprint(content: Content): string | undefined {
  const { site, countries, regions, actors, themes, monthNotes = [], figures, externalCounts, catalogues } = content;
  try {
    return viewHash({ site, countries, regions, actors, themes, monthNotes, figures, externalCounts, catalogues: [...catalogues.values()] });
  } catch {
    return undefined;
  }
}

/**
 * The pages of the site in `output` as the last production build wrote them, and the pages this
 * build writes, for the next one.
 */
export class PageCache {
  private readonly written = new Map<string, Entry>();
  /** Pages linked from the published site. */
  reused = 0;

  private constructor(
    private readonly file: string,
    private readonly output: string,
    private readonly previous: ReadonlyMap<string, Entry>,
    private readonly previousSite: KeptSite | undefined,
  ) {}

  /**
   * The manifest of the site in `output`, as the last build wrote it; none when not `reuse`.
   * Whatever that build's version: a page's fingerprint holds the version it was made with
   * (pageFingerprint), and a year of the search index the version of its records (which
   * leaves out the templates), so an edited stylesheet renders every page again and still
   * links the index.
   */
  static open(root: string, output: string, reuse = true): PageCache {
    const absolute = path.resolve(output);
    const file = cacheFolder(root, "pages", `${hash(absolute)}.bin`);
    const stored = reuse ? readKept(file, isKeptPages) : undefined;
    const same = stored?.output === absolute;
    return new PageCache(file, absolute, same ? stored.pages : new Map<string, Entry>(), same ? stored.site : undefined);
  }

  /**
   * The published site's `relative` file, when the last build wrote it from `fingerprint` and
   * nobody has touched it since: the new site may have it as it is (see `linked`).
   */
  unchanged(relative: string, fingerprint: string): string | undefined {
    const entry = this.previous.get(relative);
    if (!entry || entry[0] !== fingerprint) return undefined;
    const source = path.join(this.output, relative);
    try {
      // The stamp first: cheap, and it rules out most changes; then the bytes themselves.
      return stampOf(statSync(source)) === entry[1] && bytesHash(readFileSync(source)) === entry[2] ? source : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The published files below the folder `relative` (a year of the search index), when the last
   * build wrote every one of them from `fingerprint` and none was touched since: each by its
   * path below the folder, with where it is. Undefined when any is not so, or none is known.
   */
  unchangedFolder(relative: string, fingerprint: string): [file: string, source: string][] | undefined {
    const prefix = `${relative}${path.sep}`;
    const files: [string, string][] = [];
    for (const file of this.previous.keys()) {
      if (!file.startsWith(prefix)) continue;
      const source = this.unchanged(file, fingerprint);
      if (!source) return undefined;
      files.push([file.slice(prefix.length), source]);
    }
    return files.length ? files : undefined;
  }

  /**
   * The published site as the last build left it, when that build was made from `key` (every
   * input of every page: buildInto says what) and the site holds every file that build wrote,
   * each untouched (its stamp and its bytes), and no other: a build with nothing changed keeps
   * it as it is. Undefined otherwise, and the build makes a new site as usual.
   */
  unchangedSite(key: string): (KeptSite & { readonly files: number }) | undefined {
    if (this.previousSite?.key !== key) return undefined;
    // The folders the files are in: any other (an empty one made by hand) is not that build's.
    const folders = new Set<string>();
    for (const file of this.previous.keys()) for (let folder = path.dirname(file); folder !== "." && !folders.has(folder); folder = path.dirname(folder)) folders.add(folder);
    const inSite = `${this.output}${path.sep}`;
    const relativeOf = (entry: Dirent) => (entry.parentPath === this.output ? entry.name : `${entry.parentPath.slice(inSite.length)}${path.sep}${entry.name}`);
    const toCheck: [relative: string, entry: Entry][] = [];
    try {
      for (const entry of readdirSync(this.output, { recursive: true, withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (!folders.has(relativeOf(entry))) return undefined;
          continue;
        }
        // A link or anything else no build writes: something else has been at the site.
        if (!entry.isFile()) return undefined;
        const relative = relativeOf(entry);
        const known = this.previous.get(relative);
        if (!known) return undefined;
        toCheck.push([relative, known]);
      }
    } catch {
      return undefined;
    }
    if (toCheck.length !== this.previous.size) return undefined;
    // Each file as `unchanged` checks a page: its stamp, then the hash of its bytes. (Read and
    // hashed on libuv's threads instead, the 10,000-item site took half as long again.)
    const same = toCheck.every(([relative, [fingerprint]]) => this.unchanged(relative, fingerprint) !== undefined);
    return same ? { ...this.previousSite, files: toCheck.length } : undefined;
  }

  /** Notes that the new site has the published `relative` file, linked (the same file, the same stamp). */
  linked(relative: string): void {
    this.written.set(relative, this.previous.get(relative)!);
    this.reused++;
  }

  /** Notes a file this build wrote at `target` with `content`, which will be the site's `relative`. */
  wrote(relative: string, fingerprint: string, target: string, content: string | Uint8Array): void {
    try {
      this.written.set(relative, [fingerprint, stampOf(statSync(target)), bytesHash(content)]);
    } catch {
      // Not noted: rendered again next time.
    }
  }

  /**
   * Kept once the new site is in place: the manifest of what it holds. With `site`, the site
   * is whole as built: the files below `copied` (folders Eleventy copies as they are, which
   * no page writes) are noted too, so that unchangedSite can tell the site from nothing else.
   */
  save(site?: KeptSite, copied: readonly string[] = []): void {
    try {
      for (const folder of site ? copied : []) {
        // A templates folder without it (a test's): nothing copied.
        if (!existsSync(path.join(this.output, folder))) continue;
        for (const entry of readdirSync(path.join(this.output, folder), { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = path.join(entry.parentPath, entry.name);
          const relative = path.relative(this.output, file);
          if (!this.written.has(relative)) this.written.set(relative, ["copied", stampOf(statSync(file)), bytesHash(readFileSync(file))]);
        }
      }
    } catch {
      // A copied folder missing or unreadable: the pages are kept, and the next build makes a new site.
      site = undefined;
    }
    if (!writeKept(this.file, { output: this.output, pages: this.written, ...(site ? { site } : {}) })) return;
    try {
      writeWhole(this.file.replace(/\.bin$/, ".site"), this.output);
    } catch {
      // The manifest is kept; only its clean-up of sites that are gone waits for a later build.
      return;
    }
    // Manifests of sites that are gone (a test's fixture, a moved project) are forgotten.
    const folder = path.dirname(this.file);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names.filter((n) => n.endsWith(".site"))) {
      const site = path.join(folder, name);
      let output = "";
      try {
        output = readFileSync(site, "utf8");
      } catch {
        // Unreadable: forgotten.
      }
      if (output && existsSync(output)) continue;
      rmSync(site.replace(/\.site$/, ".bin"), { force: true });
      rmSync(site, { force: true });
    }
  }

  /** Forgets the site in `output`: after a build that did not keep a manifest. */
  static forget(root: string, output: string): void {
    const file = cacheFolder(root, "pages", `${hash(path.resolve(output))}.bin`);
    rmSync(file, { force: true });
    rmSync(file.replace(/\.bin$/, ".site"), { force: true });
  }
}
