// The build's lock on _site/ (src/publish/build-lock.ts): held by a live build of this project,
// or not held. A process id alone says nothing after a reboot: pid 1, or any other, then
// belongs to another process, and a lock that named it refused every build for ever (issue 26).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { lockOutput, lockRecord } from "../../src/publish/build-lock.ts";
import { describeFailure } from "../../src/core/problems.ts";

let folder: string;
let output: string;
let holder: ChildProcess;
/** Takes the lock and lets it go: undefined, or what a build would have been told. */
const take = () => {
  try {
    lockOutput(output)();
    return undefined;
  } catch (error) {
    return describeFailure(error);
  }
};

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "sahel-lock-"));
  output = path.join(folder, "_site");
  // A live process that is no build: what a recorded pid belongs to after a reboot.
  holder = spawn("sleep", ["60"], { stdio: "ignore" });
});
afterAll(async () => {
  if (holder.exitCode === null && holder.signalCode === null) {
    const gone = new Promise((resolve) => holder.once("exit", resolve));
    holder.kill();
    await gone;
  }
  await rm(folder, { recursive: true, force: true });
});

describe("the build's lock", () => {
  it("is taken over when the pid it names now belongs to another live process (pid 1 after a reboot), or is a bare pid of the old form", async () => {
    for (const stale of [JSON.stringify({ ...lockRecord(1), started: "another boot:1" }), "1"]) {
      await writeFile(`${output}.lock`, stale);
      expect(take(), stale).toBeUndefined();
      await expect(readFile(`${output}.lock`, "utf8")).rejects.toThrow();
    }
  });

  it("is taken over when the live process it names started at another time than the build that took it", async () => {
    await writeFile(`${output}.lock`, JSON.stringify({ ...lockRecord(holder.pid!), started: "another boot:12345" }));
    expect(take()).toBeUndefined();
  });

  it("stops a build while the process that took it runs, naming it", async () => {
    await writeFile(`${output}.lock`, JSON.stringify(lockRecord(holder.pid!)));
    expect(take()).toBe(`Another build (process ${holder.pid}) is writing ${output}; wait for it to finish, then build again.`);
    // Left for its holder.
    expect(JSON.parse(await readFile(`${output}.lock`, "utf8")).pid).toBe(holder.pid);
    await rm(`${output}.lock`);
  });
});
