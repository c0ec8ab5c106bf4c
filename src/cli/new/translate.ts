// `npm run new -- translate <item-or-week> <language>`: starts the translation of an item or a
// weekly note beside its original, with the original's words in place to translate over and
// only the fields a translation may give (src/content/schemas.ts: itemTranslationSchema,
// noteTranslationSchema). Pure, like item.ts: new.ts reads the project and writes the file.
import { COLLECTIONS } from "../../content/collections.ts";
import type { FrontMatter } from "../../content/load/frontmatter.ts";
import { parseWeekId } from "../../core/weeks.ts";
import { TOOLS_LANGUAGE } from "../../core/tools-language.ts";
import { quoted, withHints } from "./yaml.ts";

export interface TranslateRequest {
  /** An item's slug ("niger-toumour-attack"), its path below content/articles/ ("2020/niger-toumour-attack"), or a week ("2020-W49"). */
  readonly target: string;
  readonly language: string;
}

export interface TranslateProject {
  /** The digest's own language and its editions' (site.ts). */
  readonly language: string;
  readonly editions: readonly string[];
  /** The items' files below content/articles/ ("2020/x.md", translations included). */
  readonly items: readonly string[];
  /** The notes' files below content/issues/ ("2020-W49.md", translations included). */
  readonly notes: readonly string[];
}

/** What to read before the text can be made: the original's file. */
export type TranslateTarget =
  | { readonly ok: true; readonly kind: "item" | "note"; readonly original: string; readonly file: string }
  | { readonly ok: false; readonly errors: string[] };

/** Which original, and where its translation goes; or why not. */
export function translationTarget(request: TranslateRequest, project: TranslateProject): TranslateTarget {
  const { language } = request;
  if (language === project.language) return { ok: false, errors: [`${language} is the digest's own language: the original is written in it (site.ts language)`] };
  if (!project.editions.includes(language)) {
    return { ok: false, errors: [`${language} is not an edition of the digest (${project.editions.length ? `its editions: ${project.editions.join(", ")}` : "site.ts lists no editions"}); add it to site.ts editions first`] };
  }
  const target = request.target.trim().replace(/^content\/(articles|issues)\//, "").replace(/\.md$/, "");
  const week = /^\d{4}-[Ww]\d{1,2}$/.test(target) ? parseWeekId(target.toUpperCase().replace(/-W(\d)$/, "-W0$1")) : undefined;
  if (week) {
    const original = `${week.id}.md`;
    if (!project.notes.includes(original)) return { ok: false, errors: [`${COLLECTIONS.notes.folder}/${original} does not exist: write the week's note first (npm run new -- note ${week.id})`] };
    return checkFree("note", `${COLLECTIONS.notes.folder}/${original}`, `${COLLECTIONS.notes.folder}/${week.id}.${language}.md`, project.notes.map((f) => `${COLLECTIONS.notes.folder}/${f}`));
  }
  const slug = target.split("/").pop()!;
  const found = project.items.filter((file) => file.replace(/\.md$/, "").split("/").pop() === slug && (target.includes("/") ? file === `${target}.md` : true));
  if (found.length === 0) return { ok: false, errors: [`no item ${JSON.stringify(request.target)} in ${COLLECTIONS.items.folder}/: give its slug (the file name without .md) or a week such as 2020-W49`] };
  const original = `${COLLECTIONS.items.folder}/${found[0]!}`;
  return checkFree("item", original, original.replace(/\.md$/, `.${language}.md`), project.items.map((f) => `${COLLECTIONS.items.folder}/${f}`));
}

function checkFree(kind: "item" | "note", original: string, file: string, existing: readonly string[]): TranslateTarget {
  if (existing.includes(file)) return { ok: false, errors: [`${file} already exists: the translation is edited there`] };
  return { ok: true, kind, original, file };
}

/** The translation's text, from the original's front matter and body. */
export function translationText(target: TranslateTarget & { ok: true }, language: string, original: FrontMatter): string {
  const data = original.data;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const name = new Intl.DisplayNames([TOOLS_LANGUAGE], { type: "language" }).of(language) ?? language;
  const lines: (readonly [string, string?])[] = [[`# The ${name} translation of ${target.original}: write each text below in ${name}, over the original's words.`]];
  if (target.kind === "item") {
    lines.push(["# Everything else (date, countries, source, tags, incidents) is the original's: leave it out here."]);
    lines.push([`title: ${quoted(text(data.title))}`, "to translate"]);
    lines.push([`summary: ${quoted(text(data.summary))}`, "to translate: one or two plain sentences"]);
    if (text(data.location)) lines.push([`location: ${quoted(text(data.location))}`, "only where the spelling differs in this language; else remove"]);
    const corrections = Array.isArray(data.corrections) ? (data.corrections as Record<string, unknown>[]) : [];
    if (corrections.length) {
      lines.push(["corrections:", "their words, in the original's order"]);
      for (const correction of corrections) {
        lines.push([`  - what: ${quoted(text(correction.what))}`, "to translate"]);
        const toll = correction.toll as Record<string, unknown> | undefined;
        if (toll && typeof toll === "object") lines.push([`    toll: { from: ${quoted(text(toll.from))}, to: ${quoted(text(toll.to))} }`, "the source's words for the toll, translated"]);
      }
    }
  } else {
    lines.push(["# The trends themselves are the original's: a translation gives their reasons only."]);
    if (typeof data.headline === "string") lines.push([`headline: ${quoted(data.headline)}`, "to translate"]);
    const trends = data.trends && typeof data.trends === "object" ? (data.trends as Record<string, Record<string, unknown>>) : {};
    if (Object.keys(trends).length) {
      lines.push(["trends:"]);
      for (const [country, trend] of Object.entries(trends)) {
        lines.push([`  ${country}:`, `the original says: ${text(trend?.trend)}`]);
        lines.push([`    reason: ${quoted(text(trend?.reason))}`, "to translate"]);
        const alerts = Array.isArray(trend?.alerts) ? (trend.alerts as Record<string, unknown>[]) : [];
        if (alerts.length) {
          lines.push(["    alerts:"]);
          for (const alert of alerts) lines.push([`      - reason: ${quoted(text(alert.reason))}`, `to translate (${text(alert.kind)})`]);
        }
      }
    }
  }
  lines.push(["draft: true", "until the translation is ready: the edition shows the original meanwhile; then remove this line"]);
  lines.push([`# Below the closing ---: the ${target.kind === "item" ? "text" : "lead"}, to translate.`]);
  return ["---", ...withHints(lines, 44), "---", original.body.replace(/^\n+/, "")].join("\n").replace(/\n*$/, "\n");
}

export function translationWritten(target: TranslateTarget & { ok: true }, language: string): string[] {
  return [
    `Wrote ${target.file}, the ${language} translation of ${target.original}, with the original's words to translate.`,
    "Translate each text and the body, remove draft: true when it is ready, then run npm run check.",
  ];
}
