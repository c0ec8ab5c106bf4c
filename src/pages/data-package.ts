// datapackage.json: the open data's files described for machines, as the Frictionless Data
// Package (v1) specification asks: each CSV a tabular resource with its Table Schema (types,
// date formats, enums, the missing-value marker, primary and foreign keys), the other files as
// plain resources; the licence, the sources, the last update; each file's bytes and SHA-256.
// The schema's fields come from the column lists that write the CSV (src/pages/open-data.ts), so
// a column cannot be written and left undescribed. Nothing depends on the clock: the last update
// is the newest day in the content, and the same content gives the same bytes.
import { createHash } from "node:crypto";
import type { OpenDataRows } from "../digest/open-data.ts";
import { describeColumn, OPEN_DATA_LICENCE, type Column } from "./open-data.ts";

export { OPEN_DATA_LICENCE };

/** A table's keys, in the Table Schema's terms; a foreign key names the resource it points to. */
export interface TableKeys {
  readonly columns: readonly Column[];
  readonly primaryKey?: readonly string[];
  readonly foreignKeys?: readonly { readonly fields: string; readonly resource: string; readonly reference: string }[];
  /** The HXL variant: its second row of hashtags begins with "#", which the dialect marks as a comment row. */
  readonly hxl?: true;
}

/** A file as the package lists it. */
export interface PackagedFile {
  readonly name: string;
  /** Its resource's name: lower case, no dot. */
  readonly resource: string;
  readonly mediatype: string;
  readonly format: string;
  /** A CSV table, with its schema's columns and keys. */
  readonly table?: TableKeys;
}

export interface PackageInput {
  /** The files of the folder, the package itself left out. */
  readonly files: readonly PackagedFile[];
  readonly textOf: (name: string) => string;
  readonly rows: OpenDataRows;
  readonly title: string;
  /** Words the package's name is made of: the site's title, a country's slug, an issue's week. */
  readonly name: string;
  /** A file's full address. */
  readonly url: (name: string) => string;
  /** The data page's full address. */
  readonly homepage: string;
  readonly publisher: string;
}

/** RFC 4180 as the files are written: the Table Schema's CSV dialect. */
const DIALECT = { delimiter: ",", lineTerminator: "\r\n", quoteChar: "\"", doubleQuote: true, header: true } as const;

/** The Table Schema of a table: its fields from its columns, empty cells missing, its keys. */
export function tableSchema(table: TableKeys, words: OpenDataRows["words"]): Record<string, unknown> {
  return {
    fields: table.columns.map((c) => {
      const { type, format, required, enum: values, minimum, maximum, pattern } = c.field;
      const constraints = {
        ...(required ? { required: true } : {}),
        ...(values ? { enum: values } : {}),
        ...(minimum !== undefined ? { minimum } : {}),
        ...(maximum !== undefined ? { maximum } : {}),
        ...(pattern ? { pattern } : {}),
      };
      return {
        name: c.name,
        type,
        // Dates are written YYYY-MM-DD: the Table Schema's default date format.
        format: format ?? "default",
        description: describeColumn(c, words),
        ...(Object.keys(constraints).length ? { constraints } : {}),
      };
    }),
    // An empty cell is a missing value: not known, or not given by the source. Never a zero.
    missingValues: [""],
    ...(table.primaryKey ? { primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : table.primaryKey } : {}),
    ...(table.foreignKeys?.length ? { foreignKeys: table.foreignKeys.map((key) => ({ fields: key.fields, reference: { resource: key.resource, fields: key.reference } })) } : {}),
  };
}

/** The package's name: the words lower-cased and hyphenated, as the specification's pattern allows. */
function packageName(words: string): string {
  return words.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "open-data";
}

/**
 * The sources the items cite, by name, each once, in alphabetical order. Each item's own address
 * of its source is in items.csv: a source's name stands for many articles.
 */
function sourcesOf(rows: OpenDataRows): { title: string }[] {
  const names = [...new Set(rows.items().map((item) => item.source_name))];
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((title) => ({ title }));
}

/** datapackage.json's text. */
export function dataPackageJson(input: PackageInput): string {
  const words = input.rows.words;
  const updated = input.rows.lastUpdated();
  const resources = input.files.map((file) => {
    const text = input.textOf(file.name);
    const common = {
      name: file.resource,
      path: file.name,
      title: file.name,
      description: words.t(`data.resource.${file.resource}`),
      format: file.format,
      mediatype: file.mediatype,
      encoding: "utf-8",
      bytes: Buffer.byteLength(text),
      hash: `sha256:${createHash("sha256").update(text).digest("hex")}`,
    };
    if (!file.table) return { ...common, profile: "data-resource" };
    return {
      ...common,
      profile: "tabular-data-resource",
      // The HXL file's hashtag row begins with "#": a comment row to a reader of the dialect.
      dialect: file.table.hxl ? { ...DIALECT, commentChar: "#" } : DIALECT,
      schema: tableSchema(file.table, words),
    };
  });
  const descriptor = {
    profile: "data-package",
    name: packageName(input.name),
    id: input.url("datapackage.json"),
    title: input.title,
    description: words.t("data.package.description"),
    homepage: input.homepage,
    // The newest day in the content, never the clock's.
    ...(updated ? { created: `${updated}T00:00:00Z` } : {}),
    licenses: [OPEN_DATA_LICENCE],
    sources: sourcesOf(input.rows),
    contributors: [{ title: input.publisher, role: "publisher" }],
    resources,
  };
  return `${JSON.stringify(descriptor, null, 1)}\n`;
}
