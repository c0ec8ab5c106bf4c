// `npm start`: the preview on http://localhost:8080, rebuilt on every change to content/ and
// templates/. A change under src/ is a change of the code itself, which a running Node process
// cannot reload, so this script supervises a child process and restarts it.
//   npm start                      preview this folder
//   npm start -- --port 9000       on another port
//   npm start -- --host 192.168.1.5  on another address than 127.0.0.1 (shows the drafts to that network)
//   npm start -- --watch-only      rebuild without serving (used by the tests)
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPreview } from "../publish/preview.ts";
import { describeFailure } from "../core/problems.ts";
import { basePathOf } from "../publish/eleventy-plugin.ts";
import { COLLECTIONS } from "../content/collections.ts";
import { PROJECT } from "../core/project.ts";
import { isLoopback } from "../publish/preview-guard.ts";
import { outputRefusal, PREVIEW_FOLDER, PreviewRefusedError } from "../publish/preview-output.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : (args[index + 1] ?? "");
};
const root = path.resolve(flag("--root") ?? process.cwd());
const port = args.includes("--watch-only") ? undefined : Number(flag("--port") ?? 8080);
const host = flag("--host");
// Relative to where npm runs the script: the project folder.
const output = flag("--output") ? path.resolve(flag("--output")!) : undefined;
/** The exit code of a preview that will not start as asked: the supervisor exits too, rather than wait. */
const REFUSED = 2;

if (args.includes("--child")) {
  await runPreview();
} else {
  supervise();
}

async function runPreview(): Promise<void> {
  try {
    const preview = await startPreview({ root, ...(output ? { output } : {}), ...(port === undefined ? {} : { port }), ...(host ? { host } : {}) });
    if (port !== undefined && host && !isLoopback(host)) {
      console.log(`[preview] Serving on ${host}: anyone who can reach it on that network can read the drafts and embargoed items it shows.`);
    }
    // Eleventy says "Watching…" before its watcher is ready; this line comes once it is.
    console.log(`[preview] Ready: rebuilding on changes to ${path.join(root, "content")} and the templates.`);
    const stop = async () => {
      await preview.stop();
      process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  } catch (error) {
    if (error instanceof PreviewRefusedError) {
      console.error(error.message);
      process.exit(REFUSED);
    }
    console.error(describeFailure(error));
    process.exit(1);
  }
}

function supervise(): void {
  // Asked before anything starts: a folder refused is one line, and `npm start` ends.
  const refused = outputRefusal(output ?? path.join(root, PREVIEW_FOLDER), root);
  if (refused) {
    console.error(refused);
    process.exit(REFUSED);
  }
  const src = path.join(PROJECT, "src");
  let child: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  // Started by src/cli/launch.mjs (npm start), the child starts through it too, and so runs
  // src/ as it is now, compiled again if it changed; run through tsx, the same way as this.
  const launcher = process.env.SAHEL_DIGEST_LAUNCHER;
  const start = () => {
    // The preview runs with the Node flags it was given (a heap's size, a profiler), which the
    // launcher alone would drop; not a debugger's, whose port this process holds already.
    const flags = withoutDebugger(process.execArgv);
    const command = launcher ? [...flags, launcher, "preview"] : [...flags, fileURLToPath(import.meta.url)];
    child = spawn(process.execPath, [...command, ...args, "--child"], { stdio: "inherit" });
    // Refused in the child (a folder that changed since it was asked): nothing to wait for.
    child.once("exit", (code) => {
      if (code === REFUSED) process.exit(REFUSED);
    });
  };
  const restartNow = () => {
    const old = child;
    if (old && old.exitCode === null) {
      old.once("exit", start);
      old.kill("SIGTERM");
    } else start();
  };
  const restart = () => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      console.log("[preview] src/ changed: restarting.");
      restartNow();
    }, 200);
  };
  watch(src, { recursive: true }, restart);
  // The dev server serves under the site's base path, fixed when it starts: when site.ts moves
  // the site to another path, the preview starts again on the new one.
  let basePath: string | undefined;
  void basePathOf(root).then((found) => (basePath = found));
  // A preview whose first build failed has stopped: it starts again when the content changes.
  let waitTimer: NodeJS.Timeout | undefined;
  watch(path.join(root, "content"), { recursive: true }, () => {
    if (!child || child.exitCode === null || child.exitCode === 0) return;
    clearTimeout(waitTimer);
    waitTimer = setTimeout(() => {
      console.log("[preview] The content changed: starting again.");
      start();
    }, 300);
  });
  let siteTimer: NodeJS.Timeout | undefined;
  const siteFolder = path.join(root, path.dirname(COLLECTIONS.site.file));
  const siteName = path.basename(COLLECTIONS.site.file);
  watch(siteFolder, (_event, file) => {
    if (file !== siteName) return;
    clearTimeout(siteTimer);
    siteTimer = setTimeout(async () => {
      // A site.ts that cannot be read while it is being edited is not a new base path.
      const next = await basePathOf(root, { strict: true }).catch(() => undefined);
      if (basePath === undefined || next === undefined || next === basePath) return;
      console.log(`[preview] The site's base path is now ${next} (was ${basePath}): restarting the server there.`);
      basePath = next;
      restartNow();
    }, 200);
  });
  // Stopped: the preview stops first, so that nothing is still writing once this has exited.
  // A closed terminal too (SIGHUP): started by the launcher in a process group of its own (a
  // large digest's, src/cli/launch.mjs), the child hears of it only from here.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(0);
      child.once("exit", () => process.exit(0));
      child.kill("SIGTERM");
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
  start();
}

/** Node's flags less a debugger's (--inspect, --inspect-brk=..., and --inspect-port with its value). */
function withoutDebugger(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const word = execArgv[i]!;
    if (!/^--(inspect|debug)/.test(word)) kept.push(word);
    else if (/^--(inspect|debug)-port$/.test(word)) i++;
  }
  return kept;
}
