// Where the preview writes (issue 26): `npm start -- --output ~/notes` deleted the notes, since
// the preview's first build removes the pages in its folder that it did not make. It writes
// only into a folder it made or found empty, and marked as its own; any other is refused in
// one line, and `npm start` ends rather than wait.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { createFixture } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/tree.ts";
import { startPreviewProcess } from "../fixtures/preview.ts";
import { pollUntil } from "../fixtures/wait.ts";

let fixture: { root: string; remove: () => Promise<void> };

/** `npm start -- --output <output>` in the project folder: its exit code and what it printed, or a failure if it runs on. */
async function refusedStart(output: string): Promise<{ code: number | null; lines: string[] }> {
  const preview = await startPreviewProcess(fixture.root, { watchOnly: true, cwd: fixture.root, args: ["--output", output] });
  try {
    if (!(await pollUntil(() => preview.process.exitCode !== null, 20_000))) throw new Error(`npm start -- --output ${output} is still running:\n${preview.log()}`);
    return { code: preview.process.exitCode, lines: preview.log().trim().split("\n") };
  } finally {
    await preview.stop();
  }
}

beforeAll(async () => {
  fixture = await createFixture({ items: [{ path: "2020/one", title: "One", date: "2020-12-01", countries: ["mali"] }] });
});
afterAll(async () => fixture?.remove());

describe("the preview's folder", () => {
  it("is never a folder of someone's own files: refused in one line, every file left", async () => {
    const notes = path.join(fixture.root, "notes");
    await mkdir(notes);
    for (const name of ["a.html", "b.xml", "c.json", "d.txt", "e.md"]) await writeFile(path.join(notes, name), `${name}\n`);
    const before = await snapshot(notes);
    const { code, lines } = await refusedStart(notes);
    expect(code).not.toBe(0);
    expect(lines).toEqual([`The preview does not write into ${notes}: it holds files the preview did not make (a folder of the preview's own holds .sahel-digest-preview). Name a new or empty folder with --output.`]);
    expect(await snapshot(notes)).toEqual(before);
  });

  it("is never _site/, however it is spelt: one line each, no stack trace, and npm start ends", async () => {
    const site = path.join(fixture.root, "_site");
    await mkdir(site);
    await writeFile(path.join(site, "index.html"), "published\n");
    await symlink(site, path.join(fixture.root, "pv"));
    const spellings = ["_site", "./_site/", site, `../${path.basename(fixture.root)}/_site`, "content/../_site", "_site/sub", "pv"];
    const results = await Promise.all(spellings.map(refusedStart));
    results.forEach(({ code, lines }, i) => {
      expect(code, spellings[i]).toBe(2);
      expect(lines, spellings[i]).toHaveLength(1);
      expect(lines[0], spellings[i]).toMatch(/^The preview does not write into .*: it is the published site, and the preview shows drafts and embargoed items\. Leave out --output, or name another folder\.$/);
    });
    expect(await readdir(site)).toEqual(["index.html"]);
  });

  it("is never a file", async () => {
    const file = path.join(fixture.root, "a-file");
    await writeFile(file, "mine\n");
    const { code, lines } = await refusedStart(file);
    expect(code).toBe(2);
    expect(lines).toEqual([`The preview does not write into ${file}: it is a file, not a folder. Leave out --output, or name a new folder.`]);
  });
});
