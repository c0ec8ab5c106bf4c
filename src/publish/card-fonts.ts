// The fonts a share card is drawn in (src/publish/share-image.ts): DejaVu Sans and its bold, from
// npm dejavu-fonts-ttf, or smaller copies of them holding only the letters our three languages
// write. resvg reads the whole font file again for every line of text it lays out, so a card of
// a dozen lines read 1.4 MB a dozen times: with copies a fifth of the size, a card costs about
// half. The copies keep each glyph's outline, metrics and every layout table (Arabic's joined
// forms, kerning, ligatures), so a card drawn in them has the same pixels, and its PNG the same
// bytes (tests/unit/card-fonts.test.ts); a card with any other letter is drawn in the originals.
//
// The copies are cut by HarfBuzz's subsetter (npm subset-font, WebAssembly: nothing downloaded)
// the first time a machine draws a card, and kept in the cache folder under a hash of what they
// are cut from; until they are ready, and if they cannot be made, cards use the originals.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { PROJECT, cacheFolder } from "../core/project.ts";

const require = createRequire(import.meta.url);
const FONT_FOLDER = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** The regular and the bold: the cards use no other. */
export const CARD_FONT_FILES: readonly string[] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => path.join(FONT_FOLDER, name));

/**
 * The code points the copies keep: Latin (English, French and names of places in either),
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

/** Whether every letter of `text` is one the copies keep. */
export function inCardFontRanges(text: string): boolean {
  for (const letter of text) {
    const point = letter.codePointAt(0)!;
    if (!CARD_FONT_RANGES.some(([first, last]) => point >= first && point <= last)) return false;
  }
  return true;
}

let copies: readonly string[] | undefined;
let preparing: Promise<void> | undefined;

/** The files to draw `svg` in: the copies where they are ready and hold every letter of it. */
export function cardFontFiles(svg: string): readonly string[] {
  return copies && inCardFontRanges(svg) ? copies : CARD_FONT_FILES;
}

/**
 * Makes the copies ready for this thread, from the cache folder or cut anew. Never fails: a
 * copy that cannot be made or kept leaves the cards in the originals, which give the same bytes.
 */
export function prepareCardFonts(): Promise<void> {
  preparing ??= cutCardFonts(cardFontFolder()).then(
    (files) => {
      copies = files;
    },
    () => undefined,
  );
  return preparing;
}

/** Where this machine keeps the copies: named by what makes their bytes, the originals, the letters kept and the subsetter's own code. */
export function cardFontFolder(): string {
  const hash = createHash("sha1").update(JSON.stringify(CARD_FONT_RANGES)).update(readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm")));
  for (const file of CARD_FONT_FILES) hash.update("\0").update(readFileSync(file));
  return cacheFolder(PROJECT, "card-fonts", hash.digest("hex").slice(0, 16));
}

/** The copies in `folder`, cut there unless they are there already. */
export async function cutCardFonts(folder: string): Promise<readonly string[]> {
  const files = CARD_FONT_FILES.map((file) => path.join(folder, path.basename(file)));
  if (files.every((file) => existsSync(file))) return files;
  const { default: subsetFont } = await import("subset-font");
  const letters = CARD_FONT_RANGES.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))).join("");
  mkdirSync(folder, { recursive: true });
  for (const [i, file] of files.entries()) {
    if (existsSync(file)) continue;
    // Hinting is for small sizes on screens; resvg draws outlines and never reads it.
    const copy = await subsetFont(readFileSync(CARD_FONT_FILES[i]!), letters, { targetFormat: "truetype", noHinting: true });
    // Written whole, then renamed: another build cutting the same copy meanwhile writes the same bytes.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, copy);
    renameSync(partial, file);
  }
  return files;
}
