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

/** Values that take each message down every path: no result, one, many (with a thousands separator), a query or none. */
const cases = [0, 1, 2, 1234].flatMap((count) =>
  [
    { hasQuery: "yes", query: "Ménaka" },
    { hasQuery: "no", query: "" },
  ].map((rest) => ({ count, ...rest })),
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
    expect(format("fr")(fr, { count: 1234, hasQuery: "yes", query: "Ménaka" })).toBe("1\u202f234 résultats pour «\u00a0Ménaka\u00a0», du plus récent au plus ancien.");
    expect(format("en")(shippedCatalogue("en").messages["search.js.status"]!, { count: 0, hasQuery: "no", query: "" })).toBe("No result.");
  });
});
