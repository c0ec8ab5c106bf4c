// A minimal Hugo site of our own over the benchmark corpus, for comparison where Debian's
// hugo is installed: the same items, a page each, lists, and countries and tags taxonomies
// with their own pages and feeds, its feeds capped at our 50 entries (Hugo 0.111's `rssLimit`;
// `services.rss.limit` from 0.114), in as many languages as the digest has editions, each
// language showing every item (the same content mounted once per language), as a team running
// Hugo instead would publish them. Pagefind's command line then indexes its item pages.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { FEED_SIZE } from "../src/digest/feeds.ts";

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>`,
  "_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }} · {{ .Params.location }}</p><p>{{ .Params.summary }}</p>{{ .Content }}<p>Source: {{ .Params.source.name }}</p><p>{{ range .Params.countries }}<a href="/countries/{{ . | urlize }}/">{{ . }}</a> {{ end }}</p></article>{{ end }}`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.summary }}</p></article>{{ end }}{{ end }}`,
  "_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}`,
  "index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ range first 50 .Site.RegularPages }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}`,
};


/** Writes hugo.toml and the layouts: English first, then each of `languages` ("fr", "ar"). */
export async function writeHugoSite(root: string, languages: readonly string[] = []): Promise<void> {
  const every = ["en", ...languages];
  const config = [
    'baseURL = "https://bench.example/"',
    'title = "Benchmark Digest"',
    "paginate = 50",
    `rssLimit = ${FEED_SIZE}`,
    // The digest's data files are TypeScript: not content for Hugo.
    'ignoreFiles = ["\\\\.ts$"]',
    "disableKinds = []",
    'defaultContentLanguage = "en"',
    "[taxonomies]",
    '  country = "countries"',
    '  tag = "tags"',
    "[markup.goldmark.renderer]",
    "  unsafe = false",
    ...every.flatMap((language, i) => [`[languages.${language}]`, `  weight = ${i + 1}`]),
    // Every language mounts the same items; the digest's own translations (<name>.fr.md) are
    // left out, so each language has the same pages.
    ...every.flatMap((language) => ["[[module.mounts]]", '  source = "content"', '  target = "content"', `  lang = "${language}"`, `  excludeFiles = ["**/*.*.md", "_data/**"]`]),
  ].join("\n") + "\n";
  await writeFile(path.join(root, "hugo.toml"), config);
  for (const [name, text] of Object.entries(LAYOUTS)) {
    const file = path.join(root, "layouts", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** Pagefind's arguments for the item pages Hugo wrote into `site`, in every language. */
export const HUGO_ITEM_PAGES = "**/articles/*/*/index.html";
