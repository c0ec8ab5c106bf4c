// The templates' `t(key, values)`: a message of a catalogue, with its values in, ready to print.
// A message is plain text and the words the templates used to hold inline, so it prints as they
// did: in an escaping (HTML, XML) environment its "&", "<" and ">" are escaped, and quotes and
// apostrophes stay as written (as literal template text always did: every attribute the
// templates write is double-quoted, and tests/unit/messages.test.ts keeps '"' out of the
// messages printed inside one). Its values are escaped as `{{ value }}` escapes them, except
// markup the template made itself (a macro's output, `x | safe`): a link inside a sentence.
// What markup is, and how a value is escaped, is the template engine's (src/pages/engine.ts),
// which hands it in: this module knows no engine.
import { Catalogue, directionOf, type MessageValues } from "../core/messages/catalogue.ts";

export type TemplateValues = Readonly<Record<string, unknown>>;

/** The template engine's markup: text it prints as it is, and its escaping of `{{ value }}`. */
export interface Markup {
  /** Text the engine prints as it is. */
  safe(html: string): unknown;
  isSafe(value: unknown): boolean;
  escape(text: string): string;
}

/** The message's words escaped for markup; "{", "}", "'" and "#", ICU's syntax, are left alone. */
function escapeWords(message: string): string {
  return message.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c as "&"]);
}

const forMarkup = new WeakMap<Catalogue, Catalogue>();

/** The same catalogue with every message's words escaped, made once. */
function markupCatalogue(catalogue: Catalogue): Catalogue {
  let found = forMarkup.get(catalogue);
  if (!found) {
    found = new Catalogue(catalogue.language, Object.fromEntries(Object.entries(catalogue.messages).map(([key, message]) => [key, escapeWords(message)])), catalogue.file, catalogue.locale);
    forMarkup.set(catalogue, found);
  }
  return found;
}

function valuesFor(key: string, values: TemplateValues | undefined, markup: Markup, escape: boolean): MessageValues | undefined {
  if (!values) return undefined;
  const out: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(values)) {
    // As throwOnUndefined does for `{{ x }}`: a misspelt variable fails the build.
    if (value === undefined || value === null) throw new Error(`t("${key}"): the value "${name}" is ${String(value)}`);
    if (typeof value === "number" || value instanceof Date) out[name] = value;
    else if (markup.isSafe(value)) out[name] = String(value);
    else if (typeof value === "string") out[name] = escape ? markup.escape(value) : value;
    else throw new Error(`t("${key}"): the value "${name}" is not text, a number or a date`);
  }
  return out;
}

/**
 * The `t` global of a template environment: `escape` as the environment's own autoescaping. In
 * an escaping one it returns markup (`markup.safe`), which the environment prints as it is.
 */
export function messageFunction(catalogue: () => Catalogue, markup: Markup, escape: boolean): (key: string, values?: TemplateValues) => unknown {
  if (!escape) return (key, values) => catalogue().t(key, valuesFor(key, values, markup, false));
  return (key, values) => markup.safe(markupCatalogue(catalogue()).t(key, valuesFor(key, values, markup, true)));
}

/**
 * The templates' marks of a text's language, for an edition in `language()`: `langAttr(lang)`
 * gives ` lang="en"` where a text is not in the page's language (nothing where it is), and
 * `inLanguage(text, lang)` the text, escaped, in a span with that attribute where one is needed.
 * In a text (not markup) environment both leave the text as it is.
 */
export function languageMarks(language: () => string, markup: Markup, escape: boolean) {
  const needed = (lang: string | undefined) => escape && lang !== undefined && lang !== "" && lang !== language();
  // A text written the other way from the page's (French on an Arabic page) says so too, which
  // also isolates it: its punctuation and numbers keep their order inside the page's.
  const attributes = (lang: string) => {
    const dir = directionOf(lang);
    return ` lang="${markup.escape(lang)}"${dir !== directionOf(language()) ? ` dir="${dir}"` : ""}`;
  };
  return {
    langAttr: (lang: string | undefined) => markup.safe(needed(lang) ? attributes(lang!) : ""),
    inLanguage: (text: unknown, lang: string | undefined) => {
      if (text === undefined || text === null) throw new Error(`inLanguage: the text is ${String(text)}`);
      const shown = escape ? markup.escape(String(text)) : String(text);
      return markup.safe(needed(lang) ? `<span${attributes(lang!)}>${shown}</span>` : shown);
    },
  };
}

/**
 * The globals that give templates the interface's words: `t`, in the catalogue `words()` gives,
 * `languageName(tag)`, a language's name in the same words ("French", "anglais"), and the
 * marks of a text in another language than `language()`, the page's.
 */
export function wordGlobals(words: () => Catalogue, language: () => string, markup: Markup, escape: boolean): Record<string, unknown> {
  return { t: messageFunction(words, markup, escape), languageName: (tag: string) => words().languageName(tag), ...languageMarks(language, markup, escape) };
}
