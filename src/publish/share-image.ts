// Draws a share card's SVG (src/pages/share-card.ts) as a PNG with resvg (npm @resvg/resvg-js,
// whose binary ships as an npm package per platform: nothing is downloaded at install time),
// in DejaVu Sans from npm dejavu-fonts-ttf and no other font: the machine's own fonts are
// never read, so the image's letters, and its bytes, are the same on every machine. Which of
// its files, the originals or smaller copies, is src/publish/card-fonts.ts's choice.
import { Resvg } from "@resvg/resvg-js";
import { CARD_FONT } from "../pages/share-card.ts";
import { cardFontFiles } from "./card-fonts.ts";

/** The PNG of an SVG card, at the card's own size; in the font files given, for a test. */
export function pngOfCard(svg: string, fonts: readonly string[] = cardFontFiles(svg)): Uint8Array {
  const image = new Resvg(svg, {
    font: { fontFiles: [...fonts], loadSystemFonts: false, defaultFontFamily: CARD_FONT },
  }).render();
  return image.asPng();
}
