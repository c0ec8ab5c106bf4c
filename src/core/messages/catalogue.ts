// Every word of the interface, per language, as ICU MessageFormat messages in one JSON file a
// language (src/core/messages/en.json, fr.json): the format translators' tools read, with plurals
// and numbers formatted by the language's own rules through intl-messageformat (FormatJS).
// Templates call `t("key", { count })`; the domain code (week titles, incident labels) too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { PROJECT } from "../project.ts";

/** The languages a catalogue exists for: the only ones an edition may be in. */
export const CATALOGUE_LANGUAGES = ["en", "fr"] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];

export function isCatalogueLanguage(language: string): language is CatalogueLanguage {
  return (CATALOGUE_LANGUAGES as readonly string[]).includes(language);
}

export type MessageValues = Readonly<Record<string, string | number | Date>>;

export class Catalogue {
  readonly #compiled = new Map<string, IntlMessageFormat>();
  /**
   * Messages already formatted with no values or with numbers alone ("12 items"): the same few
   * on thousands of pages, where formatting a plural costs microseconds each time.
   */
  readonly #formatted = new Map<string, string>();

  constructor(
    readonly language: CatalogueLanguage,
    readonly messages: Readonly<Record<string, string>>,
  ) {}

  /** The message `key` with its values in; a key the catalogue lacks fails the build. */
  t(key: string, values?: MessageValues): string {
    const remembered = values === undefined ? key : Object.values(values).every((v) => typeof v === "number") ? `${key}\u0000${JSON.stringify(values)}` : undefined;
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
      if (message === undefined) throw new Error(`The ${this.language} message catalogue (src/core/messages/${this.language}.json) has no message "${key}"`);
      // ignoreTag: a message is plain text; the templates escape it, and "<" means "<".
      format = new IntlMessageFormat(message, this.language, undefined, { ignoreTag: true });
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
    if (!format) this.#numbers.set(key, (format = new Intl.NumberFormat(this.language, options)));
    return format.format(value);
  }

  readonly #numbers = new Map<string, Intl.NumberFormat>();
}

const catalogues = new Map<CatalogueLanguage, Catalogue>();

/** The catalogue of `language`, read once a process. */
export function catalogueOf(language: CatalogueLanguage): Catalogue {
  let found = catalogues.get(language);
  if (!found) {
    const file = path.join(PROJECT, "src", "core", "messages", `${language}.json`);
    found = new Catalogue(language, JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
    catalogues.set(language, found);
  }
  return found;
}
