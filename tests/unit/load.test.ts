import { afterEach, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { buildClock, loadContent } from "../../src/content/load/content.ts";
import { createFixture, fixtureCountries, writeText, type FixtureOptions } from "../fixtures/content.ts";
import { problemsOf } from "../fixtures/problems.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});

async function fixture(options: FixtureOptions) {
  const created = await createFixture(options);
  cleanups.push(created.remove);
  return created.root;
}

const ok = { path: "2020/ok", title: "Fine", date: "2020-12-03", countries: ["mali"] };

describe("loadContent", () => {
  it("lets other work run while it reads many items (a server's requests, a Ctrl-C's handler)", async () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ path: `2020/item-${i}`, title: `Item ${i}`, date: "2020-12-03", countries: ["mali"] }));
    const root = await fixture({ items });
    // Counts the event loop's turns; each is a chance for a signal's handler to run.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    let first: { at: number; turns: number } | undefined;
    let last: { at: number; turns: number } | undefined;
    setImmediate(tick);
    try {
      await loadContent({
        root,
        now: DateTime.fromISO("2030-01-01T00:00:00Z"),
        onItems: (read) => {
          const seen = { at: performance.now(), turns };
          if (read === 0) first = seen;
          last = seen;
        },
      });
    } finally {
      ticking = false;
    }
    // Reading 1,500 files takes a few hundred milliseconds here: the loop let the event loop
    // turn in between. (On a machine fast enough to read them within 150 ms, nothing is asked.)
    if (last!.at - first!.at > 150) expect(last!.turns).toBeGreaterThan(first!.turns);
  });

  it("reads items, notes and data files", async () => {
    const root = await fixture({
      items: [ok, { path: "2021/later", title: "Later", date: "2021-01-04T08:00:00+01:00", countries: ["niger", "mali"], tags: ["jnim", "elections"], location: "Ménaka" }],
      notes: { "2020-W49": ["A headline", "The *lead*."] },
    });
    const content = await loadContent({ root, now: DateTime.fromISO("2030-01-01T00:00:00Z") });
    expect(content.items.map((i) => [i.slug, i.year, i.week.id])).toEqual([["ok", 2020, "2020-W49"], ["later", 2021, "2021-W01"]]);
    const later = content.items[1]!;
    expect(later.countries).toEqual(["niger", "mali"]);
    expect(later.tags).toEqual(["jnim", "elections"]);
    expect(later.location).toBe("Ménaka");
    expect(later.date.toUTC().toISO()).toBe("2021-01-04T07:00:00.000Z");
    expect(content.notes).toMatchObject([{ headline: "A headline", leadHtml: "<p>The <em>lead</em>.</p>\n" }]);
    expect(content.countries.map((c) => c.slug)).toEqual(fixtureCountries.map((c) => c.slug));
    expect(content.countries[3]!.kind).toBe("region");
  });

  it("reports unknown countries and tags with a suggestion and the line", async () => {
    const root = await fixture({ items: [{ ...ok, countries: ["malli"], tags: ["jnm", "zzzzzz"] }] });
    expect(await problemsOf(root)).toEqual([
      'content/articles/2020/ok.md:4 countries: unknown country "malli" — did you mean "mali"?',
      'content/articles/2020/ok.md:8 tags: unknown tag "jnm" — did you mean "jnim"?',
      'content/articles/2020/ok.md:8 tags: unknown tag "zzzzzz": the known ones are barkhane, elections, jnim. A new one is added in content/_data/actors.ts or content/_data/themes.ts',
    ]);
  });

  it("reports every problem of every file, not only the first", async () => {
    const root = await fixture({
      items: [
        { ...ok, path: "2020/a", title: "", date: "2020-02-30" },
        { ...ok, path: "2020/b", date: "yesterday", source: { name: "X", url: "javascript:alert(1)" } },
      ],
    });
    expect(await problemsOf(root)).toEqual([
      'content/articles/2020/a.md:2 title: must not be empty (got: "")',
      'content/articles/2020/a.md:3 date: is not a real date or time (got: "2020-02-30")',
      'content/articles/2020/b.md:3 date: must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00 (got: "yesterday")',
      'content/articles/2020/b.md:8 source.url: must be an http(s) URL (got: "javascript:alert(1)")',
    ]);
  });

  it("refuses fatalities of -0, which YAML reads as minus zero and pages would show as \"-0\" (issue 26)", async () => {
    const root = await fixture({ items: [ok], regions: [{ slug: "mopti", name: "Mopti", country: "mali", iso: "ML-5" }] });
    const incident = (fatalities: string, id: string) => `incidents:\n  - { id: ${id}, type: battles, region: mopti, fatalities: ${fatalities} }\n`;
    await writeText(root, "content/articles/2020/minus.md", `---\ntitle: Minus\ndate: 2020-12-03\ncountries: [mali]\nsummary: S.\nsource: { name: X }\n${incident("-0.0", "minus-1")}---\nBody.\n`);
    await writeText(root, "content/articles/2020/minus-int.md", `---\ntitle: Minus int\ndate: 2020-12-03\ncountries: [mali]\nsummary: S.\nsource: { name: X }\n${incident("-0", "minus-int-1")}---\nBody.\n`);
    // "-0" without a decimal point is read as a plain 0: nothing to refuse there.
    expect(await problemsOf(root)).toEqual(["content/articles/2020/minus.md:8 incidents[0].fatalities: must not be negative: write 0 (got: -0)"]);
  });

  it("refuses a site url with a query or a fragment, which every link would carry (issue 26)", async () => {
    for (const url of ["https://x.example/?a=1", "https://x.example/#f", "https://x.example/digest?"]) {
      const root = await fixture({ items: [ok], site: { url } });
      expect(await problemsOf(root), url).toEqual([`content/_data/site.ts url: must be the site's address alone, with no ?query or #fragment: every link of the site is made from it (got: "${url}")`]);
    }
  });

  it("names an unknown front matter field and the field it resembles", async () => {
    const root = await fixture({});
    await writeText(root, "content/articles/2020/typo.md", "---\ntitle: T\ndate: 2020-12-03\ncontries: [mali]\nsummary: S.\nsource:\n  name: X\n---\nBody\n");
    expect(await problemsOf(root)).toEqual([
      "content/articles/2020/typo.md countries: is required",
      'content/articles/2020/typo.md:4 contries: is not a known field — did you mean "countries"?',
    ]);
  });

  it("refuses two items with the same slug, even in other years or case", async () => {
    const root = await fixture({ items: [ok, { ...ok, path: "2021/ok" }] });
    await writeText(root, "content/articles/2020/OK.md", "---\ntitle: T\n---\n");
    const problems = await problemsOf(root);
    expect(problems).toContain('content/articles/2020/ok.md file name: has the same slug as content/articles/2020/OK.md (got: "ok")');
    expect(problems).toContain('content/articles/2021/ok.md file name: has the same slug as content/articles/2020/OK.md (got: "ok")');
  });

  it("refuses items outside a year folder", async () => {
    const root = await fixture({});
    await writeText(root, "content/articles/stray.md", "---\ntitle: T\n---\n");
    expect(await problemsOf(root)).toEqual(["content/articles/stray.md must be at content/articles/<year>/<slug>.md"]);
  });

  it("refuses a weekly note for a week that does not exist or has no items", async () => {
    const root = await fixture({ items: [ok], notes: { "2021-W53": ["H", "L"], "2020-W50": ["H", "L"] } });
    expect(await problemsOf(root)).toEqual([
      "content/issues/2020-W50.md file name: names week 2020-W50, which has no items",
      'content/issues/2021-W53.md file name: must name an ISO week that exists, such as 2020-W49.md (got: "2021-W53.md")',
    ]);
  });

  it("reports data file entries missing a field or repeating a slug", async () => {
    const root = await fixture({
      countries: [...fixtureCountries, { slug: "chad", name: "Chad", profile: "P", order: 4, translations: { fr: { name: "Tchad" } } }, { ...fixtureCountries[0] }],
      actors: [
        { slug: "jnim", name: "JNIM", kind: "militia", description: "D", countries: ["atlantis"] },
        { slug: "barkhane", name: "Barkhane", kind: "international-force", description: "D", countries: ["nigr"] },
      ],
    });
    expect(await problemsOf(root)).toEqual([
      "content/_data/countries.ts [4] chad.iso: is required",
      "content/_data/countries.ts [4] chad.capital: is required",
      'content/_data/countries.ts [5] mali.slug: repeats the slug of entry [0] (got: "mali")',
      'content/_data/actors.ts [0] jnim.kind: must be one of "armed-group", "state-force", "international-force", "institution", "political", "civil-society" (got: "militia")',
      'content/_data/actors.ts barkhane.countries: unknown country "nigr" — did you mean "niger"?',
    ]);
  });

  it("reports a data file that does not load", async () => {
    const root = await fixture({});
    await writeText(root, "content/_data/themes.ts", "export default [ { slug: ");
    // The compiler's own message, with the line and column; and no knock-on "unknown tag".
    expect(await problemsOf(root)).toEqual(["content/_data/themes.ts:1:25 is not valid TypeScript: a closing } is missing after this line: the entry opened with { on this line is not closed; end it with }\n    (compiler: Unexpected end of file)"]);
  });

  // An editor's slips in a data file, each named at the line where the fix goes, in plain words.
  it.each([
    ["a comma missing between two entries", 'export default [\n  { slug: "a", name: "A", description: "d" }\n  { slug: "b", name: "B", description: "d" },\n];\n', '2:45 is not valid TypeScript: a comma is missing after `{ slug: "a", name: "A", description: "d" }`: put a comma after it\n    (compiler: Expected "]" but found "{")'],
    ["a comma missing inside an entry", 'export default [\n  { slug: "a" name: "A", description: "d" },\n];\n', '2:14 is not valid TypeScript: a comma is missing after `{ slug: "a"`: put a comma after it\n    (compiler: Expected "}" but found "name")'],
    ["a quote missing", 'export default [\n  { slug: "a", name: "A, description: "d" },\n];\n', '2:1 is not valid TypeScript: a quote is missing on this line: a text runs on into what follows it; end each text with "\n    (compiler: Expected "}" but found "d")'],
    ["a quote missing at the end of a line", 'export default [\n  { slug: "a", name: "A", description: "d },\n];\n', '2:40 is not valid TypeScript: a quote is missing: the text opened with " on this line is not closed; end it with " on the same line\n    (compiler: Unterminated string literal)'],
    ["a closing bracket missing", 'export default [\n  { slug: "a", name: "A", description: "d" },\n', '2:46 is not valid TypeScript: a closing ] is missing after this line: the list opened with [ on line 1 is not closed; end it with ]\n    (compiler: Unexpected end of file)'],
    ["a bracket of the wrong kind", 'export default [\n  { slug: "a", name: "A", description: "d" },\n};\n', '3:1 is not valid TypeScript: `}` closes the list opened with [ on line 1: write ] here\n    (compiler: Unexpected "}")'],
  ])("names the fix for %s", async (_what, text, expected) => {
    const root = await fixture({});
    await writeText(root, "content/_data/themes.ts", text);
    expect(await problemsOf(root)).toEqual([`content/_data/themes.ts:${expected}`]);
  });

  it("leaves drafts and items dated after the clock out of production, and keeps them for the preview", async () => {
    const root = await fixture({
      items: [ok, { ...ok, path: "2020/draft", draft: true }, { ...ok, path: "2020/embargoed", date: "2020-12-04T12:00:00Z" }],
    });
    const now = DateTime.fromISO("2020-12-04T11:59:59Z");
    const production = await loadContent({ root, now });
    expect(production.items.map((i) => i.slug)).toEqual(["ok"]);
    const preview = await loadContent({ root, now, includeDrafts: true });
    expect(preview.items.map((i) => [i.slug, i.draft, i.scheduled])).toEqual([
      ["draft", true, false],
      ["embargoed", false, true],
      ["ok", false, false],
    ]);
    const later = await loadContent({ root, now: DateTime.fromISO("2020-12-04T12:00:00Z") });
    expect(later.items.map((i) => i.slug)).toEqual(["embargoed", "ok"]);
  });
});

describe("buildClock", () => {
  it("reads DIGEST_NOW", () => {
    expect(buildClock({ DIGEST_NOW: "2020-12-04T12:00:00Z" }).toISO()).toBe("2020-12-04T12:00:00.000Z");
  });
  it("refuses a DIGEST_NOW that is not a date", () => {
    expect(() => buildClock({ DIGEST_NOW: "tomorrow" })).toThrow('DIGEST_NOW must be an ISO 8601 date or time (got: "tomorrow")');
  });
});
