// ACLED's counts as its terms ask (issue 27): an import records the day the data was accessed
// and the filters used; every page that shows the counts names ACLED and that day; and no row
// of the export (its event ids, its notes, its places) reaches the published site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { buildSite } from "../../src/publish/build.ts";
import { importAcled } from "../../src/content/import/acled.ts";
import { createFixture, fixtureActors, fixtureRegions, fixtureThemes, translatedInto, type FixtureItem } from "../fixtures/content.ts";

/** Every file below `dir`, by relative path, with its text (its bytes read as UTF-8: a search for ASCII words finds them in any file). */
async function contents(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join("/")] = await readFile(file, "utf8");
  }
  return files;
}

const items: FixtureItem[] = [
  { path: "2020/a", title: "A", date: "2020-12-01", countries: ["mali"], incidents: [{ type: "battles", region: "mopti", place: "Mopti", fatalities: 2 }] },
  { path: "2020/b", title: "B", date: "2020-12-02", countries: ["niger"], incidents: [{ type: "battles", region: "tillaberi", fatalities: 1 }] },
];

// A synthetic export in ACLED's layout (ACLED's terms restrict redistributing its data): each
// row's id, note and place are words no page of ours would write, so finding one in the built
// site means a row leaked.
const HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,iso,admin1,location,latitude,longitude,source,notes,fatalities,timestamp";
const rows = [
  "MLI90001,2020-12-01,2020,1,Battles,Armed clash,Zebra Column Alpha,Mali,466,Mopti,Quokkaville,14.1,-4.1,Heron Wire,Leaked note alpha: a row of ACLED's,3,1610668800",
  "MLI90002,2020-12-03,2020,1,Riots,Mob violence,Zebra Column Beta,Mali,466,Mopti,Quokkaville,14.1,-4.1,Heron Wire,Leaked note beta,0,1610668800",
  "NER90003,2020-12-02,2020,1,Battles,Armed clash,Zebra Column Gamma,Niger,562,Tillaberi,Wombat Wells,14.5,1.4,Heron Wire,Leaked note gamma,5,1610668800",
];
const LEAKS = ["MLI90001", "MLI90002", "NER90003", "Zebra Column", "Quokkaville", "Wombat Wells", "Heron Wire", "Leaked note"];

let fixture: Awaited<ReturnType<typeof createFixture>>;
let site: Record<string, string>;
let imported: Awaited<ReturnType<typeof importAcled>>;
beforeAll(async () => {
  fixture = await createFixture({
    items,
    regions: fixtureRegions,
    site: { editions: [{ language: "fr", description: "Un condensé." }] },
    actors: translatedInto(fixtureActors, "fr", (a) => ({ name: a.name })),
    themes: translatedInto(fixtureThemes, "fr", (t) => ({ name: t.name })),
  });
  const file = path.join(fixture.root, "acled-export.csv");
  await writeFile(file, `${HEADER}\n${rows.join("\n")}\n`);
  imported = await importAcled({ root: fixture.root, file, accessed: "2021-01-20", filters: "Mali, Niger; 2020-11-30 to 2020-12-06" });
  await buildSite({ root: fixture.root });
  site = await contents(path.join(fixture.root, "_site"));
}, 120_000);
afterAll(() => fixture?.remove());

const text = (s: string) => s.replace(/\s+/g, " ").trim();

describe("an ACLED import", () => {
  it("records the day the data was accessed and the filters used, with every count", async () => {
    expect(imported.problems).toEqual([]);
    const written = await readFile(path.join(fixture.root, "content/_data/external-counts.ts"), "utf8");
    const entries = written.split("\n").filter((l) => l.startsWith("  { country:"));
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect(entry).toContain('exported: "2021-01-15", accessed: "2021-01-20", filters: "Mali, Niger; 2020-11-30 to 2020-12-06"');
    // The data file keeps counts only: no row of the export.
    for (const leak of LEAKS) expect(written).not.toContain(leak);
  });

  it("refuses an access day before the export, or filters that are not one line, and writes nothing", async () => {
    const file = path.join(fixture.root, "acled-export.csv");
    const before = await readFile(path.join(fixture.root, "content/_data/external-counts.ts"), "utf8");
    const early = await importAcled({ root: fixture.root, file, accessed: "2021-01-10" });
    expect(early.problems.map((p) => `${p.file} ${p.message}`)).toEqual(["--accessed is before the export date (2021-01-15): the data cannot have been downloaded before it was exported"]);
    const broken = await importAcled({ root: fixture.root, file, filters: "Mali\nNiger" });
    expect(broken.problems.map((p) => p.file)).toEqual(["--filters"]);
    expect(await readFile(path.join(fixture.root, "content/_data/external-counts.ts"), "utf8")).toBe(before);
  });

  it("is named with its access day on every page that shows its counts, in each edition", () => {
    const issue = load(site["issues/2020-w49/index.html"]!);
    expect(issue(".overview th").text()).toContain("ACLED");
    expect(text(issue("main").text())).toContain("ACLED: counts made from the data of the Armed Conflict Location & Event Data Project (ACLED), acleddata.com, accessed on 20 January 2021.");
    const fr = load(site["fr/issues/2020-w49/index.html"]!);
    expect(text(fr("main").text())).toContain("consultées le mercredi 20 janvier 2021");
    const methodology = load(site["methodology/index.html"]!);
    expect(text(methodology("#acled").parent().text())).toContain("ACLED: data accessed on 2021-01-20; filters used: Mali, Niger; 2020-11-30 to 2020-12-06.");
    // Every page that shows ACLED's numbers names ACLED and the day: none shows them unnamed.
    for (const [file, html] of Object.entries(site)) {
      if (!file.endsWith(".html") || !/overview\.externalEvents|ACLED/.test(html)) continue;
      const $ = load(html);
      const showsCounts = $("th").filter((_, th) => /ACLED/.test($(th).text())).length > 0;
      if (showsCounts) expect(text($("main").text()), file).toMatch(/(accessed on|consultées le mercredi) 20 (January|janvier) 2021/);
    }
  });

  it("writes no row of the export into the published site", () => {
    const files = Object.entries(site);
    expect(files.length).toBeGreaterThan(50);
    const leaked = files.flatMap(([file, content]) => LEAKS.filter((leak) => content.includes(leak)).map((leak) => `${file}: ${leak}`));
    expect(leaked).toEqual([]);
    // And the open data files hold our counts only.
    expect(site["data/weekly-counts.csv"]).not.toContain("ACLED");
  });
});
