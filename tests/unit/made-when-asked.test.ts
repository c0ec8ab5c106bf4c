// The digest's groupings are made when a page first asks for them, once (src/digest/made-when-asked.ts).
import { describe, expect, it } from "vitest";
import { madeWhenAsked } from "../../src/digest/made-when-asked.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { modelContent, modelItem } from "../fixtures/model.ts";

interface Counted {
  readonly one: number[];
  readonly two: number;
  readonly loop: number;
  readonly around: number;
  readonly broken: number;
}

describe("fields made when asked", () => {
  const table = (calls: string[]) => ({
    one: (scope: number) => (calls.push("one"), [scope]),
    two: (_scope: number, whole: Counted) => (calls.push("two"), whole.one[0]! * 2),
    loop: (_scope: number, whole: Counted) => whole.around,
    around: (_scope: number, whole: Counted) => whole.loop,
    broken: () => {
      calls.push("broken");
      throw new Error("broken on purpose");
    },
  });

  it("are made the first time they are read, once, from the fields they read", () => {
    const calls: string[] = [];
    const made = madeWhenAsked<number, Counted>(table(calls), 21, { base: true });
    expect(calls).toEqual([]);
    expect(made.two).toBe(42);
    expect(made.one).toBe(made.one);
    expect(made.two).toBe(42);
    expect(calls).toEqual(["two", "one"]);
    expect((made as unknown as { base: boolean }).base).toBe(true);
  });

  it("say which field asks for itself, and let a maker that threw throw its own error again", () => {
    const calls: string[] = [];
    const made = madeWhenAsked<number, Counted>(table(calls), 1, {});
    expect(() => made.loop).toThrow(/grouping "loop" asks for itself/);
    expect(() => made.broken).toThrow("broken on purpose");
    expect(() => made.broken).toThrow("broken on purpose");
    expect(calls).toEqual(["broken", "broken"]);
  });

  it("leave a built digest's groupings unmade until a page reads them", () => {
    const digest = buildDigest(modelContent([modelItem("mali-one", "2020-11-30", ["mali"])]), { preview: true });
    expect(Object.getOwnPropertyDescriptor(digest, "feeds")?.get).toBeTypeOf("function");
    expect(digest.preview).toBe(true);
    expect(digest.feeds.all.length).toBeGreaterThan(0);
    expect(Object.getOwnPropertyDescriptor(digest, "feeds")?.value).toBe(digest.feeds);
  });
});
