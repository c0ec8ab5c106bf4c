// `npm start`: the preview on http://localhost:8080, rebuilt on every change to content/ and
// templates/. A change under src/ is a change of the code itself, which a running Node process
// cannot reload, so this script supervises a child process and restarts it.
//   npm start                      preview this folder
//   npm start -- --port 9000       on another port
//   npm start -- --watch-only      rebuild without serving (used by the tests)
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPreview } from "../preview.ts";
import { describeFailure } from "../problems.ts";
import { basePathOf } from "../plugin.ts";
import { COLLECTIONS } from "../collections.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : (args[index + 1] ?? "");
};
const root = path.resolve(flag("--root") ?? process.cwd());
const port = args.includes("--watch-only") ? undefined : Number(flag("--port") ?? 8080);

if (args.includes("--child")) {
  await runPreview();
} else {
  supervise();
}

async function runPreview(): Promise<void> {
  try {
    const preview = await startPreview({ root, ...(flag("--output") ? { output: flag("--output") } : {}), ...(port === undefined ? {} : { port }) });
    // Eleventy says "Watching…" before its watcher is ready; this line comes once it is.
    console.log(`[preview] Ready: rebuilding on changes to ${path.join(root, "content")} and the templates.`);
    const stop = async () => {
      await preview.stop();
      process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  } catch (error) {
    console.error(describeFailure(error));
    process.exit(1);
  }
}

function supervise(): void {
  const src = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  let child: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  const start = () => {
    child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args, "--child"], { stdio: "inherit" });
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
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child?.kill("SIGTERM");
      process.exit(0);
    });
  }
  start();
}
