import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/tools.ts"],
    // Build tests run Eleventy on fixture sites; on a busy two-core machine that can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
