// Incidents, regions and places, checked where they are loaded: every mistake an editor can
// make in them is named with its file, line, field and value, all in one run, and a good
// incident comes out with its gazetteer coordinates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../../src/content/load/content.ts";
import { ContentError, formatProblem } from "../../src/core/problems.ts";
import { foldName } from "../../src/content/places/names.ts";
import { countryRecords, Gazetteer, gazetteer } from "../../src/content/places/gazetteer.ts";
import { insideCountry } from "../../src/content/places/shapes.ts";
import { subdivisionsOf } from "../../src/content/places/subdivisions.ts";
import { createFixture, fixtureRegions, type FixtureItem } from "../fixtures/content.ts";

describe("the gazetteer", () => {
  it("finds a locality whatever its accents, case or hyphens, and suggests a close one", () => {
    expect(foldName("Tin-Akoff")).toBe(foldName("tin akoff"));
    const found = gazetteer().locality("menaka", "ML");
    expect(found).toMatchObject({ found: { name: "Ménaka", admin1: "ML.12070577" } });
    expect(gazetteer().locality("Moptii", "ML")).toEqual({ unknown: true, suggestion: "Mopti" });
    expect(gazetteer().locality("Qwxyz", "ML")).toEqual({ unknown: true });
  });
  it("prefers the namesake in the incident's region, and calls a tie ambiguous", () => {
    const records = [
      { name: "Kaya", lat: "13.1", lng: "-1.1", country: "BF", admin1: "05" },
      { name: "Kaya", lat: "11.5", lng: "-2.0", country: "BF", admin1: "07" },
      { name: "Kaya", lat: "11.6", lng: "-2.1", country: "BF", admin1: "07" },
    ];
    const small = new Gazetteer((iso) => records.filter((r) => r.country === iso));
    expect(small.locality("Kaya", "BF", "BF.05")).toMatchObject({ found: { latitude: 13.1 } });
    expect(small.locality("Kaya", "BF", "BF.07")).toMatchObject({ ambiguous: [{ latitude: 11.5 }, { latitude: 11.6 }] });
  });
  it("reads one country's records from the package's JSON, as written or otherwise spaced", () => {
    // Names with letters of more than one byte before and inside the records asked for: the
    // file is searched as bytes, and each record decoded from its own.
    const records = [
      { name: "Ménaka", lat: "15.9", lng: "2.4", country: "ML", admin1: "11" },
      { name: "Gao", lat: "16.3", lng: "-0.04", country: "ML", admin1: "09" },
      { name: "Gaoua", lat: "10.3", lng: "-3.2", country: "BF", admin1: "13" },
      { name: "Ouahigouya ٱ", lat: "13.6", lng: "-2.4", country: "BF", admin1: "10" },
    ];
    expect(countryRecords(JSON.stringify(records), "ML")).toEqual([records[0], records[1]]);
    expect(countryRecords(Buffer.from(JSON.stringify(records, null, 2)), "BF")).toEqual([records[2], records[3]]);
    expect(countryRecords(JSON.stringify(records), "NE")).toEqual([]);
  });
  it("knows the first-level ISO 3166-2 subdivisions, and which points lie inside a country", () => {
    expect(subdivisionsOf("ML").map((s) => s.code)).toEqual(["ML-1", "ML-2", "ML-3", "ML-4", "ML-5", "ML-6", "ML-7", "ML-8", "ML-9", "ML-10", "ML-BKO"]);
    // Burkina Faso's 13 regions, not its 45 provinces.
    expect(subdivisionsOf("BF")).toHaveLength(13);
    expect(insideCountry("ML", 14.48, -4.18)).toBe(true);
    expect(insideCountry("ML", 13.51, 2.11)).toBe(false);
  });
});

const item = (slug: string, incidents: Record<string, unknown>[], extra: Partial<FixtureItem> = {}): FixtureItem => ({
  path: `2020/${slug}`, title: slug, date: "2020-12-03", countries: ["mali"], incidents, ...extra,
});

