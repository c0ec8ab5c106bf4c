// The templates' `t(key, values)`: a message of a catalogue, with its values in, ready to print.
// A message is plain text and the words the templates used to hold inline, so it prints as they
// did: in an escaping (HTML, XML) environment its "&", "<" and ">" are escaped, and quotes and
// apostrophes stay as written (as literal template text always did: every attribute the
// templates write is double-quoted, and tests/unit/messages.test.ts keeps '"' out of the
// messages printed inside one). Its values are escaped as `{{ value }}` escapes them, except
// markup the template made itself (a macro's output, `x | safe`): a link inside a sentence.
import nunjucks from "nunjucks";
import { Catalogue, type MessageValues } from "../core/messages/catalogue.ts";

export type TemplateValues = Readonly<Record<string, unknown>>;

/** The message's words escaped for markup; "{", "}", "'" and "#", ICU's syntax, are left alone. */
function escapeWords(message: string): string {
  return message.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c as "&"]);
}

// Nunjucks' own escaping of `{{ value }}` (left out of @types/nunjucks).
const escapeValue = (nunjucks.lib as unknown as { escape(text: string): string }).escape;

const forMarkup = new WeakMap<Catalogue, Catalogue>();

/** The same catalogue with every message's words escaped, made once. */
function markupCatalogue(catalogue: Catalogue): Catalogue {
  let found = forMarkup.get(catalogue);
  if (!found) {
    found = new Catalogue(catalogue.language, Object.fromEntries(Object.entries(catalogue.messages).map(([key, message]) => [key, escapeWords(message)])));
    forMarkup.set(catalogue, found);
  }
  return found;
}

function valuesFor(key: string, values: TemplateValues | undefined, escape: boolean): MessageValues | undefined {
  if (!values) return undefined;
  const out: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(values)) {
    // As throwOnUndefined does for `{{ x }}`: a misspelt variable fails the build.
    if (value === undefined || value === null) throw new Error(`t("${key}"): the value "${name}" is ${String(value)}`);
    if (typeof value === "number" || value instanceof Date) out[name] = value;
    else if (value instanceof nunjucks.runtime.SafeString) out[name] = String(value);
    else if (typeof value === "string") out[name] = escape ? escapeValue(value) : value;
    else throw new Error(`t("${key}"): the value "${name}" is not text, a number or a date`);
  }
  return out;
}

/**
 * The `t` global of a Nunjucks environment: `autoescape` as the environment's own. In an
 * escaping one it returns markup (a SafeString), which the environment prints as it is.
 */
export function messageFunction(catalogue: () => Catalogue, autoescape: boolean): (key: string, values?: TemplateValues) => string | nunjucks.runtime.SafeString {
  if (!autoescape) return (key, values) => catalogue().t(key, valuesFor(key, values, false));
  return (key, values) => new nunjucks.runtime.SafeString(markupCatalogue(catalogue()).t(key, valuesFor(key, values, true)));
}

/**
 * The templates' marks of a text's language, for an edition in `language()`: `langAttr(lang)`
 * gives ` lang="en"` where a text is not in the page's language (nothing where it is), and
 * `inLanguage(text, lang)` the text, escaped, in a span with that attribute where one is needed.
 * In a text (not markup) environment both leave the text as it is.
 */
export function languageMarks(language: () => string, markup: boolean) {
  const needed = (lang: string | undefined) => markup && lang !== undefined && lang !== "" && lang !== language();
  return {
    langAttr: (lang: string | undefined) => new nunjucks.runtime.SafeString(needed(lang) ? ` lang="${escapeValue(lang!)}"` : ""),
    inLanguage: (text: unknown, lang: string | undefined) => {
      if (text === undefined || text === null) throw new Error(`inLanguage: the text is ${String(text)}`);
      const shown = markup ? escapeValue(String(text)) : String(text);
      return new nunjucks.runtime.SafeString(needed(lang) ? `<span lang="${escapeValue(lang!)}">${shown}</span>` : shown);
    },
  };
}

/**
 * Gives a Nunjucks environment the interface's words: `t`, in the catalogue `words()` gives,
 * `languageName(tag)`, a language's name in the same words ("French", "anglais"), and
 * the marks of a text in another language than `language()`, the page's. The pages'
 * environments (src/publish/eleventy-plugin.ts) and the emails' (src/pages/email.ts) both.
 */
export function addWords(env: nunjucks.Environment, words: () => Catalogue, language: () => string, autoescape: boolean): void {
  env.addGlobal("t", messageFunction(words, autoescape));
  env.addGlobal("languageName", (language: string) => words().languageName(language));
  const marks = languageMarks(language, autoescape);
  env.addGlobal("langAttr", marks.langAttr);
  env.addGlobal("inLanguage", marks.inLanguage);
}
