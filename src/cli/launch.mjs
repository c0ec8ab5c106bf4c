// `npm run build` and `npm start` start here, in plain Node. Run through tsx, every module of src/ and every
// module it imports (Eleventy's hundreds among them) passes through a TypeScript loader on
// each start: about a second before the build does anything. So src/ is compiled once with
// esbuild, the first time it is run after a change, into node_modules/.cache/sahel-digest/code/,
// and every later start imports that JavaScript directly. The folder is named by a hash of
// src/, of this project's place and of Node's version: an edited file gets a new one.
//
//   node src/cli/launch.mjs build [--verbose ...]
//   node src/cli/launch.mjs preview [--port 9000 ...]
//   node src/cli/launch.mjs compile       compile only (the benchmark, before it times builds)
//
// The dependencies are not bundled (they are imported from node_modules as usual), and data
// files in content/_data/ are compiled when they are loaded (src/content/load/data-files.ts).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constants, totalmem } from "node:os";
import { getHeapStatistics, setFlagsFromString } from "node:v8";

const project = fileURLToPath(new URL("../..", import.meta.url));
const src = path.join(project, "src");
/** The commands compiled ahead of time, and the workers the build starts. */
const ENTRIES = { build: "src/cli/build.ts", preview: "src/cli/preview.ts", "markdown-worker": "src/content/load/markdown-worker.ts", "finish-worker": "src/publish/finish-worker.ts" };
/** The workers: compiled with the commands, never run as one. */
const WORKERS = ["markdown-worker", "finish-worker"];

const [command, ...rest] = process.argv.slice(2);
if (!command || (!(command in ENTRIES) && command !== "compile") || WORKERS.includes(command)) {
  console.error(`usage: node src/cli/launch.mjs <${[...Object.keys(ENTRIES).filter((name) => !WORKERS.includes(name)), "compile"].join("|")}> [options]`);
  process.exit(2);
}

/** A hash of every file of src/ (its name and bytes), of where the project is, and of Node. */
function versionOfSource() {
  const hash = createHash("sha1").update(project).update("\0").update(process.version).update("\0");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(src, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 20);
}

// A digest of tens of thousands of items holds more than V8 lets a heap hold by default (some
// 4 GiB on a machine of 16 GiB or more: 100,000 items ran out of it). Its build or preview is
// started again with a heap of three quarters of the memory the process may use, through
// NODE_OPTIONS so that the preview's own child has it too; unless a size was chosen, on the
// command line or in NODE_OPTIONS. A digest of fewer items, most of them, is not started twice.
// SAHEL_DIGEST_LARGE_DIGEST sets another number of files (the tests' small digests).
const LARGE_DIGEST = Number(process.env.SAHEL_DIGEST_LARGE_DIGEST) || 20_000;
const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;
const usable = Math.min(totalmem(), process.constrainedMemory?.() || Infinity);
const heapMiB = Math.floor((usable * 0.75) / 2 ** 20);
const sizeChosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((option) => HEAP_FLAG.test(option));
if (command !== "compile" && !sizeChosen && getHeapStatistics().heap_size_limit / 2 ** 20 < heapMiB && itemFilesAtLeast(LARGE_DIGEST)) {
  const options = [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMiB}`].filter(Boolean).join(" ");
  // Flags given to this Node (--cpu-prof, say) go to the child, but not a debugger's: it would
  // wait on, or clash over, this one's port.
  const flags = process.execArgv.filter((flag) => !flag.startsWith("--inspect"));
  // In a process group of its own, so that Ctrl-C reaches it once, passed on by this one, and
  // not a second time from the terminal while it is stopping.
  const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), command, ...rest], { stdio: "inherit", detached: true, env: { ...process.env, NODE_OPTIONS: options } });
  const passedOn = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of passedOn) process.on(signal, () => child.kill(signal));
  child.on("error", (error) => {
    console.error(`The ${command} could not be started with a larger heap: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal && passedOn.includes(signal)) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
  });
  // Nothing more here: the child compiles and runs the command, and its end is this one's.
  await new Promise(() => {});
}

// Inside node_modules/ whatever DIGEST_CACHE_DIR says: the compiled code imports its packages by
// name, which Node finds only from a folder below node_modules/ (compiling again takes a second).
const cache = path.join(project, "node_modules", ".cache", "sahel-digest", "code");
const version = versionOfSource();
const compiled = path.join(cache, version);
/** The compiled files' hashes, written last: a folder without it, or not matching it, is not used. */
const MANIFEST = "manifest.json";

