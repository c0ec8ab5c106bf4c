// What the preview's terminal shows of Eleventy's log (issue 29): what the preview wrote, not
// Eleventy's "Wrote 0 files"; each problem once, without Eleventy's stack trace.
import { describe, expect, it } from "vitest";
import { terminalLog } from "../../src/publish/eleventy.ts";

function terminal(wrote: () => string | undefined) {
  const lines: string[] = [];
  const sink = { log: (m: string) => lines.push(m), info: (m: string) => lines.push(m), debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  return { log: terminalLog(wrote, sink), lines };
}

describe("the preview's terminal", () => {
  it("says how many pages a rebuild wrote, instead of Eleventy's count of its own templates", () => {
    const { log, lines } = terminal(() => "Wrote 12 of 719 pages (the others had not changed)");
    log.log("[11ty] Copied 2 \u001b[1mWrote 0 files\u001b[22m in 4.36 seconds (v3.1.8)");
    expect(lines).toEqual(["[preview] Wrote 12 of 719 pages (the others had not changed), in 4.36 s."]);
  });

  it("prints a failed rebuild's words once, without the stack trace or a count of nothing", () => {
    const { log, lines } = terminal(() => "");
    log.error("[11ty] Problem writing Eleventy templates:");
    log.error("[11ty] The preview keeps the last good site until the problems above are fixed.");
    log.error("[11ty] ");
    log.error("[11ty] \n[11ty] Original error stack trace: The preview keeps the last good site until the problems above are fixed.");
    log.error("[11ty] The preview keeps the last good site until the problems above are fixed.");
    log.log("[11ty] Wrote 0 files in 0.33 seconds (v3.1.8)");
    expect(lines).toEqual(["[11ty] Problem writing Eleventy templates:", "[11ty] The preview keeps the last good site until the problems above are fixed."]);
  });

  it("passes every other line through", () => {
    const { log, lines } = terminal(() => undefined);
    log.log("[11ty] File changed: content/articles/2020/x.md");
    log.log("[11ty] Wrote 3 files in 1.00 seconds (v3.1.8)");
    expect(lines).toEqual(["[11ty] File changed: content/articles/2020/x.md", "[11ty] Wrote 3 files in 1.00 seconds (v3.1.8)"]);
  });
});
