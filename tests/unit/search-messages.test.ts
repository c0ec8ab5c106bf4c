// The search script formats its few messages itself (templates/js/search.js: a page read over
// costly data should not carry a message-format library). Here it is held to intl-messageformat,
// which formats every other message of the site, for every search message in every language.
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { SHIPPED_CATALOGUES, shippedCatalogue } from "../fixtures/words.ts";
import { SEARCH_SCRIPT_MESSAGES } from "../../src/pages/search-records.ts";
// @ts-expect-error: a browser module in plain JavaScript, without types.
import { messageFormatter } from "../../templates/js/search.js";

const format = messageFormatter as (language: string) => (message: string, values: Record<string, unknown>) => string;

/** Values that take each message down every path: no result, one, many (with a thousands separator), a query or none, every year searched or not. */
const cases = [0, 1, 2, 1234].flatMap((count) =>
  [
    { hasQuery: "yes", query: "Ménaka", partial: "yes", years: "2021, 2020", next: "2019" },
    { hasQuery: "no", query: "", partial: "no", years: "2021", next: "" },
  ].map((rest) => ({ count, year: "2019", ...rest })),
);

describe("the search script's messages", () => {
  for (const language of SHIPPED_CATALOGUES.keys()) {
    it(`read as intl-messageformat reads them, in ${language}`, () => {
      const catalogue = shippedCatalogue(language);
      const ours = format(language);
      for (const key of SEARCH_SCRIPT_MESSAGES) {
        const message = catalogue.messages[key]!;
        for (const values of cases) {
          expect(ours(message, values), `${key} ${JSON.stringify(values)}`).toBe(new IntlMessageFormat(message, language).format(values));
        }
      }
    });
  }

  it("say what a search found, in the reader's language", () => {
    const fr = shippedCatalogue("fr").messages["search.js.status"]!;
    expect(format("fr")(fr, { count: 1234, hasQuery: "yes", query: "Ménaka", partial: "yes", years: "2021", next: "2020" })).toBe(
      "1\u202f234 résultats pour «\u00a0Ménaka\u00a0» en 2021, du plus récent au plus ancien\u202f; années antérieures (2020 et avant) pas encore consultées.",
    );
    expect(format("en")(shippedCatalogue("en").messages["search.js.status"]!, { count: 0, hasQuery: "no", query: "", partial: "no", years: "", next: "" })).toBe("No result.");
  });
});
