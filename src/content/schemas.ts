// The content model: one zod schema per kind of content. The TypeScript types the rest of
// the code and the editors' data files use are inferred from these schemas, so what tsc
// checks and what the build validates can never drift apart.
import { z } from "zod";
import { IANAZone } from "luxon";
import { INCIDENT_TYPES } from "./typology.ts";
import { tollSchema } from "./toll.ts";

/** Lower-case ASCII words joined by hyphens: what URLs and references are made of. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");

const text = z.string().trim().min(1, "must not be empty");

/** One of a fixed list, with a message in our words that lists them. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `must be one of ${values.map((v) => `"${v}"`).join(", ")}` });
}
const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "must be an http(s) URL" });
// The site itself may be previewed from localhost, so its URL needs no public domain name.
// Every link of the site is made from it: a ?query or a #fragment would end up inside every
// path (and the French pages would link to the English ones), so it is the address alone.
const siteUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine((url) => !/[?#]/.test(url), "must be the site's address alone, with no ?query or #fragment: every link of the site is made from it");

/** Whether a mailto: address's %-escapes are whole: the pages show it decoded. */
function decodes(address: string): boolean {
  try {
    decodeURIComponent(address);
    return true;
  } catch {
    return false;
  }
}

/** Where readers sign up for the emails: a page of the mailing service (https) or an address to write to (mailto:). */
const signUpAddress = z
  .string()
  .trim()
  .refine(
    (value) => (/^https:\/\/\S+$/.test(value) && URL.canParse(value)) || (/^mailto:[^\s@?]+@[^\s@?]+\.[a-z]{2,}(?:\?\S*)?$/i.test(value) && decodes(value.slice("mailto:".length).split("?")[0]!)),
    "must be an https address or a mailto: address, such as https://lists.example.org/sahel-digest or mailto:subscribe@example.org",
  );

const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or fr");

/**
 * An entry's texts in the digest's other languages, keyed by language tag, each with the fields
 * of `shape` it translates: `translations: { fr: { name: "Tchad" } }`. The entry's own fields are
 * in the digest's language (site.ts `language`). Which texts an edition cannot do without (names)
 * and which it shows in the original, marked, when they are missing (descriptions, profiles,
 * reasons) is checked by the loader, which knows the editions (src/content/editions.ts).
 */
function translations<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.record(languageTag, z.strictObject(shape)).default({});
}

