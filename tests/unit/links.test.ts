import { describe, expect, it } from "vitest";
import { linksForFeeds, linksForPages } from "../../src/digest/links.ts";
import { renderMarkdown } from "../../src/content/markdown.ts";
import { SiteUrls } from "../../src/digest/paths.ts";

const urls = new SiteUrls("https://example.org/sahel-digest/");
const html = renderMarkdown(
  "[issue](/issues/2020-w49/) [ext](https://rfi.fr/a?b=1&c=2) [mail](mailto:desk@example.org) [sib](../other/) [frag](#x) ![map](/img/map.png)",
);

describe("linksForPages", () => {
  it("puts site paths under the base path and leaves other links alone", () => {
    expect(linksForPages(html, urls)).toBe(
      '<p><a href="/sahel-digest/issues/2020-w49/">issue</a> <a href="https://rfi.fr/a?b=1&amp;c=2">ext</a> ' +
        '<a href="mailto:desk@example.org">mail</a> <a href="../other/">sib</a> <a href="#x">frag</a> ' +
        '<img src="/sahel-digest/img/map.png" alt="map"></p>\n',
    );
  });
});

describe("linksForFeeds", () => {
  it("makes every link of a page's HTML a full URL, relative ones against the page", () => {
    expect(linksForFeeds(linksForPages(html, urls), urls, "/articles/2020/x/")).toBe(
      '<p><a href="https://example.org/sahel-digest/issues/2020-w49/">issue</a> <a href="https://rfi.fr/a?b=1&amp;c=2">ext</a> ' +
        '<a href="mailto:desk@example.org">mail</a> <a href="https://example.org/sahel-digest/articles/2020/other/">sib</a> ' +
        '<a href="https://example.org/sahel-digest/articles/2020/x/#x">frag</a> ' +
        '<img src="https://example.org/sahel-digest/img/map.png" alt="map"></p>\n',
    );
  });
});
