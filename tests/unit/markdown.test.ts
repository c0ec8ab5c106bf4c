import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/content/markdown.ts";

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

describe("bare addresses in a body", () => {
  it("become links when they carry a scheme", () => {
    expect(renderMarkdown("Read it at https://www.un.org/en/ today.")).toBe(
      '<p>Read it at <a href="https://www.un.org/en/">https://www.un.org/en/</a> today.</p>\n',
    );
    expect(renderMarkdown("(see http://a.example/report.pdf)")).toContain('<a href="http://a.example/report.pdf">');
    expect(renderMarkdown("Write to mailto:desk@a.example.")).toContain('<a href="mailto:desk@a.example">');
  });
  it("are found beside a Markdown link too", () => {
    const html = renderMarkdown("[The report](https://a.example/r) and https://b.example/s");
    expect(html).toContain('<a href="https://a.example/r">The report</a>');
    expect(html).toContain('<a href="https://b.example/s">https://b.example/s</a>');
  });
  it("stay text without a scheme: names and domains in a sentence are not guessed at", () => {
    for (const text of ["Ménaka.It was calm.", "See acleddata.com for counts.", "Write to desk@a.example."]) {
      expect(renderMarkdown(text)).not.toContain("<a ");
    }
  });
  it("are never linked in code", () => {
    expect(renderMarkdown("`https://a.example/`")).toBe("<p><code>https://a.example/</code></p>\n");
  });
  it("never link to a refused scheme", () => {
    const html = renderMarkdown("https://a.example/ and javascript:alert(1) and data:text/html,x");
    expect(html.match(/<a /g)).toHaveLength(1);
  });
  it("render links, autolinks and references the same without a bare address", () => {
    const source = "[x](https://a.example/) <https://b.example/> [y][r]\n\n[r]: https://c.example/\n";
    expect(renderMarkdown(source)).toBe(
      '<p><a href="https://a.example/">x</a> <a href="https://b.example/">https://b.example/</a> <a href="https://c.example/">y</a></p>\n',
    );
  });
});
