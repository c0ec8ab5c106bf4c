// `npm run new -- item`: the file a new item starts as, and the checks made before it is
// written. Pure: the command line (src/cli/new.ts) reads the project and writes the file.
import type { DateTime } from "luxon";
import { COLLECTIONS } from "../../content/collections.ts";
import { firstForbidden, forbiddenMessage } from "../../content/load/characters.ts";
import { brokenReferences, type KnownKeys } from "../../content/load/references.ts";
import { dayInWords, localWeek, weekRangeInWords, type Week } from "../../core/weeks.ts";
import type { Catalogue } from "../../core/messages/catalogue.ts";
import { dayOf } from "./day.ts";
import { slugFromTitle } from "./slug.ts";
import { flowList, quoted, withHints } from "./yaml.ts";

export interface ItemRequest {
  readonly title: string;
  /** Country slugs, as given with --country. */
  readonly countries: readonly string[];
  /** Actor and theme slugs, as given with --tag. */
  readonly tags: readonly string[];
  /** --date, "2020-12-03"; today on the digest's clocks when left out. */
  readonly date?: string;
}

export interface ItemProject {
  /** The digest's time zone (site.ts). */
  readonly zone: string;
  /** The clock: what "today" is. */
  readonly now: DateTime;
  /** The slugs of countries, actors and themes (and regions, for the example incident). */
  readonly known: KnownKeys;
  /** The first region of each country, for the example incident: country slug → region slug. */
  readonly regionOf?: ReadonlyMap<string, string>;
  /** The item files there are, below content/articles/: "2020/x.md". */
  readonly existing: readonly string[];
  /** The words of the digest's language (site.ts), for its dates. */
  readonly words: Catalogue;
  /** The words elided before a vowel in the digest's languages (their catalogues' `slug.elided`), which a slug splits. */
  readonly elided?: ReadonlySet<string>;
}

export type ItemPlan =
  | {
      readonly ok: true;
      /** Relative to the project root: "content/articles/2020/x.md". */
      readonly file: string;
      readonly text: string;
      readonly slug: string;
      readonly day: DateTime;
      readonly week: Week;
      /** Dated after now: production builds hold it back until then. */
      readonly scheduled: boolean;
    }
  | { readonly ok: false; readonly errors: string[] };

export function planItem(request: ItemRequest, project: ItemProject): ItemPlan {
  const errors: string[] = [];
  const title = request.title.replace(/\s+/g, " ").trim();
  const forbidden = firstForbidden(title);
  const slug = slugFromTitle(title, project.elided ?? new Set());
  if (!title) errors.push("the title is empty: npm run new -- item \"Title of the item\" --country SLUG");
  else if (forbidden >= 0) errors.push(`the title ${forbiddenMessage(title, forbidden)}`);
  else if (!slug) errors.push(`the title ${JSON.stringify(title)} makes an empty slug: it needs a letter or digit from a to z or 0 to 9 (the file name and URL are made of them)`);

  const day = dayOf(request.date, project.zone, project.now);
  if (!day.ok) errors.push(day.message);

  const countries = unique(request.countries);
  const tags = unique(request.tags);
  if (countries.length === 0) {
    const known = [...(project.known.countries ?? [])].sort();
    errors.push(`name at least one country with --country SLUG${known.length ? `: the known ones are ${known.join(", ")}` : ""}`);
  }
  // The loader's own words, `unknown country "malli" — did you mean "mali"?`, and where a
  // new one is added when it does not say.
  for (const broken of brokenReferences({ countries, tags }, COLLECTIONS.items.references, project.known)) {
    const country = broken.field === "countries";
    const files = country ? COLLECTIONS.countries.file : `${COLLECTIONS.actors.file} or ${COLLECTIONS.themes.file}`;
    const where = broken.message.includes(" is added in ") ? "" : ` (a new one is added in ${files})`;
    errors.push(`--${country ? "country" : "tag"}: ${broken.message}${where}`);
  }

  if (slug) {
    // Slugs are URLs and feed ids: unique across every year, whatever the case.
    const taken = project.existing.find((relative) => (relative.split("/").pop() ?? "").replace(/\.md$/, "").toLowerCase() === slug);
    if (taken !== undefined) {
      errors.push(`${COLLECTIONS.items.folder}/${taken} already has the slug "${slug}" (slugs are unique across all years): make the title more specific`);
    }
  }
  if (errors.length || !day.ok) return { ok: false, errors };

  const file = `${COLLECTIONS.items.folder}/${day.day.year}/${slug}.md`;
  const text = itemText({ title, slug, day: day.day, countries, tags, zone: project.zone, region: project.regionOf?.get(countries[0]!), words: project.words });
  return { ok: true, file, text, slug, day: day.day, week: localWeek(day.day), scheduled: day.day > project.now };
}

