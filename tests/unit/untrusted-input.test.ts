// Input a careless or hostile editor can produce, class by class: each is refused where it
// enters, with the file, line and field, and nothing hangs, crashes or reaches a feed.
// Load-level: the loader is where text enters, so no site is built here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { loadContent } from "../../src/content/load/content.ts";
import { formatProblem, showValue } from "../../src/core/problems.ts";
import { parseItemDate } from "../../src/core/dates.ts";
import { parseWeekId } from "../../src/core/weeks.ts";
import { parseFrontMatter } from "../../src/content/load/frontmatter.ts";
import { problemsOf } from "../fixtures/problems.ts";
import { createFixture, dataFile, fixtureCountries, itemFile, writeFixture, writeText, type FixtureItem } from "../fixtures/content.ts";

const now = DateTime.fromISO("2030-01-01T00:00:00Z");
/** Loaded as the preview loads it, drafts included. */
const problemsOfDrafts = (root: string) => problemsOf(root, { includeDrafts: true });
const ok: FixtureItem = { path: "2020/ok", title: "Fine", date: "2020-12-03", countries: ["mali"], tags: ["jnim"] };

let fixture: { root: string; remove: () => Promise<void> };
let case_ = 0;
beforeAll(async () => {
  fixture = await createFixture({});
});
afterAll(async () => fixture.remove());

/** A project of its own for one case, inside the suite's fixture folder. */
async function project(options: Parameters<typeof writeFixture>[1] = { items: [ok] }): Promise<string> {
  const root = path.join(fixture.root, `case-${++case_}`);
  await writeFixture(root, options);
  return root;
}

describe("characters XML forbids", () => {
  it("are refused as typed in a field or the body, with the line and the field", async () => {
    const root = await project();
    const text = itemFile({ ...ok, path: "2020/typed", title: "A\fB", body: "First line.\n\nSecond \u0001 line." });
    // As typed: the fixture writer would have escaped the title's form feed as "\f".
    await writeText(root, "content/articles/2020/typed.md", text.replace('"A\\fB"', "A\fB").replace('summary: "', 'summary: "Tab\tok, U+FFFE \uFFFE, '));
    expect(await problemsOfDrafts(root)).toEqual([
      "content/articles/2020/typed.md:2 title: contains a control character (U+000C); it is invisible, so retype the text around it",
      "content/articles/2020/typed.md:5 summary: contains a non-character (U+FFFE); retype the text around it",
      "content/articles/2020/typed.md:12 body: contains a control character (U+0001); it is invisible, so retype the text around it",
    ]);
  });

  it("are refused when written as YAML escapes, lone surrogates included", async () => {
    const root = await project();
    await writeText(
      root,
      "content/articles/2020/escaped.md",
      '---\ntitle: "Bell \\a"\ndate: 2020-12-03\ncountries: [mali]\nsummary: "Half a pair \\uD800 here"\nsource:\n  name: "Wire \\x0B"\n---\nBody.\n',
    );
    expect(await problemsOfDrafts(root)).toEqual([
      "content/articles/2020/escaped.md:2 title: contains a control character (U+0007); it is invisible, so retype the text around it",
      "content/articles/2020/escaped.md:5 summary: contains a lone surrogate (U+D800), which is not a character; retype the text around it",
      "content/articles/2020/escaped.md:7 source.name: contains a control character (U+000B); it is invisible, so retype the text around it",
    ]);
  });

  it("are refused in weekly notes and in every data file", async () => {
    const root = await project({ items: [ok], notes: { "2020-W49": ["Headline \u001b[31m", "Lead."] } });
    await writeText(root, "content/_data/countries.ts", dataFile(fixtureCountries.map((c) => (c.slug === "niger" ? { ...c, profile: "Profile \u0000." } : c))));
    await writeText(root, "content/_data/site.ts", `export default { title: "Digest \\uDC00", description: "d", url: "https://d.example/", language: "en", timeZone: "UTC", publisher: "p" };\n`);
    expect(await problemsOfDrafts(root)).toEqual([
      "content/_data/site.ts title: contains a lone surrogate (U+DC00), which is not a character; retype the text around it",
      "content/_data/countries.ts [2] niger.profile: contains a control character (U+0000); it is invisible, so retype the text around it",
      "content/issues/2020-W49.md:2 headline: contains a control character (U+001B); it is invisible, so retype the text around it",
    ]);
  });

  it("leave tabs, line ends and every real character alone", async () => {
    const root = await project({ items: [{ ...ok, title: "Ménaka — \u0085 \u007f \uFFFD 😀 \u200f", body: "Line\r\nwith\ttab." }] });
    const content = await loadContent({ root, now });
    expect(content.items[0]!.title).toBe("Ménaka — \u0085 \u007f \uFFFD 😀 \u200f");
  });
});

