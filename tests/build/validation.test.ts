// Each kind of editor mistake, in a fixture of its own: the build reports exactly the
// expected problems and leaves the previously published site untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildSite } from "../../src/publish/build.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { createFixture, dataFile, fixtureActors, fixtureCountries, fixtureSite, fixtureThemes, translatedInto, writeText, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";

const good: FixtureItem[] = [
  { path: "2020/good", title: "Good", date: "2020-12-03", countries: ["mali"], tags: ["jnim"] },
  { path: "2020/other", title: "Other", date: "2020-12-04", countries: ["niger"] },
];

let base: { root: string; remove: () => Promise<void> };
let published: Record<string, string>;
const scratch: string[] = [];

beforeAll(async () => {
  base = await createFixture({ items: good, notes: { "2020-W49": ["Headline", "Lead."] } });
  await buildSite({ root: base.root });
  published = await snapshot(path.join(base.root, "_site"));
});
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
  await base.remove();
});

/** A copy of the published fixture, broken by `edit`; returns the problems its build reports. */
async function problemsAfter(edit: (root: string) => Promise<void>): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), "sahel-digest-case-"));
  scratch.push(root);
  await cp(base.root, root, { recursive: true });
  await edit(root);
  let problems: string[] | undefined;
  try {
    await buildSite({ root });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = error.problems.map(formatProblem);
  }
  expect(problems, "the build should have failed").toBeDefined();
  expect(await snapshot(path.join(root, "_site"))).toEqual(published);
  return problems!;
}

/** The fixture with a French edition: its site settings, and the French names it needs. */
async function withFrench(root: string): Promise<void> {
  await writeText(root, "content/_data/site.ts", dataFile({ ...fixtureSite, editions: [{ language: "fr", description: "Un condensé." }] }));
  await writeText(root, "content/_data/actors.ts", dataFile(translatedInto(fixtureActors, "fr", (a) => ({ name: a.name }))));
  await writeText(root, "content/_data/themes.ts", dataFile(translatedInto(fixtureThemes, "fr", (t) => ({ name: t.name }))));
}

const item = (root: string, frontMatter: string, file = "2020/case") =>
  writeText(root, `content/articles/${file}.md`, `---\n${frontMatter}\n---\nBody.\n`);
const fields = {
  title: "title: A title",
  date: "date: 2020-12-03",
  countries: "countries: [mali]",
  summary: "summary: One sentence.",
  source: "source:\n  name: Wire",
};
/** Front matter with the fields above, some replaced (a string) or left out (null). */
const frontMatter = (changes: Partial<Record<keyof typeof fields, string | null>> = {}) =>
  Object.entries({ ...fields, ...changes }).flatMap(([, line]) => (line === null ? [] : [line])).join("\n");

const F = "content/articles/2020/case.md";

