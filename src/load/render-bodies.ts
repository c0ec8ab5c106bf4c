// Renders many Markdown bodies on two cores: a worker thread takes half while this thread
// renders the other half. Markdown is the largest single cost of loading a large archive.
// The worker is started before the items are parsed, so that its start-up (half a second)
// overlaps that work; small batches stay on this thread, where a worker would not pay off.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { renderMarkdown } from "../markdown.ts";

const WORTH_A_WORKER = 400;

export interface BodyRenderer {
  render(bodies: readonly string[]): Promise<string[]>;
}

/** `expected`: about how many bodies will be rendered, to decide whether a worker pays off. */
export function startBodyRenderer(expected: number): BodyRenderer {
  if (expected < WORTH_A_WORKER || availableParallelism() < 2) return { render: async (bodies) => bodies.map(renderMarkdown) };
  let worker: Worker | undefined;
  let failed: Promise<unknown> = new Promise(() => {});
  try {
    // A JavaScript bootstrap: worker threads do not inherit the TypeScript loader.
    worker = new Worker(new URL("./markdown-worker.mjs", import.meta.url));
    // Should loading fail before the bodies are rendered, the worker must not keep the
    // process alive: it is referenced only while a render waits for it.
    worker.unref();
    failed = new Promise((resolve) => worker!.once("error", resolve));
  } catch {
    worker = undefined;
  }
  return {
    async render(bodies) {
      if (!worker) return bodies.map(renderMarkdown);
      const split = Math.floor(bodies.length / 2);
      try {
        const theirs = new Promise<string[] | undefined>((resolve) => {
          worker!.once("message", resolve);
          void failed.then(() => resolve(undefined));
        });
        // Awaited now: the worker must keep the process alive until it answers.
        worker.ref();
        worker.postMessage(bodies.slice(split));
        const ours = bodies.slice(0, split).map(renderMarkdown);
        // A worker that could not start only costs the parallelism.
        const rest = (await theirs) ?? bodies.slice(split).map(renderMarkdown);
        return [...ours, ...rest];
      } finally {
        void worker.terminate();
      }
    },
  };
}
