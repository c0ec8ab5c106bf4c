// Stable incident ids: an analyst's join on last week's open data must still hold this week.
// An incident keeps the id its editor wrote whatever happens to the others of its item; an id
// is unique across the archive, and a retired one is never used again.
import { afterAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../../src/content/load/content.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { createFixture, fixtureRegions, itemFile, type FixtureItem } from "../fixtures/content.ts";
import { publishedRecords, vanishedIds } from "../../src/publish/published-ids.ts";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";

const removals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});

const report = (id: string, date: string, extra: Record<string, unknown> = {}) => ({ id, type: "battles", date, region: "mopti", ...extra });
const item = (incidents: Record<string, unknown>[], extra: Partial<FixtureItem> = {}): FixtureItem => ({ path: "2020/clashes", title: "Clashes", date: "2020-12-03", countries: ["mali"], incidents, ...extra });

/** The open data's ids, by the incident's date: what an analyst joins on. */
async function publishedIds(root: string): Promise<Record<string, string>> {
  const digest = buildDigest(await loadContent({ root }));
  return Object.fromEntries(digest.openData.incidents().map((r) => [String(r.date), String(r.id)]));
}

async function problemsOf(root: string): Promise<string[]> {
  try {
    await loadContent({ root });
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe("an incident's id", () => {
  it("stays when another incident of its item is inserted before it, removed or reordered", async () => {
    const fixture = await createFixture({ regions: fixtureRegions, items: [item([report("clashes-1", "2020-12-01"), report("clashes-2", "2020-12-02")])] });
    removals.push(fixture.remove);
    const file = path.join(fixture.root, "content/articles/2020/clashes.md");
    expect(await publishedIds(fixture.root)).toEqual({ "2020-12-01": "clashes-1", "2020-12-02": "clashes-2" });

    // A new incident, written first, and the other two swapped.
    await writeFile(file, itemFile(item([report("clashes-3", "2020-11-30"), report("clashes-2", "2020-12-02"), report("clashes-1", "2020-12-01")])));
    expect(await publishedIds(fixture.root)).toEqual({ "2020-11-30": "clashes-3", "2020-12-01": "clashes-1", "2020-12-02": "clashes-2" });

    // The first removed: the second keeps its id.
    await writeFile(file, itemFile(item([report("clashes-2", "2020-12-02")])));
    expect(await publishedIds(fixture.root)).toEqual({ "2020-12-02": "clashes-2" });
  });

  it("is refused when missing, shared, reused after retirement or retired twice, naming file, line, field and value", async () => {
    const fixture = await createFixture({
      regions: fixtureRegions,
      items: [
        item([report("clashes-1", "2020-12-01"), report("clashes-1", "2020-12-02")], { retiredIds: [{ id: "clashes-9", retired: "2020-12-04", replaced_by: "clashes-8" }] }),
        { ...item([report("clashes-1", "2020-12-02"), report("clashes-9", "2020-12-02")]), path: "2020/more-clashes", title: "More" },
        { ...item([report("third-1", "2020-12-02")], { retiredIds: [{ id: "clashes-9", retired: "2020-12-05" }] }), path: "2020/third", title: "Third" },
        { ...item([{ type: "battles", region: "mopti", id: undefined }]), path: "2020/fourth", title: "Fourth" },
      ],
    });
    removals.push(fixture.remove);
    expect(await problemsOf(fixture.root)).toEqual([
      // The file's own problems first, then those across the archive.
      "content/articles/2020/fourth.md:10 incidents[0].id: is required",
      'content/articles/2020/clashes.md:11 incidents[1].id: is already the id of an incident in this item: ids are unique across the archive; give this one another (got: "clashes-1")',
      'content/articles/2020/clashes.md:13 retired_ids[0].replaced_by: is the id of no incident: name the incident that took its place, or leave it out (got: "clashes-8")',
      'content/articles/2020/more-clashes.md:10 incidents[0].id: is already the id of an incident in content/articles/2020/clashes.md: ids are unique across the archive; give this one another (got: "clashes-1")',
      'content/articles/2020/more-clashes.md:11 incidents[1].id: was retired on 2020-12-04 (content/articles/2020/clashes.md:13): a retired id is never used again; give this incident a new id (got: "clashes-9")',
      'content/articles/2020/third.md:12 retired_ids[0].id: is already retired in content/articles/2020/clashes.md:13: retire an id once (got: "clashes-9")',
    ]);
  });

  it("shows in the open data, and the ids an item retired are listed with it", async () => {
    const fixture = await createFixture({
      regions: fixtureRegions,
      items: [item([report("clashes-2", "2020-12-02")], { retiredIds: [{ id: "clashes-1", retired: "2020-12-04", replaced_by: "clashes-2", reason: "Recorded twice." }] })],
    });
    removals.push(fixture.remove);
    const digest = buildDigest(await loadContent({ root: fixture.root }));
    expect(digest.openData.retiredIds()).toEqual([{ id: "clashes-1", retired: "2020-12-04", replaced_by: "clashes-2", reason: "Recorded twice.", item_url: "https://digest.example/articles/2020/clashes/" }]);
  });
});

describe("a published id", () => {
  const current = { used: new Set(["clashes-2", "clashes-3"]), retired: new Set(["clashes-4"]), fileOfItemUrl: (url: string) => (url.endsWith("/clashes/") ? "content/articles/2020/clashes.md" : undefined) };

  it("must still name an incident or be retired: a changed id is refused with its item's file", () => {
    const published = [
      { id: "clashes-1", item_url: "https://digest.example/articles/2020/clashes/" },
      { id: "clashes-2", item_url: "https://digest.example/articles/2020/clashes/" },
      { id: "clashes-4", item_url: "https://digest.example/articles/2020/clashes/" },
      { id: "gone-1", item_url: "https://digest.example/articles/2020/gone/" },
    ];
    expect(vanishedIds(published, current, "_site/data/incidents.json")).toEqual([
      { file: "content/articles/2020/clashes.md", field: "incidents", message: 'incident id "clashes-1" was published and is no longer used: give the incident its id back, or declare it in the item\'s retired_ids (- { id: clashes-1, retired: YYYY-MM-DD, replaced_by: <new id> })' },
      { file: "_site/data/incidents.json", field: "id", message: 'incident id "gone-1" was published and is no longer used: give the incident its id back, or declare it in the item\'s retired_ids (- { id: gone-1, retired: YYYY-MM-DD, replaced_by: <new id> })' },
    ]);
  });

  it("is read from the published site's incidents.json; a first publication has none", async () => {
    const output = await mkdtemp(path.join(tmpdir(), "sahel-digest-ids-"));
    removals.push(() => rm(output, { recursive: true, force: true }));
    expect(await publishedRecords(output)).toEqual([]);
    await mkdir(path.join(output, "data"));
    await writeFile(path.join(output, "data/incidents.json"), JSON.stringify({ incidents: [{ id: "clashes-1", item_url: "u" }, { nothing: 1 }] }));
    expect(await publishedRecords(output)).toEqual([{ id: "clashes-1", item_url: "u" }]);
    await writeFile(path.join(output, "data/incidents.json"), "{ not json");
    expect(await publishedRecords(output)).toEqual([]);
  });
});
