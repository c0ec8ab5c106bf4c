// The ACLED importer (src/content/import/acled.ts, src/cli/import.ts), on synthetic files in ACLED's
// layout: no real ACLED data is used.
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AcledFileError,
  MAX_RECORD_CHARACTERS,
  acledDate,
  countAcledRows,
  countryMatcher,
  externalCountsFile,
  importAcled,
  readAcledCsv,
  type AcledRow,
} from "../../src/content/import/acled.ts";
import { loadExternalCounts } from "../../src/content/load/figures.ts";
import { formatProblem } from "../../src/core/problems.ts";
import { dataFile, fixtureCountries, writeFixture } from "../fixtures/content.ts";

const OUTPUT = "content/_data/external-counts.ts";
const KNOWN = { countries: new Set(fixtureCountries.map((country) => country.slug)) };

// ACLED's columns (a subset of the thirty or so of a real export, in its order).
const HEADER = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
  "actor1", "country", "iso", "admin1", "location", "latitude", "longitude", "source", "notes", "fatalities", "timestamp",
] as const;
type Column = (typeof HEADER)[number];
type Row = Partial<Record<Column, string | number>>;

const DEFAULTS: Record<Column, string | number> = {
  event_id_cnty: "MLI1",
  event_date: "2020-12-03",
  year: 2020,
  time_precision: 1,
  disorder_type: "Political violence",
  event_type: "Battles",
  sub_event_type: "Armed clash",
  actor1: "Unidentified Armed Group (Mali)",
  country: "Mali",
  iso: 466,
  admin1: "Mopti",
  location: "Mopti",
  latitude: 14.4843,
  longitude: -4.1827,
  source: "Local Source",
  notes: "A note.",
  fatalities: 0,
  timestamp: 1609459200,
};

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(row: Row): string {
  return HEADER.map((column) => field(row[column] ?? DEFAULTS[column])).join(",");
}

function csv(rows: (Row | string)[], { bom = false, eol = "\n" } = {}): string {
  const lines = [HEADER.join(","), ...rows.map((row) => (typeof row === "string" ? row : line(row)))];
  const text = `${lines.join("\n")}\n`;
  // Line ends inside quoted fields follow the file's, as a spreadsheet would write them.
  return (bom ? "\uFEFF" : "") + (eol === "\n" ? text : text.replace(/\r?\n/g, "\r\n"));
}

let temp: string;
let fixtures = 0;

/** A fixture project (countries: Mali, Burkina Faso, Niger and a region) in a new folder. */
async function project(): Promise<string> {
  const root = path.join(temp, `project-${++fixtures}`);
  await writeFixture(root);
  return root;
}

async function csvFile(name: string, text: string): Promise<string> {
  const file = path.join(temp, name);
  await writeFile(file, text);
  return file;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), "sahel-acled-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("acledDate", () => {
  it("reads both of ACLED's forms and gives the ISO week of the calendar day", () => {
    expect(acledDate("2020-12-06")).toEqual({ ok: true, date: "2020-12-06", week: "2020-W49" }); // a Sunday
    expect(acledDate("2020-12-07")).toEqual({ ok: true, date: "2020-12-07", week: "2020-W50" }); // the Monday after
    expect(acledDate("03 January 2021")).toEqual({ ok: true, date: "2021-01-03", week: "2020-W53" });
    expect(acledDate("6 december 2020")).toMatchObject({ ok: true, week: "2020-W49" });
  });

  it("refuses anything else", () => {
    for (const text of ["31/02/2020", "2020-02-30", "03 Dec 2020", "2020-12", "", "December 3, 2020"]) {
      expect(acledDate(text).ok, text).toBe(false);
    }
  });
});

describe("countryMatcher", () => {
  const match = countryMatcher(fixtureCountries);
  it("matches by ISO numeric code, then by name regardless of case and diacritics", () => {
    expect(match("Republic of Mali", "466")).toBe("mali");
    expect(match("NIGER")).toBe("niger");
    expect(match("Burkína  faso", "")).toBe("burkina-faso");
    expect(match("Algeria", "12")).toBeUndefined();
    expect(match("Sahel (regional)")).toBeUndefined();
  });
});

