import { closest, distance } from "fastest-levenshtein";

/** The known name an editor most likely meant, when one is close enough to be a typo. */
export function didYouMean(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = value.toLowerCase();
  const best = closest(lower, known as string[]);
  const limit = Math.max(2, Math.floor(lower.length / 3));
  return distance(lower, best) <= limit ? best : undefined;
}

export function withSuggestion(message: string, value: string, known: readonly string[]): string {
  const guess = didYouMean(value, known);
  return guess ? `${message} — did you mean "${guess}"?` : message;
}
