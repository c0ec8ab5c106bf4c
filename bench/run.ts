// `npm run bench`: how the build scales with the archive. For each size it generates the
// seeded corpus, then measures, each as the median of --runs runs in fresh processes:
//   - the plain markdown-it loop over the same items (the yardstick every ratio refers to), run
//     in plain Node (bundled by esbuild first), not through tsx;
//   - the full production build from nothing (no site, no cache), every page, feed and the
//     search index, as `npm run build` runs it, and its peak memory; the same without the
//     search index (which Hugo does not make); and a second build with nothing changed,
//     whose output must be byte for byte the first's;
//   - Hugo over the same items, where Debian's hugo is installed, twice: with its defaults (every
//     item in every RSS feed) and given the same work as ours (feeds capped at 50 entries);
// and, with the preview running, how long after saving an edited item, and a new one, the
// pages that show it are written. Prints a table and writes bench-results/*.json.
//
//   npm run bench                          1,000, 4,000 and 10,000 items, 3 runs each
//   npm run bench -- --huge                and 100,000 items (one run; minutes, and memory)
//   npm run bench -- --sizes 1000 --runs 1 a quick look
//   npm run bench -- --no-hugo --no-preview --no-editions
//   npm run bench -- --sizes 10000 --only-editions   only two editions against three, in turns
//   npm run bench -- --shapes 2000           also each corpus shape at 2,000 items (one run each):
//                                            many tags, short bodies, long bodies, several countries
//
// It also builds each corpus with a French edition (a quarter of the items and every note
// translated), for what a second edition costs, and with an Arabic one too (right to left,
// falling back to French; a quarter of the items and every note), for what a third costs.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { CORPUS_SHAPES, generateCorpus, writeCorpus, type CorpusShape } from "./corpus.ts";
import { writeHugoSite } from "./hugo-site.ts";
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
const sizes = [...(option("--sizes") ?? "1000,4000,10000").split(",").map(Number), ...(args.includes("--huge") ? [100_000] : [])];
const runs = Number(option("--runs") ?? 3);
const withHugo = !args.includes("--no-hugo") && hasCommand("hugo");
const withPreview = !args.includes("--no-preview");
const withEditions = !args.includes("--no-editions");
/** Only what the second and third editions cost: the bilingual and trilingual builds, in turns. */
const onlyEditions = args.includes("--only-editions");
const shapesAt = option("--shapes") === undefined ? undefined : Number(option("--shapes"));
/** The share of items the bilingual corpus translates. */
const FRENCH_SHARE = 0.25;
/** The share of items the trilingual corpus translates into Arabic too (the French ones are the bilingual corpus's). */
const ARABIC_SHARE = 0.25;

interface Measure {
  readonly seconds: number;
  readonly peakMiB?: number;
}

