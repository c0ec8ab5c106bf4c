// `npm run build`: the production build of the digest in this folder into _site/.
import { buildSite } from "../build.ts";
import { describeFailure } from "../problems.ts";

const started = performance.now();
try {
  const result = await buildSite({ root: process.cwd(), verbose: process.argv.includes("--verbose") });
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
