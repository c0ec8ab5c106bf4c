// What an edition still shows in the original's words, for `npm run check -- --untranslated`:
// each item, weekly note and week's trends with no translation (or only a draft one) in it,
// with the command that starts one.
import type { Content } from "../content/model.ts";

export function untranslatedIn(content: Content, language: string): string[] {
  const ready = (translations: Readonly<Record<string, { draft: boolean }>> | undefined) => {
    const own = translations?.[language];
    return own === undefined ? "missing" : own.draft ? "draft" : "ready";
  };
  const lines: string[] = [];
  const state = (s: string) => (s === "draft" ? " (its translation is a draft)" : "");
  for (const item of [...content.items].sort((a, b) => a.file.localeCompare(b.file))) {
    const s = ready(item.translations);
    if (s !== "ready") lines.push(`item ${item.file}${state(s)}: npm run new -- translate ${item.slug} ${language}`);
  }
  for (const note of [...content.notes].sort((a, b) => a.week.id.localeCompare(b.week.id))) {
    const s = ready(note.translations);
    if (s !== "ready") lines.push(`note ${note.file}${state(s)}: npm run new -- translate ${note.week.id} ${language}`);
  }
  // Trends are translated in the note's translation: a week whose reasons are not all in the language.
  const weeks = new Set(content.figures.filter((f) => !f.translations[language]?.reason || f.alerts.some((a) => !a.translations[language]?.reason)).map((f) => f.week.id));
  const noted = new Set(content.notes.filter((n) => ready(n.translations) !== "ready").map((n) => n.week.id));
  for (const week of [...weeks].sort()) if (!noted.has(week)) lines.push(`trends of ${week}: their reasons, in content/issues/${week}.${language}.md under trends:`);
  return lines.length ? lines : ["everything is translated"];
}
