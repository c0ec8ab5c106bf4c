// The open data's files, declared once: which files a folder of /data/ holds (the whole digest's,
// a country's, a region's, an issue's as published), how each is made from the digest's rows,
// and, for a table, its Table Schema's keys. The page table (src/pages/table.ts) writes them and
// the data page lists them from here; datapackage.json (src/pages/data-package.ts) describes them.
import type { Digest } from "../digest/digest.ts";
import type { OpenDataRows } from "../digest/open-data.ts";
import type { Week } from "../core/weeks.ts";
import { paths } from "../digest/paths.ts";
import { dataPackageJson, type PackagedFile, type TableKeys } from "./data-package.ts";
import {
  COUNT_COLUMNS, COUNTRY_COLUMNS, countriesCsv, INCIDENT_COLUMNS, incidentsCsv, incidentsHxlCsv, incidentsJson, ITEM_COLUMNS, itemsCsv,
  REGION_COLUMNS, regionsCsv, RETIRED_COLUMNS, retiredIdsCsv, weeklyCountsCsv, CORRECTION_COLUMNS, correctionsCsv,
} from "./open-data.ts";
import { incidentsGeoJson, incidentsKml } from "./geo-data.ts";

/** Which files: the whole digest's, one country's, one region's, or one issue's as published. */
export interface DataScope {
  readonly country?: { readonly slug: string; readonly name: string };
  readonly region?: { readonly slug: string; readonly name: string };
  readonly week?: Week;
}

/** What a file is made from: the rows of its scope, its title, and the other files of its folder. */
export interface DataFileContext {
  readonly digest: Digest;
  readonly rows: OpenDataRows;
  readonly scope: DataScope;
  readonly title: string;
  /** The text of another file of the same folder (datapackage.json describes them). */
  readonly textOf: (name: string) => string;
}

export interface DataFile extends PackagedFile {
  /** Also made for every region with incidents (the geographic files). */
  readonly byRegion?: true;
  make(context: DataFileContext): string;
}

const CSV = { mediatype: "text/csv", format: "csv" } as const;

const INCIDENT_KEYS: TableKeys = {
  columns: INCIDENT_COLUMNS,
  primaryKey: ["id"],
  foreignKeys: [
    { fields: "item_url", resource: "items", reference: "item_url" },
    { fields: "country", resource: "countries", reference: "country" },
    { fields: "region", resource: "regions", reference: "region" },
  ],
};

/** In the order the data page lists them; datapackage.json last, as it describes the others. */
export const DATA_FILES: readonly DataFile[] = [
  { name: "incidents.csv", resource: "incidents", ...CSV, table: INCIDENT_KEYS, make: ({ rows, scope }) => incidentsCsv(rows, scope.country?.slug) },
  { name: "incidents.json", resource: "incidents-json", mediatype: "application/json", format: "json", make: ({ rows, scope, title }) => incidentsJson(rows, scope.country?.slug, title) },
  { name: "incidents.hxl.csv", resource: "incidents-hxl", ...CSV, table: { ...INCIDENT_KEYS, hxl: true }, make: ({ rows, scope }) => incidentsHxlCsv(rows, scope.country?.slug) },
  { name: "incidents.geojson", resource: "incidents-geojson", mediatype: "application/geo+json", format: "geojson", byRegion: true, make: ({ rows, scope, title }) => incidentsGeoJson(rows, scope.country?.slug, title, scope.region?.slug) },
  { name: "incidents.kml", resource: "incidents-kml", mediatype: "application/vnd.google-earth.kml+xml", format: "kml", byRegion: true, make: ({ rows, scope, title }) => incidentsKml(rows, scope.country?.slug, title, scope.region?.slug) },
  {
    name: "weekly-counts.csv",
    resource: "weekly-counts",
    ...CSV,
    table: { columns: COUNT_COLUMNS, primaryKey: ["week", "country"], foreignKeys: [{ fields: "country", resource: "countries", reference: "country" }] },
    make: ({ rows, scope }) => weeklyCountsCsv(rows, scope.country?.slug),
  },
  {
    name: "retired-ids.csv",
    resource: "retired-ids",
    ...CSV,
    table: { columns: RETIRED_COLUMNS, primaryKey: ["id"], foreignKeys: [{ fields: "item_url", resource: "items", reference: "item_url" }] },
    make: ({ rows, scope }) => retiredIdsCsv(rows, scope.country?.slug),
  },
  {
    name: "corrections.csv",
    resource: "corrections",
    ...CSV,
    table: { columns: CORRECTION_COLUMNS, foreignKeys: [{ fields: "item_url", resource: "items", reference: "item_url" }] },
    make: ({ rows, scope }) => correctionsCsv(rows, scope.country?.slug),
  },
  { name: "items.csv", resource: "items", ...CSV, table: { columns: ITEM_COLUMNS, primaryKey: ["item_url"] }, make: ({ rows, scope }) => itemsCsv(rows, scope.country?.slug) },
  {
    name: "regions.csv",
    resource: "regions",
    ...CSV,
    table: { columns: REGION_COLUMNS, primaryKey: ["region"], foreignKeys: [{ fields: "country", resource: "countries", reference: "country" }] },
    make: ({ rows, scope }) => regionsCsv(rows, scope.country?.slug),
  },
  { name: "countries.csv", resource: "countries", ...CSV, table: { columns: COUNTRY_COLUMNS, primaryKey: ["country"] }, make: ({ rows, scope }) => countriesCsv(rows, scope.country?.slug) },
  {
    name: "datapackage.json",
    resource: "datapackage",
    mediatype: "application/json",
    format: "json",
    make: ({ digest, rows, scope, title, textOf }) =>
      dataPackageJson({
        files: filesOf(scope).filter((file) => file.name !== "datapackage.json"),
        textOf,
        rows,
        title,
        name: [digest.site.title, scope.country?.slug, scope.week?.id].filter(Boolean).join(" "),
        url: (name) => digest.urls.shared.absolute(dataFilePath(name, scope)),
        homepage: digest.urls.shared.absolute(paths.data),
        publisher: digest.site.publisher ?? digest.site.title,
      }),
  },
];

