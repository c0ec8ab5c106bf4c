// An item's year folder is part of its URL: it must be the year of its date, on the digest's
// clocks (Africa/Bamako in the fixtures, UTC+0).
import { afterEach, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { loadContent } from "../../src/content/load/content.ts";
import { createFixture, type FixtureOptions } from "../fixtures/content.ts";
import { problemsOf } from "../fixtures/problems.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((remove) => remove()));
});

async function fixture(options: FixtureOptions): Promise<string> {
  const created = await createFixture(options);
  cleanups.push(created.remove);
  return created.root;
}

const now = DateTime.fromISO("2030-01-01T00:00:00Z");

describe("the year folder of an item", () => {
  it("must be the year of its date, and the message names the right folder", async () => {
    const root = await fixture({
      items: [
        { path: "2021/x", title: "X", date: "2020-12-30", countries: ["mali"] },
        // 23:30 at UTC−1 on 31 December is already 2021 in Bamako.
        { path: "2020/late", title: "Late", date: "2020-12-31T23:30:00-01:00", countries: ["mali"] },
        // Reported with the file's other problems, all at once.
        { path: "2019/both", title: "Both", date: "2020-06-01", countries: ["malli"] },
      ],
    });
    expect(await problemsOf(root)).toEqual([
      'content/articles/2019/both.md:3 date: is in 2020, so the file belongs in content/articles/2020/ (got: "2020-06-01")',
      'content/articles/2019/both.md:4 countries: unknown country "malli" — did you mean "mali"?',
      'content/articles/2020/late.md:3 date: is in 2021 on the digest\'s clocks (Africa/Bamako), so the file belongs in content/articles/2021/ (got: "2020-12-31T23:30:00-01:00")',
      'content/articles/2021/x.md:3 date: is in 2020, so the file belongs in content/articles/2020/ (got: "2020-12-30")',
    ]);
  });

  it("passes in the right folder, whatever the ISO week's year", async () => {
    const root = await fixture({
      items: [
        // In issue 2020-W53, but dated 2021.
        { path: "2021/new-year", title: "New year", date: "2021-01-02", countries: ["mali"] },
        { path: "2021/late", title: "Late", date: "2020-12-31T23:30:00-01:00", countries: ["mali"] },
        // 00:30 at UTC+1 on 1 January is still 2020 in Bamako.
        { path: "2020/eve", title: "Eve", date: "2021-01-01T00:30:00+01:00", countries: ["mali"] },
      ],
    });
    const content = await loadContent({ root, now });
    expect(content.items.map((item) => [item.file, item.year, item.week.id])).toEqual([
      ["content/articles/2020/eve.md", 2020, "2020-W53"],
      ["content/articles/2021/late.md", 2021, "2020-W53"],
      ["content/articles/2021/new-year.md", 2021, "2020-W53"],
    ]);
  });
});