describe("countAcledRows", () => {
  it("counts records from any iterable, per country, week and type", async () => {
    const record = (r: Row): Record<string, string> => Object.fromEntries(HEADER.map((c) => [c, String(r[c] ?? DEFAULTS[c])]));
    const rows: AcledRow[] = [
      { line: 2, record: record({ event_date: "2020-12-06", fatalities: 2 }) },
      { line: 3, record: record({ event_date: "2020-12-05", event_type: "Riots", fatalities: 1 }) },
      { line: 4, record: record({ country: "Chad", iso: 148 }) },
      { line: 5, record: record({ fatalities: "many" }) },
    ];
    const counted = await countAcledRows(rows, { file: "x.csv", countries: fixtureCountries });
    expect(counted.counts).toEqual([{ country: "mali", week: "2020-W49", events: 2, fatalities: 3, byType: { battles: 1, riots: 1 } }]);
    expect(counted.stats).toMatchObject({ rowsRead: 4, rowsImported: 2, otherCountries: 1 });
    expect(counted.badRows.map(formatProblem)).toEqual(['x.csv:5 fatalities: is not a whole number of 0 or more (got: "many")']);
  });
});

describe("readAcledCsv", () => {
  it("names a missing required column once", async () => {
    const text = "event_date,event_type,country,notes\n2020-12-03,Battles,Mali,x\n";
    const read = async () => {
      for await (const row of readAcledCsv(Readable.from([text]), "no-fatalities.csv")) void row;
    };
    await expect(read()).rejects.toThrow(AcledFileError);
    const error = await read().catch((e: AcledFileError) => e);
    expect(formatProblem((error as AcledFileError).problem)).toMatch(/^no-fatalities\.csv:1 has no column "fatalities"/);
  });

  it("refuses an empty file and broken quoting", async () => {
    const drain = async (text: string) => {
      for await (const row of readAcledCsv(Readable.from([text]), "f.csv")) void row;
    };
    await expect(drain("")).rejects.toThrow(/is empty/);
    await expect(drain(csv([{}, '2020-12-03,"open']))).rejects.toThrow(/is not valid CSV/);
  });

  it("stops at a row longer than MAX_RECORD_CHARACTERS, naming its line, without reading the rest", async () => {
    // A notes field that never ends (its closing quote is missing): 64 MiB offered, 64 KiB at a time.
    const chunk = "x".repeat(64 * 1024);
    const total = 1024;
    let pulled = 0;
    async function* file() {
      yield csv([{}, {}]) + '2020-12-03,"never closed ';
      for (; pulled < total; pulled++) yield chunk;
    }
    const error = await (async () => {
      for await (const row of readAcledCsv(Readable.from(file()), "long.csv")) void row;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcledFileError);
    expect(formatProblem((error as AcledFileError).problem)).toBe(
      `long.csv:4 has a row longer than ${MAX_RECORD_CHARACTERS / (1024 * 1024)} MiB, far longer than any ACLED row: a line break or a closing quote is missing, or this is not an ACLED export; nothing was imported`,
    );
    // Stopped near the limit, not at the end of the file.
    expect(pulled * chunk.length).toBeLessThan(4 * MAX_RECORD_CHARACTERS);
  });
});

describe("importAcled", () => {
  it("imports a good file: both date forms, week boundaries, quoting, a BOM", async () => {
    const root = await project();
    const file = await csvFile(
      "good.csv",
      csv(
        [
          { event_date: "2020-12-06", event_type: "Battles", fatalities: 3 },
          { event_date: "06 December 2020", event_type: "Violence against civilians", fatalities: 2, notes: 'Gunmen, "unidentified", attacked\na village; "two" dead' },
          { event_date: "2020-12-07", event_type: "Explosions/Remote violence", country: "Republic of Mali", fatalities: 5, actor1: 'JNIM, "Group"' },
          { event_date: "03 January 2021", event_type: "Protests", country: "Niger", iso: 562, notes: "line one\r\nline two" },
          { event_date: "2021-01-01", event_type: "Riots", country: "NIGER", iso: "", fatalities: 1 },
          { event_date: "2020-12-10", event_type: "Strategic developments", country: "Burkína Faso", iso: 854, timestamp: 1610668800 },
          { event_date: "nonsense", event_type: "Battles", country: "Algeria", iso: 12 },
        ],
        { bom: true },
      ),
    );
    const result = await importAcled({ root, file });
    expect(result.problems).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.exported).toBe("2021-01-15");
    expect(result.counts?.stats).toMatchObject({ rowsRead: 7, rowsImported: 6, otherCountries: 1 });
    expect(result.counts?.badRowCount).toBe(0);

    const loaded = await loadExternalCounts(root, KNOWN);
    expect(loaded.problems).toEqual([]);
    const entries = loaded.counts.map(({ week, ...rest }) => ({ ...rest, week: week.id }));
    // Without --accessed and --filters, the access day is the export's, and the filters are what the import took.
    const common = { source: "ACLED", exported: "2021-01-15", accessed: "2021-01-15", filters: "countries Mali, Burkina Faso, Niger; events of 2020-12-06 to 2021-01-03" };
    expect(entries).toEqual([
      { country: "mali", week: "2020-W49", ...common, events: 2, fatalities: 5, byType: { battles: 1, "violence-against-civilians": 1 } },
      { country: "mali", week: "2020-W50", ...common, events: 1, fatalities: 5, byType: { "explosions-remote-violence": 1 } },
      { country: "burkina-faso", week: "2020-W50", ...common, events: 1, fatalities: 0, byType: { "strategic-developments": 1 } },
      { country: "niger", week: "2020-W53", ...common, events: 2, fatalities: 1, byType: { protests: 1, riots: 1 } },
    ]);

    const text = await readFile(path.join(root, OUTPUT), "utf8");
    expect(text).toMatch(/^\/\/ Written by `npm run import` from good\.csv \(ACLED data exported 2021-01-15\)\.\n/);
    expect(text).toContain("terms of use restrict redistribution");
    expect(text).not.toContain(temp);
    // The same file gives the same bytes.
    await importAcled({ root, file });
    expect(await readFile(path.join(root, OUTPUT), "utf8")).toBe(text);
  });

  const BAD_ROWS = [
    { event_date: "2020-12-03", fatalities: 1 }, //                                   line 2
    { event_date: "2020-12-04", notes: 'three\nlines, with "quotes"\nhere', fatalities: 2 }, // lines 3-5
    { event_date: "31/02/2020" }, //                                                   line 6
    { event_type: "Skirmish" }, //                                                     line 7
    "", //                                                                             line 8: empty, passed over
    { fatalities: -1 }, //                                                             line 9
    "1,2,3", //                                                                        line 10
    { fatalities: "2.5" }, //                                                          line 11
    { event_date: "2020-12-08", fatalities: 4 }, //                                    line 12
    { country: "Algeria", iso: 12, event_date: "nonsense" }, //                        line 13: not ours, not checked
  ];
  const EXPECTED_BAD = [
    'FILE:6 event_date: is not a date such as 2020-12-03 or 03 December 2020 (got: "31/02/2020")',
    'FILE:7 event_type: is not one of ACLED\'s event types (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments) (got: "Skirmish")',
    'FILE:9 fatalities: is not a whole number of 0 or more (got: "-1")',
    'FILE:10 has 3 fields where the header row has 18 (got: "1,2,3")',
    'FILE:11 fatalities: is not a whole number of 0 or more (got: "2.5")',
  ];

  for (const eol of ["\n", "\r\n"]) {
    it(`reports bad rows with the lines they start on (${JSON.stringify(eol)}), and writes nothing`, async () => {
      const root = await project();
      const file = await csvFile(`bad-${eol.length}.csv`, csv(BAD_ROWS, { eol }));
      const result = await importAcled({ root, file });
      expect(result.written).toBe(false);
      expect(result.problems).toEqual([]);
      expect(result.counts?.badRowCount).toBe(5);
      expect(result.counts?.badRows.map((p) => formatProblem({ ...p, file: "FILE" }))).toEqual(EXPECTED_BAD);
      expect(result.counts?.stats).toMatchObject({ rowsRead: 9, rowsImported: 3, otherCountries: 1 });
      expect(await exists(path.join(root, OUTPUT))).toBe(false);
    });
  }

  it("with skipBadRows, writes the good rows' counts and still reports the bad ones", async () => {
    const root = await project();
    const file = await csvFile("bad-skip.csv", csv(BAD_ROWS));
    const result = await importAcled({ root, file, skipBadRows: true, exported: "2021-01-20" });
    expect(result.written).toBe(true);
    expect(result.counts?.badRowCount).toBe(5);
    const loaded = await loadExternalCounts(root, KNOWN);
    expect(loaded.problems).toEqual([]);
    expect(loaded.counts.map((c) => [c.country, c.week.id, c.events, c.fatalities, c.exported])).toEqual([
      ["mali", "2020-W49", 2, 3, "2021-01-20"],
      ["mali", "2020-W50", 1, 4, "2021-01-20"],
    ]);
  });

  it("keeps other sources' entries, replaces this source's, and refuses a file it cannot read", async () => {
    const root = await project();
    const existing = [
      { country: "niger", week: "2020-W40", source: "UCDP", exported: "2020-12-01", events: 4 },
      { country: "mali", week: "2020-W01", source: "ACLED", exported: "2020-02-01", events: 9, fatalities: 1 },
    ];
    await writeFile(path.join(root, OUTPUT), dataFile(existing));
    const file = await csvFile("replace.csv", csv([{ event_date: "2020-12-03", fatalities: 2 }]));
    const result = await importAcled({ root, file });
    expect(result.written).toBe(true);
    const loaded = await loadExternalCounts(root, KNOWN);
    expect(loaded.problems).toEqual([]);
    expect(loaded.counts.map((c) => `${c.source} ${c.country} ${c.week.id} ${c.events}`)).toEqual(["ACLED mali 2020-W49 1", "UCDP niger 2020-W40 4"]);

    // An entry that is not valid would be lost by a rewrite: nothing is written.
    const broken = [...existing, { country: "mali", week: "2020-W02", source: "UCDP", exported: "someday", events: 1 }];
    await writeFile(path.join(root, OUTPUT), dataFile(broken));
    const refused = await importAcled({ root, file });
    expect(refused.written).toBe(false);
    expect(refused.problems.map(formatProblem).join("\n")).toMatch(/exported[\s\S]*must be fixed \(or removed\) before an import rewrites it/);
    expect(await readFile(path.join(root, OUTPUT), "utf8")).toBe(dataFile(broken));
  });

  it("needs an export date: --exported, or a timestamp column", async () => {
    const root = await project();
    const text = "event_date,event_type,country,fatalities\n2020-12-03,Battles,Mali,1\n";
    const file = await csvFile("no-timestamp.csv", text);
    const refused = await importAcled({ root, file });
    expect(refused.written).toBe(false);
    expect(refused.problems.map(formatProblem)).toEqual([`${file} has no timestamp column to tell when it was exported; give the date with --exported YYYY-MM-DD`]);
    const done = await importAcled({ root, file, exported: "2021-01-02", source: "ACLED (sample)" });
    expect(done.written).toBe(true);
    expect((await loadExternalCounts(root, KNOWN)).counts.map((c) => `${c.source} ${c.exported}`)).toEqual(["ACLED (sample) 2021-01-02"]);
  });

  it("refuses an export date outside 1900-2100, and takes it from imported rows only", async () => {
    const root = await project();
    // A mangled timestamp on a row of another country is not looked at; on a row imported, it is.
    const other = await csvFile("other-timestamp.csv", csv([{ country: "Senegal", iso: 686, timestamp: 999999999999 }, { timestamp: 1610668800 }]));
    const fine = await importAcled({ root, file: other });
    expect(fine).toMatchObject({ written: true, exported: "2021-01-15" });
    const mangled = await csvFile("mangled-timestamp.csv", csv([{ timestamp: 999999999999 }]));
    const refused = await importAcled({ root, file: mangled });
    expect(refused.written).toBe(false);
    expect(refused.problems.map(formatProblem)).toEqual([`${mangled} timestamp: gives an export date outside 1900-2100; give the date with --exported YYYY-MM-DD (got: "+033658-09-27")`]);
  });

  it("imports a 100,000-row file, streamed", async () => {
    const root = await project();
    const file = path.join(temp, "large.csv");
    const countries: [string, number][] = [["Mali", 466], ["Burkina Faso", 854], ["Niger", 562], ["Algeria", 12]];
    const types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
    const start = Date.UTC(2020, 0, 1);
    let fatalities = 0;
    function* lines() {
      yield `${HEADER.join(",")}\n`;
      let chunk = "";
      for (let i = 0; i < 100_000; i++) {
        const [country, iso] = countries[i % 4]!;
        const date = new Date(start + (i % 366) * 86_400_000).toISOString().slice(0, 10);
        const dead = i % 7;
        if (country !== "Algeria") fatalities += dead;
        chunk += line({ event_id_cnty: `X${i}`, event_date: date, event_type: types[i % 6]!, country, iso, fatalities: dead, notes: "Row, with a comma", timestamp: 1609459200 + (i % 1000) }) + "\n";
        if (i % 1000 === 999) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(lines()), createWriteStream(file));
    const result = await importAcled({ root, file });
    expect(result.problems).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.counts?.stats).toMatchObject({ rowsRead: 100_000, rowsImported: 75_000, otherCountries: 25_000 });
    expect(result.exported).toBe("2021-01-01");
    const loaded = await loadExternalCounts(root, KNOWN);
    expect(loaded.problems).toEqual([]);
    // Every day of 2020 (Wednesday 1 January to Thursday 31 December): weeks 2020-W01 to W53, per country.
    expect(loaded.counts).toHaveLength(3 * 53);
    expect(loaded.counts.map((c) => c.week.id)).toContain("2020-W53");
    expect(loaded.counts.reduce((sum, c) => sum + c.events, 0)).toBe(75_000);
    expect(loaded.counts.reduce((sum, c) => sum + (c.fatalities ?? 0), 0)).toBe(fatalities);
    const byType = loaded.counts.reduce((sum, c) => sum + Object.values(c.byType ?? {}).reduce((a, b) => a + b, 0), 0);
    expect(byType).toBe(75_000);
  });
});

