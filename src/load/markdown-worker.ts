// A worker thread that renders item bodies, so that a large build uses a second core.
import { parentPort } from "node:worker_threads";
import { renderMarkdown } from "../markdown.ts";

parentPort?.on("message", (bodies: string[]) => {
  parentPort?.postMessage(bodies.map(renderMarkdown));
});
