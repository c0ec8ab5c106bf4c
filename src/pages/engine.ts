// The template engine's one room: the only module of src/ that knows Nunjucks. Every page, feed
// and email is rendered here, from one templates folder (the configured one), with the same
// filters and globals; the rest of the code asks for a template rendered with a view.
//
// Templates extend "layouts/base.njk" and include "partials/...", named from the templates
// folder, with plain Nunjucks inheritance, so a template renders with or without Eleventy. Editor
// text is escaped (autoescape, except in the email's text part); a misspelt variable fails the
// build instead of printing nothing (throwOnUndefined). What a template may read is its view
// (src/digest/views.ts): `checkViews` makes every read of a field a view does not have a failure
// (tests/unit/template-views.test.ts), and costs nothing when it is off.
import { readFileSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import type { Digest } from "../digest/digest.ts";
import { pathOf } from "../digest/paths.ts";
import { markLegend } from "../digest/incidents/marks.ts";
import { CARD_PIXELS } from "./share-card.ts";
import { TOOLS_LANGUAGE } from "../core/tools-language.ts";
import { CORRECTION_COLUMNS, COUNT_COLUMNS, COUNTRY_COLUMNS, describeColumn, INCIDENT_COLUMNS, INCIDENT_HXL, ITEM_COLUMNS, REGION_COLUMNS, RETIRED_COLUMNS, type Column } from "./open-data.ts";
import { wordGlobals, type Markup } from "./words.ts";
import { htmlToText } from "./plain-text.ts";
import { newsArticle, scriptJson } from "./json-ld.ts";
import type { ItemView } from "../digest/views.ts";
import { recordingViews, type ViewRead } from "./view-check.ts";
import { Remembered } from "../core/remembered.ts";

/** Markup (HTML, XML: escaped) or text (the email's plain-text part: printed as it is). */
export type Output = "markup" | "text";

export interface EngineOptions {
  /** Globals every template sees besides the engine's own (the preview's reload script hash). */
  readonly globals?: Readonly<Record<string, unknown>>;
  /**
   * Tests and debugging: every view a template sees is watched, and each read of a field the
   * view does not have is told here. Rendering is slower then; never on in a build.
   */
  readonly checkViews?: (read: ViewRead) => void;
}

export interface TemplateEngine {
  /** `template` (below the templates folder) rendered for the edition `digest`, which it sees as `digest`, with `view`. */
  render(digest: Digest, template: string, view: Readonly<Record<string, unknown>>, output?: Output): string;
  /** An environment for Eleventy's own use (its "njk" library), for whichever edition `current()` gives. */
  library(current: () => Digest): unknown;
}

/**
 * The engine over the templates folder `templates`. Compiled templates are kept as long as the
 * engine is: make one a build, so an edited template is compiled again.
 */
export function templateEngine(templates: string, options: EngineOptions = {}): TemplateEngine {
  const folder = path.resolve(templates);
  // One environment an edition and output: its words and links are its own.
  const editions = new WeakMap<Digest, Partial<Record<Output, { env: nunjucks.Environment; compiled: Map<string, nunjucks.Template> }>>>();
  const check = options.checkViews;
  return {
    render(digest, template, view, output = "markup") {
      let ofEdition = editions.get(digest);
      if (!ofEdition) editions.set(digest, (ofEdition = {}));
      const made = (ofEdition[output] ??= { env: environment(folder, () => digest, output, options.globals), compiled: new Map() });
      let compiled = made.compiled.get(template);
      if (!compiled) made.compiled.set(template, (compiled = made.env.getTemplate(template, true)));
      const context = { digest, ...view };
      return compiled.render(check ? recordingViews(context, template, check) : context);
    },
    library: (current) => environment(folder, current, "markup", options.globals),
  };
}

const escape = (nunjucks.lib as unknown as { escape(text: string): string }).escape;

/** Nunjucks' markup, for the templates' words (src/pages/words.ts). */
export const MARKUP: Markup = {
  safe: (html) => new nunjucks.runtime.SafeString(html),
  isSafe: (value) => value instanceof nunjucks.runtime.SafeString,
  escape,
};

/** What Nunjucks' compiler reads of an environment's options (autoescape is read as a page renders). */
const COMPILE_OPTIONS = { throwOnUndefined: true } as const;

/**
 * Templates compiled, by file and text, for every environment of the process: the same
 * template is the same code in each edition's environments, the email's text and Eleventy's,
 * and in the next build of a process that builds again (the preview, the tests). What Nunjucks
 * compiles holds no environment: it is given one when it renders, as precompiled templates are.
 */
/** Enough for every template of a few versions of the folder. */
const compiledTemplates = new Remembered<unknown>(500);

/** A name not in the folder, to Nunjucks (left out of @types/nunjucks, as is its compiler). */
const NOT_HERE = null as unknown as nunjucks.LoaderSource;
const compiler = (nunjucks as unknown as { compiler: { compile(text: string, asyncFilters: string[], extensions: unknown[], name: string, options: object): string } }).compiler;

/**
 * A loader of the templates folder, as Nunjucks' FileSystemLoader (a name below the folder, or
 * nothing), that gives each template compiled. A template that does not compile is given as
 * text, for Nunjucks to fail on as it always does, naming the file.
 */
class CompiledLoader extends nunjucks.Loader implements nunjucks.ILoader {
  /** Each file's name, as FileSystemLoader keeps it: Eleventy's watcher forgets an edited template by it. */
  readonly pathsToNames: Record<string, string> = {};

  constructor(private readonly folder: string) {
    super();
  }

  getSource(name: string): nunjucks.LoaderSource {
    const file = path.resolve(this.folder, name);
    if (!file.startsWith(this.folder + path.sep)) return NOT_HERE;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      // Not there; any other failure (a file that may not be read) is said as it is.
      if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return NOT_HERE;
      throw error;
    }
    this.pathsToNames[file] = name;
    let compiled: unknown;
    try {
      // The compiler takes the file's path for templates it includes relative to it.
      compiled = compiledTemplates.get(`${file}\0${text}`, () => new Function(compiler.compile(text, [], [], file, COMPILE_OPTIONS))());
    } catch {
      return { src: text, path: file, noCache: false };
    }
    // Typed as text by @types/nunjucks; Nunjucks takes compiled code as {type: "code"}.
    return { src: { type: "code", obj: compiled } as unknown as string, path: file, noCache: false };
  }
}

