// The email edition of an issue (src/pages/email.ts): email.html with every style inlined, nothing
// fetched and every link a full URL to the site, under Gmail's clipping size; and email.txt,
// its plain-text twin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { chromium } from "playwright-core";
import { buildSite } from "../../src/publish/build.ts";
import { EMAIL_SIZE_LIMIT } from "../../src/pages/email.ts";
import { createFixture, type FixtureItem } from "../fixtures/content.ts";
import { chromiumPath } from "../browser/tools.ts";

const SITE = "https://example.org/digest/";
const ISSUE = "issues/2020-w49/";
const LONG_WORD = "Tillabéri".repeat(8);
/** The digest's own sign-up page (site.ts signUp), at the mailing service's host. */
const SIGN_UP = "https://lists.example.net/join?list=digest&lang=en";

const items: FixtureItem[] = [
  {
    path: "2020/segou", title: `Ségou & Ménaka: "talks" go on`, date: "2020-12-01T08:00:00+01:00", countries: ["mali"], tags: ["jnim"], location: "Ségou",
    summary: "Fighting near Ségou & Ménaka.", source: { name: "Wire & Co", url: "https://wire.example/a?x=1&y=2" },
    incidents: [{ date: "2020-11-30", type: "battles", region: "mopti" }],
  },
  { path: "2020/niger-one", title: "Niger one", date: "2020-12-03", countries: ["niger"], source: { name: "Niger Wire", url: "https://niger.example/x" } },
  { path: "2020/long", title: `A title with ${LONG_WORD} in it`, date: "2020-12-04", countries: ["niger", "mali"] },
  { path: "2020/earlier", title: "An earlier week", date: "2020-11-24", countries: ["mali"] },
];

/** A week of many long items: an email over Gmail's clipping size (issue 26). */
const BIG_WEEK = Array.from({ length: 120 }, (_, i): FixtureItem => ({
  path: `2020/big-${i}`, title: `A long week's item number ${i}`, date: "2020-11-10", countries: ["mali"],
  summary: `Item ${i}: ${"a long and careful summary of what happened, ".repeat(8)}`.slice(0, 400),
}));

const figures = [
  { country: "mali", week: "2020-W49", trend: "deteriorated", reason: "Fighting spread to Ségou.", alerts: [{ kind: "conflict-risk", reason: "Talks stalled." }] },
  { country: "niger", week: "2020-W49", trend: "unchanged", reason: "Quiet week.", alerts: [] },
];

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
let notices: readonly string[];
let html: string;
let text: string;

beforeAll(async () => {
  fixture = await createFixture({
    items: [...items, ...BIG_WEEK],
    figures,
    regions: [{ slug: "mopti", name: "Mopti", country: "mali", iso: "ML-5", translations: { fr: { name: "Mopti" } } }],
    site: { url: SITE, signUp: SIGN_UP },
    // Images of the site's own host are allowed on its pages (src/content/markdown.ts); in an
    // email even those would be fetched as it is opened (issue 26).
    notes: { "2020-W49": ["Lead & headline", `The lead, with [Mali](/countries/mali/) and *stress*.\n\n![A map & "more"](/maps/w49.png?u=1) ![](/p.gif?u=2)`] },
  });
  ({ output: site, notices } = await buildSite({ root: fixture.root, search: false }));
  html = await readFile(path.join(site, ISSUE, "email.html"), "utf8");
  text = await readFile(path.join(site, ISSUE, "email.txt"), "utf8");
});
afterAll(async () => fixture?.remove());