export const siteSchema = z.strictObject({
  title: text,
  /** Shown under the title and used as every feed's description. */
  description: text,
  /** Where the site is published, with its path when it is not at the domain's root. */
  url: siteUrl,
  /** BCP 47 language tag of the digest, e.g. "en": the language its content is written in, and its default edition's. */
  language: languageTag,
  /** IANA zone in which weeks are counted and dates are shown. */
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as Africa/Bamako"),
  /** Name shown as the publisher and feed author. */
  publisher: text,
  /** A line shown on every page, e.g. to say the content is a sample. */
  notice: text.optional(),
  /**
   * Where readers sign up for the digest's own emails (the issues' email editions, sent by your
   * mailing service): an https page or a mailto: address. Shown on the subscribe page and at
   * the foot of every email; without it, neither says anything of signing up.
   */
  signUp: signUpAddress.optional(),
  /**
   * The monthly roll-ups (the month pages, the monthly feed and email): made unless this is
   * false. A digest too young for months, or one read by the week alone, may leave them out.
   */
  monthly: z.boolean().optional(),
  /**
   * What every feed entry's id is made of (tag URIs: tag:example.org,2020:/sahel-digest/item/slug).
   * Set once and never changed, so that moving the site to another address does not make feed
   * readers see every entry as new. Without it, ids are made from \`url\`'s host and path.
   */
  feedIds: z
    .strictObject({
      /** A domain name the publisher owns or owned: where the site first lived. */
      authority: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$/, "must be a domain name such as example.org"),
      /** "/sahel-digest/", or "/". */
      path: z.string().regex(/^\/(?:[^\s/]+\/)*$/, "must be a path that starts and ends with /, such as /sahel-digest/"),
    })
    .optional(),
  /**
   * The digest in further languages, each an edition under /<language>/ with its own pages and
   * feeds: its interface from the message catalogue <language>.json (the project's messages/, or
   * the site's own content/_messages/), its items from <slug>.<language>.md where an editor wrote
   * one (else the original, marked as such), the names of countries, regions, actors and themes
   * from their `translations`. Its title, description and notice are given here in that language.
   */
  editions: z
    .array(
      z.strictObject({
        language: languageTag,
        title: text.optional(),
        description: text,
        notice: text.optional(),
        /** The publisher's name as this edition gives it ("Sahel Digest, édition d’exemple"); else the site's. */
        publisher: text.optional(),
        /** This edition's own sign-up address (a list in its language); else the site's. */
        signUp: signUpAddress.optional(),
        /**
         * The locale its dates, numbers and plurals are formatted in, when not the language's
         * own: the platform's ICU data for it ("ar-u-nu-latn": Arabic with Western digits).
         */
        locale: z
          .string()
          .refine((tag) => {
            try {
              return Intl.getCanonicalLocales(tag).length === 1;
            } catch {
              return false;
            }
          }, "must be a BCP 47 locale such as ar-u-nu-latn")
          .optional(),
        /**
         * Where a text or a name has no translation in this language, the languages to show
         * it in instead, first found first, each marked as such; the original's language
         * last, always. An edition with a fallback may leave names out of the data files too:
         * a country is then named from the platform's CLDR data, anything else in the first
         * of these languages that has a name.
         */
        fallback: z.array(languageTag).default([]),
      }),
    )
    .default([]),
  /**
   * Languages whose names of countries and regions every page gives beside its own, in every
   * edition of another language: the language of the region's maps and sources, which readers
   * meet the places under. Each country and region then has a name in it (`translations`).
   */
  namesAlsoIn: z.array(languageTag).default([]),
  /** How many items a country or tag page lists before it continues on a next page. */
  itemsPerPage: z.number().int().min(5).max(500).default(50),
  /** How many recent issues the home page links. */
  recentIssues: z.number().int().min(1).max(52).default(8),
});

export const countrySchema = z
  .strictObject({
    slug,
    /** A region ("Sahel (regional)") collects items about several countries at once. */
    kind: oneOf(["country", "region"]).default("country"),
    name: text,
    /** ISO 3166-1 alpha-2 code; a region has none. */
    iso: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter ISO 3166 code such as ML").optional(),
    capital: text.optional(),
    /** A short profile in Markdown, shown at the top of the country page. */
    profile: text,
    /** Its name and profile in other languages; an edition without the profile shows the original, marked. */
    translations: translations({ name: text.optional(), profile: text.optional() }),
    /** Position in every list of countries; lower comes first. */
    order: z.number().int(),
  })
  .superRefine((country, ctx) => {
    if (country.kind !== "country") return;
    for (const field of ["iso", "capital"] as const) {
      if (country[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "is required for a country" });
    }
  });

export const actorKinds = ["armed-group", "state-force", "international-force", "institution", "political", "civil-society"] as const;

export const actorSchema = z.strictObject({
  slug,
  name: text,
  aliases: z.array(text).default([]),
  kind: oneOf(actorKinds),
  /** Slugs of the countries the actor is active in; empty for regional or international actors. */
  countries: z.array(slug).default([]),
  description: text,
  /** Its name (which every edition needs) and description in other languages. */
  translations: translations({ name: text.optional(), description: text.optional() }),
});

export const themeSchema = z.strictObject({
  slug,
  name: text,
  description: text,
  /** Its name (which every edition needs) and description in other languages. */
  translations: translations({ name: text.optional(), description: text.optional() }),
});

export const trendLabels = ["deteriorated", "improved", "unchanged"] as const;
export const alertKinds = ["conflict-risk", "resolution-opportunity"] as const;
const wholeNumber = z.number().int("must be a whole number").min(0, "must not be negative");
/**
 * YAML reads "-0" and "-0.0" as minus zero, which passes `min(0)` and is shown as "-0": refused
 * with its own words (a union's message would hide them, so it is checked outside one too).
 */
