// The fonts a share card is drawn in (src/publish/share-image.ts): DejaVu Sans and its bold, from
// npm dejavu-fonts-ttf, or smaller copies of them holding only the letters our three languages
// write. resvg reads the whole font file again for every line of text it lays out, so a card of
// a dozen lines read 1.4 MB a dozen times: with copies a seventh of the size, a card costs
// about half. The copies keep each glyph's outline, metrics and every layout table (Arabic's joined
// forms, kerning, ligatures), so a card drawn in them has the same pixels, and its PNG the same
// bytes (tests/unit/card-fonts.test.ts); a card with any other letter, or one the originals
// lack, is drawn in the originals.
//
// The copies are cut by HarfBuzz's subsetter (npm subset-font, WebAssembly: nothing downloaded)
// the first time a machine draws a card, and kept in the cache folder under a hash of what they
// are cut from, with their own hashes to check them by; until they are ready, and if they cannot
// be made, cards use the originals.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT, cacheFolder } from "../core/project.ts";
import { writeWhole } from "../core/writer.ts";

const require = createRequire(import.meta.url);
const FONT_FOLDER = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** The regular and the bold: the cards use no other. */
export const CARD_FONT_FILES: readonly string[] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => path.join(FONT_FOLDER, name));

/**
 * The code points the copies are cut for: Latin (English, French and names of places in either),
 * Arabic with its supplement and presentation forms, and the punctuation and spaces the three
 * languages' number and list formats write (the narrow no-break space of French figures, the
 * Arabic comma, the ellipsis of a cut line). Ligatures and joined forms these letters make are
 * kept with them by the subsetter.
 */
export const CARD_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x2b0, 0x36f], // spacing modifiers and combining diacritics
  [0x600, 0x6ff], // Arabic
  [0x750, 0x77f], // Arabic Supplement
  [0x2000, 0x206f], // General Punctuation: spaces, dashes, quotes, bidi marks
  [0x20a0, 0x20cf], // currency signs
  [0xfb50, 0xfdff], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
];

/**
 * Combining marks: the copies keep them, but a shaper joins a letter and a mark that follows it
 * into one precomposed letter where the font has one, and the originals have letters the copies
 * do not (o with a dot below, of Yoruba and Hausa names written decomposed). A card with one is
 * drawn in the originals.
 */
const COMBINING: readonly [number, number] = [0x300, 0x36f];

/** How the copies are cut: part of their name, as it makes their bytes. Hinting is for small sizes on screens; resvg draws outlines and never reads it. */
const CUT = { targetFormat: "truetype", noHinting: true } as const;
/** The copies' hashes and the letters they draw as the originals do, written after them: copies without it, or not matching it, are cut again. */
const MANIFEST = "manifest.json";

/** The copies, and the letters a card may hold to be drawn in them. */
export interface CardFontCopies {
  readonly files: readonly string[];
  readonly letters: ReadonlySet<number>;
}

let copies: CardFontCopies | undefined;
let preparing: Promise<void> | undefined;

/** Whether a card with `text` draws the same in the copies as in the originals: every letter one of `letters`, and no character reference. */
export function drawnAlike(text: string, letters: ReadonlySet<number>): boolean {
  if (text.includes("&#")) return false;
  for (const letter of text) if (!letters.has(letter.codePointAt(0)!)) return false;
  return true;
}

/** The files to draw `svg` in: the copies where they are ready, still there, and draw every letter of it. */
export function cardFontFiles(svg: string): readonly string[] {
  return copies && drawnAlike(svg, copies.letters) && copies.files.every((file) => existsSync(file)) ? copies.files : CARD_FONT_FILES;
}

/**
 * Makes the copies ready for this thread, from the cache folder or cut anew. Never fails: where
 * they cannot be made or kept, it says so once and the cards are drawn in the originals, which
 * give the same bytes, more slowly.
 */
