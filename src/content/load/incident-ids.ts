// Incident ids across the whole archive: analysts join on them from week to week, so an id
// names one incident for good. Two incidents may not share one; an id an item has retired is
// never used again (not by that item, not by another); an id is retired once; and the id that
// replaces a retired one must exist.
import type { Item } from "../model.ts";
import type { Problem } from "../../core/problems.ts";

/** The problems of the items' incident ids and retired ids, each at the file, line and field that writes it. */
export function incidentIdProblems(items: readonly Pick<Item, "file" | "incidents" | "retiredIds" | "idLine">[]): Problem[] {
  const problems: Problem[] = [];
  type Entry = (typeof items)[number];
  type Kind = "incidents" | "retired";
  const lineOf = (item: Entry, kind: Kind, index: number) => item.idLine?.(kind, index);
  const where = (item: Entry, kind: Kind, index: number) => {
    const line = lineOf(item, kind, index);
    return line === undefined ? item.file : `${item.file}:${line}`;
  };
  const at = (item: Entry, kind: Kind, index: number) => {
    const line = lineOf(item, kind, index);
    return { file: item.file, ...(line === undefined ? {} : { line }) };
  };
  const retired = new Map<string, { item: (typeof items)[number]; date: string; index: number }>();
  items.forEach((item) =>
    item.retiredIds.forEach((entry, index) => {
      const first = retired.get(entry.id);
      if (first) problems.push({ ...at(item, "retired", index), field: `retired_ids[${index}].id`, message: `is already retired in ${where(first.item, "retired", first.index)}: retire an id once`, value: entry.id });
      else retired.set(entry.id, { item, date: entry.retired, index });
    }),
  );
  const used = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    item.incidents.forEach((incident, index) => {
      const field = `incidents[${index}].id`;
      const gone = retired.get(incident.id);
      if (gone) {
        problems.push({ ...at(item, "incidents", index), field, message: `was retired on ${gone.date} (${where(gone.item, "retired", gone.index)}): a retired id is never used again; give this incident a new id`, value: incident.id });
        return;
      }
      const first = used.get(incident.id);
      if (first) {
        problems.push({ ...at(item, "incidents", index), field, message: `is already the id of an incident in ${first === item ? "this item" : first.file}: ids are unique across the archive; give this one another`, value: incident.id });
        return;
      }
      used.set(incident.id, item);
    });
  }
  for (const [, { item, index }] of retired) {
    const entry = item.retiredIds[index]!;
    if (entry.replaced_by !== undefined && !used.has(entry.replaced_by)) {
      problems.push({ ...at(item, "retired", index), field: `retired_ids[${index}].replaced_by`, message: "is the id of no incident: name the incident that took its place, or leave it out", value: entry.replaced_by });
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
