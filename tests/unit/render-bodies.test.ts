import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startBodyRenderer } from "../../src/load/render-bodies.ts";
import { renderMarkdown } from "../../src/markdown.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("startBodyRenderer", () => {
  it("renders many bodies on two threads, in order", async () => {
    const bodies = Array.from({ length: 900 }, (_, i) => `# Item ${i}\n\nBody *${i}*.`);
    expect(await startBodyRenderer(bodies.length).render(bodies)).toEqual(bodies.map(renderMarkdown));
  });

  it("does not keep a process alive when loading fails before the bodies are rendered", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sahel-digest-worker-"));
    dirs.push(dir);
    const script = path.join(dir, "unused-worker.mts");
    await writeFile(script, `import { startBodyRenderer } from ${JSON.stringify(path.resolve("src/load/render-bodies.ts"))};\nstartBodyRenderer(1000);\nconsole.log("done");\n`);
    // Without the fix the worker held the process open for ever; the timeout would kill it.
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), [script], { timeout: 30_000 });
    expect(stdout.trim()).toBe("done");
  });
});
