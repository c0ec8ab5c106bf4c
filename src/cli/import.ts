// `npm run import -- acled FILE.csv`: another organisation's weekly counts from its export, into
// content/_data/external-counts.ts (see src/content/import/acled.ts).
//   --root DIR              the project (the working directory unless told)
//   --exported YYYY-MM-DD   when the file was exported (else its newest `timestamp`)
//   --accessed YYYY-MM-DD   the day the export was downloaded (else the export date): pages name it
//   --filters "TEXT"        the filters chosen on ACLED's export tool (else the countries and dates taken)
//   --source NAME           who counted ("ACLED" unless told); that source's entries are replaced
//   --skip-bad-rows         import the good rows even when some are bad (they are still listed)
import { parseArgs } from "node:util";
import path from "node:path";
import { DEFAULT_SOURCE, LISTED_BAD_ROWS, importAcled } from "../content/import/acled.ts";
import { formatProblem } from "../core/problems.ts";

const USAGE = "Usage: npm run import -- acled FILE.csv [--root DIR] [--exported YYYY-MM-DD] [--accessed YYYY-MM-DD] [--filters TEXT] [--source NAME] [--skip-bad-rows]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      root: { type: "string" },
      exported: { type: "string" },
      accessed: { type: "string" },
      filters: { type: "string" },
      source: { type: "string" },
      "skip-bad-rows": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [format, file, ...extra] = positionals;
if (format !== "acled") usage(format === undefined ? "Say which format to import: acled." : `Unknown format "${format}"; the importer reads: acled.`);
if (!file) usage("Name the CSV file to import.");
if (extra.length) usage(`One file at a time (also got: ${extra.join(" ")}).`);

const root = path.resolve(values.root ?? process.cwd());
const started = performance.now();

// Progress only where a person watches: a terminal. Piped or in CI, only the summary.
const tty = process.stderr.isTTY === true;
let lastShown = started;
let shown = false;
const onProgress = tty
  ? (rows: number) => {
      const now = performance.now();
      if (now - lastShown < 500) return;
      lastShown = now;
      shown = true;
      process.stderr.write(`\rRead ${rows} rows…`);
    }
  : undefined;

const result = await importAcled({
  root,
  file,
  source: values.source ?? DEFAULT_SOURCE,
  ...(values.exported !== undefined ? { exported: values.exported } : {}),
  ...(values.accessed !== undefined ? { accessed: values.accessed } : {}),
  ...(values.filters !== undefined ? { filters: values.filters } : {}),
  skipBadRows: values["skip-bad-rows"] === true,
  ...(onProgress ? { onProgress } : {}),
});
if (shown) process.stderr.write("\r\u001b[K");

const counts = result.counts;
if (counts && counts.badRowCount > 0) {
  const total = counts.badRowCount === 1 ? "1 bad row" : `${counts.badRowCount} bad rows`;
  const listed = counts.badRowCount > counts.badRows.length ? ` (the first ${counts.badRows.length} listed)` : "";
  console.error(`${file} has ${total}${listed}:`);
  for (const problem of counts.badRows.slice(0, LISTED_BAD_ROWS)) console.error(`  ${formatProblem(problem)}`);
}
for (const problem of result.problems) console.error(formatProblem(problem));

const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (counts) {
  const { rowsRead, rowsImported, otherCountries, otherCountryNames } = counts.stats;
  const names = [...otherCountryNames].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const most = names.slice(0, 5).map(([name, n]) => `${name} ${n}`).join(", ") + (names.length > 5 ? `, ${names.length - 5} more` : "");
  const skipped = otherCountries ? `, skipped ${otherCountries} of countries the digest does not cover (${most})` : "";
  const bad = counts.badRowCount ? `, ${counts.badRowCount} bad` : "";
  const outcome = result.written
    ? `wrote ${result.entries} weeks × countries of ${result.source} (exported ${result.exported}) to ${result.output}`
    : `wrote nothing${counts.badRowCount && !values["skip-bad-rows"] ? " (import the good rows anyway with --skip-bad-rows)" : ""}`;
  const line = `Read ${rowsRead} rows from ${file}: imported ${rowsImported}${bad}${skipped}; ${outcome} in ${seconds} s.`;
  if (result.written) console.log(line);
  else console.error(line);
} else if (!result.written && result.problems.length === 0) {
  // A problem above says why, in one line; this is for a failure that said nothing.
  console.error(`Imported nothing into the project at ${root}.`);
}
// A data file may have started a timer that would keep the process alive: the import is done.
process.exit(result.written ? 0 : 1);
