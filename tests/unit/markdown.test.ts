import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown.ts";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("Some *text* and [a link](https://example.org/).")).toBe(
      '<p>Some <em>text</em> and <a href="https://example.org/">a link</a>.</p>\n',
    );
  });
  it("shows raw HTML as text", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,AAAA", "vbscript:x", "file:///etc/passwd"])(
    "does not link %s",
    (url) => {
      expect(renderMarkdown(`[click](${url})`)).not.toContain("<a ");
      expect(renderMarkdown(`![img](${url})`)).not.toContain("<img");
    },
  );
  it("links http, https, mailto and site paths", () => {
    for (const url of ["http://a.example/", "https://a.example/", "mailto:desk@a.example", "/issues/", "#top"]) {
      expect(renderMarkdown(`[x](${url})`)).toContain("<a href=");
    }
  });
  it("leaves template syntax as text", () => {
    expect(renderMarkdown("{{ digest.site }} {% raw %} {# note #}")).toBe("<p>{{ digest.site }} {% raw %} {# note #}</p>\n");
  });
});
