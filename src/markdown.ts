// Editors' Markdown, rendered once per build. Raw HTML is off, so markup pasted from a
// source shows as text; links may only point to the web, to mail, or within the site.
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(?:https?:|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i;

function createRenderer() {
  // linkify is off: it costs about 40 % of the rendering time, and editors link with
  // [text](url). A bare address stays text.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // markdown-it already refuses javascript: and vbscript:, but lets data:image through.
  // Nothing on this site needs a data: link, and an allow-list cannot miss a new scheme.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

/** For one-line fields that may carry emphasis but must stay inline (no <p>). */
export function renderInlineMarkdown(source: string): string {
  return renderer.renderInline(source);
}