/** A language as Open Graph writes a locale: "fr" → "fr_FR", "en" → "en_US", "en-GB" → "en_GB". Asked on every page, and ICU's answer is slow: worked out once a language. */
const ogLocales = new Map<string, string>();
function ogLocale(language: string): string {
  let known = ogLocales.get(language);
  if (known === undefined) {
    const locale = new Intl.Locale(language).maximize();
    known = locale.region ? `${locale.language}_${locale.region}` : locale.language;
    ogLocales.set(language, known);
  }
  return known;
}

function environment(folder: string, digest: () => Digest, output: Output, globals: Readonly<Record<string, unknown>> = {}): nunjucks.Environment {
  const markup = output === "markup";
  const env = new nunjucks.Environment(new CompiledLoader(folder), { ...COMPILE_OPTIONS, autoescape: markup });
  const urls = () => digest().edition.urls;
  // A site path as a link under the base path, and as a full URL (feeds, sitemap, canonical, email).
  env.addFilter("href", (sitePath: string) => urls().href(sitePath));
  env.addFilter("absoluteUrl", (sitePath: string) => urls().absolute(sitePath));
  // The files every edition shares (stylesheet, script, open data, sitemap) are at the site's
  // root; the same page in another edition is in that edition's folder.
  env.addFilter("rootHref", (sitePath: string) => urls().inEdition(sitePath, ""));
  env.addFilter("editionHref", (sitePath: string, folder: string) => urls().inEdition(sitePath, folder));
  env.addFilter("editionUrl", (sitePath: string, folder: string) => urls().origin + urls().inEdition(sitePath, folder));
  env.addFilter("ogLocale", ogLocale);
  // An address as a reader would write it: "mailto:digest@example.org?subject=…" → "digest@example.org".
  env.addFilter("addressText", (address: string) => (address.startsWith("mailto:") ? decodeURIComponent(address.slice(7).split("?")[0]!) : address));
  // Whether the page's view gives a block (templates/layouts/base.njk captures its title and
  // description once, for the page and its share tags). Nunjucks calls a global with the
  // render's context as `this`.
  env.addGlobal("hasBlock", function (this: { blocks?: Record<string, unknown[] | undefined> }, name: string) {
    return Boolean(this.blocks?.[name]?.length);
  });
  // A page every edition has, by its name in src/digest/paths.ts: `pathOf("search") | href`.
  env.addGlobal("pathOf", pathOf);
  // The language the checker's problems are in, where the preview shows them.
  env.addGlobal("toolsLanguage", TOOLS_LANGUAGE);
  // The share cards' size in pixels, which every page's head gives beside the image.
  env.addGlobal("cardPixels", CARD_PIXELS);
  // Rendered Markdown as text, for the email's text part.
  env.addFilter("plain", (html: string) => htmlToText(String(html)));
  // Every word of the interface, in the edition's language (src/core/messages/); ` lang="en"` on a
  // text an editor wrote in another language than the page's (an item nobody translated, the
  // editors' reasons in the French edition), and `inLanguage(text, language)`: the text,
  // escaped, in a span that says its language if it must.
  for (const [name, value] of Object.entries(wordGlobals(() => digest().edition.words, () => digest().edition.language, MARKUP, markup))) env.addGlobal(name, value);
  // Text for a place a reader reads as HTML inside XML (RSS's <description>): escaped for HTML
  // here, and for XML by autoescaping on top, so an editor's "<img>" is shown, never loaded.
  // Only what HTML text needs ("&", "<", ">"): quotes need no escaping outside attributes.
  env.addFilter("htmlText", (text: unknown) => String(text).replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c as "&"]));
  // For JSON Feed: a JSON string literal. String() turns Nunjucks' captured (safe) output into text.
  env.addFilter("json", (value: unknown) => JSON.stringify(typeof value === "object" && value !== null && !Array.isArray(value) ? String(value) : value));
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);
  // The digest's clock in words, never its zone id ("Africa/Bamako"): "Bamako time (GMT+0)",
  // "heure de Bamako (UTC+0)"; a zone with summer time gives both offsets. From the site's
  // settings alone, so the same settings say the same thing on any day they are built.
  perEditionGlobal(env, "timeZoneText", digest, (current) => timeZoneText(current));
  // The key to incident marks and the open data's columns, in the edition's words.
  perEditionGlobal(env, "markLegend", digest, (current) => markLegend(current.edition.words));
  perEditionGlobal(env, "dataColumns", digest, (current) => {
    const described = (columns: readonly Column[]) => columns.map((c) => ({ name: c.name, description: describeColumn(c, current.edition.words) }));
    return { incidents: described(INCIDENT_COLUMNS).map((c) => ({ ...c, hxl: INCIDENT_HXL[c.name] })), counts: described(COUNT_COLUMNS), retired: described(RETIRED_COLUMNS), items: described(ITEM_COLUMNS), regions: described(REGION_COLUMNS), countries: described(COUNTRY_COLUMNS), corrections: described(CORRECTION_COLUMNS) };
  });
  // An item's card is the same on every page that lists it (its issue, its countries' and
  // tags' pages, the home page), and a feed entry's content the same in every feed that holds
  // it (all items, its countries', its tags'; Atom and JSON): each is rendered once per build.
  // The card stays a macro in partials/item.njk, the entry a partial.
  env.addGlobal("card", rememberedPerDigest(digest, () => exportedMacro(env, "partials/item.njk", "card")));
  // An incident's row is the same in every table that lists it: its month's pages (the
  // digest's, its country's, its region's) and its country's and region's pages. The variant
  // is whether the row links its region.
  env.addGlobal(
    "incidentRow",
    rememberedPerDigest(digest, () => {
      const row = exportedMacro(env, "partials/incident.njk", "row");
      return (incident, variant) => row(incident, variant === 1);
    }),
  );
  // An item's schema.org NewsArticle, as JSON text safe inside its <script> (src/pages/json-ld.ts).
  env.addGlobal("itemJsonLd", (item: ItemView) => {
    const current = digest();
    return new nunjucks.runtime.SafeString(scriptJson(newsArticle(item, { url: current.edition.urls.absolute(item.path), language: current.edition.language, publisher: current.site.publisher })));
  });
  env.addGlobal("feedEntryHtml", rememberedPerDigest(digest, () => (entry) => new nunjucks.runtime.SafeString(env.render("partials/feed-entry.njk", { entry }))));
  return env;
}

