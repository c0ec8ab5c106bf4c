// Share cards drawn on a worker thread (src/publish/card-drawer.ts): the same bytes as drawn
// on this thread, each answer to its own card, and a card that cannot be drawn an error.
import { describe, expect, it } from "vitest";
import { startCardDrawer } from "../../src/publish/card-drawer.ts";
import { pngOfCard } from "../../src/publish/share-image.ts";
import { cardSvg } from "../../src/pages/share-card.ts";

const svgOf = (n: number) => cardSvg({ site: "Digest", kicker: `Week ${n}`, heading: `Heading ${n}`, figures: [{ value: n, label: "items" }] }, "en");

describe("the card drawer", () => {
  it("draws on its worker the bytes this thread draws, each card its own", async () => {
    const drawer = startCardDrawer(100);
    try {
      const svgs = [1, 2, 3, 4].map(svgOf);
      const drawn = await Promise.all(svgs.map((svg) => drawer.draw(svg)));
      svgs.forEach((svg, i) => expect(Buffer.from(drawn[i]!).equals(Buffer.from(pngOfCard(svg))), `card ${i + 1}`).toBe(true));
      expect(Buffer.from(drawn[0]!).equals(Buffer.from(drawn[1]!))).toBe(false);
    } finally {
      await drawer.close();
    }
  });

  it("answers a card it cannot draw with an error, and goes on drawing the others", async () => {
    const drawer = startCardDrawer(100);
    try {
      await expect(drawer.draw("<svg")).rejects.toThrow();
      expect((await drawer.draw(svgOf(5))).length).toBeGreaterThan(1000);
    } finally {
      await drawer.close();
    }
  });
});
