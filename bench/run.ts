// `npm run bench`: the build against what a digest team would run instead of it, Hugo with the
// same languages and then the Pagefind command line over Hugo's item pages (issue 33). For each
// size it generates the seeded corpus (about 700 words an item, one country each, an edition
// per language with a quarter of the items and every note translated), then measures, each as
// the median of --runs runs taken in turns in fresh processes:
//   - the build from nothing (`npm run build -- --fresh`, no site and nothing kept), every page,
//     feed and the search index, its peak memory and where its time went (`--verbose`);
//   - Hugo over the same items in the same languages (each language mounting every item), its
//     feeds capped at our 50 entries, then Pagefind's command line over its item pages;
//   - the build without the search index (`--no-search`), beside Hugo alone;
//   - a build with nothing changed, right after a full one: its time, whether it wrote the
//     same bytes, and how long what it leaves running after it exits (the background removal
//     of the site it replaced) takes to finish, waited for before anything else is timed;
//   - with the preview running, how long after saving an edited item, and a new one, the pages
//     that show it are written;
//   - what two parts of the build cost, as cold builds of the same corpus without them: the
//     monthly roll-ups (site.ts `monthly: false`) and the last edition (issues 31 and 32).
// Prints a table and writes bench-results/*.json.
//
//   npm run bench                          1,000 and 10,000 items, 3 runs each
//   npm run bench -- --huge                and 100,000 items (one run; many minutes, GiBs of memory)
//   npm run bench -- --sizes 1000 --runs 1 a quick look
//   npm run bench -- --editions fr         the editions besides English (by default French, and
//                                          Arabic where messages/ar.json exists); `none`: English alone
//   npm run bench -- --no-hugo --no-preview --no-probe --no-parts
//   npm run bench -- --shapes 2000         also each corpus shape at 2,000 items (one run each, beside
//                                          the plain markdown-it loop over the same items)
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { CORPUS_SHAPES, generateCorpus, writeCorpus, type CorpusShape } from "./corpus.ts";
import { HUGO_ITEM_PAGES, writeHugoSite } from "./hugo-site.ts";
import { firstQueryCost, indexSize, type IndexSize, type QueryCost } from "./search-probe.ts";

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** `npm run build`, as the editor runs it: src/ compiled ahead (src/cli/launch.mjs). */
const launcher = path.join(project, "src/cli/launch.mjs");
const build = (...options: string[]) => [launcher, "build", ...options];
/**
 * Nothing is deleted while the bench times anything: what a run wrote is moved aside, into
 * the work folder's trash/, and removed at the very end. On ext4 without a journal (this
 * machine's disk), a file or folder created within minutes of many being deleted costs up to
 * a millisecond of the system's time (ext4 skips every recently deleted inode as it looks for
 * a free one), so a run following the removal of a 10,000-page site took several times as
 * long as one that did not, whichever program wrote it: Hugo's times varied by 2× from this.
 */
let trash: string;
let setAsideCount = 0;
async function setAside(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  await mkdir(trash, { recursive: true });
  await rename(folder, path.join(trash, String(++setAsideCount)));
}

/** What a build leaves for the next one: its site, and what it kept (src/publish/build-cache.ts, the search cache). */
const kept = (root: string) => [path.join(root, "_site"), path.join(root, "node_modules", ".cache", "sahel-digest")];

/** A build from nothing: no site, and nothing the last build kept. */
async function forget(root: string): Promise<void> {
  for (const folder of kept(root)) await setAside(folder);
}

/** Every file below `dir` by its SHA-1: two builds' outputs compared. */
function treeHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash("sha1").update(readFileSync(file)).digest("hex"));
  }
  return hashes;
}

