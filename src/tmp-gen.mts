import { generateCorpus, writeCorpus } from "./bench/corpus.ts";
const [items, dir] = [Number(process.argv[2]), process.argv[3]!];
await writeCorpus(dir, generateCorpus({ items }));
console.log("written", items, dir);