interface Row {
  readonly items: number;
  readonly pages: number;
  readonly loop: Measure;
  readonly build: Measure;
  readonly buildRatio: number;
  /** A second build with nothing changed, and whether it wrote the same bytes as the first. */
  readonly warm?: Measure & { readonly identical: boolean };
  readonly hugo?: Measure & { readonly ratio: number };
  /** Hugo with its feeds capped as ours are: the comparable configuration. */
  readonly hugoCapped?: Measure & { readonly ratio: number };
  readonly editSeconds?: number;
  readonly addSeconds?: number;
  /** What writing the search index added to the build (median). */
  readonly searchSeconds?: number;
  readonly index?: IndexSize;
  /** One build without the search index, for what the index adds. */
  readonly withoutSearchSeconds?: number;
  readonly firstQuery?: QueryCost;
  /** The same corpus with a French edition: its build, and the pages it makes. */
  readonly twoEditions?: Measure & { readonly pages: number };
  /** The bilingual corpus with an Arabic edition added: what a third edition costs. */
  readonly threeEditions?: Measure & { readonly pages: number };
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
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed (${code}):\n${output}`);
  return { seconds, ...(peakKiB ? { peakMiB: peakKiB / 1024 } : {}), output };
}

/** VmHWM: the most memory the process has held, in KiB (Linux); 0 where it cannot be read. */
function highWaterMark(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
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

/** The bilingual and the trilingual corpus, each built from nothing, in turns: the median of each. */
async function measureEditions(items: number, work: string): Promise<{ items: number; two: Measure & { pages: number }; three: Measure & { pages: number } }> {
  const bilingual = path.join(work, `corpus-${items}-fr`);
  const trilingual = path.join(work, `corpus-${items}-fr-ar`);
  await writeCorpus(bilingual, generateCorpus({ items, french: FRENCH_SHARE }));
  await writeCorpus(trilingual, generateCorpus({ items, french: FRENCH_SHARE, arabic: ARABIC_SHARE }));
  const twoRuns: Measure[] = [];
  const threeRuns: Measure[] = [];
  const pages = { two: 0, three: 0 };
  for (let run = 0; run < runs; run++) {
    await forget(bilingual);
    const two = await timed(process.execPath, build(), bilingual);
    pages.two = Number(/Built (\d+) pages/.exec(two.output)?.[1] ?? 0);
    twoRuns.push(two);
    await forget(trilingual);
    const three = await timed(process.execPath, build(), trilingual);
    pages.three = Number(/Built (\d+) pages/.exec(three.output)?.[1] ?? 0);
    threeRuns.push(three);
  }
  await setAside(bilingual);
  await setAside(trilingual);
  return { items, two: { ...median(twoRuns), pages: pages.two }, three: { ...median(threeRuns), pages: pages.three } };
}

async function measureSize(items: number, work: string): Promise<Row> {
  const root = path.join(work, `corpus-${items}`);
  const files = generateCorpus({ items });
  await writeCorpus(root, files);
  const out = (name: string) => path.join(work, `out-${items}-${name}`);

  // The runs of the loop, the build and Hugo take turns, so that all three meet the same
  // conditions on a shared machine; each figure is the median of its runs.
  let pages = 0;
  const loopRuns: Measure[] = [];
  const buildRuns: Measure[] = [];
  const searchRuns: number[] = [];
  const hugoRuns: Measure[] = [];
  const hugoCappedRuns: Measure[] = [];
  if (withHugo) await writeHugoSite(root);
  const bilingual = path.join(work, `corpus-${items}-fr`);
  if (withEditions && items < 100_000) await writeCorpus(bilingual, generateCorpus({ items, french: FRENCH_SHARE }));
  const bilingualRuns: Measure[] = [];
  let bilingualPages = 0;
  const trilingual = path.join(work, `corpus-${items}-fr-ar`);
  if (withEditions && items < 100_000) await writeCorpus(trilingual, generateCorpus({ items, french: FRENCH_SHARE, arabic: ARABIC_SHARE }));
  const trilingualRuns: Measure[] = [];
  let trilingualPages = 0;
  // 100,000 items: one run (each takes minutes), and no second edition.
  const runsHere = items >= 100_000 ? 1 : runs;
  const editionsHere = withEditions && items < 100_000;
  for (let run = 0; run < runsHere; run++) {
    await setAside(out("loop"));
    loopRuns.push(await timed(process.execPath, [loopScript, path.join(root, "content"), out("loop")], project));
    // A build from nothing each run: no previous site to move aside, nothing kept to reuse.
    await forget(root);
    const result = await timed(process.execPath, build("--verbose"), root);
    pages = Number(/Built (\d+) pages/.exec(result.output)?.[1] ?? 0);
    const search = /\bsearch (\d+) ms/.exec(result.output)?.[1];
    if (search) searchRuns.push(Number(search) / 1000);
    buildRuns.push(result);
    if (withHugo) {
      await setAside(out("hugo"));
      hugoRuns.push(await timed("hugo", ["--quiet", "--destination", out("hugo")], root));
      await setAside(out("hugo"));
      hugoCappedRuns.push(await timed("hugo", ["--quiet", "--config", "hugo-capped.toml", "--destination", out("hugo")], root));
    }
    if (editionsHere) {
      await forget(bilingual);
      const two = await timed(process.execPath, build(), bilingual);
      bilingualPages = Number(/Built (\d+) pages/.exec(two.output)?.[1] ?? 0);
      bilingualRuns.push(two);
      await forget(trilingual);
      const three = await timed(process.execPath, build(), trilingual);
      trilingualPages = Number(/Built (\d+) pages/.exec(three.output)?.[1] ?? 0);
      trilingualRuns.push(three);
    }
  }
  if (editionsHere) await setAside(bilingual);
  if (editionsHere) await setAside(trilingual);
  const loop = median(loopRuns);
  const full = median(buildRuns);
  const hugoMedian = withHugo ? median(hugoRuns) : undefined;
  const hugo: Row["hugo"] = hugoMedian ? { ...hugoMedian, ratio: hugoMedian.seconds / loop.seconds } : undefined;
  const cappedMedian = withHugo ? median(hugoCappedRuns) : undefined;
  const hugoCapped: Row["hugoCapped"] = cappedMedian ? { ...cappedMedian, ratio: cappedMedian.seconds / loop.seconds } : undefined;
  // What the search index adds: one more build from nothing without it. The last full
  // build's site and cache wait aside for the second build, below.
  const fullBuild = kept(root);
  const waiting = fullBuild.map((_, i) => path.join(work, `waiting-${i}`));
  for (const [i, folder] of fullBuild.entries()) if (existsSync(folder)) await rename(folder, waiting[i]!);
  const withoutSearch = await timed(process.execPath, build("--no-search"), root);
  let latency: { edit: number; add: number } | undefined;
  if (withPreview) {
    const newest = files.filter((f) => f.path.startsWith("content/articles/")).at(-1)!.path;
    // A preview that cannot keep up (memory, at 100,000 items) is a result, not the end of the run.
    latency = await previewLatency(root, out("preview"), newest).catch((error: unknown) => {
      console.error(`the preview at ${items} items failed: ${String(error).slice(0, 2000)}`);
      return undefined;
    });
    await setAside(out("preview"));
  }
  // The second build, nothing changed since the last full build: it must write the same bytes.
  // Last, since it removes the site it replaces.
  await forget(root);
  for (const [i, folder] of fullBuild.entries()) if (existsSync(waiting[i]!)) await rename(waiting[i]!, folder);
  const cold = treeHashes(path.join(root, "_site"));
  const warmRun = await timed(process.execPath, build(), root);
  const warm = { ...warmRun, identical: sameTree(cold, treeHashes(path.join(root, "_site"))) };
  // The search index of the last full build, and a first query against it in a fresh browser.
  const index = await indexSize(path.join(root, "_site", "pagefind"));
  // A place, as readers search: the corpus names fourteen of them.
  const firstQuery = await firstQueryCost(path.join(root, "_site"), "Ménaka");
  return {
    items, pages, loop, build: full, buildRatio: full.seconds / loop.seconds, warm,
    ...(hugo ? { hugo } : {}),
    ...(hugoCapped ? { hugoCapped } : {}),
    ...(latency ? { editSeconds: latency.edit, addSeconds: latency.add } : {}),
    ...(searchRuns.length ? { searchSeconds: searchRuns.sort((a, b) => a - b)[Math.floor(searchRuns.length / 2)]! } : {}),
    index,
    withoutSearchSeconds: withoutSearch.seconds,
    ...(firstQuery ? { firstQuery } : {}),
    ...(bilingualRuns.length ? { twoEditions: { ...median(bilingualRuns), pages: bilingualPages } } : {}),
    ...(trilingualRuns.length ? { threeEditions: { ...median(trilingualRuns), pages: trilingualPages } } : {}),
  };
}

const s = (value: number | undefined) => (value === undefined ? "—" : `${value.toFixed(2)} s`);
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
const shapeRows: { shape: string; pages: number; loop: Measure; build: Measure }[] = [];
const editionRows: Awaited<ReturnType<typeof measureEditions>>[] = [];
try {
  for (const items of sizes) {
    console.error(`measuring ${items} items...`);
    if (onlyEditions) editionRows.push(await measureEditions(items, work));
    else rows.push(await measureSize(items, work));
  }
  if (shapesAt && !onlyEditions) {
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
} finally {
  if (!args.includes("--keep")) await rm(work, { recursive: true, force: true });
}
if (onlyEditions) {
  console.log(`| items | two editions (French: ${FRENCH_SHARE * 100} % of items) | three editions (Arabic too: ${ARABIC_SHARE * 100} % of items) | three ÷ two | pages | peak memory |\n|---|---|---|---|---|---|`);
  for (const r of editionRows) {
    console.log(`| ${r.items.toLocaleString("en")} | ${r.two.seconds.toFixed(2)} s | ${r.three.seconds.toFixed(2)} s | ${(r.three.seconds / r.two.seconds).toFixed(2)}× | ${r.two.pages.toLocaleString("en")} → ${r.three.pages.toLocaleString("en")} | ${Math.round(r.two.peakMiB ?? 0)} MiB → ${Math.round(r.three.peakMiB ?? 0)} MiB |`);
  }
  process.exit(0);
}

const header = [
  "items", "pages", "markdown-it loop", "full build", "build ÷ loop", "peak memory", "without search index", "second build, nothing changed",
  ...(withHugo ? ["Hugo, feeds of 50", "build ÷ Hugo", "without index ÷ Hugo", "Hugo memory", "Hugo, defaults"] : []),
  ...(withPreview ? ["edit → pages", "add → pages"] : []),
];
const warmCell = (r: Row) => (r.warm ? `${s(r.warm.seconds)} (${Math.round((100 * r.warm.seconds) / r.build.seconds)} %${r.warm.identical ? ", same bytes" : ", OUTPUT DIFFERS"})` : "—");
const table = [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${[
    r.items.toLocaleString("en"), r.pages.toLocaleString("en"), s(r.loop.seconds), s(r.build.seconds), x(r.buildRatio), mib(r.build.peakMiB), s(r.withoutSearchSeconds), warmCell(r),
    ...(withHugo ? [s(r.hugoCapped?.seconds), x(r.hugoCapped ? r.build.seconds / r.hugoCapped.seconds : undefined), x(r.hugoCapped && r.withoutSearchSeconds ? r.withoutSearchSeconds / r.hugoCapped.seconds : undefined), mib(r.hugoCapped?.peakMiB), s(r.hugo?.seconds)] : []),
    ...(withPreview ? [s(r.editSeconds), s(r.addSeconds)] : []),
  ].join(" | ")} |`),
];
const first = rows[0];
const last = rows.at(-1);
const scaling = first && last && last !== first ? last.build.seconds / first.build.seconds : undefined;
console.log(table.join("\n"));
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
console.log(`\n| items | search index | build without it (1 run) | first result, cold cache (as sent / gzipped by the host) | first page of results |\n|---|---|---|---|---|`);
for (const r of rows) {
  const query = r.firstQuery
    ? `${kib(r.firstQuery.firstResultBytes)} / ${kib(r.firstQuery.firstResultGzipBytes)} | ${kib(r.firstQuery.bytes)} / ${kib(r.firstQuery.gzipBytes)} in ${r.firstQuery.requests} requests, ${r.firstQuery.results} results shown`
    : "— (no Chromium) | —";
  console.log(`| ${r.items.toLocaleString("en")} | ${r.index ? `${kib(r.index.bytes)} in ${r.index.files.toLocaleString("en")} files` : "—"} | ${s(r.withoutSearchSeconds)} (the index adds ${s(r.withoutSearchSeconds === undefined ? undefined : r.build.seconds - r.withoutSearchSeconds)}) | ${query} |`);
}
if (rows.some((r) => r.twoEditions)) {
  console.log(`\n| items | one edition | with a French edition (${FRENCH_SHARE * 100} % of items and every note translated) | the second edition adds | pages | peak memory |\n|---|---|---|---|---|---|`);
  for (const r of rows.filter((row) => row.twoEditions)) {
    const two = r.twoEditions!;
    console.log(`| ${r.items.toLocaleString("en")} | ${s(r.build.seconds)} | ${s(two.seconds)} | ${s(two.seconds - r.build.seconds)} (${x(two.seconds / r.build.seconds)}) | ${r.pages.toLocaleString("en")} → ${two.pages.toLocaleString("en")} | ${mib(r.build.peakMiB)} → ${mib(two.peakMiB)} |`);
  }
}
if (rows.some((r) => r.threeEditions && r.twoEditions)) {
  console.log(`\n| items | two editions | with an Arabic edition too (${ARABIC_SHARE * 100} % of items and every note translated) | three ÷ two | pages | peak memory |\n|---|---|---|---|---|---|`);
  for (const r of rows.filter((row) => row.threeEditions && row.twoEditions)) {
    const [two, three] = [r.twoEditions!, r.threeEditions!];
    console.log(`| ${r.items.toLocaleString("en")} | ${s(two.seconds)} | ${s(three.seconds)} | ${x(three.seconds / two.seconds)} | ${two.pages.toLocaleString("en")} → ${three.pages.toLocaleString("en")} | ${mib(two.peakMiB)} → ${mib(three.peakMiB)} |`);
  }
}
if (shapeRows.length) {
  console.log(`\n| corpus shape (${shapesAt?.toLocaleString("en")} items, one run) | pages | markdown-it loop | full build | build ÷ loop | peak memory |\n|---|---|---|---|---|---|`);
  for (const r of shapeRows) console.log(`| ${r.shape} | ${r.pages.toLocaleString("en")} | ${s(r.loop.seconds)} | ${s(r.build.seconds)} | ${x(r.build.seconds / r.loop.seconds)} | ${mib(r.build.peakMiB)} |`);
}
if (scaling !== undefined && first && last) {
  console.log(`\nGrowth: ${(last.items / first.items).toFixed(0)}× the items took ${scaling.toFixed(2)}× the time (median of ${runs} run${runs === 1 ? "" : "s"}).`);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    console.log(`  ${a.items.toLocaleString("en")} → ${b.items.toLocaleString("en")} items (${(b.items / a.items).toFixed(1)}×): full build ${(b.build.seconds / a.build.seconds).toFixed(2)}×, peak memory ${b.build.peakMiB && a.build.peakMiB ? (b.build.peakMiB / a.build.peakMiB).toFixed(2) : "—"}×`);
  }
}
const report = { date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, runs, rows, scaling, shapes: shapeRows };
await mkdir(path.join(project, "bench-results"), { recursive: true });
const stamp = report.date.replace(/[:.]/g, "-");
await writeFile(path.join(project, "bench-results", `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(path.join(project, "bench-results", "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten to bench-results/bench-${stamp}.json and bench-results/latest.json.`);
