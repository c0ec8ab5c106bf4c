// Worker threads start without the TypeScript loader the main thread has: this registers
// tsx's, then loads the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./finish-worker.ts");
