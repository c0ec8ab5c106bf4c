// The sample's open data opened by real GIS and humanitarian clients: GDAL (Debian's gdal-bin)
// opens every GeoJSON and KML file with the right number of features, and turns the GeoJSON
// into a GeoPackage that reads back; the HXL CSV's hashtag row is where HXL tools look for it.
// Where GDAL is missing the suite is skipped, loudly (tests/setup/tools.ts); under CI=true it fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { builtSample } from "../fixtures/sample.ts";
import { gdalAvailable } from "../browser/tools.ts";

const run = promisify(execFile);
const gdal = gdalAvailable();

let site: string;
let temp: string;
/** Every folder with incident files: the whole digest's and each country's, from the site's root. */
let folders: string[];
/** Every region's folder, with its geographic files only. */
let regionFolders: string[];

beforeAll(async () => {
  // The sample edition, built once for every suite (tests/setup/sample.ts); read only.
  site = await builtSample();
  temp = await mkdtemp(path.join(tmpdir(), "sahel-digest-gis-"));
  const countries = await readdir(path.join(site, "data/countries"));
  folders = ["data", ...countries.sort().map((slug) => `data/countries/${slug}`)];
  regionFolders = (await readdir(path.join(site, "data/regions"))).sort().map((slug) => `data/regions/${slug}`);
});

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** The incidents of a folder, from the plain open data's JSON (a region's: the whole digest's of that region), and those of them with a known place. */
async function incidentsOf(folder: string): Promise<{ all: number; placed: number }> {
  const region = /^data\/regions\/([^/]+)$/.exec(folder)?.[1];
  const file = path.join(site, region ? "data" : folder, "incidents.json");
  const incidents = (JSON.parse(await readFile(file, "utf8")) as { incidents: Record<string, unknown>[] }).incidents.filter((r) => !region || r.region === region);
  const placed = incidents.filter((r) => (r.place_precision === "place" || r.place_precision === "near") && typeof r.latitude === "number");
  return { all: incidents.length, placed: placed.length };
}

/** Runs `each` over the list, two at a time. */
async function inPairs<T>(list: readonly T[], each: (value: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < list.length; i += 2) await Promise.all(list.slice(i, i + 2).map(each));
}

/** The feature count ogrinfo gives for a file's one layer. */
async function featureCount(file: string): Promise<number> {
  const { stdout } = await run("ogrinfo", ["-ro", "-so", "-al", file]);
  const counts = [...stdout.matchAll(/^Feature Count: (\d+)$/gm)].map((m) => Number(m[1]));
  expect(counts, `${file}: one layer`).toHaveLength(1);
  return counts[0]!;
}

describe("the open data in GIS tools", () => {
  it.runIf(!gdal && Boolean(process.env.CI))("has GDAL under CI", () => {
    throw new Error("GDAL's ogrinfo and ogr2ogr are missing: install gdal-bin (.ci/run does).");
  });

  it.skipIf(!gdal)("opens every GeoJSON file with GDAL, one feature per incident", async () => {
    const seen: Record<string, number> = {};
    expect(regionFolders.length).toBeGreaterThan(0);
    // Two ogrinfo at a time: about forty files, on two cores.
    await inPairs([...folders, ...regionFolders], async (folder) => {
      const { all } = await incidentsOf(folder);
      expect(all).toBeGreaterThan(0);
      seen[folder] = await featureCount(path.join(site, folder, "incidents.geojson"));
      expect(seen[folder], folder).toBe(all);
    });
    expect(seen.data).toBe(24);
  });

  it.skipIf(!gdal)("opens every KML file with GDAL, one placemark per incident with a known place", async () => {
    let placedAnywhere = 0;
    await inPairs([...folders, ...regionFolders], async (folder) => {
      const { placed } = await incidentsOf(folder);
      expect(await featureCount(path.join(site, folder, "incidents.kml")), folder).toBe(placed);
      if (folder === "data") placedAnywhere = placed;
    });
    // The sample has incidents with a known place and some known only to their region.
    expect(placedAnywhere).toBeGreaterThan(0);
    expect(placedAnywhere).toBeLessThan((await incidentsOf("data")).all);
  });

  it.skipIf(!gdal)("converts the GeoJSON to a GeoPackage that reads back with every incident, the placed ones with a point", async () => {
    const gpkg = path.join(temp, "incidents.gpkg");
    await run("ogr2ogr", ["-f", "GPKG", "-nln", "incidents", gpkg, path.join(site, "data/incidents.geojson")]);
    const { stdout } = await run("ogrinfo", ["-ro", gpkg, "-sql", "SELECT COUNT(*) AS total, COUNT(geom) AS placed, COUNT(DISTINCT id) AS ids FROM incidents"]);
    const value = (name: string) => Number(new RegExp(`${name} \\(Integer\\) = (\\d+)`).exec(stdout)?.[1]);
    const { all, placed } = await incidentsOf("data");
    expect({ total: value("total"), placed: value("placed"), ids: value("ids") }).toEqual({ total: all, placed, ids: all });
  });
});

