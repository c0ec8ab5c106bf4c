// Each issue's open data is kept as it was published (src/pages/table.ts, kind "issue-data-file"):
// before a build, the files the published site holds under /issues/<week>/data/ are read, and
// the build writes them again byte for byte rather than make them from the content. Only the
// newest issue, when the published site has no copy of it, gets its data made: an older issue
// without a copy gets none, as its data as published is not known. A correction to an older item shows in /data/, never in
// an issue's copy. The preview, with its drafts, is no publication: it keeps nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Digest } from "../digest/digest.ts";
import { outputFile } from "../pages/table.ts";
import { issueDataPaths, keepPublishedData } from "../pages/data-files.ts";

/** The issues' data files the site in `output` holds, by site path; read as the text they were written as. */
export async function publishedIssueData(digest: Digest, output: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await Promise.all(
    issueDataPaths(digest).map(async (sitePath) => {
      try {
        files.set(sitePath, await readFile(path.join(output, outputFile(sitePath)), "utf8"));
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
