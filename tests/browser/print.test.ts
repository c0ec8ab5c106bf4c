// An issue on paper, in Debian's Chromium: printed to PDF on A4 and Letter and its pages
// counted (a short week and a long one), and the print stylesheet's rules read from the page in
// print media (no navigation, black on white, the map with its legend kept whole, full addresses
// after links, no page forced per country), none of them on screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { sampleInBrowser, type SampleSite } from "./support.ts";
import { chromiumPath } from "./tools.ts";

const ISSUE = "issues/2020-w49/";
const SHORT_WEEK = "issues/2020-w47/";
const LONG_WEEK = "issues/2020-w53/";

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
  async function openIssue(options: Parameters<Browser["newContext"]>[0] = {}, issue = ISSUE): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(site.url + issue);
    return page;
  }

  beforeAll(async () => {
    ({ site, browser } = await sampleInBrowser());
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await site?.close();
  });

  it("prints a week on the paper it needs, A4 and Letter: a short week on the pages its length needs, never a page per country, a long one on more", async () => {
    // Week 47 has three items in three countries; week 53 nine. No country is forced onto a page of its own.
    const short = await openIssue({}, SHORT_WEEK);
    const long = await openIssue({}, LONG_WEEK);
    const sections = await short.locator(".country-section").count();
    expect(sections).toBe(3);
    expect(await long.locator(".item-card").count()).toBeGreaterThan(2 * (await short.locator(".item-card").count()));
    // The paper the short week needs: its height in print media at A4's printed width (180 mm),
    // in pages of A4's printed height (267 mm), at 96 px an inch.
    const printedHeight = async (page: Page) => {
      await page.setViewportSize({ width: Math.round((180 / 25.4) * 96), height: 1000 });
      await page.emulateMedia({ media: "print" });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.emulateMedia({ media: null });
      return height;
    };
    const needs = Math.ceil((await printedHeight(short)) / ((267 / 25.4) * 96));
    for (const format of ["A4", "Letter"] as const) {
      const shortPages = pageCount(await short.pdf({ format }));
      const longPages = pageCount(await long.pdf({ format }));
      // The overview and each country on pages of their own would take one more than the countries.
      expect(shortPages, `${format}, week 47`).toBeLessThanOrEqual(sections);
      expect(shortPages, `${format}, week 47`).toBeLessThanOrEqual(needs + 1);
      expect(shortPages, `${format}, week 47`).toBeGreaterThanOrEqual(1);
      expect(longPages, `${format}, week 53`).toBeGreaterThan(shortPages);
      expect(longPages, `${format}, week 53`).toBeLessThanOrEqual(6);
    }
  });

  it("keeps the map and its legend on one page, and prints the site's own links as full addresses", async () => {
    const page = await openIssue({ viewport: { width: 680, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    const found = await page.evaluate(() => {
      const figure = document.querySelector("figure.region-map")!;
      const legend = figure.querySelector(".mark-legend, .legend")!;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("main a[href^='/']")].map((a) => ({ href: a.getAttribute("href")!, print: a.dataset.print, after: getComputedStyle(a, "::after").content }));
      return { figureBreak: getComputedStyle(figure).breakInside, contains: figure.contains(legend), height: figure.getBoundingClientRect().height, links };
    });
    expect(found.figureBreak).toBe("avoid");
    expect(found.contains).toBe(true);
    // A4 less 15 mm margins, 267 mm, at 96 px an inch: the figure fits a page, so "avoid" can hold.
    expect(found.height).toBeLessThan((267 / 25.4) * 96);
    const printed = found.links.filter((link) => link.print);
    expect(printed.length).toBeGreaterThan(5);
    for (const link of printed) {
      expect(link.print).toBe(`https://example.org${link.href}`);
      expect(link.after).toBe(`" (${link.print})"`);
    }
    // No path alone on paper: a site link without a full address prints none.
    for (const link of found.links.filter((l) => !l.print)) expect(link.after, link.href).toBe("none");
  });

  it("in print: no navigation, black on white even in the dark scheme, the map at the page's width, addresses after links, no page forced per country", async () => {
    const page = await openIssue({ colorScheme: "dark", viewport: { width: 680, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    const print = await readPage(page);
    for (const [selector, display] of Object.entries(print.hidden)) expect(display, selector).toBe("none");
    expect([print.color, print.background]).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
    expect(print.mapDisplay).not.toBe("none");
    expect(print.mapWidth).toBeGreaterThan(0);
    expect(print.mapWidth).toBeCloseTo(print.mainWidth, 0);
    expect(print.figureBreak).toBe("avoid");
    // An item's own page, linked by its path, printed with its full address; its source, absolute.
    expect(print.itemHref).toMatch(/^\/sahel-digest\/articles\//);
    expect(print.itemAfter).toBe(`" (https://example.org${print.itemHref})"`);
    expect(print.sourceHref).toMatch(/^https:\/\//);
    expect(print.sourceAfter).toBe(`" (${print.sourceHref})"`);
    expect(print.inPageAfter).toBe("none");
    expect(print.mapLinkAfter).toBe("none");
    // No country forced onto a page of its own: the week takes the paper it needs.
    expect(new Set(print.sectionBreaks)).toEqual(new Set(["auto"]));
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
