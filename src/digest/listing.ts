// Splits a long list of items into pages, each grouped by week, so that a country with
// thousands of items stays fast to build and light to load.
import type { ItemView, ListingPage, WeekGroup } from "./views.ts";

export function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}

/** Consecutive items of the same week (items arrive newest first). */
export function groupByWeek(items: readonly ItemView[]): WeekGroup[] {
  const groups: { issue: WeekGroup["issue"]; items: ItemView[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.issue.id === item.issue.id) last.items.push(item);
    else groups.push({ issue: item.issue, items: [item] });
  }
  return groups;
}

export function listingPages(
  owner: ListingPage["owner"],
  items: readonly ItemView[],
  perPage: number,
  pathOf: (page: number) => string,
): ListingPage[] {
  const chunks = chunk(items, perPage);
  return chunks.map((pageItems, index) => {
    const pageNumber = index + 1;
    return {
      owner,
      path: pathOf(pageNumber),
      pageNumber,
      pageCount: chunks.length,
      ...(pageNumber > 1 ? { previousPath: pathOf(pageNumber - 1) } : {}),
      ...(pageNumber < chunks.length ? { nextPath: pathOf(pageNumber + 1) } : {}),
      weeks: groupByWeek(pageItems),
    };
  });
}
