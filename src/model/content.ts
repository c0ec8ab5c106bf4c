// The validated content of one build: what src/digest.ts groups into pages.
import type { DateTime } from "luxon";
import type { Actor, Country, Figure, ItemFrontMatter, Site, Theme } from "./schemas.ts";
import type { Week } from "../weeks.ts";

export interface Item {
  /** File name without .md; unique across the whole archive. */
  readonly slug: string;
  /** The year folder the file sits in, part of its URL. */
  readonly year: number;
  /** Path of the source file, relative to the project root. */
  readonly file: string;
  readonly title: string;
  /** The item's date on the digest's clocks. */
  readonly date: DateTime;
  /** False for a plain date, which says nothing of the time of day. */
  readonly hasTime: boolean;
  readonly week: Week;
  /** Country slugs, as written (validated against countries.ts). */
  readonly countries: readonly string[];
  /** Actor and theme slugs, as written (validated against actors.ts and themes.ts). */
  readonly tags: readonly string[];
  readonly summary: string;
  readonly source: ItemFrontMatter["source"];
  readonly location?: string;
  readonly draft: boolean;
  /** Dated after the build's clock: held back from production. */
  readonly scheduled: boolean;
  readonly bodyHtml: string;
}

export interface WeeklyNote {
  readonly file: string;
  readonly week: Week;
  readonly headline: string;
  readonly leadHtml: string;
}

/** One country's figures and trend for one week, the week parsed. */
export interface WeeklyFigures extends Omit<Figure, "week"> {
  readonly week: Week;
}

export interface Content {
  readonly site: Site;
  readonly countries: readonly Country[];
  readonly actors: readonly Actor[];
  readonly themes: readonly Theme[];
  readonly items: readonly Item[];
  readonly notes: readonly WeeklyNote[];
  readonly figures: readonly WeeklyFigures[];
  /** Hidden Markdown files under content/ that were not read (an editor's lock file): told, not fatal. */
  readonly passedOver?: readonly string[];
}
