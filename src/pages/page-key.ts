// A page's key: what says, without rendering it, whether a page is the same as last time (the
// preview skips it, a production build links the published copy). It is derived from
// everything the page's template receives, not from a list of what it shows:
//   - the page's own data (its view: an item, an issue, a listing with its owner's counts, a
//     region, a feed), hashed whole, field by field;
//   - the part of its edition's digest that every page reads (`commonOf`): the site's settings,
//     the edition and its words, the regional map, the digest feed's addresses;
//   - the navigation, which write-pages adds to every page's data.
// A page made from the whole digest (the home page, the archive, the sitemap...) reads more of it
// than that: its key is the digest itself, which the build names by the hash of every file.
// tests/unit/page-keys.test.ts renders every other page from its data and `commonOf` alone and
// from the whole digest, and holds the two to the same bytes: what a template reads beyond its
// key fails the suite.
import { createHash, type Hash } from "node:crypto";
import type { Digest } from "../digest/digest.ts";

/** Hashes of objects already hashed: a view listed on many pages is hashed once a build (once while it lives, in the preview). */
const hashes = new WeakMap<object, string>();

/** A hash of `value` and of everything it holds, by field names and values. */
export function viewHash(value: unknown): string {
  const hash = createHash("sha1");
  feed(hash, value, new Set());
  return hash.digest("base64url");
}

function feed(hash: Hash, value: unknown, open: Set<object>): void {
  switch (typeof value) {
    case "string":
      hash.update(`s${value.length}:`).update(value);
      return;
    case "number":
      // -0 is its own value: a page that prints it differs from one that prints 0.
      hash.update(`n${Object.is(value, -0) ? "-0" : String(value)};`);
      return;
    case "boolean":
    case "bigint":
      hash.update(`${typeof value}${String(value)};`);
      return;
    case "undefined":
      hash.update("u;");
      return;
    case "function":
      // A view holds data, never code: what a function would give cannot be known from here.
      throw new Error("A page's data holds a function: its key cannot say what the page shows");
    case "symbol":
      throw new Error("A page's data holds a symbol: its key cannot say what the page shows");
  }
  if (value === null) {
    hash.update("z;");
    return;
  }
  hash.update(`o${objectHash(value as object, open)};`);
}

function objectHash(value: object, open: Set<object>): string {
  const known = hashes.get(value);
  if (known) return known;
  if (open.has(value)) throw new Error("A page's data refers back to itself: its key cannot be made");
  open.add(value);
  const hash = createHash("sha1");
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const element of value) feed(hash, element, open);
  } else if (value instanceof Map) {
    hash.update(`m${value.size}[`);
    for (const [key, element] of value) {
      feed(hash, key, open);
      feed(hash, element, open);
    }
  } else if (value instanceof Set) {
    hash.update(`e${value.size}[`);
    for (const element of value) feed(hash, element, open);
  } else if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    // What a class says it is as data (a site's addresses).
    feed(hash, (value as { toJSON(): unknown }).toJSON(), open);
  } else if (isCatalogue(value)) {
    // An edition's words: by the hash of every message it holds.
    hash.update(`w${value.signature}`);
  } else {
    for (const key of Object.keys(value)) {
      hash.update(`k${key.length}:${key}`);
      feed(hash, (value as Record<string, unknown>)[key], open);
    }
  }
  open.delete(value);
  const made = hash.digest("base64url");
  hashes.set(value, made);
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
