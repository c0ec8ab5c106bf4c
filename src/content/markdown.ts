// Editors' Markdown, rendered once per build. Raw HTML is off, so markup pasted from a
// source shows as text; links may only point to the web, to mail, or within the site.
import MarkdownIt from "markdown-it";
import { withoutForbidden } from "./load/characters.ts";

const SAFE_LINK = /^(?:https?:|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i;

function createRenderer(linkify: boolean) {
  const md = new MarkdownIt({ html: false, linkify, typographer: false });
  // Only addresses with a scheme become links: "fuzzy" matching would link "Ménaka.It" or
  // "example.org" in a sentence, and would turn any address-like text into mail links.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  // markdown-it already refuses javascript: and vbscript:, but lets data:image through.
  // Nothing on this site needs a data: link, and an allow-list cannot miss a new scheme.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  // An image is fetched by the reader's browser or feed reader the moment the text is shown:
  // one on another host would tell that host who reads what, and when. Images are only ever
  // loaded from the site itself; any other becomes a plain link the reader may choose to follow.
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    if (!OTHER_HOST.test(src.trim())) return image(tokens, idx, options, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const label = alt ? `Image: ${alt}` : `Image at ${src}`;
    return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(label)}</a>`;
  };
  return md;
}

/** A URL with a scheme or a host of its own ("//cdn.example/x.png"): not a path on this site. */
const OTHER_HOST = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\)/i;

// linkify costs about 40 % of the rendering time, and most bodies link only with [text](url),
// so it runs only on bodies holding an address that does not open a link's destination "](",
// an autolink "<" or a reference definition "]: ". The two renderers differ only in linkify,
// so a body without such an address renders the same with either.
const plain = createRenderer(false);
const linking = createRenderer(true);
const BARE_ADDRESS = /(?<!\]\(|<|\]:[ \t]*)(?:https?:\/\/|mailto:)/i;

// The source was checked for characters XML forbids, but a numeric entity (`&#12;`) is
// decoded by markdown-it into one: the rendered text is made safe for feeds too.
export function renderMarkdown(source: string): string {
  return withoutForbidden((BARE_ADDRESS.test(source) ? linking : plain).render(source));
}