const notMinusZero = (value: unknown) => !Object.is(value, -0);
const MINUS_ZERO = "must not be negative: write 0";
const count = wholeNumber.refine(notMinusZero, MINUS_ZERO);

const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, "must be an ISO week such as 2020-W49");
const oneLine = text.max(200, "must be one line: at most 200 characters");

/**
 * The editors' judgement on one country for one ISO week. The counts are not kept here: they
 * are computed from the incidents the items record (src/digest/incidents/counts.ts).
 */
export const figureSchema = z.strictObject({
  country: slug,
  week: isoWeek,
  trend: oneOf(trendLabels),
  /** One line: why the editors chose this trend. */
  reason: oneLine,
  alerts: z.array(z.strictObject({ kind: oneOf(alertKinds), reason: oneLine, translations: translations({ reason: oneLine.optional() }) })).default([]),
  /** The reason in other languages; an edition without it shows the original, marked. */
  translations: translations({ reason: oneLine.optional() }),
});

/** Fields figures.ts had before counts were computed, and what to do with them now. */
export const RETIRED_FIGURE_FIELDS: Readonly<Record<string, string>> = {
  events: "counts are now computed from the incidents in the items; remove it (another organisation's counts go in content/_data/external-counts.ts)",
  fatalities: "fatalities are now computed from the incidents in the items; remove it",
  source: "counts are now computed from the items, which cite their sources; remove it",
  illustrative: "counts are now computed from the items; remove it",
};

/** Another organisation's count for one country and week, shown beside ours and labelled. */
export const externalCountSchema = z.strictObject({
  country: slug,
  week: isoWeek,
  /** Who counted: "ACLED". */
  source: text,
  /** The day the data was exported or published (YYYY-MM-DD). */
  exported: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2021-01-15"),
  /** The day the data was downloaded (YYYY-MM-DD), which every page showing it names; the export date when left out. */
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2021-01-15").optional(),
  /** The filters the export was made with, in one line: "countries Mali, Niger; events of 2020-10-26 to 2021-01-03". */
  filters: oneLine.optional(),
  events: count,
  fatalities: count.optional(),
  /** Events by incident type, when the source gives them. */
  byType: z.partialRecord(z.enum(INCIDENT_TYPES), count).optional(),
});

/** A first-level subdivision of a country (a region, province, wilaya), as incidents name it. */
export const regionSchema = z.strictObject({
  slug,
  name: text,
  /** Its name in other languages. */
  translations: translations({ name: text.optional() }),
  /** The country's slug in countries.ts. */
  country: slug,
  /** ISO 3166-2 code of the subdivision: "ML-4" for Ségou. */
  iso: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "must be an ISO 3166-2 code such as ML-4"),
  /** Its name in the GeoNames gazetteer, when neither `name` nor a translated name is. */
  gazetteer: text.optional(),
  /** Its name as ISO 3166-2 writes it, when that is none of the above ("Al Buḩayrah" for Lac). */
  isoName: text.optional(),
});

/** Latitude and longitude in decimal degrees, as [latitude, longitude]. */
const coordinates = z.tuple([
  z.number().min(-90, "latitude must be between -90 and 90").max(90, "latitude must be between -90 and 90"),
  z.number().min(-180, "longitude must be between -180 and 180").max(180, "longitude must be between -180 and 180"),
], { error: "must be [latitude, longitude] in decimal degrees, such as [14.25, -5.99]" });

/** What the sources know of when an incident happened: the day, or only its week or month. */
export const datePrecisions = ["day", "week", "month"] as const;
/** What the sources know of where: the place itself, near it, only the region, or only the country. */
export const placePrecisions = ["place", "near", "region", "country"] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export type PlacePrecision = (typeof placePrecisions)[number];

/**
 * What one side says of an incident, where the sources disagree: who says it, their toll, whom
 * they say was killed, and the source that reports it. Their words in other languages, where the
 * editor translated them, in `translations`.
 */
