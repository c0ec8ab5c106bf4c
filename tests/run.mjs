// `npm test`: the type check (`tsc -p .`) and every vitest suite, at once rather than one after
// the other: the native tsc takes 2-3 s, while vitest's first seconds wait on the sample build.
// vitest prints as it runs; tsc's report, if any, comes after it, whole. Fails if either fails.
// Arguments go to vitest (`npm test -- tests/unit/weeks.test.ts`).
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, rmSync, statfsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A command of node_modules/.bin, as npm's scripts find it. */
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** A child's exit code; a signal counts as a failure. */
const exit = (child) => new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));

/** Where the runs' folders in memory go, each named after the process that made it. */
const MEMORY = "/dev/shm";
const PREFIX = "sahel-digest-tests-";

const tsc = spawn(bin("tsc"), ["-p", "."], { stdio: ["ignore", "pipe", "pipe"] });
let report = "";
tsc.stdout.on("data", (chunk) => (report += chunk));
tsc.stderr.on("data", (chunk) => (report += chunk));
removeAbandoned();
const scratch = memoryScratch();
const env = scratch ? { ...process.env, TMPDIR: scratch } : process.env;
// In a process group of its own, so that a signal reaches vitest, its workers and the commands
// they run once, from here: Ctrl-C on a terminal reaches npm and this script, and npm passes it
// on to this script again.
const vitest = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { stdio: "inherit", env, detached: true });

/** The signal that ended the run early, if one did: the run then exits as a process it ends would. */
let interrupted;
const CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
for (const signal of Object.keys(CODES)) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    tsc.kill(signal);
    try {
      process.kill(-vitest.pid, signal);
    } catch {
      // Gone already.
    }
  });
}

const [typed, tested] = await Promise.all([exit(tsc), exit(vitest)]);
if (typed !== 0 && !interrupted) {
  process.stderr.write(`\ntsc -p . failed (exit ${typed}):\n${report}`);
} else if (report.trim()) {
  process.stdout.write(report);
}
if (scratch) remove(scratch);
process.exit(interrupted ? CODES[interrupted] : tested !== 0 ? tested : typed);

/**
 * The run's own temporary folder in memory, for the fixture sites, the sample's build and
 * everything else the suites make and remove: making and removing small files there costs far
 * less than on a disk (docs/performance.md, the tests). Only where the machine has such a
 * folder with room to spare, and the caller has not chosen a TMPDIR.
 */
function memoryScratch() {
  if (process.env.TMPDIR) return undefined;
  let free;
  try {
    const { bavail, bsize } = statfsSync(MEMORY);
    free = bavail * bsize;
  } catch {
    return undefined;
  }
  if (free < 2 * 2 ** 30) return onDisk(`it has ${Math.round(free / 2 ** 20)} MiB free, under 2 GiB`);
  const folder = path.join(MEMORY, `${PREFIX}${process.pid}`);
  try {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    // Anyone's, as /tmp is: a test runs a command as another user, whose tools want a folder there.
    chmodSync(folder, 0o1777);
    return folder;
  } catch (error) {
    return onDisk(error.message);
  }
}

/** Says why the run's temporary files are not in memory, in one line. */
function onDisk(why) {
  process.stderr.write(`${MEMORY} cannot hold the tests' temporary files (${why}): they go to the system's temporary folder, more slowly.\n`);
  return undefined;
}

/** The folders of earlier runs that were killed before they could remove their own. */
function removeAbandoned() {
  let names = [];
  try {
    names = readdirSync(MEMORY).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) remove(path.join(MEMORY, name));
  }
}

function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return error.code === "EPERM";
  }
}

/** Removes a run's folder; what cannot be removed (a file system a test mounted there) is said, not thrown. */
function remove(folder) {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    process.stderr.write(`Could not remove ${folder}: ${error.message}\n`);
  }
}
