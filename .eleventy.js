// Eleventy's entry point when Eleventy's own command line is used on this project
// (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --serve`). `npm run build` (src/publish/build.ts) and
// `npm start` (src/publish/preview.ts) configure Eleventy through the same plugin, and add the atomic
// swap and the incremental preview. Everything lives in the plugin; this file only says where
// the project is and whether drafts show.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { configureSite } from "./src/publish/eleventy-plugin.ts";
import { PREVIEW_FOLDER } from "./src/publish/preview.ts";
import { askedForDryRun } from "./src/publish/eleventy.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

export default async function (eleventyConfig) {
  // Serving or watching shows drafts and scheduled items, marked, so it writes into the
  // preview's own folder: never into _site/, which is what gets published.
  const previewing = process.env.ELEVENTY_RUN_MODE !== "build";
  return configureSite(eleventyConfig, {
    root,
    includeDrafts: previewing,
    // `--dryrun`: Eleventy then writes nothing of its own, but tells neither this file nor its
    // events, and the plugin writes every page itself: it is told here, from the command line.
    dryRun: askedForDryRun(process.argv.slice(2)),
    ...(previewing ? { output: path.join(root, PREVIEW_FOLDER) } : {}),
  });
}
