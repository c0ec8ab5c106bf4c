// The flow's direction (content -> digest -> pages -> publish -> cli, src/core/ below all),
// held by dependency-cruiser with the rules written in .dependency-cruiser.cjs. The project's
// own tree must have no violation; a small tree that breaks each rule must be caught, so the
// rules cannot silently stop applying (a parser that reads no TypeScript finds no import).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";

const project = path.resolve(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(path.join(project, ".dependency-cruiser.cjs")) as IConfiguration;

async function violationsIn(root: string, folders: string[]): Promise<{ rule: string; from: string; to: string }[]> {
  const { output } = await cruise(folders, { ...config.options, baseDir: root, ruleSet: { forbidden: config.forbidden ?? [] }, validate: true });
  return (output as ICruiseResult).summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe("the flow's direction", () => {
  it("holds in src/: no cycle, no import from a stage to a later one", async () => {
    expect(await violationsIn(project, ["src", "bench"])).toEqual([]);
  });

  const fixture = mkdtempSync(path.join(os.tmpdir(), "sahel-dependencies-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it("is enforced: an upward import, a cycle, a module outside the stages, Nunjucks outside its room and Eleventy outside src/publish/ are each caught", async () => {
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
      writeFileSync(path.join(fixture, file), text);
    };
    write("tsconfig.json", JSON.stringify({ compilerOptions: { module: "nodenext", allowImportingTsExtensions: true, noEmit: true } }));
    write("src/publish/build.ts", "export const built = 1;\n");
    write("src/content/load.ts", 'import { built } from "../publish/build.ts";\nexport const loaded: number = built;\n');
    write("src/digest/a.ts", 'import type { B } from "./b.ts";\nexport interface A { b?: B }\n');
    write("src/digest/b.ts", 'import type { A } from "./a.ts";\nexport interface B { a?: A }\n');
    write("src/loose.ts", 'import { built } from "./publish/build.ts";\nexport const loose = built;\n');
    // Nunjucks outside the engine's room, Eleventy outside src/publish/: packages this tree has.
    write("node_modules/nunjucks/package.json", JSON.stringify({ name: "nunjucks", main: "index.js" }));
    write("node_modules/nunjucks/index.js", "module.exports = {};\n");
    write("node_modules/@11ty/eleventy/package.json", JSON.stringify({ name: "@11ty/eleventy", main: "index.js" }));
    write("node_modules/@11ty/eleventy/index.js", "module.exports = {};\n");
    write("src/pages/render.ts", 'import nunjucks from "nunjucks";\nexport const engine = nunjucks;\n');
    write("src/pages/engine.ts", 'import nunjucks from "nunjucks";\nexport const engine = nunjucks;\n');
    write("src/digest/door.ts", 'import eleventy from "@11ty/eleventy";\nexport const door = eleventy;\n');
    const found = await violationsIn(fixture, ["src"]);
    const rules = new Set(found.map((v) => v.rule));
    expect(found).toContainEqual({ rule: "content-looks-back-only", from: "src/content/load.ts", to: "src/publish/build.ts" });
    expect(rules).toContain("no-circular");
    expect(rules).toContain("every-module-in-a-stage");
    expect(found).toContainEqual({ rule: "one-template-engine", from: "src/pages/render.ts", to: "node_modules/nunjucks/index.js" });
    expect(found.filter((v) => v.from === "src/pages/engine.ts")).toEqual([]);
    expect(found).toContainEqual({ rule: "eleventy-behind-one-door", from: "src/digest/door.ts", to: "node_modules/@11ty/eleventy/index.js" });
  });
});