/** What to tell the editor once the file is written. */
export function itemWritten(plan: ItemPlan & { ok: true }, words: Catalogue): string[] {
  return [
    `Wrote ${plan.file}, dated ${dayInWords(plan.day, words)}: it falls in issue ${plan.week.id} (${weekRangeInWords(plan.week, words)}).`,
    ...(plan.scheduled ? ["Its date is after today: production builds hold it back until then."] : []),
    "Fill in the summary and source, then run npm run check: a draft's problems are told as its own and hold back only itself. Remove draft: true to publish it.",
  ];
}

interface Filled {
  readonly title: string;
  /** The item's slug, which its first incident's id starts from. */
  readonly slug: string;
  readonly day: DateTime;
  readonly countries: readonly string[];
  readonly tags: readonly string[];
  readonly zone: string;
  readonly region: string | undefined;
  readonly words: Catalogue;
}

/**
 * Every field of the item front matter (src/content/schemas.ts), each with a hint. What the
 * editor must write is left empty, so `npm run check` refuses the file until it is; what
 * is optional is commented out; `draft: true` keeps it out of production meanwhile.
 */
function itemText(item: Filled): string {
  const iso = item.day.toISODate()!;
  const incidentCountry = item.countries[0] ?? "mali";
  const lines = withHints([
    ["# A new item: fill in what is empty, uncomment what applies; lines starting with # are hints."],
    [`title: ${quoted(item.title)}`, "the headline, as the issue shows it"],
    [`date: ${iso}`, `the day on the digest's clocks (${item.zone}); or 2020-12-03T14:30:00+01:00`],
    [`countries: ${flowList(item.countries)}`, `slugs from ${COLLECTIONS.countries.file}`],
    ["# location: Town, region", "optional: where it happened, in words"],
    ['summary: ""', "required: one or two plain sentences, at most 400 characters"],
    ["source:", "where the facts come from; never copy its sentences"],
    ['  name: ""', "required: who reported it, e.g. ECHO Daily Flash, on ReliefWeb"],
    ["  # url: https://", "optional: the report's address; leave it out when unsure"],
    [`  # published: ${dayInWords(item.day, item.words)}`, "optional: when the source published it"],
    [`tags: ${flowList(item.tags)}`, `actors (${COLLECTIONS.actors.file}) and themes (${COLLECTIONS.themes.file})`],
    ["incidents: []", "optional: what happened, as records; replace [] with some like this:"],
    [`#   - id: ${item.slug}-1`, "required: the incident's id for good, unique across the archive; the next is -2, and a changed id goes in retired_ids"],
    ["#     type: violence-against-civilians", "one of ACLED's six types (src/content/typology.ts)"],
    ["#     subtype: attack", "optional; must belong to the type"],
    [`#     date: ${iso}`, "optional: the day it happened, when before the item's date"],
    ["#     date_precision: day", "optional: day, or week or month when that is all the sources give"],
    [`#     country: ${incidentCountry}`, "optional when the item names one country"],
    [`#     region: ${item.region ?? "region-slug"}`, `required: a slug from ${COLLECTIONS.regions.file}`],
    ["#     place: Town", "optional: a locality the GeoNames gazetteer knows"],
    ["#     place_precision: place", "optional: place, near (a place), region (no place), or country (no region)"],
    ["#     fatalities: 4", 'only as the source gives it: 4, "at least 4", "about 30", "19-20"; its words: { toll: "at least 50", words: "more than 50" }'],
    ['#     accounts: [{ by: "", fatalities: "about 30", killed: "", source: { name: "", url: "https://" } }]', "instead of fatalities, when sources disagree: two or more, one per speaker and source; the counts take the lowest toll any gives"],
    [`# retired_ids: [{ id: ${item.slug}-2, retired: ${iso}, replaced_by: ${item.slug}-1, reason: "" }]`, "only when a published incident's id changed or went: the old id, which is never used again"],
    ['# grade: { reliability: B, credibility: 2, note: "" }', "optional, only where you checked: the source A (completely reliable) to F (cannot be judged), the information 1 (confirmed by other sources) to 6 (cannot be judged), and how you checked"],
    [`# corrections: [{ date: ${iso}, what: "", toll: { from: "at least 28", to: "34" } }]`, "only after publication: the day of each correction (not after today), what changed in plain words, and from what to what when a toll changed (else leave toll out)"],
    ["draft: true", "keeps it out of the published site (still checked: fill it in before pushing); remove to publish"],
    ["# Below the closing ---: the detail in Markdown, in your own words."],
  ]);
  return ["---", ...lines, "---", ""].join("\n");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
