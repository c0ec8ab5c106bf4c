// The share cards' fonts (src/publish/card-fonts.ts): the small copies give every card in our
// three languages the same PNG, byte for byte, as the original files do; a card with a letter
// they do not keep is drawn in the originals; and a copy is cut once, then found.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CARD_FONT_FILES, cardFontFiles, cutCardFonts, inCardFontRanges, prepareCardFonts } from "../../src/publish/card-fonts.ts";
import { pngOfCard } from "../../src/publish/share-image.ts";
import { cardSvg, type CardText } from "../../src/pages/share-card.ts";

const folder = mkdtempSync(path.join(tmpdir(), "card-fonts-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cards: readonly (readonly [string, CardText])[] = [
  ["en", { site: "Sahel Digest", kicker: "Week 52 of 2020, 21–27 December", heading: "Office staff fled the fighting “in the first hours”; fifty-five said…", figures: [{ value: 1234, label: "items" }, { value: 7, label: "incidents" }], footnote: "Mali, Niger and Chad" }],
  ["fr", { site: "Sahel Digest", kicker: "Semaine 52 de 2020 : du 21 au 27 décembre", heading: "Œuvres, bœufs et effectifs : « affiliés » à Ménaka, Ségou et Tillabéri", figures: [{ value: 12345, label: "fiches" }, { value: 3, label: "pays" }], footnote: "Mali, Niger et Tchad" }],
  ["ar", { site: "موجز الساحل", kicker: "الأسبوع ٥٢ من ٢٠٢٠", heading: "مالي والنيجر وتشاد وبوركينا فاسو", figures: [{ value: 1234, label: "مواد" }, { value: 7, label: "حوادث" }], footnote: "مالي، النيجر وتشاد" }],
];

describe("the share cards' fonts", () => {
  it("draw every language's card, ligatures and joined letters too, in the same bytes as the originals", async () => {
    const copies = await cutCardFonts(folder);
    for (const [i, copy] of copies.entries()) expect(statSync(copy).size, path.basename(copy)).toBeLessThan(statSync(CARD_FONT_FILES[i]!).size / 4);
    for (const [language, card] of cards) {
      const svg = cardSvg(card, language);
      expect(inCardFontRanges(svg), language).toBe(true);
      const inOriginals = Buffer.from(pngOfCard(svg, CARD_FONT_FILES));
      expect(Buffer.from(pngOfCard(svg, copies)).equals(inOriginals), language).toBe(true);
      // The letters are drawn at all: without any font, the card is another image.
      expect(Buffer.from(pngOfCard(svg, [])).equals(inOriginals), `${language} without fonts`).toBe(false);
    }
  });

  it("are cut once: a second build finds the copies and writes nothing", async () => {
    const first = await cutCardFonts(folder);
    const stamps = first.map((file) => statSync(file).mtimeMs);
    const again = await cutCardFonts(folder);
    expect(again).toEqual(first);
    expect(again.map((file) => statSync(file).mtimeMs)).toEqual(stamps);
    expect(readdirSync(folder).sort()).toEqual(first.map((file) => path.basename(file)).sort());
  });

  it("are the copies for a card in their letters, and the originals for one with any other", async () => {
    await prepareCardFonts();
    const latin = cardSvg(cards[1]![1], "fr");
    expect(cardFontFiles(latin)).not.toEqual(CARD_FONT_FILES);
    const cyrillic = cardSvg({ ...cards[0]![1], heading: "Новости Сахеля" }, "en");
    expect(inCardFontRanges(cyrillic)).toBe(false);
    expect(cardFontFiles(cyrillic)).toEqual(CARD_FONT_FILES);
    expect(inCardFontRanges("Tchad\u202f: 1\u202f234, «\u00a0Mali\u00a0» — مالي…")).toBe(true);
  });
});