function sameTree(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = [...(option("--sizes") ?? "1000,10000").split(",").map(Number), ...(args.includes("--huge") ? [100_000] : [])];
const runs = Number(option("--runs") ?? 3);
const hugoInstalled = hasCommand("hugo");
const withHugo = !args.includes("--no-hugo") && hugoInstalled;
const withPreview = !args.includes("--no-preview");
const withProbe = !args.includes("--no-probe");
const withParts = !args.includes("--no-parts");
const shapesAt = option("--shapes") === undefined ? undefined : Number(option("--shapes"));
/** The editions besides English: a language is one only where its message catalogue exists. */
const languages = (() => {
  const asked = option("--editions");
  const catalogued = (language: string) => existsSync(path.join(project, "messages", `${language}.json`));
  if (asked === "none") return [];
  const wanted = asked ? asked.split(",") : ["fr", "ar"].filter(catalogued);
  const missing = wanted.filter((language) => !catalogued(language));
  if (missing.length) throw new Error(`No message catalogue for ${missing.join(", ")} (messages/<language>.json): no such edition can be built.`);
  return wanted;
})();
/** The share of items each edition translates. */
const TRANSLATED_SHARE = 0.25;
/** Pagefind's command line, as `npx pagefind` runs it (its npm package's wrapper). */
const pagefindCli = path.join(project, "node_modules", ".bin", "pagefind");

interface Measure {
  readonly seconds: number;
  readonly peakMiB?: number;
}

/** A peer's run that did not finish (killed for want of memory, say): how far it got; none when it was never started. */
interface Failure extends Measure {
  readonly failed: string;
}

interface Row {
  readonly items: number;
  readonly pages: number;
  /** The build from nothing (--fresh), with the search index. */
  readonly build: Measure;
  /** Where the median cold build's time went (`--verbose`), in ms. */
  readonly profile: Record<string, number>;
  readonly withoutSearch: Measure;
  /** A build with nothing changed, whether it wrote the same bytes, and what it left running after it exited. */
  readonly warm?: Measure & { readonly identical: boolean; readonly leftRunningSeconds: number };
  /** The longest any cold build left running after it exited (nothing, as none replaces a site). */
  readonly coldLeftRunningSeconds: number;
  readonly hugo?: Measure | Failure;
  /** Pagefind's command line over Hugo's item pages, after it. */
  readonly pagefind?: Measure | Failure;
  /** Hugo then Pagefind: the median of their sums. */
  readonly hugoPagefind?: Measure | Failure;
  readonly editSeconds?: number;
  readonly addSeconds?: number;
  readonly index?: IndexSize;
  readonly firstQuery?: QueryCost;
  /** Cold builds of the same corpus without a part, by the part's name (PARTS). */
  readonly without?: Record<string, Measure>;
}

/**
 * The parts whose cost the bench states, each as the corpus without it: its files, from the
 * full corpus's options. Each is built cold, in turns with the full build.
 */
const PARTS: { readonly name: string; readonly label: string; readonly files: (items: number) => ReturnType<typeof generateCorpus> | undefined }[] = [
  {
    name: "months",
    label: "the month pages (`monthly: false`)",
    files: (items) => generateCorpusFor(items, languages).map((f) => (f.path === "content/_data/site.ts" ? { ...f, text: f.text.replace(/^export default \{/, 'export default {\n  "monthly": false,') } : f)),
  },
  {
    name: "last edition",
    label: `the ${languages.at(-1) ?? ""} edition`,
    files: (items) => (languages.length ? generateCorpusFor(items, languages.slice(0, -1)) : undefined),
  },
];

/** The bench's corpus at a size, with these editions besides English. */
function generateCorpusFor(items: number, editions: readonly string[]) {
  return generateCorpus({ items, shape: "one-country", ...(editions.length ? { french: TRANSLATED_SHARE, languages: editions } : {}) });
}

/** Runs a command to its end; wall time, and peak resident memory read from /proc while it runs. */
async function timed(command: string, commandArgs: string[], cwd: string): Promise<Measure & { output: string }> {
  // Written files still being flushed to disk would slow whichever run comes next.
  if (process.platform !== "win32") spawnSync("sync");
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let peakKiB = 0;
  const poll = setInterval(() => (peakKiB = Math.max(peakKiB, highWaterMark(child.pid))), 25);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const measure = { seconds, ...(peakKiB ? { peakMiB: peakKiB / 1024 } : {}) };
  if (code !== 0) throw Object.assign(new Error(`${command} ${commandArgs.join(" ")} failed (${signal ?? code}):\n${output.slice(-4000)}`), { measure, how: signal ? `killed by ${signal}` : `exit ${code}` });
  return { ...measure, output };
}

/**
 * A peer's run (Hugo, Pagefind), whose failure is a result rather than the end of the bench: a
 * large corpus in several languages may need more memory than the machine has, and the kernel
 * then kills the peer. The failure says how, after how long and at what peak.
 */
async function peer(command: string, commandArgs: string[], cwd: string): Promise<Measure | Failure> {
  try {
    return await timed(command, commandArgs, cwd);
  } catch (error) {
    const { measure, how } = error as { measure?: Measure; how?: string };
    if (!measure) throw error;
    console.error(`${path.basename(command)} failed at this size (${how}): ${String((error as Error).message).split("\n").slice(-6).join(" ")}`);
    return { ...measure, failed: how ?? "failed" };
  }
}

const failedRun = (m: Measure | undefined): m is Failure => m !== undefined && "failed" in m;
/** A peer never started, as the one before it failed. */
const NOT_RUN = "not run";

/**
 * VmHWM: the most memory a process has held, in KiB (Linux); 0 where it cannot be read. Of the
 * largest of the command's process and those it started: a build of a large digest runs in a
 * second process, started with a larger heap (src/cli/launch.mjs).
 */
function highWaterMark(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let most = 0;
  try {
    most = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0; // Ended meanwhile.
  }
  for (const child of childrenOf(pid)) most = Math.max(most, highWaterMark(child));
  return most;
}

/** The processes `pid` started: from /proc/<pid>/task/<pid>/children, or where the kernel lacks it, from every process's parent. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          // The parent's pid is the second field after the command's name, which may hold spaces.
          return Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  }
}

function median(measures: Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  const peaks = measures.flatMap((m) => (m.peakMiB === undefined ? [] : [m.peakMiB]));
  return { seconds: middle.seconds, ...(peaks.length ? { peakMiB: Math.max(...peaks) } : {}) };
}

function hasCommand(name: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => existsSync(path.join(dir, name)));
}

/** Starts the preview on `root`, edits an item and adds one, and times until their pages show it. */
async function previewLatency(root: string, output: string, newestItem: string): Promise<{ edit: number; add: number }> {
  const child = spawn(process.execPath, [launcher, "preview", "--root", root, "--output", output, "--watch-only", "--child"], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const file = path.join(root, newestItem);
  const source = await readFile(file, "utf8");
  const slug = path.basename(newestItem, ".md");
  const addedFile = path.join(path.dirname(file), `${slug}-added.md`);
  try {
    await until(() => log.includes("[preview] Ready"), 600_000, () => log);
    // Eleventy's watcher (chokidar) misses a change made in the first moments after it says it
    // is ready; an editor never saves that fast, so the measurement starts once it has settled.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const year = path.basename(path.dirname(newestItem));
    const itemPage = path.join(output, "articles", year, slug, "index.html");

    const edited = `Edited ${Date.now()}`;
    let started = performance.now();
    await writeFile(file, source.replace(/^title: .*$/m, `title: ${JSON.stringify(edited)}`));
    await until(() => contains(itemPage, edited) && contains(path.join(output, "index.html"), edited), 120_000, () => log);
    const edit = (performance.now() - started) / 1000;

    const added = `Added ${Date.now()}`;
    started = performance.now();
    await writeFile(addedFile, source.replace(/^title: .*$/m, `title: ${JSON.stringify(added)}`));
    const addedPage = path.join(output, "articles", year, `${slug}-added`, "index.html");
    await until(() => contains(addedPage, added) && contains(path.join(output, "index.html"), added), 120_000, () => log);
    const add = (performance.now() - started) / 1000;
    return { edit, add };
  } finally {
    // Stopped, and waited for: its last writes must not race the removal of the work folder.
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
    // Put back as it was, whether or not the preview kept up: the second build, after this,
    // must find nothing changed.
    await rm(addedFile, { force: true });
    await writeFile(file, source);
  }
}

function contains(file: string, text: string): boolean {
  try {
    return readFileSync(file, "utf8").includes(text);
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeout: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`the preview did not show the change in time:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * What a build left running after it exited: the previous site it replaced, moved aside and
 * removed in the background (src/publish/build.ts). Waited for, so that it slows no run timed
 * after it; returns how long that took after the build's exit.
 */
async function settle(root: string): Promise<number> {
  const started = performance.now();
  const leftover = () => readdirSync(root).some((name) => name.startsWith("_site.previous-"));
  while (leftover()) {
    if (performance.now() - started > 600_000) throw new Error(`${root}: a previous site was still being removed 10 minutes after the build`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return (performance.now() - started) / 1000;
}

/** The phases `npm run build -- --verbose` prints after the build: "load 812 ms, group 95 ms, ...". */
function profileOf(output: string): Record<string, number> {
  const line = [...output.split("\n")].reverse().find((each) => /^load \d+ ms, /.test(each)) ?? "";
  return Object.fromEntries([...line.matchAll(/(?:^|, )([a-z][a-z -]*?) (\d+) ms/g)].map((m) => [m[1]!, Number(m[2])]));
}

/** The median of sums of two lists of runs taken in turns (Hugo, then Pagefind after it). */
function medianOfSums(a: Measure[], b: Measure[]): Measure | Failure {
  const sums = a.map((m, i) => ({ seconds: m.seconds + b[i]!.seconds, peakMiB: Math.max(m.peakMiB ?? 0, b[i]!.peakMiB ?? 0) }));
  // A pair with a failure: the first, its time and peak the pair's until it stopped.
  const failed = a.findIndex((m, i) => failedRun(m) || failedRun(b[i]));
  if (failed >= 0) return { ...sums[failed]!, failed: (failedRun(a[failed]) ? a[failed] : (b[failed] as Failure)).failed };
  return median(sums);
}

/** A peer's median, or its first failure: a run that did not finish has no time to compare. */
function peerMedian(measures: Measure[]): Measure | Failure {
  return measures.find(failedRun) ?? median(measures);
}

async function measureSize(items: number, work: string): Promise<Row> {
  const root = path.join(work, `corpus-${items}`);
  const files = generateCorpusFor(items, languages);
  await writeCorpus(root, files);
  // The same corpus without each part, built cold in turns with the full build.
  const parts: { name: string; root: string; runs: Measure[] }[] = [];
  if (withParts && items < 100_000) {
    for (const part of PARTS) {
      const partFiles = part.files(items);
      if (!partFiles) continue;
      const partRoot = path.join(work, `corpus-${items}-without-${part.name.replace(/ /g, "-")}`);
      await writeCorpus(partRoot, partFiles);
      parts.push({ name: part.name, root: partRoot, runs: [] });
    }
  }
  if (withHugo) await writeHugoSite(root, languages);
  const out = (name: string) => path.join(work, `out-${items}-${name}`);

  // The runs of the build, Hugo and Pagefind, and the build without the index take turns, so
  // that all meet the same conditions on a shared machine; each figure is the median of its runs.
  let pages = 0;
  const buildRuns: (Measure & { profile: Record<string, number> })[] = [];
  const withoutRuns: Measure[] = [];
  const hugoRuns: Measure[] = [];
  const pagefindRuns: Measure[] = [];
  let coldLeftRunning = 0;
  // The last full build's site and what it kept wait here for the build with nothing changed.
  const fullBuild = kept(root);
  const waiting = fullBuild.map((_, i) => path.join(work, `waiting-${items}-${i}`));
  const runsHere = items >= 100_000 ? 1 : runs;
  for (let run = 0; run < runsHere; run++) {
    await forget(root);
    const result = await timed(process.execPath, build("--fresh", "--verbose"), root);
    coldLeftRunning = Math.max(coldLeftRunning, await settle(root));
    pages = Number(/Built (\d+) pages/.exec(result.output)?.[1] ?? 0);
    buildRuns.push({ ...result, profile: profileOf(result.output) });
    for (const folder of waiting) await setAside(folder);
    for (const [i, folder] of fullBuild.entries()) if (existsSync(folder)) await rename(folder, waiting[i]!);
    if (withHugo) {
      await setAside(out("hugo"));
      const hugo = await peer("hugo", ["--quiet", "--destination", out("hugo")], root);
      hugoRuns.push(hugo);
      // Over a site Hugo did not finish, Pagefind is not run: the pair failed with Hugo.
      pagefindRuns.push(failedRun(hugo) ? { seconds: 0, failed: NOT_RUN } : await peer(pagefindCli, ["--site", out("hugo"), "--glob", HUGO_ITEM_PAGES], root));
    }
    await forget(root);
    withoutRuns.push(await timed(process.execPath, build("--fresh", "--no-search"), root));
    coldLeftRunning = Math.max(coldLeftRunning, await settle(root));
    for (const part of parts) {
      await forget(part.root);
      // With --verbose, as the full build: the same work, its clock read the same way.
      part.runs.push(await timed(process.execPath, build("--fresh", "--verbose"), part.root));
      await settle(part.root);
    }
  }
  for (const part of parts) await setAside(part.root);
  const full = median(buildRuns);
  const profile = buildRuns.find((r) => r.seconds === full.seconds)!.profile;
  let latency: { edit: number; add: number } | undefined;
  if (withPreview) {
    const newest = files.filter((f) => f.path.startsWith("content/articles/") && /item-\d+\.md$/.test(f.path)).at(-1)!.path;
    // A preview that cannot keep up (memory, at 100,000 items) is a result, not the end of the run.
    latency = await previewLatency(root, out("preview"), newest).catch((error: unknown) => {
      console.error(`the preview at ${items} items failed: ${String(error).slice(0, 2000)}`);
      return undefined;
    });
    await setAside(out("preview"));
  }
  // The build with nothing changed since the last full build: it must write the same bytes.
  await forget(root);
  for (const [i, folder] of fullBuild.entries()) if (existsSync(waiting[i]!)) await rename(waiting[i]!, folder);
  const cold = treeHashes(path.join(root, "_site"));
  const warmRun = await timed(process.execPath, build(), root);
  const leftRunningSeconds = await settle(root);
  const warm = { ...warmRun, identical: sameTree(cold, treeHashes(path.join(root, "_site"))), leftRunningSeconds };
  // The search index of the last full build, and a first query against it in a fresh browser.
  const index = await indexSize(path.join(root, "_site", "pagefind"));
  // A place, as readers search: the corpus names fourteen of them.
  const firstQuery = withProbe ? await firstQueryCost(path.join(root, "_site"), "Ménaka") : undefined;
  await setAside(root);
  return {
    items, pages, build: full, profile, withoutSearch: median(withoutRuns), warm, coldLeftRunningSeconds: coldLeftRunning,
    ...(withHugo ? { hugo: peerMedian(hugoRuns), pagefind: peerMedian(pagefindRuns), hugoPagefind: medianOfSums(hugoRuns, pagefindRuns) } : {}),
    ...(latency ? { editSeconds: latency.edit, addSeconds: latency.add } : {}),
    index,
    ...(firstQuery ? { firstQuery } : {}),
    ...(parts.length ? { without: Object.fromEntries(parts.map((part) => [part.name, median(part.runs)])) } : {}),
  };
}

const s = (value: number | undefined) => (value === undefined ? "—" : `${value.toFixed(2)} s`);
/** A peer's time, or how it failed: "failed (killed by SIGKILL) after <time> at <peak>". */
const peerCell = (m: Measure | undefined) =>
  !failedRun(m) ? s(m?.seconds) : m.failed === NOT_RUN ? NOT_RUN : `failed (${m.failed}) after ${s(m.seconds)}${m.peakMiB ? ` at ${mib(m.peakMiB)}` : ""}`;
const peerRatio = (a: number, m: Measure | undefined) => (failedRun(m) ? "—" : ratio(a, m?.seconds));
const mib = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value)} MiB`);
const x = (value: number | undefined) => (value === undefined ? "—" : `${value.toFixed(2)}×`);

const work = await mkdtemp(path.join(tmpdir(), "sahel-digest-bench-"));
trash = path.join(work, "trash");
// The yardstick runs as plain JavaScript, as a hand-written loop would: bundled once here.
const loopScript = path.join(work, "markdown-loop.mjs");
await esbuild({ entryPoints: [path.join(project, "bench/loop-cli.ts")], bundle: true, platform: "node", format: "esm", outfile: loopScript, logLevel: "silent" });
// src/ compiled once, before anything is timed (as the first `npm run build` after a change does).
spawnSync(process.execPath, [launcher, "compile"], { stdio: ["ignore", "ignore", "inherit"] });
const rows: Row[] = [];
const failedSizes: { items: number; why: string }[] = [];
const shapeRows: { shape: string; pages: number; loop: Measure; build: Measure }[] = [];
try {
  for (const items of sizes) {
    console.error(`measuring ${items} items...`);
    try {
      const row = await measureSize(items, work);
      rows.push(row);
      // Said as soon as it is known: a later size may take much longer, and may not finish.
      console.error(`${items} items: cold ${s(row.build.seconds)} at ${mib(row.build.peakMiB)}, Hugo + Pagefind ${peerCell(row.hugoPagefind)}, --no-search ${s(row.withoutSearch.seconds)}, Hugo ${peerCell(row.hugo)}, nothing changed ${s(row.warm?.seconds)}`);
    } catch (error) {
      // The sizes measured so far are still printed; this one is said to have failed, and how.
      // The command, then the end of its output, where its error is.
      const message = String((error as Error).message ?? error);
      const [command = "", ...output] = message.split("\n");
      failedSizes.push({ items, why: [command, ...output.slice(-40)].join("\n") });
      console.error(`${items} items failed: ${failedSizes.at(-1)!.why}`);
    }
  }
  if (shapesAt) {
    for (const shape of [undefined, ...CORPUS_SHAPES] as (CorpusShape | undefined)[]) {
      console.error(`measuring ${shapesAt} items, ${shape ?? "the usual shape"}...`);
      const root = path.join(work, `shape-${shape ?? "usual"}`);
      await writeCorpus(root, generateCorpus({ items: shapesAt, ...(shape ? { shape } : {}) }));
      const loop = await timed(process.execPath, [loopScript, path.join(root, "content"), path.join(work, "shape-loop")], project);
      const built = await timed(process.execPath, build(), root);
      shapeRows.push({ shape: shape ?? "usual", pages: Number(/Built (\d+) pages/.exec(built.output)?.[1] ?? 0), loop, build: built });
      await setAside(root);
      await setAside(path.join(work, "shape-loop"));
    }
  }
} catch (error) {
  if (!args.includes("--keep")) await rm(work, { recursive: true, force: true });
  throw error;
}

const editionsLabel = `${1 + languages.length} language${languages.length ? "s" : ""}`;
const hugoCell = (label: string) => (withHugo ? label : `${label} (${hugoInstalled ? "--no-hugo" : "hugo is not installed"})`);
const header = [
  "items", "pages", "project, cold (`--fresh`)", hugoCell(`Hugo ${editionsLabel} + Pagefind`), "ratio", "project `--no-search`", hugoCell(`Hugo ${editionsLabel}`), "ratio",
  "nothing changed", "left running after exit", ...(withPreview ? ["edit → pages", "add → pages"] : []),
];
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "—" : (a / b).toFixed(2));
const warmCell = (r: Row) => (r.warm ? `${s(r.warm.seconds)} (${Math.round((100 * r.warm.seconds) / r.build.seconds)} %${r.warm.identical ? ", same bytes" : ", OUTPUT DIFFERS"})` : "—");
const table = [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${[
    r.items.toLocaleString("en"), r.pages.toLocaleString("en"), `${s(r.build.seconds)}, ${mib(r.build.peakMiB)}`, peerCell(r.hugoPagefind), peerRatio(r.build.seconds, r.hugoPagefind),
    s(r.withoutSearch.seconds), peerCell(r.hugo), peerRatio(r.withoutSearch.seconds, r.hugo),
    warmCell(r), `${s(r.warm?.leftRunningSeconds)} (cold: ${s(r.coldLeftRunningSeconds)})`,
    ...(withPreview ? [s(r.editSeconds), s(r.addSeconds)] : []),
  ].join(" | ")} |`),
];
console.log(`Editions: English${languages.map((l) => `, ${l}`).join("")} (${TRANSLATED_SHARE * 100} % of items and every note translated in each); one country an item; medians of ${runs} run${runs === 1 ? "" : "s"}${sizes.includes(100_000) ? " (100,000 items: one)" : ""}.`);
if (!hugoInstalled) console.log("HUGO IS NOT INSTALLED: no comparison with Hugo and Pagefind (Debian: apt-get install hugo).");
console.log(table.join("\n"));
for (const { items, why } of failedSizes) console.log(`\n${items.toLocaleString("en")} items: THE BUILD FAILED, no row: ${why}`);
if (withHugo) {
  console.log(`\n| items | Hugo | Hugo memory | Pagefind over its item pages | Pagefind memory |\n|---|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.items.toLocaleString("en")} | ${peerCell(r.hugo)} | ${mib(r.hugo?.peakMiB)} | ${peerCell(r.pagefind)} | ${mib(r.pagefind?.peakMiB)} |`);
}
// Where the time went, from the median cold build's --verbose: phases in the order they ran
// (load and group before Eleventy; the pages rendered and written while the index is made).
const RENDERING = /^render /;
console.log("\nWhere a cold build's time went (the median run; the search index is made beside the pages, in Pagefind's processes):");
for (const r of rows) {
  const p = r.profile;
  const renders = Object.entries(p).filter(([phase]) => RENDERING.test(phase)).sort((a, b) => b[1] - a[1]);
  const rendering = renders.reduce((sum, [, ms]) => sum + ms, 0);
  const sec = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
  console.log(
    `  ${r.items.toLocaleString("en")} items: load ${sec(p.load)}, group ${sec(p.group)}, render ${sec(rendering)} (${renders.slice(0, 6).map(([phase, ms]) => `${phase.replace(RENDERING, "")} ${sec(ms)}`).join(", ")}), ` +
      `write ${sec(p.write)}, pages and index done ${sec(p.search ?? p.collections)} after the pages began, Eleventy in all ${sec(p.eleventy)}, swap ${sec(p.swap)}`,
  );
}
const partRows = rows.filter((r) => r.without);
if (partRows.length) {
  const named = PARTS.filter((part) => partRows.some((r) => r.without?.[part.name]));
  console.log(`\nWhat a part costs: cold builds (\`--fresh\`) of the same corpus without it, medians of ${runs}, taken in turns with the full build:`);
  console.log(`| items | full build | ${named.map((part) => `without ${part.label} | full ÷ without`).join(" | ")} |\n|---|---|${named.map(() => "---|---").join("|")}|`);
  for (const r of partRows) {
    const cells = named.flatMap((part) => {
      const without = r.without?.[part.name];
      return [without ? `${s(without.seconds)}, ${mib(without.peakMiB)}` : "—", ratio(r.build.seconds, without?.seconds)];
    });
    console.log(`| ${r.items.toLocaleString("en")} | ${s(r.build.seconds)}, ${mib(r.build.peakMiB)} | ${cells.join(" | ")} |`);
  }
}
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
console.log(`\n| items | search index | first result, cold cache (as sent / gzipped by the host) | first page of results |\n|---|---|---|---|`);
for (const r of rows) {
  const query = r.firstQuery
    ? `${kib(r.firstQuery.firstResultBytes)} / ${kib(r.firstQuery.firstResultGzipBytes)} | ${kib(r.firstQuery.bytes)} / ${kib(r.firstQuery.gzipBytes)} in ${r.firstQuery.requests} requests, ${r.firstQuery.results} results shown`
    : "— (no Chromium, or --no-probe) | —";
  console.log(`| ${r.items.toLocaleString("en")} | ${r.index ? `${kib(r.index.bytes)} in ${r.index.files.toLocaleString("en")} files` : "—"} | ${query} |`);
}
if (shapeRows.length) {
  console.log(`\n| corpus shape (${shapesAt?.toLocaleString("en")} items, one run) | pages | markdown-it loop | full build | build ÷ loop | peak memory |\n|---|---|---|---|---|---|`);
  for (const r of shapeRows) console.log(`| ${r.shape} | ${r.pages.toLocaleString("en")} | ${s(r.loop.seconds)} | ${s(r.build.seconds)} | ${x(r.build.seconds / r.loop.seconds)} | ${mib(r.build.peakMiB)} |`);
}
const first = rows[0];
const last = rows.at(-1);
const scaling = first && last && last !== first ? last.build.seconds / first.build.seconds : undefined;
if (scaling !== undefined && first && last) {
  console.log(`\nGrowth: ${(last.items / first.items).toFixed(0)}× the items took ${scaling.toFixed(2)}× the time (median of ${runs} run${runs === 1 ? "" : "s"}).`);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    console.log(`  ${a.items.toLocaleString("en")} → ${b.items.toLocaleString("en")} items (${(b.items / a.items).toFixed(1)}×): full build ${(b.build.seconds / a.build.seconds).toFixed(2)}×, peak memory ${b.build.peakMiB && a.build.peakMiB ? (b.build.peakMiB / a.build.peakMiB).toFixed(2) : "—"}×`);
  }
}
const report = { date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, load: (await import("node:os")).loadavg(), runs, languages, rows, failedSizes, scaling, shapes: shapeRows };
// A size whose own build failed fails the bench, once everything measured is printed.
if (failedSizes.length) process.exitCode = 1;
await mkdir(path.join(project, "bench-results"), { recursive: true });
const stamp = report.date.replace(/[:.]/g, "-");
await writeFile(path.join(project, "bench-results", `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(path.join(project, "bench-results", "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten to bench-results/bench-${stamp}.json and bench-results/latest.json.`);
// Last, once everything is printed: every run's output, set aside, is hundreds of thousands of
// files, and removing them takes minutes on this machine's disk.
if (!args.includes("--keep")) {
  console.error(`removing ${work}...`);
  await rm(work, { recursive: true, force: true });
}
