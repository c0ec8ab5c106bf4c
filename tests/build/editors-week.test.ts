// An editor's week, from `npm run new` to the published folder (issue 29): three items and the
// weekly note with its trends, a French translation of an item and of the note, then check,
// preview, build and publish again. Each mistake an editor made is made here on purpose, and
// each message is checked: every problem of every file in one run, in words that name the fix;
// drafts that never block the rest; one line of what is left out and why. In-process calls
// throughout (runNew, loadContent, buildSite): the command lines are tested elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { runNew } from "../../src/cli/new.ts";
import { loadContent } from "../../src/content/load/content.ts";
import { leftOutLine } from "../../src/content/load/left-out.ts";
import { untranslatedIn } from "../../src/cli/untranslated.ts";
import { buildSite } from "../../src/publish/build.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { createFixture, dataFile, fixtureActors, fixtureRegions, fixtureThemes, translatedInto, writeText } from "../fixtures/content.ts";

const env = { DIGEST_NOW: "2020-12-10T12:00:00Z" };
const now = DateTime.fromISO(env.DIGEST_NOW);
let fixture: { root: string; remove: () => Promise<void> };
let root: string;
let cache: string;

const file = (relative: string) => path.join(root, relative);
const edit = async (relative: string, change: (text: string) => string) => writeFile(file(relative), change(await readFile(file(relative), "utf8")));
/** The problems a check finds (every one of them, a ContentError's), or [] when none. */
async function problems(): Promise<string[]> {
  try {
    await loadContent({ root, now, includeDrafts: true });
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map(formatProblem);
  }
}
const newCommand = (...argv: string[]) => runNew(argv, { cwd: root, env });

beforeAll(async () => {
  fixture = await createFixture({
    site: { editions: [{ language: "fr", description: "Un condensé de test." }] },
    actors: translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })),
    themes: translatedInto(fixtureThemes, "fr", () => ({ name: "Élections" })),
    regions: fixtureRegions,
    items: [{ path: "2020/earlier", title: "An earlier week", date: "2020-12-01", countries: ["niger"] }],
  });
  root = fixture.root;
  cache = await mkdtemp(path.join(tmpdir(), "sahel-digest-cache-"));
});
afterAll(async () => {
  delete process.env.DIGEST_CACHE_DIR;
  await fixture?.remove();
  await rm(cache, { recursive: true, force: true });
});

