import type { SiteSettings } from "../../src/model/schemas.ts";

const site: SiteSettings = {
  title: "Sahel Digest",
  description: "A weekly digest of security events in Mali, Burkina Faso, Niger, Chad, Mauritania and their neighbours.",
  // Where the site is published. A project site under a path works too:
  // "https://example.org/sahel-digest/" puts every link, asset and feed under /sahel-digest/.
  url: "https://example.org/sahel-digest/",
  // What every feed entry's id is made of: a domain you own and a path. Set it once, to where
  // your digest is first published (not this sample's example.org), and keep it as it is when
  // the site moves: feed readers then know the entries they have already shown.
  feedIds: { authority: "example.org", path: "/sahel-digest/" },
  language: "en",
  // Weeks and dates follow the civil time of Bamako and Ouagadougou: GMT all year round.
  timeZone: "Africa/Bamako",
  publisher: "Sahel Digest sample edition",
  notice:
    "Sample edition: events of late 2020, summarised in our own words from the public sources cited with each item. Not a live publication.",
  itemsPerPage: 50,
  recentIssues: 8,
};

export default site;
