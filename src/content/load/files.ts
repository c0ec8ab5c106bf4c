// Which files under content/ are read, and how. Only regular files inside the project are
// read: a link that leads out of it, a folder named like an item, a FIFO (opening one waits
// for a writer forever), a file that cannot be read or is not UTF-8 each become a one-line
// problem, never a hang or a stack trace. Hidden files (an editor's lock file `.#x.md`, a
// backup `.x.md`) are not content: they are passed over, and said so.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { describeErrno, type Problem } from "../../core/problems.ts";

export interface ContentFiles {
  /** Markdown files, relative to the folder with "/" separators, in a stable order. */
  readonly files: string[];
  /** Entries that look like content but cannot be read as such. */
  readonly problems: Problem[];
  /** Hidden files passed over, as notices: "content/articles/2020/.#x.md". */
  readonly passedOver: string[];
}

/**
 * The Markdown files below `folder` (relative to `root`, e.g. "content/articles"). A missing
 * folder has none. Synchronous: a few folders, and it must not race with the reads after it.
 */
export function markdownFiles(root: string, folder: string): ContentFiles {
  const found: ContentFiles = { files: [], problems: [], passedOver: [] };
  const project = realProject(root);
  // The folder itself (or content/) may be a link out of the project.
  const outside = leadsOutside(path.join(root, folder), project);
  if (outside) {
    found.problems.push({ file: folder, field: "", message: `leads to ${outside}, outside the project; content must live inside it` });
    return found;
  }
  const walk = (relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, folder, relative), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && relative === "") return;
      found.problems.push({ file: joinFile(folder, relative), field: "", message: `cannot be read: ${describeErrno(error)}` });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const child = relative ? `${relative}/${name}` : name;
      const file = joinFile(folder, child);
      const markdown = name.endsWith(".md");
      if (name.startsWith(".")) {
        if (markdown) found.passedOver.push(file);
        continue;
      }
      if (entry.isDirectory()) {
        if (markdown) found.problems.push({ file, field: "", message: "is a folder, not a Markdown file" });
        else walk(child);
      } else if (entry.isFile()) {
        if (markdown) found.files.push(child);
      } else if (entry.isSymbolicLink()) {
        const problem = linkProblem(path.join(root, folder, child), project, markdown);
        if (problem) found.problems.push({ file, field: "", message: problem });
        else if (markdown) found.files.push(child);
      } else if (markdown) {
        found.problems.push({ file, field: "", message: `is ${kindOf(entry)}, not a regular file` });
      }
    }
  };
  walk("");
  // Code-unit order, not localeCompare: the same on every machine.
  found.files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return found;
}

/** Why a link under content/ is not read, or undefined when it leads to a file inside the project. */
function linkProblem(link: string, project: string, markdown: boolean): string | undefined {
  let target: string;
  let info: Stats;
  try {
    target = realpathSync(link);
    info = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return "is a link that leads back to itself";
    return markdown ? "is a link to nothing (its target does not exist)" : undefined;
  }
  if (!isInside(target, project)) return `is a link to ${target}, outside the project; copy the file into content/ instead`;
  if (info.isDirectory()) return "is a link to a folder; links to folders are not followed";
  if (!info.isFile()) return markdown ? "is a link to something that is not a regular file" : undefined;
  return undefined;
}

export type ReadResult = { ok: true; text: string } | { ok: false; line?: number; message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A content file's text, or why it cannot be had: unreadable, or not UTF-8 (with the line). */
export function readText(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, message: `cannot be read: ${describeErrno(error)}` };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, line: lineOfFirstInvalidByte(bytes), message: "is not valid UTF-8 text; save it with the UTF-8 encoding" };
  }
}

/**
 * A data file (content/_data/*.ts) must be a regular file inside the project before it is
 * imported: importing a FIFO would wait for ever, and a link out of the project would read
 * whatever it points at.
 */
export function dataFileProblem(root: string, relative: string): string | undefined {
  const file = path.join(root, relative);
  let info: Stats;
  try {
    info = lstatSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `cannot be read: ${describeErrno(error)}`;
  }
  if (info.isSymbolicLink()) return linkProblem(file, realProject(root), true);
  const outside = leadsOutside(file, realProject(root));
  if (outside) return `leads to ${outside}, outside the project (through a linked folder); content must live inside it`;
  if (info.isDirectory()) return "is a folder, not a data file";
  if (!info.isFile()) return `is ${kindOf(info)}, not a regular file`;
  return undefined;
}

/** The line of the first byte that is not part of a valid UTF-8 sequence (1-based). */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  // The longest prefix that decodes, found by halving: only ever run on a bad file.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  let line = 1;
  for (let i = 0; i < good; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The real path of `file` when it lies outside `project` (through a linked folder), else undefined. */
function leadsOutside(file: string, project: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined; // missing: said elsewhere
  }
  return isInside(real, project) ? undefined : real;
}

function realProject(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function joinFile(folder: string, relative: string): string {
  return relative ? `${folder}/${relative}` : folder;
}

/** Dirent and Stats both answer these. */
interface FileKind {
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}

function kindOf(entry: FileKind): string {
  if (entry.isFIFO()) return "a named pipe (FIFO)";
  if (entry.isSocket()) return "a socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "a device";
  return "not a file";
}
