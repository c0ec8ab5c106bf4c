// The preview writes a page again only when its key changes, and a production build links the
// published copy of a page whose key did not (src/pages/page-key.ts). A template that reads
// something its key leaves out would leave that page stale: render every page of two digests
// that differ by one edited item, and every page whose key did not change must come out the
// same, byte for byte; and every page not made from the whole digest must render the same from
// what its key covers alone.
import { describe, expect, it } from "vitest";
import { buildDigest, everyEdition } from "../../src/digest/digest.ts";
import type { Digest } from "../../src/digest/digest.ts";
import { templateEngine } from "../../src/pages/engine.ts";
import { DEFAULT_TEMPLATES } from "../../src/core/project.ts";
import { navigation, PAGE_KINDS, sitePages, type PageKind } from "../../src/pages/table.ts";
import { commonOf } from "../../src/pages/page-key.ts";
import { pagesWithStaleKeys, type PageJob } from "../../src/publish/write-pages.ts";
import { DateTime } from "luxon";
import type { Item } from "../../src/content/model.ts";
import { MODEL_REGIONS, modelContent, modelIncident, modelItem } from "../fixtures/model.ts";

const items = [
  modelItem("mali-one", "2020-11-30", ["mali"], ["jnim"], [modelIncident("2020-11-29", "mali", "battles", { place: "Mopti", coordinates: [14.4843, -4.18296], coordinatesFrom: "gazetteer" })]),
  modelItem("niger-one", "2020-12-01", ["niger"], ["barkhane"], [modelIncident("2020-12-01", "niger", "violence-against-civilians", { region: "tillaberi", fatalities: { kind: "exact", min: 3, max: 3 } })]),
  modelItem("burkina-one", "2020-12-09", ["burkina-faso"], ["jnim"]),
  modelItem("mali-two", "2020-12-10", ["mali"]),
  modelItem("regional", "2020-12-16", ["sahel"], ["elections"]),
];

/** The same content with one item edited; every other item is the same object, as in the preview. */
function edited(index: number, change: Partial<(typeof items)[number]>): Digest[] {
  const after = items.map((item, i) => (i === index ? { ...item, ...change } : item));
  return [buildDigest(modelContent(items)), buildDigest(modelContent(after))];
}

function renderer(templates = DEFAULT_TEMPLATES): (digest: Digest, job: PageJob) => string {
  const engine = templateEngine(templates);
  return (digest, job) => (job.generate ? job.generate(engine) : engine.render(digest, job.template!, job.data));
}

