// References are declared in the registry (src/content/collections.ts) and checked by one function.
import { describe, expect, it } from "vitest";
import { COLLECTIONS, reference } from "../../src/content/collections.ts";
import { brokenReferences } from "../../src/content/load/references.ts";

describe("declared references", () => {
  const known = { countries: new Set(["mali", "niger"]), actors: new Set(["jnim"]), themes: new Set(["elections"]) };

  it("name each slug no entry has, in a list or alone, with a suggestion", () => {
    const references = { countries: reference("countries", "country"), tags: reference(["actors", "themes"], "tag"), home: reference("countries", "country") };
    expect(brokenReferences({ countries: ["mali", "malli"], tags: ["elections", "jnm", "zzzzzz"], home: "nigerr" }, references, known)).toEqual([
      { field: "countries", index: 1, message: 'unknown country "malli" — did you mean "mali"?' },
      { field: "tags", index: 1, message: 'unknown tag "jnm" — did you mean "jnim"?' },
      { field: "tags", index: 2, message: 'unknown tag "zzzzzz": the known ones are elections, jnim. A new one is added in content/_data/actors.ts or content/_data/themes.ts' },
      { field: "home", message: 'unknown country "nigerr" — did you mean "niger"?' },
    ]);
  });

  it("are not checked against a collection that could not be read", () => {
    const references = { tags: reference(["actors", "themes"], "tag") };
    expect(brokenReferences({ tags: ["anything"] }, references, { actors: new Set(["jnim"]) })).toEqual([]);
  });

  it("point only at collections whose entries have keys", () => {
    for (const [name, collection] of Object.entries(COLLECTIONS)) {
      const references = "references" in collection ? Object.values(collection.references) : [];
      for (const { to } of references) {
        for (const target of to) expect(COLLECTIONS[target], `${name} → ${target}`).toMatchObject({ kind: "list", keyed: true });
      }
    }
  });
});
