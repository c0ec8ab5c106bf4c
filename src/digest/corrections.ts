// Corrections as readers see them: on the item (newest first, with their dates in words), on the
// corrections page (the corrected items, most recently corrected first) and in the corrections
// feed (one entry per correction). The latest correction's day is the item's modified date,
// which its feed entries carry as their `updated`, so a feed reader shows the change once.
import { DateTime } from "luxon";
import type { Correction } from "../content/model.ts";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { dayInWords } from "../core/weeks.ts";
import type { CorrectionView, ItemView } from "./views.ts";

/** Newest first, the order of writing kept within a day; each with its date in the edition's words. */
export function correctionViews(corrections: readonly Correction[], zone: string, words: Catalogue): CorrectionView[] {
  return corrections
    .map((c, written) => ({ c, written }))
    .sort((a, b) => (a.c.date < b.c.date ? 1 : a.c.date > b.c.date ? -1 : a.written - b.written))
    .map(({ c }) => ({
      date: c.date,
      dateText: dayInWords(DateTime.fromISO(c.date, { zone }), words),
      what: c.what,
      ...(c.toll ? { toll: c.toll } : {}),
      ...(c.language ? { language: c.language } : {}),
    }));
}

/** The latest correction's day (YYYY-MM-DD), or none. */
export function lastCorrected(corrections: readonly Pick<Correction, "date">[]): string | undefined {
  return corrections.reduce<string | undefined>((latest, c) => (latest === undefined || c.date > latest ? c.date : latest), undefined);
}

/** The corrected items, most recently corrected first (then newest published first, as given). */
export function correctedItems(items: readonly ItemView[]): ItemView[] {
  return items
    .filter((item) => item.corrections.length > 0)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.modified! < b.item.modified! ? 1 : a.item.modified! > b.item.modified! ? -1 : a.order - b.order))
    .map(({ item }) => item);
}
