// Templates receive typed views (src/digest/views.ts), but Nunjucks reads them untyped: a
// template that reads `item.langauge` prints nothing, or takes the wrong branch of an `if`, and
// the build succeeds. Here every page of the sample is rendered with its views watched
// (the engine's `checkViews`), and every read of a field a view does not have must be of a field
// its type declares optional (or a key of a record): the types are read from the source by swc,
// as dependency-cruiser reads them.
import { afterAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSync } from "@swc/core";
import { loadDigest } from "../../src/publish/site-digest.ts";
import { templateEngine } from "../../src/pages/engine.ts";
import type { ViewRead } from "../../src/pages/view-check.ts";
import { sitePageJobs, type PageJob } from "../../src/publish/write-pages.ts";
import { DEFAULT_TEMPLATES, PROJECT } from "../../src/core/project.ts";

/** The shape of one interface or object type: the fields it must have and those it may. */
interface Shape {
  readonly required: Set<string>;
  readonly optional: Set<string>;
}

type Node = { type?: string; [key: string]: unknown };

/**
 * Every object type the view modules declare (interfaces with what they extend, type literals),
 * and the names of fields that are records (`Record<string, …>` or an index signature), whose
 * keys no type lists.
 */
async function viewTypes(folders: readonly string[]): Promise<{ shapes: Shape[]; records: Set<string> }> {
  const named = new Map<string, { members: Node[]; extends: string[] }>();
  const literals: Node[][] = [];
  const records = new Set<string>();
  const isRecord = (type: Node | undefined): boolean => {
    if (!type) return false;
    if (type.type === "TsTypeLiteral") return (type.members as Node[]).some((m) => m.type === "TsIndexSignature");
    if (type.type !== "TsTypeReference") return false;
    const name = (type.typeName as Node).value;
    const args = ((type.typeParams as Node | null)?.params as Node[] | undefined) ?? [];
    return name === "Record" || ((name === "Readonly" || name === "Partial") && isRecord(args[0]));
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const n = node as Node;
    if (n.type === "TsInterfaceDeclaration") {
      named.set((n.id as Node).value as string, { members: (n.body as Node).body as Node[], extends: (n.extends as Node[]).map((e) => (e.expression as Node).value as string) });
    } else if (n.type === "TsTypeLiteral") {
      literals.push(n.members as Node[]);
    }
    if (n.type === "TsPropertySignature" && isRecord((n.typeAnnotation as Node | null)?.typeAnnotation as Node)) records.add((n.key as Node).value as string);
    for (const value of Object.values(n)) if (typeof value === "object") walk(value);
  };
  for (const folder of folders) {
    for (const file of (await readdir(folder, { recursive: true })).filter((f) => f.endsWith(".ts"))) {
      walk(parseSync(await readFile(path.join(folder, file), "utf8"), { syntax: "typescript" }).body);
    }
  }
  const shapeOf = (members: Node[], bases: readonly string[], seen = new Set<string>()): Shape => {
    const shape: Shape = { required: new Set(), optional: new Set() };
    for (const base of bases) {
      const found = named.get(base);
      if (!found || seen.has(base)) continue;
      const inherited = shapeOf(found.members, found.extends, new Set([...seen, base]));
      inherited.required.forEach((f) => shape.required.add(f));
      inherited.optional.forEach((f) => shape.optional.add(f));
    }
    for (const member of members) {
      if (member.type !== "TsPropertySignature" && member.type !== "TsMethodSignature") continue;
      const name = (member.key as Node).value as string;
      (member.optional ? shape.optional : shape.required).add(name);
    }
    return shape;
  };
  return { shapes: [...[...named.values()].map((i) => shapeOf(i.members, i.extends)), ...literals.map((m) => shapeOf(m, []))], records };
}

/** The reads no view type allows: a field absent from an object that no type it could be declares optional. */
function undeclared(reads: readonly ViewRead[], types: { shapes: Shape[]; records: Set<string> }): string[] {
  const out = new Set<string>();
  for (const read of reads) {
    const container = read.path.split(".").filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? "";
    if (types.records.has(container)) continue;
    const has = new Set(read.has);
    // The types the object could be: those whose every required field it has.
    const candidates = types.shapes.filter((shape) => [...shape.required].every((field) => has.has(field)));
    if (candidates.some((shape) => shape.optional.has(read.field))) continue;
    out.add(`${read.template}: ${read.path.replace(/\.\d+/g, "[]")}.${read.field}`);
  }
  return [...out];
}

const VIEW_TYPES = [path.join(PROJECT, "src/digest"), path.join(PROJECT, "src/pages")];

function renderAll(templates: string, jobs: readonly PageJob[]): ViewRead[] {
  const reads: ViewRead[] = [];
  const engine = templateEngine(templates, { checkViews: (read) => reads.push(read) });
  for (const job of jobs) job.generate ? job.generate(engine) : engine.render(job.digest, job.template!, job.data);
  return reads;
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("the templates' views", () => {
  const loading = Promise.all([loadDigest(PROJECT, false).then((digest) => sitePageJobs(digest)), viewTypes(VIEW_TYPES)]);

  it("are read only for fields their types declare, on every page of the sample", async () => {
    const [jobs, types] = await loading;
    expect(undeclared(renderAll(DEFAULT_TEMPLATES, jobs), types)).toEqual([]);
  });

  it("catch a template that reads a field its view has not (a misspelt one)", async () => {
    const [jobs, types] = await loading;
    const templates = await mkdtemp(path.join(tmpdir(), "sahel-digest-views-"));
    dirs.push(templates);
    await cp(DEFAULT_TEMPLATES, templates, { recursive: true });
    const file = path.join(templates, "views", "item.njk");
    const text = await readFile(file, "utf8");
    expect(text).toContain("langAttr(item.language)");
    await writeFile(file, text.replace("langAttr(item.language)", "langAttr(item.langauge)"));
    const itemPages = jobs.filter((job) => job.template === "views/item.njk");
    // Nothing else notices: the page renders, the English title merely loses its lang="en".
    expect(() => itemPages.forEach((job) => templateEngine(templates).render(job.digest, job.template!, job.data))).not.toThrow();
    expect(undeclared(renderAll(templates, itemPages), types)).toEqual(["views/item.njk: item.langauge"]);
  });
});
