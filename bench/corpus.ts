// A synthetic digest for the benchmark: N items of about 700 words of varied Markdown, one or
// two countries and a few tags each, spread over years of ISO weeks, with the data files and
// some weekly notes. A seeded generator makes the same corpus, byte for byte, on every run.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";

/** mulberry32: a small, fast, seeded pseudo-random generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "security forces attack village army convoy ambush region district market road bridge " +
  "community leaders militia group fighters soldiers civilians displaced people camp aid " +
  "government minister president council election vote campaign talks dialogue mediation " +
  "report source official local residents witnesses toll killed wounded injured abducted " +
  "released patrol base operation strike drone helicopter border crossing river lake town " +
  "week month year night morning evening north south east west centre province commune"
).split(" ");
const PLACES = ["Ménaka", "Gao", "Mopti", "Ségou", "Tillabéri", "Diffa", "Djibo", "Dori", "Kidal", "Tahoua", "N'Djamena", "Bol", "Nouakchott", "Néma"];
const COUNTRIES = [
  { slug: "mali", name: "Mali", translations: { fr: { name: "Mali" } }, iso: "ML", capital: "Bamako" },
  { slug: "burkina-faso", name: "Burkina Faso", translations: { fr: { name: "Burkina Faso" } }, iso: "BF", capital: "Ouagadougou" },
  { slug: "niger", name: "Niger", translations: { fr: { name: "Niger" } }, iso: "NE", capital: "Niamey" },
  { slug: "chad", name: "Chad", translations: { fr: { name: "Tchad" } }, iso: "TD", capital: "N'Djamena" },
  { slug: "mauritania", name: "Mauritania", translations: { fr: { name: "Mauritanie" } }, iso: "MR", capital: "Nouakchott" },
  { slug: "nigeria", name: "Nigeria", translations: { fr: { name: "Nigéria" } }, iso: "NG", capital: "Abuja" },
];
/** Two regions a country, with localities the gazetteer has in them (none: placed by region). */
const REGIONS: Record<string, readonly { slug: string; name: string; iso: string; gazetteer?: string; isoName?: string; places: readonly string[] }[]> = {
  mali: [{ slug: "mopti", name: "Mopti", iso: "ML-5", places: ["Mopti", "Bandiagara"] }, { slug: "gao", name: "Gao", iso: "ML-7", places: ["Gao", "Ansongo", "Bourem"] }],
  "burkina-faso": [{ slug: "sahel-bf", name: "Sahel", iso: "BF-12", places: ["Djibo", "Dori"] }, { slug: "centre-nord", name: "Centre-Nord", iso: "BF-05", places: ["Kaya"] }],
  niger: [{ slug: "tillaberi", name: "Tillabéri", iso: "NE-6", places: ["Ouallam", "Tillabéri"] }, { slug: "diffa", name: "Diffa", iso: "NE-2", places: ["Diffa"] }],
  chad: [{ slug: "lac", name: "Lac", iso: "TD-LC", isoName: "Al Buḩayrah", places: [] }, { slug: "kanem", name: "Kanem", iso: "TD-KA", isoName: "Kānim", places: [] }],
  mauritania: [{ slug: "hodh-ech-chargui", name: "Hodh ech Chargui", iso: "MR-01", gazetteer: "Hodh Ech Chargi", places: [] }, { slug: "trarza", name: "Trarza", iso: "MR-06", places: [] }],
  nigeria: [{ slug: "borno", name: "Borno", iso: "NG-BO", places: ["Maiduguri"] }, { slug: "yobe", name: "Yobe", iso: "NG-YO", places: [] }],
};
const INCIDENT_TYPES = ["battles", "explosions-remote-violence", "violence-against-civilians", "protests", "riots", "strategic-developments"];
const ACTORS = 40;
const THEMES = 15;

export interface CorpusOptions {
  readonly items: number;
  readonly seed?: number;
  /** The first item's date; items then spread a few a day. */
  readonly start?: string;
  /**
   * A French edition too, with this share of the items (0 to 1) and every weekly note
   * translated: what a second edition costs. The English files are the same as without it.
   */
  readonly french?: number;
  /**
   * The editions besides English that `french`'s share of translations is made for: by default
   * French alone. Each gets the same share of items, and every note, of its own.
   */
  readonly languages?: readonly string[];
  /**
   * Another shape than the usual (one or two countries, one to three tags, about 700 words):
   * many tags an item, short or long bodies, several countries an item, one country an item
   * (the bench's comparison with Hugo: issue 33's corpus).
   */
  readonly shape?: CorpusShape;
}

export const CORPUS_SHAPES = ["many-tags", "short-bodies", "long-bodies", "several-countries", "one-country"] as const;
export type CorpusShape = (typeof CORPUS_SHAPES)[number];