let problems: string[] = [];
let good: Awaited<ReturnType<typeof loadContent>>;
const removals: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const broken = await createFixture({
    regions: [
      ...fixtureRegions,
      { slug: "atlantis", name: "Atlantis", country: "mali", iso: "ML-99", translations: { fr: { name: "Atlantide" } } },
      { slug: "mopti-again", name: "Mopti", country: "mali", iso: "ML-5", translations: { fr: { name: "Mopti" } } },
      { slug: "nowhere", name: "Nowhere", isoName: "Agadez", country: "niger", iso: "NE-1", translations: { fr: { name: "Nulle part" } } },
      // Ségou with Timbuktu's code.
      { slug: "swapped", name: "Ségou", country: "mali", iso: "ML-6", translations: { fr: { name: "Ségou" } } },
      { slug: "sahel-wide", name: "Sahel", country: "sahel", iso: "ML-1", translations: { fr: { name: "Sahel" } } },
    ],
    items: [
      item("typo", [{ type: "battles", region: "mopti", place: "Moptii" }]),
      item("wrong-country", [{ type: "battles", region: "tillaberi" }]),
      item("wrong-region", [{ type: "battles", region: "gao", place: "Mopti" }]),
      item("subtype", [{ type: "battles", subtype: "suicide-bomb", region: "mopti" }]),
      item("future", [{ type: "riots", date: "2020-12-04", region: "mopti" }]),
      item("vague-toll", [{ type: "violence-against-civilians", region: "mopti", fatalities: "some 100" }]),
      item("outside", [{ type: "battles", region: "mopti", place: "Fixture Village", coordinates: [48.85, 2.35] }]),
      item("needless", [{ type: "battles", region: "gao", place: "Gao", coordinates: [16.27, -0.04] }]),
      item("no-place", [{ type: "battles", region: "gao", coordinates: [16.27, -0.04] }]),
      item("two-countries", [{ type: "battles", region: "gao" }], { countries: ["mali", "niger"] }),
      item("unknown-region", [{ type: "protests", region: "kidal" }]),
      item("unknown-type", [{ type: "massacre", region: "mopti" }]),
      // A typed 2002 for 2020, and an inherited property as a sub-type.
      item("typo-year", [{ type: "battles", date: "2002-12-03", region: "mopti" }]),
      item("prototype", [{ type: "battles", subtype: "constructor", region: "mopti" }]),
      item("zero-floor", [{ type: "battles", region: "mopti", fatalities: "at least 0" }]),
      // Precision that contradicts what is written.
      item("precise-nowhere", [{ type: "battles", region: "mopti", place_precision: "near" }]),
      item("region-with-place", [{ type: "battles", region: "mopti", place: "Mopti", place_precision: "region" }]),
      item("country-with-region", [{ type: "battles", region: "mopti", place_precision: "country" }]),
      item("no-region", [{ type: "battles" }]),
      item("year-precision", [{ type: "battles", region: "mopti", date_precision: "year" }]),
      // Accounts: with a toll of the incident's own, from one source twice, or only one.
      item("accounts-and-toll", [{ type: "battles", region: "mopti", fatalities: 3, accounts: [{ by: "Army", fatalities: 3, source: { name: "A" } }, { by: "Mayor", fatalities: 5, source: { name: "B" } }] }]),
      item("accounts-same-source", [{ type: "battles", region: "mopti", accounts: [{ by: "Army", fatalities: 3, source: { name: "Wire", url: "https://wire.example/a" } }, { by: "the  army", fatalities: 5, source: { name: "Other", url: "https://wire.example/a" } }, { by: "The army", fatalities: 4, source: { name: "Other", url: "https://wire.example/a" } }] }]),
      // One source reporting two speakers is two accounts: no problem (the Bounti air strike's).
      item("accounts-two-speakers", [{ type: "battles", region: "mopti", accounts: [{ by: "Army", fatalities: 3, source: { name: "Wire", url: "https://wire.example/a" } }, { by: "Mayor", fatalities: 5, source: { name: "Wire", url: "https://wire.example/a" } }] }]),
      item("one-account", [{ type: "battles", region: "mopti", accounts: [{ by: "Army", fatalities: 3, source: { name: "A" } }] }]),
    ],
  });
  removals.push(broken.remove);
  try {
    await loadContent({ root: broken.root });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = error.problems.map(formatProblem);
  }
  const fine = await createFixture({
    regions: fixtureRegions,
    items: [
      item("fine", [
        { type: "battles", subtype: "armed-clash", region: "mopti", place: "mopti", fatalities: "at least 12" },
        { type: "explosions-remote-violence", date: "2020-11-29", region: "mopti", place: "Fixture Village", coordinates: [14.9, -3.1] },
        { type: "battles", date: "2020-11-25", date_precision: "week", region: "mopti", place: "Mopti", place_precision: "near" },
        { type: "violence-against-civilians", date: "2020-11-15", date_precision: "month", place_precision: "country" },
        { type: "riots", region: "mopti" },
      ], { countries: ["mali", "niger"] }),
    ].map((i) => ({ ...i, incidents: i.incidents!.map((x) => ({ country: "mali", ...x })) })),
  });
  removals.push(fine.remove);
  good = await loadContent({ root: fine.root });
});
afterAll(async () => {
  for (const remove of removals) await remove();
});

