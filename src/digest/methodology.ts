// The methodology page: how the digest knows what it says, section by section. Every word is the
// catalogues' (messages/<language>.json, keys "methodology.<section>.*"), so the page exists in
// every edition, each in its own words; the template prints the texts, escaping them.
//
// Adding a section is one entry in METHODOLOGY_SECTIONS and its keys in every catalogue:
//   { id: "early-warning", key: "earlyWarning", parts: [{ text: "what" }] }
// with "methodology.earlyWarning.title" as its heading and "methodology.earlyWarning.what" as its
// paragraph. A part is a paragraph (`text`) or a list of terms, each with what it means (`terms`:
// "<list>.<term>" and "<list>.<term>.means"); a function makes parts from the content (the imports).
import type { Content } from "../content/model.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { ruleValues } from "./early-warning.ts";

export type MethodologyPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "terms"; readonly terms: readonly { readonly term: string; readonly means: string }[] };

export interface MethodologySection {
  /** The section's anchor on the page (#tolls). */
  readonly id: string;
  readonly title: string;
  readonly parts: readonly MethodologyPart[];
}

/** What a section's parts may depend on: only content every edition shares. */
export type MethodologyContent = Pick<Content, "externalCounts">;

/** A paragraph's key below its section's ("what"), with its values; or a list's key below the section's and its terms. */
type PartSpec = { readonly text: string; readonly values?: Readonly<Record<string, string | number>> } | { readonly list: string; readonly terms: readonly string[] };

interface SectionSpec {
  readonly id: string;
  /** The middle of its keys, when not its id: "methodology.<key>.title". */
  readonly key?: string;
  readonly parts: readonly (PartSpec | ((content: MethodologyContent) => readonly PartSpec[]))[];
}

/** The sections, in the page's order. */
export const METHODOLOGY_SECTIONS: readonly SectionSpec[] = [
  { id: "incidents", parts: [{ text: "what" }, { text: "types" }, { text: "week" }] },
  {
    id: "precision",
    parts: [
      { text: "what" },
      { list: "date", terms: ["day", "week", "month"] },
      { list: "place", terms: ["place", "near", "region", "country"] },
      { text: "acled" },
      { text: "map" },
    ],
  },
  {
    id: "tolls",
    parts: [
      { text: "what" },
      { list: "kind", terms: ["exact", "atLeast", "about", "range", "words"] },
      { text: "sums" },
      { text: "never" },
    ],
  },
  { id: "accounts", parts: [{ text: "what" }, { text: "rule" }, { text: "sources" }] },
  {
    id: "grades",
    parts: [
      { text: "what" },
      { list: "reliability", terms: ["A", "B", "C", "D", "E", "F"] },
      { list: "credibility", terms: ["1", "2", "3", "4", "5", "6"] },
      { text: "note" },
    ],
  },
  { id: "corrections", parts: [{ text: "what" }, { text: "feeds" }] },
  { id: "ids", parts: [{ text: "what" }, { text: "retired" }] },
  // The computed early warning (src/digest/early-warning.ts): its rule filled from its constants, and how months are counted.
  { id: "early-warning", key: "earlyWarning", parts: [{ text: "what" }, { text: "rule", values: ruleValues() }, { text: "months" }] },
  {
    id: "acled",
    parts: [
      { text: "what" },
      (content) => {
        const imports = acledImports(content);
        if (!imports.length) return [{ text: "none" }];
        return imports.map((i) => ({ text: i.filters ? "import" : "importNoFilters", values: { source: i.source, accessed: i.exported, ...(i.filters ? { filters: i.filters } : {}) } }));
      },
      { text: "terms" },
    ],
  },
  { id: "open-data", key: "openData", parts: [{ text: "what" }, { text: "asPublished" }] },
  { id: "licence", parts: [{ text: "own" }, { text: "acled" }] },
  { id: "left-out", key: "leftOut", parts: [{ text: "what" }, { text: "drafts" }] },
];

/** Each import of another organisation's counts once: its source, access date (`exported` when none is recorded) and filters. */
export function acledImports(content: MethodologyContent): { source: string; exported: string; filters?: string }[] {
  const seen = new Map<string, { source: string; exported: string; filters?: string }>();
  for (const count of content.externalCounts) {
    const { filters } = count;
    const accessed = count.accessed ?? count.exported;
    const key = `${count.source}\u0000${accessed}\u0000${filters ?? ""}`;
    if (!seen.has(key)) seen.set(key, { source: count.source, exported: accessed, ...(filters ? { filters } : {}) });
  }
  return [...seen.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.exported < b.exported ? -1 : a.exported > b.exported ? 1 : 0));
}

/** The page's sections in the edition's words, their parts made for this content. */
export function methodologySections(content: MethodologyContent, words: Catalogue): MethodologySection[] {
  return METHODOLOGY_SECTIONS.map((spec) => {
    const key = spec.key ?? spec.id;
    const part = (p: PartSpec): MethodologyPart =>
      "list" in p
        ? { kind: "terms", terms: p.terms.map((term) => ({ term: words.t(`methodology.${key}.${p.list}.${term}`), means: words.t(`methodology.${key}.${p.list}.${term}.means`) })) }
        : { kind: "text", text: words.t(`methodology.${key}.${p.text}`, p.values) };
    return { id: spec.id, title: words.t(`methodology.${key}.title`), parts: spec.parts.flatMap((p) => (typeof p === "function" ? p(content) : [p])).map(part) };
  });
}

/** Every message key the sections can ask for, with these imports: for the catalogues' tests. */
export function methodologyKeys(content: MethodologyContent): string[] {
  return METHODOLOGY_SECTIONS.flatMap((spec) => {
    const key = spec.key ?? spec.id;
    return [
      `methodology.${key}.title`,
      ...spec.parts.flatMap((p) => (typeof p === "function" ? p(content) : [p])).flatMap((p) =>
        "list" in p ? p.terms.flatMap((term) => [`methodology.${key}.${p.list}.${term}`, `methodology.${key}.${p.list}.${term}.means`]) : [`methodology.${key}.${p.text}`],
      ),
    ];
  });
}
