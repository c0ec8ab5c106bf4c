// `npm run build`: the production build of the digest in this folder into _site/.
import { buildSite } from "../build.ts";
import { ContentError } from "../problems.ts";

const started = performance.now();
try {
  const result = await buildSite({ root: process.cwd(), verbose: process.argv.includes("--verbose") });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Built ${result.pages} pages into ${result.output} in ${seconds} s.`);
} catch (error) {
  console.error(describeFailure(error));
  console.error("\nThe build failed; the previous _site/ was left as it was.");
  process.exitCode = 1;
}

/** Eleventy wraps errors thrown while it gathers data; show the editor's problem, not the wrapping. */
export function describeFailure(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContentError || (current as Error).name === "ContentError") return (current as Error).message;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
