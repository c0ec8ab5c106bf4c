// The email edition of an issue: /issues/<week>/email.html, for a mailing tool's HTML editor,
// and email.txt, its plain-text part, both from the issue's view. The HTML is rendered from
// templates/views/email.njk and its stylesheet (templates/email/email.css) put into style=""
// attributes by juice, as mail clients need: no <style>, no script, no image, every link a full
// URL. Gmail clips a message over 102 KB (EMAIL_SIZE_LIMIT); the tests hold the email under it.
import juice from "juice";
import nunjucks from "nunjucks";
import { linksForFeeds } from "../digest/links.ts";
import type { IssueView } from "../digest/views.ts";
import type { Digest } from "../digest/digest.ts";
import { SiteUrls } from "../digest/paths.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { addWords } from "./words.ts";
import { DEFAULT_TEMPLATES } from "../core/project.ts";

/** Gmail shows "[Message clipped]" past this many bytes of HTML. */
export const EMAIL_SIZE_LIMIT = 102 * 1024;

interface EmailTemplates {
  readonly html: nunjucks.Environment;
  readonly text: nunjucks.Environment;
  readonly urls: SiteUrls;
}

// Made once per digest: the preview's next rebuild may bring new templates or a new base URL.
const perDigest = new WeakMap<Digest, EmailTemplates>();

function templates(digest: Digest): EmailTemplates {
  let found = perDigest.get(digest);
  if (!found) {
    const urls = new SiteUrls(digest.site.url);
    found = { html: environment(urls, digest.edition.words, true), text: environment(urls, digest.edition.words, false), urls };
    perDigest.set(digest, found);
  }
  return found;
}

function environment(urls: SiteUrls, words: Catalogue, autoescape: boolean): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(DEFAULT_TEMPLATES), { autoescape, throwOnUndefined: true });
  env.addFilter("href", (sitePath: string) => urls.href(sitePath));
  env.addFilter("absoluteUrl", (sitePath: string) => urls.absolute(sitePath));
  env.addFilter("plain", (html: string) => htmlToText(String(html)));
  // The interface's words, as in src/publish/eleventy-plugin.ts: markup in the HTML, text in the text part; a
  // text in another language than the edition's says so (the HTML part).
  addWords(env, () => words, () => words.language, autoescape);
  return env;
}

/** What both templates see: the issue, and its lead with every link a full URL. */
function view(issue: IssueView, digest: Digest, urls: SiteUrls): Record<string, unknown> {
  return { digest, issue, leadHtml: issue.leadHtml ? linksForFeeds(issue.leadHtml, urls, issue.path) : undefined };
}

export function emailHtml(issue: IssueView, digest: Digest): string {
  const { html, urls } = templates(digest);
  return juice(html.render("views/email.njk", view(issue, digest, urls)), { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: false, applyHeightAttributes: false });
}

export function emailText(issue: IssueView, digest: Digest): string {
  const { text, urls } = templates(digest);
  const rendered = text.render("views/email-text.njk", view(issue, digest, urls));
  return `${rendered
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** Rendered Markdown as text: a link's address after its words, paragraphs on their own lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_whole, href: string, words: string) => {
        const text = words.replace(/<[^>]*>/g, "");
        return decodeEntities(text) === decodeEntities(href) ? text : `${text} (${href})`;
      })
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<li\b[^>]*>/gi, "- ")
      .replace(/<\/(p|li|h[1-6]|blockquote|ul|ol|div)>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|quot|apos|nbsp));/gi, (_whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return { lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[name!.toLowerCase() as "lt"]!;
    })
    .replace(/&amp;/g, "&");
}
