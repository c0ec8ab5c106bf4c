// Every address of the site, each pattern spelled once, here. A pattern's `:name` stands for one
// path segment (a slug, a week, a year); `fill` makes a page's path from it, and the page table
// (src/pages/table.ts) declares its kinds' URL patterns from the same objects. Paths start at
// the site's (or the edition's) root: "/issues/2020-w49/"; `SiteUrls` adds the base path or
// origin when the site is published under a sub-path such as https://example.org/sahel-digest/.
// Templates never spell a path: they read a view's (`item.path`) or ask `pathOf("search")`.
import type { Week } from "../core/weeks.ts";

type Values<N extends string> = { readonly [K in N]: string | number };

/** An address pattern and the function that fills it. */
export interface Route<N extends string = never> {
  /** "/issues/:week/" */
  readonly pattern: string;
  /** Every pattern the route's pages take: one, or a listing's first page and its next ones. */
  readonly patterns: readonly string[];
  fill(values: Values<N>): string;
  /** Whether a path is one of the route's (any value in each `:name`). */
  matches(path: string): boolean;
}

function fillPattern(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/:([a-z]+)/gi, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${pattern}: no value for :${name}`);
    return String(value);
  });
}

function matcher(patterns: readonly string[]): (path: string) => boolean {
  const expressions = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/:[a-z]+/gi, "[^/]+")}$`));
  return (path) => expressions.some((expression) => expression.test(path));
}

function route<N extends string = never>(pattern: string): Route<N> {
  return { pattern, patterns: [pattern], fill: (values) => fillPattern(pattern, values), matches: matcher([pattern]) };
}

/** A listing's pages: the first at the pattern, the next ones below it: /countries/mali/page/2/. */
interface PagedRoute<N extends string> extends Route<N | "page"> {
  /** The listing's page `page` (1: its first). */
  page(values: Values<N>, page?: number): string;
}

function paged<N extends string>(pattern: string): PagedRoute<N> {
  const next = `${pattern}page/:page/`;
  const patterns = [pattern, next];
  return {
    pattern,
    patterns,
    fill: (values) => fillPattern(Number(values.page) === 1 ? pattern : next, values),
    page: (values, page = 1) => fillPattern(page === 1 ? pattern : next, { ...values, page }),
    matches: matcher(patterns),
  };
}

/** The folders of the files copied as they are (templates/css, templates/js), shared by every edition. */
export const ASSET_FOLDERS = { css: "/css/", js: "/js/", img: "/img/" } as const;
/** The same folders by name below the site's root ("css"): what Eleventy copies from the templates as they are. */
export const ASSET_FOLDER_NAMES = Object.values(ASSET_FOLDERS).map((folder) => folder.replace(/^\/|\/$/g, ""));

/** The files beside a page that follow it as feeds: /countries/mali/feed.xml and feed.json. */
export const FEED_FILES = { atom: "feed.xml", json: "feed.json" } as const;