describe("page keys", () => {
  for (const [what, index, change] of [
    ["a retitled item", 1, { title: "Retitled" }],
    ["an item moved to another country", 3, { countries: ["niger"] }],
    ["a new summary", 0, { summary: "New summary" }],
    // Counted in week 49, reported by an item of week 50: the week-49 issue's overview changes.
    ["a late report of an earlier week's incident", 3, { incidents: [modelIncident("2020-12-02", "mali", "battles")] }],
    ["an incident's fatalities", 1, { incidents: [modelIncident("2020-12-01", "niger", "violence-against-civilians", { region: "tillaberi", fatalities: { kind: "at-least", min: 9 } })] }],
  ] as const) {
    it(`cover everything each page shows: ${what}`, () => {
      const [before, after] = edited(index, change as object);
      expect(pagesWithStaleKeys(before!, after!, renderer())).toEqual([]);
    });
  }

  // Two edits that left stale pages when keys were written by hand: each page's key must cover
  // what it shows of items on other pages.
  const gao = { ...MODEL_REGIONS[0]!, slug: "gao", name: "Gao", translations: { fr: { name: "Gao" } }, iso: "ML-7", admin1: "ML.03" };
  const withGao = (list: Item[]) => ({ ...modelContent(list), regions: [...MODEL_REGIONS, gao] });
  const day = (n: number) => DateTime.fromISO("2019-01-01", { zone: "UTC" }).plus({ days: n }).toISODate()!;

  it("cover a country's counts per region, items of its later pages included: the oldest item's incident moved to another region", () => {
    // More incidents than the country's map marks: the oldest is on no first-page list.
    const many = Array.from({ length: 210 }, (_, i) => modelItem(`mali-${i}`, day(i), ["mali"], [], [modelIncident(day(i), "mali", "battles")]));
    const moved = many.map((item, i) => (i === 0 ? { ...item, incidents: [modelIncident(day(0), "mali", "battles", { region: "gao" })] } : item));
    expect(pagesWithStaleKeys(buildDigest(withGao(many)), buildDigest(withGao(moved)), renderer())).toEqual([]);
  });

  it("cover an incident type's counts on its later pages: a second incident of the type in an item of its first page", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => modelItem(`battle-${i}`, day(i), ["mali"], [], [modelIncident(day(i), "mali", "battles")]));
    const more = twelve.map((item, i) => (i === 11 ? { ...item, incidents: [...item.incidents, modelIncident(day(i), "mali", "battles")] } : item));
    const site = { itemsPerPage: 5 };
    const [before, after] = [buildDigest(modelContent(twelve, { site })), buildDigest(modelContent(more, { site }))];
    expect(after.incidentTypePages.filter((page) => page.owner.slug === "battles").length).toBe(3);
    expect(pagesWithStaleKeys(before, after, renderer())).toEqual([]);
  });

  it("catch a page whose template reads outside its key", () => {
    // The newest item's title on every item page, read from the digest rather than the page's data.
    const careless: PageKind = {
      ...PAGE_KINDS.find((kind) => kind.name === "item")!,
      name: "careless-item",
      template: "views/careless.njk",
      pages: (digest) => digest.items.map((item) => ({ path: `${item.path}careless/`, data: { item } })),
    };
    const render = renderer();
    const withCareless = (digest: Digest, job: PageJob) => (job.template === "views/careless.njk" ? `${(job.data.item as { title: string }).title} / ${digest.items[0]!.title}` : render(digest, job));
    const [before, after] = edited(4, { title: "Newest, retitled" });
    const stale = pagesWithStaleKeys(before!, after!, withCareless, [careless]);
    expect(stale).toEqual(["articles/2020/mali-two/careless/index.html", "articles/2020/burkina-one/careless/index.html", "articles/2020/niger-one/careless/index.html", "articles/2020/mali-one/careless/index.html"]);
  });

  it("are derived from all a page's template reads: every page not made from the whole digest renders the same from its data and the digest's common part alone", () => {
    const digest = buildDigest(modelContent(items));
    const pages = sitePages(digest);
    const engine = templateEngine(DEFAULT_TEMPLATES);
    const commons = new Map(everyEdition(digest).map((edition) => [edition, commonOf(edition)]));
    let checked = 0;
    for (const page of pages.filter((p) => !p.kind.whole)) {
      const data = { ...page.data, pagePath: page.path, nav: navigation(pages, page.edition) };
      const render = (edition: Digest) => (page.kind.template ? engine.render(edition, page.kind.template, data) : page.kind.generate!(page, edition, engine));
      expect(render(commons.get(page.edition)!), `${page.kind.name} ${page.sitePath}`).toBe(render(page.edition));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe("page kinds", () => {
  it("put every page at a path one of its kind's URL patterns allows, and no two pages at one path", () => {
    // Enough items for a second page of a country.
    const many = Array.from({ length: 60 }, (_, i) => modelItem(`mali-${i}`, `2020-${String(10 + (i % 3)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, ["mali"], ["jnim"]));
    const pages = sitePages(buildDigest(modelContent([...items, ...many])));
    const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/:[a-z]+/g, "[^/]+")}$`).test(path);
    for (const page of pages) expect(page.kind.urls.some((pattern) => matches(pattern, page.path)), `${page.kind.name}: ${page.path}`).toBe(true);
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
    expect(pages.map((page) => page.path)).toContain("/countries/mali/page/2/");
    expect(new Set(pages.map((page) => page.kind.name))).toEqual(new Set(PAGE_KINDS.map((kind) => kind.name)));
  });
});
