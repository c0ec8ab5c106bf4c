// Eleventy's entry point for `npm start` (the preview). `npm run build` configures Eleventy
// the same way through src/build.ts. Everything lives in the plugin; this file only says
// where the project is and whether drafts show.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { configureSite } from "./src/plugin.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

export default async function (eleventyConfig) {
  return configureSite(eleventyConfig, {
    root,
    // The preview shows drafts and scheduled items, marked as such; a build never does.
    includeDrafts: process.env.ELEVENTY_RUN_MODE !== "build",
  });
}
