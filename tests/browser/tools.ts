import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Debian's Chromium; never a browser downloaded by a test tool. Its headless shell first
 * (package chromium-headless-shell, what Playwright itself runs headless): the same Blink and
 * V8 without the browser's own interface, and much less of the processor for the same browser
 * suites (docs/performance.md, the tests). The whole browser where it is all there is.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((file): file is string => Boolean(file && existsSync(file)));
}

export function javaAvailable(): boolean {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** GDAL's command-line tools (Debian's gdal-bin): ogrinfo and ogr2ogr, for the open data's geographic files. */
export function gdalAvailable(): boolean {
  try {
    execFileSync("ogrinfo", ["--version"], { stdio: "ignore" });
    execFileSync("ogr2ogr", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Headless Chromium's flags: no sandbox (containers), no GPU, and off the network but for the sites served. */
export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
