// Every kind of page the site has, declared once: where its pages go, which template makes
// them, what each page is made from (its data, from which its key is derived: the preview writes a page again only when
// that changed), its format, whether the sitemap lists it, and whether an edition of the
// digest in another language has its own copy. The writer (src/publish/write-pages.ts), the sitemap and
// the preview all read this table; adding a kind of page is one entry here and one template.
// (As Hugo maps a page kind to a layout and output formats.)
import type { FeedView, IssueView, ListingPage, MonthSummary, MonthView } from "../digest/views.ts";
import { everyEdition, type Digest } from "../digest/digest.ts";
import { FEED_FILES, FEED_PAGES, paths, routes } from "../digest/paths.ts";
import { OPEN_DATA_LICENCE } from "./data-package.ts";
import { DATA_FILES, dataFileKilobytes, dataFilePath, dataFileText, filesOf, issuesWithData, rememberEditions, type DataFile, type DataScope } from "./data-files.ts";
import { searchFilterOptions, searchScriptMessages, searchYears } from "./search-records.ts";
import { emailTemplateHtml, emailText, monthEmailTemplateHtml, monthEmailText } from "./email.ts";
import { cardAlt, cardSvg, countryCard, issueCard, siteCard, type CardText, type ShareCard } from "./share-card.ts";
import type { TemplateEngine } from "./engine.ts";

export type PageFormat = "html" | "email" | "atom" | "rss" | "json" | "opml" | "sitemap" | "csv" | "text" | "png";

/** One page of a kind: its path in the site, and what its template sees. */
export interface Page {
  /** Path inside the site: "/issues/2020-w49/", "/feed.xml". */
  readonly path: string;
  /** What the template sees besides `digest` and `pagePath`. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The day it last changed (YYYY-MM-DD), for the sitemap; unknown for a page with no items. */
  readonly lastmod?: string;
}

export interface PageKind {
  /** In the domain's words: "item", "issue", "country". */
  readonly name: string;
  /**
   * Where its pages go: one pattern or several, `:name` standing for one path segment (a slug,
   * a week, a year). `pages` makes the paths; a test holds every page to these patterns.
   */
  readonly urls: readonly string[];
  /**
   * Below templates/; or `generate` makes the page's text (a CSV file; an email, with the
   * engine). An email's (format "email") still has its stylesheet in a <style>: the writer puts
   * it into style="" attributes (inlineEmailStyles, src/pages/email.ts), on its second thread
   * where it has one (src/publish/finisher.ts).
   */
  readonly template?: string;
  readonly generate?: (page: Page, digest: Digest, engine: TemplateEngine) => string;
  readonly format: PageFormat;
  /** Listed in /sitemap.xml. Only HTML pages a reader lands on are. */
  readonly sitemap: boolean;
  /** Each edition of the digest (a language) has its own page of this kind. */
  readonly perEdition: boolean;
  /**
   * Made from the whole digest: its template reads more of it than its data and the part every
   * page reads (src/pages/page-key.ts), so any change of the content makes it again. Without
   * this, a page's key is derived from its data.
   */
  readonly whole?: true;
  /** Linked from every page: in the main navigation and the footer's, labelled by these message keys (src/core/messages). */
  readonly nav?: { readonly main?: string; readonly footer?: string };
  /** The pages of this kind; `before` holds every page of the kinds above it in the table. */
  pages(digest: Digest, before: readonly SitePage[]): readonly Page[];
}

export interface SitePage extends Page {
  readonly kind: PageKind;
  /** The edition the page is in: its digest. */
  readonly edition: Digest;
  /** Its path from the site's root, the edition's folder in front: "/fr/issues/2020-w49/". */
  readonly sitePath: string;
}

const newestDay = (digest: Digest) => day(digest.items[0]?.dateIso);
/**
 * A file as the data page lists it. Its size is read when the page is rendered: a build that
 * links the page unchanged (its key is the whole digest's) never makes the files' text, which
 * at 10,000 items took seconds of a build with nothing changed.
 */
function listedFile(digest: Digest, file: DataFile, scope: DataScope): { readonly name: string; readonly path: string; readonly kilobytes: number } {
  return {
    name: file.name,
    path: dataFilePath(file, scope),
    get kilobytes() {
      return dataFileKilobytes(digest, file, scope);
    },
  };
}

