// Every page's path inside the site, in one place. Paths here start at the site's root
// ("/issues/2020-w49/"); `SiteUrls` adds the base path or origin when the site is published
// under a sub-path such as https://example.org/sahel-digest/.
import type { Week } from "../core/weeks.ts";

export const paths = {
  home: "/",
  archive: "/issues/",
  countries: "/countries/",
  tags: "/tags/",
  subscribe: "/subscribe/",
  notFound: "/404.html",
  rss: "/rss.xml",
  opml: "/feeds.opml",
  /** Feed lists to import whole, each without overlap: the actors and themes, and the regions. */
  opmlTags: "/feeds-actors-themes.opml",
  opmlRegions: "/feeds-regions.opml",
  sitemap: "/sitemap.xml",
  issue: (w: Week) => `/issues/${w.slug}/`,
  item: (year: number, slug: string) => `/articles/${year}/${slug}/`,
  country: (slug: string, page = 1) => (page === 1 ? `/countries/${slug}/` : `/countries/${slug}/page/${page}/`),
  search: "/search/",
  /** Where the search index's bundles are written, one folder a year: /pagefind/2020/. */
  searchIndex: "/pagefind/",
  /** An issue's email edition and its plain-text twin. */
  email: (issuePath: string) => `${issuePath}email.html`,
  emailText: (issuePath: string) => `${issuePath}email.txt`,
  year: (year: number) => `/issues/${year}/`,
  incidentTypes: "/incidents/",
  incidentType: (type: string, page = 1) => (page === 1 ? `/incidents/${type}/` : `/incidents/${type}/page/${page}/`),
  regions: "/regions/",
  region: (slug: string) => `/regions/${slug}/`,
  data: "/data/",
  /** The open data: all of it, or one country's ("/data/countries/mali/incidents.csv"). */
  dataFile: (name: string, country?: string) => (country ? `/data/countries/${country}/${name}` : `/data/${name}`),
  /** The same page in an edition's folder ("fr/"): "/issues/2020-w49/" → "/fr/issues/2020-w49/". */
  inEdition: (sitePath: string, folder: string) => `/${folder}${sitePath.replace(/^\//, "")}`,
  tag: (slug: string, page = 1) => (page === 1 ? `/tags/${slug}/` : `/tags/${slug}/page/${page}/`),
  /** The Atom and JSON feeds that follow a page: /countries/mali/feed.xml and feed.json. */
  feedsOf: (page: string) => ({ atomPath: `${page}feed.xml`, jsonPath: `${page}feed.json` }),
  itemsFeedBase: "/articles/",
};

/**
 * A file every edition shares, at the site's root whatever the page that links it: the open
 * data's files, the sitemap, the stylesheet and scripts. (The open data's page is per edition.)
 */
export function sharedByEditions(sitePath: string): boolean {
  return /^\/data\/.+\.(?:csv|json)$/.test(sitePath) || sitePath === paths.sitemap || sitePath.startsWith("/css/") || sitePath.startsWith("/js/");
}

export class SiteUrls {
  /** "https://example.org" */
  readonly origin: string;
  /** "/sahel-digest/" or "/" */
  readonly basePath: string;

  /** The site's own addresses, for the files every edition shares: these, for the default edition. */
  readonly shared: SiteUrls;

  /** `siteUrl`: the edition's address; `rootUrl`: the site's, when the edition is under it. */
  constructor(siteUrl: string, rootUrl?: string) {
    const url = new URL(siteUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    this.shared = rootUrl && rootUrl !== siteUrl ? new SiteUrls(rootUrl) : this;
  }

  /** As data (a digest written out as JSON): its addresses, not the site's it points back to. */
  toJSON(): { origin: string; basePath: string } {
    return { origin: this.origin, basePath: this.basePath };
  }

  /** A site path as a link that works under the base path. */
  href(path: string): string {
    return path.startsWith("/") ? this.basePath + path.slice(1) : path;
  }

  /** A site path as a full URL, for feeds, the sitemap and canonical links. */
  absolute(path: string): string {
    return this.origin + this.href(path);
  }
}
