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
  let worker: Worker;
  try {
    // A JavaScript bootstrap: worker threads do not inherit the TypeScript loader.
    worker = new Worker(new URL("./card-worker.mjs", import.meta.url));
  } catch {
    return here;
  }
  const waiting = new Map<number, { svg: string; resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  let failed = false;
  let next = 0;
  worker.on("message", (answer: CardDrawn) => {
    const asked = waiting.get(answer.id);
    if (!asked) return;
    waiting.delete(answer.id);
    if ("png" in answer) asked.resolve(answer.png);
    else asked.reject(new Error(answer.error));
  });
  worker.once("error", () => {
    // A worker that fails only costs the parallelism: this thread draws what it did not.
    failed = true;
    for (const [id, asked] of waiting) {
      waiting.delete(id);
      try {
        asked.resolve(pngOfCard(asked.svg));
      } catch (error) {
        asked.reject(error as Error);
      }
    }
  });
  return {
    draw(svg) {
      if (failed) return here.draw(svg);
      return new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { svg, resolve, reject });
        worker.postMessage({ id, svg } satisfies CardToDraw);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
