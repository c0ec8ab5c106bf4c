// axe-core's WCAG 2.1 A and AA rules on one page of every kind, in light and dark colour
// schemes, and the keyboard: a skip link, a visible focus on every link, a logical order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ARABIC_KINDS, editionOf, PAGE_KINDS, pageName, sampleInBrowser, type SampleSite } from "./support.ts";
import { chromiumPath } from "./tools.ts";

/** axe-core's source, evaluated in the page once; the page's own CSP runs no script, and this does not go through it. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// axe-core's experimental rules too (a link's accessible name must hold its visible text, for one).
const WITH_EXPERIMENTAL = [...WCAG, "experimental"];

interface AxeResults {
  violations: { id: string; nodes: { target: unknown[] }[] }[];
  passes: { id: string }[];
}

/** axe-core's rules on the page as it is now: a tag list, or named rules. */
async function axe(page: Page, only: { tags: string[] } | { rules: string[] }): Promise<AxeResults> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  // Only violations are listed in full: the other results name each rule with one node, which
  // is all this needs to know a rule ran, and saves axe collecting every node of every pass.
  const runOnly = "tags" in only ? { type: "tag", values: only.tags } : { type: "rule", values: only.rules };
  return page.evaluate(async (options) => {
    const results = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: options, resultTypes: ["violations"] });
    return { violations: results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: results.passes.map((p) => ({ id: p.id })) };
  }, runOnly);
}

/**
 * Every Arabic page kind (issue 32 asks axe-core to pass on each), and an item left in French
 * inside the Arabic edition: its text in another language and direction, marked as such.
 */
const ARABIC_AXE_KINDS: readonly [string, string][] = [...ARABIC_KINDS, ["item", "ar/articles/2020/farabougou-villagers-killed/"]];