/** The site's time zone as its edition says it: the zone's city and its offset from UTC. */
export function timeZoneText(digest: Digest): string {
  const zone = digest.site.timeZone;
  const city = (zone.split("/").pop() ?? zone).replace(/_/g, " ");
  const format = new Intl.DateTimeFormat(digest.edition.words.locale, { timeZone: zone, timeZoneName: "shortOffset" });
  // Winter's and summer's offsets, on fixed days: equal where the zone keeps one clock all year.
  const offsets = [new Date("2020-01-15T12:00:00Z"), new Date("2020-07-15T12:00:00Z")].map((day) => format.formatToParts(day).find((part) => part.type === "timeZoneName")?.value ?? zone);
  return digest.edition.words.t("layout.timeZone", { city, offset: [...new Set(offsets)].join("/") });
}

/**
 * A global made from the digest, once per digest, when a page first reads it: Eleventy's
 * environment is made before the digest is loaded. (@types/nunjucks leaves out `globals`,
 * where Nunjucks looks a global up by name.)
 */
function perEditionGlobal(env: nunjucks.Environment, name: string, digest: () => Digest, make: (digest: Digest) => unknown): void {
  const made = new WeakMap<Digest, unknown>();
  Object.defineProperty((env as unknown as { globals: object }).globals, name, {
    enumerable: true,
    get: () => {
      const current = digest();
      if (!made.has(current)) made.set(current, make(current));
      return made.get(current);
    },
  });
}

