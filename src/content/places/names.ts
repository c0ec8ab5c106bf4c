// How place names are compared: without accents, case, apostrophes or hyphens, so that an
// editor's "Tillaberi" or "Tin Akoff" finds the gazetteer's "Tillabéri" and "Tin-Akoff".

export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
