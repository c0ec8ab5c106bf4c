// The methodology page's sections (src/digest/methodology.ts): every key they name is in every
// catalogue, every methodology key of the catalogues is named by a section or the page, and
// the ACLED section names each import's source, access date and filters.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Catalogue } from "../../src/core/messages/catalogue.ts";
import { SHIPPED_CATALOGUES, shippedCatalogue } from "../fixtures/words.ts";
import { METHODOLOGY_SECTIONS, methodologyKeys, methodologySections } from "../../src/digest/methodology.ts";
import { DEFAULT_TEMPLATES } from "../../src/core/project.ts";
import type { ExternalCounts } from "../../src/content/model.ts";
import { week } from "../../src/core/weeks.ts";

const acled = (exported: string, filters?: string): ExternalCounts =>
  ({ country: "mali", week: week(2020, 49), source: "ACLED", exported, events: 3, ...(filters ? { filters } : {}) });
const withImports = { externalCounts: [acled("2021-01-15", "country: Mali; 2020-11-30 to 2020-12-06"), acled("2021-01-15", "country: Mali; 2020-11-30 to 2020-12-06"), acled("2021-02-01")] };
const without: { externalCounts: readonly ExternalCounts[] } = { externalCounts: [] };

describe("the methodology page's sections", () => {
  const template = readFileSync(path.join(DEFAULT_TEMPLATES, "views/methodology.njk"), "utf8");
  const pageKeys = [...template.matchAll(/t\("(methodology\.[\w.]+)"\)/g)].map((m) => m[1]!);

  it("name only keys every catalogue holds", () => {
    const named = [...new Set([...methodologyKeys(withImports), ...methodologyKeys(without), ...pageKeys])];
    expect(named.length).toBeGreaterThan(60);
    for (const language of SHIPPED_CATALOGUES.keys()) {
      const messages = shippedCatalogue(language).messages;
      expect(named.filter((key) => !(key in messages)), language).toEqual([]);
    }
  });

  it("use every methodology key of the catalogues", () => {
    const named = new Set([...methodologyKeys(withImports), ...methodologyKeys(without), ...pageKeys]);
    expect(Object.keys(shippedCatalogue("en").messages).filter((key) => key.startsWith("methodology.") && !named.has(key))).toEqual([]);
  });

  it("have unique anchors", () => {
    const ids = METHODOLOGY_SECTIONS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("name each ACLED import once, with its access date and its filters, or say there is none", () => {
    const words = new Catalogue("en", shippedCatalogue("en").messages);
    const acledTexts = (content: typeof without) => methodologySections(content, words).find((s) => s.id === "acled")!.parts.flatMap((p) => (p.kind === "text" ? [p.text] : []));
    const texts = acledTexts(withImports);
    expect(texts.filter((t) => t.startsWith("ACLED:"))).toEqual([
      "ACLED: data accessed on 2021-01-15; filters used: country: Mali; 2020-11-30 to 2020-12-06.",
      "ACLED: data accessed on 2021-02-01; no filter was recorded.",
    ]);
    expect(acledTexts(without)).toContain("This digest shows no ACLED counts at present.");
    expect(acledTexts(without).some((t) => t.startsWith("ACLED:"))).toBe(false);
  });
});
