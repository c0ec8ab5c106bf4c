// Draws share cards on a worker thread: each costs several milliseconds of resvg (laying out
// and drawing its text), a thousand of them at a large archive, while the page that shows a
// card needs only its address. The writer hands each card's SVG over and writes the PNG when
// it comes back; a small build, or a machine with one core, draws them on this thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { pngOfCard } from "./share-image.ts";

export interface CardToDraw {
  readonly id: number;
  readonly svg: string;
}

export type CardDrawn = { readonly id: number; readonly png: Uint8Array } | { readonly id: number; readonly error: string };

export interface CardDrawer {
  draw(svg: string): Promise<Uint8Array>;
  /** Stops the worker, once every card asked for is drawn (or failed). */
  close(): Promise<void>;
}

/** Fewer cards than this are drawn here: starting a worker and its renderer costs more. */
const WORTH_A_WORKER = 40;

export function startCardDrawer(expected: number): CardDrawer {
  const here: CardDrawer = { draw: async (svg) => pngOfCard(svg), close: async () => {} };
  if (expected < WORTH_A_WORKER || availableParallelism() < 2) return here;
  // Started at the first card to draw: a build that links every card unchanged from the
  // published site starts none.
  let worker: Worker | undefined;
  let failed = false;
  let next = 0;
  const waiting = new Map<number, { svg: string; resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  // A worker that fails, or stops, only costs the parallelism: this thread draws what it did not.
  const drawHere = () => {
    failed = true;
    for (const [id, asked] of waiting) {
      waiting.delete(id);
      try {
        asked.resolve(pngOfCard(asked.svg));
      } catch (error) {
        asked.reject(error as Error);
      }
    }
  };
  const start = (): Worker | undefined => {
    try {
      // A JavaScript bootstrap: worker threads do not inherit the TypeScript loader.
      const started = new Worker(new URL("./card-worker.mjs", import.meta.url));
      started.on("message", (answer: CardDrawn) => {
        const asked = waiting.get(answer.id);
        if (!asked) return;
        waiting.delete(answer.id);
        if ("png" in answer) asked.resolve(answer.png);
        else asked.reject(new Error(answer.error));
      });
      started.once("error", drawHere);
      started.once("exit", drawHere);
      return started;
    } catch {
      failed = true;
      return undefined;
    }
  };
  return {
    draw(svg) {
      if (!failed) worker ??= start();
      if (failed || !worker) return here.draw(svg);
      const running = worker;
      return new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { svg, resolve, reject });
        running.postMessage({ id, svg } satisfies CardToDraw);
      });
    },
    async close() {
      // Stopped on purpose: nothing is waiting, and its exit is not a failure.
      worker?.removeAllListeners("exit");
      await worker?.terminate();
    },
  };
}
