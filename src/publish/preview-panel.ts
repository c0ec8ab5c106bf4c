// The preview's error panel: while the content has problems, every page the preview serves
// opens with them (file, line, field, message), above the last good version of the page; the
// browser is told to reload when a build fails or recovers, so the panel comes and goes by
// itself. Served by the dev server, not written to the site: nothing of it can be published.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatProblem, type Problem } from "../core/problems.ts";

export class PreviewProblems {
  private problems: readonly Problem[] = [];

  set(problems: readonly Problem[]): void {
    this.problems = problems;
  }

  clear(): void {
    this.problems = [];
  }

  get current(): readonly Problem[] {
    return this.problems;
  }
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The panel's HTML: every problem as the terminal prints it, escaped. */
export function panelHtml(problems: readonly Problem[]): string {
  const items = problems.map((p) => `<li><code>${escape(formatProblem(p))}</code></li>`).join("");
  return (
    `<section class="preview-problems" role="alert" aria-labelledby="preview-problems-heading">` +
    `<h2 id="preview-problems-heading">The preview could not rebuild: ${problems.length} problem${problems.length === 1 ? "" : "s"}</h2>` +
    `<p>What follows is the last good version of this page. Fix these and save; this notice goes by itself.</p>` +
    `<ul>${items}</ul></section>`
  );
}

/** Puts the panel at the start of the page's main content (or of its body). */
export function withPanel(html: string, problems: readonly Problem[]): string {
  const panel = panelHtml(problems);
  const main = /<main\b[^>]*>/.exec(html);
  if (main) return html.slice(0, main.index + main[0].length) + panel + html.slice(main.index + main[0].length);
  const body = /<body\b[^>]*>/.exec(html);
  return body ? html.slice(0, body.index + body[0].length) + panel + html.slice(body.index + body[0].length) : panel + html;
}

/**
 * Dev-server middleware: while there are problems, an HTML page is served with the panel. The
 * dev server still adds its live-reload script to what this sends.
 */
export function panelMiddleware(problems: PreviewProblems, output: string, basePath: string) {
  return async (request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> => {
    if (problems.current.length === 0 || (request.method !== "GET" && request.method !== "HEAD")) return next();
    try {
      const url = new URL(request.url ?? "/", "http://preview");
      if (!url.pathname.startsWith(basePath)) return next();
      // Decoded inside the try: a malformed %-escape is a request to pass on, not a crash.
      let file = path.join(output, decodeURIComponent(url.pathname.slice(basePath.length)));
      const relative = path.relative(output, file);
      if (relative.startsWith("..") || path.isAbsolute(relative)) return next();
      let status = 200;
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = path.join(file, "index.html");
      else if (!info) {
        // A page that is not there yet (a new item that failed to build): the 404 page, with the panel.
        file = path.join(output, "404.html");
        status = 404;
      }
      if (!file.endsWith(".html")) return next();
      const html = await readFile(file, "utf8");
      response.statusCode = status;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(withPanel(html, problems.current));
    } catch {
      next();
    }
  };
}
