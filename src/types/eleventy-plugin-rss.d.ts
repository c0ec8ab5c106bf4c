// @11ty/eleventy-plugin-rss ships no type declarations; these are the two date formatters used.
declare module "@11ty/eleventy-plugin-rss/src/dateRfc3339.js" {
  export default function dateToRfc3339(date: Date): string;
}
declare module "@11ty/eleventy-plugin-rss/src/dateRfc822.js" {
  /** Formats in `timeZone`, or in the machine's local zone when it is left out. */
  export default function dateToRfc822(date: Date | string | number, timeZone?: string): string;
}
