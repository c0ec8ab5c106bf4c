// One build at a time writes a site: `<output>.lock` names the build that holds it.
//
// Why not the operating system's own lock: Node 20 has no flock()/lockf() without a native
// addon, and a lock that dies with its process is exactly what is wanted. So the lock records
// the process id AND what identifies that process beyond its id: on Linux the boot it runs in
// (/proc/sys/kernel/random/boot_id) and its start time in clock ticks since boot (field 22 of
// /proc/<pid>/stat); elsewhere the start time `ps -o lstart=` gives. A process id is reused
// (after a reboot, pid 1 or any other is soon somebody else's), a process's start time in its
// boot is not: a lock whose process is missing, or is running but started at another time, was
// left by a build that is gone, and is taken over. A lock in the old form (a bare pid) is taken
// over too: nothing in it says whose it is. Where no start time can be read (Windows), the
// lock falls back to whether the pid runs at all.
import { execFileSync } from "node:child_process";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A build that another, still running, holds the site for. */
export class SiteBusyError extends Error {
  override name = "SiteBusyError";
}

/** What the lock file holds. */
interface LockRecord {
  readonly pid: number;
  /** processStart(pid) when the lock was taken; undefined where it cannot be read. */
  readonly started?: string;
}

/**
 * Takes `<output>.lock` for this build, or says which build has it; returns its release. A
 * lock left by a build that is gone (killed, the machine stopped or restarted) is taken over.
 */
export function lockOutput(output: string): () => void {
  const lock = `${output}.lock`;
  mkdirSync(path.dirname(output), { recursive: true });
  const mine = lockRecord(process.pid);
  const text = JSON.stringify(mine);
  // Written whole under another name, then linked into place: whoever reads the lock finds
  // a whole record, never a half-written one that would look stale.
  const temporary = `${lock}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  const busy = (holder: LockRecord | undefined) => new SiteBusyError(`Another build (process ${holder?.pid ?? "unknown"}) is writing ${output}; wait for it to finish, then build again.`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, lock);
        const release = () => {
          process.off("exit", release);
          // Only this build's own lock: never one another build took over meanwhile.
          if (readText(lock) === text) rmSync(lock, { force: true });
        };
        // A process ended mid-build (process.exit in a data file) lets its lock go too.
        process.once("exit", release);
        return release;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        // Another build took the lock between this one's look and its own try.
        if (attempt > 0) throw busy(parseRecord(readText(lock)));
      }
      const found = readText(lock);
      const holder = parseRecord(found);
      if (holder && holdsLock(holder)) throw busy(holder);
      // A stale lock is moved aside, not deleted: of two builds that judged it stale, only one
      // can move it. The other finds it gone and tries for the lock itself; and one that moved a
      // lock another build had just taken (not the stale one it read) puts it back.
      const aside = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        continue;
      }
      const moved = readText(aside);
      if (moved !== found) {
        try {
          linkSync(aside, lock);
        } catch {
          // A third build holds the lock by now: it is that build's.
        } finally {
          rmSync(aside, { force: true });
        }
        throw busy(parseRecord(moved));
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The record a lock taken by process `pid` holds (tests write one for a process of theirs). */
export function lockRecord(pid: number): LockRecord {
  const started = processStart(pid);
  return started === undefined ? { pid } : { pid, started };
}

/** Whether the process the record names is still the one that took the lock. */
function holdsLock(record: LockRecord): boolean {
  if (!isRunning(record.pid)) return false;
  const now = processStart(record.pid);
  // Start times readable here: the same process only if the same start.
  if (now !== undefined) return record.started === now;
  // None readable (Windows, or /proc hidden): a running pid is all there is to go on.
  return true;
}

function parseRecord(text: string | undefined): LockRecord | undefined {
  try {
    const value = JSON.parse(text ?? "") as Partial<LockRecord>;
    if (typeof value !== "object" || value === null || !Number.isInteger(value.pid) || (value.pid ?? 0) <= 0) return undefined;
    return typeof value.started === "string" ? { pid: value.pid!, started: value.started } : { pid: value.pid! };
  } catch {
    // A bare pid (the old form), or not a record at all: nothing says whose it is.
    return undefined;
  }
}

/**
 * When process `pid` started, as a string that another process with the same id, started
 * later or in another boot, cannot have; undefined if it cannot be read (or it is gone).
 */
export function processStart(pid: number): string | undefined {
  if (process.platform === "linux") {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat === undefined) return undefined;
    // The command's name, in parentheses, may hold spaces and parentheses: count after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Field 22 (starttime) is the 20th after the name.
    const ticks = fields[19];
    const boot = readText("/proc/sys/kernel/random/boot_id")?.trim() ?? "";
    return ticks ? `${boot}:${ticks}` : undefined;
  }
  if (process.platform === "win32") return undefined;
  try {
    const started = execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return started || undefined;
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