describe("incidents and regions with mistakes", () => {
  it("are all reported at once, each naming its file, line, field and what to do", () => {
    const regions = "content/_data/regions.ts";
    const at = (slug: string, line: number, rest: string) => `content/articles/2020/${slug}.md:${line} ${rest}`;
    expect(problems).toEqual([
      `${regions} atlantis.iso: is not a first-level ISO 3166-2 subdivision of Mali; those are: ML-1 (Kayes), ML-2 (Koulikoro), ML-3 (Sikasso), ML-4 (Ségou), ML-5 (Mopti), ML-6 (Tombouctou), ML-7 (Gao), ML-8 (Kidal), ML-9 (Ménaka), ML-10 (Taoudénit), ML-BKO (Bamako) (got: "ML-99")`,
      `${regions} mopti-again.iso: is already the code of region "mopti" (got: "ML-5")`,
      `${regions} nowhere.name: matches none of the GeoNames gazetteer's regions of Niger; give the gazetteer's name in \`gazetteer\`, one of: "Zinder Region", "Tahoua Region", "Maradi Region", "Dosso Region", "Diffa", "Agadez", "Tillabéri Region", "Niamey" (got: "Nowhere")`,
      `${regions} swapped.iso: is "Tombouctou" in ISO 3166-2, not Ségou: check the code, or, where ISO 3166-2 spells the same region otherwise, give its spelling in \`isoName\` (got: "ML-6")`,
      `${regions} sahel-wide.country: "sahel" is a group of countries, not a country: a region belongs to one country`,
      at("accounts-and-toll", 10, "incidents[0].fatalities: is given by each account: with accounts, leave the incident's `fatalities` out (the counts use the lowest toll any account gives)"),
      at("accounts-same-source", 10, 'incidents[0].accounts[2].source: is the same source as account 2\'s, for the same speaker ("The army"): one speaker in one source is one account; merge them, or cite the other source (got: "https://wire.example/a")'),
      at("country-with-region", 10, 'incidents[0].region: is named, but place_precision is "country": write place_precision: region, or leave `region` out (got: "mopti")'),
      at("future", 10, "incidents[0].date: is after the item's date (2020-12-03): an item reports what has happened (got: \"2020-12-04\")"),
      at("needless", 10, "incidents[0].coordinates: are not needed: the gazetteer places \"Gao\" at [16.27167, -0.04472]; remove them"),
      at("no-place", 10, "incidents[0].coordinates: belong to a place: give its name in `place`"),
      at("no-region", 10, "incidents[0].region: is required: a region of content/_data/regions.ts; when the sources give only the country, write place_precision: country"),
      at("one-account", 10, "incidents[0].accounts: must hold two accounts or more: with one, write its toll in `fatalities` and its source in the item's `source` (got: [{\"by\":\"Army\",\"fatalities\":3,\"source\":{\"name\":\"A\"}}])"),
      at("outside", 10, "incidents[0].coordinates: [48.85, 2.35] is outside Mali"),
      at("precise-nowhere", 10, 'incidents[0].place_precision: is "near": name the place in `place`, or write place_precision: region when the sources give only the region (got: "near")'),
      at("prototype", 10, 'incidents[0].subtype: is not a sub-type of battles; those are: armed-clash, government-regains-territory, non-state-actor-overtakes-territory (got: "constructor")'),
      at("region-with-place", 10, 'incidents[0].place: is named, but place_precision is "region": write place_precision: near (or place), or leave `place` out (got: "Mopti")'),
      at("subtype", 10, "incidents[0].subtype: is not a sub-type of battles; those are: armed-clash, government-regains-territory, non-state-actor-overtakes-territory (got: \"suicide-bomb\")"),
      at("two-countries", 10, "incidents[0].country: is required when the item names several countries (mali, niger)"),
      at("typo-year", 10, 'incidents[0].date: is more than a year before the item\'s date (2020-12-03); an item records what it reports as news (got: "2002-12-03")'),
      at("typo", 10, "incidents[0].place: unknown locality \"Moptii\" in Mali — did you mean \"Mopti\"? A place the GeoNames gazetteer lacks needs `coordinates` from a source"),
      at("unknown-region", 10, "incidents[0].region: unknown region \"kidal\"; the regions of Mali are: mopti, gao. Add a region to content/_data/regions.ts with its ISO 3166-2 code"),
      at("unknown-type", 10, 'incidents[0].type: must be one of "battles", "explosions-remote-violence", "violence-against-civilians", "protests", "riots", "strategic-developments" (got: "massacre")'),
      at("vague-toll", 10, 'incidents[0].fatalities: "some 100" is not written as a toll: a toll is only what the source reports. If the source gives about 100, write "about 100" (shown as about, never added up as exact); if it gives a lowest figure, write it as "at least N"; if it gives no figure, leave fatalities out. Keep its words with { toll: "about 100", words: "some 100" } (got: "some 100")'),
      at("wrong-country", 10, "incidents[0].region: is in Niger, not Mali (got: \"tillaberi\")"),
      at("wrong-region", 10, "incidents[0].place: \"Mopti\" is not in Gao in the GeoNames gazetteer; check the region or the place (got: \"Mopti\")"),
      at("year-precision", 10, 'incidents[0].date_precision: must be one of "day", "week", "month" (got: "year")'),
      at("zero-floor", 10, 'incidents[0].fatalities: says nothing as "at least 0": write 0 if the source says no one died, or leave it out (got: "at least 0")'),
    ]);
  });
});

