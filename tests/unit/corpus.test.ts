import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORPUS_SHAPES, generateCorpus, seededRandom, writeCorpus } from "../../bench/corpus.ts";
import { loadContent } from "../../src/content/load/content.ts";
import { parseFrontMatter } from "../../src/content/load/frontmatter.ts";
import { renderMarkdown } from "../../src/content/markdown.ts";

describe("the benchmark corpus", () => {
  it("is the same, byte for byte, for the same seed, and differs for another", () => {
    const first = generateCorpus({ items: 200 });
    const second = generateCorpus({ items: 200 });
    expect(second).toEqual(first);
    expect(generateCorpus({ items: 200, seed: 7 })).not.toEqual(first);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it("has the items asked for, of about 700 words, over many weeks", () => {
    const files = generateCorpus({ items: 300 });
    const items = files.filter((f) => f.path.startsWith("content/articles/"));
    expect(items).toHaveLength(300);
    const words = items.reduce((sum, f) => sum + f.text.split(/\s+/).length, 0) / items.length;
    expect(words).toBeGreaterThan(600);
    expect(words).toBeLessThan(850);
    // About four items a day: 300 items span 11 weeks, and every fourth week has a note.
    const weeks = new Set(items.map((f) => /date: (\S+)/.exec(f.text)![1]!.slice(0, 10)));
    expect(weeks.size).toBeGreaterThan(60);
    expect(files.filter((f) => f.path.startsWith("content/issues/"))).toHaveLength(3);
  });

  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("is valid content, and bodies rendered on two threads match one thread's, in order", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sahel-digest-corpus-"));
    dirs.push(root);
    // Enough items for the loader to hand half the bodies to a worker thread.
    await writeCorpus(root, generateCorpus({ items: 600 }));
    const content = await loadContent({ root });
    expect(content.items).toHaveLength(600);
    // Incidents in every country, most of them placed by the gazetteer.
    const incidents = content.items.flatMap((item) => item.incidents);
    expect(incidents.length).toBeGreaterThan(400);
    expect(new Set(incidents.map((i) => i.country)).size).toBe(6);
    expect(incidents.filter((i) => i.coordinates).length).toBeGreaterThan(incidents.length / 3);
    for (const item of content.items) {
      const parsed = parseFrontMatter(await readFile(path.join(root, item.file), "utf8"));
      if (!parsed.ok) throw new Error(item.file);
      expect(item.bodyHtml, item.file).toBe(renderMarkdown(parsed.value.body));
    }
  });

  it("comes in other shapes, each valid content, each the shape it says, and with a French edition", async () => {
    const measure = (files: ReturnType<typeof generateCorpus>) => {
      const items = files.filter((f) => f.path.startsWith("content/articles/"));
      const per = (pattern: RegExp) => items.reduce((sum, f) => sum + (pattern.exec(f.text)?.[1]?.split(",").length ?? 0), 0) / items.length;
      return { words: items.reduce((sum, f) => sum + f.text.split(/\s+/).length, 0) / items.length, tags: per(/^tags: \[(.*)\]$/m), countries: per(/^countries: \[(.*)\]$/m) };
    };
    const usual = measure(generateCorpus({ items: 100 }));
    const shapes = Object.fromEntries(CORPUS_SHAPES.map((shape) => [shape, measure(generateCorpus({ items: 100, shape }))]));
    expect(shapes["many-tags"]!.tags).toBeGreaterThan(usual.tags * 2.5);
    expect(shapes["short-bodies"]!.words).toBeLessThan(usual.words / 3);
    expect(shapes["long-bodies"]!.words).toBeGreaterThan(usual.words * 2.5);
    expect(shapes["several-countries"]!.countries).toBeGreaterThan(usual.countries * 1.5);
    expect(usual.countries).toBeGreaterThan(1.1);
    expect(shapes["one-country"]!.countries).toBe(1);
    for (const shape of CORPUS_SHAPES) {
      const root = await mkdtemp(path.join(tmpdir(), `sahel-digest-corpus-${shape}-`));
      dirs.push(root);
      await writeCorpus(root, generateCorpus({ items: 40, shape, french: 0.5 }));
      const content = await loadContent({ root });
      expect(content.items, shape).toHaveLength(40);
      expect(content.items.filter((item) => item.translations?.fr).length, shape).toBeGreaterThan(5);
    }
  });

  it("has an edition for each language asked for, each with its own share of translated items, the English files unchanged", () => {
    const english = generateCorpus({ items: 100 });
    const both = generateCorpus({ items: 100, french: 0.25, languages: ["fr", "de"] });
    const french = generateCorpus({ items: 100, french: 0.25 });
    const translated = (files: typeof both, language: string) => files.filter((f) => f.path.startsWith("content/articles/") && f.path.endsWith(`.${language}.md`)).length;
    expect(translated(both, "fr")).toBeGreaterThan(10);
    expect(translated(both, "de")).toBeGreaterThan(10);
    // French's own files are the same with a second language beside it.
    expect(both.filter((f) => f.path.endsWith(".fr.md"))).toEqual(french.filter((f) => f.path.endsWith(".fr.md")));
    const site = both.find((f) => f.path === "content/_data/site.ts")!.text;
    expect(site).toContain('"language": "fr"');
    expect(site).toContain('"language": "de"');
    for (const file of english.filter((f) => f.path.endsWith(".md"))) expect(both.find((f) => f.path === file.path)?.text, file.path).toBe(file.text);
  });
});
