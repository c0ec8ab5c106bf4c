// The content model: one zod schema per kind of content. The TypeScript types the rest of
// the code and the editors' data files use are inferred from these schemas, so what tsc
// checks and what the build validates can never drift apart.
import { z } from "zod";
import { IANAZone } from "luxon";

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
const siteUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

export const siteSchema = z.strictObject({
  title: text,
  /** Shown under the title and used as every feed's description. */
  description: text,
  /** Where the site is published, with its path when it is not at the domain's root. */
  url: siteUrl,
  /** BCP 47 language tag of the digest, e.g. "en". */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or fr"),
  /** IANA zone in which weeks are counted and dates are shown. */
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as Africa/Bamako"),
  /** Name shown as the publisher and feed author. */
  publisher: text,
  /** A line shown on every page, e.g. to say the content is a sample. */
  notice: text.optional(),
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
    nameFr: text,
    /** ISO 3166-1 alpha-2 code; a region has none. */
    iso: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter ISO 3166 code such as ML").optional(),
    capital: text.optional(),
    /** A short profile in Markdown, shown at the top of the country page. */
    profile: text,
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
});

export const themeSchema = z.strictObject({
  slug,
  name: text,
  description: text,
});

export const trendLabels = ["deteriorated", "improved", "unchanged"] as const;
export const alertKinds = ["conflict-risk", "resolution-opportunity"] as const;
const count = z.number().int("must be a whole number").min(0, "must not be negative");

/** One country's figures and the editors' trend label for one ISO week. */
export const figureSchema = z.strictObject({
  country: slug,
  /** "2020-W49" */
  week: z.string().regex(/^\d{4}-W\d{2}$/, "must be an ISO week such as 2020-W49"),
  /** Counts, as published by `source`; leave one out when it is not known (never write 0 for unknown). */
  events: count.optional(),
  fatalities: count.optional(),
  /** Who counted: "ACLED", "Editors' tally", ... */
  source: text,
  /** True when the counts only illustrate (sample content); shown next to them. */
  illustrative: z.boolean().default(false),
  trend: oneOf(trendLabels),
  /** One line: why the editors chose this trend. */
  reason: text.max(200, "must be one line: at most 200 characters"),
  alerts: z.array(z.strictObject({ kind: oneOf(alertKinds), reason: text.max(200, "must be one line: at most 200 characters") })).default([]),
});

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
  draft: z.boolean().default(false),
});

export const weeklyNoteFrontMatterSchema = z.strictObject({
  headline: text,
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
export type ItemFrontMatter = z.output<typeof itemFrontMatterSchema>;
export type WeeklyNoteFrontMatter = z.output<typeof weeklyNoteFrontMatterSchema>;
