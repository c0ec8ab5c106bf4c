// `npm run new`: slugs, where files go and which issue they fall in, what is refused, and
// that the file written loads once its placeholders are filled in.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, realpath, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { runNew } from "../../src/cli/new.ts";
import { parseFrontMatter } from "../../src/content/load/frontmatter.ts";
import { loadContent } from "../../src/content/load/content.ts";
import { slug as slugSchema } from "../../src/content/schemas.ts";
import { readArgs } from "../../src/cli/new/args.ts";
import { itemWritten, planItem, type ItemProject } from "../../src/cli/new/item.ts";
import { noteWritten, planNote } from "../../src/cli/new/note.ts";
import { translationTarget } from "../../src/cli/new/translate.ts";
import { shippedCatalogue } from "../fixtures/words.ts";
import { elidedWords, MAX_SLUG_LENGTH, slugFromTitle } from "../../src/cli/new/slug.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { createFixture, fixtureActors, fixtureRegions, fixtureThemes, translatedInto, type FixtureOptions } from "../fixtures/content.ts";
import { english } from "../fixtures/words.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});

async function fixture(options: FixtureOptions = {}): Promise<string> {
  const created = await createFixture(options);
  cleanups.push(created.remove);
  return created.root;
}

const LATER = DateTime.fromISO("2030-01-01T00:00:00Z");

/** Every file below the fixture's content/, to show that a refusal wrote nothing. */
async function contentFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, "content"), { recursive: true })).sort();
}

