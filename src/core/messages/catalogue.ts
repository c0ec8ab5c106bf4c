// Every word of the interface, per language, as ICU MessageFormat messages in one JSON file a
// language: the format translators' tools read, with plurals and numbers formatted by the
// language's own rules through intl-messageformat (FormatJS). Templates call
// `t("key", { count })`; the domain code (week titles, incident labels) too.
//
// A language is data, not code: the catalogues this project ships are in messages/ at its root
// (one <language>.json each), and a site adds a language, or rewords one of those, with its own
// content/_messages/<language>.json (which then replaces the shipped file of that language
// whole). Nothing here knows which languages exist: the site's editions ask for them, and the
// loader reports an edition without a catalogue, or a catalogue without every message, before
// anything is built (checkCatalogues). Names of languages come from the platform's ICU
// (Intl.DisplayNames), so no catalogue lists the others.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { PROJECT } from "../project.ts";
import type { Problem } from "../problems.ts";

/** The catalogues this project ships: messages/<language>.json at its root. */
export const SHIPPED_MESSAGES = path.join(PROJECT, "messages");

export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** Values with more text than this are formatted every time: a long text is seldom given twice. */
const REMEMBERED_TEXT = 80;

/**
 * Values as a key of the formatted messages, each as it formats; undefined for values not
 * worth remembering (a date, a long text). JSON.stringify writes -0 as 0 (and NaN and Infinity
 * as null), so a message once formatted with -0 ("-0 incidents") was then given for every real
 * 0 of the build. A text is tagged and length-prefixed: no two sets of values share a key.
 */
function valuesKey(values: MessageValues): string | undefined {
  let key = "";
  let text = 0;
  for (const name in values) {
    const value = values[name]!;
    if (typeof value === "number") key += `${name}\u0001n${Object.is(value, -0) ? "-0" : String(value)}\u0000`;
    else if (typeof value === "string" && (text += value.length) <= REMEMBERED_TEXT) key += `${name}\u0001s${value.length}:${value}\u0000`;
    else return undefined;
  }
  return key;
}

export class Catalogue {
  readonly #compiled = new Map<string, IntlMessageFormat>();
  /**
   * Messages already formatted with no values, or with numbers and short texts ("12 items",
   * "Mali:"): the same few on thousands of pages, where formatting costs microseconds each time.
   */
  readonly #formatted = new Map<string, string>();
  #languageNames: Intl.DisplayNames | undefined;

  /**
   * @param language the language its messages are in, as a language tag: what plurals, numbers
   *   and dates are formatted by.
   * @param file where it was read from, for the messages that name it.
   */
  /**
   * The locale dates, numbers and plurals are formatted with: the language's own unless the
   * edition names one ("ar-u-nu-latn": Arabic with Western digits), from the platform's ICU.
   */
  readonly locale: string;

  constructor(
    readonly language: string,
    readonly messages: Readonly<Record<string, string>>,
    readonly file = `${language}.json`,
    locale?: string,
  ) {
    this.locale = locale ?? language;
  }

  /** The same messages formatted in another locale of their language: made once per locale. */
  inLocale(locale: string | undefined): Catalogue {
    if (locale === undefined || locale === this.locale) return this;
    let found = this.#locales.get(locale);
    if (!found) this.#locales.set(locale, (found = new Catalogue(this.language, this.messages, this.file, locale)));
    return found;
  }

  readonly #locales = new Map<string, Catalogue>();

  /** Which way the language is written, from the platform's ICU: "rtl" for Arabic, else "ltr". */
  get direction(): Direction {
    return directionOf(this.language);
  }

  /** The message `key` with its values in; a key the catalogue lacks fails the build. */
  t(key: string, values?: MessageValues): string {
    const valued = values === undefined ? "" : valuesKey(values);
    const remembered = valued === undefined ? undefined : `${key}\u0000${valued}`;
    const known = remembered === undefined ? undefined : this.#formatted.get(remembered);
    if (known !== undefined) return known;
    const text = this.#format(key, values);
    if (remembered !== undefined) this.#formatted.set(remembered, text);
    return text;
  }

