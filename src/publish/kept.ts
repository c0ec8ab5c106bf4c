// Files a build keeps for the next one (src/publish/build-cache.ts, the search index's bundles):
// each is written with a SHA-256 of its bytes in front, and read back only when the hash holds
// and what it holds has the shape asked for. A file that fails either is damaged or foreign: it
// is thrown away with one line saying so, and what it held is made again. A cache that cannot
// be written (a read-only folder, a folder deleted meanwhile) is no reason to fail a build:
// the build goes on and says, once, that its work is not kept.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeWhole } from "../core/writer.ts";

const MAGIC = Buffer.from("sahel-digest kept 1\n");
const HASH_BYTES = 32;

/** What the build's cache had to say this run: told once the build is done. */
const notices = new Set<string>();

/** The lines gathered since the last call, each once. */
export function takeCacheNotices(): string[] {
  const lines = [...notices];
  notices.clear();
  return lines;
}

function notice(line: string): void {
  notices.add(line);
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * What `file` holds, when it is whole and of the shape `isShape` checks; undefined when there is
 * no such file, and when it is damaged or foreign (then it is removed, and said).
 */
export function readKept<T>(file: string, isShape: (value: unknown) => value is T): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const read = trusted(bytes, isShape);
  if (read.ok) return read.value;
  notice(`The build's cache file ${shown(file)} was ${read.why}: it was thrown away, and what it held is made again.`);
  try {
    rmSync(file, { force: true });
  } catch {
    // A read-only cache: left, and found damaged again next time.
  }
  return undefined;
}

/** What the bytes hold, when they can be trusted; else why not. */
function trusted<T>(bytes: Buffer, isShape: (value: unknown) => value is T): { ok: true; value: T } | { ok: false; why: string } {
  if (bytes.length < MAGIC.length + HASH_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, why: "not one this version wrote" };
  const body = bytes.subarray(MAGIC.length + HASH_BYTES);
  const sum = createHash("sha256").update(body).digest();
  if (!sum.equals(bytes.subarray(MAGIC.length, MAGIC.length + HASH_BYTES))) return { ok: false, why: "damaged (its bytes do not match their hash)" };
  let value: unknown;
  try {
    value = deserialize(body);
  } catch {
    return { ok: false, why: "damaged (it could not be read)" };
  }
  return isShape(value) ? { ok: true, value } : { ok: false, why: "not of the shape expected" };
}

/** Keeps `value` in `file` for the next build; false (and said once) when it cannot be written. */
export function writeKept(file: string, value: unknown): boolean {
  const body = serialize(value);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeWhole(file, Buffer.concat([MAGIC, createHash("sha256").update(body).digest(), body]));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an error";
    notice(`The build's cache in ${shown(path.dirname(file))} could not be written (${code}): this build's work is not kept, and the next build does it again.`);
    return false;
  }
}

/** Shapes of what is kept, checked whole before anything is used. */
export const shapes = {
  record: (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value),
  stringMap: (value: unknown): value is Map<string, string> => value instanceof Map && [...value].every(([k, v]) => typeof k === "string" && typeof v === "string"),
  stringArray: (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string"),
};
