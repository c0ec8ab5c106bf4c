// An issue on paper, in Debian's Chromium: printed to PDF on A4 and Letter and its pages
// counted, and the print stylesheet's rules read from the page in print media (no navigation,
// black on white, the map kept, addresses after links, a page per country), none of them on screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, serveSample, type SampleSite } from "./support.ts";
import { chromiumPath } from "./tools.ts";

const ISSUE = "issues/2020-w49/";

/** The number of pages in a PDF as Chromium writes it: its page objects are plain text (only the content streams are compressed). */
function pageCount(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  // The page tree's root says the same, or the objects were not where this looked for them.
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((match) => Number(match[1]));
  expect(Math.max(0, ...counts), "the page tree's /Count").toBe(pages);
  return pages;
}

/** What the stylesheet does to the issue page, read from the page as it is now (print or screen media). */
function readPage(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string, pseudo?: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector} on the page`);
      return getComputedStyle(element, pseudo);
    };
    const sections = [...document.querySelectorAll(".country-section")];
    const map = document.querySelector(".region-map svg");
    const itemLink = document.querySelector<HTMLAnchorElement>(".item-card .item-title a");
    const sourceLink = document.querySelector<HTMLAnchorElement>(".item-card .source a");
    return {
      hidden: Object.fromEntries([".masthead nav", ".site-footer nav", ".skip-link", ".toc", ".pager"].map((selector) => [selector, style(selector).display])),
      color: style("body").color,
      background: style("body").backgroundColor,
      mapDisplay: map ? getComputedStyle(map).display : "missing",
      mapWidth: map?.getBoundingClientRect().width ?? 0,
      mainWidth: document.querySelector("main")!.getBoundingClientRect().width,
      figureBreak: style(".region-map").breakInside,
      itemHref: itemLink?.getAttribute("href") ?? "",
      itemAfter: itemLink ? getComputedStyle(itemLink, "::after").content : "",
      sourceHref: sourceLink?.getAttribute("href") ?? "",
      sourceAfter: sourceLink ? getComputedStyle(sourceLink, "::after").content : "",
      inPageAfter: style(".toc a", "::after").content,
      mapLinkAfter: style(".region-map a", "::after").content,
      sectionBreaks: sections.map((section) => getComputedStyle(section).breakBefore),
      cardBreaks: [...new Set([...document.querySelectorAll(".item-card")].map((card) => getComputedStyle(card).breakInside))],
      headingBreak: style(".country-section h2").breakAfter,
      overviewTable: style(".overview-table").display,
      overviewLabel: style(".overview-table td[data-label]", "::before").content,
    };
  });
}

describe.skipIf(!chromiumPath())("an issue on paper", () => {
  let site: SampleSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** The issue page in a fresh context, closed after the suite. */
  async function openIssue(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(site.url + ISSUE);
    return page;
  }

  beforeAll(async () => {
    [site, browser] = await Promise.all([serveSample(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await site?.close();
  });

  it("prints on A4 and on Letter: a page for each country at least, and not three times as many", async () => {
    const page = await openIssue();
    const sections = await page.locator(".country-section").count();
    expect(sections).toBeGreaterThan(1);
    for (const format of ["A4", "Letter"] as const) {
      const pages = pageCount(await page.pdf({ format }));
      expect(pages, format).toBeGreaterThanOrEqual(sections);
      expect(pages, format).toBeLessThanOrEqual(3 * sections);
    }
  });

  it("in print: no navigation, black on white even in the dark scheme, the map at the page's width, addresses after links, a page per country", async () => {
    const page = await openIssue({ colorScheme: "dark", viewport: { width: 680, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    const print = await readPage(page);
    for (const [selector, display] of Object.entries(print.hidden)) expect(display, selector).toBe("none");
    expect([print.color, print.background]).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
    expect(print.mapDisplay).not.toBe("none");
    expect(print.mapWidth).toBeGreaterThan(0);
    expect(print.mapWidth).toBeCloseTo(print.mainWidth, 0);
    expect(print.figureBreak).toBe("avoid");
    // An item's own page, relative as it is linked; its source, absolute.
    expect(print.itemHref).toMatch(/^\/sahel-digest\/articles\//);
    expect(print.itemAfter).toBe(`" (${print.itemHref})"`);
    expect(print.sourceHref).toMatch(/^https:\/\//);
    expect(print.sourceAfter).toBe(`" (${print.sourceHref})"`);
    expect(print.inPageAfter).toBe("none");
    expect(print.mapLinkAfter).toBe("none");
    // The first country follows the overview on its page; each after it starts a page.
    expect(print.sectionBreaks).toEqual(["auto", ...print.sectionBreaks.slice(1).map(() => "page")]);
    expect(print.sectionBreaks.length).toBeGreaterThan(1);
    expect(print.cardBreaks).toEqual(["avoid"]);
    expect(print.headingBreak).toBe("avoid");
    expect(print.overviewTable).toBe("table");
  });

  it("keeps the overview a table in print however narrow the page: the phone's blocks are for screens", async () => {
    const page = await openIssue({ viewport: { width: 360, height: 740 } });
    expect((await readPage(page)).overviewTable).toBe("block");
    await page.emulateMedia({ media: "print" });
    const print = await readPage(page);
    expect(print.overviewTable).toBe("table");
    expect(print.overviewLabel).toBe("none");
  });

  it("on screen: the navigation shown, no addresses after links, no page breaks", async () => {
    const page = await openIssue({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ media: "screen" });
    const screen = await readPage(page);
    expect(screen.hidden[".masthead nav"]).not.toBe("none");
    expect(screen.hidden[".site-footer nav"]).not.toBe("none");
    expect(screen.hidden[".toc"]).not.toBe("none");
    expect(screen.hidden[".pager"]).not.toBe("none");
    expect(screen.itemAfter).toBe("none");
    expect(screen.sourceAfter).toBe("none");
    expect(new Set(screen.sectionBreaks)).toEqual(new Set(["auto"]));
    expect(screen.cardBreaks).toEqual(["auto"]);
  });
});
