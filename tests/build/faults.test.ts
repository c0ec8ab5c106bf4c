// The machine failing under a build, and input that must fail it: whatever happens, _site/
// stays byte for byte what it was, no staging folder outlives its build, and the editor gets
// one plain line instead of a stack trace.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { execFile, execFileSync, spawn } from "node:child_process";
import { statfsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildSite } from "../../src/publish/build.ts";
import { describeFailure } from "../../src/core/problems.ts";
import { createFixture, itemFile, writeText, type FixtureItem } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";
import { pollUntil } from "../fixtures/wait.ts";
import { npmRunBuild } from "../fixtures/commands.ts";

// A file system that fails on demand: the next page written below a staging folder throws
// the error set here. Everything else goes to the real one.
const fault: { code?: string } = {};
vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  const failure = (file: unknown) =>
    fault.code && String(file).includes(".building-") && String(file).endsWith(".html")
      ? Object.assign(new Error(`${fault.code}: simulated, open '${String(file)}'`), { code: fault.code, path: String(file), syscall: "open" })
      : undefined;
  const writeFileSync = ((file: Parameters<typeof real.writeFileSync>[0], ...rest: unknown[]) => {
    const error = failure(file);
    if (error) throw error;
    return (real.writeFileSync as (...args: unknown[]) => void)(file, ...rest);
  }) as typeof real.writeFileSync;
  // The build writes its pages with the callback API, on libuv's pool (src/publish/write-pages.ts).
  const writeFile = ((file: Parameters<typeof real.writeFile>[0], ...rest: unknown[]) => {
    const error = failure(file);
    const callback = rest.at(-1) as (error: Error | null) => void;
    if (error) return void setImmediate(() => callback(error));
    return (real.writeFile as (...args: unknown[]) => void)(file, ...rest);
  }) as typeof real.writeFile;
  return { ...real, default: { ...real, writeFileSync, writeFile }, writeFileSync, writeFile };
});

const run = promisify(execFile);
const items: FixtureItem[] = [
  { path: "2020/one", title: "One", date: "2020-12-01", countries: ["mali"], tags: ["jnim"] },
  { path: "2020/two", title: "Two", date: "2020-12-03", countries: ["niger"] },
];

let fixture: { root: string; remove: () => Promise<void> };
let site: string;
let published: Record<string, string>;
// A command-line build's previous site is deleted by a process of its own after the build exits, by design: not a leftover.
const leftovers = async (root = fixture.root) => (await readdir(root)).filter((name) => name.startsWith("_site") && !name.includes(".previous-")).sort();

beforeAll(async () => {
  fixture = await createFixture({ items });
  site = (await buildSite({ root: fixture.root })).output;
  published = await snapshot(site);
});
afterAll(async () => fixture.remove());

