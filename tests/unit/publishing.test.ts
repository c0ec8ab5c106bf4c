// The publishing workflow, .github/workflows/pages.yml, read by GitHub's own workflow parser
// (@actions/workflow-parser, the one behind GitHub's Actions language service): it must be a
// valid workflow, and it must be the recipe the README gives (push to main, official actions
// pinned to a version, `npm ci` then `npm run build`, _site/ deployed, the Pages permissions).
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as WorkflowParser from "@actions/workflow-parser";
import type { WorkflowTemplate } from "@actions/workflow-parser";

type Parser = typeof WorkflowParser;
type Token = NonNullable<ReturnType<Parser["parseWorkflow"]>["value"]>;
type Step = Extract<WorkflowTemplate["jobs"][number], { steps: unknown }>["steps"][number];

const workflowFile = path.join(process.cwd(), ".github/workflows/pages.yml");

/** The only actions the workflow may use: GitHub's own, for checking out, Node, the build's cache and Pages. */
const officialActions = ["actions/checkout", "actions/setup-node", "actions/cache", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"];
/** A version that does not move on its own: a major (`v5`), a release (`v5.0.1`) or a commit. */
const pinnedVersion = /^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/;

/**
 * The parser, loaded through esbuild: its published files import their JSON schema without
 * `with { type: "json" }`, which Node refuses when vitest hands the package to Node as it is.
 * Bundled into one CommonJS file (about 0.2 s), the schema travels inside it.
 */
async function loadParser(): Promise<Parser> {
  const bundled = await build({
    stdin: { contents: 'export * from "@actions/workflow-parser";', resolveDir: process.cwd() },
    bundle: true, format: "cjs", platform: "node", target: "node20", write: false, logLevel: "silent",
  });
  const dir = await mkdtemp(path.join(tmpdir(), "sahel-workflow-parser-"));
  try {
    const file = path.join(dir, "workflow-parser.cjs");
    await writeFile(file, bundled.outputFiles[0]!.text);
    return createRequire(import.meta.url)(file) as Parser;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Checked {
  /** Every problem the parser found: the schema's (unknown or missing keys, wrong values), then the conversion's (cron, needs...). */
  errors: string[];
  template: WorkflowTemplate | undefined;
  /** The workflow as plain values, read by the parser (so as GitHub reads it, not as another YAML reader would). */
  workflow: Record<string, any>;
}

let parser: Parser;
let text: string;
let checked: Checked;

/** A token as a plain value: mappings as objects, sequences as arrays, expressions as `${{ … }}`. */
function plain(token: Token): unknown {
  if (parser.isMapping(token)) return Object.fromEntries([...token].map(({ key, value }) => [key.toString(), plain(value)]));
  if (parser.isSequence(token)) return [...token].map(plain);
  if (parser.isBasicExpression(token)) return token.toString();
  if (parser.isLiteral(token)) return token.toJSON();
  return token.toString();
}

async function check(content: string): Promise<Checked> {
  const parsed = parser.parseWorkflow({ name: "pages.yml", content }, new parser.NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (!parsed.value) return { errors: errors.length > 0 ? errors : ["not a workflow"], template: undefined, workflow: {} };
  const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
  for (const { Message } of template.errors ?? []) if (!errors.includes(Message)) errors.push(Message);
  return { errors, template, workflow: plain(parsed.value) as Record<string, any> };
}

/** The workflow's text with one change; fails when the text to change is not there, so no broken copy is left unbroken. */
function broken(from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed, `the workflow should contain ${String(from)}`).not.toBe(text);
  return changed;
}

function steps(template: WorkflowTemplate): { job: string; step: Step }[] {
  return template.jobs.flatMap((job) => ("steps" in job ? job.steps : []).map((step) => ({ job: job.id.value, step })));
}

function uses(step: Step): string | undefined {
  return "uses" in step ? step.uses.value : undefined;
}

function runs(step: Step): string | undefined {
  return "run" in step ? step.run.toString() : undefined;
}

/** What is wrong with the actions a workflow uses: one of another publisher, or one without a pinned version. */
function usesProblems(template: WorkflowTemplate): string[] {
  return steps(template).flatMap(({ job, step }) => {
    const action = uses(step);
    if (action === undefined) return [];
    const at = action.lastIndexOf("@");
    const name = at < 0 ? action : action.slice(0, at);
    const version = at < 0 ? "" : action.slice(at + 1);
    if (!officialActions.includes(name)) return [`${job}: ${action} is not one of ${officialActions.join(", ")}`];
    if (!pinnedVersion.test(version)) return [`${job}: ${action} is not pinned to a version (@v5, @v5.0.1 or a commit)`];
    return [];
  });
}

beforeAll(async () => {
  parser = await loadParser();
  text = await readFile(workflowFile, "utf8");
  checked = await check(text);
});

describe(".github/workflows/pages.yml", () => {
  it("is a valid GitHub Actions workflow", () => {
    expect(checked.errors).toEqual([]);
    expect(checked.template).toBeDefined();
  });

  it("runs on every push to main, on a schedule (for embargoed items) and by hand", () => {
    const events = checked.template!.events;
    expect(events.push?.branches).toContain("main");
    expect(events.schedule?.length).toBeGreaterThan(0);
    expect(events.workflow_dispatch).toBeDefined();
  });

  it("uses only GitHub's official actions, each pinned to a version, each for its step", () => {
    expect(usesProblems(checked.template!)).toEqual([]);
    const used = steps(checked.template!).map(({ step }) => uses(step)?.split("@")[0]).filter((name) => name !== undefined);
    expect(used.sort()).toEqual([...officialActions].sort());
  });

  it("builds with npm ci, then npm run build, on Node 20, and runs no tests", () => {
    expect(checked.template!.jobs.map((job) => job.id.value)).toEqual(["build", "deploy"]);
    const commands = steps(checked.template!).filter(({ job }) => job === "build").map(({ step }) => runs(step) ?? uses(step)!.split("@")[0]);
    const at = (command: string | undefined) => commands.indexOf(command!);
    expect(commands).toContain("npm ci");
    expect(commands).toContain("npm run build");
    expect(at("npm ci")).toBeLessThan(at("npm run build"));
    expect(at("npm run build")).toBeLessThan(at("actions/upload-pages-artifact"));
    expect(commands.join("\n")).not.toMatch(/npm (run )?test|vitest|\.ci\/run/);
    const setupNode = checked.workflow.jobs.build.steps.find((step: any) => String(step.uses).startsWith("actions/setup-node@"));
    // Inputs of an action are strings, as GitHub reads them.
    expect(setupNode.with).toEqual({ "node-version": "20", cache: "npm" });
  });

  it("keeps the build's cache and last site between runs, outside node_modules/, restored after npm ci and before the build", () => {
    const build = checked.workflow.jobs.build.steps as any[];
    const at = (find: (step: any) => boolean) => build.findIndex(find);
    const cacheStep = build[at((step) => String(step.uses).startsWith("actions/cache@"))];
    const buildStep = build[at((step) => step.run === "npm run build")];
    expect(cacheStep, "an actions/cache step").toBeDefined();
    const paths = String(cacheStep.with.path).trim().split("\n").map((p) => p.trim());
    expect(paths).toEqual([buildStep.env.DIGEST_CACHE_DIR, "_site"]);
    expect(paths.some((p) => p.startsWith("node_modules"))).toBe(false);
    // A key of its own each run (a cache is never overwritten), the newest restored by prefix.
    // The parser reads the key as an expression: format('sahel-digest-build-{0}-{1}', github.run_id, …).
    const prefix = String(cacheStep.with["restore-keys"]).trim();
    expect(prefix).toBe("sahel-digest-build-");
    expect(cacheStep.with.key).toContain(`'${prefix}{0}`);
    expect(cacheStep.with.key).toContain("github.run_id");
    expect(at((step) => step.run === "npm ci")).toBeLessThan(at((step) => step === cacheStep));
    expect(at((step) => step === cacheStep)).toBeLessThan(at((step) => step === buildStep));
  });

  it("builds as of the real time: DIGEST_NOW is set nowhere", () => {
    expect(text).not.toMatch(/^[^#]*DIGEST_NOW/m);
  });

  it("uploads _site/ and deploys it to the github-pages environment, with the site's address", () => {
    const upload = checked.workflow.jobs.build.steps.find((step: any) => String(step.uses).startsWith("actions/upload-pages-artifact@"));
    expect(upload.with).toEqual({ path: "_site" });
    const deploy = checked.workflow.jobs.deploy;
    expect(deploy.needs).toBe("build");
    expect(deploy.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    const step = deploy.steps.find((step: any) => step.id === "deployment");
    expect(String(step.uses)).toMatch(/^actions\/deploy-pages@/);
  });

  it("has the Pages permissions and one deployment at a time", () => {
    expect(checked.workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    expect(checked.workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  });
});

describe("the validation can fail", () => {
  it("finds a misspelt key", async () => {
    const { errors } = await check(broken("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest"));
    expect(errors).toContainEqual(expect.stringContaining("Unexpected value 'runs-onn'"));
  });

  it("finds a job without runs-on", async () => {
    const { errors } = await check(broken(/\n    runs-on: ubuntu-latest/, ""));
    expect(errors).toContainEqual(expect.stringContaining("Required property is missing: runs-on"));
  });

  it("finds a wrong permission and a broken schedule", async () => {
    expect((await check(broken("id-token: write", "id-token: writ"))).errors).toContainEqual(expect.stringContaining("Unexpected value 'writ'"));
    expect((await check(broken(/cron: "[^"]*"/, 'cron: "17 * * *"'))).errors).toContainEqual(expect.stringContaining("Invalid cron expression"));
  });

  it("finds an action of another publisher or without a version", async () => {
    const other = await check(broken(/actions\/deploy-pages@\S+/, "peaceiris/actions-gh-pages@v4"));
    expect(other.errors).toEqual([]);
    expect(usesProblems(other.template!)).toEqual([expect.stringContaining("peaceiris/actions-gh-pages@v4 is not one of")]);
    const unpinned = await check(broken(/actions\/checkout@\S+/, "actions/checkout@main"));
    expect(usesProblems(unpinned.template!)).toEqual([expect.stringContaining("actions/checkout@main is not pinned")]);
  });
});
