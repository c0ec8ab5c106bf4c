// Child process of the benchmark: the plain markdown-it loop over <content> into <output>.
import { markdownLoop } from "./markdown-loop.ts";

const [content, output] = process.argv.slice(2);
if (!content || !output) throw new Error("usage: loop-cli.ts <content dir> <output dir>");
markdownLoop(content, output);
