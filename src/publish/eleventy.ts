import type { IncomingMessage, ServerResponse } from "node:http";
// The one door to Eleventy. Every use of it goes through here: its configuration API (the
// part src/publish/eleventy-plugin.ts calls), a one-off build, and the preview's watcher and dev server,
// including what works around Eleventy 3's gaps. What Eleventy does in this project is
// small: it copies the stylesheet, watches, serves, and calls the plugin before and after
// each (re)build; src/publish/write-pages.ts writes every page. tests/build/eleventy.test.ts holds
// Eleventy to this contract, so an upgrade that changes any of it fails loudly there.
//
// Eleventy is imported only when it is used: a build loads the content first (src/publish/site-digest.ts).

/** The part of Eleventy's configuration API the plugin uses (Eleventy ships no type declarations). */
export interface EleventyConfig {
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setInputDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setLibrary(name: string, library: unknown): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  /** The dev server's options; `middleware` runs before it serves a file. */
  setServerOptions(options: { middleware?: ((request: IncomingMessage, response: ServerResponse, next: () => void) => void | Promise<void>)[] }): void;
  on(event: "eleventy.before", handler: () => Promise<void>): void;
  on(event: "eleventy.after", handler: (event: { results: { outputPath: string | false }[]; directories: { output: string } }) => Promise<void>): void;
  on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => void): void;
  ignores: Set<string>;
}

export interface EleventyRun {
  /** Where Eleventy writes (the stylesheet; the plugin writes the pages there too). */
  readonly output: string;
  /** Configures Eleventy: the plugin. Its return value is what a config file would return. */
  readonly configure: (config: EleventyConfig) => unknown;
}

/** The methods of an Eleventy instance this module calls. */
interface EleventyInstance {
  init(): Promise<void>;
  write(): Promise<unknown>;
  watch(): Promise<unknown>;
  serve(port: number): Promise<void>;
  stopWatch(): Promise<void>;
  setIsVerbose(verbose: boolean): void;
  setDryRun(dryRun: boolean): void;
  disableLogger(): void;
  /** Eleventy 3's ConsoleLogger: `overrideLogger` sends its lines to another console-like object. */
  logger: { overrideLogger(logger: unknown): void };
  watcher: { on(event: string, listener: (...args: string[]) => void): void };
  /** The dev server, in serve mode. */
  eleventyServe?: {
    reload(event: object): void;
    init(): Promise<void>;
    initServerInstance(): Promise<void>;
    /** @11ty/eleventy-dev-server's instance: `server` is its node:http server. */
    server: { server: { listen(options: { port: number; host: string }): void; prependListener(event: "upgrade", listener: (request: IncomingMessage, socket: { destroy(): void }) => void): void }; _serverListen(port: number): void };
  };
}

async function eleventyClass(): Promise<new (input: string | undefined, output: string, options: Record<string, unknown>) => EleventyInstance> {
  // On Node before 22.15, Eleventy registers an ES module loader (module.register) so that a
  // JavaScript data or config file it imports again in watch mode brings its edited imports
  // with it. This project has no such file for Eleventy to import (src/content/load/data-files.ts loads
  // the data files, afresh each time), and the loader runs every later import through a thread
  // of its own, which slowed importing Eleventy and the libraries after it (docs/performance.md).
  // Eleventy's own switch turns it off.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  // @ts-expect-error Eleventy ships no type declarations.
  return (await import("@11ty/eleventy")).default;
}

/**
 * One build. Eleventy's log stays off unless `verbose`: the command line says what was built,
 * or why it failed, in its own words (Eleventy would add a second summary, and on a failed
 * write a stack trace ahead of the reason). `dryRun`: Eleventy copies nothing.
 */
export async function buildOnce(run: EleventyRun & { verbose?: boolean; dryRun?: boolean }): Promise<void> {
  const Eleventy = await eleventyClass();
  const eleventy = new Eleventy(undefined, run.output, {
    quietMode: !run.verbose,
    // No config file: .eleventy.js is for Eleventy's own command line; the plugin is configured directly.
    configPath: false,
    config: run.configure,
  });
  eleventy.setIsVerbose(Boolean(run.verbose));
  if (!run.verbose) eleventy.disableLogger();
  if (run.dryRun) eleventy.setDryRun(true);
  await eleventy.write();
}

/**
 * Whether Eleventy's own command line was asked for a dry run: `--dryrun`, `--dryrun=true`, or
 * their `--no-dryrun`/`--dryrun=false` opposites, the last one given winning (as minimist,
 * Eleventy's parser, reads them).
 */
export function askedForDryRun(argv: readonly string[]): boolean {
  let asked = false;
  for (const arg of argv) {
    if (arg === "--") break;
    if (arg === "--dryrun" || arg === "--dryrun=true") asked = true;
    else if (arg === "--no-dryrun" || arg === "--dryrun=false") asked = false;
  }
  return asked;
}

