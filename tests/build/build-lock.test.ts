// The build's lock on _site/ (src/publish/build-lock.ts): held by a live build of this project,
// or not held. A process id alone says nothing after a reboot: pid 1, or any other, then
// belongs to another process, and a lock that named it refused every build for ever (issue 26).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../../src/publish/build.ts";
import { lockRecord } from "../../src/publish/build-lock.ts";
import { describeFailure } from "../../src/core/problems.ts";
import { createFixture } from "../fixtures/content.ts";

let fixture: { root: string; remove: () => Promise<void> };
let output: string;
let holder: ChildProcess;
const build = () => buildSite({ root: fixture.root, search: false, reuse: false }).then(() => undefined, (error: unknown) => describeFailure(error));

beforeAll(async () => {
  fixture = await createFixture({ items: [{ path: "2020/one", title: "One", date: "2020-12-01", countries: ["mali"] }] });
  output = path.join(fixture.root, "_site");
  // A live process that is no build: what a recorded pid belongs to after a reboot.
  holder = spawn("sleep", ["60"], { stdio: "ignore" });
});
afterAll(async () => {
  if (holder.exitCode === null && holder.signalCode === null) {
    const gone = new Promise((resolve) => holder.once("exit", resolve));
    holder.kill();
    await gone;
  }
  await fixture?.remove();
});

describe("the build's lock", () => {
  it("is taken over when the pid it names now belongs to another live process (pid 1 after a reboot)", async () => {
    await writeFile(`${output}.lock`, "1");
    expect(await build()).toBeUndefined();
    await expect(readFile(`${output}.lock`, "utf8")).rejects.toThrow();
  });

  it("is taken over when the live process it names started at another time than the build that took it", async () => {
    await writeFile(`${output}.lock`, JSON.stringify({ ...lockRecord(holder.pid!), started: "another boot:12345" }));
    expect(await build()).toBeUndefined();
  });

  it("stops a build while the process that took it runs, naming it", async () => {
    await writeFile(`${output}.lock`, JSON.stringify(lockRecord(holder.pid!)));
    expect(await build()).toBe(`Another build (process ${holder.pid}) is writing ${output}; wait for it to finish, then build again.`);
    // Left for its holder.
    expect(JSON.parse(await readFile(`${output}.lock`, "utf8")).pid).toBe(holder.pid);
  });
});
