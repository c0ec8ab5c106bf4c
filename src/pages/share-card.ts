// The preview image a message app shows beside a shared link (Open Graph's og:image): one per
// issue and per country, drawn from the week's or the country's own figures, and one for the
// site, which every other page shows. Made here as SVG text, pure and quick to compare; the
// writer turns it into a PNG with a font shipped in npm (src/publish/share-image.ts), so the
// image is the same on every machine and asks nothing of another host.
import type { Digest } from "../digest/digest.ts";
import type { CountryView, IssueView } from "../digest/views.ts";

/** The drawing's size, in its own units: Open Graph's shape (1.91:1), which WhatsApp, Telegram and Signal crop nothing of. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/**
 * The image's size in pixels: half the drawing's, 600 wide, the least Facebook shows as a large
 * preview (X's least is 300). A quarter of the pixels of 1200 x 630: drawing a card costs about a
 * third of the time, and every app a link is shared to fetches half the bytes.
 */
export const CARD_PIXELS = { width: CARD_WIDTH / 2, height: CARD_HEIGHT / 2 };
/** The font the writer gives the renderer (DejaVu Sans, from npm dejavu-fonts-ttf): wide, with French and Arabic letters. */
export const CARD_FONT = "DejaVu Sans";

/** What a page says of its card: where the image is, and its text for readers who cannot see it. */
export interface ShareCard {
  readonly path: string;
  readonly alt: string;
}

/** A card's content: a kicker line, a heading, and up to three figures with their labels. */
export interface CardText {
  readonly site: string;
  readonly kicker: string;
  readonly heading: string;
  readonly figures: readonly { readonly value: number; readonly label: string }[];
  /** A line under the figures: the countries of the week, say. */
  readonly footnote?: string;
}

const MARGIN = 64;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
const HEADING_SIZE = 56;
const HEADING_LINES = 3;

/** The issue's card: its week, its headline, its items, incidents and countries. */
export function issueCard(issue: IssueView, digest: Digest): CardText {
  const t = digest.edition.words;
  const countries = issue.sections.map((s) => s.country.name);
  return {
    site: digest.site.title,
    kicker: t.t("card.issueKicker", { title: issue.title, range: issue.range }),
    heading: issue.headline ?? issue.title,
    figures: [
      { value: issue.itemCount, label: t.t("card.items", { count: issue.itemCount }) },
      { value: issue.incidents.length, label: t.t("card.incidents", { count: issue.incidents.length }) },
      { value: countries.length, label: t.t("card.countries", { count: countries.length }) },
    ],
    ...(countries.length ? { footnote: list(t.language, countries) } : {}),
  };
}

/** A country's card: its name, its items, the incidents recorded there and its regions with incidents. */
export function countryCard(country: CountryView, incidents: number, digest: Digest): CardText {
  const t = digest.edition.words;
  const regions = [...country.regions].sort((a, b) => b.incidentCount - a.incidentCount).slice(0, 4);
  return {
    site: digest.site.title,
    kicker: t.t("card.countryKicker"),
    heading: country.name,
    figures: [
      { value: country.itemCount, label: t.t("card.items", { count: country.itemCount }) },
      { value: incidents, label: t.t("card.incidents", { count: incidents }) },
      { value: country.regions.length, label: t.t("card.regions", { count: country.regions.length }) },
    ],
    ...(regions.length ? { footnote: list(t.language, regions.map((r) => t.t("card.regionCount", { region: r.name, count: r.incidentCount }))) } : {}),
  };
}

/** The site's card, for every other page: its title, its description, its issues and items. */
export function siteCard(digest: Digest): CardText {
  const t = digest.edition.words;
  return {
    site: digest.site.title,
    kicker: digest.site.description,
    heading: digest.site.title,
    figures: [
      { value: digest.issues.length, label: t.t("card.issues", { count: digest.issues.length }) },
      { value: digest.items.length, label: t.t("card.items", { count: digest.items.length }) },
      { value: digest.countries.filter((c) => c.kind === "country").length, label: t.t("card.countries", { count: digest.countries.filter((c) => c.kind === "country").length }) },
    ],
  };
}

/** The card's text as one sentence, for og:image:alt. */
export function cardAlt(card: CardText, digest: Digest): string {
  const t = digest.edition.words;
  return t.t("card.alt", { heading: card.heading, kicker: card.kicker, figures: list(t.language, card.figures.map((f) => `${t.t("common.number", { n: f.value })} ${f.label}`)) });
}

/** The card as SVG: text as text, in the font the writer gives it; every word escaped. */
export function cardSvg(card: CardText, language: string): string {
  const numbers = new Intl.NumberFormat(language);
  const heading = wrap(card.heading, HEADING_SIZE, HEADING_LINES);
  const kicker = wrap(card.kicker, 28, 2);
  const text = (x: number, y: number, size: number, body: string, { bold = false, fill = "#333333" } = {}) =>
    `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="bold"' : ""} fill="${fill}">${escapeXml(body)}</text>`;
  const parts: string[] = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fdf6e3"/>`,
    `<rect width="${CARD_WIDTH}" height="14" fill="#7a3b12"/>`,
    text(MARGIN, 86, 32, card.site, { bold: true, fill: "#7a3b12" }),
    ...kicker.map((line, i) => text(MARGIN, 136 + i * 36, 28, line, { fill: "#555555" })),
  ];
  const headingTop = 136 + kicker.length * 36 + 54;
  parts.push(...heading.map((line, i) => text(MARGIN, headingTop + i * (HEADING_SIZE + 10), HEADING_SIZE, line, { bold: true, fill: "#1a1a1a" })));
  // The figures along the foot, each a large number over its label.
  const column = TEXT_WIDTH / Math.max(1, card.figures.length);
  card.figures.forEach((figure, i) => {
    const x = Math.round(MARGIN + i * column);
    parts.push(text(x, 490, 72, numbers.format(figure.value), { bold: true, fill: "#7a3b12" }));
    parts.push(...wrap(figure.label, 26, 2, column - 24).map((line, j) => text(x, 528 + j * 30, 26, line, { fill: "#333333" })));
  });
  if (card.footnote) parts.push(text(MARGIN, 606, 24, wrap(card.footnote, 24, 1)[0]!, { fill: "#555555" }));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_PIXELS.width}" height="${CARD_PIXELS.height}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT}">${parts.join("")}</svg>`;
}

/**
 * `text` in lines of at most `width` pixels at `size`, at most `lines` of them, the last cut
 * with an ellipsis. Widths are estimated from the font's average advance (DejaVu Sans is wide:
 * about 0.62 em in bold), so a line may fall short but never runs off the card.
 */
export function wrap(text: string, size: number, lines: number, width = TEXT_WIDTH): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * 0.62)));
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= perLine) line = next;
    else {
      if (line) out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  const cut = out.slice(0, lines).map((l) => ([...l].length > perLine ? `${[...l].slice(0, perLine - 1).join("")}…` : l));
  if (out.length > lines) {
    const last = [...cut[lines - 1]!];
    cut[lines - 1] = `${last.slice(0, Math.min(last.length, perLine - 1)).join("").replace(/[\s,.;:!?]+$/u, "")}…`;
  }
  return cut;
}

/** "Mali, Niger and Chad", "Mali, Niger et Tchad": as the language joins a list. */
function list(language: string, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(items);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}