export function prepareCardFonts(): Promise<void> {
  preparing ??= Promise.resolve()
    .then(() => cutCardFonts(cardFontFolder()))
    .then(
      (made) => {
        copies = made;
      },
      (error: unknown) => {
        console.warn(`Share cards: the fonts' small copies could not be made (${error instanceof Error ? error.message : String(error)}); the cards are drawn in the whole fonts, with the same bytes, more slowly.`);
      },
    );
  return preparing;
}

const subsetter = path.dirname(require.resolve("subset-font/package.json"));

/** Where this machine keeps the copies: named by what makes their bytes, the originals, the letters kept, how they are cut and the subsetter's own code. */
export function cardFontFolder(): string {
  const own = createRequire(path.join(subsetter, "index.js"));
  const hash = createHash("sha1")
    .update(JSON.stringify([CARD_FONT_RANGES, CUT, readFileSync(path.join(subsetter, "package.json"), "utf8")]))
    .update(readFileSync(own.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm")));
  for (const file of CARD_FONT_FILES) hash.update("\0").update(readFileSync(file));
  return cacheFolder(PROJECT, "card-fonts", hash.digest("hex").slice(0, 16));
}

const sha1 = (file: string) => createHash("sha1").update(readFileSync(file)).digest("hex");

interface Manifest {
  readonly hashes: Record<string, string>;
  /** The letters, as [first, last] runs. */
  readonly letters: readonly (readonly [number, number])[];
}

/** The copies in `folder`, cut there unless they are there already, whole. */
export async function cutCardFonts(folder: string): Promise<CardFontCopies> {
  const files = CARD_FONT_FILES.map((file) => path.join(folder, path.basename(file)));
  const kept = manifestOf(folder, files);
  if (kept) return { files, letters: new Set(pointsOf(kept.letters)) };
  const { default: subsetFont } = await import("subset-font");
  const wanted = pointsOf(CARD_FONT_RANGES);
  mkdirSync(folder, { recursive: true });
  // Written whole, then renamed: another build cutting the same copy meanwhile writes the same
  // bytes, and nobody reads half a file.
  for (const [i, file] of files.entries()) writeWhole(file, await subsetFont(readFileSync(CARD_FONT_FILES[i]!), String.fromCodePoint(...wanted), CUT));
  // A letter either original lacks is drawn by resvg's fallback, which the copies do not
  // reproduce; and a combining mark may join the letter before it (COMBINING).
  const inBoth = await lettersOfFonts(CARD_FONT_FILES);
  const letters = wanted.filter((point) => inBoth.has(point) && !(point >= COMBINING[0] && point <= COMBINING[1]));
  const manifest: Manifest = { hashes: Object.fromEntries(files.map((file) => [path.basename(file), sha1(file)])), letters: runsOf(letters) };
  writeWhole(path.join(folder, MANIFEST), JSON.stringify(manifest));
  return { files, letters: new Set(letters) };
}

/** The code points every one of `files` has a glyph for, as HarfBuzz reads their character maps. */
async function lettersOfFonts(files: readonly string[]): Promise<Set<number>> {
  const harfbuzz = await import("harfbuzzjs");
  const sets = files.map((file) => new Set(new harfbuzz.Face(new harfbuzz.Blob(readFileSync(file))).collectUnicodes()));
  return new Set([...sets[0]!].filter((point) => sets.every((set) => set.has(point))));
}

/** Every code point of `runs` ([first, last] each). */
function pointsOf(runs: readonly (readonly [number, number])[]): number[] {
  return runs.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

function runsOf(points: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const point of points) {
    const last = runs.at(-1);
    if (last && last[1] === point - 1) last[1] = point;
    else runs.push([point, point]);
  }
  return runs;
}

/** The manifest of the copies in `folder`, if they are those it names: none cut short, none changed. */
function manifestOf(folder: string, files: readonly string[]): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), "utf8")) as Manifest;
    return files.every((file) => manifest.hashes[path.basename(file)] === sha1(file)) && Array.isArray(manifest.letters) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
