// Renders many Markdown bodies on two cores. Markdown is the largest single cost of loading a
// large archive, and reading and checking the items is the next: so the worker thread renders
// bodies while this thread is still reading the items, not only after.
//
// Bodies go to the worker in chunks as they are read. A counter shared by both threads names
// the next chunk nobody has claimed: the worker claims chunks it holds while this thread
// reads; once everything is read, this thread claims the rest too, so the two finish together
// whatever their speeds. Each chunk is rendered exactly once, by whoever claimed it.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { renderMarkdown } from "../markdown.ts";

/**
 * Bodies an earlier build rendered, by the hash of their file: the loader asks here before it
 * renders one, and tells what it rendered. A production build keeps them between builds
 * (BodyCache, src/publish/build-cache.ts).
 */
export interface KeptBodies {
  readonly size: number;
  get(fingerprint: string | undefined): string | undefined;
  set(fingerprint: string | undefined, html: string): void;
}

const WORTH_A_WORKER = 400;
/** Bodies a chunk holds: small enough to share the end out evenly, large enough that messages cost nothing. */
export const CHUNK = 32;

export interface BodyRenderer {
  /** Takes a body to render; bodies come back from `finish` in the order they were added. */
  add(body: string): void;
  /** Every body added, rendered. */
  finish(): Promise<string[]>;
  /** Chunks claimed so far by either thread: how far rendering has got while bodies are added. */
  claimed(): number;
}

/** What the worker sends back: one chunk rendered. */
export interface RenderedChunk {
  readonly chunk: number;
  readonly html: string[];
}

/** `expected`: about how many bodies will be rendered, to decide whether a worker pays off. */
export function startBodyRenderer(expected: number): BodyRenderer {
  if (expected < WORTH_A_WORKER || availableParallelism() < 2) return onThisThread();
  const claims = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    // A JavaScript bootstrap: worker threads do not inherit the TypeScript loader.
    worker = new Worker(new URL("./markdown-worker.mjs", import.meta.url), { workerData: { claims: claims.buffer } });
  } catch {
    return onThisThread();
  }
  const results: RenderedChunk[] = [];
  let arrived: () => void = () => {};
  let failed = false;
  worker.on("message", (result: RenderedChunk) => {
    results.push(result);
    arrived();
  });
  worker.once("error", () => {
    // A worker that fails only costs the parallelism: this thread renders what it did not.
    failed = true;
    arrived();
  });
  // Should loading fail before `finish`, the worker must not keep the process alive: it is
  // referenced only while `finish` waits for it. (After the listeners: adding one refers it.)
  worker.unref();

  const chunks: string[][] = [];
  let open: string[] = [];
  const post = () => {
    chunks.push(open);
    if (!failed) worker.postMessage(open);
    open = [];
  };
  return {
    add(body) {
      open.push(body);
      if (open.length === CHUNK) post();
    },
    async finish() {
      if (open.length) post();
      const html: string[][] = new Array(chunks.length);
      try {
        worker.ref();
        let ours = 0;
        for (let chunk = Atomics.add(claims, 0, 1); chunk < chunks.length; chunk = Atomics.add(claims, 0, 1)) {
          html[chunk] = chunks[chunk]!.map(renderMarkdown);
          ours++;
        }
        // Every chunk is now claimed; wait for those the worker has.
        while (!failed && results.length + ours < chunks.length) await new Promise<void>((resolve) => (arrived = resolve));
        for (const result of results) html[result.chunk] = result.html;
        chunks.forEach((bodies, chunk) => (html[chunk] ??= bodies.map(renderMarkdown)));
        return html.flat();
      } finally {
        void worker.terminate();
      }
    },
    claimed: () => Math.min(Atomics.load(claims, 0), chunks.length),
  };
}

function onThisThread(): BodyRenderer {
  const bodies: string[] = [];
  return {
    add: (body) => void bodies.push(body),
    finish: async () => bodies.map(renderMarkdown),
    claimed: () => 0,
  };
}
