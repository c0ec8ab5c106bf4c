// An item's structured data: schema.org NewsArticle in JSON-LD, for the <head> of its page. It
// gives the published date and, once the item is corrected, the date of its latest correction.
// Editor text ends up inside a <script> element, which HTML closes at the first "</script": so
// every "<" (and ">" and "&", which change nothing but cost nothing) is written as a JSON escape.
import type { ItemView } from "../digest/views.ts";

export interface JsonLdContext {
  /** The page's full URL. */
  readonly url: string;
  /** The language the item is shown in. */
  readonly language: string;
  readonly publisher: string;
}

export function newsArticle(item: ItemView, context: JsonLdContext): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: item.title,
    description: item.summary,
    inLanguage: item.language ?? context.language,
    url: context.url,
    mainEntityOfPage: context.url,
    datePublished: item.dateIso,
    dateModified: item.modified ?? item.dateIso,
    publisher: { "@type": "Organization", name: context.publisher },
    author: { "@type": "Organization", name: context.publisher },
    ...(item.countries.length ? { about: item.countries.map((c) => ({ "@type": "Place", name: c.name })) } : {}),
  };
}

/** JSON text safe inside <script type="application/ld+json">: no "<", ">" or "&" as themselves. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