describe("externalCountsFile", () => {
  it("is the same bytes for the same entries, and keeps byType in the typology's order", () => {
    const entries = [{ country: "mali", week: "2020-W49", source: "ACLED", exported: "2021-01-15", events: 2, fatalities: 0, byType: { riots: 1, battles: 1 } }];
    const header = { file: "/some/where/export.csv", source: "ACLED", exported: "2021-01-15" };
    const text = externalCountsFile(entries, header);
    expect(externalCountsFile(entries, header)).toBe(text);
    expect(text).toContain("from export.csv (ACLED data exported 2021-01-15)");
    expect(text).toContain('{ country: "mali", week: "2020-W49", source: "ACLED", exported: "2021-01-15", events: 2, fatalities: 0, byType: { battles: 1, riots: 1 } },');
  });
});

/** `npm run import`'s script as npm runs it: tsx from node_modules/.bin (npx would start npm first: seconds on a busy machine). */
const TSX = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");

describe("npm run import", () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ["src/cli/import.ts", ...args], { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });

  it("exits 1 with the bad rows listed, 0 with a summary, 2 on a wrong command line", async () => {
    const [badRoot, goodRoot] = [path.join(temp, "cli-bad"), path.join(temp, "cli-good")];
    await Promise.all([mkdir(badRoot), mkdir(goodRoot)]);
    await Promise.all([writeFixture(badRoot), writeFixture(goodRoot)]);
    const bad = await csvFile("cli-bad.csv", csv(BAD_ROWS_FOR_CLI));
    const good = await csvFile("cli-good.csv", csv([{ event_date: "2020-12-06", fatalities: 2 }, { country: "Algeria", iso: 12 }]));
    const [failed, passed, wrong] = await Promise.all([
      run(["acled", bad, "--root", badRoot]),
      run(["acled", good, "--root", goodRoot, "--exported", "2021-01-15"]),
      run(["csv", good]),
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${bad} has 1 bad row:`);
    expect(failed.stderr).toContain(`${bad}:3 event_date: is not a date such as 2020-12-03 or 03 December 2020 (got: "31/02/2020")`);
    expect(failed.stderr).toMatch(/wrote nothing \(import the good rows anyway with --skip-bad-rows\)/);
    expect(failed.stdout).toBe("");
    expect(await exists(path.join(badRoot, OUTPUT))).toBe(false);

    expect(passed.stderr).toBe("");
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(
      /^Read 2 rows from .*cli-good\.csv: imported 1, skipped 1 of countries the digest does not cover \(Algeria 1\); wrote 1 weeks × countries of ACLED \(exported 2021-01-15\) to content\/_data\/external-counts\.ts in [\d.]+ s\.\n$/,
    );
    expect(await exists(path.join(goodRoot, OUTPUT))).toBe(true);

    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Unknown format "csv"');
  });
});

describe("npm run import, on a file with no line break", () => {
  it("says so in one line naming the file and line 1, exits 1 and writes nothing", async () => {
    const root = path.join(temp, "cli-long");
    await writeFixture(root);
    const file = await csvFile("no-line-break.csv", `${HEADER.join(",")},${"x".repeat(2 * MAX_RECORD_CHARACTERS)}`);
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ["src/cli/import.ts", "acled", file, "--root", root], { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([`${file}:1 has a row longer than 1 MiB, far longer than any ACLED row: a line break or a closing quote is missing, or this is not an ACLED export; nothing was imported`]);
    expect(await exists(path.join(root, OUTPUT))).toBe(false);
  });
});

const BAD_ROWS_FOR_CLI: Row[] = [{ event_date: "2020-12-03" }, { event_date: "31/02/2020" }];