export interface CorpusFile {
  readonly path: string;
  readonly text: string;
}

/** The corpus as files (paths relative to the project root), in a stable order. */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const random = seededRandom(options.seed ?? 2020);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const sentence = () => {
    const text = words(8 + Math.floor(random() * 14));
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(" ");

  const files: CorpusFile[] = [];
  const actors = Array.from({ length: ACTORS }, (_, i) => `actor-${i + 1}`);
  const themes = Array.from({ length: THEMES }, (_, i) => `theme-${i + 1}`);
  files.push(
    { path: "content/_data/site.ts", text: `export default ${JSON.stringify({ title: "Benchmark Digest", description: "A synthetic digest.", url: "https://bench.example/", language: "en", namesAlsoIn: ["fr"], timeZone: "Africa/Bamako", publisher: "The benchmark" }, null, 2)};\n` },
    { path: "content/_data/countries.ts", text: `export default ${JSON.stringify(COUNTRIES.map((c, i) => ({ ...c, profile: paragraph(), order: i + 1 })), null, 2)};\n` },
    { path: "content/_data/actors.ts", text: `export default ${JSON.stringify(actors.map((slug, i) => ({ slug, name: `Actor ${i + 1}`, kind: i % 3 ? "armed-group" : "state-force", aliases: [], countries: [pick(COUNTRIES).slug], description: sentence() })), null, 2)};\n` },
    {
      path: "content/_data/regions.ts",
      text: `export default ${JSON.stringify(Object.entries(REGIONS).flatMap(([country, regions]) => regions.map(({ places: _places, ...r }) => ({ ...r, translations: { fr: { name: r.name } }, country }))), null, 2)};\n`,
    },
    { path: "content/_data/themes.ts", text: `export default ${JSON.stringify(themes.map((slug, i) => ({ slug, name: `Theme ${i + 1}`, description: sentence() })), null, 2)};\n` },
  );

  // About four items a day: 10,000 items span some seven years of weeks. A larger archive is
  // a busier digest over the same years, not a longer one: spread over seven decades, most of
  // 100,000 items would be dated after the build's clock, and held back as embargoed.
  const busier = Math.min(1, 10_000 / options.items);
  let date = DateTime.fromISO(options.start ?? "2014-01-06T06:00:00Z", { zone: "UTC" });
  const weeks = new Set<string>();
  for (let i = 0; i < options.items; i++) {
    date = date.plus({ minutes: Math.round((200 + Math.floor(random() * 320)) * busier) });
    const slug = `item-${String(i + 1).padStart(6, "0")}`;
    const shape = options.shape;
    const countries =
      shape === "several-countries"
        ? [...new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(COUNTRIES).slug))]
        : shape === "one-country" ? [pick(COUNTRIES).slug]
        : random() < 0.3 ? [pick(COUNTRIES).slug, pick(COUNTRIES).slug] : [pick(COUNTRIES).slug];
    const tags =
      shape === "many-tags"
        ? [...new Set(Array.from({ length: 6 + Math.floor(random() * 5) }, () => (random() < 0.7 ? pick(actors) : pick(themes))))]
        : [...new Set([pick(actors), pick(actors), pick(themes)].slice(0, 1 + Math.floor(random() * 3)))];
    const title = sentence().slice(0, 70).replace(/\.$/, "");
    // Most items record an incident or two, in the first country's regions; a third none.
    const incidents = Array.from({ length: Math.floor(random() * 3) }, () => {
      const region = pick(REGIONS[countries[0]!]!);
      const place = region.places.length && random() < 0.7 ? pick(region.places) : undefined;
      const fatalities = random() < 0.5 ? Math.floor(random() * 30) : undefined;
      return { type: pick(INCIDENT_TYPES), country: countries[0], region: region.slug, ...(place ? { place } : {}), ...(fatalities === undefined ? {} : { fatalities }) };
    });
    const body = [
      paragraph(),
      `## ${sentence()}`,
      paragraph(),
      Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence()} **${pick(WORDS)}** ${words(6)}`).join("\n"),
      `${paragraph()} See [the source](https://news.example/${slug}) and [an earlier item](/articles/${date.year}/).`,
      `> ${sentence()} *${words(5)}*.`,
      paragraph(),
      `### ${sentence()}`,
      paragraph(),
      paragraph(),
      `1. ${sentence()}\n2. ${sentence()}\n3. \`${pick(WORDS)}\` ${sentence()}`,
      paragraph(),
    ].join("\n\n");
    const shaped = shape === "short-bodies" ? body.slice(0, body.indexOf("\n\n")) : shape === "long-bodies" ? [body, body, body].join("\n\n") : body;
    const frontMatter = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `date: ${date.toISO({ suppressMilliseconds: true })}`,
      `countries: [${[...new Set(countries)].join(", ")}]`,
      `location: ${JSON.stringify(pick(PLACES))}`,
      `summary: ${JSON.stringify(`${sentence()} ${sentence()}`.slice(0, 380))}`,
      "source:",
      `  name: ${JSON.stringify(`Wire ${1 + Math.floor(random() * 9)}`)}`,
      `  url: https://news.example/${slug}`,
      `tags: [${tags.join(", ")}]`,
      ...(incidents.length ? ["incidents:", ...incidents.map((incident, i) => `  - ${JSON.stringify({ id: `${slug}-${i + 1}`, ...incident })}`)] : []),
      "---",
    ].join("\n");
    files.push({ path: `content/articles/${date.year}/${slug}.md`, text: `${frontMatter}\n${shaped}\n` });
    weeks.add(`${date.weekYear}-W${String(date.weekNumber).padStart(2, "0")}`);
  }
  // A weekly note for every fourth week.
  [...weeks].filter((_, i) => i % 4 === 0).forEach((week) => {
    files.push({ path: `content/issues/${week}.md`, text: `---\nheadline: ${JSON.stringify(sentence())}\n---\n${paragraph()}\n` });
  });
  return options.french === undefined ? files : withEditions(files, options.languages ?? ["fr"], options.french, options.seed ?? 2020);
}

