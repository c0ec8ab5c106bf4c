// One Chromium for every browser suite: launched here once, and each suite connects to it
// (`launchChromium()`, tests/browser/support.ts) with contexts and pages of its own. Three
// launches cost seconds of a suite that must stay short.
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, chromiumPath } from "../browser/tools.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket address; empty where Chromium is missing (the suites skip). */
    chromiumEndpoint: string;
  }
}

export default async function launchBrowser(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Once, for the root project, whose provided values every project reads (tests/setup/sample.ts).
  if (!project.isRootProject()) return undefined;
  const executablePath = chromiumPath();
  // The unit tests alone (`npm run test:quick`) need no browser.
  const browserSuites = project.vitest.projects.some((each) => each.name === "integration");
  if (!executablePath || !browserSuites) {
    project.provide("chromiumEndpoint", "");
    return undefined;
  }
  const server = await chromium.launchServer({ executablePath, args: chromiumArgs, host: "127.0.0.1" });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
