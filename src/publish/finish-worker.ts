// A worker thread that finishes pages (src/publish/finisher.ts): draws share cards and inlines
// emails' styles, so that a build's second core does it while this one renders pages.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import { prepareCardFonts } from "./card-fonts.ts";
import { finish, type ToFinish } from "./finisher.ts";

// Each drawing holds its fonts and its image in resvg's own memory, which V8 does not see and
// frees only once it has collected the small object that holds them, in a later turn of the
// event loop. This thread makes little else for V8 to collect, and is handed cards faster than
// it draws them (a port's messages all come in one turn): without a collection now and then,
// and a turn between cards, a thousand cards' memory stayed held (1.3 GB at 10,000 items).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const CARDS_A_COLLECTION = 64;
let drawn = 0;
const queue: ToFinish[] = [];
// The first card waits for the fonts' small copies: read from the cache in a moment, or cut
// once a machine.
let ready = false;
void prepareCardFonts().then(() => {
  ready = true;
  if (queue.length) setImmediate(finishNext);
});

function finishNext(): void {
  const task = queue.shift()!;
  parentPort!.postMessage(finish(task));
  if ("svg" in task && ++drawn % CARDS_A_COLLECTION === 0) collect();
  if (queue.length) setImmediate(finishNext);
}

parentPort?.on("message", (task: ToFinish) => {
  queue.push(task);
  if (ready && queue.length === 1) setImmediate(finishNext);
});