describe.skipIf(!chromiumPath())("accessibility", () => {
  let site: SampleSite;
  let browser: Browser;
  /** The light scheme's context, whose pages the page tests share (a context costs more to make than a page). */
  let light: BrowserContext;
  /**
   * Its pages no test is using. A test takes one, or opens one, and leaves it in the light
   * scheme for the next: a page kept from page to page keeps its renderer, with axe-core
   * compiled and its code warm. A new page for each cost two and a half times as much.
   */
  const idle: Page[] = [];
  async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
    const page = idle.pop() ?? (await light.newPage());
    let fine = false;
    try {
      await use(page);
      fine = true;
    } finally {
      // A page a test failed on is closed rather than handed on in whatever state it was left.
      const handOn = fine && (await page.emulateMedia({ colorScheme: "light" }).then(() => true, () => false));
      if (handOn) idle.push(page);
      else await page.close().catch(() => {});
    }
  }

  beforeAll(async () => {
    ({ site, browser } = await sampleInBrowser());
    light = await browser.newContext({ colorScheme: "light" });
  });
  afterAll(async () => {
    await light?.close();
    await browser?.close();
    await site?.close();
  });

  // One test per page: each stays short on a busy machine, and a failure names its page. Every
  // rule runs in the light scheme; in the dark one only what a colour scheme can change (the
  // rest reads the same document, and would take as long again for the same answer).
  const violationsOf = (results: AxeResults) =>
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  //
  // The pages are checked side by side (vitest's maxConcurrency, 5 at a time): most of a test is
  // waiting on the browser, and each page's renderer is a process of its own. A test has a page
  // to itself while it runs (colour scheme emulation is a page's own), so none sees another's scheme.
  for (const [kind, sitePath] of [...PAGE_KINDS, ...ARABIC_AXE_KINDS]) {
    // A French or Arabic page is its English kind's template with other words: its colours in
    // the dark scheme are the English page's, checked there; its words, lang, direction and
    // layout are checked here.
    const french = editionOf(sitePath) !== "en";
    it.concurrent(`passes axe-core's WCAG 2.1 A and AA rules and its experimental ones on ${pageName(kind, sitePath)}, light${french ? "" : " and dark"}`, async ({ expect }) => {
      await withPage(async (page) => {
        await page.goto(site.url + sitePath);
        const light = await axe(page, { tags: WITH_EXPERIMENTAL });
        expect(violationsOf(light), "light").toEqual([]);
        // axe must actually have run its rules, not skipped the page.
        expect(light.passes.length).toBeGreaterThan(10);
        if (french) return;
        await page.emulateMedia({ colorScheme: "dark" });
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
        const dark = await axe(page, { rules: ["color-contrast", "link-in-text-block"] });
        expect(violationsOf(dark), "dark").toEqual([]);
        expect(dark.passes.map((p) => p.id)).toContain("color-contrast");
      });
    });
  }

  it("makes every fold's handle and every form control a thumb's size (44 CSS px tall) with 16 px text, at 320 and 360 px", async () => {
    for (const width of [320, 360]) {
      const phone = await browser.newContext({ viewport: { width, height: 640 }, deviceScaleFactor: 1 });
      await Promise.all(["countries/mali/", "regions/menaka/", "search/", "fr/search/"].map(async (sitePath) => {
        const page = await phone.newPage();
        await page.goto(site.url + sitePath);
        if (sitePath.endsWith("search/")) await page.locator("form.search").waitFor();
        const controls = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("main summary, main input, main select, main button")]
            .filter((el) => el.getBoundingClientRect().height > 0)
            .map((el) => ({ name: `${el.tagName.toLowerCase()} ${el.textContent!.trim().slice(0, 30) || el.id}`, height: el.getBoundingClientRect().height, font: parseFloat(getComputedStyle(el).fontSize) })),
        );
        expect(controls.length, sitePath).toBeGreaterThan(0);
        for (const control of controls) {
          expect(control.height, `${sitePath} at ${width} px: ${control.name}`).toBeGreaterThanOrEqual(44);
          expect(control.font, `${sitePath} at ${width} px: ${control.name}`).toBeGreaterThanOrEqual(16);
        }
        await page.close();
      }));
      await phone.close();
    }
    // Eight pages on a busy machine.
  }, 120_000);

  it("finds violations on a page made wrong on purpose", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}issues/`);
    await page.evaluate(() => {
      document.documentElement.removeAttribute("lang");
      document.querySelector("main")!.insertAdjacentHTML("beforeend", '<p id="faint">faint text</p><img src="x.png"><a href="/x"></a>');
      // Through the CSSOM: the site's CSP rightly refuses inline style attributes.
      const faint = document.getElementById("faint")!;
      faint.style.color = "#ccc";
      faint.style.background = "#fff";
    });
    const results = await axe(page, { tags: WCAG });
    expect(results.violations.map((v) => v.id).sort()).toEqual(["color-contrast", "html-has-lang", "image-alt", "link-name"]);
    await context.close();
  });

  /** The element that has focus: its tag, text, href and how its focus is drawn. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        tag: el.tagName,
        id: el.id,
        text: (el.textContent ?? "").trim(),
        href: el.getAttribute("href"),
        outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
        visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.top < window.innerHeight,
      };
    });

  it("offers a skip link first, and it moves focus to the main content", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}issues/2020-w49/`);
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    expect(skip).toMatchObject({ tag: "A", text: "Skip to main content", href: "#main", visible: true });
    expect(skip!.outline).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    // Following the link is the page's own work, after the key press returns.
    await expect.poll(() => page.url()).toMatch(/#main$/);
    expect((await focused(page))?.id).toBe("main");
    await page.keyboard.press("Tab");
    // The next stop is the first link inside the main content, not the header again.
    expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);
    await page.close();
  });

  it("shows focus on every link and moves through them in reading order", async () => {
    // The three pages side by side, each in its own context with its own keyboard and focus.
    await Promise.all(["issues/2020-w49/", "articles/2020/mali-pm-ouane-talks-with-jihadists/", "subscribe/"].map(async (sitePath) => {
      const page = await browser.newPage();
      await page.goto(site.url + sitePath);
      const inOrder = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")]
          .filter((el) => el.tabIndex >= 0)
          .map((el) => el.getAttribute("href")),
      );
      expect(await page.evaluate(() => document.querySelectorAll("[tabindex]:not([tabindex='-1'])").length)).toBe(0);
      const visited: (string | null)[] = [];
      for (let i = 0; i < inOrder.length; i++) {
        await page.keyboard.press("Tab");
        const now = await focused(page);
        expect(now, `${sitePath}: stop ${i}`).toBeDefined();
        expect(now!.outline, `${sitePath}: focus on ${now!.href}`).toBeGreaterThanOrEqual(2);
        visited.push(now!.href);
      }
      expect(visited).toEqual(inOrder);
      await page.close();
    }));
  });
});
