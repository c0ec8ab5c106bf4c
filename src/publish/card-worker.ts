// A worker thread that draws share cards (src/publish/share-image.ts), so that a build's
// second core draws them while this one renders pages: drawing is most of what a card costs.
// See card-drawer.ts.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import { pngOfCard } from "./share-image.ts";
import type { CardDrawn, CardToDraw } from "./card-drawer.ts";

// Each drawing holds its fonts and its image in resvg's own memory, which V8 does not see and
// frees only once it has collected the small object that holds them, in a later turn of the
// event loop. This thread makes little else for V8 to collect, and is handed cards faster than
// it draws them (a port's messages all come in one turn): without a collection now and then,
// and a turn between cards, a thousand cards' memory stayed held (1.3 GB at 10,000 items).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const CARDS_A_COLLECTION = 64;
let drawn = 0;
const queue: CardToDraw[] = [];

function drawNext(): void {
  const { id, svg } = queue.shift()!;
  let answer: CardDrawn;
  try {
    answer = { id, png: pngOfCard(svg) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
  if (++drawn % CARDS_A_COLLECTION === 0) collect();
  if (queue.length) setImmediate(drawNext);
}

parentPort?.on("message", (card: CardToDraw) => {
  queue.push(card);
  if (queue.length === 1) setImmediate(drawNext);
});
