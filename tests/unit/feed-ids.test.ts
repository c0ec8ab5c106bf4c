// Feed entry ids outlive the site's address: with feedIds set, moving the site to another
// domain or path gives every entry the id it had, so readers do not see old entries as new.
import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/digest.ts";
import { modelContent, modelItem } from "../fixtures/model.ts";

const items = [modelItem("ambush", "2020-12-02", ["mali"], ["jnim"]), modelItem("talks", "2021-01-05", ["niger"])];
const ids = (site: Record<string, unknown>) => buildDigest(modelContent(items, { site })).feeds.all.flatMap((feed) => feed.entries.map((entry) => entry.id)).sort();

describe("feed entry ids", () => {
  it("stay the same when the site moves, once feedIds is set", () => {
    const feedIds = { authority: "example.org", path: "/sahel-digest/" };
    const before = ids({ url: "https://example.org/sahel-digest/", feedIds });
    const after = ids({ url: "https://digest.ngo.example/", feedIds });
    expect(before.length).toBeGreaterThan(5);
    expect(after).toEqual(before);
    expect(before).toContain("tag:example.org,2020:/sahel-digest/item/ambush");
  });

  it("follow the site's address when feedIds is not set", () => {
    expect(ids({ url: "https://digest.ngo.example/" })).toContain("tag:digest.ngo.example,2020:/item/ambush");
  });
});
