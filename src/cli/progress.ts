// A long build's progress on one line of the terminal: what it is doing and how far along.
// Shown only on a terminal, only once the build has run a second, at most five times a second;
// piped or in CI, the build prints its summary alone.
import type { BuildProgress } from "../publish/build.ts";

const count = (n: number) => n.toLocaleString("und");

export function describeProgress(progress: BuildProgress): string {
  const of = progress.total ? ` ${count(Math.min(progress.done ?? 0, progress.total))} of ${count(progress.total)}` : "";
  switch (progress.step) {
    case "reading":
      return `Reading items${of}…`;
    case "grouping":
      return "Grouping the items into issues, countries, tags and feeds…";
    case "writing":
      return `Writing pages${of}…`;
    case "indexing":
      return "Finishing the search index…";
  }
}

export class ProgressLine {
  private readonly started: number;
  private last = -Infinity;
  private step: BuildProgress["step"] | undefined;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = () => performance.now(),
    /** Milliseconds before anything is shown, and between two updates of the same step. */
    private readonly timing = { after: 1000, every: 200 },
  ) {
    this.started = now();
  }

  update(progress: BuildProgress): void {
    const time = this.now();
    const newStep = progress.step !== this.step;
    this.step = progress.step;
    if (time - this.started < this.timing.after) return;
    if (!newStep && time - this.last < this.timing.every) return;
    this.last = time;
    this.shown = true;
    this.write(`\r\u001b[K${describeProgress(progress)}`);
  }

  /** Erases the line, before the build's own words. */
  clear(): void {
    if (this.shown) this.write("\r\u001b[K");
    this.shown = false;
  }
}