export interface Watching {
  /** Rebuilds for a file, as the watcher does when it sees one change. */
  rebuildFor(file: string): Promise<void>;
  /** Told of every file the watcher reports, whatever happened to it. */
  onFileEvent(listener: (event: string, file: string) => void): void;
  /**
   * Starts the dev server (with live reload) on `port` of `host`, serving the output; a
   * WebSocket upgrade `allowUpgrade` refuses is closed before the live-reload socket sees it.
   */
  serve(port: number, host: string, allowUpgrade?: (request: IncomingMessage) => boolean): Promise<void>;
  /** Tells the browsers the dev server serves to load their page again. */
  reloadBrowsers(): void;
  stop(): Promise<void>;
}

/**
 * Builds, then watches and rebuilds on every change. `pathPrefix` is where the dev server
 * serves the site (its base path). Eleventy 3 logs a deleted file but does not rebuild, which
 * would leave a deleted item on every page that listed it: here a deletion rebuilds as any
 * other change does.
 */
export async function startWatching(run: EleventyRun & { pathPrefix: string; serving: boolean; /** The line that replaces Eleventy's "Wrote N files": undefined keeps Eleventy's, "" says nothing (a failed rebuild). */ wrote?: () => string | undefined }): Promise<Watching> {
  const Eleventy = await eleventyClass();
  const eleventy = new Eleventy(undefined, run.output, {
    quietMode: true,
    configPath: false,
    runMode: run.serving ? "serve" : "watch",
    pathPrefix: run.pathPrefix,
    config: run.configure,
  });
  eleventy.logger.overrideLogger(terminalLog(run.wrote ?? (() => undefined)));
  await eleventy.init();
  const rebuildFor = (await eleventy.watch()) as (changedPath: string) => Promise<void>;
  eleventy.watcher.on("unlink", (deletedPath) => void rebuildFor(deletedPath!));
  return {
    rebuildFor,
    onFileEvent: (listener) => eleventy.watcher.on("all", (event, file) => listener(event!, file!)),
    serve: async (port, host, allowUpgrade) => {
      // The dev server listens on every network interface, with no option to say otherwise
      // (@11ty/eleventy-dev-server 2.1 calls listen({ port })): its instance is made here, as
      // Eleventy's serve() would, and told to listen on `host` only, its next-port-when-taken
      // retries included. tests/build/preview-guard.test.ts holds it to that.
      const serving = eleventy.eleventyServe!;
      await serving.init();
      await serving.initServerInstance();
      const devServer = serving.server;
      devServer._serverListen = (next: number) => devServer.server.listen({ port: next, host });
      // The live-reload socket shares the server but not its middleware: an upgrade is checked
      // first, and a refused one's socket closed (the socket server then finds it closed).
      if (allowUpgrade) {
        devServer.server.prependListener("upgrade", (request: IncomingMessage, socket: { destroy(): void }) => {
          if (!allowUpgrade(request)) socket.destroy();
        });
      }
      await eleventy.serve(port);
    },
    // A reload with no changed templates named: the client loads the whole page again.
    reloadBrowsers: () => eleventy.eleventyServe?.reload({ files: [], build: {} }),
    stop: () => eleventy.stopWatch(),
  };
}

/**
 * What the preview's terminal shows of Eleventy's log. Eleventy counts the templates it wrote
 * itself, which here are none ("Wrote 0 files" after hundreds of pages): that line says what the
 * preview wrote instead. A failed rebuild's problems are printed once, by the plugin: Eleventy's
 * "Original error stack trace" and a line repeated at once are left out.
 */
export function terminalLog(wrote: () => string | undefined, sink: Pick<Console, "log" | "warn" | "error" | "info" | "debug"> = console): Record<"log" | "warn" | "error" | "info" | "debug", (message: string) => void> {
  // The lines said since the last rebuild's summary: Eleventy may log one failure twice.
  const said = new Set<string>();
  const say = (write: (message: string) => void) => (message: string) => {
    const plain = message.replace(/\u001b\[[0-9;]*m/g, "");
    if (/Original error stack trace/.test(plain) || /^\[11ty\]\s*$/.test(plain) || said.has(plain)) return;
    said.add(plain);
    const count = /^\[11ty\] (?:Copied \d+ )?Wrote \d+ files? .*?in ([\d.]+) seconds?/.exec(plain);
    if (count) {
      said.clear();
      const pages = wrote();
      if (pages === "") return;
      if (pages) return write(`[preview] ${pages}, in ${count[1]} s.`);
    }
    write(message);
  };
  return { log: say((m) => sink.log(m)), info: say((m) => sink.info(m)), debug: say((m) => sink.debug(m)), warn: say((m) => sink.warn(m)), error: say((m) => sink.error(m)) };
}
