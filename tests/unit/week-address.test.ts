// A week's address as editors write it (/issues/2021-W01/) is a page of its own that sends the
// reader on (src/pages/table.ts, "week-redirect"). Where the file system folds case, that page
// and the are one file: the writer keeps the issue (src/publish/write-pages.ts).
import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { foldsCase, withoutCaseTwins, type PageJob } from "../../src/publish/write-pages.ts";

const job = (output: string, template: string) => ({ output, template, data: {}, key: [] }) as unknown as PageJob;

describe("a week's address in capitals", () => {
  it("is left out where it would overwrite its issue, the issue kept whichever came first in its folder", () => {
    const jobs = [job("issues/2021-w01/index.html", "views/issue.njk"), job("issues/2020-w53/index.html", "views/issue.njk"), job("issues/2021-W01/index.html", "views/week-redirect.njk")];
    expect(withoutCaseTwins(jobs).map((j) => j.output)).toEqual(["issues/2021-w01/index.html", "issues/2020-w53/index.html"]);
    expect(withoutCaseTwins(jobs.slice(0, 2))).toEqual(jobs.slice(0, 2));
  });

  it("is written where the file system tells capitals apart, as this one does", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "sahel-case-"));
    try {
      // Linux's file systems keep case; macOS's and Windows's fold it by default.
      expect(foldsCase(path.join(folder, "site"))).toBe(process.platform !== "linux");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
