// Links inside rendered Markdown. Editors write site paths from the site's root
// ("/issues/2020-w49/"); on a site published under a path, and in feeds read away from the
// site, those must become "/sahel-digest/issues/2020-w49/" and full URLs.
//
// This rewrites the href and src attributes of HTML that markdown-it rendered: markdown-it
// always writes them double-quoted and entity-escaped, which is what makes this narrow
// rewrite safe here (it is not a general HTML rewriter).
import { sharedByEditions, type SiteUrls } from "./paths.ts";

const ATTRIBUTE = /\b(href|src)="([^"]*)"/g;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function rewriteLinks(html: string, rewrite: (url: string) => string): string {
  const rewritten = html.replace(ATTRIBUTE, (_whole, name: string, escaped: string) => `${name}="${escapeAttribute(rewrite(unescapeAttribute(escaped)))}"`);
  // The same text, where no link changed (a site at its host's root): the string given, so
  // that a digest holds each item's body once, not twice (tens of megabytes at 10,000 items).
  return rewritten === html ? html : rewritten;
}

/**
 * For pages: site paths get the base path (the edition's, or the site's own for a file every
 * edition shares); everything else is left as written.
 */
export function linksForPages(html: string, urls: SiteUrls): string {
  return rewriteLinks(html, (url) => (isSitePath(url) ? (sharedByEditions(url.replace(/[?#].*$/, "")) ? urls.shared : urls).href(url) : url));
}

/**
 * For feeds: every link of HTML made for a page (see linksForPages) becomes a full URL,
 * resolved against the address of the page it appears on.
 */
export function linksForFeeds(pageHtml: string, urls: SiteUrls, page: string): string {
  const pageUrl = urls.absolute(page);
  return rewriteLinks(pageHtml, (url) => {
    if (HAS_SCHEME.test(url)) return url;
    try {
      return new URL(url, pageUrl).href;
    } catch {
      return url;
    }
  });
}

function isSitePath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
