// `npm run build`: the production build of the digest in this folder into _site/.
//   npm run build -- --dryrun    load, check and render every page; write nothing
//   npm run build -- --verbose   Eleventy's log and where the time went
//   npm run build -- --fresh     render every page and body again, reusing nothing the last
//                                build kept (it still keeps this one's for the next)
import { rmSync } from "node:fs";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { buildSite, stagingOf } from "../publish/build.ts";
import { describeFailure } from "../core/problems.ts";
import { tellDrafts, tellPassedOver } from "./notices.ts";
import { leftOutLine } from "../content/load/left-out.ts";
import { ProgressLine } from "./progress.ts";

const root = process.cwd();
const staging = stagingOf(path.join(root, "_site"));

/** Removes the half-written folder; pages still being written may race it, and then the next build does it. */
function removeStaging(): void {
  try {
    rmSync(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  } catch {
    // Left for the next build or `npm run check`, which remove it once this process is gone.
  }
}

// On a terminal, what a long build is doing (src/cli/progress.ts); nothing when piped.
const progress = process.stderr.isTTY ? new ProgressLine((text) => process.stderr.write(text)) : undefined;

function fail(error: unknown): never {
  progress?.clear();
  removeStaging();
  console.error(describeFailure(error));
  console.error("\nThe build failed; the previous _site/ was left as it was.");
  process.exit(1);
}

// Stopped with Ctrl-C or by a supervisor: remove the half-written folder now rather than
// leave it to the next build.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    progress?.clear();
    removeStaging();
    console.error(`\nThe build was stopped (${signal}); _site/ was left as it was.`);
    process.exit(130);
  });
}
// A failure Eleventy does not hand back to buildSite (its copy of the stylesheet runs on its
// own) still ends in one plain message, not a crash.
process.on("unhandledRejection", fail);
process.on("uncaughtException", fail);

// Something in the build's own process may end it early and say all is well: a data file (or a
// module it imports) calling process.exit(0). A build that did not finish never exits 0.
let finished = false;
process.on("exit", (code) => {
  if (finished || code !== 0) return;
  removeStaging();
  console.error("The build was ended before it was done (did a data file call process.exit?); _site/ was left as it was.");
  process.exitCode = 1;
});

const started = performance.now();
try {
  const dryRun = process.argv.includes("--dryrun");
  const result = await buildSite({ root, dryRun, verbose: process.argv.includes("--verbose"), search: !process.argv.includes("--no-search"), reuse: !process.argv.includes("--fresh"), removeAfterExit: true, ...(progress ? { onProgress: (step) => progress.update(step) } : {}) });
  progress?.clear();
  tellPassedOver(result.passedOver);
  for (const line of result.notices) console.error(line);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (dryRun) console.log(`Rendered ${result.pages} pages in ${seconds} s; wrote nothing (--dryrun).`);
  else if (result.unchanged) console.log(`Built ${result.pages} pages into ${result.output} in ${seconds} s; nothing changed since the last build, whose ${result.reused} files are kept as they are.`);
  else console.log(`Built ${result.pages} pages into ${result.output} in ${seconds} s; ${result.reused ? `reused ${result.reused} files unchanged since the last build` : "rendered everything (nothing kept from a last build)"}.`);
  if (process.argv.includes("--verbose")) {
    console.log(Object.entries(result.timings).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(", "));
    // What the process could hold (src/cli/launch.mjs gives a large digest more) and held.
    console.log(`heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MiB, resident at most ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  }
  tellDrafts(result.draftProblems, "left out of this build");
  if (result.leftOut) console.log(leftOutLine(result.leftOut));
} catch (error) {
  fail(error);
}
// A data file may have started a timer that would keep the process alive: the build is done.
finished = true;
process.exit();
