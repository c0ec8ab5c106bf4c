// The sample's datapackage.json files, checked with Frictionless Data's own JavaScript libraries:
// each descriptor against the Data Package profiles (`datapackage`), and every CSV it lists read
// with its Table Schema (`tableschema`): every value cast to its type and format, every enum and
// constraint held, primary keys unique, foreign keys found in the tables they name. And the
// descriptor agrees with the files: their bytes, their SHA-256, their columns.
import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { load } from "cheerio";
import { Package } from "datapackage";
import { Table } from "tableschema";
import { builtSample } from "../fixtures/sample.ts";

interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  profile: string;
  dialect?: { commentChar?: string };
  schema?: { fields: { name: string }[]; primaryKey?: string | string[]; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] };
}
interface Descriptor {
  licenses: { name: string }[];
  created?: string;
  resources: Resource[];
}

let site: string;
/** Every folder with a package: the whole digest's, each country's, each issue's as published. */
let folders: string[];

beforeAll(async () => {
  site = await builtSample();
  const countries = (await readdir(path.join(site, "data/countries"))).sort().map((slug) => `data/countries/${slug}`);
  const issues = (await readdir(path.join(site, "issues"), { withFileTypes: true })).filter((e) => /^\d{4}-w\d{2}$/.test(e.name) && existsSync(path.join(site, "issues", e.name, "data"))).map((e) => `issues/${e.name}/data`).sort();
  folders = ["data", ...countries, ...issues];
});

const descriptorOf = async (folder: string) => JSON.parse(await readFile(path.join(site, folder, "datapackage.json"), "utf8")) as Descriptor;

/** A resource's rows as the CSV reader of its dialect gives them: a row beginning with the comment character is left out. */
async function rowsOf(folder: string, resource: Resource): Promise<string[][]> {
  const rows = parse(await readFile(path.join(site, folder, resource.path)), { bom: false, relax_column_count: false }) as string[][];
  const comment = resource.dialect?.commentChar;
  return comment ? rows.filter((row, i) => i === 0 || !row[0]!.startsWith(comment)) : rows;
}

/** Every row of a resource, cast by its schema; the cast's errors, all of them, thrown as one. */
async function castRows(folder: string, resource: Resource, relations?: Record<string, Record<string, unknown>[]>): Promise<Record<string, unknown>[]> {
  const table = await Table.load(await rowsOf(folder, resource), { schema: resource.schema });
  const rows = (await table.read({ keyed: true, forceCast: true, ...(relations ? { relations } : {}) })) as (Record<string, unknown> | Error)[];
  const errors = rows.filter((row): row is Error => row instanceof Error).map((error) => `${resource.path}: ${error.message}${(error as { errors?: Error[] }).errors?.map((e) => `\n  ${e.message}`).join("") ?? ""}`);
  if (errors.length) throw new Error(errors.join("\n"));
  return rows as Record<string, unknown>[];
}