export const accountSchema = z.strictObject({
  /** Who says it: "French military", "Villagers and Tabital Pulaaku". */
  by: oneLine,
  /** Their toll, in the same forms as an incident's. */
  fatalities: tollSchema.optional(),
  /** Whom they say was killed: "armed militants", "civilians at a wedding". */
  killed: oneLine.optional(),
  /** The source that reports this account. */
  source: z.strictObject({ name: text, url: httpUrl.optional() }),
  translations: translations({ by: oneLine.optional(), killed: oneLine.optional() }),
});

/** One incident an item reports, in ACLED's typology. */
export const incidentSchema = z.strictObject({
  /**
   * Its stable id, unique across the archive and never reused: analysts join on it from week to
   * week, so it stays when other incidents are added, removed or reordered. npm run new writes
   * <slug>-1; a changed id needs the old one in the item's `retired_ids`.
   */
  id: slug.max(120, "must be at most 120 characters"),
  type: oneOf(INCIDENT_TYPES),
  /** A sub-type of `type` (checked by the loader, which knows which belong to which). */
  subtype: slug.optional(),
  /** The day it happened (YYYY-MM-DD); the item's date when left out. With `date_precision` week or month, a day of that week or month that stands for it. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2020-12-03").optional(),
  /** What the sources know of when: the day (the default), only the week, or only the month. */
  date_precision: oneOf(datePrecisions).optional(),
  /** One of the item's countries; may be left out when the item has only one. */
  country: slug.optional(),
  /** A region of regions.ts, in that country; left out only when `place_precision` is country. */
  region: slug.optional(),
  /** A locality: its coordinates come from the GeoNames gazetteer. */
  place: text.optional(),
  /**
   * What the sources know of where: the place itself, near a place, only the region, or only
   * the country. By default "place" when a place is named, else "region".
   */
  place_precision: oneOf(placePrecisions).optional(),
  /** Only for a place the gazetteer lacks, from a source that gives them. */
  coordinates: coordinates.optional(),
  /** As the cited source gives it (src/content/toll.ts): 12, "at least 12", "about 30", "19-20", { toll, words }. */
  fatalities: tollSchema.optional(),
  /** Where sources disagree, each side's account (two or more); the toll is then each account's, not `fatalities`. */
  accounts: z.array(accountSchema).min(2, "must hold two accounts or more: with one, write its toll in `fatalities` and its source in the item's `source`").optional(),
});

/** An incident id an item no longer uses, with the day it was retired and, when one took its place, which. */
export const retiredIdSchema = z.strictObject({
  id: slug,
  /** The day the change was published (YYYY-MM-DD). */
  retired: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2021-01-10"),
  /** The id that replaces it, when one does. */
  replaced_by: slug.optional(),
  /** Why, in one line: "merged with …", "recorded twice". */
  reason: oneLine.optional(),
});

const day = z.string({ error: "must be a date such as 2020-12-22" }).regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2020-12-22");

/** A toll a correction changed, in the words of each version: "at least 28" to "34". */
const tollChange = z.strictObject({ from: oneLine, to: oneLine });

/**
 * One correction of an item after it was published: the day it was made, what changed in plain
 * words, and, when it changed a toll, from what to what. Shown at the top of the item, on the
 * corrections page and in the corrections feed; its latest date is the item's modified date.
 */
export const correctionSchema = z.strictObject({
  date: day,
  what: text,
  toll: tollChange.optional(),
});

/** A correction in a translation (<slug>.<language>.md), in the original's order: its own words; its date, when repeated, the same. */
export const correctionTranslationSchema = z.strictObject({
  date: day.optional(),
  what: text,
  toll: tollChange.optional(),
});

