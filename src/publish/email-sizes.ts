// Every email edition's size, checked once its files are written: Gmail clips an email whose
// HTML is over EMAIL_SIZE_LIMIT, and its readers then see "[Message clipped]" and lose the rest
// (the overview or the last countries' items). A size is read from the written file, so an
// email linked unchanged from the last build is checked as well as one rendered now.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Digest } from "../digest/digest.ts";
import type { IssueView, MonthView } from "../digest/views.ts";
import { EMAIL_SIZE_LIMIT } from "../pages/email.ts";
import { outputFile, PAGE_KINDS, sitePages, type PageKind } from "../pages/table.ts";

/** One line for each email in `folder` (a built site) over Gmail's clipping size. */
export async function emailSizeNotices(digest: Digest, folder: string, kinds: readonly PageKind[] = PAGE_KINDS): Promise<string[]> {
  const emails = sitePages(digest, kinds.filter((kind) => kind.format === "email"));
  const sizes = await Promise.all(emails.map((page) => stat(path.join(folder, outputFile(page.sitePath))).then((s) => s.size, () => 0)));
  return emails.flatMap((page, i) => {
    if (sizes[i]! <= EMAIL_SIZE_LIMIT) return [];
    const issue = page.data.issue as IssueView | undefined;
    return [emailSizeNotice(issue ? issue.id : (page.data.month as MonthView).id, outputFile(page.sitePath), sizes[i]!, issue ? "issue" : "month")];
  });
}

export function emailSizeNotice(edition: string, file: string, bytes: number, kind: "issue" | "month" = "issue"): string {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return `The email of ${kind} ${edition} (${file}) is ${kb(bytes)}, over the ${kb(EMAIL_SIZE_LIMIT)} at which Gmail clips an email: its readers would see "[Message clipped]" and not the rest. Shorten the week's note or its items' summaries, or send the link to the web issue instead.`;
}
