// The project's own sample edition, built once for every suite that reads it (the browser
// suites, the HTML checker, the French edition's checks): three builds of it cost seconds of a
// suite that must stay short. Suites only read it.
//
// The build starts here and runs while the first suites do (the unit suites never need it);
// a suite that reads the sample waits for it with `builtSample()` (tests/fixtures/sample.ts).
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../../src/publish/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built sample site's folder: read it only after `builtSample()`. */
    sampleSite: string;
    /** Written when the build has finished: "ok", or the error it failed with. */
    sampleDone: string;
  }
}

export default async function buildSample(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // vitest runs a global setup for the root project and again for each project (unit,
  // integration, isolated) that inherits it: the sample would be built four times over. The
  // projects read what the root provides.
  if (!project.isRootProject()) return undefined;
  const temp = await mkdtemp(path.join(tmpdir(), "sahel-digest-sample-"));
  const output = path.join(temp, "site");
  const done = path.join(temp, "done");
  project.provide("sampleSite", output);
  project.provide("sampleDone", done);
  // Written whole under another name and renamed: a suite never reads half of it.
  const finish = async (status: string) => {
    await writeFile(`${done}.tmp`, status);
    await rename(`${done}.tmp`, done);
  };
  const building = buildSite({ root: process.cwd(), output }).then(
    () => finish("ok"),
    (error: unknown) => finish(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
  return async () => {
    await building;
    await rm(temp, { recursive: true, force: true });
  };
}