describe("an issue's email", () => {
  it("is under Gmail's clipping size, and written for every issue", async () => {
    expect((await stat(path.join(site, ISSUE, "email.html"))).size).toBeLessThan(EMAIL_SIZE_LIMIT);
    await expect(stat(path.join(site, "issues/2020-w48/email.html"))).resolves.toBeTruthy();
    await expect(stat(path.join(site, "issues/2020-w48/email.txt"))).resolves.toBeTruthy();
  });

  it("over Gmail's clipping size is told by the build, in one line naming its issue and size (issue 26)", async () => {
    const big = (await stat(path.join(site, "issues/2020-w46/email.html"))).size;
    expect(big).toBeGreaterThan(EMAIL_SIZE_LIMIT);
    const told = notices.filter((line) => line.includes("email"));
    expect(told).toEqual([expect.stringContaining(`The email of issue 2020-W46 (issues/2020-w46/email.html) is ${Math.ceil(big / 1024)} KB, over the 102 KB at which Gmail clips`)]);
    expect(told[0]).not.toContain("\n");
  });

  it("has its styles inlined and nothing to fetch or run", () => {
    const $ = load(html);
    expect($("style").length).toBe(0);
    expect($("script, img, link, iframe, object, embed, video, audio, source").length).toBe(0);
    expect($("[style]").length).toBeGreaterThan(10);
    expect($("body").attr("style")).toMatch(/font-family/);
    expect($("[class='wrapper']").attr("style")).toMatch(/max-width: 600px/);
  });

  it("shows an image of the lead as its words, in both parts, and fetches nothing (issue 26)", () => {
    const $ = load(html);
    expect($(".lead img").length).toBe(0);
    expect(html).not.toContain("?u=");
    expect($(".lead").text()).toContain('[Image: A map & "more"] [Image]');
    expect(text).toContain('[Image: A map & "more"] [Image]');
    expect(text).not.toContain("?u=");
  });

  it("links only to the site, with full URLs, and never by mailto:", () => {
    const $ = load(html);
    const links = $("[href], [src]").map((_, el) => $(el).attr("href") ?? $(el).attr("src")!).get();
    expect(links.length).toBeGreaterThan(3);
    // But the sign-up page the site names, in the footer.
    expect(links.filter((link) => !link.startsWith(SITE))).toEqual([SIGN_UP]);
    expect(html).not.toMatch(/mailto:/i);
    // The source is named, not linked; the lead's site link is made a full URL.
    expect(html).not.toContain("wire.example");
    expect($(".lead a").attr("href")).toBe(`${SITE}countries/mali/`);
  });

  it("shows the headline, the overview and every item, and links the web issue in its footer", () => {
    const $ = load(html);
    expect($("h1").text()).toBe("Lead & headline");
    expect($(".overview li").first().text()).toContain("Mali — Deteriorated: Fighting spread to Ségou. (1 incident)");
    for (const title of [`Ségou & Ménaka: "talks" go on`, "Niger one"]) expect($("h3 a").map((_, a) => $(a).text()).get()).toContain(title);
    expect($(".footer a").map((_, a) => $(a).attr("href")).get()).toEqual([`${SITE}${ISSUE}`, SITE, SIGN_UP]);
    expect($(".footer p").last().text()).toBe(`Sign up to receive each issue by email: ${SIGN_UP}`);
  });

  it("names the digest's own sign-up address (site.ts signUp) on the subscribe page and in every email's footer", async () => {
    const subscribe = load(await readFile(path.join(site, "subscribe/index.html"), "utf8"));
    expect(subscribe("#sign-up").text()).toBe("By email");
    expect(subscribe('section[aria-labelledby="sign-up"] a').attr("href")).toBe(SIGN_UP);
    for (const week of ["issues/2020-w49/", "issues/2020-w48/", "issues/2020-w46/"]) {
      expect(await readFile(path.join(site, week, "email.html"), "utf8"), week).toContain(`href="${SIGN_UP.replace(/&/g, "&amp;")}"`);
      expect(await readFile(path.join(site, week, "email.txt"), "utf8"), week).toContain(`Sign up to receive each issue by email: ${SIGN_UP}\n`);
    }
  });

  it("has a plain-text twin with the same content and no HTML", () => {
    expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(text).not.toMatch(/&(amp|lt|gt|quot);/);
    expect(text).toContain("Lead & headline");
    expect(text).toContain(`The lead, with Mali (${SITE}countries/mali/) and stress.`);
    expect(text).toContain("Mali — Deteriorated: Fighting spread to Ségou. (1 incident)\n  Conflict risk alert: Talks stalled.\nBurkina Faso — not covered this week\nNiger — Unchanged: Quiet week. (0 incidents)");
    for (const item of items.filter((i) => i.path !== "2020/earlier")) {
      expect(text).toContain(`${item.title}\n`);
      expect(text).toContain(`${SITE}articles/${item.path}/`);
    }
    expect(text).toContain("Source: Wire & Co");
    expect(text.trimEnd().split("\n").slice(-3)).toEqual([`Read it on the web: ${SITE}${ISSUE}`, `Fixture Digest: ${SITE}`, `Sign up to receive each issue by email: ${SIGN_UP}`]);
  });

  const executablePath = chromiumPath();
  it.skipIf(!executablePath)("lays out at 360 px without scrolling sideways", async () => {
    const browser = await chromium.launch({ executablePath });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
      // Offline: an email that fetched anything would not render the same in a mail client.
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll).toBeLessThanOrEqual(client);
    } finally {
      await browser.close();
    }
  });
});