/** Every address pattern of the site. */
export const routes = {
  home: route("/"),
  archive: route("/issues/"),
  year: route<"year">("/issues/:year/"),
  issue: route<"week">("/issues/:week/"),
  /** The preview images message apps show beside a shared link: an issue's, a country's, the site's (src/pages/share-card.ts). */
  issueCard: route<"week">("/issues/:week/card.png"),
  countryCard: route<"slug">("/countries/:slug/card.png"),
  siteCard: route("/card.png"),
  /** An issue's email edition and its plain-text twin. */
  issueEmail: route<"week">("/issues/:week/email.html"),
  issueEmailText: route<"week">("/issues/:week/email.txt"),
  /** An issue's open data as it was published: "/issues/2020-w49/data/incidents.csv". */
  issueDataFile: route<"week" | "file">("/issues/:week/data/:file"),
  /** Every item's page is below it, and its feed follows every item. */
  articles: route("/articles/"),
  item: route<"year" | "slug">("/articles/:year/:slug/"),
  countries: route("/countries/"),
  country: paged<"slug">("/countries/:slug/"),
  tags: route("/tags/"),
  tag: paged<"slug">("/tags/:slug/"),
  regions: route("/regions/"),
  region: route<"slug">("/regions/:slug/"),
  incidentTypes: route("/incidents/"),
  incidentType: paged<"type">("/incidents/:type/"),
  subscribe: route("/subscribe/"),
  /** The months of the whole digest, and each one's roll-up, email edition and plain text; its feeds follow the list. */
  months: route("/months/"),
  month: route<"month">("/months/:month/"),
  monthEmail: route<"month">("/months/:month/email.html"),
  monthEmailText: route<"month">("/months/:month/email.txt"),
  monthsRss: route("/months/rss.xml"),
  /** A country's and a region's month ("/countries/mali/months/2020-12/"). */
  countryMonth: route<"slug" | "month">("/countries/:slug/months/:month/"),
  regionMonth: route<"slug" | "month">("/regions/:slug/months/:month/"),
  /** Every correction of any item; its feed follows it. */
  corrections: route("/corrections/"),
  /** How the digest knows what it says: precision, tolls, accounts, grades, corrections, ids, sources. */
  methodology: route("/methodology/"),
  search: route("/search/"),
  /** Where the search index's bundles are written, one folder a year: /pagefind/2020/. */
  searchIndex: route("/pagefind/"),
  data: route("/data/"),
  /** The open data: all of it, or one country's ("/data/countries/mali/incidents.csv"). */
  dataFile: route<"file">("/data/:file"),
  countryDataFile: route<"slug" | "file">("/data/countries/:slug/:file"),
  /** One region's geographic files ("/data/regions/menaka/incidents.geojson"). */
  regionDataFile: route<"slug" | "file">("/data/regions/:slug/:file"),
  notFound: route("/404.html"),
  rss: route("/rss.xml"),
  opml: route("/feeds.opml"),
  /** Feed lists to import whole, each without overlap: the actors and themes, and the regions. */
  opmlTags: route("/feeds-actors-themes.opml"),
  opmlRegions: route("/feeds-regions.opml"),
  sitemap: route("/sitemap.xml"),
  stylesheet: route(`${ASSET_FOLDERS.css}site.css`),
  searchScript: route(`${ASSET_FOLDERS.js}search.js`),
  /** The site's icon: linked from every page, so no browser asks the host's root for /favicon.ico. */
  favicon: route(`${ASSET_FOLDERS.img}favicon.svg`),
};

/** The pages whose own feeds follow them (Atom and JSON), in the order of the feed kinds. */
export const FEED_PAGES: readonly Route<string>[] = [routes.home, routes.articles, routes.country, routes.tag, routes.region, routes.corrections, routes.months];

/** A fixed route's path by its name; fails on a name the site has not. */
export function pathOf(name: string): string {
  const found = (routes as Record<string, Route<string> | undefined>)[name];
  if (!found || /:[a-z]/i.test(found.pattern)) throw new Error(`pathOf("${name}"): the site has no fixed path of that name (${fixedRouteNames().join(", ")})`);
  return found.pattern;
}

function fixedRouteNames(): string[] {
  return Object.entries(routes).filter(([, r]) => !/:[a-z]/i.test(r.pattern)).map(([name]) => name);
}

