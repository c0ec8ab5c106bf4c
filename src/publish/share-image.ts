// Draws a share card's SVG (src/pages/share-card.ts) as a PNG with resvg (npm @resvg/resvg-js,
// whose binary ships as an npm package per platform: nothing is downloaded at install time),
// in DejaVu Sans from npm dejavu-fonts-ttf and no other font: the machine's own fonts are
// never read, so the image's letters, and its bytes, are the same on every machine.
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { CARD_FONT } from "../pages/share-card.ts";

const require = createRequire(import.meta.url);
const FONT_FOLDER = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** The regular and the bold: the cards use no other. */
export const CARD_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => path.join(FONT_FOLDER, name));

/** The PNG of an SVG card, at the card's own size. */
export function pngOfCard(svg: string): Uint8Array {
  const image = new Resvg(svg, {
    font: { fontFiles: CARD_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CARD_FONT },
  }).render();
  return image.asPng();
}
