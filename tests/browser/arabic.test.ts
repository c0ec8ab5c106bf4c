// The Arabic edition in Debian's Chromium: every kind of page right to left at 320, 360 and
// 1280 px with nothing to scroll sideways, the layout mirrored (the masthead, the tables read
// from the right), the charts' and the map's text legible and whole, a search typed without
// harakat or with other letter forms finding the words written with them, the email right to
// left on a phone, and the issue on paper. axe-core and the keyboard: tests/browser/accessibility.test.ts,
// whose pages (tests/browser/support.ts PAGE_KINDS) include every Arabic kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ARABIC_KINDS, inTabs, sampleInBrowser, type SampleSite, svgTexts } from "./support.ts";
import { chromiumPath } from "./tools.ts";
import ar from "../../messages/ar.json" with { type: "json" };

const ARABIC = [...ARABIC_KINDS, ["methodology", "ar/methodology/"] as [string, string]];

// Side by side, as the reader's suite (tests/browser/reader.test.ts): each test has pages of its own.
describe.skipIf(!chromiumPath())("the Arabic edition in a browser", { concurrent: true }, () => {
  let site: SampleSite;
  let browser: Browser;

  beforeAll(async () => {
    ({ site, browser } = await sampleInBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The page's direction, whether it scrolls sideways, and where its masthead's parts are. */
  const layoutOf = (page: Page) =>
    page.evaluate(() => {
      const html = document.documentElement;
      const brand = document.querySelector(".brand")!.getBoundingClientRect();
      const main = document.querySelector("main")!.getBoundingClientRect();
      return {
        direction: getComputedStyle(html).direction,
        sideways: html.scrollWidth > html.clientWidth,
        // The site's name starts the line: at its right end, right to left.
        brandAtRight: Math.abs(brand.right - main.right) <= 1,
      };
    });

  // At 320 px without JavaScript (every page but search reads the same with it), at 360 px
  // asking nothing of any other host.
  for (const width of [320, 360, 1280]) {
    it(`lays out every kind of page right to left at ${width} px, mirrored, with nothing to scroll sideways${width === 320 ? ", and reads without JavaScript" : width === 360 ? ", asking only its own site" : ""}`, async () => {
      expect(ARABIC.length).toBeGreaterThan(15);
      const origin = new URL(site.url).origin;
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1, javaScriptEnabled: width !== 320 });
      await inTabs(context, ARABIC, async (page, [kind, sitePath]) => {
        const requests: string[] = [];
        const listen = (request: { url(): string }) => void requests.push(request.url());
        page.on("request", listen);
        await page.goto(site.url + sitePath);
        expect(await layoutOf(page), `${kind} at ${width} px`).toEqual({ direction: "rtl", sideways: false, brandAtRight: true });
        if (width === 320) expect((await page.locator("main").innerText()).length, `${kind} without JavaScript`).toBeGreaterThan(50);
        page.off("request", listen);
        for (const url of requests) expect(new URL(url).origin, `${kind}: ${url}`).toBe(origin);
      });
      await context.close();
    });
  }

  it("reads the overview from the right at 1280 px, and as labelled blocks on a 320 px phone", async ({ expect }) => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(`${site.url}ar/issues/2020-w49/`);
    const columns = await wide.evaluate(() => [...document.querySelectorAll(".overview-table thead th")].map((th) => th.getBoundingClientRect().left));
    expect(columns.length).toBeGreaterThan(3);
    // The first column (the country) on the right, each next one to its left.
    expect(columns).toEqual([...columns].sort((a, b) => b - a));
    await wide.close();
    const phone = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await phone.goto(`${site.url}ar/issues/2020-w49/`);
    const label = await phone.evaluate(() => getComputedStyle(document.querySelector(".overview-table td[data-label]")!, "::before").content);
    expect(label).toBe(`"${ar["common.trend"]}: "`);
    await phone.close();
  });

  // At 320 px the charts' text is whole but smaller (10.8 px), in every edition alike: the
  // 12 px floor is the 360 px phone's (tests/browser/reader.test.ts holds it for English).
  for (const [width, smallest] of [[320, 10], [360, 12]] as const) {
    it(`sets every text of the charts and the map at ${smallest} CSS px or more at ${width} px, none of it clipped, the time axis left to right`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 740 }, deviceScaleFactor: 1 });
      await Promise.all(
        ["ar/countries/mali/", "ar/issues/2020-w49/", "ar/regions/menaka/"].map(async (sitePath) => {
          const page = await context.newPage();
          await page.goto(site.url + sitePath);
          const texts = await svgTexts(page);
          expect(texts.length, sitePath).toBeGreaterThan(3);
          for (const text of texts) {
            expect(text.px, `${sitePath} ${text.text}`).toBeGreaterThanOrEqual(smallest);
            expect(text.inside, `${sitePath} ${text.text}`).toBe(true);
          }
          // The chart's weeks run left to right: its first bar (the oldest week) is its leftmost.
          const bars = await page.evaluate(() => [...document.querySelectorAll(".chart rect.bar")].map((bar) => bar.getBoundingClientRect().left));
          if (bars.length > 1) expect(bars, sitePath).toEqual([...bars].sort((a, b) => a - b));
          await page.close();
        }),
      );
      await context.close();
    });
  }

  it("finds the Arabic words as readers type them: without harakat, with a bare alif, with ha for ta marbuta", async ({ expect }) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => void errors.push(error.message));
    await page.goto(`${site.url}ar/search/`);
    const box = page.getByRole("searchbox", { name: ar["search.words"] });
    const status = page.locator(".search-status");
    const search = async (query: string) => {
      await box.fill(query);
      await box.press("Enter");
      await expect.poll(() => status.innerText()).toContain(`«${query}»`);
      return page.locator(".search-result h2").allInnerTexts();
    };
    // The weekly note of 2020-W49 writes يكمّل, with a shadda; the reader types يكمل.
    expect(await search("يكمل")).toEqual(expect.arrayContaining([expect.stringContaining("رئيس الوزراء المالي يفتح الباب أمام الحوار")]));
    // أقرّ typed with a bare alif and no shadda.
    expect(await search("اقر")).toEqual(expect.arrayContaining([expect.stringContaining("البرلمان التشادي يقرّ تعديلًا دستوريًا")]));
    // الحملة الرئاسية typed with ha for ta marbuta.
    expect(await search("الحمله الرئاسيه")).toEqual(expect.arrayContaining([expect.stringContaining("انطلاق الحملة الرئاسية في النيجر")]));
    // The count in the locale's Western digits, and Arabic's plural forms.
    expect(await status.innerText()).toMatch(/^(نتيجة واحدة|نتيجتان|\d+ نتائج|\d+ نتيجة) عن «الحمله الرئاسيه»/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sends an email that reads right to left on a 360 px phone, with nothing to scroll sideways", async ({ expect }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}ar/issues/2020-w49/email.html`);
    const layout = await page.evaluate(() => {
      const h1 = document.querySelector("h1")!;
      const wrapper = document.querySelector(".wrapper")!;
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      return {
        direction: getComputedStyle(wrapper).direction,
        align: getComputedStyle(h1).textAlign,
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        // The headline's first line starts at the wrapper's right, less its padding.
        startsRight: Math.abs(wrapper.getBoundingClientRect().right - 16 - text.right) <= 2,
      };
    });
    expect(layout).toEqual({ direction: "rtl", align: "right", sideways: false, startsRight: true });
    await page.close();
  });

  it("prints the issue right to left on A4, without the navigation", async ({ expect }) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}ar/issues/2020-w49/`);
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      direction: getComputedStyle(document.documentElement).direction,
      nav: getComputedStyle(document.querySelector(".masthead nav")!).display,
    }));
    expect(printed).toEqual({ direction: "rtl", nav: "none" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.close();
  });
});
