// Where the preview may write. Its first build removes every page in its folder that it did
// not make (src/publish/orphans.ts): pointed at a folder of someone's own files, it deleted
// them (issue 26). So it writes only into a folder it made, or found empty, and marked as its
// own with a file of its own name; any other folder that holds something is refused.
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Where the preview writes: a folder of its own, never _site/. The preview shows drafts and
 * embargoed items; _site/ is what gets published, and an embargo can protect people.
 */
export const PREVIEW_FOLDER = "_preview";

/** The file that marks a folder as the preview's own. No page has its name (orphans.ts keeps it). */
export const PREVIEW_MARKER = ".sahel-digest-preview";

const MARKER_TEXT =
  "This folder is the Sahel Digest preview's own (npm start): it deletes the pages here that it did not make.\n" +
  "Remove this file and the preview will not write into this folder again.\n";

/** A folder the preview will not write into: said in one line, no stack trace. */
export class PreviewRefusedError extends Error {
  override name = "PreviewRefusedError";
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

/**
 * Why the preview may not write into `output`, in one line, or undefined if it may. Writes
 * nothing: the supervisor of `npm start` asks before it starts the preview.
 */
export function outputRefusal(output: string, root: string): string | undefined {
  const resolved = path.resolve(output);
  const refused = outputProblem(resolved, root);
  if (refused) return `The preview does not write into ${resolved}: ${refused}. Leave out --output, or name another folder.`;
  let info;
  try {
    info = statSync(resolved);
  } catch {
    return undefined; // made, and marked, when the preview starts
  }
  if (!info.isDirectory()) return `The preview does not write into ${resolved}: it is a file, not a folder. Leave out --output, or name a new folder.`;
  if (existsSync(path.join(resolved, PREVIEW_MARKER))) return undefined;
  // The project's own preview folder, from before folders were marked, is the preview's by its name.
  if (resolved === path.resolve(root, PREVIEW_FOLDER)) return undefined;
  if (readdirSync(resolved).length === 0) return undefined;
  return `The preview does not write into ${resolved}: it holds files the preview did not make (a folder of the preview's own holds ${PREVIEW_MARKER}). Name a new or empty folder with --output.`;
}

/** Makes `output` the preview's own (made if need be, and marked), or throws PreviewRefusedError. */
export function claimOutput(output: string, root: string): void {
  const refused = outputRefusal(output, root);
  if (refused) throw new PreviewRefusedError(refused);
  const resolved = path.resolve(output);
  mkdirSync(resolved, { recursive: true });
  const marker = path.join(resolved, PREVIEW_MARKER);
  if (!existsSync(marker)) writeFileSync(marker, MARKER_TEXT);
}

/**
 * Why the preview may not write into `output`, if it may not: _site/ is what gets published,
 * and the preview shows drafts and embargoed items; and the first rebuild removes pages it
 * did not make, which in the project folder or content/ would be the editors' own files.
 */
export function outputProblem(output: string, root: string): string | undefined {
  // Real paths: a link named anything may lead into _site/.
  const real = (file: string) => realPath(path.resolve(root, file));
  const target = realPath(output);
  const inside = (folder: string) => {
    const relative = path.relative(real(folder), target);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  };
  if (inside("_site")) return "it is the published site, and the preview shows drafts and embargoed items";
  const toRoot = path.relative(target, real("."));
  if (toRoot === "" || (!toRoot.startsWith("..") && !path.isAbsolute(toRoot))) return "it holds the project itself";
  if (inside("content") || inside("templates")) return "it is part of the content or the templates";
  return undefined;
}

/** The real path of `file`, through links; for a path that does not exist yet, that of its nearest existing parent. */
function realPath(file: string): string {
  const resolved = path.resolve(file);
  try {
    // .native: on a file system that ignores case, _SITE is _site, and this says so.
    return realpathSync.native(resolved);
  } catch {
    const parent = path.dirname(resolved);
    return parent === resolved ? resolved : path.join(realPath(parent), path.basename(resolved));
  }
}
