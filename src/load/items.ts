// Reads and validates one item file: content/articles/<year>/<slug>.md.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { parseFrontMatter } from "../frontmatter.ts";
import { renderMarkdown } from "../markdown.ts";
import { itemFrontMatterSchema } from "../model/schemas.ts";
import type { Item } from "../model/content.ts";
import type { Problem } from "../problems.ts";
import { parseItemDate } from "../dates.ts";
import { weekOf } from "../weeks.ts";
import { withSuggestion } from "../suggest.ts";
import { problemsFromZod } from "./zod-problems.ts";

export const ITEM_FIELDS = Object.keys(itemFrontMatterSchema.shape);

export interface ItemContext {
  readonly root: string;
  readonly zone: string;
  readonly now: DateTime;
  readonly countrySlugs: ReadonlySet<string>;
  readonly tagSlugs: ReadonlySet<string>;
}

export type ItemResult = { item?: Item; problems: Problem[] };

/** `relative` is the path below content/articles/, e.g. "2020/niger-toumour-attack.md". */
export async function loadItem(relative: string, ctx: ItemContext): Promise<ItemResult> {
  const file = `content/articles/${relative}`;
  const placement = /^(\d{4})\/([^/]+)\.md$/.exec(relative);
  if (!placement) {
    return { problems: [{ file, field: "", message: "must be at content/articles/<year>/<slug>.md" }] };
  }
  const year = Number(placement[1]);
  const slug = placement[2] ?? "";
  const problems: Problem[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    problems.push({ file, field: "file name", message: "must be a slug: lower-case letters, digits and single hyphens", value: `${slug}.md` });
  }

  const source = await readFile(path.join(ctx.root, file), "utf8");
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) {
    problems.push({ file, field: "front matter", message: parsed.message, ...(parsed.line ? { line: parsed.line } : {}) });
    return { problems };
  }
  const fm = parsed.value;
  const result = itemFrontMatterSchema.safeParse(fm.data);
  if (!result.success) {
    problems.push(...problemsFromZod(result.error, fm.data, { file, lineOf: fm.lineOf, knownFields: ITEM_FIELDS }));
    return { problems };
  }
  const data = result.data;
  const at = (fieldPath: (string | number)[]) => {
    const line = fm.lineOf(fieldPath);
    return line === undefined ? {} : { line };
  };

  const date = parseItemDate(data.date, ctx.zone);
  if (!date.ok) problems.push({ file, ...at(["date"]), field: "date", message: date.message, value: data.date });

  data.countries.forEach((country, index) => {
    if (!ctx.countrySlugs.has(country)) {
      const message = withSuggestion(`unknown country "${country}"`, country, [...ctx.countrySlugs]);
      problems.push({ file, ...at(["countries", index]), field: "countries", message });
    }
  });
  data.tags.forEach((tag, index) => {
    if (!ctx.tagSlugs.has(tag)) {
      const message = withSuggestion(`unknown tag "${tag}"`, tag, [...ctx.tagSlugs]);
      problems.push({ file, ...at(["tags", index]), field: "tags", message });
    }
  });
  if (!date.ok || problems.length) return { problems };

  const item: Item = {
    slug,
    year,
    file,
    title: data.title,
    date: date.date,
    hasTime: date.hasTime,
    week: weekOf(date.date, ctx.zone),
    countries: unique(data.countries),
    tags: unique(data.tags),
    summary: data.summary,
    source: data.source,
    ...(data.location ? { location: data.location } : {}),
    draft: data.draft,
    scheduled: date.date > ctx.now,
    bodyHtml: renderMarkdown(fm.body),
  };
  return { item, problems };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