describe("YAML anchors and aliases", () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)];

  it("are refused before anything expands them: an alias bomb, a cycle, a lone anchor", async () => {
    const root = await project();
    await writeText(root, "content/articles/2020/bomb.md", `---\ntitle: Bomb\n${bomb.join("\n")}\n---\nBody.\n`);
    await writeText(root, "content/articles/2020/cycle.md", "---\ntitle: &t Cycle\nsource: &s\n  name: *s\n---\nBody.\n");
    await writeText(root, "content/articles/2020/anchor.md", "---\ntitle: Anchor\nsummary: &keep One sentence.\n---\nBody.\n");
    const started = Date.now();
    expect(await problemsOfDrafts(root)).toEqual([
      "content/articles/2020/anchor.md:3 front matter: uses a YAML anchor (&keep); write the value out in full",
      "content/articles/2020/bomb.md:3 front matter: uses a YAML anchor (&a); write the value out in full",
      "content/articles/2020/cycle.md:2 front matter: uses a YAML anchor (&t); write the value out in full",
    ]);
    // Not a timing test: the bomb expanded would be 9^9 strings; refused, it is nothing.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("are not confused with an & or a * in ordinary text", () => {
    const plain = parseFrontMatter('---\ntitle: Q&A with the minister\nsummary: "5 * 3 = 15, *emphasis*, & more"\nnote: a &b *c\n---\n');
    expect(plain.ok && plain.value.data).toEqual({ title: "Q&A with the minister", summary: "5 * 3 = 15, *emphasis*, & more", note: "a &b *c" });
  });

  it("an alias alone is refused too, and nesting deep enough to overflow the stack is one line", () => {
    expect(parseFrontMatter("---\ntitle: *nothing\n---\n")).toMatchObject({ ok: false, line: 2, message: "uses a YAML alias (*nothing); write the value out in full" });
    const deep = parseFrontMatter(`---\ntitle: ${"[".repeat(200_000)}\n---\n`);
    expect(deep).toMatchObject({ ok: false });
  });
});

describe("the problem formatter", () => {
  it("never throws and stays short, whatever the value", () => {
    const cycle: Record<string, unknown> = { name: "loop" };
    cycle.self = cycle;
    const hostile = {
      get boom() {
        throw new Error("getter");
      },
    };
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    for (const value of [cycle, 10n, huge, hostile, Symbol("s"), () => 1, "x".repeat(10_000), undefined, null]) {
      const shown = showValue(value);
      expect(shown.length).toBeLessThanOrEqual(80);
    }
    expect(showValue(cycle)).toBe('{"name":"loop","self":(circular)}');
    expect(showValue([1, "two", null])).toBe('[1,"two",null]');
    expect(showValue(hostile)).toBe("(a value that cannot be shown)");
    expect(formatProblem({ file: "f.ts", field: "x", message: "m", value: cycle })).toBe('f.ts x: m (got: {"name":"loop","self":(circular)})');
  });
});

