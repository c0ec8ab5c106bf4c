// An item's source grade (Admiralty scale): what the schema refuses and in which words, and how
// a grade is shown in an edition's words, its note marked when left untranslated; and an
// account's words in an edition, marked likewise.
import { describe, expect, it } from "vitest";
import { gradeSchema } from "../../src/content/schemas.ts";
import { gradeView } from "../../src/digest/grades.ts";
import { Catalogue } from "../../src/core/messages/catalogue.ts";
import { shippedCatalogue } from "../fixtures/words.ts";
import { modelIncident } from "../fixtures/model.ts";
import { incidentView } from "../../src/digest/incidents/views.ts";

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

describe("an account's words in another edition", () => {
  // Issue 27: shown in the edition's language where the editor translated them, and marked with
  // their own language where not (the page adds a visible note).
  const account = (by: string, translations: Record<string, { by?: string; killed?: string }> = {}, killed?: string) =>
    ({ by, ...(killed ? { killed } : {}), fatalities: { kind: "exact", min: 3, max: 3 }, source: { name: "Wire" }, translations }) as never;
  const fr = new Catalogue("fr", shippedCatalogue("fr").messages);
  const ref = { slug: "mali", name: "Mali", path: "/countries/mali/" };

  it("are the translation's where it gives them, and say their language where it does not", () => {
    const incident = modelIncident("2020-12-01", "mali", "battles", {
      accounts: [account("The army", { fr: { by: "L’armée", killed: "des militants" } }, "militants"), account("The mayor", {}, "civilians"), account("Villagers", { fr: { by: "Des villageois" } }, "civilians")],
    });
    const view = incidentView(incident, { slug: "x", title: "X", path: "/x/" }, ref, ref, fr, "en");
    expect(view.accounts!.map((a) => [a.by, a.killed, a.language])).toEqual([
      ["L’armée", "des militants", undefined],
      ["The mayor", "civilians", "en"],
      // Half translated: whom they say was killed is still in English, so the account says so.
      ["Des villageois", "civilians", "en"],
    ]);
    // In the content's own language nothing is marked.
    const en = new Catalogue("en", shippedCatalogue("en").messages);
    expect(incidentView(incident, { slug: "x", title: "X", path: "/x/" }, ref, ref, en, "en").accounts!.every((a) => a.language === undefined)).toBe(true);
  });
});