describe("slugFromTitle", () => {
  it.each([
    ["Attaque à Ménaka : l'armée riposte", "attaque-a-menaka-l-armee-riposte"],
    ["JNIM and Islamic State fighters clash near N’Daki", "jnim-and-islamic-state-fighters-clash-near-n-daki"],
    ["Burkina Faso's election campaign opens", "burkina-fasos-election-campaign-opens"],
    ["Farmer–herder clashes spread across Chad’s Mayo-Kebbi Est", "farmer-herder-clashes-spread-across-chads-mayo-kebbi-est"],
    ["Côte d'Ivoire: jusqu'à Kafolo", "cote-d-ivoire-jusqu-a-kafolo"],
    ["Straße, Œuvre & Łódź — 100 % “quoted”", "strasse-oeuvre-lodz-100-quoted"],
    ["  --Déby__signs   (the) \"revised\" constitution!!  ", "deby-signs-the-revised-constitution"],
    ["COVID-19: 41 candidacies", "covid-19-41-candidacies"],
  ])("%s → %s", (title, expected) => {
    // The words French elides, as its catalogue gives them: the sample's titles mix languages.
    expect(slugFromTitle(title, elidedWords(shippedCatalogue("fr")))).toBe(expected);
    expect(slugSchema.safeParse(expected).success).toBe(true);
  });

  it("splits an elided word only in a language whose catalogue elides it", () => {
    expect(slugFromTitle("Attaque à Ménaka : l'armée riposte", elidedWords(shippedCatalogue("en")))).toBe("attaque-a-menaka-larmee-riposte");
    expect(slugFromTitle("Attaque à Ménaka : l'armée riposte", elidedWords(shippedCatalogue("fr")))).toBe("attaque-a-menaka-l-armee-riposte");
  });

  it("cuts a long title at a word boundary, at most 60 characters", () => {
    const slug = slugFromTitle("Mali's prime minister says talks with jihadists can include Iyad Ag Ghali");
    expect(slug).toBe("malis-prime-minister-says-talks-with-jihadists-can-include");
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    // One word longer than the limit is cut inside it.
    expect(slugFromTitle("x".repeat(80))).toBe("x".repeat(60));
    expect(slugFromTitle(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
  });

  it("is empty when nothing in the title is a Latin letter or digit", () => {
    expect(slugFromTitle("!!! — ???")).toBe("");
    expect(slugFromTitle("هجوم في ميناكا")).toBe("");
  });
});

describe("planItem", () => {
  const project: ItemProject = {
    zone: "Africa/Bamako",
    now: DateTime.fromISO("2020-12-03T10:00:00Z"),
    known: { countries: new Set(["mali", "niger", "burkina-faso"]), actors: new Set(["jnim"]), themes: new Set(["elections"]) },
    existing: ["2019/attack-in-menaka.md", "2020/Old-News.md"],
    words: english,
  };
  const request = { title: "Ambush near Ménaka", countries: ["mali"], tags: [] };

  it("puts the file in its year and names its issue, today by default", () => {
    const plan = planItem(request, project);
    if (!plan.ok) throw new Error(plan.errors.join("\n"));
    expect(plan.file).toBe("content/articles/2020/ambush-near-menaka.md");
    expect(itemWritten(plan, english)).toEqual([
      "Wrote content/articles/2020/ambush-near-menaka.md, dated 3 December 2020: it falls in issue 2020-W49 (30 November – 6 December 2020).",
      "Fill in the summary and source, then run npm run check: a draft's problems are told as its own and hold back only itself. Remove draft: true to publish it.",
    ]);
  });

  it("counts today on the digest's clocks, not the machine's", () => {
    // 23:30 UTC on 31 December is already 1 January in Kiritimati (UTC+14).
    const plan = planItem(request, { ...project, zone: "Pacific/Kiritimati", now: DateTime.fromISO("2020-12-31T23:30:00Z") });
    expect(plan).toMatchObject({ ok: true, file: "content/articles/2021/ambush-near-menaka.md", week: { id: "2020-W53" } });
  });

  it("files an item of 2 January 2021 under 2021, in issue 2020-W53", () => {
    const plan = planItem({ ...request, date: "2021-01-02" }, project);
    if (!plan.ok) throw new Error(plan.errors.join("\n"));
    expect(plan.file).toBe("content/articles/2021/ambush-near-menaka.md");
    expect(plan.week.id).toBe("2020-W53");
    expect(itemWritten(plan, english)[0]).toContain("it falls in issue 2020-W53 (28 December 2020 – 3 January 2021).");
    // After today: production holds it back, and the editor is told.
    expect(itemWritten(plan, english)[1]).toBe("Its date is after today: production builds hold it back until then.");
  });

  it("writes every field of the front matter, the title quoted as YAML reads it back", () => {
    const title = 'He said "no" \\ then: #1 — l\'armée';
    const plan = planItem({ title, countries: ["mali", "niger", "mali"], tags: ["jnim"], date: "2020-12-03" }, project);
    if (!plan.ok) throw new Error(plan.errors.join("\n"));
    const parsed = parseFrontMatter(plan.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.data).toEqual({
      title,
      date: "2020-12-03",
      countries: ["mali", "niger"],
      summary: "",
      source: { name: "" },
      tags: ["jnim"],
      incidents: [],
      draft: true,
    });
    // The optional fields are there too, as commented hints.
    for (const field of ["location", "url", "published", "type", "subtype", "date_precision", "region", "place", "place_precision", "fatalities", "accounts", "retired_ids", "grade", "corrections"]) {
      expect(plan.text).toMatch(new RegExp(`^ *#[ -]*${field}: \\S.*  # `, "m"));
    }
    expect(plan.text.split("\n").filter((line) => /^\w+:/.test(line)).every((line) => line.includes("  # "))).toBe(true);
  });

  it("quotes a slug that YAML would read as something else", () => {
    const plan = planItem({ ...request, countries: ["null", "mali"], tags: ["1e5"], date: "2020-12-03" }, { ...project, known: { ...project.known, countries: new Set(["null", "mali"]), themes: new Set(["1e5"]) } });
    if (!plan.ok) throw new Error(plan.errors.join("\n"));
    const parsed = parseFrontMatter(plan.text);
    expect(parsed.ok && parsed.value.data).toMatchObject({ countries: ["null", "mali"], tags: ["1e5"] });
  });

  it("refuses a slug that exists in any year, whatever its case", () => {
    expect(planItem({ ...request, title: "Attack in Ménaka!" }, project)).toEqual({
      ok: false,
      errors: ['content/articles/2019/attack-in-menaka.md already has the slug "attack-in-menaka" (slugs are unique across all years): make the title more specific'],
    });
    expect(planItem({ ...request, title: "Old news" }, project)).toMatchObject({ ok: false, errors: [expect.stringContaining("content/articles/2020/Old-News.md already has")] });
  });

  it("refuses unknown countries and tags, with a suggestion or the list, and says where to add one", () => {
    expect(planItem({ ...request, countries: ["malli", "chad"], tags: ["jnm", "zzzzzz"] }, project)).toEqual({
      ok: false,
      errors: [
        '--country: unknown country "malli" — did you mean "mali"? (a new one is added in content/_data/countries.ts)',
        '--country: unknown country "chad": the known ones are burkina-faso, mali, niger. A new one is added in content/_data/countries.ts',
        '--tag: unknown tag "jnm" — did you mean "jnim"? (a new one is added in content/_data/actors.ts or content/_data/themes.ts)',
        '--tag: unknown tag "zzzzzz": the known ones are elections, jnim. A new one is added in content/_data/actors.ts or content/_data/themes.ts',
      ],
    });
    expect(planItem({ ...request, countries: [] }, project)).toEqual({
      ok: false,
      errors: ["name at least one country with --country SLUG: the known ones are burkina-faso, mali, niger"],
    });
  });

  it.each([
    ["2020-02-30", '--date: is not a real date (got: "2020-02-30")'],
    ["03/12/2020", '--date: must be a day such as 2020-12-03 (got: "03/12/2020")'],
    ["2020-12-03T10:00", '--date: must be a day such as 2020-12-03 (got: "2020-12-03T10:00")'],
    ["1899-12-31", '--date: must be a year from 1900 to 2100 (got: "1899-12-31")'],
    ["2101-01-01", '--date: must be a year from 1900 to 2100 (got: "2101-01-01")'],
  ])("refuses --date %s", (date, error) => {
    expect(planItem({ ...request, date }, project)).toEqual({ ok: false, errors: [error] });
  });

  it("refuses a title that makes no slug, or none at all", () => {
    expect(planItem({ ...request, title: "?!" }, project)).toEqual({
      ok: false,
      errors: ['the title "?!" makes an empty slug: it needs a letter or digit from a to z or 0 to 9 (the file name and URL are made of them)'],
    });
    expect(planItem({ ...request, title: "  " }, project)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the title is empty/)] });
    expect(planItem({ ...request, title: "Bell\u0007" }, project)).toMatchObject({ ok: false, errors: [expect.stringContaining("control character (U+0007)")] });
  });
});