describe("a build that cannot write", () => {
  for (const code of ["ENOSPC", "EACCES"]) {
    it(`stops on ${code} with one line, removes its staging and leaves _site/ as it was`, async () => {
      fault.code = code;
      try {
        const failure = await buildSite({ root: fixture.root, reuse: false }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeDefined();
        const message = describeFailure(failure);
        expect(message).toMatch(new RegExp(`^The build stopped at .*\\.building-\\d+/.*\\.html: .* \\(${code}\\)\\.$`));
        expect(message.split("\n")).toHaveLength(1);
      } finally {
        delete fault.code;
      }
      expect(await snapshot(site)).toEqual(published);
      expect(await leftovers()).toEqual(["_site"]);
    });
  }
});

describe("a dry run", () => {
  it("renders every page and writes nothing: no staging folder, _site/ byte for byte the same", async () => {
    // Every page; not the copied stylesheet, script and icon, or the search index a dry run does not write.
    const pages = Object.keys(published).filter((file) => !/^(css|js|img|pagefind)\//.test(file)).length;
    const result = await buildSite({ root: fixture.root, dryRun: true });
    expect(result.pages).toBe(pages);
    expect(await snapshot(site)).toEqual(published);
    expect(await leftovers()).toEqual(["_site"]);
  });
});

describe("what a killed build left behind", () => {
  it("is removed by the next build and by npm run check, unless its process still runs", async () => {
    const root = fixture.root;
    // A pid that surely ran and is gone, and one that surely runs.
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      for (const pid of [gone.pid, alive.pid]) {
        await mkdir(path.join(root, `_site.building-${pid}/articles`), { recursive: true });
        await writeFile(path.join(root, `_site.building-${pid}/articles/half.html`), "<p>half");
      }
      await buildSite({ root });
      expect(await leftovers()).toEqual(["_site", `_site.building-${alive.pid}`]);

      await mkdir(path.join(root, `_site.building-${gone.pid}`));
      const tsx = path.resolve("node_modules/.bin/tsx");
      await run(tsx, [path.resolve("src/cli/check.ts")], { cwd: root });
      expect(await leftovers()).toEqual(["_site", `_site.building-${alive.pid}`]);
    } finally {
      alive.kill();
      await rm(path.join(root, `_site.building-${alive.pid}`), { recursive: true, force: true });
    }
    expect(await snapshot(site)).toEqual(published);
  });
});

describe("content that must fail the build", () => {
  const cases: [string, string, string][] = [
    ["a control character", itemFile({ ...items[0]!, path: "x", title: "x" }).replace("Body of x.", "Body \u000c."), "body: contains a control character (U+000C)"],
    ["a YAML alias bomb", "---\ntitle: &a [x, x]\nsummary: [*a, *a]\n---\n", "front matter: uses a YAML anchor (&a)"],
    ["an offset beyond +14:00", itemFile({ ...items[0]!, path: "x", title: "x", date: "2020-12-03T10:00:00+15:00" }), "date: has a time-zone offset outside -14:00 to +14:00"],
    ["a year out of range", itemFile({ ...items[0]!, path: "x", title: "x", date: "2202-12-03" }), "date: must be a year from 1900 to 2100"],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: the problem is named and _site/ is byte for byte the same`, async () => {
      await writeText(fixture.root, "content/articles/2020/bad.md", text);
      try {
        await expect(buildSite({ root: fixture.root })).rejects.toThrow(expected);
      } finally {
        await rm(path.join(fixture.root, "content/articles/2020/bad.md"));
      }
      expect(await snapshot(site)).toEqual(published);
      expect(await leftovers()).toEqual(["_site"]);
    });
  }

  it("a data file that never settles and keeps a timer: npm run check and npm run build fail naming it, and exit", async () => {
    const root = fixture.root;
    const themes = path.join(root, "content/_data/themes.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    // A top-level await needs an ES module, as in the project's own package.json.
    await writeFile(path.join(root, "package.json"), '{ "type": "module" }\n');
    await writeFile(themes, "setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default [];\n");
    try {
      const commands = { "npm run check": [tsx, [path.resolve("src/cli/check.ts")]], "npm run build": [npmRunBuild.command, [...npmRunBuild.args]] } as const;
      for (const [script, [command, args]] of Object.entries(commands)) {
        const failed = await run(command, [...args], { cwd: root, env: { ...process.env, DIGEST_DATA_TIMEOUT_MS: "1000" }, timeout: 30_000 }).then(
          () => ({ code: 0, stderr: "", killed: false }),
          (error: { code: number; stderr: string; killed: boolean }) => error,
        );
        expect(failed.killed, script).toBe(false);
        expect(failed.code, script).toBe(1);
        expect(failed.stderr, script).toContain("content/_data/themes.ts did not finish loading within 1 s");
        expect(failed.stderr, script).not.toMatch(/^\s+at /m);
      }
    } finally {
      await rm(path.join(root, "package.json"));
      await writeFile(themes, `export default ${JSON.stringify([{ slug: "elections", name: "Elections", description: "Votes." }])};\n`);
    }
    expect(await snapshot(site)).toEqual(published);
  });
});

describe("npm run build, as it is run", () => {
  const build = (env: Record<string, string> = {}) =>
    run(npmRunBuild.command, [...npmRunBuild.args], { cwd: fixture.root, env: { ...process.env, ...env }, timeout: 60_000 }).then(
      (done) => ({ code: 0, stderr: done.stderr }),
      (error: { code: number; stderr: string }) => error,
    );
  const themes = () => path.join(fixture.root, "content/_data/themes.ts");
  const restoreThemes = () => writeFile(themes(), `export default ${JSON.stringify([{ slug: "elections", name: "Elections", description: "Votes." }])};\n`);

  it("a data file that calls process.exit(0) cannot end the build with success: it exits 1 and _site/ is as it was", async () => {
    await writeFile(themes(), "process.exit(0);\nexport default [];\n");
    try {
      const failed = await build();
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain("The build was ended before it was done (did a data file call process.exit?)");
    } finally {
      await restoreThemes();
    }
    expect(await snapshot(site)).toEqual(published);
    expect(await leftovers()).toEqual(["_site"]);
  });

  it("a data file importing a module that does not exist: the problem names the module, not only 'Build failed'", async () => {
    await writeFile(themes(), 'import { x } from "./nowhere.ts";\nexport default x ? [] : [];\n');
    try {
      const failed = await build();
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/content\/_data\/themes\.ts could not be loaded: Could not resolve "\.\/nowhere\.ts" \(.*themes\.ts:1\)/);
    } finally {
      await restoreThemes();
    }
  });

  it("compiled code removed while the build runs: one line, exit 1, _site/ as it was", async () => {
    const folder = (await run(npmRunBuild.command, [npmRunBuild.args[0], "compile"])).stdout.trim();
    // A copy of the compiled code, from which the module the build imports last is gone, as it
    // would be had the cache been deleted after the build started.
    // Beside the real one, where its packages resolve from node_modules/.
    const copy = path.join(path.dirname(folder), `test-${process.pid}`);
    try {
      await cp(folder, copy, { recursive: true });
      const late = (await readdir(copy)).find((name) => name.startsWith("eleventy-plugin-"))!;
      await rm(path.join(copy, late));
      const failed = await run(process.execPath, [path.join(copy, "build.mjs")], { cwd: fixture.root }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr.trim().split("\n")).toEqual([
        "The build stopped: its compiled code (node_modules/.cache/sahel-digest/code/) was removed while it ran; build again.",
        "",
        "The build failed; the previous _site/ was left as it was.",
      ]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
    expect(await snapshot(site)).toEqual(published);
  });

  it("compiled code that was damaged (a file emptied) is compiled again, never run as it is; --fresh compiles it again too", async () => {
    // A copy of the project's code in a folder of its own: the launcher names its compiled code
    // by where the project is, so this damages no code other tests' builds are running from.
    const project = await mkdtemp(path.join(tmpdir(), "sahel-launcher-"));
    for (const part of ["src", "templates", "messages", "package.json"]) await cp(path.resolve(part), path.join(project, part), { recursive: true });
    await symlink(path.resolve("node_modules"), path.join(project, "node_modules"));
    const launcher = path.join(project, "src/cli/launch.mjs");
    // The launcher says where the code it compiled (or found whole) is.
    const folder = (await run(process.execPath, [launcher, "compile"])).stdout.trim();
    try {
      const chunk = (await readdir(folder)).find((name) => name.startsWith("chunk-"))!;
      await writeFile(path.join(folder, chunk), "");
      const result = await run(process.execPath, [launcher, "build"], { cwd: fixture.root }).then(() => 0, (error: { code: number }) => error.code);
      expect(result).toBe(0);
      expect((await readFile(path.join(folder, chunk))).length).toBeGreaterThan(0);
      expect(await snapshot(site)).toEqual(published);
      // The site it replaced is deleted by a process of its own, once the build has exited.
      expect(await pollUntil(async () => !(await readdir(fixture.root)).some((name) => name.includes(".previous-")), 10_000)).toBe(true);
      const stamp = (await stat(path.join(folder, "build.mjs"))).mtimeMs;
      const names = (await readdir(folder)).sort();
      await run(process.execPath, [launcher, "compile", "--fresh"]);
      expect((await stat(path.join(folder, "build.mjs"))).mtimeMs).toBeGreaterThan(stamp);
      // Compiled again under the same names, in place of the old ones: a preview running from
      // them finds the modules it imports late (a --fresh build once removed them under it).
      expect((await readdir(folder)).sort()).toEqual(names);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(project, { recursive: true, force: true });
    }
  });
});

// A real full disk: a small tmpfs, where this machine lets us mount one (root on Linux).
const tmpfs = await mkdtemp(path.join(tmpdir(), "sahel-full-"));
const canMount = (() => {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", tmpfs], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

afterAll(async () => {
  if (canMount) {
    // A command-line build's previous site may still be being deleted: let that finish before unmounting.
    const project = path.join(tmpfs, "project");
    await pollUntil(async () => !(await readdir(project).catch(() => [])).some((name) => name.includes(".previous-")), 20_000);
    await rm(project, { recursive: true, force: true });
    try {
      execFileSync("umount", [tmpfs], { stdio: "ignore" });
    } catch {
      // Still busy: detach it now; the kernel frees it when the last user goes.
      execFileSync("umount", ["-l", tmpfs]);
    }
  }
  await rm(tmpfs, { recursive: true, force: true });
});

describe.skipIf(!canMount)("a real full disk", () => {
  it("fails with one line, leaves _site/ as it was, and the next build, with space again, succeeds", async () => {
    const root = path.join(tmpfs, "project");
    const own = await createFixture({ items });
    try {
      execFileSync("cp", ["-r", own.root, root]);
    } finally {
      await own.remove();
    }
    await buildSite({ root });
    const before = await snapshot(path.join(root, "_site"));
    // More pages than will fit...
    for (let i = 0; i < 20; i++) {
      await writeText(root, `content/articles/2020/more-${i}.md`, itemFile({ ...items[0]!, path: "x", title: `More ${i}`, body: "Text. ".repeat(700) }));
    }
    // Fill the disk but for 200 KB, then build them.
    const filler = path.join(tmpfs, "filler");
    const free = statfsSync(tmpfs).bavail * statfsSync(tmpfs).bsize;
    await writeFile(filler, Buffer.alloc(Math.max(0, free - 200 * 1024)));
    // As an editor sees it: npm run build's own script.
    const failed = await run(npmRunBuild.command, [...npmRunBuild.args], { cwd: root }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^The build stopped(?: at .*)?: no space left on the disk \(ENOSPC\)\.$/),
      "",
      "The build failed; the previous _site/ was left as it was.",
    ]);
    expect(await snapshot(path.join(root, "_site"))).toEqual(before);
    expect(await leftovers(root)).toEqual(["_site"]);
    await rm(filler);
    await buildSite({ root });
    expect(Object.keys(await snapshot(path.join(root, "_site")))).toContain("articles/2020/more-19/index.html");
  });
});
