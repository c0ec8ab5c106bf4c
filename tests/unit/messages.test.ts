// The message catalogues (messages/) against the templates that print them: every key a
// template asks for exists, every message parses and formats, none is left unused; and the
// templates' t() escapes a message as the words it replaced were escaped.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nunjucks from "nunjucks";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { Catalogue } from "../../src/core/messages/catalogue.ts";
import { SHIPPED_CATALOGUES, shippedCatalogue } from "../fixtures/words.ts";
import { messageFunction } from "../../src/pages/words.ts";
import { MARKUP } from "../../src/pages/engine.ts";
import { DEFAULT_TEMPLATES } from "../../src/core/project.ts";
import { buildDigest } from "../../src/digest/digest.ts";
import { navigation, sitePages } from "../../src/pages/table.ts";
import { modelContent, modelIncident, modelItem } from "../fixtures/model.ts";
import { INCIDENT_TYPES, TYPOLOGY } from "../../src/content/typology.ts";

const SRC = path.resolve(import.meta.dirname, "../../src");

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const templates = filesUnder(DEFAULT_TEMPLATES, ".njk").map((file) => ({ file: path.relative(DEFAULT_TEMPLATES, file), text: readFileSync(file, "utf8") }));
const sources = filesUnder(SRC, ".ts").map((file) => readFileSync(file, "utf8"));
const en = shippedCatalogue("en");

