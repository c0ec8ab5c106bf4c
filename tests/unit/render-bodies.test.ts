import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CHUNK, startBodyRenderer } from "../../src/content/load/render-bodies.ts";
import { renderMarkdown } from "../../src/content/markdown.ts";
import { pollUntil } from "../fixtures/wait.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("startBodyRenderer", () => {
  const bodiesOf = (count: number) => Array.from({ length: count }, (_, i) => `# Item ${i}\n\nBody *${i}* [link](https://a.example/${i}) https://b.example/${i}`);
  const renderAll = async (bodies: readonly string[]) => {
    const renderer = startBodyRenderer(bodies.length);
    bodies.forEach((body) => renderer.add(body));
    return renderer.finish();
  };

  it("renders many bodies on two threads, in order, the last chunk a short one", async () => {
    const bodies = bodiesOf(CHUNK * 40 + 7);
    expect(await renderAll(bodies)).toEqual(bodies.map(renderMarkdown));
  });

  it("renders a few bodies on this thread, in order", async () => {
    const bodies = bodiesOf(5);
    expect(await renderAll(bodies)).toEqual(bodies.map(renderMarkdown));
    expect(await renderAll([])).toEqual([]);
  });

  it("starts rendering while bodies are still being added", async () => {
    const bodies = bodiesOf(CHUNK * 40);
    const renderer = startBodyRenderer(bodies.length);
    bodies.forEach((body) => renderer.add(body));
    // The worker claims chunks before `finish` is called (bounded wait, not a timing).
    await pollUntil(() => renderer.claimed() > 0, 30_000, 20);
    expect(renderer.claimed()).toBeGreaterThan(0);
    expect(await renderer.finish()).toEqual(bodies.map(renderMarkdown));
  });

  it("does not keep a process alive when loading fails before the bodies are rendered", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sahel-digest-worker-"));
    dirs.push(dir);
    const script = path.join(dir, "unused-worker.mts");
    await writeFile(script, `import { startBodyRenderer } from ${JSON.stringify(path.resolve("src/content/load/render-bodies.ts"))};\nconst renderer = startBodyRenderer(1000);\nfor (let i = 0; i < 500; i++) renderer.add("# Body " + i);\nconsole.log("done");\n`);
    // Without the fix the worker held the process open for ever; the timeout would kill it.
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), [script], { timeout: 30_000 });
    expect(stdout.trim()).toBe("done");
  });
});
