// Pages finished on a worker thread (src/publish/finisher.ts): share cards drawn and emails'
// styles inlined there give the same bytes as on this thread, each answer to its own page, and
// a page that cannot be finished an error.
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { startFinisher, type Finisher } from "../../src/publish/finisher.ts";
import { pngOfCard } from "../../src/publish/share-image.ts";
import { cardSvg } from "../../src/pages/share-card.ts";
import { inlineEmailStyles } from "../../src/pages/email.ts";
import { fixtureSite } from "../fixtures/content.ts";

const svgOf = (n: number) => cardSvg({ site: "Digest", kicker: `Week ${n}`, heading: `Heading ${n}`, figures: [{ value: n, label: "items" }] }, fixtureSite.language);
/** On two cores or more the worker must have done the work: its fallback, this thread, gives the same bytes. */
const onWorker = (finished: number) => (availableParallelism() >= 2 ? expect(finished).toBeGreaterThan(0) : expect(finished).toBe(0));
const emailOf = (n: number) => `<!doctype html><html><head><style>p { color: #${n}${n}${n}; } .lead { font-weight: bold; }</style></head><body><p class="lead">Week ${n}</p></body></html>`;

/** A finisher for one test, stopped after it whatever happens. */
async function withFinisher(test: (finisher: Finisher) => Promise<void>): Promise<void> {
  const finisher = startFinisher(100);
  try {
    await test(finisher);
  } finally {
    await finisher.close();
  }
}

describe("the finisher", () => {
  it("draws on its worker the bytes this thread draws, each card its own", () =>
    withFinisher(async (finisher) => {
      const svgs = [1, 2, 3, 4].map(svgOf);
      const drawn = await Promise.all(svgs.map((svg) => finisher.draw(svg)));
      svgs.forEach((svg, i) => expect(Buffer.from(drawn[i]!).equals(Buffer.from(pngOfCard(svg))), `card ${i + 1}`).toBe(true));
      expect(Buffer.from(drawn[0]!).equals(Buffer.from(drawn[1]!))).toBe(false);
      onWorker(finisher.finishedByWorker());
    }));

  it("inlines an email's styles on its worker as this thread does, cards and emails asked in turn", () =>
    withFinisher(async (finisher) => {
      const emails = [1, 2, 3].map(emailOf);
      const [inlined, card] = await Promise.all([Promise.all(emails.map((email) => finisher.inline(email))), finisher.draw(svgOf(1))]);
      emails.forEach((email, i) => expect(inlined[i], `email ${i + 1}`).toBe(inlineEmailStyles(email)));
      expect(inlined[1]).toContain('style="color: #222; font-weight: bold;"');
      expect(inlined[1]).not.toContain("<style>");
      expect(Buffer.from(card).equals(Buffer.from(pngOfCard(svgOf(1))))).toBe(true);
      onWorker(finisher.finishedByWorker());
    }));

  it("on this thread, finishes a card or an email once for the process, and anew for other text", async () => {
    // Below the worker's threshold: this thread, as a small build or the preview does.
    const here = startFinisher(1);
    const [card, email] = [svgOf(7), emailOf(7)];
    const first = await here.draw(card);
    expect(await startFinisher(1).draw(card)).toBe(first);
    expect(Buffer.from(await here.draw(svgOf(8))).equals(Buffer.from(first))).toBe(false);
    const inlined = await here.inline(email);
    expect(inlined).toBe(inlineEmailStyles(email));
    expect(await here.inline(emailOf(8))).toContain("color: #888");
    expect(here.finishedByWorker()).toBe(0);
  });

  it("answers a card it cannot draw with an error, and goes on finishing the others", () =>
    withFinisher(async (finisher) => {
      await expect(finisher.draw("<svg")).rejects.toThrow();
      expect((await finisher.draw(svgOf(5))).length).toBeGreaterThan(1000);
      expect(await finisher.inline(emailOf(6))).toContain("color: #666");
    }));
});
