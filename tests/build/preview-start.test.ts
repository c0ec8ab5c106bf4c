// A save made while the preview's first build runs: the watcher starts only after that build,
// so without the preview's catch-up the save would never reach the site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createFixture, writeItem, type FixtureItem } from "../fixtures/content.ts";
import { startPreviewProcess, until, type RunningPreview } from "../fixtures/preview.ts";

// Enough items that writing the first build's pages takes a while after the items are read.
const items: FixtureItem[] = Array.from({ length: 1500 }, (_, i) => ({
  path: `2020/item-${String(i).padStart(4, "0")}`,
  title: `Item ${i}`,
  date: `2020-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  countries: [i % 2 ? "mali" : "niger"],
}));
const target = items[0]!;

let fixture: { root: string; remove: () => Promise<void> };
let preview: RunningPreview | undefined;
const page = (item: FixtureItem) => path.join(fixture.root, "_preview/articles", item.path, "index.html");

beforeAll(async () => {
  fixture = await createFixture({ items });
});
afterAll(async () => {
  await preview?.stop();
  await fixture?.remove();
});

describe("the preview's first build", () => {
  it("does not lose a save made while it runs", async () => {
    preview = await startPreviewProcess(fixture.root, { watchOnly: true });
    const log = () => preview!.log();
    // Its first pages are written: every item has been read, the watcher has not started.
    const articles = path.join(fixture.root, "_preview/articles/2020");
    await until("the first pages", () => readdir(articles).then((names) => names.length > 0, () => false), log, 60_000);
    const readyBeforeTheSave = log().includes("[preview] Ready");
    await writeItem(fixture.root, { ...target, title: "Saved during the first build" });
    expect(readyBeforeTheSave, "the save must come before the watcher is ready, or this tests nothing").toBe(false);
    await until("the save on its page", () => readFile(page(target), "utf8").then((html) => html.includes("Saved during the first build"), () => false), log);
  });
});
