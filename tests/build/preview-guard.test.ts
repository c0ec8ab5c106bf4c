// The preview serves drafts and embargoed items (issue 26): it listens on this machine only
// unless told another address, answers only requests addressed to it, and no request path
// stops its server or reads outside the folder it serves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { createFixture, type FixtureItem } from "../fixtures/content.ts";
import { startPreviewProcess, until, type RunningPreview } from "../fixtures/preview.ts";

const item: FixtureItem = { path: "2020/a-draft", title: "A secret draft", date: "2020-12-01", countries: ["mali"], draft: true };

let fixture: { root: string; remove: () => Promise<void> };
/** On the default address. */
let local: RunningPreview;
/** Told another address with --host: 127.0.0.2, which a server on 127.0.0.1 only does not answer. */
let other: RunningPreview;

/** A GET as a browser sends it: to `address`, with `host` as its Host header, `target` as written. */
/** Whether a WebSocket handshake with these headers is answered 101 (switching protocols). */
function upgrades(port: number, headers: Readonly<Record<string, string>>): Promise<boolean> {
  return new Promise((resolve) => {
    const asking = request({ host: "127.0.0.1", port, path: "/", headers: { ...headers, connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" } });
    asking.on("upgrade", (_response, socket) => {
      socket.destroy();
      resolve(true);
    });
    asking.on("response", (response) => {
      response.resume();
      resolve(false);
    });
    asking.on("error", () => resolve(false));
    asking.end();
  });
}

function get(port: number, target: string, options: { host?: string; address?: string } = {}): Promise<{ status: number; body: string }> {
  const address = options.address ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    request({ host: address, port, path: target, headers: { host: options.host ?? `${address}:${port}` } }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  fixture = await createFixture({ items: [item] });
  // A folder beside the served one whose name begins with it: `..%2f` reached it.
  await mkdir(path.join(fixture.root, "_preview-other"), { recursive: true });
  await writeFile(path.join(fixture.root, "_preview-other/secret.txt"), "not the preview's\n");
  [local, other] = await Promise.all([
    startPreviewProcess(fixture.root),
    startPreviewProcess(fixture.root, { args: ["--host", "127.0.0.2", "--output", path.join(fixture.root, "elsewhere")] }),
  ]);
  for (const [preview, address] of [[local, "127.0.0.1"], [other, "127.0.0.2"]] as const) {
    await until("the server", () => get(preview.port!, "/", { address }).then((r) => r.status === 200, () => false), () => preview.log(), 40_000);
  }
});
afterAll(async () => {
  await Promise.all([local?.stop(), other?.stop()]);
  await fixture?.remove();
});

describe("the preview's address", () => {
  it("listens on 127.0.0.1 only by default, and says nothing of a network", async () => {
    expect((await get(local.port!, "/articles/2020/a-draft/")).body).toContain("A secret draft");
    await expect(get(local.port!, "/", { address: "127.0.0.2" })).rejects.toThrow(/ECONNREFUSED/);
    expect(local.log()).not.toContain("network");
  });

  it("answers to localhost, 127.0.0.1 and [::1] on any port (a forwarded one too), and refuses any other Host in one line", async () => {
    const port = local.port!;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`, "localhost", `localhost:${port + 1}`]) expect((await get(port, "/", { host })).status, host).toBe(200);
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.2:${port}`, `[::2]:${port}`]) {
      const refused = await get(port, "/articles/2020/a-draft/", { host });
      expect(refused.status, host).toBe(421);
      expect(refused.body.trim().split("\n"), host).toHaveLength(1);
      expect(refused.body, host).not.toContain("A secret draft");
    }
  });

  it("opens its live-reload socket (which names the files each rebuild changed) only to its own pages", async () => {
    const port = local.port!;
    for (const [headers, opens] of [
      [{ host: `127.0.0.1:${port}` }, true],
      [{ host: `localhost:${port}`, origin: `http://localhost:${port}` }, true],
      [{ host: `evil.example:${port}` }, false],
      [{ host: `127.0.0.1:${port}`, origin: "https://evil.example" }, false],
    ] as const) {
      expect(await upgrades(port, headers), JSON.stringify(headers)).toBe(opens);
    }
  });

  it("with --host, serves there, says in one line that the drafts are visible to that network, and refuses other names", async () => {
    const port = other.port!;
    expect((await get(port, "/articles/2020/a-draft/", { address: "127.0.0.2" })).body).toContain("A secret draft");
    expect(other.log().split("\n").filter((line) => line.includes("drafts and embargoed items"))).toEqual([
      "[preview] Serving on 127.0.0.2: anyone who can reach it on that network can read the drafts and embargoed items it shows.",
    ]);
    expect((await get(port, "/", { address: "127.0.0.2", host: `evil.example:${port}` })).status).toBe(421);
    // The folder it was given, new, it made and marked as its own (tests/build/preview-output.test.ts).
    expect(existsSync(path.join(fixture.root, "elsewhere/.sahel-digest-preview"))).toBe(true);
  });
});

describe("the preview's paths", () => {
  it("answers 400 to a path that leads, decoded, out of its folder (malformed escapes too), and keeps serving", async () => {
    const port = local.port!;
    const escaping = ["/..%2f", "/%2e%2e/", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/..%2f_preview-other/secret.txt", "/articles/..%2f..%2f..%2f_preview-other/secret.txt", "/..%5c_preview-other/secret.txt", "/%", "/%E0%A4%A", "/a%00b"];
    for (const target of escaping) {
      const answer = await get(port, target);
      expect(answer.status, target).toBe(400);
      expect(answer.body, target).not.toContain("not the preview's");
      // The server still answers the next request.
      expect((await get(port, "/")).status, `after ${target}`).toBe(200);
    }
    expect(local.log()).not.toMatch(/Invalid path|URIError/);
    // A `..` that stays inside is a path like any other.
    expect((await get(port, "/articles/2020/../2020/a-draft/")).status).toBe(200);
  });
});
