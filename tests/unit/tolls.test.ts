// Tolls as the sources give them (src/content/toll.ts) and sums that carry their uncertainty
// (src/digest/tolls.ts): the rules, one by one, and the editor's mistakes in plain words.
import { describe, expect, it } from "vitest";
import { parseToll, tollSchema, type Toll } from "../../src/content/toll.ts";
import { countedToll, disputedToll, incidentTollInWords, sumTolls, tollColumns, tollInWords } from "../../src/digest/tolls.ts";
import { english, shippedCatalogue } from "../fixtures/words.ts";

const french = shippedCatalogue("fr");

const exact = (n: number): Toll => ({ kind: "exact", min: n, max: n });
const atLeast = (n: number): Toll => ({ kind: "at-least", min: n });
const about = (n: number): Toll => ({ kind: "about", min: n, max: n });
const range = (min: number, max: number): Toll => ({ kind: "range", min, max });
const wordsOnly = (words: string): Toll => ({ kind: "not-given", words });

describe("what an editor writes", () => {
  it.each([
    [12, exact(12)],
    [0, exact(0)],
    ["12", exact(12)],
    ["at least 50", atLeast(50)],
    ["about 30", about(30)],
    ["19-20", range(19, 20)],
    ["19–20", range(19, 20)],
    [{ toll: "at least 50", words: "more than 50" }, { ...atLeast(50), words: "more than 50" }],
    [{ words: "several dozen" }, wordsOnly("several dozen")],
  ] as const)("%j is read as the source gives it", (written, toll) => {
    expect(tollSchema.parse(written)).toEqual(toll);
  });

  const problem = (written: unknown) => {
    const result = tollSchema.safeParse(written);
    return result.success ? undefined : result.error.issues.map((i) => i.message).join("; ");
  };
  it("refuses an approximate figure not written as about, saying the rule", () => {
    expect(problem("some 20")).toBe('"some 20" is not written as a toll: a toll is only what the source reports. If the source gives about 20, write "about 20" (shown as about, never added up as exact); if it gives a lowest figure, write it as "at least N"; if it gives no figure, leave fatalities out. Keep its words with { toll: "about 20", words: "some 20" }');
    expect(problem("around 100")).toMatch(/If the source gives about 100, write "about 100"/);
  });
  it("refuses a lower bound not written as at least", () => {
    expect(problem("more than 50")).toBe('"more than 50" is a lower bound: write it as "at least 50", and keep the source\'s words in { toll: "at least 50", words: "more than 50" }');
    expect(problem("50+")).toMatch(/lower bound: write it as "at least 50"/);
  });
  it("refuses a range upside down, or of one figure", () => {
    expect(problem("20-19")).toBe('is a range upside down: write the lower figure first, "19-20"');
    expect(problem("20-20")).toBe("is a range of one figure: write 20");
  });
  it("refuses words where a figure is expected, an empty toll, a negative or broken number", () => {
    expect(problem("several dozen")).toBe('has no figure: leave it out, or keep the source\'s words with { words: "several dozen" }');
    expect(problem({})).toMatch(/^is empty/);
    expect(problem(-0)).toBe("must not be negative: write 0");
    expect(problem(2.5)).toBe("must be a whole number");
    expect(problem("at least 0")).toMatch(/says nothing as "at least 0"/);
    expect(problem({ toll: "about twenty" })).toMatch(/has no figure/);
  });
  it("keeps the figures the editor wrote, never rounding them", () => {
    expect(parseToll("about 1234")).toEqual({ toll: about(1234) });
  });
});

