// The open data's CSV as a spreadsheet and a CSV parser meet it: RFC 4180 quoting, formulas
// escaped in text but numbers kept, empty cells for what is unknown.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { toCsv } from "../../src/pages/open-data.ts";

const columns = ["text", "number", "flag", "missing"].map((name) => ({ name, description: name }));

describe("toCsv", () => {
  it("quotes what must be quoted, ends every record with CRLF, and reads back the same", () => {
    const rows = [
      ["plain", 1, true, undefined],
      ['with, comma and "quotes"', -5.99, false, undefined],
      ["two\nlines and a\r\nCRLF", 0, undefined, undefined],
    ];
    const text = toCsv(columns, rows);
    expect(text).toBe(
      'text,number,flag,missing\r\nplain,1,true,\r\n"with, comma and ""quotes""",-5.99,false,\r\n"two\nlines and a\r\nCRLF",0,,\r\n',
    );
    expect(parse(text, { columns: true })).toEqual([
      { text: "plain", number: "1", flag: "true", missing: "" },
      { text: 'with, comma and "quotes"', number: "-5.99", flag: "false", missing: "" },
      { text: "two\nlines and a\r\nCRLF", number: "0", flag: "", missing: "" },
    ]);
  });

  it("neutralises a text cell a spreadsheet would run, and leaves negative numbers alone", () => {
    const text = toCsv(columns, [["=1+1", -3, undefined, undefined], ["+33 6", 2, undefined, undefined], ["-x", 3, undefined, undefined], ["@SUM(A1)", 4, undefined, undefined], ["a=b", 5, undefined, undefined]]);
    expect((parse(text, { columns: true }) as Record<string, string>[]).map((r) => [r.text, r.number])).toEqual([
      ["'=1+1", "-3"], ["'+33 6", "2"], ["'-x", "3"], ["'@SUM(A1)", "4"], ["a=b", "5"],
    ]);
  });
});
