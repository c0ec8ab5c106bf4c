// An item's source grade (Admiralty scale): what the schema refuses and in which words, and how
// a grade is shown in an edition's words, its note marked when left untranslated.
import { describe, expect, it } from "vitest";
import { gradeSchema } from "../../src/content/schemas.ts";
import { gradeView } from "../../src/digest/grades.ts";
import { Catalogue } from "../../src/core/messages/catalogue.ts";
import { shippedCatalogue } from "../fixtures/words.ts";

const problems = (value: unknown) => {
  const result = gradeSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};
const note = "Two wires agree.";

describe("a source grade", () => {
  it("is a letter A-F, a figure 1-6 and a note", () => {
    expect(problems({ reliability: "A", credibility: 1, note })).toEqual([]);
    expect(problems({ reliability: "F", credibility: 6, note })).toEqual([]);
  });

  it.each([
    [{ reliability: "b", credibility: 2, note }, ["reliability: must be a capital letter: write B"]],
    [{ reliability: "G", credibility: 2, note }, ["reliability: must be a letter A to F: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged"]],
    [{ reliability: "B", credibility: 7, note }, ["credibility: must be a figure 1 to 6: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged"]],
    [{ reliability: "B", credibility: 2.5, note }, ["credibility: must be a figure 1 to 6: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged"]],
    [{ reliability: "B", credibility: "2", note }, ["credibility: must be a figure without quotes: write 2"]],
    [{ reliability: "B", credibility: 2, note: " " }, ["note: must not be empty: say in one line how the editors checked"]],
    [{ reliability: "B", credibility: 2 }, ["note: must be a text: one line on how the editors checked"]],
    [{ reliability: "B", credibility: 2, note, source: "x" }, [': Unrecognized key: "source"']],
    ["B2", [': must be grade: { reliability: B, credibility: 2, note: "how we checked" }, reliability a letter A (completely reliable) to F (cannot be judged), credibility a figure 1 (confirmed by other sources) to 6 (cannot be judged)']],
  ])("refuses %j in words that say what to write", (value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it("is shown in the edition's words, its note marked with its language where nobody translated it", () => {
    const fr = new Catalogue("fr", shippedCatalogue("fr").messages);
    expect(gradeView({ reliability: "B", credibility: 1, note, noteLanguage: "en" }, fr)).toEqual({
      code: "B1",
      reliability: "B",
      credibility: 1,
      reliabilityText: "source généralement fiable",
      credibilityText: "confirmée par d’autres sources",
      note,
      language: "en",
    });
    expect(gradeView({ reliability: "E", credibility: 5, note: "Deux dépêches." }, fr).language).toBeUndefined();
  });
});
