// Eleventy's entry point when Eleventy's own command line is used on this project
// (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --serve`). `npm run build` (src/build.ts) and
// `npm start` (src/preview.ts) configure Eleventy through the same plugin, and add the atomic
// swap and the incremental preview. Everything lives in the plugin; this file only says where
// the project is and whether drafts show.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { configureSite } from "./src/plugin.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

export default async function (eleventyConfig) {
  return configureSite(eleventyConfig, {
    root,
    // Serving or watching shows drafts and scheduled items, marked; a build never does.
    includeDrafts: process.env.ELEVENTY_RUN_MODE !== "build",
  });
}