describe("translationTarget", () => {
  const project = { language: "en", editions: ["fr"], items: ["2020/toumour.md", "2020/toumour.fr.md", "2020/ouallam.md"], notes: ["2020-W49.md"] };
  it("finds the original by slug, path or week, and where its translation goes", () => {
    expect(translationTarget({ target: "ouallam", language: "fr" }, project)).toEqual({ ok: true, kind: "item", original: "content/articles/2020/ouallam.md", file: "content/articles/2020/ouallam.fr.md" });
    expect(translationTarget({ target: "content/articles/2020/ouallam.md", language: "fr" }, project)).toMatchObject({ ok: true, file: "content/articles/2020/ouallam.fr.md" });
    expect(translationTarget({ target: "2020-w49", language: "fr" }, project)).toEqual({ ok: true, kind: "note", original: "content/issues/2020-W49.md", file: "content/issues/2020-W49.fr.md" });
  });
  it("refuses a language that is not an edition, the digest's own, a translation that exists, and an original that does not", () => {
    expect(translationTarget({ target: "ouallam", language: "es" }, project)).toEqual({ ok: false, errors: ["es is not an edition of the digest (its editions: fr); add it to site.ts editions first"] });
    expect(translationTarget({ target: "ouallam", language: "en" }, project)).toMatchObject({ ok: false });
    expect(translationTarget({ target: "toumour", language: "fr" }, project)).toEqual({ ok: false, errors: ["content/articles/2020/toumour.fr.md already exists: the translation is edited there"] });
    expect(translationTarget({ target: "2020-W50", language: "fr" }, project)).toEqual({ ok: false, errors: ["content/issues/2020-W50.md does not exist: write the week's note first (npm run new -- note 2020-W50)"] });
    expect(readArgs(["translate", "ouallam"])).toMatchObject({ kind: "usage" });
    expect(readArgs(["translate", "ouallam", "fr"])).toEqual({ kind: "translate", target: "ouallam", language: "fr" });
  });
});

