// The share cards' fonts (src/publish/card-fonts.ts): the small copies give every card in our
// three languages, and every letter they claim to draw, the same PNG, byte for byte, as the
// original files do; a card with any other letter is drawn in the originals; and a copy is cut
// once, then found, or cut again where it was damaged.
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CARD_FONT_FILES, cardFontFiles, cutCardFonts, drawnAlike, prepareCardFonts } from "../../src/publish/card-fonts.ts";
import { pngOfCard } from "../../src/publish/share-image.ts";
import { cardSvg, type CardText } from "../../src/pages/share-card.ts";
import { SHIPPED_CATALOGUES } from "../fixtures/words.ts";

const folder = mkdtempSync(path.join(tmpdir(), "card-fonts-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * A card in each shipped language's own words, as a country's card says them, with places of
 * the Sahel written with their accents, and "office" for its ffi ligature.
 */
const cards: readonly (readonly [string, CardText])[] = [...SHIPPED_CATALOGUES].map(([language, words]) => [
  language,
  {
    site: "Sahel Digest",
    kicker: words.t("card.countryKicker"),
    heading: `${words.t("card.siteAlt", { site: "Sahel Digest" })} Ménaka, Ségou, Tillabéri, N’Djaména: office`,
    figures: [
      { value: 1234, label: words.t("card.items", { count: 1234 }) },
      { value: 7, label: words.t("card.incidents", { count: 7 }) },
    ],
    footnote: words.t("card.regionCount", { region: "Tillabéri", count: 12 }),
  },
]);

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("the share cards' fonts", () => {
  it("draw every language's card, ligatures and joined letters too, in the same bytes as the originals", async () => {
    expect(cards.length).toBeGreaterThanOrEqual(3);
    const copies = await cutCardFonts(folder);
    for (const [i, copy] of copies.files.entries()) expect(statSync(copy).size, path.basename(copy)).toBeLessThan(statSync(CARD_FONT_FILES[i]!).size / 4);
    for (const [language, card] of cards) {
      const svg = cardSvg(card, language);
      expect(drawnAlike(svg, copies.letters), language).toBe(true);
      const inOriginals = pngOfCard(svg, CARD_FONT_FILES);
      expect(same(pngOfCard(svg, copies.files), inOriginals), language).toBe(true);
      // The letters are drawn at all: without any font, the card is another image.
      expect(same(pngOfCard(svg, []), inOriginals), `${language} without fonts`).toBe(false);
    }
  });

  it("draw every letter they claim, in lines of sixty, regular and bold, in the same bytes as the originals", async () => {
    const copies = await cutCardFonts(folder);
    const letters = [...copies.letters].map((point) => String.fromCodePoint(point));
    expect(letters.length).toBeGreaterThan(1000);
    const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
    const lines = Array.from({ length: Math.ceil(letters.length / 60) }, (_, i) => letters.slice(i * 60, i * 60 + 60).join(""));
    for (let first = 0; first < lines.length; first += 12) {
      const text = lines.slice(first, first + 12).map((line, i) => `<text x="8" y="${40 + i * 48}" font-size="36"${i % 2 ? ' font-weight="bold"' : ""}>${escape(line)}</text>`);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" font-family="DejaVu Sans"><rect width="1200" height="630" fill="#ffffff"/>${text.join("")}</svg>`;
      expect(same(pngOfCard(svg, copies.files), pngOfCard(svg, CARD_FONT_FILES)), `lines ${first + 1} to ${first + 12}`).toBe(true);
    }
  });

  it("leave to the originals a letter the originals lack, a combining mark and a character reference", async () => {
    const { letters } = await cutCardFonts(folder);
    expect(drawnAlike("Tchad\u202f: 1\u202f234, «\u00a0Mali\u00a0» — مالي…", letters)).toBe(true);
    // U+0600, an Arabic number sign DejaVu Sans has no glyph for: drawn by resvg's fallback.
    expect(drawnAlike("\u0600", letters)).toBe(false);
    // A mark the shaper would join to the letter before it, into a letter only the originals have.
    expect(drawnAlike("O\u0323yo\u0323", letters)).toBe(false);
    expect(drawnAlike("Ọyọ", letters)).toBe(false);
    expect(drawnAlike("&#x41F;", letters)).toBe(false);
    expect(drawnAlike("Новости", letters)).toBe(false);
  });

  it("are cut once: a second build finds the copies and writes nothing", async () => {
    const first = await cutCardFonts(folder);
    const stamps = first.files.map((file) => statSync(file).mtimeMs);
    const again = await cutCardFonts(folder);
    expect(again.files).toEqual(first.files);
    expect([...again.letters]).toEqual([...first.letters]);
    expect(again.files.map((file) => statSync(file).mtimeMs)).toEqual(stamps);
    expect(readdirSync(folder).sort()).toEqual([...first.files.map((file) => path.basename(file)), "manifest.json"].sort());
  });

  it("are cut again where one was cut short", async () => {
    const { files } = await cutCardFonts(folder);
    const size = statSync(files[0]!).size;
    truncateSync(files[0]!, 1000);
    await cutCardFonts(folder);
    expect(statSync(files[0]!).size).toBe(size);
  });

  it("are the files a card in their letters is drawn in, once prepared; any other card is drawn in the originals", async () => {
    // The cache folder of this checkout (or DIGEST_CACHE_DIR), as every build of the suite uses.
    await prepareCardFonts();
    const [language, card] = cards[0]!;
    expect(cardFontFiles(cardSvg(card, language))).not.toEqual(CARD_FONT_FILES);
    expect(cardFontFiles(cardSvg({ ...card, heading: "Новости Сахеля" }, language))).toEqual(CARD_FONT_FILES);
  });
});
