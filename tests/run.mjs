// `npm test`: the type check (`tsc -p .`) and every vitest suite, at once rather than one after
// the other: the native tsc takes 2-3 s, while vitest's first seconds wait on the sample build.
// vitest prints as it runs; tsc's report, if any, comes after it, whole. Fails if either fails.
// Arguments go to vitest (`npm test -- tests/unit/weeks.test.ts`).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statfsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A command of node_modules/.bin, as npm's scripts find it. */
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** A child's exit code; a signal counts as a failure. */
const exit = (child) => new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));

const tsc = spawn(bin("tsc"), ["-p", "."], { stdio: ["ignore", "pipe", "pipe"] });
let report = "";
tsc.stdout.on("data", (chunk) => (report += chunk));
tsc.stderr.on("data", (chunk) => (report += chunk));
const scratch = memoryScratch();
const env = scratch ? { ...process.env, TMPDIR: scratch } : process.env;
const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { stdio: "inherit", env });

// Interrupted (Ctrl-C reaches the children too), the run still ends here, and its folder goes.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => [tsc, vitest].forEach((child) => child.kill(signal)));

const [typed, tested] = await Promise.all([exit(tsc), exit(vitest)]);
if (scratch) rmSync(scratch, { recursive: true, force: true });
if (typed !== 0) {
  process.stderr.write(`\ntsc -p . failed (exit ${typed}):\n${report}`);
} else if (report.trim()) {
  process.stdout.write(report);
}
process.exit(tested !== 0 ? tested : typed);

/**
 * The run's own temporary folder in memory (/dev/shm), for the fixture sites, the sample's build
 * and everything else the suites make and remove: a folder and a file made there cost a few
 * percent of what they cost on a disk, and the suites make tens of thousands. Only where the
 * machine has such a folder with room to spare, and the caller has not chosen a TMPDIR.
 */
function memoryScratch() {
  if (process.env.TMPDIR) return undefined;
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    if (bavail * bsize < 2 * 2 ** 30) return undefined;
    const folder = mkdtempSync(path.join("/dev/shm", "sahel-digest-tests-"));
    // Anyone's, as /tmp is: a test runs a command as another user, whose tools want a folder there.
    chmodSync(folder, 0o1777);
    return folder;
  } catch {
    return undefined;
  }
}
