// A worker thread that draws share cards (src/publish/share-image.ts), so that a build's
// second core draws them while this one renders pages: drawing is most of what a card costs.
// See card-drawer.ts.
import { parentPort } from "node:worker_threads";
import { pngOfCard } from "./share-image.ts";
import type { CardDrawn, CardToDraw } from "./card-drawer.ts";

parentPort?.on("message", ({ id, svg }: CardToDraw) => {
  let answer: CardDrawn;
  try {
    answer = { id, png: pngOfCard(svg) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