  #format(key: string, values?: MessageValues): string {
    let format = this.#compiled.get(key);
    if (!format) {
      const message = this.messages[key];
      if (message === undefined) throw new Error(`The ${this.language} message catalogue (${this.file}) has no message "${key}"`);
      // ignoreTag: a message is plain text; the templates escape it, and "<" means "<".
      format = new IntlMessageFormat(message, this.locale, undefined, { ignoreTag: true });
      this.#compiled.set(key, format);
    }
    const text = format.format(values as Record<string, string | number | Date> | undefined);
    if (typeof text !== "string") throw new Error(`The ${this.language} message "${key}" did not format to text`);
    return text;
  }

  /** A number as the language writes it: 1,234 or 1 234. */
  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    // Making a formatter costs far more than using one: one per set of options.
    const key = JSON.stringify(options);
    let format = this.#numbers.get(key);
    if (!format) this.#numbers.set(key, (format = new Intl.NumberFormat(this.locale, options)));
    return format.format(value);
  }

  readonly #numbers = new Map<string, Intl.NumberFormat>();

  /** Another language's name in this one, as the platform's ICU gives it: "French", "anglais". */
  languageName(language: string): string {
    this.#languageNames ??= new Intl.DisplayNames(this.locale, { type: "language", fallback: "code" });
    return this.#languageNames.of(language) ?? language;
  }

  /** Changes with any message: what the preview's remembered views are checked against. */
  get signature(): string {
    return (this.#signature ??= createHash("sha1").update(this.locale).update("\0").update(JSON.stringify(this.messages)).digest("base64url"));
  }

  #signature: string | undefined;
}

export type Direction = "ltr" | "rtl";

const directions = new Map<string, Direction>();

/**
 * Which way a language is written, as the platform's ICU says (Intl.Locale's text info: a
 * method in newer engines, a getter in Node 20's); "ltr" where it says nothing.
 */
export function directionOf(tag: string): Direction {
  let found = directions.get(tag);
  if (!found) {
    let info: { direction?: string } | undefined;
    try {
      const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
      info = typeof locale.getTextInfo === "function" ? locale.getTextInfo() : locale.textInfo;
    } catch {
      info = undefined;
    }
    directions.set(tag, (found = info?.direction === "rtl" ? "rtl" : "ltr"));
  }
  return found;
}

/** The catalogue a language tag reads: its language alone ("en-GB" reads "en"). */
export function catalogueLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** The catalogues found in some folders, by language; a later folder's replaces an earlier one's. */
export interface Catalogues {
  readonly byLanguage: ReadonlyMap<string, Catalogue>;
  /** Files that are not a catalogue (not JSON, not an object of texts): each a problem. */
  readonly problems: readonly Problem[];
}

// Read again only when a file changed: the preview reads them for every rebuild, and an
// unchanged catalogue stays the same object (its formatted messages, and the views made with it).
const read = new Map<string, { text: string; catalogue: Catalogue }>();

/**
 * Every <language>.json in `folders` (a missing folder has none), a later folder's file of a
 * language in place of an earlier one's. A folder's `shown` is how messages name it
 * ("messages", "content/_messages").
 */
export function readCatalogues(folders: readonly { readonly path: string; readonly shown: string }[]): Catalogues {
  const byLanguage = new Map<string, Catalogue>();
  const problems: Problem[] = [];
  for (const folder of folders) {
    if (!existsSync(folder.path)) continue;
    for (const name of readdirSync(folder.path).filter((n) => n.endsWith(".json")).sort()) {
      const file = path.join(folder.path, name);
      const shown = `${folder.shown}/${name}`;
      const language = name.slice(0, -".json".length);
      const text = readFileSync(file, "utf8");
      const known = read.get(file);
      if (known?.text === text && known.catalogue.file === shown) {
        byLanguage.set(language, known.catalogue);
        continue;
      }
      const messages = parseMessages(text);
      if (typeof messages === "string") {
        problems.push({ file: shown, field: "file", message: messages });
        continue;
      }
      const catalogue = new Catalogue(language, messages, shown);
      read.set(file, { text, catalogue });
      byLanguage.set(language, catalogue);
    }
  }
  return { byLanguage, problems };
}

function parseMessages(text: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `is not JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "must be one JSON object of messages, { \"key\": \"text\" }";
  const notText = Object.entries(parsed).filter(([, value]) => typeof value !== "string").map(([key]) => key);
  if (notText.length) return `must give every message as text; these are not: ${notText.join(", ")}`;
  return parsed as Record<string, string>;
}

/**
 * The messages of `reference` (the default edition's catalogue: every word the pages use) that
 * the catalogue `language` reads lacks, as one problem that names its file and them. Reported
 * before anything is built: a missing word is never filled in from another language.
 */
export function missingMessages(catalogues: ReadonlyMap<string, Catalogue>, reference: Catalogue, language: string): Problem | undefined {
  const catalogue = catalogues.get(catalogueLanguage(language));
  if (!catalogue) return undefined;
  const missing = Object.keys(reference.messages).filter((key) => catalogue.messages[key] === undefined);
  if (!missing.length) return undefined;
  return {
    file: catalogue.file,
    field: "messages",
    message: `lacks ${missing.length === 1 ? "a message" : `${missing.length} messages`} the ${reference.language} catalogue (${reference.file}) has, which the ${language} edition's pages need: ${missing.join(", ")}`,
  };
}
