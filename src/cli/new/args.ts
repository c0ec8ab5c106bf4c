// The arguments of `npm run new`, read into what to make.
import { parseArgs } from "node:util";

export const USAGE = [
  'Usage: npm run new -- item "Title of the item" --country SLUG [--country SLUG] [--tag SLUG] [--date YYYY-MM-DD] [--root DIR]',
  "       npm run new -- note [YYYY-Www | --date YYYY-MM-DD] [--root DIR]",
  "       npm run new -- translate ITEM-SLUG|YYYY-Www LANGUAGE [--root DIR]",
].join("\n");

export type NewCommand =
  | { readonly kind: "item"; readonly root?: string; readonly title: string; readonly countries: string[]; readonly tags: string[]; readonly date?: string }
  | { readonly kind: "note"; readonly root?: string; readonly week?: string; readonly date?: string }
  | { readonly kind: "translate"; readonly root?: string; readonly target: string; readonly language: string }
  | { readonly kind: "help" }
  /** A command line that cannot be read: the message, then the usage. */
  | { readonly kind: "usage"; readonly message: string };

export function readArgs(argv: readonly string[]): NewCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        country: { type: "string", multiple: true },
        tag: { type: "string", multiple: true },
        date: { type: "string" },
        root: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return { kind: "usage", message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [kind, ...rest] = positionals;
  const common = { ...(values.root !== undefined ? { root: values.root } : {}), ...(values.date !== undefined ? { date: values.date } : {}) };
  // "--country mali,niger" is read as two countries.
  const list = (given: string[] | undefined) => (given ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (kind === "item") {
    // An unquoted title arrives as several words: they are put back together.
    if (rest.length === 0) return { kind: "usage", message: "Give the item's title, in quotes." };
    return { kind: "item", title: rest.join(" "), countries: list(values.country), tags: list(values.tag), ...common };
  }
  if (kind === "note") {
    if (values.country || values.tag) return { kind: "usage", message: "A note has no --country or --tag." };
    if (rest.length > 1) return { kind: "usage", message: `One week at a time (also got: ${rest.slice(1).join(" ")}).` };
    if (rest.length === 1 && values.date !== undefined) return { kind: "usage", message: "Give the week or --date, not both." };
    return { kind: "note", ...(rest[0] !== undefined ? { week: rest[0] } : {}), ...common };
  }
  if (kind === "translate") {
    if (rest.length !== 2) return { kind: "usage", message: "Give the item's slug (or the week, 2020-W49) and the language: npm run new -- translate niger-toumour-attack fr" };
    return { kind: "translate", target: rest[0]!, language: rest[1]!, ...(values.root !== undefined ? { root: values.root } : {}) };
  }
  return { kind: "usage", message: kind === undefined ? "Say what to make: item, note or translate." : `Unknown kind "${kind}"; npm run new makes: item, note, translate.` };
}