/** The one page of a kind that lists the whole site (whole: true). */
const single = (path: string) => (digest: Digest) => [{ path, data: {}, lastmod: newestDay(digest) }];

/** The files of an issue's data the data page links: its package, which lists the rest, and its incidents. */
const AS_PUBLISHED_LISTED = new Set(["datapackage.json", "incidents.csv"]);

export const PAGE_KINDS: readonly PageKind[] = [
  { name: "home", urls: routes.home.patterns, template: "views/home.njk", format: "html", sitemap: true, perEdition: true, whole: true, pages: single(paths.home) },
  {
    name: "year",
    urls: routes.year.patterns,
    template: "views/year.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => digest.archive.map((year) => ({ path: year.path, data: { year }, lastmod: day(year.issues[0]?.updatedIso) })),
  },
  { name: "archive", urls: routes.archive.patterns, template: "views/archive.njk", format: "html", sitemap: true, perEdition: true, whole: true, nav: { main: "nav.issues", footer: "nav.allIssues" }, pages: single(paths.archive) },
  { name: "countries", urls: routes.countries.patterns, template: "views/countries.njk", format: "html", sitemap: true, perEdition: true, whole: true, nav: { main: "nav.countries", footer: "nav.countries" }, pages: single(paths.countries) },
  { name: "tags", urls: routes.tags.patterns, template: "views/tags.njk", format: "html", sitemap: true, perEdition: true, whole: true, nav: { main: "nav.tags", footer: "nav.tags" }, pages: single(paths.tags) },
  {
    name: "regions",
    urls: routes.regions.patterns,
    template: "views/regions.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    whole: true,
    nav: { main: "nav.places", footer: "nav.regions" },
    pages: (digest) => (digest.regions.length ? single(paths.regions)(digest) : []),
  },
  {
    name: "corrections",
    urls: routes.corrections.patterns,
    template: "views/corrections.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    nav: { footer: "nav.corrections" },
    // Made from the corrected items and its feed's addresses only; dated by the latest correction.
    pages: (digest) => {
      const { title, atomPath, jsonPath } = digest.feeds.corrections;
      return [{ path: paths.corrections, data: { corrected: digest.corrected, feed: { title, atomPath, jsonPath } }, ...(digest.corrected[0]?.modified ? { lastmod: digest.corrected[0].modified } : {}) }];
    },
  },
  {
    name: "methodology",
    urls: routes.methodology.patterns,
    template: "views/methodology.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    nav: { footer: "nav.methodology" },
    // Made from its sections (message keys, and the imports' sources and dates) only.
    pages: (digest) => [{ path: paths.methodology, data: { sections: digest.methodology } }],
  },
  { name: "subscribe", urls: routes.subscribe.patterns, template: "views/subscribe.njk", format: "html", sitemap: true, perEdition: true, whole: true, nav: { main: "nav.subscribe", footer: "nav.subscribeFeeds" }, pages: single(paths.subscribe) },
  {
    name: "not-found",
    urls: routes.notFound.patterns,
    template: "views/404.njk",
    format: "html",
    sitemap: false,
    perEdition: true,
    whole: true,
    pages: () => [{ path: paths.notFound, data: {} }],
  },
  {
    name: "issue",
    urls: routes.issue.patterns,
    template: "views/issue.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => digest.issues.map((issue) => ({ path: issue.path, data: { issue, shareCard: issueShareCard(issue, digest) }, lastmod: day(issue.updatedIso) })),
  },
  {
    // The week's address in the case editors write it (2021-W01): a page that sends the reader
    // on to the issue's own. After the issues: where the file system folds case, the two are
    // one file, and the writer keeps the issue (src/publish/write-pages.ts).
    name: "week-redirect",
    urls: routes.issue.patterns,
    template: "views/week-redirect.njk",
    format: "html",
    sitemap: false,
    perEdition: true,
    pages: (digest) => digest.issues.filter((issue) => issue.week.id !== issue.week.slug).map((issue) => ({ path: paths.issueAsWritten(issue.week), data: { issue: { title: issue.title, path: issue.path } } })),
  },
  {
    // The issue as an email (src/pages/email.ts): its HTML with the styles inlined, for a mailing tool.
    name: "issue-email",
    urls: routes.issueEmail.patterns,
    // An HTML document for a mailing tool, not a page of the site: no stylesheet, no CSP, not in the sitemap.
    format: "email",
    sitemap: false,
    perEdition: true,
    generate: (page, digest, engine) => emailTemplateHtml(page.data.issue as IssueView, digest, engine),
    pages: (digest) => digest.issues.map((issue) => ({ path: paths.email(issue.week), data: { issue } })),
  },
  {
    // Its plain-text part.
    name: "issue-email-text",
    urls: routes.issueEmailText.patterns,
    format: "text",
    sitemap: false,
    perEdition: true,
    generate: (page, digest, engine) => emailText(page.data.issue as IssueView, digest, engine),
    pages: (digest) => digest.issues.map((issue) => ({ path: paths.emailText(issue.week), data: { issue } })),
  },
  {
    // Every month of the whole digest, newest first, with its figures; its feeds follow it.
    name: "months",
    urls: routes.months.patterns,
    template: "views/months.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => (digest.months.all.length ? [{ path: paths.months, data: { months: digest.months.all.map(monthSummaryOf), feed: monthsFeedRef(digest) }, lastmod: day(digest.months.all[0]!.updatedIso) }] : []),
  },
  {
    // A month at a glance: the whole digest's, a country's, a region's. Made from its own view,
    // which holds the month's incidents and the neighbouring months' counts it is compared with.
    name: "month",
    urls: [...routes.month.patterns, ...routes.countryMonth.patterns, ...routes.regionMonth.patterns],
    template: "views/month.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) =>
      [digest.months.all, ...digest.months.byCountry.values(), ...digest.months.byRegion.values()].flatMap((list) => list.map((month) => ({ path: month.path, data: { month }, lastmod: day(month.updatedIso) }))),
  },
  {
    // The whole digest's month as an email, and its plain-text part (src/pages/email.ts).
    name: "month-email",
    urls: routes.monthEmail.patterns,
    format: "email",
    sitemap: false,
    perEdition: true,
    generate: (page, digest, engine) => monthEmailTemplateHtml(page.data.month as MonthView, digest, engine),
    pages: (digest) => digest.months.all.map((month) => ({ path: paths.monthEmail(month.id), data: { month } })),
  },
  {
    name: "month-email-text",
    urls: routes.monthEmailText.patterns,
    format: "text",
    sitemap: false,
    perEdition: true,
    generate: (page, digest, engine) => monthEmailText(page.data.month as MonthView, digest, engine),
    pages: (digest) => digest.months.all.map((month) => ({ path: paths.monthEmailText(month.id), data: { month } })),
  },
  {
    name: "country",
    urls: routes.country.patterns,
    template: "views/country.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => {
      const cards = countryShareCards(digest);
      return digest.countryPages.map((listing) => {
        const page = listingPage(listing);
        const card = cards.get(listing.owner.slug);
        return card ? { ...page, data: { ...page.data, shareCard: card } } : page;
      });
    },
  },
  { name: "tag", urls: routes.tag.patterns, template: "views/tag.njk", format: "html", sitemap: true, perEdition: true, pages: (digest) => digest.tagPages.map(listingPage) },
  {
    name: "incident-types",
    urls: routes.incidentTypes.patterns,
    template: "views/incident-types.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    whole: true,
    pages: (digest) => (digest.incidentTypes.length ? single(paths.incidentTypes)(digest) : []),
  },
  {
    name: "incident-type",
    urls: routes.incidentType.patterns,
    template: "views/incident-type.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => digest.incidentTypePages.map(listingPage),
  },
  {
    name: "search",
    urls: routes.search.patterns,
    template: "views/search.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    whole: true,
    nav: { main: "nav.search", footer: "nav.search" },
    pages: (digest) => [{ path: paths.search, data: { filters: searchFilterOptions(digest), years: searchYears(digest), index: paths.searchIndex, messages: searchScriptMessages(digest) }, lastmod: newestDay(digest) }],
  },
  {
    name: "region",
    urls: routes.region.patterns,
    template: "views/region.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) =>
      digest.regions.map((region) => ({ path: region.path, data: { region, months: (digest.months.byRegion.get(region.slug) ?? []).map(({ id, path, title }) => ({ id, path, title })) }, lastmod: day(region.incidents[0]?.date) })),
  },
  {
    name: "data",
    urls: routes.data.patterns,
    template: "views/data.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    whole: true,
    nav: { footer: "nav.openData" },
    // The files to download, whole, by country and region, and each issue's as published: each
    // with its size, in kilobytes (1000 bytes) to one decimal, made as the data-file kinds make it.
    pages: (digest) => {
      if (!digest.incidents.length) return [];
      const files = (scope: DataScope) => filesOf(scope).map((file) => listedFile(digest, file, scope));
      const countries = digest.countries.filter((c) => c.regions.length > 0).map((c) => ({ name: c.name, files: files({ country: { slug: c.slug, name: c.name } }) }));
      const regions = digest.regions.map((r) => ({ name: r.name, country: r.country.name, files: files({ region: { slug: r.slug, name: r.name } }) }));
      // Each issue's package and incidents, newest first: its folder holds the same files as /data/.
      const issues = issuesWithData(digest).map((issue) => ({
        title: issue.title,
        week: issue.week.id,
        files: issue.files.filter((file) => AS_PUBLISHED_LISTED.has(file.name)).map((file) => listedFile(digest, file, { week: issue.week })),
      }));
      return [{ path: paths.data, data: { files: files({}), countries, regions, issues, licence: OPEN_DATA_LICENCE }, lastmod: newestDay(digest) }];
    },
  },
  {
    name: "data-file",
    urls: [...routes.dataFile.patterns, ...routes.countryDataFile.patterns, ...routes.regionDataFile.patterns],
    format: "csv",
    sitemap: false,
    perEdition: false,
    whole: true,
    generate: (page, digest) => {
      const { file, scope } = page.data as { file: DataFile; scope: DataScope };
      return dataFileText(digest, file, scope);
    },
    pages: (digest) => {
      if (!digest.incidents.length) return [];
      // A country has incidents when it has regions with incidents.
      const scopes: DataScope[] = [
        {},
        ...digest.countries.filter((c) => c.regions.length > 0).map((c) => ({ country: { slug: c.slug, name: c.name } })),
        ...digest.regions.map((r) => ({ region: { slug: r.slug, name: r.name } })),
      ];
      return DATA_FILES.flatMap((file) => scopes.filter((scope) => filesOf(scope).includes(file)).map((scope) => ({ path: dataFilePath(file, scope), data: { file, scope } })));
    },
  },
  {
    // Each issue's open data as it was when the issue was published, so that "the data of
    // 2020-W49" is the same bytes after later weeks are added. Made once, when the issue is the
    // newest and has no copy yet: a build keeps the published site's copy
    // (src/publish/as-published.ts), so a later correction shows in /data/ and never rewrites
    // what was cited.
    name: "issue-data-file",
    urls: routes.issueDataFile.patterns,
    format: "csv",
    sitemap: false,
    perEdition: false,
    whole: true,
    generate: (page, digest) => {
      const { file, scope } = page.data as { file: DataFile; scope: DataScope };
      return dataFileText(digest, file, scope);
    },
    // The issues whose data the published site holds, and the newest issue's (src/pages/data-files.ts).
    pages: (digest) => issuesWithData(digest).flatMap((issue) => issue.files.map((file) => ({ path: dataFilePath(file, { week: issue.week }), data: { file, scope: { week: issue.week } } }))),
  },
  {
    name: "item",
    urls: routes.item.patterns,
    template: "views/item.njk",
    format: "html",
    sitemap: true,
    perEdition: true,
    pages: (digest) => digest.items.map((item) => ({ path: item.path, data: { item }, lastmod: item.modified ?? day(item.dateIso) })),
  },
  {
    // The preview images of shared links (src/pages/share-card.ts): made as SVG here, drawn as
    // PNG by the writer (src/publish/share-image.ts). Each page's key is its card's words and
    // figures, so an unchanged card is linked from the published site, not drawn again.
    name: "share-card",
    urls: [routes.siteCard.pattern, routes.issueCard.pattern, routes.countryCard.pattern],
    format: "png",
    sitemap: false,
    perEdition: true,
    generate: (page, digest) => cardSvg(page.data.card as CardText, digest.edition.words.locale),
    pages: (digest) => {
      const incidents = incidentsByCountry(digest);
      return [
        { path: paths.siteCard, data: { card: siteCard(digest) } },
        ...digest.issues.map((issue) => ({ path: paths.issueCard(issue.week), data: { card: issueCard(issue, digest) } })),
        ...digest.countries.filter((c) => c.kind === "country").map((country) => ({ path: paths.countryCard(country.slug), data: { card: countryCard(country, incidents.get(country.slug) ?? 0, digest) } })),
      ];
    },
  },
  { name: "feed-atom", urls: FEED_PAGES.map((route) => `${route.pattern}${FEED_FILES.atom}`), template: "views/feed-atom.njk", format: "atom", sitemap: false, perEdition: true, pages: (digest) => digest.feeds.all.map((feed) => feedPage(feed, feed.atomPath)) },
  { name: "feed-json", urls: FEED_PAGES.map((route) => `${route.pattern}${FEED_FILES.json}`), template: "views/feed-json.njk", format: "json", sitemap: false, perEdition: true, pages: (digest) => digest.feeds.all.map((feed) => feedPage(feed, feed.jsonPath)) },
  { name: "feed-rss", urls: routes.rss.patterns, template: "views/feed-rss.njk", format: "rss", sitemap: false, perEdition: true, whole: true, pages: single(paths.rss) },
  // The monthly feed's RSS twin: made from its feed alone.
  { name: "feed-rss-months", urls: routes.monthsRss.patterns, template: "views/feed-rss.njk", format: "rss", sitemap: false, perEdition: true, pages: (digest) => (digest.months.all.length ? [{ path: paths.monthsRss, data: { feed: digest.feeds.months } }] : []) },
  {
    name: "opml",
    urls: [routes.opml.pattern, routes.opmlTags.pattern, routes.opmlRegions.pattern],
    template: "views/opml.njk",
    format: "opml",
    sitemap: false,
    perEdition: true,
    whole: true,
    nav: { footer: "nav.opml" },
    // Every Atom feed declared above it, so a new kind of feed is in it by being in the table.
    // Lists a reader can import whole: the digest and the countries (an issue entry and an item
    // entry are never the same entry); the actors and themes; the regions. The feeds come from
    // the Atom feeds declared above, so a new feed is in one by being in the table. The
    // every-item feed is in none: it repeats every country's.
    pages: (digest, before) => {
      const atom = before.filter((page) => page.kind.format === "atom" && page.edition === digest).map((page) => page.data.feed as FeedView);
      // `title` is a message key (src/core/messages): views/opml.njk prints t(title).
      const list = (path: string, title: string, kinds: readonly FeedView["kind"][]) => ({ path, data: { title, feeds: atom.filter((feed) => kinds.includes(feed.kind)) } });
      return [
        list(paths.opml, "opml.digestAndCountries", ["digest", "months", "country", "corrections"]),
        ...(digest.tags.length ? [list(paths.opmlTags, "opml.actorsThemes", ["tag"])] : []),
        ...(digest.regions.length ? [list(paths.opmlRegions, "opml.regions", ["region"])] : []),
      ];
    },
  },
  {
    name: "sitemap",
    urls: routes.sitemap.patterns,
    template: "views/sitemap.njk",
    format: "sitemap",
    sitemap: false,
    perEdition: false,
    whole: true,
    nav: { footer: "nav.sitemap" },
    // Derived from the pages themselves, so it lists every page that is built and nothing else.
    pages: (_digest, before) => [{ path: paths.sitemap, data: { entries: sitemapEntries(before) } }],
  },
];

