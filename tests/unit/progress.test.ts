// The build's progress line (src/cli/progress.ts): nothing for a short build, then what it is
// doing and how far along, not more often than it can be read, and erased at the end.
import { describe, expect, it } from "vitest";
import { describeProgress, ProgressLine } from "../../src/cli/progress.ts";

function line() {
  let time = 0;
  const written: string[] = [];
  const progress = new ProgressLine((text) => written.push(text), () => time, { after: 1000, every: 200 });
  return { progress, written, at: (ms: number) => (time = ms) };
}

describe("the build's progress line", () => {
  it("says what the build does and how far along, with the counts written out", () => {
    expect(describeProgress({ step: "reading", done: 4000, total: 10000 })).toBe("Reading items 4,000 of 10,000…");
    expect(describeProgress({ step: "writing", done: 12148, total: 12148 })).toBe("Writing pages 12,148 of 12,148…");
    expect(describeProgress({ step: "grouping" })).toMatch(/^Grouping/);
    expect(describeProgress({ step: "indexing" })).toMatch(/search index/);
  });

  it("shows nothing in a build's first second", () => {
    const { progress, written, at } = line();
    at(999);
    progress.update({ step: "reading", done: 10, total: 100 });
    progress.clear();
    expect(written).toEqual([]);
  });

  it("then rewrites one line, at most every 200 ms within a step, at once for a new step, and erases it", () => {
    const { progress, written, at } = line();
    at(1000);
    progress.update({ step: "reading", done: 10, total: 100 });
    at(1100);
    progress.update({ step: "reading", done: 20, total: 100 });
    at(1150);
    progress.update({ step: "grouping" });
    at(1300);
    progress.update({ step: "writing", done: 5, total: 50 });
    at(1350);
    progress.update({ step: "writing", done: 6, total: 50 });
    progress.clear();
    expect(written).toEqual([
      "\r\u001b[KReading items 10 of 100…",
      "\r\u001b[KGrouping the items into issues, countries, tags and feeds…",
      "\r\u001b[KWriting pages 5 of 50…",
      "\r\u001b[K",
    ]);
  });
});
