// A page's key: what says, without rendering it, whether a page is the same as last time (the
// preview skips it, a production build links the published copy). It is derived from
// everything the page's template receives, not from a list of what it shows:
//   - the page's own data (its view: an item, an issue, a listing with its owner's counts, a
//     region, a feed), whole: every field's name and value, each object's text hashed once;
//   - the part of its edition's digest that every page reads (`commonOf`): the site's settings,
//     the edition and its words, the regional map, the digest feed's addresses;
//   - the navigation, which write-pages adds to every page's data.
// A page made from the whole digest (the home page, the archive, the sitemap...) reads more of it
// than that: its key is the digest itself, which the build names by the hash of every file.
// tests/unit/page-keys.test.ts renders every other page from its data and `commonOf` alone and
// from the whole digest, and holds the two to the same bytes: what a template reads beyond its
// key fails the suite.
import { createHash } from "node:crypto";
import type { Digest } from "../digest/digest.ts";

/**
 * What objects already seen stand for: a view listed on many pages is read once a build (once
 * while it lives, in the preview).
 */
const tokens = new WeakMap<object, string>();

/** An object whose text is at most this long stands for itself; a longer one, for its hash. */
const INLINE_LENGTH = 64;

/** A hash of `value` and of everything it holds, by field names and values. */
export function viewHash(value: unknown): string {
  return createHash("sha1").update(token(value, new Set())).digest("base64url");
}

/**
 * A text that differs whenever `value` does: every part is tagged and length-prefixed, so no
 * two values share one. An object's part is its own text when short and the hash of it when
 * not: the text of each object is hashed in one call, rather than a call for every field.
 */
function token(value: unknown, open: Set<object>): string {
  switch (typeof value) {
    case "string":
      return `s${value.length}:${value}`;
    case "number":
      // -0 is its own value: a page that prints it differs from one that prints 0.
      return `n${Object.is(value, -0) ? "-0" : String(value)};`;
    case "boolean":
    case "bigint":
      return `${typeof value}${String(value)};`;
    case "undefined":
      return "u;";
    case "function":
      // A view holds data, never code: what a function would give cannot be known from here.
      throw new Error("A page's data holds a function: its key cannot say what the page shows");
    case "symbol":
      throw new Error("A page's data holds a symbol: its key cannot say what the page shows");
  }
  if (value === null) return "z;";
  return objectToken(value as object, open);
}

function objectToken(value: object, open: Set<object>): string {
  const known = tokens.get(value);
  if (known) return known;
  if (open.has(value)) throw new Error("A page's data refers back to itself: its key cannot be made");
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `a${value.length}[`;
    for (const element of value) text += token(element, open);
  } else if (value instanceof Map) {
    text = `m${value.size}[`;
    for (const [key, element] of value) text += token(key, open) + token(element, open);
  } else if (value instanceof Set) {
    text = `e${value.size}[`;
    for (const element of value) text += token(element, open);
  } else if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    // What a class says it is as data (a site's addresses).
    text = `j${token((value as { toJSON(): unknown }).toJSON(), open)}`;
  } else if (isCatalogue(value)) {
    // An edition's words: by the hash of every message it holds.
    text = `w${value.signature}`;
  } else {
    text = "{";
    for (const key of Object.keys(value)) text += `k${key.length}:${key}${token((value as Record<string, unknown>)[key], open)}`;
  }
  open.delete(value);
  const made = text.length <= INLINE_LENGTH ? `i${text.length}:${text}` : `h${createHash("sha1").update(text).digest("base64url")};`;
  tokens.set(value, made);
  return made;
}

function isCatalogue(value: object): value is { readonly signature: string } {
  return typeof (value as { signature?: unknown }).signature === "string" && typeof (value as { t?: unknown }).t === "function";
}

/**
 * What every page reads of its edition's digest besides its own data: the site's settings, the
 * edition (its language, folder, words, addresses, the other editions), the regional map the
 * issues' overviews shade, whether it is the preview, and the digest feed's addresses and title
 * that every page's head links. A page kind whose template reads anything else of the digest is made from
 * the whole digest (PageKind `whole`).
 */
export function commonOf(digest: Digest): Digest {
  const { atomPath, rssPath, jsonPath, title } = digest.feeds.digest;
  const common = {
    site: digest.site,
    edition: digest.edition,
    map: digest.map,
    preview: digest.preview,
    feeds: { digest: { atomPath, rssPath, jsonPath, title } },
  };
  return common as unknown as Digest;
}

const commonHashes = new WeakMap<Digest, string>();

/** The hash of `commonOf(digest)`, once a digest. */
export function commonHash(digest: Digest): string {
  let found = commonHashes.get(digest);
  if (!found) commonHashes.set(digest, (found = viewHash(commonOf(digest))));
  return found;
}
