// Each issue's open data is kept as it was published (src/pages/table.ts, kind "issue-data-file"):
// before a build, the files the published site holds under /issues/<week>/data/ are read, and
// the build writes them again byte for byte rather than make them from the content. Only an
// issue the published site has no copy of gets its data made (the issue newly published, or a
// site published before this was kept). A correction to an older item shows in /data/, never in
// an issue's copy. The preview, with its drafts, is no publication: it keeps nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Digest } from "../digest/digest.ts";
import { outputFile, PAGE_KINDS, sitePages } from "../pages/table.ts";
import { keepPublishedData } from "../pages/data-files.ts";

/** The kind of page each issue's data is. */
const AS_PUBLISHED = PAGE_KINDS.filter((kind) => kind.name === "issue-data-file");

/** The issues' data files the site in `output` holds, by site path; read as the text they were written as. */
export async function publishedIssueData(digest: Digest, output: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await Promise.all(
    sitePages(digest, AS_PUBLISHED).map(async (page) => {
      try {
        files.set(page.sitePath, await readFile(path.join(output, outputFile(page.sitePath)), "utf8"));
      } catch {
        // Not published yet: made from the content.
      }
    }),
  );
  return files;
}

/** Makes the build write the published copies of the issues' data, where the site has them. */
export async function keepIssueData(digest: Digest, output: string): Promise<number> {
  const files = await publishedIssueData(digest, output);
  keepPublishedData(digest, files);
  return files.size;
}
