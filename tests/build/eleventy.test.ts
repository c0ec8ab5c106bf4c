// The contract between this project and Eleventy (src/publish/eleventy.ts): the configuration calls
// the plugin makes, the events it relies on and their order, what a build and a dry run
// write, and what the watcher does on a change and on a deletion. An Eleventy upgrade that
// changes any of it fails here, by name, rather than somewhere in the site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { askedForDryRun, buildOnce, startWatching, type EleventyConfig } from "../../src/publish/eleventy.ts";
import { pollUntil } from "../fixtures/wait.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sahel-eleventy-"));
  await mkdir(path.join(dir, "templates/css"), { recursive: true });
  await writeFile(path.join(dir, "templates/css/site.css"), "body { color: black }\n");
  await mkdir(path.join(dir, "content"), { recursive: true });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** What the plugin does to Eleventy's configuration, recording what Eleventy then calls. */
function recordingConfig(log: string[], output: string) {
  return (config: EleventyConfig) => {
    const used: (keyof EleventyConfig)[] = [
      "addPassthroughCopy", "addWatchTarget", "setInputDirectory", "setOutputDirectory", "setIncludesDirectory", "setLayoutsDirectory",
      "setDataDirectory", "setTemplateFormats", "setLibrary", "setWatchJavaScriptDependencies", "setChokidarConfig", "on",
    ];
    for (const name of used) expect(typeof config[name], `eleventyConfig.${name}`).toBe("function");
    expect(config.ignores, "eleventyConfig.ignores").toBeInstanceOf(Set);
    config.setInputDirectory(path.join(dir, "templates"));
    config.setOutputDirectory(output);
    config.setTemplateFormats(["njk"]);
    config.setDataDirectory("_no_eleventy_data");
    config.addPassthroughCopy({ [path.join(dir, "templates/css")]: "css" });
    config.addWatchTarget(path.join(dir, "content"));
    config.setWatchJavaScriptDependencies(false);
    config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
    config.on("eleventy.before", async () => void log.push("before"));
    config.on("eleventy.beforeWatch", (files) => void log.push(`beforeWatch ${files.map((f) => path.basename(f)).join(",")}`));
    config.on("eleventy.after", async ({ directories }) => void log.push(`after ${path.resolve(directories.output) === path.resolve(output) ? "output" : directories.output}`));
    return { pathPrefix: "/" };
  };
}

describe("Eleventy", () => {
  it("is the major version this contract was written for", () => {
    const { version } = JSON.parse(readFileSync(path.resolve("node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string };
    expect(version.split(".")[0]).toBe("3");
  });

  it("builds: before, then after with the output folder; the stylesheet copied; a dry run copies nothing", async () => {
    const log: string[] = [];
    const output = path.join(dir, "out");
    await buildOnce({ output, configure: recordingConfig(log, output) });
    expect(log).toEqual(["before", "after output"]);
    expect(await readdir(path.join(output, "css"))).toEqual(["site.css"]);

    const dry = path.join(dir, "dry");
    const dryLog: string[] = [];
    await buildOnce({ output: dry, dryRun: true, configure: recordingConfig(dryLog, dry) });
    expect(dryLog).toEqual(["before", "after output"]);
    expect(await readdir(dir)).not.toContain("dry");
  });

  it("watches: a change rebuilds with its file named, and so does a deletion", async () => {
    const log: string[] = [];
    const events: string[] = [];
    const output = path.join(dir, "watched");
    const watching = await startWatching({ output, serving: false, pathPrefix: "/", configure: recordingConfig(log, output) });
    try {
      watching.onFileEvent((event, file) => void events.push(`${event} ${path.basename(file)}`));
      expect(log).toEqual(["before", "after output"]);
      const file = path.join(dir, "content/item.md");
      // The watcher says it is ready a little before it listens (see src/publish/preview.ts's catch-up):
      // save again until it hears.
      let saves = 0;
      const heard = () => log.includes("beforeWatch item.md") && log.at(-1) === "after output";
      const saveUntilHeard = async () => {
        if (heard()) return true;
        if (saves++ % 10 === 0) await writeFile(file, `change ${saves}\n`);
        return false;
      };
      expect(await pollUntil(saveUntilHeard, 20_000, 50), log.join(" | ")).toBe(true);
      const rebuilds = log.filter((entry) => entry === "before").length;
      await unlink(file);
      // Eleventy 3 alone logs a deletion without rebuilding; the adapter rebuilds.
      expect(await pollUntil(() => log.filter((entry) => entry === "before").length > rebuilds && log.at(-1) === "after output", 20_000), log.join(" | ")).toBe(true);
      expect(events.filter((event) => /^(add|change) item\.md$/.test(event)).length).toBeGreaterThan(0);
      expect(events).toContain("unlink item.md");
    } finally {
      await watching.stop();
    }
  });

  it("reads Eleventy's own --dryrun from its command line as Eleventy does, the last one given winning", () => {
    expect(askedForDryRun(["--dryrun"])).toBe(true);
    expect(askedForDryRun(["--quiet", "--dryrun=true"])).toBe(true);
    expect(askedForDryRun(["--serve"])).toBe(false);
    expect(askedForDryRun(["--dryrun", "--no-dryrun"])).toBe(false);
    expect(askedForDryRun(["--dryrun=false"])).toBe(false);
    expect(askedForDryRun(["--", "--dryrun"])).toBe(false);
  });

  // The whole sample rendered, as .eleventy.js builds this project's own content: longer than
  // one test's usual limit on a busy machine.
  it("through .eleventy.js, as `npx @11ty/eleventy --dryrun` runs it: renders the sample and writes nothing", { timeout: 180_000 }, async () => {
    // @ts-expect-error .eleventy.js is plain JavaScript, for Eleventy's own command line.
    const { default: dotEleventy } = (await import("../../.eleventy.js")) as { default: (config: EleventyConfig) => Promise<unknown> };
    const output = path.join(dir, "dry-cli");
    const saved = { argv: process.argv, mode: process.env.ELEVENTY_RUN_MODE };
    // What Eleventy's command line leaves for the config file to read: its arguments, and the
    // run mode, which Eleventy sets only after a configuration callback has run.
    process.argv = [...saved.argv.slice(0, 2), "--dryrun"];
    process.env.ELEVENTY_RUN_MODE = "build";
    try {
      await buildOnce({ output, dryRun: true, configure: dotEleventy });
    } finally {
      process.argv = saved.argv;
      if (saved.mode === undefined) delete process.env.ELEVENTY_RUN_MODE;
      else process.env.ELEVENTY_RUN_MODE = saved.mode;
    }
    expect(await readdir(dir)).not.toContain("dry-cli");
  });
});