/**
 * `render(key, variant)`, remembered by key object and variant while the digest stays the
 * same: the preview's next rebuild may bring new templates or a new base URL.
 */
function rememberedPerDigest(digest: () => Digest, start: () => (key: object, variant: number) => unknown): (key: object, variant?: number) => unknown {
  let remembered = new WeakMap<object, unknown[]>();
  let render: ((key: object, variant: number) => unknown) | undefined;
  let of: Digest | undefined;
  return (key, variant = 0) => {
    if (of !== digest() || !render) {
      remembered = new WeakMap();
      render = start();
      of = digest();
    }
    let byVariant = remembered.get(key);
    if (!byVariant) remembered.set(key, (byVariant = []));
    return (byVariant[variant] ??= render(key, variant));
  };
}

/** A macro a template exports, as a function; Nunjucks compiles templates synchronously here. */
function exportedMacro(env: nunjucks.Environment, template: string, name: string): (...args: unknown[]) => unknown {
  let macro: unknown;
  // getExported is left out of @types/nunjucks.
  const compiled = env.getTemplate(template, true) as nunjucks.Template & { getExported(cb: (error: Error | null, exported: Record<string, unknown>) => void): void };
  compiled.getExported((error, exported) => {
    if (error) throw error;
    macro = exported[name];
  });
  if (typeof macro !== "function") throw new Error(`${template} exports no macro "${name}"`);
  return macro as (...args: unknown[]) => unknown;
}
