// What ACLED's terms ask of a page that shows counts made from its data: name ACLED and say when
// the data was accessed. One line per import (source, access day), in the edition's words; the
// overview and a country's figures print them wherever they show another organisation's counts.
import { DateTime } from "luxon";
import type { Catalogue } from "../core/messages/catalogue.ts";
import { dayInWords } from "../core/weeks.ts";
import { acledImports, type MethodologyContent } from "./methodology.ts";

export interface ExternalCredit {
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly accessed: string;
  readonly text: string;
}

export function externalCredits(content: MethodologyContent, zone: string, words: Catalogue): ExternalCredit[] {
  const seen = new Set<string>();
  return acledImports(content).flatMap(({ source, exported: accessed }) => {
    // One line for a source and day, whatever filters its entries record.
    if (seen.has(`${source}\u0000${accessed}`)) return [];
    seen.add(`${source}\u0000${accessed}`);
    return [{ source, accessed, text: words.t("external.credit", { source, accessed: dayInWords(DateTime.fromISO(accessed, { zone }), words) }) }];
  });
}