/**
 * Every page of the site, kind by kind in the table's order: a kind's pages in every edition
 * (the default's digest holds the others) when it is per edition, else in the default's only.
 */
export function sitePages(digest: Digest, kinds: readonly PageKind[] = PAGE_KINDS): SitePage[] {
  const editions = everyEdition(digest);
  // Each edition's data page weighs the files every edition shares: the default edition's.
  rememberEditions(digest);
  const all: SitePage[] = [];
  for (const kind of kinds) {
    for (const edition of kind.perEdition ? editions : [digest]) {
      for (const page of kind.pages(edition, all)) all.push({ ...page, kind, edition, sitePath: paths.inEdition(page.path, edition.edition.folder) });
    }
  }
  return all;
}

export interface NavLink {
  /** A message key: "nav.issues". */
  readonly label: string;
  readonly path: string;
  /** A page every edition shares (the sitemap): linked from the site's root, not the edition's folder. */
  readonly shared: boolean;
}

/** The links every page of an edition carries, from the kinds that ask for one, in the table's order. */
export function navigation(pages: readonly SitePage[], edition?: Digest): { main: NavLink[]; footer: NavLink[] } {
  const firstOfKind = new Map<PageKind, string>();
  for (const page of pages) {
    if (page.kind.nav && !firstOfKind.has(page.kind) && (!edition || !page.kind.perEdition || page.edition === edition)) firstOfKind.set(page.kind, page.path);
  }
  const links = (which: "main" | "footer") =>
    [...firstOfKind].flatMap(([kind, path]) => (kind.nav?.[which] ? [{ label: kind.nav[which]!, path, shared: !kind.perEdition }] : []));
  return { main: links("main"), footer: links("footer") };
}

