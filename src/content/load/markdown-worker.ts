// A worker thread that renders item bodies, so that a large build uses a second core. It
// claims, from the counter it shares with the main thread, chunks it has received, renders
// them and sends them back. See render-bodies.ts.
import { parentPort, workerData } from "node:worker_threads";
import { renderMarkdown } from "../markdown.ts";
import type { RenderedChunk } from "./render-bodies.ts";

const claims = new Int32Array((workerData as { claims: SharedArrayBuffer }).claims);
const chunks: (string[] | undefined)[] = [];

parentPort?.on("message", (bodies: string[]) => {
  chunks.push(bodies);
  for (;;) {
    const next = Atomics.load(claims, 0);
    if (next >= chunks.length) return; // not received yet, or the main thread has it
    if (Atomics.compareExchange(claims, 0, next, next + 1) !== next) continue; // the main thread took it first
    const result: RenderedChunk = { chunk: next, html: chunks[next]!.map(renderMarkdown) };
    chunks[next] = undefined;
    parentPort!.postMessage(result);
  }
});