describe("sumTolls", () => {
  it("is exact only when every term is exact", () => {
    expect(sumTolls([exact(5), exact(7)])).toEqual({ kind: "exact", min: 12, max: 12, terms: 2, wordsOnly: 0 });
  });
  it("is a lower bound when any term is one: at least 84", () => {
    expect(sumTolls([atLeast(50), exact(6), atLeast(28)])).toEqual({ kind: "at-least", min: 84, terms: 3, wordsOnly: 0 });
  });
  it("is a range where terms are ranges, added bound by bound", () => {
    expect(sumTolls([range(19, 20), exact(5)])).toEqual({ kind: "range", min: 24, max: 25, terms: 2, wordsOnly: 0 });
    expect(sumTolls([range(19, 20), atLeast(5)])).toMatchObject({ kind: "at-least", min: 24 });
  });
  it("is approximate when any term is: about, never a false exact figure", () => {
    expect(sumTolls([about(30), exact(5)])).toMatchObject({ kind: "about", min: 35, max: 35 });
    expect(sumTolls([about(30), range(19, 20)])).toMatchObject({ kind: "about", min: 49, max: 50 });
    const withLowerBound = sumTolls([about(30), atLeast(19)])!;
    expect(withLowerBound).toMatchObject({ kind: "about", min: 49 });
    expect(withLowerBound.max).toBeUndefined();
  });
  it("adds nothing for a toll given in words only, and says how many there were", () => {
    expect(sumTolls([wordsOnly("several dozen"), exact(3)])).toEqual({ kind: "exact", min: 3, max: 3, terms: 1, wordsOnly: 1 });
    expect(sumTolls([wordsOnly("several dozen")])).toBeUndefined();
    expect(sumTolls([])).toBeUndefined();
  });
  it("counts an exact 0 as a figure", () => {
    expect(sumTolls([exact(0)])).toMatchObject({ kind: "exact", min: 0, max: 0 });
  });
});

describe("tolls in words and columns", () => {
  it("says each kind in both editions", () => {
    const sums = [sumTolls([exact(12)])!, sumTolls([atLeast(84)])!, sumTolls([about(35)])!, sumTolls([range(19, 20)])!, sumTolls([about(30), range(19, 20)])!, sumTolls([about(30), atLeast(19)])!];
    expect(sums.map((s) => tollInWords(s, english))).toEqual(["12", "at least 84", "about 35", "19–20", "about 49–50", "about 49 or more"]);
    expect(sums.map((s) => tollInWords(s, french))).toEqual(["12", "au moins 84", "environ 35", "19 à 20", "environ 49 à 50", "environ 49 ou plus"]);
  });
  it("shows the source's own words beside the figure", () => {
    expect(incidentTollInWords({ ...atLeast(50), words: "more than 50" }, english)).toBe("at least 50 (the source: more than 50)");
    expect(incidentTollInWords(wordsOnly("several dozen"), french)).toBe("aucun chiffre (selon la source\u00a0: several dozen)");
  });
  it("gives the open data its kind, lowest and highest figure", () => {
    expect(tollColumns(atLeast(50))).toEqual({ kind: "at-least", min: 50, max: null });
    expect(tollColumns(range(19, 20))).toEqual({ kind: "range", min: 19, max: 20 });
    expect(tollColumns(wordsOnly("several dozen"))).toEqual({ kind: "not-given", min: null, max: null });
    expect(tollColumns(undefined)).toEqual({ kind: null, min: null, max: null });
  });
});

describe("a disputed incident's toll", () => {
  it("counts the lowest figure any account gives, up to the highest: never one side's alone", () => {
    expect(disputedToll([atLeast(28), exact(34)])).toEqual({ kind: "at-least", min: 28 });
    expect(disputedToll([exact(28), exact(34)])).toEqual({ kind: "range", min: 28, max: 34 });
    expect(disputedToll([about(30), { ...atLeast(19), words: "at least 19–20" }])).toEqual({ kind: "at-least", min: 19 });
    expect(disputedToll([about(50), about(60)])).toEqual({ kind: "about", min: 50, max: 60 });
    expect(disputedToll([exact(7), exact(7)])).toEqual({ kind: "exact", min: 7, max: 7 });
    expect(disputedToll([wordsOnly("several dozen"), undefined])).toBeUndefined();
  });
  it("is what the counts add, in place of the incident's own", () => {
    expect(countedToll({ fatalities: exact(3) })).toEqual(exact(3));
    expect(countedToll({ accounts: [{ fatalities: exact(28) }, { fatalities: exact(34) }] })).toEqual({ kind: "range", min: 28, max: 34 });
    expect(sumTolls([countedToll({ accounts: [{ fatalities: exact(28) }, { fatalities: exact(34) }] })!, exact(2)])).toMatchObject({ kind: "range", min: 30, max: 36 });
  });
});