describe("planNote", () => {
  const project = { zone: "Africa/Bamako", now: DateTime.fromISO("2021-01-02T12:00:00Z"), existing: ["2020-W49.md"], words: english };

  it("names the week, or finds it from a date or today", () => {
    expect(planNote({ week: "2020-W48" }, project)).toMatchObject({ ok: true, file: "content/issues/2020-W48.md" });
    expect(planNote({ week: "2020-w5" }, project)).toMatchObject({ ok: true, file: "content/issues/2020-W05.md" });
    expect(planNote({ date: "2021-01-02" }, project)).toMatchObject({ ok: true, file: "content/issues/2020-W53.md" });
    const today = planNote({}, project);
    if (!today.ok) throw new Error(today.errors.join("\n"));
    expect(noteWritten(today, english)[0]).toBe("Wrote content/issues/2020-W53.md, the note of issue 2020-W53 (28 December 2020 – 3 January 2021).");
    const parsed = parseFrontMatter(today.text);
    expect(parsed.ok && parsed.value.data).toEqual({ headline: "", draft: true });
  });

  it("refuses an existing note and a week that does not exist", () => {
    expect(planNote({ week: "2020-W49" }, project)).toEqual({ ok: false, errors: ["content/issues/2020-W49.md already exists: the note of issue 2020-W49 is edited there"] });
    expect(planNote({ week: "2021-W53" }, project)).toEqual({ ok: false, errors: ["2021-W53 does not exist: 2021 has 52 ISO weeks"] });
    expect(planNote({ week: "2020-W00" }, project)).toEqual({ ok: false, errors: ["2020-W00 does not exist: 2020 has 53 ISO weeks"] });
    expect(planNote({ week: "2020-49" }, project)).toEqual({ ok: false, errors: ['the week must be written as 2020-W49 (got: "2020-49")'] });
    expect(planNote({ week: "1899-W10" }, project)).toEqual({ ok: false, errors: ['the week must be in a year from 1900 to 2100 (got: "1899-W10")'] });
    expect(planNote({ date: "2020-13-01" }, project)).toEqual({ ok: false, errors: ['--date: is not a real date (got: "2020-13-01")'] });
  });
});

describe("readArgs", () => {
  it("reads an item, a note and what cannot be read", () => {
    expect(readArgs(["item", "Attack", "near", "Gao", "--country", "mali,niger", "--tag", "jnim", "--date", "2020-12-03"])).toEqual({
      kind: "item", title: "Attack near Gao", countries: ["mali", "niger"], tags: ["jnim"], date: "2020-12-03",
    });
    expect(readArgs(["note", "2020-W49", "--root", "x"])).toEqual({ kind: "note", week: "2020-W49", root: "x" });
    expect(readArgs(["note", "2020-W49", "--date", "2020-12-03"])).toMatchObject({ kind: "usage" });
    expect(readArgs(["note", "--tag", "jnim"])).toMatchObject({ kind: "usage" });
    expect(readArgs(["item"])).toMatchObject({ kind: "usage" });
    expect(readArgs(["page", "x"])).toMatchObject({ kind: "usage", message: 'Unknown kind "page"; npm run new makes: item, note, translate.' });
    expect(readArgs(["item", "x", "--colour", "red"])).toMatchObject({ kind: "usage" });
  });
});

