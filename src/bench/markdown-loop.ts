// The benchmark's yardstick: the least a site generator must do with the same corpus. Read
// each item, render its Markdown with plain markdown-it, write it as an HTML file. No site:
// no grouping, no listings, no feeds, no layout beyond a minimal page.
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";

export async function markdownLoop(contentDir: string, outputDir: string): Promise<number> {
  const md = new MarkdownIt();
  const articles = path.join(contentDir, "articles");
  const files = (await readdir(articles, { recursive: true })).filter((f) => f.endsWith(".md"));
  await mkdir(outputDir, { recursive: true });
  for (const file of files) {
    const source = await readFile(path.join(articles, file), "utf8");
    const end = source.indexOf("\n---", 3);
    const body = end === -1 ? source : source.slice(end + 4);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${path.basename(file, ".md")}</title></head><body>${md.render(body)}</body></html>`;
    await writeFile(path.join(outputDir, `${path.basename(file, ".md")}.html`), html);
  }
  return files.length;
}
