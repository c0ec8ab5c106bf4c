// The benchmark's yardstick: the least a site generator must do with the same corpus. Read
// each item, render its Markdown with plain markdown-it, write it as an HTML file. No site:
// no grouping, no listings, no feeds, no layout beyond a minimal page. Its files are read
// and written synchronously, as the build's are: the promise-based calls cost several times
// more here, and a yardstick slowed by them would flatter every ratio taken against it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";

export function markdownLoop(contentDir: string, outputDir: string): number {
  const md = new MarkdownIt();
  const articles = path.join(contentDir, "articles");
  const files = readdirSync(articles, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  mkdirSync(outputDir, { recursive: true });
  for (const file of files) {
    const source = readFileSync(path.join(articles, file), "utf8");
    const end = source.indexOf("\n---", 3);
    const body = end === -1 ? source : source.slice(end + 4);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${path.basename(file, ".md")}</title></head><body>${md.render(body)}</body></html>`;
    writeFileSync(path.join(outputDir, `${path.basename(file, ".md")}.html`), html);
  }
  return files.length;
}