describe("a regions.ts that cannot be read", () => {
  it("is one problem, not one more for every incident that names a region", async () => {
    const fixture = await createFixture({ items: [item("one", [{ type: "battles", region: "mopti" }]), item("two", [{ type: "riots", region: "gao" }])] });
    removals.push(fixture.remove);
    await writeFile(path.join(fixture.root, "content/_data/regions.ts"), "export default [ { slug: ");
    const error = await loadContent({ root: fixture.root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((p) => p.file)).toEqual(["content/_data/regions.ts"]);
  });
});

describe("a good incident", () => {
  it("takes its coordinates from the gazetteer, or from the source for a place the gazetteer lacks", () => {
    const [first, second] = good.items[0]!.incidents;
    expect(first).toMatchObject({ type: "battles", subtype: "armed-clash", date: "2020-12-03", country: "mali", region: "mopti", place: "Mopti", coordinatesFrom: "gazetteer", fatalities: { kind: "at-least", min: 12 } });
    expect(first!.coordinates).toEqual([14.4843, -4.18296]);
    expect(first!.week.id).toBe("2020-W49");
    expect(second).toMatchObject({ date: "2020-11-29", place: "Fixture Village", coordinates: [14.9, -3.1], coordinatesFrom: "source" });
    expect(second!.week.id).toBe("2020-W48");
    expect(good.items[0]!.incidents.map((i) => [i.datePrecision, i.placePrecision, i.region, i.coordinates !== undefined])).toEqual([
      ["day", "place", "mopti", true],
      ["day", "place", "mopti", true],
      ["week", "near", "mopti", true],
      ["month", "country", undefined, false],
      ["day", "region", "mopti", false],
    ]);
    expect(good.regions.map((r) => [r.slug, r.admin1])).toEqual([["mopti", "ML.04"], ["gao", "ML.09"], ["tillaberi", "NE.09"]]);
  });
});