describe("the data page", () => {
  it("gives each file's size as the file has it, in every edition, each issue's data as published too", async () => {
    for (const [page, unit] of [["data/index.html", "kB"], ["fr/data/index.html", "ko"]] as const) {
      const $ = load(await readFile(path.join(site, page), "utf8"));
      const links = $("main li a").filter((_, a) => /\.(csv|json|geojson|kml)$/.test($(a).attr("href") ?? "")).toArray();
      expect(links.length, page).toBeGreaterThan(50);
      expect(links.some((a) => /\/issues\/2020-w53\/data\/datapackage\.json$/.test($(a).attr("href")!))).toBe(true);
      for (const a of links) {
        const file = $(a).attr("href")!.replace(/^\/sahel-digest\//, "");
        const bytes = (await readFile(path.join(site, file))).length;
        const stated = new RegExp(`^ \\(([0-9.,]+)\u00a0?\\s?${unit}\\)`).exec((a.nextSibling as { data?: string } | null)?.data ?? "")?.[1];
        expect(Number(stated?.replace(",", ".")), `${page}: ${file}`).toBe(Math.max(0.1, Math.round(bytes / 100) / 10));
      }
    }
  });
});

describe("datapackage.json", () => {
  it("is in every folder of the open data and of every issue, and valid against the Data Package profiles", async () => {
    // Every issue of the sample has its data, as kept in published/ (src/publish/as-published.ts).
    expect(folders.filter((f) => f.startsWith("issues/"))).toEqual(["2020-w44", "2020-w45", "2020-w46", "2020-w47", "2020-w48", "2020-w49", "2020-w50", "2020-w51", "2020-w52", "2020-w53"].map((week) => `issues/${week}/data`));
    for (const folder of folders) {
      const dataPackage = await Package.load(await descriptorOf(folder), path.join(site, folder));
      expect(dataPackage.errors.map((e) => e.message), folder).toEqual([]);
      expect(dataPackage.valid, folder).toBe(true);
      for (const resource of dataPackage.resources) expect(resource.valid, `${folder}/${resource.name}`).toBe(true);
    }
    // The check can fail: a resource without its path, a licence without a name.
    const broken = await descriptorOf("data");
    delete (broken.resources[0] as Partial<Resource>).path;
    (broken.licenses[0] as Partial<{ name: string }>).name = undefined;
    expect((await Package.load(broken, path.join(site, "data"))).valid).toBe(false);
  });

  it("lists every file of its folder, with their bytes and SHA-256, the licence, and a last update from the content", async () => {
    for (const folder of folders) {
      const descriptor = await descriptorOf(folder);
      const files = (await readdir(path.join(site, folder), { withFileTypes: true })).filter((e) => e.isFile() && !["datapackage.json", "index.html"].includes(e.name)).map((e) => e.name);
      expect(descriptor.resources.map((r) => r.path).sort(), folder).toEqual(files.sort());
      for (const resource of descriptor.resources) {
        const bytes = await readFile(path.join(site, folder, resource.path));
        expect(resource.bytes, `${folder}/${resource.path}`).toBe(bytes.length);
        expect(resource.hash, `${folder}/${resource.path}`).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
      }
      expect(descriptor.licenses.map((l) => l.name)).toEqual(["CC-BY-4.0"]);
      // The sample's newest item is of early January 2021: never the day the test runs.
      expect(descriptor.created, folder).toMatch(/^202[01]-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  it("gives every CSV a Table Schema whose fields are its header, in order, and says an empty cell is missing", async () => {
    for (const folder of folders) {
      const descriptor = await descriptorOf(folder);
      const csv = descriptor.resources.filter((r) => r.path.endsWith(".csv"));
      // incidents, its HXL twin, weekly counts, retired ids, corrections, items, regions, countries.
      expect(csv.length, folder).toBe(8);
      for (const resource of csv) {
        expect(resource.profile).toBe("tabular-data-resource");
        const [header] = await rowsOf(folder, resource);
        expect(resource.schema!.fields.map((f) => f.name), `${folder}/${resource.path}`).toEqual(header);
        expect((resource.schema as { missingValues?: string[] }).missingValues).toEqual([""]);
      }
    }
  });

  it("holds every CSV to its Table Schema: types, date formats, enums, unique primary keys, and foreign keys that are found", async () => {
    for (const folder of folders) {
      const descriptor = await descriptorOf(folder);
      const tables = descriptor.resources.filter((r) => r.schema);
      // The tables keyed as they are read, for the foreign keys to be looked up in.
      const keyed = Object.fromEntries(await Promise.all(tables.map(async (r) => [r.name, await castRows(folder, r)] as const)));
      for (const resource of tables) {
        const rows = await castRows(folder, resource, keyed);
        expect(rows.length, `${folder}/${resource.path}`).toBe(keyed[resource.name]!.length);
      }
      // The keys between the tables are declared, not only held.
      const incidents = tables.find((r) => r.name === "incidents")!;
      expect(incidents.schema!.primaryKey).toBe("id");
      expect(incidents.schema!.foreignKeys!.map((k) => k.reference.resource).sort()).toEqual(["countries", "items", "regions"]);
      expect(keyed.incidents!.every((row) => typeof row.date === "object" && typeof row.time_precision === "number")).toBe(true);
    }
  });

  it("rejects a row its schema does not allow: the check can fail", async () => {
    const descriptor = await descriptorOf("data");
    const incidents = descriptor.resources.find((r) => r.name === "incidents")!;
    const [header, first] = await rowsOf("data", incidents);
    const column = (name: string) => header!.indexOf(name);
    const broken = (name: string, value: string) => first!.map((cell, i) => (i === column(name) ? value : cell));
    for (const [name, value] of [["type", "ambush"], ["date", "07/12/2020"], ["fatalities_min", "several"], ["item_url", ""]] as const) {
      const table = await Table.load([header!, broken(name, value)], { schema: incidents.schema });
      await expect(table.read({ keyed: true }), `${name}: ${value}`).rejects.toThrow();
    }
    const twice = await Table.load([header!, first!, first!], { schema: incidents.schema });
    await expect(twice.read({ keyed: true })).rejects.toThrow(/unique|primary/i);
    // A region the regions table has not.
    const regions = await castRows("data", descriptor.resources.find((r) => r.name === "regions")!);
    const elsewhere = await Table.load([header!, broken("region", "atlantis")], { schema: incidents.schema });
    await expect(elsewhere.read({ keyed: true, relations: { regions } })).rejects.toThrow(/foreign/i);
  });
});
