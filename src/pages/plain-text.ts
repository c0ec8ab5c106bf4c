// Rendered Markdown as plain text, for the email's text part (the templates' `plain` filter).

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
