import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/load/frontmatter.ts";

describe("parseFrontMatter", () => {
  const source = "---\ntitle: Hello\ndate: 2020-12-03\nsource:\n  name: RFI\n  url: https://rfi.fr/x\ntags: [a, b]\n---\nThe *body*.\n";

  it("keeps dates as the text the editor wrote", () => {
    const result = parseFrontMatter(source);
    expect(result.ok && result.value.data.date).toBe("2020-12-03");
  });
  it("knows the file line of each field, nested ones and list entries too", () => {
    const result = parseFrontMatter(source);
    if (!result.ok) throw new Error("should parse");
    expect(result.value.lineOf(["title"])).toBe(2);
    expect(result.value.lineOf(["source", "url"])).toBe(6);
    expect(result.value.lineOf(["tags", 1])).toBe(7);
    expect(result.value.lineOf(["missing"])).toBeUndefined();
    expect(result.value.body).toBe("The *body*.\n");
    expect(result.value.bodyLine).toBe(9);
  });
  it("reports broken YAML with its line", () => {
    expect(parseFrontMatter("---\ntitle: ok\ntags: [a\n---\n")).toMatchObject({ ok: false, line: 3 });
  });
  it("reports a repeated key", () => {
    expect(parseFrontMatter("---\ntitle: a\ntitle: b\n---\n")).toMatchObject({ ok: false, line: 3, message: "title is written twice: keep one\n    (YAML: Map keys must be unique)" });
  });
  it("requires front matter", () => {
    expect(parseFrontMatter("# Just Markdown\n")).toEqual({ ok: false, line: 1, message: "must start with front matter between two --- lines" });
  });
  it("accepts a byte-order mark and Windows line ends", () => {
    const result = parseFrontMatter("\uFEFF---\r\ntitle: Hi\r\n---\r\nBody\r\n");
    expect(result.ok && result.value.data.title).toBe("Hi");
    expect(result.ok && result.value.body).toBe("Body\r\n");
  });
});