/** The Admiralty (NATO) scale: the reliability of the source, A (completely reliable) to F (cannot be judged). */
export const sourceReliabilities = ["A", "B", "C", "D", "E", "F"] as const;
/** ... and the credibility of the information, 1 (confirmed by other sources) to 6 (cannot be judged). */
export const informationCredibilities = [1, 2, 3, 4, 5, 6] as const;
export const GRADE_FORMS = "grade: { reliability: B, credibility: 2, note: \"how we checked\" }, reliability a letter A (completely reliable) to F (cannot be judged), credibility a figure 1 (confirmed by other sources) to 6 (cannot be judged)";
const gradeNote = z.string({ error: "must be a text: one line on how the editors checked" }).trim().min(1, "must not be empty: say in one line how the editors checked").max(300, "must be at most 300 characters: one line on how the editors checked");

/**
 * An item's source grade on the Admiralty scale, with how the editors checked. Optional: given
 * only where the editors checked (src/digest/methodology.ts explains it to readers).
 */
export const gradeSchema = z.strictObject(
  {
    reliability: z.string({ error: "must be a letter A to F: the source's reliability on the Admiralty scale" }).superRefine((value, ctx) => {
      if ((sourceReliabilities as readonly string[]).includes(value)) return;
      const upper = value.trim().toUpperCase();
      ctx.addIssue({
        code: "custom",
        message: (sourceReliabilities as readonly string[]).includes(upper)
          ? `must be a capital letter: write ${upper}`
          : "must be a letter A to F: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged",
      });
    }),
    credibility: z.unknown().superRefine((value, ctx) => {
      if (typeof value === "number" && (informationCredibilities as readonly number[]).includes(value)) return;
      const written = typeof value === "string" && /^\s*[1-6]\s*$/.test(value) ? ` without quotes: write ${value.trim()}` : "";
      ctx.addIssue({
        code: "custom",
        message: written
          ? `must be a figure${written}`
          : "must be a figure 1 to 6: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged",
      });
    }),
    /** One line: how the editors checked (which sources agree, who confirmed). */
    note: gradeNote,
  },
  // Only for a grade that is not an object at all (grade: B2): an unknown field keeps its own words.
  { error: (issue) => (issue.code === "invalid_type" ? `must be ${GRADE_FORMS}` : undefined) },
);

/** The front matter of an item, as the editor writes it (dates still text). */
export const itemFrontMatterSchema = z.strictObject({
  title: text,
  date: z.string({ error: "must be a date such as 2020-12-03 or 2020-12-03T14:30:00+01:00" }),
  countries: z.array(slug).min(1, "must name at least one country"),
  summary: text.max(400, "must be at most 400 characters: one or two plain sentences"),
  source: z.strictObject({
    name: text,
    url: httpUrl.optional(),
    published: z.string().optional(),
  }),
  tags: z.array(slug).default([]),
  location: text.optional(),
  /** What happened, as structured records: the security picture is computed from these. */
  incidents: z.array(incidentSchema).default([]),
  /** Incident ids this item published once and no longer uses: never reused, listed in the open data. */
  retired_ids: z.array(retiredIdSchema).default([]),
  /** What was corrected after publication, oldest first or in any order: each shown with its date. */
  corrections: z.array(correctionSchema).default([]),
  /** The source's reliability and the information's credibility, with how the editors checked: only where they did. */
  grade: gradeSchema.optional(),
  draft: z.boolean().default(false),
});

/**
 * The editors' judgement on one country in a weekly note's `trends:` (keyed by the country's
 * slug): the trend, why, and any alerts. The counts beside it are computed from the incidents.
 */
export const noteTrendSchema = z.strictObject({
  trend: oneOf(trendLabels),
  /** One line: why the editors chose this trend. */
  reason: oneLine,
  alerts: z.array(z.strictObject({ kind: oneOf(alertKinds), reason: oneLine })).default([]),
});

export const weeklyNoteFrontMatterSchema = z.strictObject({
  /** Required when the note has a lead; a note may give only the week's trends. */
  headline: text.optional(),
  /** The week's trend per country: `mali: { trend: deteriorated, reason: "…" }`. */
  trends: z.record(z.string(), noteTrendSchema).default({}),
  /** A draft note (its trends with it) is left out of the published site. */
  draft: z.boolean().default(false),
});