// t("key") or t('key'), and not format("…") or element("…").
const LITERAL_CALL = /(?<![\w.$])t\(\s*(["'])([^"'\n]+)\1/g;
// Every call of t, whatever its argument.
const ANY_CALL = /(?<![\w.$])t\(\s*([^\s,)]+)/g;

/** The keys the templates name, with where each is named. */
const templateKeys = new Map<string, string[]>();
for (const { file, text } of templates) {
  for (const match of text.matchAll(LITERAL_CALL)) {
    // t("language." + x) names a family (dynamicPrefixes below), not a key.
    if (!match[2]!.endsWith(".")) templateKeys.set(match[2]!, [...(templateKeys.get(match[2]!) ?? []), file]);
  }
}

/**
 * The families of keys code and templates name by a prefix and a value: `incident.type.${type}`
 * in src/, t("language." + item.language) in a template. Each family's members count as used.
 */
const dynamicPrefixes = new Set([
  ...sources.flatMap((text) => [...text.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!)),
  ...templates.flatMap(({ text }) => [...text.matchAll(/(?<![\w.$])t\(\s*"([a-z][\w-]*(?:\.[\w-]+)*\.)"\s*\+/g)].map((m) => m[1]!)),
]);

/** The message's syntax tree; a message that does not parse fails with its key. */
function parsed(language: string, key: string, message: string): MessageFormatElement[] {
  try {
    return parse(message, { ignoreTag: true });
  } catch (error) {
    throw new Error(`${language} message "${key}" does not parse: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Its arguments by name, and how each is used: "plural" and "number" want a number, "select" one of its options. */
function argumentsOf(elements: readonly MessageFormatElement[], found = new Map<string, { kind: string; options: string[] }>()) {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.date || el.type === TYPE.time) found.set(el.value, found.get(el.value) ?? { kind: "text", options: [] });
    else if (el.type === TYPE.number) found.set(el.value, { kind: "number", options: [] });
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      found.set(el.value, { kind: el.type === TYPE.plural ? "plural" : "select", options: Object.keys(el.options) });
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

describe("the message catalogues", () => {
  it("hold every key the templates name", () => {
    expect(templateKeys.size).toBeGreaterThan(100);
    const missing = [...templateKeys].filter(([key]) => !(key in en.messages)).map(([key, files]) => `${key} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("hold every key the templates are handed: nav labels and OPML titles (src/pages/table.ts)", () => {
    const digest = buildDigest(modelContent([modelItem("one", "2020-12-01", ["mali"], ["jnim"], [modelIncident("2020-12-01", "mali")])]));
    const pages = sitePages(digest);
    const { main, footer } = navigation(pages);
    const handed = [...main, ...footer].map((link) => link.label);
    const opml = pages.filter((page) => page.kind.name === "opml").map((page) => page.data.title as string);
    expect(opml).toHaveLength(3);
    expect([...handed, ...opml].filter((key) => !(key in en.messages))).toEqual([]);
  });

  it("are called with a key written out, but for the two keys src/pages/table.ts hands over", () => {
    const calls = templates.flatMap(({ file, text }) => [...text.matchAll(ANY_CALL)].map((match) => `${file}: ${match[1]}`));
    expect(calls.filter((call) => !/: ["']/.test(call))).toEqual(["layouts/base.njk: link.label", "layouts/base.njk: link.label", "views/opml.njk: title"]);
    // And a family of keys by its prefix: t("language." + item.language).
    expect(dynamicPrefixes.size).toBeGreaterThan(5);
  });

  for (const language of SHIPPED_CATALOGUES.keys()) {
    it(`${language}: every message parses and formats with values of its kinds`, () => {
      const catalogue = new Catalogue(language, shippedCatalogue(language).messages);
      for (const [key, message] of Object.entries(catalogue.messages)) {
        const args = argumentsOf(parsed(language, key, message));
        // Every way through the message: each select option, and plural counts 0, 1, 2 and 1234.
        const tries: Record<string, string | number>[] = [{}];
        for (const [name, { kind, options }] of args) {
          const samples = kind === "select" ? options : kind === "plural" || kind === "number" ? [0, 1, 2, 1234] : [`<${name}>`];
          tries.splice(0, tries.length, ...tries.flatMap((values) => samples.map((sample) => ({ ...values, [name]: sample }))));
        }
        for (const values of tries) {
          const text = catalogue.t(key, values);
          // A language's word lists (slug.elided: the words it elides before a vowel) may be empty.
          if (!key.startsWith("slug.")) expect(text, key).not.toBe("");
          expect(text, key).not.toMatch(/[{}]/);
        }
      }
    });
  }

  it("translate no key the English lacks, with no value the templates do not pass", () => {
    for (const language of [...SHIPPED_CATALOGUES.keys()].filter((l) => l !== "en")) {
      for (const [key, message] of Object.entries(shippedCatalogue(language).messages)) {
        expect(en.messages[key], `${language} ${key}`).toBeDefined();
        const english = argumentsOf(parsed("en", key, en.messages[key]!));
        // src/core/weeks.ts hands every language the weekday; English dates leave it out.
        const passed = new Set([...english.keys(), ...(key === "date.day" ? ["weekday"] : [])]);
        expect([...argumentsOf(parsed(language, key, message)).keys()].filter((name) => !passed.has(name)), `${language} ${key}`).toEqual([]);
      }
    }
  });

  it("hold no message nothing uses: every key is named in templates/ or src/, or is of a family named by its prefix", () => {
    const unused = Object.keys(en.messages).filter(
      (key) => !templateKeys.has(key) && !sources.some((text) => text.includes(`"${key}"`)) && ![...dynamicPrefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it("name every incident type and sub-type an editor may record", () => {
    const keys = INCIDENT_TYPES.flatMap((type) => [`incident.type.${type}`, ...Object.keys(TYPOLOGY[type].subtypes).map((sub) => `incident.subtype.${type}.${sub}`)]);
    expect(keys.length).toBeGreaterThan(25);
    expect(keys.filter((key) => !(key in en.messages))).toEqual([]);
  });

  it("are complete in every language: the same keys as the English", () => {
    for (const language of SHIPPED_CATALOGUES.keys()) {
      const keys = Object.keys(shippedCatalogue(language).messages);
      expect(Object.keys(en.messages).filter((key) => !keys.includes(key)), `${language} lacks`).toEqual([]);
    }
  });

  it("put no straight double quote in a message an attribute may print", () => {
    // The templates print messages in double-quoted attributes (aria-label, data-label, the
    // description's content), where '"' would end them: write “ ” or « » in a message. These
    // few are printed as element text only.
    const textOnly = new Set(["subscribe.overlap"]);
    for (const language of SHIPPED_CATALOGUES.keys()) {
      const quoted = Object.entries(shippedCatalogue(language).messages).filter(([key, message]) => message.includes('"') && !textOnly.has(key));
      expect(quoted.map(([key]) => `${language} ${key}`)).toEqual([]);
    }
    for (const { file, text } of templates) {
      for (const line of text.split("\n")) {
        for (const match of line.matchAll(LITERAL_CALL)) {
          if (!textOnly.has(match[2]!)) continue;
          const before = line.slice(0, match.index).replace(/\{\{.*?\}\}|\{%.*?%\}/g, "");
          expect((before.match(/"/g) ?? []).length % 2, `${file}: ${match[2]} inside an attribute`).toBe(0);
        }
      }
    }
  });
});

describe("a catalogue's formatted messages", () => {
  // Kept by their values: -0 and 0 once shared a key, and one "-0" made every 0 of the build "-0" (issue 26).
  it("are kept apart for -0 and 0, so a minus zero never shows where a zero is", () => {
    const words = new Catalogue("en", { count: "{count, plural, one {# incident} other {# incidents}}" });
    expect(words.t("count", { count: -0 })).toBe("-0 incidents");
    expect(words.t("count", { count: 0 })).toBe("0 incidents");
    expect(words.t("count", { count: 0 })).toBe("0 incidents");
  });

  // Texts are remembered too: two sets of values whose key would read alike, were each value
  // not given its length, must not share a key.
  it("are kept apart for texts whose key would read alike without their lengths", () => {
    const words = new Catalogue("en", { pair: "{a}{b}" });
    expect(words.t("pair", { a: "x\u0000b\u0001y", b: "" })).toBe("x\u0000b\u0001y");
    expect(words.t("pair", { a: "x", b: "y\u0000b\u0001" })).toBe("xy\u0000b\u0001");
    expect(words.t("pair", { a: "ab", b: "c" })).toBe("abc");
    expect(words.t("pair", { a: "a", b: "bc" })).toBe("abc");
  });
});

describe("the templates' t()", () => {
  const catalogue = new Catalogue("en", {
    plain: "Rock & roll <now>, it's \"here\"",
    hello: "Hello {name}, {count, plural, one {# item} other {# items}}",
    pick: "{trend, select, up {rising} other {flat}}: {label}",
  });
  const markup = messageFunction(() => catalogue, MARKUP, true);
  const text = messageFunction(() => catalogue, MARKUP, false);

  it("escapes a message's words as literal template text was: & < >, not quotes", () => {
    expect(String(markup("plain"))).toBe("Rock &amp; roll &lt;now&gt;, it's \"here\"");
    expect(markup("plain")).toBeInstanceOf(nunjucks.runtime.SafeString);
  });

  it("escapes values as {{ value }} does, keeps markup the template made, formats numbers", () => {
    expect(String(markup("hello", { name: "Côte d'Ivoire & <b>", count: 1234 }))).toBe("Hello Côte d&#39;Ivoire &amp; &lt;b&gt;, 1,234 items");
    expect(String(markup("hello", { name: new nunjucks.runtime.SafeString("<a href=\"/x/\">X</a>"), count: 1 }))).toBe('Hello <a href="/x/">X</a>, 1 item');
    expect(String(markup("pick", { trend: "up", label: "a'b" }))).toBe("rising: a&#39;b");
  });

  it("leaves text as it is where nothing is escaped (the email's text part)", () => {
    expect(text("plain")).toBe("Rock & roll <now>, it's \"here\"");
    expect(text("hello", { name: "d'Ivoire & <b>", count: 2 })).toBe("Hello d'Ivoire & <b>, 2 items");
  });

  it("fails on a value that is undefined, as a misspelt variable fails the build", () => {
    expect(() => markup("hello", { name: undefined, count: 1 })).toThrow(/"name" is undefined/);
    expect(() => markup("missing")).toThrow(/has no message "missing"/);
  });

  it("renders through Nunjucks as the words it replaced", () => {
    const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: true });
    env.addGlobal("t", markup);
    expect(env.renderString('<p title="{{ t("pick", { trend: x, label: y }) }}">{{ t("plain") }}</p>', { x: "down", y: '"q"' })).toBe(
      '<p title="flat: &quot;q&quot;">Rock &amp; roll &lt;now&gt;, it\'s "here"</p>',
    );
  });
});
