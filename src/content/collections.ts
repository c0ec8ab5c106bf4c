// Every source of content, declared once: where it lives, its schema, and which of its fields
// name entries of another collection. The loader (src/content/load/) reads each collection from here
// and checks every declared reference the same way (src/content/load/references.ts), so a new
// reference is one line here, not another hand-written loop. (As Astro's content collections
// declare `reference("authors")`.)
import type { z } from "zod";
import {
  actorSchema,
  countrySchema,
  externalCountSchema,
  figureSchema,
  itemFrontMatterSchema,
  regionSchema,
  siteSchema,
  themeSchema,
  weeklyNoteFrontMatterSchema,
  monthNoteFrontMatterSchema,
} from "./schemas.ts";

/**
 * A site's own message catalogues, <language>.json each: a language the project does not ship,
 * or a rewording of one it does (src/core/messages/catalogue.ts).
 */
export const MESSAGES_FOLDER = "content/_messages";

/** The collections, by name. */
export type CollectionName = "site" | "countries" | "regions" | "actors" | "themes" | "figures" | "externalCounts" | "items" | "notes" | "monthNotes";

/** A field naming one entry (a string) or several (a list) of the `to` collections, by key. */
export interface Reference {
  readonly to: readonly CollectionName[];
  /** What one of them is called in a message: `unknown country "malli"`. */
  readonly noun: string;
}

export function reference(to: CollectionName | readonly CollectionName[], noun: string): Reference {
  return { to: typeof to === "string" ? [to] : to, noun };
}

interface Common {
  readonly schema: z.ZodType;
  readonly references?: Readonly<Record<string, Reference>>;
}

/** A TypeScript data file whose default export is one object. */
export interface ObjectCollection extends Common {
  readonly kind: "object";
  readonly file: string;
}

/** A TypeScript data file whose default export is a list; entries are known by their slug. */
export interface ListCollection extends Common {
  readonly kind: "list";
  readonly file: string;
  /** A missing file is an empty list. */
  readonly optional?: boolean;
  /** Entries have a unique slug that references name. */
  readonly keyed: boolean;
}

/** Markdown files with front matter below a folder. */
export interface MarkdownCollection extends Common {
  readonly kind: "markdown";
  readonly folder: string;
}

export const COLLECTIONS = {
  site: { kind: "object", file: "content/_data/site.ts", schema: siteSchema },
  countries: { kind: "list", file: "content/_data/countries.ts", schema: countrySchema, keyed: true },
  regions: {
    kind: "list",
    file: "content/_data/regions.ts",
    schema: regionSchema,
    // A digest that records no incidents needs no regions.
    optional: true,
    keyed: true,
    references: { country: reference("countries", "country") },
  },
  actors: {
    kind: "list",
    file: "content/_data/actors.ts",
    schema: actorSchema,
    keyed: true,
    references: { countries: reference("countries", "country") },
  },
  themes: { kind: "list", file: "content/_data/themes.ts", schema: themeSchema, keyed: true },
  figures: {
    kind: "list",
    file: "content/_data/figures.ts",
    schema: figureSchema,
    optional: true,
    keyed: false,
    references: { country: reference("countries", "country") },
  },
  externalCounts: {
    kind: "list",
    // Written by `npm run import`, or by hand.
    file: "content/_data/external-counts.ts",
    schema: externalCountSchema,
    optional: true,
    keyed: false,
    references: { country: reference("countries", "country") },
  },
  items: {
    kind: "markdown",
    folder: "content/articles",
    schema: itemFrontMatterSchema,
    // Actors and themes share one set of tag slugs.
    references: { countries: reference("countries", "country"), tags: reference(["actors", "themes"], "tag") },
  },
  notes: { kind: "markdown", folder: "content/issues", schema: weeklyNoteFrontMatterSchema },
  // The monthly notes: a trend per country for the month, keyed by the country's slug (checked by src/content/load/month-notes.ts).
  monthNotes: { kind: "markdown", folder: "content/months", schema: monthNoteFrontMatterSchema },
} as const satisfies Record<CollectionName, ObjectCollection | ListCollection | MarkdownCollection>;
