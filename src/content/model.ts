// The validated content of one build: what src/digest/digest.ts groups into pages.
import type { DateTime } from "luxon";
import type { Account, Actor, Country, DatePrecision, ExternalCount, Figure, InformationCredibility, ItemFrontMatter, PlacePrecision, Region, RetiredId, Site, SourceReliability, Theme, TrendLabel } from "./schemas.ts";
import type { Month } from "../core/months.ts";
import type { IncidentType } from "./typology.ts";
import type { Toll } from "./toll.ts";
import type { Week } from "../core/weeks.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import type { Problem } from "../core/problems.ts";

/** What the published site leaves out, and why: told at the end of every build and check. */
export interface LeftOut {
  /** Items with draft: true, by file. */
  readonly drafts: readonly string[];
  /** Items dated after the build's clock: file and date (YYYY-MM-DD). */
  readonly scheduled: readonly { readonly file: string; readonly date: string }[];
  /** Weeks every item of which is held back (a draft or scheduled): no issue yet. */
  readonly weeks: readonly string[];
  /** Weeks out with items whose note (and its trends) is a draft. */
  readonly draftNotes: readonly string[];
}

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
  /** What the item reports, as structured records (often none for a political item). */
  readonly incidents: readonly Incident[];
  /** Incident ids it published once and no longer uses. */
  readonly retiredIds: readonly RetiredId[];
  /**
   * The line of the file where an incident's id (by its place in `incidents`) or a retired id
   * (in `retiredIds`) is written, for the archive-wide checks. Asked only of an id at fault:
   * finding a line reads the front matter a second time, with positions.
   */
  readonly idLine?: (kind: "incidents" | "retired", index: number) => number | undefined;
  /** What was corrected after publication, in the order written (its translations follow that order). */
  readonly corrections: readonly Correction[];
  /** The source's grade on the Admiralty scale, where the editors checked. */
  readonly grade?: Grade;
  readonly draft: boolean;
  /** A draft still being filled in: its problems, in words, which the preview shows on its page. */
  readonly incomplete?: readonly string[];
  /** Dated after the build's clock: held back from production. */
  readonly scheduled: boolean;
  readonly bodyHtml: string;
  /** Its versions in other languages, by language ("fr"), where an editor wrote one. */
  readonly translations?: Readonly<Record<string, ItemTranslation>>;
  /** In an edition (src/digest/editions.ts): the language its words are in, its own or the original's. */
  readonly language?: string;
  /** A hash of its file (with its translation's, in an edition that shows one): the same file, the same text (the key of the build's cache, src/publish/build-cache.ts). */
  readonly fingerprint?: string;
}

/** One incident, checked: its country, region and place are known, its coordinates sourced. */
export interface Incident {
  /** Stable, unique across the archive, as the editor wrote it. */
  readonly id: string;
  readonly type: IncidentType;
  readonly subtype?: string;
  /** The day it happened, or the day that stands for its week or month: "2020-10-30". */
  readonly date: string;
  /** What the sources know of when: the day, only the week, or only the month. */
  readonly datePrecision: DatePrecision;
  /** The ISO week of that day, in which it is counted. */
  readonly week: Week;
  /** Country slug. */
  readonly country: string;
  /** Region slug; none when only the country is known. */
  readonly region?: string;
  /** The locality's name as the gazetteer writes it (or as the editor did, for one it lacks). */
  readonly place?: string;
  /** What the sources know of where: the place itself, near it (its coordinates are the place's), only the region, only the country. */
  readonly placePrecision: PlacePrecision;
  /** [latitude, longitude] of the place (or of the place it was near); none when only the region or country is known. */
  readonly coordinates?: readonly [number, number];
  /** Where the coordinates come from. */
  readonly coordinatesFrom?: "gazetteer" | "source";
  /** As the cited source gives them (exact, at least, about, a range, or words only); none when it says nothing. */
  readonly fatalities?: Toll;
  /** Where the sources disagree, each side's account, with its toll (then no `fatalities`). */
  readonly accounts?: readonly Account[];
}

/** A month's note (content/months/<YYYY>-<MM>.md): a headline, a lead, the editors' monthly trends. */
export interface MonthNote {
  readonly file: string;
  readonly month: Month;
  readonly headline?: string;
  readonly leadHtml: string;
  /** In the countries' order as written. */
  readonly trends: readonly { readonly country: string; readonly trend: TrendLabel; readonly reason: string }[];
  readonly translations?: Readonly<Record<string, MonthNoteTranslation>>;
}