describe("a build refuses", () => {
  it.each([
    ["a missing title", frontMatter({ title: null }), [`${F} title: is required`]],
    ["an empty title", frontMatter({ title: 'title: ""' }), [`${F}:2 title: must not be empty (got: "")`]],
    ["a missing date", frontMatter({ date: null }), [`${F} date: is required`]],
    ["a malformed date", frontMatter({ date: "date: 03/12/2020" }), [`${F}:3 date: must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00 (got: "03/12/2020")`]],
    ["an impossible date", frontMatter({ date: "date: 2020-02-30" }), [`${F}:3 date: is not a real date or time (got: "2020-02-30")`]],
    ["missing countries", frontMatter({ countries: null }), [`${F} countries: is required`]],
    ["empty countries", frontMatter({ countries: "countries: []" }), [`${F}:4 countries: must name at least one country (got: [])`]],
    ["an unknown country", frontMatter({ countries: "countries: [mali, malli]" }), [`${F}:4 countries: unknown country "malli" — did you mean "mali"?`]],
    ["an unknown tag", frontMatter({ source: "source:\n  name: Wire\ntags: [jnim, barkane]" }), [`${F}:8 tags: unknown tag "barkane" — did you mean "barkhane"?`]],
    ["a missing summary", frontMatter({ summary: null }), [`${F} summary: is required`]],
    [
      "a summary that is too long",
      frontMatter({ summary: `summary: ${"x".repeat(401)}` }),
      [`${F}:5 summary: must be at most 400 characters: one or two plain sentences (got: "${"x".repeat(76)}...)`],
    ],
    ["a source URL that is not http(s)", frontMatter({ source: "source:\n  name: Wire\n  url: ftp://files.example/a" }), [`${F}:8 source.url: must be an http(s) URL (got: "ftp://files.example/a")`]],
    ["a javascript: source URL", frontMatter({ source: "source:\n  name: Wire\n  url: javascript:alert(1)" }), [`${F}:8 source.url: must be an http(s) URL (got: "javascript:alert(1)")`]],
    // The line where the YAML parser noticed the problem: the line after the unclosed list.
    ["malformed YAML", frontMatter({ countries: "countries: [mali" }), [`${F}:4 front matter: the list of countries opens with [ but does not close: end it with ] on the same line\n    (YAML: Flow sequence in block collection must be sufficiently indented and end with a ])`]],
    [
      "a misspelt field",
      frontMatter({ countries: "contries: [mali]" }),
      [`${F} countries: is required`, `${F}:4 contries: is not a known field — did you mean "countries"?`],
    ],
    ["an unknown source field", frontMatter({ source: "source:\n  name: Wire\n  link: https://a.example/" }), [`${F}:8 source.link: is not a known field`]],
  ])("%s", async (_name, text, expected) => {
    expect(await problemsAfter((root) => item(root, text))).toEqual(expected);
  });

  it("two items with the same slug in different years", async () => {
    const problems = await problemsAfter((root) => item(root, frontMatter({ date: "date: 2021-01-05" }), "2021/good"));
    expect(problems).toEqual(['content/articles/2021/good.md file name: has the same slug as content/articles/2020/good.md (got: "good")']);
  });

  it("two items whose slugs differ only in case", async () => {
    const problems = await problemsAfter((root) => item(root, frontMatter(), "2020/Good"));
    expect(problems).toEqual([
      'content/articles/2020/Good.md file name: must be a slug: lower-case letters, digits and single hyphens (got: "Good.md")',
      'content/articles/2020/good.md file name: has the same slug as content/articles/2020/Good.md (got: "good")',
    ]);
  });

  it("a weekly note whose file name is not an ISO week", async () => {
    const problems = await problemsAfter(async (root) => {
      await writeText(root, "content/issues/2020-W54.md", "---\nheadline: H\n---\n");
      await writeText(root, "content/issues/2020-49.md", "---\nheadline: H\n---\n");
    });
    expect(problems).toEqual([
      'content/issues/2020-49.md file name: must name an ISO week that exists, such as 2020-W49.md (got: "2020-49.md")',
      'content/issues/2020-W54.md file name: must name an ISO week that exists, such as 2020-W49.md (got: "2020-W54.md")',
    ]);
  });

  it("a weekly note for a week with no items", async () => {
    const problems = await problemsAfter((root) => writeText(root, "content/issues/2020-W30.md", "---\nheadline: H\n---\n"));
    expect(problems).toEqual(["content/issues/2020-W30.md file name: names week 2020-W30, which has no items"]);
  });

  it("a weekly note without a headline", async () => {
    const problems = await problemsAfter((root) => writeText(root, "content/issues/2020-W49.md", "---\nheadlin: H\n---\n"));
    expect(problems).toEqual(['content/issues/2020-W49.md:2 headlin: is not a known field — did you mean "headline"?']);
    // A note with neither a headline nor trends says what it lacks; a lead needs a headline.
    expect(await problemsAfter((root) => writeText(root, "content/issues/2020-W49.md", "---\ndraft: false\n---\n"))).toEqual([
      "content/issues/2020-W49.md:2 headline: is missing: write the week's headline and lead, or its trends, or delete the file",
    ]);
    expect(await problemsAfter((root) => writeText(root, "content/issues/2020-W49.md", "---\ntrends: { mali: { trend: unchanged, reason: Calm. } }\n---\nA lead.\n"))).toEqual([
      "content/issues/2020-W49.md:2 headline: is missing: a note with a lead (the text below ---) needs a headline; a note without one gives only the week's trends",
    ]);
  });

  it("a data file entry missing a field", async () => {
    const countries = fixtureCountries.map((c) => (c.slug === "niger" ? { ...c, profile: undefined } : c));
    const problems = await problemsAfter((root) => writeText(root, "content/_data/countries.ts", dataFile(countries)));
    expect(problems).toEqual(["content/_data/countries.ts [2] niger.profile: is required"]);
  });

  it("a data file entry repeating a slug", async () => {
    const problems = await problemsAfter((root) => writeText(root, "content/_data/actors.ts", dataFile([...fixtureActors, { ...fixtureActors[0] }])));
    expect(problems).toEqual(['content/_data/actors.ts [2] jnim.slug: repeats the slug of entry [0] (got: "jnim")']);
  });

  it("site settings with a time zone that does not exist", async () => {
    const problems = await problemsAfter((root) => writeText(root, "content/_data/site.ts", dataFile({ ...fixtureSite, timeZone: "Africa/Timbuktu2" })));
    expect(problems).toEqual(['content/_data/site.ts timeZone: must be an IANA time zone such as Africa/Bamako (got: "Africa/Timbuktu2")']);
  });

  it("a note's trends for an unknown country or with a bad trend, and a translation that changes a trend", async () => {
    const problems = await problemsAfter(async (root) => {
      await writeText(root, "content/issues/2020-W49.md", [
        "---",
        "headline: Headline",
        "trends:",
        "  mali: { trend: unchanged, reason: Calm. }",
        "  malli: { trend: unchanged, reason: Calm. }",
        "  niger: { trend: worse, reason: Tense. }",
        "---",
        "Lead.",
        "",
      ].join("\n"));
      await writeText(root, "content/issues/2020-W49.fr.md", "---\nheadline: Titre\ntrends:\n  mali:\n    trend: deteriorated\n    reason: Calme.\n---\nChapeau.\n");
      await withFrench(root);
      // The trends' old home, left behind, says where they went.
      await writeText(root, "content/_data/figures.ts", dataFile([]));
    });
    expect(problems).toEqual([
      "content/_data/figures.ts is no longer read: each week's trends go in its weekly note's front matter (content/issues/<week>.md), under trends: (docs/data.md, \"The editors' judgement: the week's trends\"); move them there and delete this file",
      'content/issues/2020-W49.md:5 trends.malli: names an unknown country "malli" — did you mean "mali"?',
      'content/issues/2020-W49.md:6 trends.niger.trend: must be one of "deteriorated", "improved", "unchanged" (got: "worse")',
    ]);
    const fixed = await problemsAfter(async (root) => {
      await withFrench(root);
      await writeText(root, "content/issues/2020-W49.md", "---\nheadline: Headline\ntrends:\n  mali: { trend: unchanged, reason: Calm. }\n  malli: { trend: unchanged, reason: Calm. }\n---\nLead.\n");
      await writeText(root, "content/issues/2020-W49.fr.md", "---\nheadline: Titre\ntrends:\n  mali:\n    trend: deteriorated\n    reason: Calme.\n---\nChapeau.\n");
    });
    expect(fixed).toEqual([
      'content/issues/2020-W49.md:5 trends.malli: names an unknown country "malli" — did you mean "mali"?',
      'content/issues/2020-W49.fr.md:5 trends.mali.trend: is "deteriorated", but the original (content/issues/2020-W49.md) says "unchanged": a translation gives the reason in its language and never changes the trend; leave trend out, or write "unchanged" (got: "deteriorated")',
    ]);
  });

  it("the mistakes of the fields that say what the sources know, each in one line with its file, line, field and value", async () => {
    const problems = await problemsAfter(async (root) => {
      await writeText(root, "content/_data/regions.ts", dataFile([{ slug: "mopti", name: "Mopti", country: "mali", iso: "ML-5" }]));
      await item(
        root,
        frontMatter({
          source: [
            "source:\n  name: Wire",
            "incidents:",
            "  - id: case-1\n    type: battles\n    region: mopti\n    fatalities: over 50",
            "  - id: case-2\n    type: battles\n    region: mopti\n    fatalities: \"20-19\"",
            "  - id: case-1\n    type: battles\n    region: mopti\n    place_precision: place",
            "  - id: case-4\n    type: battles\n    region: mopti\n    accounts:",
            "      - { by: Army, fatalities: 3, source: { name: Wire, url: \"https://wire.example/a\" } }",
            "      - { by: army, fatalities: 5, source: { name: Wire, url: \"https://wire.example/a\" } }",
            "corrections:\n  - date: 2020-12-01\n    what: The toll was wrong.",
            "grade:\n  reliability: G\n  credibility: \"2\"\n  note: Two wires agree.",
          ].join("\n"),
        }),
      );
    });
    const at = (line: number, rest: string) => `${F}:${line} ${rest}`;
    expect(problems).toEqual([
      at(12, 'incidents[0].fatalities: "over 50" is a lower bound: write it as "at least 50", and keep the source\'s words in { toll: "at least 50", words: "over 50" } (got: "over 50")'),
      at(16, 'incidents[1].fatalities: is a range upside down: write the lower figure first, "19-20" (got: "20-19")'),
      at(17, 'incidents[2].id: is already the id of an incident in this item: ids are unique across the archive; give this one another (got: "case-1")'),
      at(20, 'incidents[2].place_precision: is "place": name the place in `place`, or write place_precision: region when the sources give only the region (got: "place")'),
      at(26, 'incidents[3].accounts[1].source: is the same source as account 1\'s, for the same speaker ("army"): one speaker in one source is one account; merge them, or cite the other source (got: "https://wire.example/a")'),
      at(28, 'corrections[0].date: is before the item was published (2020-12-03): a correction is made after publication (got: "2020-12-01")'),
      at(31, 'grade.reliability: must be a letter A to F: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged (got: "G")'),
      at(32, 'grade.credibility: must be a figure without quotes: write 2 (got: "2")'),
    ]);
  });

  it("and reports every problem of the run at once", async () => {
    const problems = await problemsAfter(async (root) => {
      await item(root, frontMatter({ title: null }), "2020/first");
      await item(root, frontMatter({ countries: "countries: [atlantis]" }), "2020/second");
      await writeText(root, "content/issues/2020-W54.md", "---\nheadline: H\n---\n");
    });
    expect(problems).toHaveLength(3);
  });
});

describe("npm run check", () => {
  const check = (root: string) =>
    promisify(execFile)(path.resolve("node_modules/.bin/tsx"), [path.resolve("src/cli/check.ts")], { cwd: root }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("says the content is valid", async () => {
    const result = await check(base.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Content is valid: 2 items (0 drafts, 0 scheduled) recording 0 incidents, 1 weekly notes, 4 countries, 0 regions, 2 actors, 1 themes.");
  });

  it("lists the problems and exits non-zero, without building", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-digest-check-"));
    scratch.push(root);
    await cp(base.root, root, { recursive: true });
    await rm(path.join(root, "_site"), { recursive: true });
    await item(root, frontMatter({ countries: "countries: [nigerr]" }));
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${F}:4 countries: unknown country "nigerr" — did you mean "niger"?`);
    expect(await snapshot(root).then((files) => Object.keys(files).some((f) => f.startsWith("_site")))).toBe(false);
  });
});
