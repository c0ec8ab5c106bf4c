// The slug `npm run new` gives an item: its title folded to lower-case ASCII words joined by
// hyphens, short enough to read in a URL.
//   "Attaque à Ménaka : l'armée riposte" → attaque-a-menaka-l-armee-riposte (a site in French)
//   "Mali's prime minister resigns"      → malis-prime-minister-resigns

/** Slugs are cut at a word boundary to at most this many characters. */
export const MAX_SLUG_LENGTH = 60;

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", ħ: "h", ı: "i", þ: "th", ŋ: "n",
};

/**
 * The words a language elides before a vowel, from its catalogue's `slug.elided` (French's "l",
 * "d", "qu"...): "l'armée" reads as two words, where "Mali's" reads as one.
 */
export function elidedWords(words: { t(key: string): string }): ReadonlySet<string> {
  return new Set(words.t("slug.elided").split(/\s+/).filter(Boolean));
}

const APOSTROPHE = /['’ʼ‘`´]/;

export function slugFromTitle(title: string, elided: ReadonlySet<string> = new Set(), max = MAX_SLUG_LENGTH): string {
  const folded = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\x00-\x7f]/g, (c) => LETTERS[c] ?? c);
  // An apostrophe inside a word joins it ("mali's" → "malis", "don't" → "dont"), except after
  // a word the language elides ("l'armée" → "l armee", "N'Djamena" → "n djamena").
  const joined = folded.replace(new RegExp(`([a-z0-9]+)${APOSTROPHE.source}(?=[a-z0-9])`, "g"), (_, before: string) =>
    elided.has(before) ? `${before} ` : before,
  );
  const words = joined.split(/[^a-z0-9]+/).filter(Boolean);
  return cut(words, max);
}

/** The words joined by hyphens, stopping before the word that would pass `max` characters. */
function cut(words: readonly string[], max: number): string {
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  // One word longer than the limit on its own is cut inside it rather than lost.
  if (!slug && words.length) slug = words[0]!.slice(0, max);
  return slug;
}
