// The email edition of an issue: /issues/<week>/email.html, for a mailing tool's HTML editor,
// and email.txt, its plain-text part, both from the issue's view. The HTML is rendered from
// views/email.njk of the configured templates and its stylesheet (email/email.css) put into
// style="" attributes by juice (inlineEmailStyles, which the writer calls, on its second thread
// where it has one), as mail clients need: no <style>, no script, no image, every link a full
// URL. An image in the note's lead becomes its words, "[Image: a map of the week]": a
// mail client fetches an image as the message is opened, which tells its host who opened it
// and when (an open-tracking pixel, whatever its host). Not a link either: the web issue,
// linked at the top and the foot, shows the image to a reader who chooses to look.
// Gmail clips a message over 102 KB (EMAIL_SIZE_LIMIT): the build says, one line an email,
// which are over it (src/publish/email-sizes.ts).
import { createRequire } from "node:module";
import type Juice from "juice";
import { linksForFeeds } from "../digest/links.ts";
import type { IssueView, MonthView } from "../digest/views.ts";
import type { Digest } from "../digest/digest.ts";
import type { TemplateEngine } from "./engine.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";

/** Gmail shows "[Message clipped]" past this many bytes of HTML. */
export const EMAIL_SIZE_LIMIT = 102 * 1024;

/** What both templates see besides the digest: the issue, and its lead with every link a full URL and no image. */
function view(issue: IssueView, digest: Digest): Record<string, unknown> {
  return { issue, leadHtml: issue.leadHtml ? imagesAsWords(linksForFeeds(issue.leadHtml, digest.edition.urls, issue.path), digest.edition.words) : undefined };
}

/**
 * Rendered Markdown with every <img> replaced by its alternative text in the edition's words.
 * Narrow, as src/digest/links.ts is: markdown-it, raw HTML off, writes every image as
 * `<img src="..." alt="...">` with its attributes double-quoted and entity-escaped.
 */
export function imagesAsWords(html: string, words: Catalogue): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const alt = unescapeHtml(/\balt="([^"]*)"/i.exec(tag)?.[1] ?? "").trim();
    return escapeHtml(alt ? words.t("email.image", { alt }) : words.t("email.imageWithoutText"));
  });
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An issue's email as its template renders it, its stylesheet still in a <style>: what the
 * writer hands to inlineEmailStyles, on the build's second thread (src/publish/finisher.ts).
 */
export function emailTemplateHtml(issue: IssueView, digest: Digest, engine: TemplateEngine): string {
  return engine.render(digest, "views/email.njk", view(issue, digest));
}

/**
 * juice, loaded when the first email is inlined: with the HTML parser it brings, it takes a few
 * hundred milliseconds to load, and a build's own thread, which every build waits on, hands
 * its emails to the second one (src/publish/finisher.ts) and need never load it.
 */
let juice: typeof Juice | undefined;

/** An email's <style> put into style="" attributes, as mail clients need, and the <style> removed. */
export function inlineEmailStyles(html: string): string {
  juice ??= createRequire(import.meta.url)("juice") as typeof Juice;
  return juice(html, { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: false, applyHeightAttributes: false });
}

export function emailText(issue: IssueView, digest: Digest, engine: TemplateEngine): string {
  return tidyText(engine.render(digest, "views/email-text.njk", view(issue, digest), "text"));
}

/** Lines without trailing spaces, at most one blank line between paragraphs. */
function tidyText(rendered: string): string {
  return `${rendered
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** What a month's email templates see: the month, and its note with every link a full URL and no image. */
function monthView(month: MonthView, digest: Digest): Record<string, unknown> {
  return { month, leadHtml: month.note?.html ? imagesAsWords(linksForFeeds(month.note.html, digest.edition.urls, month.path), digest.edition.words) : undefined };
}

/** The whole digest's month as an email (views/month-email.njk), its stylesheet still in a <style>, as emailTemplateHtml; its styles are inlined as an issue's are. */
export function monthEmailTemplateHtml(month: MonthView, digest: Digest, engine: TemplateEngine): string {
  return engine.render(digest, "views/month-email.njk", monthView(month, digest));
}

export function monthEmailText(month: MonthView, digest: Digest, engine: TemplateEngine): string {
  return tidyText(engine.render(digest, "views/month-email-text.njk", monthView(month, digest), "text"));
}
