// The project's own sample edition, built once for every suite that reads it (the browser
// suites, the HTML checker): three builds of it cost seconds of a suite that must stay short.
// Suites only read it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../../src/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built sample site's folder. */
    sampleSite: string;
  }
}

export default async function buildSample(project: TestProject): Promise<() => Promise<void>> {
  const temp = await mkdtemp(path.join(tmpdir(), "sahel-digest-sample-"));
  const site = (await buildSite({ root: process.cwd(), output: path.join(temp, "site") })).output;
  project.provide("sampleSite", site);
  return () => rm(temp, { recursive: true, force: true });
}