describe("dates", () => {
  it("refuse offsets beyond ±14:00 and years outside 1900-2100", () => {
    expect(parseItemDate("2020-12-03T10:00:00+14:00", "UTC").ok).toBe(true);
    expect(parseItemDate("2020-12-03T10:00:00-12:00", "UTC").ok).toBe(true);
    expect(parseItemDate("2020-12-03T10:00:00+14:01", "UTC")).toEqual({ ok: false, message: "has a time-zone offset outside -14:00 to +14:00" });
    expect(parseItemDate("2020-12-03T10:00:00-23:59", "UTC")).toEqual({ ok: false, message: "has a time-zone offset outside -14:00 to +14:00" });
    expect(parseItemDate("2020-12-03T10:00:00+0199", "UTC")).toEqual({ ok: false, message: "has a time-zone offset outside -14:00 to +14:00" });
    for (const date of ["0202-12-03", "1899-12-31", "2101-01-01", "9999-12-31T10:00:00Z"]) {
      expect(parseItemDate(date, "UTC"), date).toEqual({ ok: false, message: "must be a year from 1900 to 2100" });
    }
    expect(parseItemDate("1900-01-01", "UTC").ok).toBe(true);
    // In range as written, out of range on the digest's clocks.
    expect(parseItemDate("2100-12-31T23:00:00-05:00", "UTC")).toEqual({ ok: false, message: "must be a year from 1900 to 2100" });
    expect(parseWeekId("0001-W01")).toBeUndefined();
    expect(parseWeekId("2101-W01")).toBeUndefined();
  });

  it("are reported in an item, never moved to another week", async () => {
    const root = await project({ items: [ok, { ...ok, path: "2020/far", date: "2020-12-03T10:00:00+25:00" }, { ...ok, path: "2020/ancient", date: "0020-12-03" }] });
    expect(await problemsOfDrafts(root)).toEqual([
      'content/articles/2020/ancient.md:3 date: must be a year from 1900 to 2100 (got: "0020-12-03")',
      'content/articles/2020/far.md:3 date: has a time-zone offset outside -14:00 to +14:00 (got: "2020-12-03T10:00:00+25:00")',
    ]);
  });
});