/** A trend in a translated note: its own words for the reasons; the trend and the alerts' kinds, when repeated, the original's. */
export const noteTrendTranslationSchema = z.strictObject({
  trend: z.unknown().optional(),
  reason: oneLine.optional(),
  alerts: z.array(z.strictObject({ kind: z.unknown().optional(), reason: oneLine.optional() })).optional(),
});

/**
 * A month's note, content/months/<YYYY>-<MM>.md: a headline, a lead (its body), and the
 * editors' trend for the month, per country, with why. All optional: a month without a note
 * shows the weeks' own labels and no monthly judgement.
 */
export const monthNoteFrontMatterSchema = z.strictObject({
  headline: text.optional(),
  trends: z.record(z.string(), z.strictObject({ trend: oneOf(trendLabels), reason: oneLine })).default({}),
});

/** A month's note in another language, <YYYY>-<MM>.<language>.md: its own headline, lead and reasons. */
export const monthNoteTranslationSchema = z.strictObject({
  headline: text.optional(),
  trends: z.record(z.string(), z.strictObject({ reason: oneLine })).default({}),
  draft: z.boolean().default(false),
});

/**
 * An item in another language, <slug>.<language>.md beside the item: its own words. The
 * fields both versions share may be repeated, and must then agree (src/content/load/translations.ts).
 */
export const itemTranslationSchema = z.strictObject({
  title: text,
  summary: itemFrontMatterSchema.shape.summary,
  location: text.optional(),
  /** The original's corrections in this language, in the same order; one left out is shown in the original, marked. */
  corrections: z.array(correctionTranslationSchema).optional(),
  /** The grade's note in this language; the grade itself is the original's. */
  grade: z.strictObject({ note: gradeNote }, { error: "must be { note: \"how we checked\" }: a translation gives the grade's note in its words; the grade itself is the original's" }).optional(),
  /** A draft translation is left out of the published edition, which shows the original. */
  draft: z.boolean().default(false),
  date: z.unknown().optional(),
  countries: z.unknown().optional(),
  source: z.unknown().optional(),
  tags: z.unknown().optional(),
  incidents: z.unknown().optional(),
  retired_ids: z.unknown().optional(),
});

/** A weekly note in another language, <YYYY>-W<ww>.<language>.md. */
export const noteTranslationSchema = z.strictObject({
  /** Required when the original has a headline. */
  headline: text.optional(),
  /** The original's trends, their reasons in this language (src/content/load/note-trends.ts). */
  trends: z.record(z.string(), noteTrendTranslationSchema).optional(),
  draft: z.boolean().default(false),
});

export type SiteSettings = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
export type Country = z.output<typeof countrySchema>;
export type CountryInput = z.input<typeof countrySchema>;
export type ActorKind = (typeof actorKinds)[number];
export type Actor = z.output<typeof actorSchema>;
export type ActorInput = z.input<typeof actorSchema>;
export type Theme = z.output<typeof themeSchema>;
export type ThemeInput = z.input<typeof themeSchema>;
export type Figure = z.output<typeof figureSchema>;
export type FigureInput = z.input<typeof figureSchema>;
export type TrendLabel = (typeof trendLabels)[number];
export type AlertKind = (typeof alertKinds)[number];
export type ExternalCount = z.output<typeof externalCountSchema>;
export type ExternalCountInput = z.input<typeof externalCountSchema>;
export type Region = z.output<typeof regionSchema>;
export type RegionInput = z.input<typeof regionSchema>;
export type IncidentInput = z.output<typeof incidentSchema>;
export type ItemFrontMatter = z.output<typeof itemFrontMatterSchema>;
export type RetiredId = z.output<typeof retiredIdSchema>;
export type Account = z.output<typeof accountSchema>;
export type CorrectionInput = z.output<typeof correctionSchema>;
export type SourceReliability = (typeof sourceReliabilities)[number];
export type InformationCredibility = (typeof informationCredibilities)[number];
export type WeeklyNoteFrontMatter = z.output<typeof weeklyNoteFrontMatterSchema>;
