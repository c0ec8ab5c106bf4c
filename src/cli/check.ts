// `npm run check`: validates all content without building. What an editor runs before publishing.
import { loadContent } from "../load/content.ts";
import { ContentError } from "../problems.ts";

try {
  const content = await loadContent({ root: process.cwd(), includeDrafts: true });
  const drafts = content.items.filter((item) => item.draft).length;
  const scheduled = content.items.filter((item) => item.scheduled).length;
  console.log(
    `Content is valid: ${content.items.length} items (${drafts} drafts, ${scheduled} scheduled), ` +
      `${content.notes.length} weekly notes, ${content.countries.length} countries, ` +
      `${content.actors.length} actors, ${content.themes.length} themes.`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
