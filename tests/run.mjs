// `npm test`: the type check (`tsc -p .`) and every vitest suite, at once rather than one after
// the other: the native tsc takes 2-3 s, while vitest's first seconds wait on the sample build.
// vitest prints as it runs; tsc's report, if any, comes after it, whole. Fails if either fails.
// Arguments go to vitest (`npm test -- tests/unit/weeks.test.ts`).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A command of node_modules/.bin, as npm's scripts find it. */
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** A child's exit code; a signal counts as a failure. */
const exit = (child) => new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));

const tsc = spawn(bin("tsc"), ["-p", "."], { stdio: ["ignore", "pipe", "pipe"] });
let report = "";
tsc.stdout.on("data", (chunk) => (report += chunk));
tsc.stderr.on("data", (chunk) => (report += chunk));
const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { stdio: "inherit" });

const [typed, tested] = await Promise.all([exit(tsc), exit(vitest)]);
if (typed !== 0) {
  process.stderr.write(`\ntsc -p . failed (exit ${typed}):\n${report}`);
} else if (report.trim()) {
  process.stdout.write(report);
}
process.exit(tested !== 0 ? tested : typed);
