// What stands in front of the preview's dev server. The preview serves drafts and embargoed
// items, and an embargo can protect people: it answers only requests addressed to it by the
// name it serves under (a page on another site that points its own host name at 127.0.0.1,
// "DNS rebinding", would otherwise read the drafts through the visitor's browser), and only
// paths inside the folder it serves.
import type { IncomingMessage, ServerResponse } from "node:http";
import { networkInterfaces } from "node:os";

/** The address the preview listens on unless it is given another: this machine only. */
export const LOOPBACK = "127.0.0.1";

/** The names by which this machine reaches itself. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];

/** Whether `host` (as given to --host) is this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(unbracketed(host).toLowerCase());
}

/** The address to listen on for `host` as given: "localhost" is 127.0.0.1, an IPv6 address without brackets. */
export function listenAddress(host: string | undefined): string {
  if (host === undefined || host.toLowerCase() === "localhost") return LOOPBACK;
  return unbracketed(host);
}

/**
 * The host names (without the port) a request may be addressed to when the preview listens on
 * `address`: the loopback names, the address itself, and for a wildcard (0.0.0.0, ::) every
 * address of this machine's network interfaces.
 */
export function servedHostNames(address: string): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, address].map(hostHeaderName));
  if (address === "0.0.0.0" || address === "::") {
    for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) names.add(hostHeaderName(entry.address));
  }
  return names;
}

/**
 * Dev-server middleware: refuses a request whose Host header is not an address the preview
 * serves (421, one line), and one whose path, decoded, leads out of the folder it serves (400).
 *
 * The path check is there because of a bug upstream, in @11ty/eleventy-dev-server (2.1, open at
 * the time of writing): an encoded `../` (`/%2e%2e/`, `..%2f`) makes it throw inside its request
 * handler, which stops the server, and since it tests "inside the folder" with a string prefix,
 * `..%2f_preview-other/` served files from a sibling folder whose name begins with the served
 * folder's. Refused here, before the dev server sees the request, it never throws.
 */
export function previewGuard(address: string, basePath: string) {
  const hostNames = servedHostNames(address);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (!allowedHost(request.headers.host, hostNames)) return refuse(response, 421, `This preview answers only requests addressed to ${[...hostNames][0]} (or 127.0.0.1, [::1]).`);
    if (escapesServedFolder(request.url ?? "/", basePath)) return refuse(response, 400, "Bad request: the path leads outside the preview's site.");
    next();
  };
}

/**
 * Whether a WebSocket upgrade may go on: the dev server's live-reload socket shares the HTTP
 * server but not its middleware, and tells every client the files each rebuild changed (an
 * embargoed item's name among them) and any error. A browser lets any page open a socket to
 * 127.0.0.1, saying where it comes from in Origin: the socket is for the preview's own pages only.
 */
export function upgradeGuard(address: string): (request: IncomingMessage) => boolean {
  const hostNames = servedHostNames(address);
  return (request) => {
    if (!allowedHost(request.headers.host, hostNames)) return false;
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    try {
      return allowedHost(new URL(origin).host, hostNames);
    } catch {
      return false;
    }
  };
}

/**
 * Whether a Host header names this preview. The name is what tells a page of another site
 * (rebound to 127.0.0.1) from the preview's own; the port is not checked, so that a forwarded
 * port (ssh -L, a container's) reaches it too.
 */
function allowedHost(header: string | undefined, names: Set<string>): boolean {
  const host = (header ?? "").toLowerCase();
  if (!host) return false;
  // "[::1]:8080", "localhost:8080", "localhost": the name, then perhaps the port.
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
  return names.has(name);
}

/**
 * Whether the path of `url` (as the request line gives it), decoded, leads out of the served
 * folder: out of the URL's root, or out of `basePath` for a path below it. A malformed
 * percent-encoding or a NUL counts as leading out: no file has such a name.
 */
export function escapesServedFolder(url: string, basePath: string): boolean {
  const raw = url.split(/[?#]/, 1)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return true;
  }
  if (decoded.includes("\0")) return true;
  if (leavesRoot(decoded)) return true;
  // The dev server maps basePath to the folder, so below it the folder is the root.
  return decoded.startsWith(basePath) && leavesRoot(decoded.slice(basePath.length));
}

/** Whether walking `pathname`'s segments (either slash) ever goes above where it starts. */
function leavesRoot(pathname: string): boolean {
  let depth = 0;
  for (const segment of pathname.split(/[/\\]/)) {
    if (segment === "" || segment === ".") continue;
    depth += segment === ".." ? -1 : 1;
    if (depth < 0) return true;
  }
  return false;
}

function refuse(response: ServerResponse, status: number, line: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(`${line}\n`);
}

function unbracketed(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** How `address` appears in a Host header: an IPv6 address in brackets, names in lower case. */
function hostHeaderName(address: string): string {
  const lower = address.toLowerCase();
  return lower.includes(":") ? `[${lower}]` : lower;
}
