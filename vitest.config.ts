import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/tools.ts"],
    // Build tests run Eleventy on fixture sites; on a busy two-core machine that can take seconds.
    testTimeout: 60_000,
    // Two files at a time, whatever vitest would pick for the machine: on two cores it runs one,
    // and most suites wait on other processes (Chromium, Java, tsx, the preview) much of the
    // time. The whole suite then fits in the 90 s the project allows (102 s one at a time).
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
