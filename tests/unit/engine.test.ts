// The template engine (src/pages/engine.ts): one room, one templates folder for pages and emails.
import { afterAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDigest } from "../../src/digest/digest.ts";
import { DEFAULT_TEMPLATES } from "../../src/core/project.ts";
import { templateEngine } from "../../src/pages/engine.ts";
import { emailTemplateHtml, emailText } from "../../src/pages/email.ts";
import { pathOf } from "../../src/digest/paths.ts";
import { modelContent, modelItem } from "../fixtures/model.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("the template engine", () => {
  it("renders the emails from the configured templates, as it does the pages", async () => {
    const templates = await mkdtemp(path.join(tmpdir(), "sahel-digest-engine-"));
    dirs.push(templates);
    await cp(DEFAULT_TEMPLATES, templates, { recursive: true });
    for (const name of ["email.njk", "email-text.njk"]) {
      const file = path.join(templates, "views", name);
      await writeFile(file, (await readFile(file, "utf8")).replace("{{ issue.title }}", "{{ issue.title }} (edited template)"));
    }
    const digest = buildDigest(modelContent([modelItem("mali-one", "2020-11-30", ["mali"])]));
    const engine = templateEngine(templates);
    expect(emailText(digest.issues[0]!, digest, engine)).toContain("(edited template)");
    expect(emailTemplateHtml(digest.issues[0]!, digest, engine)).toContain("(edited template)");
    expect(emailText(digest.issues[0]!, digest, templateEngine(DEFAULT_TEMPLATES))).not.toContain("(edited template)");
  });

  it("gives templates the site's fixed paths by name, and fails on a name it has not", () => {
    expect(pathOf("search")).toBe("/search/");
    expect(() => pathOf("serach")).toThrow(/no fixed path of that name/);
    // A pattern with something to fill is not a page's path.
    expect(() => pathOf("issue")).toThrow(/no fixed path/);
  });

  it("lets no template spell a site path: each asks for it by name or reads it from its view", async () => {
    const files = (await readdir(DEFAULT_TEMPLATES, { recursive: true })).filter((file) => file.endsWith(".njk"));
    expect(files.length).toBeGreaterThan(20);
    const spelled: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(DEFAULT_TEMPLATES, file), "utf8");
      // '/issues/', "/feed.xml", href="/data/": a quoted text that starts with one slash.
      for (const match of text.matchAll(/(['"])\/(?!\/)[\w.\/-]*\1|\b(?:href|src|action)="\/(?!\/)/g)) spelled.push(`${file}: ${match[0]}`);
    }
    expect(spelled).toEqual([]);
  });
});
