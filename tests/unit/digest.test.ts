import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/digest.ts";
import { parseItemDate } from "../../src/core/dates.ts";
import { weekOf } from "../../src/core/weeks.ts";
import { fixtureCountries } from "../fixtures/content.ts";
import { MODEL_ZONE as ZONE, modelContent, modelItem } from "../fixtures/model.ts";

const item = modelItem;
const content = modelContent;

const slugs = (list: readonly { slug: string }[]) => list.map((x) => x.slug);

describe("issues", () => {
  const items = [
    item("niger-thursday", "2020-12-03", ["niger"]),
    item("mali-monday", "2020-11-30", ["mali"]),
    item("mali-and-burkina", "2020-12-01T09:00:00Z", ["burkina-faso", "mali"]),
    item("regional", "2020-12-02", ["sahel"]),
    item("previous-week", "2020-11-29T23:59:00Z", ["mali"]),
    item("new-year", "2021-01-04", ["niger"]),
  ];
  const digest = buildDigest(content(items));

  it("makes one issue per week with items, newest first", () => {
    expect(digest.issues.map((i) => i.id)).toEqual(["2021-W01", "2020-W49", "2020-W48"]);
    expect(digest.latestIssue?.id).toBe("2021-W01");
  });

  it("lists a week's items under each of their countries, in the site's country order, oldest first", () => {
    const w49 = digest.issues.find((i) => i.id === "2020-W49")!;
    expect(w49.sections.map((s) => [s.country.slug, slugs(s.items)])).toEqual([
      ["mali", ["mali-monday", "mali-and-burkina"]],
      ["burkina-faso", ["mali-and-burkina"]],
      ["niger", ["niger-thursday"]],
      ["sahel", ["regional"]],
    ]);
    expect(w49.itemCount).toBe(4);
    expect(w49.range).toBe("30 November – 6 December 2020");
    expect(w49.path).toBe("/issues/2020-w49/");
  });

  it("links each issue to the one before and after", () => {
    const [w01, w49, w48] = digest.issues;
    expect(w49!.previous?.id).toBe("2020-W48");
    expect(w49!.next?.id).toBe("2021-W01");
    expect(w48!.previous).toBeUndefined();
    expect(w01!.next).toBeUndefined();
  });

  it("gives an issue the editor's note for its week", () => {
    const w = weekOf(parseItemDateOrThrow("2020-12-03"), ZONE);
    const withNote = buildDigest(content(items, { notes: [{ file: "n.md", week: w, headline: "Big week", leadHtml: "<p>Lead</p>\n" }] }));
    const w49 = withNote.issues.find((i) => i.id === "2020-W49")!;
    expect(w49.headline).toBe("Big week");
    expect(w49.leadHtml).toBe("<p>Lead</p>\n");
    expect(withNote.issues.find((i) => i.id === "2020-W48")!.headline).toBeUndefined();
  });

  it("groups the archive by ISO week-numbering year", () => {
    expect(digest.archive.map((y) => [y.year, y.issues.map((i) => i.id)])).toEqual([
      [2021, ["2021-W01"]],
      [2020, ["2020-W49", "2020-W48"]],
    ]);
  });
});

describe("items", () => {
  it("are newest first, and show the time only when the editor gave one", () => {
    const digest = buildDigest(content([item("a", "2020-12-01", ["mali"]), item("b", "2020-12-02T14:30:00+01:00", ["mali"])]));
    expect(slugs(digest.items)).toEqual(["b", "a"]);
    expect(digest.items[0]!.dateText).toBe("2 December 2020, 13:30 GMT");
    expect(digest.items[0]!.dateIso).toBe("2020-12-02T13:30:00+00:00");
    expect(digest.items[1]!.dateText).toBe("1 December 2020");
    expect(digest.items[1]!.path).toBe("/articles/2020/a/");
    expect(digest.items[1]!.issue.title).toBe("Week 49, 2020");
  });
});

describe("country and tag pages", () => {
  // 12 Mali items over three weeks, 5 a page.
  const items = Array.from({ length: 12 }, (_, i) => item(`m${String(i).padStart(2, "0")}`, `2020-11-${String(8 + i * 2).padStart(2, "0")}`, ["mali"], i % 2 ? ["jnim"] : []));
  const digest = buildDigest(content(items, { site: { itemsPerPage: 5 } }));
  const mali = digest.countryPages.filter((p) => p.owner.slug === "mali");

  it("paginate a country's items newest first", () => {
    expect(mali.map((p) => p.path)).toEqual(["/countries/mali/", "/countries/mali/page/2/", "/countries/mali/page/3/"]);
    expect(mali.map((p) => p.weeks.flatMap((w) => slugs(w.items)))).toEqual([
      ["m11", "m10", "m09", "m08", "m07"],
      ["m06", "m05", "m04", "m03", "m02"],
      ["m01", "m00"],
    ]);
    expect(mali[1]).toMatchObject({ pageNumber: 2, pageCount: 3, previousPath: "/countries/mali/", nextPath: "/countries/mali/page/3/" });
  });

  it("group each page's items by week", () => {
    // m11 is 30 Nov (W49); m10–m08 are 28, 26 and 24 Nov (W48); m07 is 22 Nov (W47).
    expect(mali[0]!.weeks.map((w) => [w.issue.id, w.items.length])).toEqual([
      ["2020-W49", 1],
      ["2020-W48", 3],
      ["2020-W47", 1],
    ]);
  });

  it("give a country without items one empty page", () => {
    const niger = digest.countryPages.filter((p) => p.owner.slug === "niger");
    expect(niger).toHaveLength(1);
    expect(niger[0]!.weeks).toEqual([]);
  });

  it("count items per country and tag", () => {
    expect(digest.countries.find((c) => c.slug === "mali")!.itemCount).toBe(12);
    expect(digest.tags.find((t) => t.slug === "jnim")!.itemCount).toBe(6);
    expect(digest.tagPages.filter((p) => p.owner.slug === "jnim").map((p) => p.path)).toEqual(["/tags/jnim/", "/tags/jnim/page/2/"]);
  });

  it("group tags by kind, actors before themes, leaving out those no item names", () => {
    // Only jnim is named by these items: barkhane and elections get no page and no feed.
    expect(digest.tagGroups.map((g) => [g.label, slugs(g.tags)])).toEqual([["Armed group", ["jnim"]]]);
    expect(digest.tagPages.map((p) => p.owner.slug)).toEqual(["jnim", "jnim"]);
    expect(digest.feeds.tags.map((f) => f.key)).toEqual(["tag/jnim"]);
  });

  it("group the tags that have items by kind, actors before themes", () => {
    const both = buildDigest(content([item("a", "2020-12-01", ["mali"], ["elections", "barkhane", "jnim"])]));
    expect(both.tagGroups.map((g) => [g.label, slugs(g.tags)])).toEqual([
      ["Armed group", ["jnim"]],
      ["International force", ["barkhane"]],
      ["Theme", ["elections"]],
    ]);
  });
});

describe("an empty digest", () => {
  it("has no issue and no pages of items", () => {
    const digest = buildDigest(content([]));
    expect(digest.latestIssue).toBeUndefined();
    expect(digest.issues).toEqual([]);
    expect(digest.countryPages).toHaveLength(fixtureCountries.length);
  });
});

function parseItemDateOrThrow(text: string) {
  const parsed = parseItemDate(text, ZONE);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}
