// The last step of two kinds of page, done on a worker thread: a share card's SVG drawn as a PNG
// (resvg, 10 to 45 ms a card for laying out its text and encoding the PNG), and an email's
// stylesheet put into its style="" attributes (juice, a couple of milliseconds an email for
// parsing and writing its HTML again). The page that shows a card needs only its address, and
// nothing reads an email once written, so this thread hands them over and goes on rendering
// while the second core finishes them; each is written when it comes back. The build's own
// thread is what a large build waits on, Pagefind's processes leaving part of the second core
// idle. A small build, or a machine with one core, finishes them on this thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { pngOfCard } from "./share-image.ts";
import { prepareCardFonts } from "./card-fonts.ts";
import { inlineEmailStyles } from "../pages/email.ts";
import { Remembered } from "../core/remembered.ts";

/** A page's text to finish: a card's SVG to draw, or an email's HTML to inline the styles of. */
export type ToFinish = { readonly id: number; readonly svg: string } | { readonly id: number; readonly email: string };

export type Finished = { readonly id: number; readonly png: Uint8Array } | { readonly id: number; readonly html: string } | { readonly id: number; readonly error: string };

export interface Finisher {
  /** The card's PNG; its bytes may be shared with another build's, and are never to be changed. */
  draw(svg: string): Promise<Uint8Array>;
  inline(email: string): Promise<string>;
  /** Stops the worker, once everything asked for is finished (or failed). */
  close(): Promise<void>;
  /** How many pages the worker finished: none where this thread did all (a fallback gives the same bytes, so only this tells). */
  finishedByWorker(): number;
}

/** Fewer pages to finish than this are finished here: starting a worker and its renderer costs more. */
const WORTH_A_WORKER = 40;

/**
 * A card drawn on this thread (a small build's, or any on one core), or an email inlined here,
 * may be one an earlier build of this process finished. A process that builds small sites again
 * and again (the preview, the tests) draws the same cards and sends the same emails; the same
 * text gives the same bytes (fonts of our own, one stylesheet). The worker remembers none: it
 * lives for one build. At most this many of each, the last finished: a card's PNG is some
 * 20 KB, an email's text (both as written and as inlined) up to a few hundred KB.
 */
const cardsDrawn = new Remembered<Uint8Array>(200);
const emailsInlined = new Remembered<string>(50);
const drawHere = (svg: string) => cardsDrawn.get(svg, () => pngOfCard(svg));
const inlineHere = (email: string) => emailsInlined.get(email, () => inlineEmailStyles(email));

/** What the worker does with one page's text: the same as this thread would. */
export function finish(task: ToFinish): Finished {
  try {
    return "svg" in task ? { id: task.id, png: pngOfCard(task.svg) } : { id: task.id, html: inlineEmailStyles(task.email) };
  } catch (error) {
    return { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
}

export function startFinisher(expected: number): Finisher {
  const here: Finisher = { draw: async (svg) => (await prepareCardFonts(), drawHere(svg)), inline: async (email) => inlineHere(email), close: async () => {}, finishedByWorker: () => 0 };
  if (expected < WORTH_A_WORKER || availableParallelism() < 2) return here;
  // Started at the first page to finish: a build that links every card and email unchanged
  // from the published site starts none.
  let worker: Worker | undefined;
  let failed = false;
  let next = 0;
  let byWorker = 0;
  const waiting = new Map<number, { task: ToFinish; resolve: (done: Finished) => void }>();
  // A worker that fails, or stops, only costs the parallelism: this thread finishes what it did not.
  const finishHere = () => {
    failed = true;
    for (const [id, asked] of waiting) {
      waiting.delete(id);
      asked.resolve(finish(asked.task));
    }
  };
  const start = (): Worker | undefined => {
    try {
      // A JavaScript bootstrap: worker threads do not inherit the TypeScript loader.
      const started = new Worker(new URL("./finish-worker.mjs", import.meta.url));
      started.on("message", (answer: Finished) => {
        const asked = waiting.get(answer.id);
        if (!asked) return;
        waiting.delete(answer.id);
        byWorker++;
        asked.resolve(answer);
      });
      started.once("error", finishHere);
      started.once("exit", finishHere);
      return started;
    } catch {
      failed = true;
      return undefined;
    }
  };
  const ask = (task: { readonly svg: string } | { readonly email: string }): Promise<Finished> => {
    if (!failed) worker ??= start();
    const id = next++;
    const whole: ToFinish = { ...task, id };
    if (failed || !worker) return Promise.resolve(finish(whole));
    const running = worker;
    return new Promise((resolve) => {
      waiting.set(id, { task: whole, resolve });
      running.postMessage(whole);
    });
  };
  const answer = <T>(done: Finished, pick: (done: Finished) => T | undefined): T => {
    if ("error" in done) throw new Error(done.error);
    return pick(done)!;
  };
  return {
    draw: async (svg) => answer(await ask({ svg }), (done) => ("png" in done ? done.png : undefined)),
    inline: async (email) => answer(await ask({ email }), (done) => ("html" in done ? done.html : undefined)),
    finishedByWorker: () => byWorker,
    async close() {
      // Stopped on purpose: nothing is waiting, and its exit is not a failure.
      worker?.removeAllListeners("exit");
      await worker?.terminate();
    },
  };
}