/** The files of a scope's folder: a region's has the geographic ones only. */
export function filesOf(scope: DataScope): readonly DataFile[] {
  return scope.region ? DATA_FILES.filter((file) => file.byRegion) : DATA_FILES;
}

/** A file's address in the site. */
export function dataFilePath(file: DataFile | string, scope: DataScope): string {
  const name = typeof file === "string" ? file : file.name;
  if (scope.week) return paths.issueDataFile(scope.week, name);
  if (scope.region) return paths.regionDataFile(name, scope.region.slug);
  return paths.dataFile(name, scope.country?.slug);
}

/**
 * The kept copies of the issues' open data, by site path: an issue's data is kept as it was
 * published, never made again (src/publish/as-published.ts reads them from the project's
 * published/ folder before a build). Set on every edition's digest, as each edition's data page lists them.
 */
const published = new WeakMap<Digest, ReadonlyMap<string, string>>();

export function keepPublishedData(digest: Digest, files: ReadonlyMap<string, string>): void {
  // By digest, not by its open data: a build that keeps its site as it is makes no rows.
  for (const edition of [digest, ...digest.others]) published.set(edition, files);
}

/**
 * The default edition's digest of each edition's: the files every edition shares are made from
 * its rows (its words, its addresses), and each edition's data page weighs those same files.
 */
const defaultEdition = new WeakMap<Digest, Digest>();

export function rememberEditions(digest: Digest): void {
  for (const edition of [digest, ...digest.others]) defaultEdition.set(edition, digest);
}

/** Every file each issue's data could have, by site path: what a build looks for in the published site. */
export function issueDataPaths(digest: Digest): string[] {
  return digest.issueWeeks.flatMap((week) => DATA_FILES.map((file) => dataFilePath(file, { week })));
}

/**
 * The issues whose data the site has, newest first, with their files: an issue with a kept copy,
 * the files of that copy; any other, every file, made from the content (and kept, once its week
 * is over, by a production build: src/publish/as-published.ts).
 */
export function issuesWithData(edition: Digest): { readonly week: Week; readonly title: string; readonly files: readonly DataFile[] }[] {
  const digest = defaultEdition.get(edition) ?? edition;
  // A build with drafts publishes nothing: its data is no issue's as published.
  if (!digest.incidents.length || digest.preview) return [];
  const kept = published.get(digest);
  return edition.issues.map((issue) => {
    const files = DATA_FILES.filter((file) => kept?.has(dataFilePath(file, { week: issue.week })));
    return { week: issue.week, title: issue.title, files: files.length ? files : DATA_FILES };
  });
}

/**
 * Each file's text, made once per digest, and its size once weighed: every edition's data page
 * lists the same files with their sizes, datapackage.json hashes them.
 */
const made = new WeakMap<OpenDataRows, Map<string, { readonly text: string; kilobytes?: number }>>();

/** A data file's text and size, by its site path, in the default edition's digest. */
function madeFile(edition: Digest, file: DataFile, scope: DataScope): { readonly text: string; kilobytes?: number } {
  const digest = defaultEdition.get(edition) ?? edition;
  const path = dataFilePath(file, scope);
  let files = made.get(digest.openData);
  if (!files) made.set(digest.openData, (files = new Map()));
  let entry = files.get(path);
  if (!entry) {
    const kept = scope.week ? published.get(digest)?.get(path) : undefined;
    files.set(path, (entry = { text: kept ?? makeText(digest, file, scope) }));
  }
  return entry;
}

function makeText(digest: Digest, file: DataFile, scope: DataScope): string {
  // In the words of the files every edition shares: the default edition's.
  const words = digest.openData.words;
  const place = scope.region ?? scope.country;
  const title = place ? words.t("data.fileTitleOf", { site: digest.site.title, country: place.name }) : words.t("data.fileTitle", { site: digest.site.title });
  const rows = scope.week ? digest.openData.asOf(scope.week) : digest.openData;
  const byName = new Map(filesOf(scope).map((f) => [f.name, f]));
  return file.make({ digest, rows, scope, title: scope.week ? words.t("data.fileTitleAsOf", { title, week: scope.week.id }) : title, textOf: (name) => dataFileText(digest, byName.get(name)!, scope) });
}

/** A data file's text: the whole digest's, one country's, one region's, or one issue's as published. */
export function dataFileText(edition: Digest, file: DataFile, scope: DataScope = {}): string {
  return madeFile(edition, file, scope).text;
}

/** A data file's size in kilobytes (1000 bytes) to one decimal, at least 0.1: its UTF-8 counted once, not once an edition. */
export function dataFileKilobytes(edition: Digest, file: DataFile, scope: DataScope = {}): number {
  const entry = madeFile(edition, file, scope);
  return (entry.kilobytes ??= Math.max(0.1, Math.round(Buffer.byteLength(entry.text) / 100) / 10));
}