export interface MonthNoteTranslation {
  readonly file: string;
  readonly language: string;
  readonly headline?: string;
  readonly leadHtml: string;
  /** Reasons by country; a country left out keeps the original's, marked. */
  readonly reasons: Readonly<Record<string, string>>;
  readonly draft: boolean;
}

export interface WeeklyNote {
  readonly file: string;
  readonly week: Week;
  readonly headline: string;
  readonly leadHtml: string;
  /** Left out of production builds, with the week's trends its file gives. */
  readonly draft?: boolean;
  readonly translations?: Readonly<Record<string, NoteTranslation>>;
  readonly language?: string;
  /** A hash of its file: the same file, the same text (the key of the build's cache, src/publish/build-cache.ts). */
  readonly fingerprint?: string;
}

/** One country's figures and trend for one week, the week parsed. */
export interface WeeklyFigures extends Omit<Figure, "week" | "alerts"> {
  readonly week: Week;
  /** In an edition, set when the reason is left in the original language: that language. */
  readonly reasonLanguage?: string;
  readonly alerts: readonly (Figure["alerts"][number] & { readonly reasonLanguage?: string })[];
}

export interface ExternalCounts extends Omit<ExternalCount, "week"> {
  readonly week: Week;
}

export interface Content {
  readonly site: Site;
  /** In an edition, a text left in the original language says which: `profileLanguage`, `descriptionLanguage`; `translations` are the data file's. */
  readonly countries: readonly (Country & { readonly profileLanguage?: string })[];
  /** The regions incidents name, checked and matched to the gazetteer. */
  readonly regions: readonly PlaceRegion[];
  readonly actors: readonly (Actor & { readonly descriptionLanguage?: string })[];
  readonly themes: readonly (Theme & { readonly descriptionLanguage?: string })[];
  readonly items: readonly Item[];
  readonly notes: readonly WeeklyNote[];
  /** The monthly notes (content/months/), oldest first; none when the folder is absent. */
  readonly monthNotes?: readonly MonthNote[];
  readonly figures: readonly WeeklyFigures[];
  /** Other organisations' counts (content/_data/external-counts.ts), weeks parsed. */
  readonly externalCounts: readonly ExternalCounts[];
  /** The message catalogues found, by language (src/content/editions.ts): each edition reads its own. */
  readonly catalogues: ReadonlyMap<string, Catalogue>;
  /** The problems of drafts (items, notes, translations), which hold back only the draft itself. */
  readonly draftProblems?: readonly Problem[];
  /** What a production build leaves out, and why (src/content/load/left-out.ts). */
  readonly leftOut?: LeftOut;
  /** Hidden Markdown files under content/ that were not read (an editor's lock file): told, not fatal. */
  readonly passedOver?: readonly string[];
}

/** A region as incidents use it: its country's ISO code and its division in the gazetteer. */
export interface PlaceRegion extends Region {
  readonly countryIso: string;
  readonly countryName: string;
  /** GeoNames' code for the same division: "ML.05". */
  readonly admin1: string;
}

/** One correction of an item: the day it was made (YYYY-MM-DD), what changed, and a toll's change. */
export interface Correction {
  readonly date: string;
  readonly what: string;
  readonly toll?: { readonly from: string; readonly to: string };
  /** In an edition, set when its words are left in the original language: that language. */
  readonly language?: string;
}

/** An item's source grade: the source's reliability (A-F), the information's credibility (1-6), how the editors checked. */
export interface Grade {
  readonly reliability: SourceReliability;
  readonly credibility: InformationCredibility;
  readonly note: string;
  /** In an edition, set when the note is left in the original language: that language. */
  readonly noteLanguage?: string;
}

/** What a translated item says in its own language. */
export interface ItemTranslation {
  readonly file: string;
  readonly language: string;
  readonly title: string;
  readonly summary: string;
  readonly location?: string;
  /** Its words for the original's corrections, in the same order. */
  readonly corrections?: readonly Omit<Correction, "date" | "language">[];
  /** Its words for the grade's note. */
  readonly gradeNote?: string;
  readonly draft: boolean;
  readonly bodyHtml: string;
  /** A hash of its file: the same file, the same text (the key of the build's cache, src/publish/build-cache.ts). */
  readonly fingerprint?: string;
}

export interface NoteTranslation {
  readonly file: string;
  readonly language: string;
  readonly headline: string;
  readonly leadHtml: string;
  readonly draft: boolean;
  /** A hash of its file: the same file, the same text (the key of the build's cache, src/publish/build-cache.ts). */
  readonly fingerprint?: string;
}
