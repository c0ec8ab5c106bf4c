// `npm run check`: validates all content without building. What an editor runs before publishing.
//   npm run check -- --untranslated   also lists, per edition, what is not translated yet
import path from "node:path";
import { removeLeftovers } from "../publish/build.ts";
import { loadContent } from "../content/load/content.ts";
import { ContentError } from "../core/problems.ts";
import { tellDrafts, tellPassedOver } from "./notices.ts";
import { leftOutLine } from "../content/load/left-out.ts";
import { untranslatedIn } from "./untranslated.ts";

const root = process.cwd();
// --untranslated: per edition, each item, note and week's trends not translated yet.
const untranslated = process.argv.includes("--untranslated");
try {
  // What a killed build left behind (on a full disk, the space the next build needs).
  await removeLeftovers(path.join(root, "_site"), { afterExit: true });
  const content = await loadContent({ root, includeDrafts: true });
  tellPassedOver(content.passedOver);
  const drafts = content.items.filter((item) => item.draft).length;
  const scheduled = content.items.filter((item) => item.scheduled).length;
  const incidents = content.items.reduce((sum, item) => sum + item.incidents.length, 0);
  console.log(
    `Content is valid: ${content.items.length} items (${drafts} drafts, ${scheduled} scheduled) recording ${incidents} incidents, ` +
      `${content.notes.length} weekly notes, ${content.countries.length} countries, ${content.regions.length} regions, ` +
      `${content.actors.length} actors, ${content.themes.length} themes.`,
  );
  tellDrafts(content.draftProblems ?? [], "left out of a production build until fixed");
  // Each further edition: how much of it an editor has translated; the rest shows the original.
  for (const edition of content.site.editions) {
    const items = content.items.filter((item) => item.translations?.[edition.language]).length;
    const notes = content.notes.filter((note) => note.translations?.[edition.language]).length;
    console.log(`Edition ${edition.language}: ${items} of ${content.items.length} items and ${notes} of ${content.notes.length} weekly notes translated.`);
    if (untranslated) for (const line of untranslatedIn(content, edition.language)) console.log(`  ${line}`);
  }
  if (!untranslated && content.site.editions.length) console.log("npm run check -- --untranslated lists what each edition still shows in the original.");
  if (content.leftOut) console.log(leftOutLine(content.leftOut));
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
// A data file may have started a timer that would keep the process alive: the check is done.
process.exit();