/** A hash of each compiled file, by its name. */
function hashesOf(folder) {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name !== MANIFEST)
      .sort()
      .map((name) => [name, createHash("sha1").update(readFileSync(path.join(folder, name))).digest("hex")]),
  );
}

/** Whether `folder` holds a whole compilation, every file as it was written. */
function isWhole(folder) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), "utf8"));
    const now = hashesOf(folder);
    return Object.keys(ENTRIES).every((name) => `${name}.mjs` in now) && JSON.stringify(now) === JSON.stringify(manifest);
  } catch {
    return false;
  }
}

// `--fresh` builds from nothing, the compiled code included; a damaged or partial folder (a file
// emptied, one missing) is compiled again rather than run.
const fresh = rest.includes("--fresh");
if (existsSync(compiled) && !fresh && !isWhole(compiled)) rmSync(compiled, { recursive: true, force: true });
if (fresh || !existsSync(compiled)) {
  // Compiled beside its final place and renamed into it: two builds started at once both
  // compile, and either's result is whole.
  const { build } = await import("esbuild");
  const temporary = `${compiled}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(project, file)])),
    bundle: true,
    splitting: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    // From the project, wherever the command was run: the output names files relative to it.
    absWorkingDir: project,
    // src/core/project.ts: where the project is, since this code does not run from src/.
    define: { SAHEL_DIGEST_PROJECT: JSON.stringify(project) },
    logLevel: "warning",
  });
  writeFileSync(path.join(temporary, MANIFEST), JSON.stringify(hashesOf(temporary)));
  mkdirSync(cache, { recursive: true });
  if (fresh && existsSync(compiled)) {
    // A preview running from the code compiled before imports some modules late, by their
    // paths in this folder: it is replaced at once, never left missing while this compiles. The
    // same source gives the same file names, so those imports find theirs in the new one.
    const replaced = `${compiled}.${process.pid}.replaced`;
    try {
      renameSync(compiled, replaced);
    } catch {
      // Another build replaced it first.
    }
    rmSync(replaced, { recursive: true, force: true });
  }
  try {
    renameSync(temporary, compiled);
  } catch {
    // Another build compiled the same source first: use its folder.
    rmSync(temporary, { recursive: true, force: true });
  }
  // Earlier versions of src/ are not needed again, but a build or preview started before the
  // change may still be running from one (it imports some modules late): those compiled in
  // the last day are kept.
  for (const name of readdirSync(cache)) {
    const folder = path.join(cache, name);
    if (folder !== compiled && Date.now() - statSync(folder).mtimeMs > 24 * 3600 * 1000) rmSync(folder, { recursive: true, force: true });
  }
}

if (command === "compile") {
  // Where the compiled code is, for the benchmark and the tests.
  console.log(compiled);
  process.exit(0);
}
// The preview restarts its child through here when src/ changes, so that it is compiled again.
process.env.SAHEL_DIGEST_LAUNCHER = fileURLToPath(import.meta.url);
// The build's cache names the code by what was compiled (src/publish/build-cache.ts, codeVersion).
process.env.SAHEL_DIGEST_COMPILED = version;
// V8 lets the heap grow to several times what it holds before it collects again: a build's
// garbage (every page rendered is garbage once written) then costs more memory than the
// digest itself, several times what is held. Growing by 30 % at a time collects sooner and
// more often, for about the same time (the bench's peak memory column, docs/performance.md).
setFlagsFromString("--heap-growing-percent=30");

process.argv = [process.argv[0], path.join(compiled, `${command}.mjs`), ...rest];
await import(pathToFileURL(path.join(compiled, `${command}.mjs`)).href);

/** Whether the digest's items folder (content/articles/<year>/, src/content/collections.ts) holds at least `count` files; the digest is where --root says, or here. */
function itemFilesAtLeast(count) {
  // The preview may be pointed elsewhere; the build builds where it is run.
  const at = command === "preview" ? rest.indexOf("--root") : -1;
  const root = at >= 0 && rest[at + 1] ? path.resolve(rest[at + 1]) : process.cwd();
  const items = path.join(root, "content", "articles");
  let found = 0;
  try {
    for (const year of readdirSync(items, { withFileTypes: true })) {
      if (!year.isDirectory()) continue;
      found += readdirSync(path.join(items, year.name)).length;
      if (found >= count) return true;
    }
  } catch {
    // No items folder: the build says so itself.
  }
  return false;
}