describe("files", () => {
  it("reads only regular UTF-8 files inside the project, and lists every other problem of the run too", async () => {
    const root = await project({ items: [ok, { ...ok, path: "2020/inside-target", title: "Target" }, { ...ok, path: "2020/broken", countries: ["malli"] }] });
    const articles = path.join(root, "content/articles/2020");
    const outside = await mkdtemp(path.join(tmpdir(), "sahel-outside-"));
    try {
      await writeFile(path.join(outside, "secret.md"), itemFile({ ...ok, path: "x", title: "Outside" }));
      await symlink(path.join(outside, "secret.md"), path.join(articles, "outside-link.md"));
      await symlink(outside, path.join(root, "content/articles/2019"));
      await mkdir(path.join(root, "notes"), { recursive: true });
      await writeFile(path.join(root, "notes/inside.md"), itemFile({ ...ok, path: "x", title: "Linked from inside" }));
      await symlink(path.join(root, "notes/inside.md"), path.join(articles, "inside-link.md"));
      await mkdir(path.join(articles, "folder.md"));
      // Emacs's lock file: a link to nothing.
      await symlink("editor@host.4242:1700000000", path.join(articles, ".#ok.md"));
      execFileSync("mkfifo", [path.join(articles, "pipe.md")]);
      await writeFile(path.join(articles, "latin1.md"), Buffer.concat([Buffer.from(itemFile({ ...ok, path: "x", title: "Latin" }).replace("Body", "Caf")), Buffer.from([0xe9, 0x0a])]));
      const started = Date.now();
      expect(await problemsOfDrafts(root)).toEqual([
        `content/articles/2019 is a link to ${outside}, outside the project; copy the file into content/ instead`,
        "content/articles/2020/folder.md is a folder, not a Markdown file",
        `content/articles/2020/outside-link.md is a link to ${path.join(outside, "secret.md")}, outside the project; copy the file into content/ instead`,
        "content/articles/2020/pipe.md is a named pipe (FIFO), not a regular file",
        'content/articles/2020/broken.md:4 countries: unknown country "malli" — did you mean "mali"?',
        "content/articles/2020/latin1.md:11 is not valid UTF-8 text; save it with the UTF-8 encoding",
      ]);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("passes over hidden files, and reads a link to a file inside the project", async () => {
    const root = await project({ items: [ok] });
    const articles = path.join(root, "content/articles/2020");
    await symlink("editor@host.4242:1700000000", path.join(articles, ".#ok.md"));
    await writeFile(path.join(root, "elsewhere.md"), itemFile({ ...ok, path: "x", title: "Linked" }));
    await symlink(path.join(root, "elsewhere.md"), path.join(articles, "linked.md"));
    const content = await loadContent({ root, now });
    expect(content.items.map((i) => i.title).sort()).toEqual(["Fine", "Linked"]);
    expect(content.passedOver).toEqual(["content/articles/2020/.#ok.md"]);
  });

  it.skipIf(process.getuid?.() === 0)("reports a file it may not read", async () => {
    const root = await project({ items: [ok, { ...ok, path: "2020/locked" }] });
    await chmod(path.join(root, "content/articles/2020/locked.md"), 0);
    expect(await problemsOfDrafts(root)).toEqual(["content/articles/2020/locked.md cannot be read: permission denied (EACCES)"]);
  });
});

describe("data files", () => {
  it("a syntax error is the compiler's message with line and column, and nothing that follows from it", async () => {
    const root = await project({ items: [ok, { ...ok, path: "2020/two", countries: ["niger"], tags: ["elections"] }] });
    await writeText(root, "content/_data/countries.ts", 'export default [\n  { slug: "mali", name: "Mali" ;\n];\n');
    await writeText(root, "content/_data/themes.ts", "export default [{ slug: 'elections', name: 'E', description: 'd' }]\nconst = 3;\n");
    expect(await problemsOfDrafts(root)).toEqual([
      'content/_data/countries.ts:2:31 is not valid TypeScript: a closing } is missing after this line: the entry opened with { on this line is not closed; end it with }\n    (compiler: Expected "}" but found ";")',
      'content/_data/themes.ts:2:7 is not valid TypeScript: Expected identifier but found "="',
    ]);
  });

  it("one that never finishes loading fails after a bound, naming the file", async () => {
    const root = await project();
    await writeText(root, "content/_data/themes.ts", "await new Promise(() => {});\nexport default [];\n");
    process.env.DIGEST_DATA_TIMEOUT_MS = "300";
    try {
      expect(await problemsOfDrafts(root)).toEqual([
        "content/_data/themes.ts did not finish loading within 0.3 s; a data file must not wait for anything (a top-level await, a timer)",
      ]);
    } finally {
      delete process.env.DIGEST_DATA_TIMEOUT_MS;
    }
  });

  it("must be a regular file inside the project: no FIFO, no link out", async () => {
    const root = await project();
    const outside = await mkdtemp(path.join(tmpdir(), "sahel-outside-"));
    try {
      await rm(path.join(root, "content/_data/themes.ts"));
      execFileSync("mkfifo", [path.join(root, "content/_data/themes.ts")]);
      await writeFile(path.join(outside, "actors.ts"), "export default [];\n");
      await rm(path.join(root, "content/_data/actors.ts"));
      await symlink(path.join(outside, "actors.ts"), path.join(root, "content/_data/actors.ts"));
      expect(await problemsOfDrafts(root)).toEqual([
        `content/_data/actors.ts is a link to ${path.join(outside, "actors.ts")}, outside the project; copy the file into content/ instead`,
        "content/_data/themes.ts is a named pipe (FIFO), not a regular file",
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe("more data file values", () => {
  it("a getter that throws or a list nested 200,000 deep is one line, not a crash", async () => {
    const root = await project();
    await writeText(
      root,
      "content/_data/site.ts",
      `let deep: unknown = "x";\nfor (let i = 0; i < 200000; i++) deep = [deep];\nexport default { title: "T", description: "d", url: "https://d.example/", language: "en", timeZone: "UTC", publisher: "p", deep, get boom() { throw new Error("getter boom"); } };\n`,
    );
    expect(await problemsOfDrafts(root)).toEqual([
      "content/_data/site.ts cannot be read: getter boom",
    ]);
  });

  it("an error in a file a data file imports names that file", async () => {
    const root = await project();
    await writeText(root, "package.json", '{ "type": "module" }\n');
    await writeText(root, "content/_data/helpers.ts", "export const x = {\n  a: 1\n  b: 2,\n};\n");
    await writeText(root, "content/_data/themes.ts", 'import { x } from "./helpers.ts";\nexport default x ? [] : [];\n');
    expect(await problemsOfDrafts(root)).toEqual(['content/_data/themes.ts could not be compiled: an imported file, content/_data/helpers.ts:2:7: a comma is missing after `a: 1`: put a comma after it\n    (compiler: Expected "}" but found "b")']);
  });
});

describe("linked folders", () => {
  it("content that lives outside the project through a linked folder is refused", async () => {
    const root = await project();
    const outside = await mkdtemp(path.join(tmpdir(), "sahel-outside-"));
    try {
      for (const folder of ["articles", "_data"]) {
        await rename(path.join(root, "content", folder), path.join(outside, folder));
        await symlink(path.join(outside, folder), path.join(root, "content", folder));
      }
      const problems = await problemsOfDrafts(root);
      expect(problems).toContain(`content/articles leads to ${path.join(outside, "articles")}, outside the project; content must live inside it`);
      expect(problems).toContain(`content/_data/site.ts leads to ${path.join(outside, "_data/site.ts")}, outside the project (through a linked folder); content must live inside it`);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe("figures and the map", () => {
  it("holds back figures for a week whose items are all drafts or embargoed", async () => {
    const figure = { country: "mali", trend: "deteriorated", reason: "Secret week." };
    const root = await project({ items: [ok, { ...ok, path: "2020/later-draft", date: "2020-12-10", draft: true }], figures: [{ ...figure, week: "2020-W49" }, { ...figure, week: "2020-W50" }] });
    expect((await loadContent({ root, now })).figures.map((f) => f.week.id)).toEqual(["2020-W49"]);
    expect((await loadContent({ root, now, includeDrafts: true })).figures.map((f) => f.week.id)).toEqual(["2020-W49", "2020-W50"]);
  });

  it("holds back figures for an earlier week, or a country's week, whose only items are drafts, and keeps a week with no item at all (issue 26)", async () => {
    const figure = { trend: "deteriorated", reason: "Secret week." };
    const draft = (path: string, date: string, country: string): FixtureItem => ({ ...ok, path, date, countries: [country], draft: true });
    const root = await project({
      items: [
        ok,
        // 2020-W48: Mali's only item is a draft; Niger's is out.
        draft("2020/mali-draft", "2020-11-25", "mali"),
        { ...ok, path: "2020/niger-out", date: "2020-11-25", countries: ["niger"] },
        // 2020-W46: the week's only item is a draft, about Niger.
        draft("2020/niger-draft", "2020-11-11", "niger"),
        // 2020-W47: no item at all.
      ],
      figures: [
        { ...figure, country: "mali", week: "2020-W48" },
        { ...figure, country: "niger", week: "2020-W48" },
        { ...figure, country: "mali", week: "2020-W47" },
        { ...figure, country: "mali", week: "2020-W46" },
      ],
    });
    const shown = async (includeDrafts: boolean) => (await loadContent({ root, now, includeDrafts })).figures.map((f) => `${f.country} ${f.week.id}`).sort();
    expect(await shown(false)).toEqual(["mali 2020-W47", "niger 2020-W48"]);
    expect(await shown(true)).toEqual(["mali 2020-W46", "mali 2020-W47", "mali 2020-W48", "niger 2020-W48"]);
  });

  it("refuse figures for a week after the latest issue, and a country the map cannot draw", async () => {
    const figure = { country: "mali", trend: "unchanged", reason: "Calm." };
    const root = await project({ items: [ok], figures: [{ ...figure, week: "2020-W49" }, { ...figure, week: "2020-W50" }] });
    await writeText(root, "content/_data/countries.ts", dataFile(fixtureCountries.map((c) => (c.slug === "niger" ? { ...c, iso: "ZZ" } : c))));
    expect(await problemsOfDrafts(root)).toEqual([
      'content/_data/countries.ts niger.iso: is not an ISO 3166 code of a country the map knows (Natural Earth 1:110m) (got: "ZZ")',
      'content/issues/2020-W50.md file name: names week 2020-W50, later than the latest issue (2020-W49): trends belong to a week that has items',
    ]);
  });
});
