// The browser and HTML-validity suites need Debian's Chromium (its headless shell) and a Java
// runtime, the open data's GIS suite GDAL (gdal-bin). Where they are missing the suites are
// skipped, and this says so loudly with the command that installs them; under CI (CI=true) a
// missing tool fails the run instead.
import type { TestProject } from "vitest/node";
import { chromiumPath, gdalAvailable, javaAvailable } from "../browser/tools.ts";

export default function checkTools(project: TestProject): void {
  // Once, for the root project (vitest runs a global setup again for each project).
  if (!project.isRootProject()) return;
  const missing: string[] = [];
  if (!chromiumPath()) missing.push("Chromium (browser suites: tests/browser/)");
  if (!javaAvailable()) missing.push("Java (Nu Html Checker in tests/build/quality.test.ts)");
  if (!gdalAvailable()) missing.push("GDAL's ogrinfo and ogr2ogr (tests/build/gis.test.ts)");
  if (missing.length === 0) return;
  const banner = [
    "",
    "=".repeat(78),
    `SKIPPING: ${missing.join("; ")}`,
    "Install what they need with:",
    "  sudo apt-get update && sudo apt-get install -y chromium-headless-shell default-jre-headless gdal-bin",
    "=".repeat(78),
    "",
  ].join("\n");
  if (process.env.CI) throw new Error(`CI needs every suite to run.${banner}`);
  console.warn(banner);
}