describe("the HXL-tagged CSV", () => {
  it("has the plain CSV's header, then a row of HXL hashtags, then the same records", async () => {
    for (const folder of folders) {
      const plain = parse(await readFile(path.join(site, folder, "incidents.csv"), "utf8")) as string[][];
      const tagged = parse(await readFile(path.join(site, folder, "incidents.hxl.csv"), "utf8")) as string[][];
      expect(tagged[0], folder).toEqual(plain[0]);
      expect(tagged.slice(2), folder).toEqual(plain.slice(1));
      const tags = Object.fromEntries(plain[0]!.map((name, i) => [name, tagged[1]![i]]));
      expect(tags).toMatchObject({ id: "#event+code", date: "#date+occurred", region_name: "#adm1+name", region_iso: "#adm1+code", country_name: "#country+name", latitude: "#geo+lat", longitude: "#geo+lon", fatalities_min: "#affected+killed+min", fatalities_max: "#affected+killed+max", source_name: "#meta+source", item_url: "#meta+url" });
      // Every cell of the row a hashtag, as HXL tools find the row by.
      expect(tagged[1]!.every((tag) => /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(tag)), folder).toBe(true);
    }
  });
});

describe("the data page", () => {
  it("offers each file of the whole digest and of every country, with its size", async () => {
    const html = await readFile(path.join(site, "data/index.html"), "utf8");
    for (const folder of folders) {
      for (const name of ["incidents.csv", "incidents.hxl.csv", "incidents.json", "incidents.geojson", "incidents.kml", "weekly-counts.csv", "retired-ids.csv", "corrections.csv"]) {
        const file = `${folder}/${name}`;
        const size = (await readFile(path.join(site, file))).length;
        const shown = new RegExp(`href="/sahel-digest/${file.replace(/[.]/g, "\\.")}">${name.replace(/[.]/g, "\\.")}</a> \\(([\\d.,]+) kB\\)`).exec(html);
        expect(shown, file).not.toBeNull();
        expect(Number(shown![1]!.replace(/,/g, "")), file).toBe(Math.max(0.1, Math.round(size / 100) / 10));
      }
    }
    for (const folder of regionFolders) {
      for (const name of ["incidents.geojson", "incidents.kml"]) {
        const file = `${folder}/${name}`;
        const size = (await readFile(path.join(site, file))).length;
        const shown = new RegExp(`href="/sahel-digest/${file.replace(/[.]/g, "\\.")}">${name.replace(/[.]/g, "\\.")}</a> \\(([\\d.,]+) kB\\)`).exec(html);
        expect(shown, file).not.toBeNull();
        expect(Number(shown![1]!.replace(/,/g, "")), file).toBe(Math.max(0.1, Math.round(size / 100) / 10));
      }
    }
    expect(html).toContain("<code>#event+code</code>");
  });
});
