// Checks the references a collection declares (src/content/collections.ts): every slug a reference
// field names must be the key of an entry of a collection it points to.
import { COLLECTIONS, type CollectionName, type Reference } from "../collections.ts";
import { withSuggestion } from "../../core/suggest.ts";

/**
 * The keys of each collection that was read. A collection whose file could not be read at all
 * is left out: references to it are then not checked, so one broken file is one problem, not
 * one more per reference to it.
 */
export type KnownKeys = Partial<Record<CollectionName, ReadonlySet<string>>>;

export interface BrokenReference {
  /** The reference field: "countries". */
  readonly field: string;
  /** Which element of a list field, when it is a list. */
  readonly index?: number;
  /** `unknown country "malli" — did you mean "mali"?` */
  readonly message: string;
}

/** Every slug in `entry`'s reference fields that names no known entry. */
export function brokenReferences(entry: unknown, references: Readonly<Record<string, Reference>> | undefined, known: KnownKeys): BrokenReference[] {
  if (!references || typeof entry !== "object" || entry === null) return [];
  const broken: BrokenReference[] = [];
  for (const [field, reference] of Object.entries(references)) {
    const targets = reference.to.map((name) => known[name]);
    if (targets.some((keys) => keys === undefined)) continue;
    const keys = targets.flatMap((set) => [...set!]);
    const value = (entry as Record<string, unknown>)[field];
    const check = (slug: unknown, index?: number) => {
      if (typeof slug !== "string" || targets.some((set) => set!.has(slug))) return;
      broken.push({ field, ...(index === undefined ? {} : { index }), message: unknownMessage(reference, slug, keys) });
    };
    if (Array.isArray(value)) value.forEach((slug, index) => check(slug, index));
    else check(value);
  }
  return broken;
}

/** At most this many valid slugs are listed when none is close to what was written. */
const LISTED = 40;

/** `unknown country "malli" — did you mean "mali"?`, or the valid ones and where to add one. */
function unknownMessage(reference: Reference, slug: string, keys: readonly string[]): string {
  const message = `unknown ${reference.noun} "${slug}"`;
  const suggested = withSuggestion(message, slug, keys);
  if (suggested !== message) return suggested;
  const files = reference.to.map((name) => COLLECTIONS[name]).flatMap((c) => ("file" in c ? [c.file] : []));
  const sorted = [...keys].sort();
  const listed = sorted.length === 0 ? "there are none yet" : `the known ones are ${sorted.slice(0, LISTED).join(", ")}${sorted.length > LISTED ? `, and ${sorted.length - LISTED} more` : ""}`;
  return `${message}: ${listed}. A new one is added in ${files.join(" or ")}`;
}