describe("npm run new, on a project", () => {
  const env = { DIGEST_NOW: "2020-12-03T12:00:00Z" };

  it("writes an item that loads once its summary and source are filled in", async () => {
    // A digest with a French edition: a slug splits the words French elides ("l'armée").
    const root = await fixture({
      regions: fixtureRegions,
      site: { editions: [{ language: "fr", description: "Un condensé de test." }] },
      actors: translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })),
      themes: translatedInto(fixtureThemes, "fr", () => ({ name: "Élections" })),
    });
    const result = await runNew(["item", "Attaque à Ménaka : l'armée riposte", "--country", "mali", "--tag", "jnim", "--root", root], { env });
    expect(result).toEqual({
      code: 0,
      out: [
        "Wrote content/articles/2020/attaque-a-menaka-l-armee-riposte.md, dated 3 December 2020: it falls in issue 2020-W49 (30 November – 6 December 2020).",
        "Fill in the summary and source, then run npm run check: a draft's problems are told as its own and hold back only itself. Remove draft: true to publish it.",
      ],
      err: [],
    });
    const file = path.join(root, "content/articles/2020/attaque-a-menaka-l-armee-riposte.md");
    const written = await readFile(file, "utf8");

    // As written, the check tells the placeholders as the draft's problems, and where; they block nothing else.
    const problems = await loadContent({ root, now: LATER, includeDrafts: true }).then(
      (content) => (content.draftProblems ?? []).map(formatProblem),
      (error: unknown) => (error instanceof ContentError ? error.problems.map(formatProblem) : Promise.reject(error)),
    );
    expect(problems).toEqual([
      'content/articles/2020/attaque-a-menaka-l-armee-riposte.md:7 summary: must not be empty (got: "")',
      'content/articles/2020/attaque-a-menaka-l-armee-riposte.md:9 source.name: must not be empty (got: "")',
    ]);

    // Filled in: a draft, left out of production.
    const filled = written.replace('summary: ""', 'summary: "Soldiers repelled an attack."').replace('name: ""', 'name: "A wire"');
    await writeFile(file, filled);
    const draft = await loadContent({ root, now: LATER, includeDrafts: true });
    expect(draft.items.map((item) => [item.file, item.title, item.draft, item.week.id, item.tags])).toEqual([
      ["content/articles/2020/attaque-a-menaka-l-armee-riposte.md", "Attaque à Ménaka : l'armée riposte", true, "2020-W49", ["jnim"]],
    ]);
    expect((await loadContent({ root, now: LATER })).items).toEqual([]);

    // draft: true removed and the example incident taken up (but for the place and its precision): published.
    const published = filled
      .replace(/^draft: true.*\n/m, "")
      .replace(/^incidents: \[\].*\n/m, "incidents:\n")
      .replace(/^#\s+place: .*\n/m, "")
      .replace(/^#\s+place_precision: .*\n/m, "")
      .replace(/^#\s+accounts: .*\n/m, "")
      .replace(/^# ( {2,}[-\w])/gm, "$1");
    await writeFile(file, published);
    const [item] = (await loadContent({ root, now: LATER })).items;
    expect(item).toMatchObject({ draft: false, incidents: [{ type: "violence-against-civilians", subtype: "attack", region: "mopti", fatalities: { kind: "exact", min: 4, max: 4 } }] });
  });

  it("refuses, writing nothing, with exit code 1", async () => {
    const root = await fixture({ items: [{ path: "2019/attack-in-gao", title: "Old", date: "2019-05-01", countries: ["mali"] }], notes: { "2020-W49": ["H", "L"] } });
    const before = await contentFiles(root);
    const run = (...args: string[]) => runNew([...args, "--root", root], { env });
    expect(await run("item", "Attack in Gao", "--country", "mali")).toEqual({
      code: 1,
      out: [],
      err: ['content/articles/2019/attack-in-gao.md already has the slug "attack-in-gao" (slugs are unique across all years): make the title more specific'],
    });
    expect(await run("item", "Attack in Mopti", "--country", "malli")).toMatchObject({ code: 1, err: [expect.stringContaining('did you mean "mali"?')] });
    expect(await run("item", "Attack in Mopti", "--country", "mali", "--date", "2020-02-30")).toMatchObject({ code: 1, err: ['--date: is not a real date (got: "2020-02-30")'] });
    expect(await run("note", "2020-W49")).toMatchObject({ code: 1, err: ["content/issues/2020-W49.md already exists: the note of issue 2020-W49 is edited there"] });
    expect(await run("note", "2021-W53")).toMatchObject({ code: 1, err: ["2021-W53 does not exist: 2021 has 52 ISO weeks"] });
    expect(await run("note", "2020-W50", "--tag", "jnim")).toMatchObject({ code: 2 });
    expect(await runNew(["note"], { cwd: path.join(root, "content") })).toMatchObject({ code: 1, err: [expect.stringContaining("has no content/ folder")] });
    expect(await runNew(["note", "--root", root], { env: { DIGEST_NOW: "soon" } })).toMatchObject({ code: 1, err: ['DIGEST_NOW must be an ISO 8601 date or time (got: "soon")'] });
    expect(await contentFiles(root)).toEqual(before);
  });

  it("refuses, in one line naming the link, to write through a year folder that is a link out of the project", async () => {
    const root = await fixture();
    const outside = await fixture();
    const elsewhere = path.join(outside, "elsewhere");
    await mkdir(elsewhere);
    await mkdir(path.join(root, "content/articles"), { recursive: true });
    await symlink(elsewhere, path.join(root, "content/articles/2020"));
    await symlink(elsewhere, path.join(root, "content/issues"));
    const run = (...args: string[]) => runNew([...args, "--root", root], { env });
    expect(await run("item", "Attack in Mopti", "--country", "mali")).toEqual({
      code: 1,
      out: [],
      err: [`content/articles/2020 is a link to ${await realpath(elsewhere)}, outside the project: npm run new writes only inside it (nothing was written)`],
    });
    expect(await run("note", "2020-W49")).toEqual({
      code: 1,
      out: [],
      err: [`content/issues is a link to ${await realpath(elsewhere)}, outside the project: npm run new writes only inside it (nothing was written)`],
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it("writes this week's note, which loads once its headline is written", async () => {
    const root = await fixture({ items: [{ path: "2020/ok", title: "Fine", date: "2020-12-03", countries: ["mali"] }] });
    expect(await runNew(["note", "--root", root], { env })).toEqual({
      code: 0,
      out: [
        "Wrote content/issues/2020-W49.md, the note of issue 2020-W49 (30 November – 6 December 2020).",
        "Write the headline, the lead and the week's trends, then run npm run check (the week must have at least one item). Remove draft: true to publish it.",
      ],
      err: [],
    });
    const file = path.join(root, "content/issues/2020-W49.md");
    await writeFile(file, (await readFile(file, "utf8")).replace('headline: ""', 'headline: "A quiet week"').replace(/^draft: true.*\n/m, ""));
    const content = await loadContent({ root, now: LATER });
    expect(content.notes.map((note) => [note.week.id, note.headline])).toEqual([["2020-W49", "A quiet week"]]);
  });

  it("runs as a command: exit codes and output", async () => {
    const root = await fixture();
    const tsx = path.resolve("node_modules/.bin/tsx");
    const command = (...args: string[]) =>
      promisify(execFile)(tsx, ["src/cli/new.ts", ...args, "--root", root], { env: { ...process.env, DIGEST_NOW: "2021-01-02T09:00:00Z" } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const [written, refused] = await Promise.all([command("item", "New year raid", "--country", "niger"), command("item", "Raid", "--country", "nigerr")]);
    expect(written).toEqual({
      code: 0,
      stdout: "Wrote content/articles/2021/new-year-raid.md, dated 2 January 2021: it falls in issue 2020-W53 (28 December 2020 – 3 January 2021).\nFill in the summary and source, then run npm run check: a draft's problems are told as its own and hold back only itself. Remove draft: true to publish it.\n",
      stderr: "",
    });
    expect(existsSync(path.join(root, "content/articles/2021/new-year-raid.md"))).toBe(true);
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr: '--country: unknown country "nigerr" — did you mean "niger"? (a new one is added in content/_data/countries.ts)\n',
    });
  });
});
