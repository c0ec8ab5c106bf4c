import type { SiteSettings } from "../../src/content/schemas.ts";

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
  // The language the content is written in: the default edition's, at the site's root.
  language: "en",
  // The digest in French too, under /fr/: interface from the message catalogue fr.json (the
  // project's messages/; a site adds a language, or rewords one, with content/_messages/<language>.json),
  // items from <slug>.fr.md where an editor wrote one (the others shown in English, marked as
  // such), and names from each data file entry's `translations: { fr: { name } }`.
  editions: [
    {
      language: "fr",
      description: "Un condensé hebdomadaire des faits de sécurité au Mali, au Burkina Faso, au Niger, au Tchad, en Mauritanie et dans les pays voisins.",
      publisher: "Sahel Digest, édition d’exemple",
      notice:
        "Édition d’exemple : des faits de fin 2020, résumés dans nos propres mots à partir des sources publiques citées avec chaque article. Il ne s’agit pas d’une publication en cours.",
    },
    // In Arabic too, under /ar/, right to left (the direction comes from the platform's ICU).
    // Dates and numbers as ICU formats them for Chad with Western digits (ar-TD-u-nu-latn:
    // 3 ديسمبر 2020; README.md says why). An item, note or text not yet in Arabic is shown in
    // French where an editor wrote it, else in English, marked; a country is named from CLDR,
    // a region or actor without an Arabic name in the data files in French (Latin script).
    {
      language: "ar",
      locale: "ar-TD-u-nu-latn",
      fallback: ["fr", "en"],
      publisher: "Sahel Digest، نسخة تجريبية",
      description: "موجز أسبوعي للأحداث الأمنية في مالي وبوركينا فاسو والنيجر وتشاد وموريتانيا والبلدان المجاورة.",
      notice:
        "نسخة تجريبية: أحداث من أواخر عام 2020، ملخصة بكلماتنا من المصادر العامة المذكورة مع كل خبر. ليست منشورًا جاريًا.",
    },
  ],
  // Country and region pages give their names in French too, in every edition of another
  // language: the names the region's maps and sources use.
  namesAlsoIn: ["fr"],
  // Weeks and dates follow the civil time of Bamako and Ouagadougou: GMT all year round.
  timeZone: "Africa/Bamako",
  publisher: "Sahel Digest sample edition",
  // Where readers sign up for the emails (the issues' email editions, sent by your mailing
  // service): an https page or a mailto: address. The subscribe page and every email then give
  // it. The sample has none, so neither says anything of signing up:
  // signUp: "https://lists.example.org/sahel-digest",
  notice:
    "Sample edition: events of late 2020, summarised in our own words from the public sources cited with each item. Not a live publication.",
  itemsPerPage: 50,
  recentIssues: 8,
};

export default site;