export interface SitemapEntry {
  /** From the site's root: "/fr/issues/2020-w49/". */
  readonly path: string;
  readonly lastmod?: string;
  /** The same page in every edition, when there are several: for hreflang. */
  readonly alternates?: readonly { readonly language: string; readonly path: string }[];
}

export function sitemapEntries(pages: readonly SitePage[]): SitemapEntry[] {
  const editions = pages[0] ? everyEdition(pages[0].edition) : [];
  return pages
    .filter((page) => page.kind.sitemap)
    .map((page) => ({
      path: page.sitePath,
      ...(page.lastmod ? { lastmod: page.lastmod } : {}),
      ...(editions.length > 1 && page.kind.perEdition ? { alternates: editions.map((e) => ({ language: e.edition.language, path: paths.inEdition(page.path, e.edition.folder) })) } : {}),
    }));
}

/** The file a site path is written to: "/issues/2020-w49/" → "issues/2020-w49/index.html". */
export function outputFile(sitePath: string): string {
  const relative = sitePath.replace(/^\//, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** An issue's card as its page gives it: where the image is, and its words for og:image:alt. */
function issueShareCard(issue: IssueView, digest: Digest): ShareCard {
  return { path: paths.issueCard(issue.week), alt: cardAlt(issueCard(issue, digest), digest) };
}

/** Each country's card (regions have none: their pages show the site's), by slug. */
function countryShareCards(digest: Digest): Map<string, ShareCard> {
  const incidents = incidentsByCountry(digest);
  return new Map(digest.countries.filter((c) => c.kind === "country").map((c) => [c.slug, { path: paths.countryCard(c.slug), alt: cardAlt(countryCard(c, incidents.get(c.slug) ?? 0, digest), digest) }]));
}

function incidentsByCountry(digest: Digest): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of digest.incidents) counts.set(incident.country.slug, (counts.get(incident.country.slug) ?? 0) + 1);
  return counts;
}

function listingPage(listing: ListingPage): Page {
  const newest = listing.weeks[0]?.items[0];
  return { path: listing.path, data: { listing }, ...(newest ? { lastmod: day(newest.dateIso) } : {}) };
}

/** A month as the months' list shows it: its figures, not its weeks or incidents. */
function monthSummaryOf(month: MonthView): MonthSummary {
  const { id, path, title, incidentsText, fatalitiesText, coverageText, fullyCovered, note, vsPrevious } = month;
  return { id, path, title, incidentsText, fatalitiesText, coverageText, fullyCovered, vsPrevious, ...(note?.headline ? { headline: note.headline, ...(note.language ? { noteLanguage: note.language } : {}) } : {}) };
}

function monthsFeedRef(digest: Digest) {
  const { title, atomPath, jsonPath, rssPath } = digest.feeds.months;
  return { title, atomPath, jsonPath, rssPath };
}

function feedPage(feed: FeedView, path: string): Page {
  return { path, data: { feed } };
}

function day(iso: string | undefined): string | undefined {
  return iso?.slice(0, 10);
}