/** How each edition describes the digest in site.ts. */
const DESCRIPTIONS: Record<string, string> = { fr: "Un condensé synthétique.", ar: "موجز اصطناعي." };

/**
 * The same corpus with more editions (French by default): site.ts lists them, countries,
 * regions, actors and themes get names in each, and a share of the items and every note get a
 * <name>.<language>.md of their own (synthetic words, of the same lengths). Each language has a
 * random sequence of its own, which leaves the English files, and French's, as they were.
 */
function withEditions(files: readonly CorpusFile[], languages: readonly string[], share: number, seed: number): CorpusFile[] {
  const randoms = languages.map((_, i) => seededRandom(seed + 1 + i));
  const wordsOf = (random: () => number) => (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const data = (text: string) => JSON.parse(text.replace(/^export default /, "").replace(/;\n$/, "")) as Record<string, unknown>[];
  const named = (entry: Record<string, unknown>, name: (language: string) => string) => {
    const translations = { ...(entry.translations as Record<string, unknown> | undefined) };
    for (const language of languages) translations[language] ??= { name: name(language) };
    return { ...entry, translations };
  };
  const out: CorpusFile[] = [];
  for (const file of files) {
    if (file.path === "content/_data/site.ts") {
      const site = data(file.text) as unknown as Record<string, unknown>;
      const editions = languages.map((language) => ({ language, description: DESCRIPTIONS[language] ?? "A synthetic digest." }));
      out.push({ path: file.path, text: `export default ${JSON.stringify({ ...site, editions }, null, 2)};\n` });
    } else if (file.path === "content/_data/actors.ts" || file.path === "content/_data/themes.ts") {
      out.push({ path: file.path, text: `export default ${JSON.stringify(data(file.text).map((entry) => named(entry, (language) => `${String(entry.name)} (${language})`)), null, 2)};\n` });
    } else if (file.path === "content/_data/countries.ts" || file.path === "content/_data/regions.ts") {
      out.push({ path: file.path, text: `export default ${JSON.stringify(data(file.text).map((entry) => named(entry, () => String(entry.name))), null, 2)};\n` });
    } else {
      out.push(file);
      const note = file.path.startsWith("content/issues/");
      languages.forEach((language, i) => {
        const random = randoms[i]!;
        const words = wordsOf(random);
        if (note || (file.path.startsWith("content/articles/") && random() < share)) {
          const body = file.text.slice(file.text.indexOf("\n---\n", 4) + 5);
          const translated = body.replace(/[A-Za-z]+/g, () => words(1));
          const front = note ? `headline: ${JSON.stringify(words(8))}` : `title: ${JSON.stringify(words(9))}\nsummary: ${JSON.stringify(words(30))}`;
          out.push({ path: file.path.replace(/\.md$/, `.${language}.md`), text: `---\n${front}\n---\n${translated}` });
        }
      });
    }
  }
  return out;
}

export async function writeCorpus(root: string, files: readonly CorpusFile[]): Promise<void> {
  const dirs = new Set(files.map((f) => path.dirname(path.join(root, f.path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  // In batches: thousands of files at once would exhaust file handles.
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map((f) => writeFile(path.join(root, f.path), f.text)));
  }
}