describe("an editor's week", () => {
  const gao = "content/articles/2020/soldiers-killed-near-gao.md";
  const boni = "content/articles/2020/attack-near-boni.md";
  const note = "content/issues/2020-W50.md";

  it("starts the items and the note with npm run new", async () => {
    for (const title of ["Soldiers killed near Gao", "Attack near Boni", "Ambush in Tillaberi"]) {
      const made = await newCommand("item", title, "--country", title.includes("Tillaberi") ? "niger" : "mali", "--date", "2020-12-08");
      expect(made.code, made.err.join("\n")).toBe(0);
    }
    expect((await newCommand("note", "2020-W50")).code).toBe(0);
    // A note starts as a draft, with a place for the week's trends.
    expect(await readFile(file(note), "utf8")).toMatch(/^# trends:/m);
    expect(await readFile(file(note), "utf8")).toMatch(/^draft: true/m);
  });

  it("fresh drafts with empty fields block nothing: the check reports them as the drafts', the preview shows them marked incomplete", async () => {
    expect(await problems()).toEqual([]);
    const content = await loadContent({ root, now, includeDrafts: true });
    expect(content.draftProblems?.map(formatProblem)).toContain(`${gao}:7 summary: must not be empty (got: "")`);
    expect(content.draftProblems?.map(formatProblem)).toContain(`${gao}:9 source.name: must not be empty (got: "")`);
    expect(content.draftProblems?.map(formatProblem)).toContain(`${note}:2 headline: must not be empty (got: "")`);
    const draft = content.items.find((item) => item.file === gao)!;
    expect(draft.incomplete).toEqual(['line 7, summary: must not be empty (got: "")', 'line 9, source.name: must not be empty (got: "")']);
    // The preview's build: the draft's own page, marked, with its problems; no panel anywhere.
    const preview = await mkdtemp(path.join(tmpdir(), "sahel-digest-preview-"));
    try {
      await buildSite({ root, includeDrafts: true, output: preview, search: false });
      const page = await readFile(path.join(preview, "articles/2020/soldiers-killed-near-gao/index.html"), "utf8");
      expect(page).toContain('<strong class="status">Incomplete</strong>');
      expect(page).toContain("line 9, source.name: must not be empty");
    } finally {
      await rm(preview, { recursive: true, force: true });
    }
  });

  it("a production build leaves the drafts out with their problems as warnings, and says what it left out", async () => {
    const built = await buildSite({ root, search: false });
    expect(built.draftProblems.length).toBeGreaterThan(0);
    expect(existsSync(file("_site/articles/2020/soldiers-killed-near-gao/index.html"))).toBe(false);
    expect(existsSync(file("_site/articles/2020/earlier/index.html"))).toBe(true);
    expect(leftOutLine(built.leftOut!)).toBe(
      "Left out of the published site: 3 drafts (content/articles/2020/ambush-in-tillaberi.md, content/articles/2020/attack-near-boni.md, content/articles/2020/soldiers-killed-near-gao.md), issue 2020-W50 (all its items held back).",
    );
  });

  it("every mistake of every file in one check, each in words that name the fix", async () => {
    const filled = (text: string) => text.replace('summary: ""', 'summary: "Gunmen attacked an army post."').replace('name: ""', 'name: "ECHO Daily Flash"').replace(/^draft: true.*$/m, "draft: false");
    // The Gao item: a wrong incident type beside a wrong region, a rough toll, and the source's
    // name unindented.
    await edit(gao, (text) =>
      filled(text)
        .replace(/^incidents: \[\].*$/m, ["incidents:", "  - id: soldiers-killed-near-gao-1", "    type: battle", "    region: gaoo", '    fatalities: "around 20"'].join("\n"))
        .replace(/^source:(.*)\n {2}name:/m, "source:$1\nname:"),
    );
    // The Boni item: an incident line indented by three spaces.
    await edit(boni, (text) => filled(text).replace(/^incidents: \[\].*$/m, ["incidents:", "  - id: attack-near-boni-1", "    type: battles", "   region: mopti"].join("\n")));
    await edit("content/articles/2020/ambush-in-tillaberi.md", filled);
    // A comma left out in a data file.
    await writeText(root, "content/_data/themes.ts", 'export default [\n  { slug: "elections", name: "Elections", description: "Votes.", translations: { fr: { name: "Élections" } } }\n  { slug: "displacement", name: "Displacement", description: "People on the move.", translations: { fr: { name: "Déplacements" } } },\n];\n');
    const found = await problems();
    expect(found).toEqual([
      'content/_data/themes.ts:2:111 is not valid TypeScript: a comma is missing after `{ slug: "elections", name: "Elections", description: "Votes.", translations: { fr: { name: "Élections" } } }`: put a comma after it\n    (compiler: Expected "]" but found "{")',
      "content/articles/2020/attack-near-boni.md:16 front matter: `region:` is indented by 3 spaces and `type:` above it by 4: the fields of a list entry (an incident) start at the same column; indent `region:` by 4 spaces\n    (YAML: Sequence item without - indicator)",
      `${gao}:9 name: belongs under \`source:\`: indent it by two spaces below \`source:\``,
      `${gao}:15 incidents[0].type: must be one of "battles", "explosions-remote-violence", "violence-against-civilians", "protests", "riots", "strategic-developments" — did you mean "battles"? (got: "battle")`,
      `${gao}:16 incidents[0].region: unknown region "gaoo"; the regions of Mali are: mopti, gao. Add a region to content/_data/regions.ts with its ISO 3166-2 code`,
      `${gao}:17 incidents[0].fatalities: "around 20" is not written as a toll: a toll is only what the source reports. If the source gives about 20, write "about 20" (shown as about, never added up as exact); if it gives a lowest figure, write it as "at least N"; if it gives no figure, leave fatalities out. Keep its words with { toll: "about 20", words: "around 20" } (got: "around 20")`,
    ]);
    // No wrong "source: is empty" beside the right hint.
    expect(found.join("\n")).not.toMatch(/source: is/);
  });

  it("the fixed week checks clean; a note still a draft while its items are out is pointed out", async () => {
    await writeText(root, "content/_data/themes.ts", dataFile(translatedInto(fixtureThemes, "fr", () => ({ name: "Élections" }))));
    await edit(gao, (text) => text.replace("type: battle\n", "type: battles\n").replace("region: gaoo", "region: gao").replace('"around 20"', '"about 20"').replace(/^name:/m, "  name:"));
    await edit(boni, (text) => text.replace("   region: mopti", "    region: mopti"));
    await edit(note, (text) =>
      text
        .replace('headline: ""', 'headline: "A hard week in Mali"')
        .replace(/^# trends:.*\n(#.*\n)*/m, ["trends:", "  mali:", "    trend: deteriorated", '    reason: "Soldiers killed near Gao."', "    alerts:", "      - kind: conflict-risk", '        reason: "Attacks spread south."'].join("\n") + "\n")
    );
    expect(await problems()).toEqual([]);
    const content = await loadContent({ root, now });
    expect(content.figures).toEqual([]);
    expect(leftOutLine(content.leftOut!)).toBe(
      "Left out of the published site: nothing. Issue 2020-W50 is published with its note and trends still a draft: set draft: false in content/issues/2020-W50.md, or they stay out.",
    );
    await edit(note, (text) => text.replace(/^draft: true.*\n/m, ""));
    const published = await loadContent({ root, now });
    expect(published.figures.map((f) => [f.country, f.week.id, f.trend, f.reason])).toEqual([["mali", "2020-W50", "deteriorated", "Soldiers killed near Gao."]]);
  });

  it("translates an item and the week's note in French, trends' reasons included, never their trends", async () => {
    const item = await newCommand("translate", "soldiers-killed-near-gao", "fr");
    expect(item.out[0]).toBe(`Wrote ${gao.replace(".md", ".fr.md")}, the fr translation of ${gao}, with the original's words to translate.`);
    const itemText = await readFile(file(gao.replace(".md", ".fr.md")), "utf8");
    expect(itemText).toMatch(/^title: "Soldiers killed near Gao"/m);
    expect(itemText).toMatch(/^summary: "Gunmen attacked an army post."/m);
    expect(itemText).not.toMatch(/^(source|date|countries|incidents):/m);
    const week = await newCommand("translate", "2020-W50", "fr");
    expect(week.code, week.err.join("\n")).toBe(0);
    const fr = "content/issues/2020-W50.fr.md";
    expect(await readFile(file(fr), "utf8")).toMatch(/^ {4}reason: "Soldiers killed near Gao."/m);
    // A translation that changes the trend, and one that translates the source's name.
    await edit(fr, (text) => text.replace("  mali:", "  mali:\n    trend: improved").replace('"Soldiers killed near Gao."', '"Soldats tués près de Gao."').replace('"Attacks spread south."', '"Les attaques gagnent le sud."').replace('"A hard week in Mali"', '"Une semaine difficile au Mali"').replace(/^draft: true.*\n/m, ""));
    await edit(gao.replace(".md", ".fr.md"), (text) => text.replace('"Soldiers killed near Gao"', '"Soldats tués près de Gao"').replace(/^draft: true.*\n/m, 'source:\n  name: "ECHO Flash quotidien"\n'));
    expect(await problems()).toEqual([
      `${gao.replace(".md", ".fr.md")}:6 source: is not the original's source (${gao} gives name "ECHO Daily Flash"): every edition cites the source as it names itself, so a translation leaves source out; remove it here (got: {"name":"ECHO Flash quotidien"})`,
      `${fr}:7 trends.mali.trend: is "improved", but the original (${note}) says "deteriorated": a translation gives the reason in its language and never changes the trend; leave trend out, or write "deteriorated" (got: "improved")`,
    ]);
    await edit(fr, (text) => text.replace(/^    trend: improved.*\n/m, ""));
    await edit(gao.replace(".md", ".fr.md"), (text) => text.replace(/^source:\n.*\n/m, ""));
    expect(await problems()).toEqual([]);
    const content = await loadContent({ root, now });
    const mali = content.figures.find((f) => f.country === "mali")!;
    expect(mali.translations.fr?.reason).toBe("Soldats tués près de Gao.");
    expect(mali.alerts[0]!.translations.fr?.reason).toBe("Les attaques gagnent le sud.");
    // What the French edition still shows in English.
    expect(untranslatedIn(content, "fr")).toEqual([
      "item content/articles/2020/ambush-in-tillaberi.md: npm run new -- translate ambush-in-tillaberi fr",
      "item content/articles/2020/attack-near-boni.md: npm run new -- translate attack-near-boni fr",
      "item content/articles/2020/earlier.md: npm run new -- translate earlier fr",
    ]);
  });

  it("publishes, then publishes again through the README's recipe reusing what did not change", async () => {
    // The recipe keeps the build's cache outside node_modules/ (which npm ci empties).
    process.env.DIGEST_CACHE_DIR = cache;
    const first = await buildSite({ root, search: false, reuse: false });
    const french = await readFile(file("_site/fr/issues/2020-w50/index.html"), "utf8");
    expect(french).toContain("Soldats tués près de Gao.");
    expect(french).toContain("Une semaine difficile au Mali");
    expect(existsSync(path.join(cache, "pages"))).toBe(true);
    await edit(boni, (text) => text.replace("Gunmen attacked an army post.", "Gunmen attacked a post near Boni."));
    const second = await buildSite({ root, search: false });
    expect(second.pages).toBe(first.pages);
    // Only what the edit touches (the item, its week, its country, the lists and feeds that show
    // it, in both editions) is rendered again; the rest is reused, and said so.
    expect(first.reused).toBe(0);
    expect(second.reused).toBeGreaterThan(0);
    // Nothing changed: more is reused still.
    const third = await buildSite({ root, search: false });
    expect(third.reused).toBeGreaterThan(second.reused);
    expect(await readFile(file("_site/articles/2020/attack-near-boni/index.html"), "utf8")).toContain("Gunmen attacked a post near Boni.");
    expect(leftOutLine(second.leftOut!)).toBe("Left out of the published site: nothing.");
    // A trend's reason edited in the note: the reusing build shows it on the home page too.
    await edit(note, (text) => text.replace('"Soldiers killed near Gao."', '"Soldiers killed near Gao; the army retakes the post."'));
    await buildSite({ root, search: false });
    expect(await readFile(file("_site/index.html"), "utf8")).toContain("the army retakes the post.");
    expect(await readFile(file("_site/issues/2020-w50/index.html"), "utf8")).toContain("the army retakes the post.");
  });
});
