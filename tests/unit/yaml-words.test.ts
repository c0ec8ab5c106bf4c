// The YAML mistakes an editor makes, each in plain words with the fix, and the parser's own
// words on a second line.
import { afterAll, describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/load/frontmatter.ts";
import { loadContent } from "../../src/content/load/content.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { createFixture, writeText } from "../fixtures/content.ts";

const fail = (yaml: string) => {
  const result = parseFrontMatter(`---\n${yaml}\n---\nBody.\n`);
  if (result.ok) throw new Error("parsed");
  const [plain, parser] = result.message.split("\n");
  return { line: result.line, plain, parser: parser?.trim() };
};

describe("plain words for YAML mistakes", () => {
  it.each([
    ["a colon inside an unquoted title", 'title: Mali: the army retakes Boni\ndate: 2020-12-03', 2, 'the title holds a colon: put it in quotes, as title: "Mali: the army retakes Boni"'],
    ["a source block whose first field is not indented", 'title: "T"\nsource:\nname: "Wire"\n  url: https://wire.example/', 4, "indent `name:` under `source:` by two spaces, like the lines after it"],
    ["a field indented unlike its block", 'title: "T"\nsource:\n    name: "Wire"\n  url: https://wire.example/', 5, "`url:` is indented by 2 spaces and `name:` above it by 4: the fields of one block start at the same column; indent `url:` by 4 spaces"],
    ["a field of an incident one space short", "incidents:\n  - id: a\n    type: battles\n   region: menaka", 5, "`region:` is indented by 3 spaces and `type:` above it by 4: the fields of a list entry (an incident) start at the same column; indent `region:` by 4 spaces"],
    ["a field of an incident one space over", "incidents:\n  - id: a\n    type: battles\n     region: menaka", 5, "`region:` is indented by 5 spaces and `type:` above it by 4: the fields of a list entry (an incident) start at the same column; indent `region:` by 4 spaces"],
    ["a block's first field at the margin", "source:\nname: x\n  url: https://wire.example/", 3, "indent `name:` under `source:` by two spaces, like the lines after it"],
    ["a tab", 'title: "T"\nsource:\n\tname: "Wire"', 4, "starts with a tab: indent with spaces instead, two for each level"],
    ["a quote left open", 'title: "The army retakes Boni\ndate: 2020-12-03', 2, 'the title opens a quote it does not close: end it with " on the same line'],
    ["text after the closing quote", 'title: "Mali: Boni" retaken', 2, "the title goes on after its closing quote: put the whole of it inside the quotes"],
    ["a field written twice", "title: A\ntitle: B", 3, "title is written twice: keep one"],
    ["a list left open", "countries: [mali, niger\ntags: []", 2, "the list of countries opens with [ but does not close: end it with ] on the same line"],
    ["a value starting with @", "title: @france24 says\ndate: 2020-12-03", 2, 'the title starts with @, which YAML reads as syntax: put the whole value in quotes, as title: "@france24 says"'],
    ["a value starting with a dash", "title: - draft", 2, 'the title starts with "- ", which YAML reads as syntax: put the whole value in quotes, as title: "- draft"'],
    // A colon in a comment or in a block's text is no colon in a value.
    ["a duplicate after a comment holding a colon", "title: Mali # to check: date\ntitle: B", 3, "title is written twice: keep one"],
  ])("%s", (_what, yaml, line, plain) => {
    const found = fail(yaml);
    expect(found.line).toBe(line);
    expect(found.plain).toBe(plain);
    // The parser's own words stay, on the second line.
    expect(found.parser).toMatch(/^\(YAML: .+\)$/);
  });
});

describe("a value an editor starts with * or &", () => {
  it("is advice to quote it, not talk of aliases", () => {
    const result = parseFrontMatter("---\ntitle: *Breaking* news\n---\nBody.\n");
    expect(result).toMatchObject({ ok: false, line: 2, message: "starts with *, which YAML reads as syntax: put the whole value in quotes" });
  });
});

describe("fields an editor left empty or unindented", () => {
  const removals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const remove of removals) await remove();
  });

  it("say which field is empty, and which field belongs under source:", async () => {
    const fixture = await createFixture();
    removals.push(fixture.remove);
    await writeText(fixture.root, "content/articles/2020/empty.md", '---\ntitle: "Empty"\ndate: 2020-12-03\ncountries: mali\nsummary:\nsource:\nname: "Wire"\n---\nBody.\n');
    const error = await loadContent({ root: fixture.root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      'content/articles/2020/empty.md:4 countries: must be a list: write it in brackets, as countries: [mali] (got: "mali")',
      "content/articles/2020/empty.md:5 summary: is empty: write its value after the colon",
      // Not also "source: is empty": the unindented name is why, and its hint the fix (issue 29).
      "content/articles/2020/empty.md:7 name: belongs under `source:`: indent it by two spaces below `source:`",
    ]);
  });

  it("a field named __proto__ is an unknown field, not one that belongs under Object's prototype", async () => {
    const fixture = await createFixture();
    removals.push(fixture.remove);
    await writeText(fixture.root, "content/articles/2020/proto.md", '---\ntitle: "Proto"\ndate: 2020-12-03\ncountries: [mali]\nsummary: "S."\nsource:\n  name: "Wire"\n__proto__: x\n---\nBody.\n');
    const error = await loadContent({ root: fixture.root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const lines = (error as ContentError).problems.map(formatProblem);
    expect(lines.join("\n")).not.toContain("[object Object]");
    expect(lines).toContainEqual(expect.stringMatching(/^content\/articles\/2020\/proto\.md:8 __proto__: is not a known field/));
  });
});