/** The paths pages are made with, filled from the routes above. */
export const paths = {
  home: routes.home.pattern,
  archive: routes.archive.pattern,
  countries: routes.countries.pattern,
  tags: routes.tags.pattern,
  subscribe: routes.subscribe.pattern,
  corrections: routes.corrections.pattern,
  methodology: routes.methodology.pattern,
  notFound: routes.notFound.pattern,
  rss: routes.rss.pattern,
  opml: routes.opml.pattern,
  opmlTags: routes.opmlTags.pattern,
  opmlRegions: routes.opmlRegions.pattern,
  sitemap: routes.sitemap.pattern,
  search: routes.search.pattern,
  searchIndex: routes.searchIndex.pattern,
  incidentTypes: routes.incidentTypes.pattern,
  regions: routes.regions.pattern,
  data: routes.data.pattern,
  itemsFeedBase: routes.articles.pattern,
  months: routes.months.pattern,
  monthsRss: routes.monthsRss.pattern,
  month: (id: string) => routes.month.fill({ month: id }),
  monthEmail: (id: string) => routes.monthEmail.fill({ month: id }),
  monthEmailText: (id: string) => routes.monthEmailText.fill({ month: id }),
  countryMonth: (slug: string, id: string) => routes.countryMonth.fill({ slug, month: id }),
  regionMonth: (slug: string, id: string) => routes.regionMonth.fill({ slug, month: id }),
  issue: (w: Week) => routes.issue.fill({ week: w.slug }),
  /** The week's address as editors write it ("/issues/2021-W01/"): a redirect to the issue's. */
  issueAsWritten: (w: Week) => routes.issue.fill({ week: w.id }),
  email: (w: Week) => routes.issueEmail.fill({ week: w.slug }),
  issueCard: (w: Week) => routes.issueCard.fill({ week: w.slug }),
  countryCard: (slug: string) => routes.countryCard.fill({ slug }),
  siteCard: routes.siteCard.pattern,
  emailText: (w: Week) => routes.issueEmailText.fill({ week: w.slug }),
  year: (year: number) => routes.year.fill({ year }),
  item: (year: number, slug: string) => routes.item.fill({ year, slug }),
  country: (slug: string, page = 1) => routes.country.page({ slug }, page),
  tag: (slug: string, page = 1) => routes.tag.page({ slug }, page),
  incidentType: (type: string, page = 1) => routes.incidentType.page({ type }, page),
  region: (slug: string) => routes.region.fill({ slug }),
  dataFile: (file: string, country?: string) => (country ? routes.countryDataFile.fill({ slug: country, file }) : routes.dataFile.fill({ file })),
  regionDataFile: (file: string, region: string) => routes.regionDataFile.fill({ slug: region, file }),
  issueDataFile: (w: Week, file: string) => routes.issueDataFile.fill({ week: w.slug, file }),
  /** The same page in an edition's folder ("fr/"): "/issues/2020-w49/" → "/fr/issues/2020-w49/". */
  inEdition: (sitePath: string, folder: string) => `/${folder}${sitePath.replace(/^\//, "")}`,
  /** The Atom and JSON feeds that follow a page. */
  feedsOf: (page: string) => ({ atomPath: `${page}${FEED_FILES.atom}`, jsonPath: `${page}${FEED_FILES.json}` }),
};

/**
 * A file every edition shares, at the site's root whatever the page that links it: the open
 * data's files, the sitemap, the stylesheet and scripts. (The open data's page is per edition.)
 */
export function sharedByEditions(sitePath: string): boolean {
  return (
    ((routes.dataFile.matches(sitePath) || routes.countryDataFile.matches(sitePath) || routes.regionDataFile.matches(sitePath) || routes.issueDataFile.matches(sitePath)) && /\.(?:csv|json|geojson|kml)$/.test(sitePath)) ||
    sitePath === routes.sitemap.pattern ||
    Object.values(ASSET_FOLDERS).some((folder) => sitePath.startsWith(folder))
  );
}

/** An edition's addresses, worked out once per edition (the digest's `edition.urls`). */
export class SiteUrls {
  /** "https://example.org" */
  readonly origin: string;
  /** "/sahel-digest/" or "/" */
  readonly basePath: string;

  // Private, so a digest holding these stays plain data to JSON (no circle through `shared`).
  readonly #root: SiteUrls | undefined;

  /** `siteUrl`: the edition's address; `rootUrl`: the site's, when the edition is under it. */
  constructor(siteUrl: string, rootUrl?: string) {
    const url = new URL(siteUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    this.#root = rootUrl && rootUrl !== siteUrl ? new SiteUrls(rootUrl) : undefined;
  }

  /** The site's own addresses, for the files every edition shares: these, for the default edition. */
  get shared(): SiteUrls {
    return this.#root ?? this;
  }

  /**
   * As data (a digest written out as JSON, a page's key): its addresses and the site's own where
   * they differ, which the files every edition shares are linked at.
   */
  toJSON(): { origin: string; basePath: string; shared?: { origin: string; basePath: string } } {
    return { origin: this.origin, basePath: this.basePath, ...(this.#root ? { shared: this.#root.toJSON() } : {}) };
  }

  /** A site path as a link that works under the base path. */
  href(path: string): string {
    return path.startsWith("/") ? this.basePath + path.slice(1) : path;
  }

  /** A site path as a full URL, for feeds, the sitemap and canonical links. */
  absolute(path: string): string {
    return this.origin + this.href(path);
  }

  /** The same page in another edition (its folder, "fr/" or ""), as a link from the site's root. */
  inEdition(sitePath: string, folder: string): string {
    return this.shared.href(paths.inEdition(sitePath, folder));
  }
}
