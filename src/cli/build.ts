// `npm run build`: the production build of the digest in this folder into _site/.
import { rmSync } from "node:fs";
import path from "node:path";
import { buildSite, stagingOf } from "../build.ts";
import { describeFailure } from "../problems.ts";
import { tellPassedOver } from "./notices.ts";

const root = process.cwd();
// Stopped with Ctrl-C or by a supervisor: remove the half-written folder now rather than
// leave it to the next build.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    rmSync(stagingOf(path.join(root, "_site")), { recursive: true, force: true });
    console.error(`\nThe build was stopped (${signal}); _site/ was left as it was.`);
    process.exit(130);
  });
}

const started = performance.now();
try {
  const result = await buildSite({ root, verbose: process.argv.includes("--verbose") });
  tellPassedOver(result.passedOver);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Built ${result.pages} pages into ${result.output} in ${seconds} s.`);
  if (process.argv.includes("--verbose")) {
    console.log(Object.entries(result.timings).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(", "));
  }
} catch (error) {
  console.error(describeFailure(error));
  console.error("\nThe build failed; the previous _site/ was left as it was.");
  process.exitCode = 1;
}
// A data file may have started a timer that would keep the process alive: the build is done.
process.exit();
