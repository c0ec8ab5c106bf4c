// The email edition of an issue: /issues/<week>/email.html, for a mailing tool's HTML editor,
// and email.txt, its plain-text part, both from the issue's view. The HTML is rendered from
// views/email.njk of the configured templates and its stylesheet (email/email.css) put into
// style="" attributes by juice, as mail clients need: no <style>, no script, no image, every link
// a full URL. Gmail clips a message over 102 KB (EMAIL_SIZE_LIMIT); the tests hold the email under it.
import juice from "juice";
import { linksForFeeds } from "../digest/links.ts";
import type { IssueView } from "../digest/views.ts";
import type { Digest } from "../digest/digest.ts";
import type { TemplateEngine } from "./engine.ts";

/** Gmail shows "[Message clipped]" past this many bytes of HTML. */
export const EMAIL_SIZE_LIMIT = 102 * 1024;

/** What both templates see besides the digest: the issue, and its lead with every link a full URL. */
function view(issue: IssueView, digest: Digest): Record<string, unknown> {
  return { issue, leadHtml: issue.leadHtml ? linksForFeeds(issue.leadHtml, digest.edition.urls, issue.path) : undefined };
}

export function emailHtml(issue: IssueView, digest: Digest, engine: TemplateEngine): string {
  return juice(engine.render(digest, "views/email.njk", view(issue, digest)), { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: false, applyHeightAttributes: false });
}

export function emailText(issue: IssueView, digest: Digest, engine: TemplateEngine): string {
  const rendered = engine.render(digest, "views/email-text.njk", view(issue, digest), "text");
  return `${rendered
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
