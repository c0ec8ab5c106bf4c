import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["tests/setup/tools.ts", "tests/setup/sample.ts"],
    // Build tests run Eleventy on fixture sites; on a busy two-core machine that can take seconds.
    testTimeout: 60_000,
    // Two files at a time, whatever vitest would pick for the machine: on two cores it runs one,
    // and most suites wait on other processes (Chromium, Java, tsx, the preview) much of the
    // time. A third was slower (docs/performance.md, the tests).
    maxWorkers: 2,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: a search in the browser (Pagefind's
    // WebAssembly starting) can take longer than that on a busy two-core machine.
    expect: { poll: { timeout: 10_000 } },
    // Each project's workers transform src/ and its imports for themselves (the unit, integration
    // and isolated workers: five module graphs of the same files). Kept on disk (in
    // node_modules/.experimental-vitest-cache, by each file's content), a module is transformed
    // once per run, and once until it changes on a machine that runs the suite again.
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        // The domain logic shares one module graph between files: each file importing the whole
        // of src/ again cost seconds. (`npm run test:quick` runs these alone.)
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false },
      },
      {
        extends: true,
        // Fixture builds, the preview and the browser. They start processes and servers, each
        // file its own, but share one module graph, as the unit suites do: each file importing
        // Eleventy and the whole of src/ again cost seconds of the suite.
        test: { name: "integration", include: ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts"], exclude: ["tests/build/faults.test.ts"], isolate: false },
      },
      {
        extends: true,
        // Replaces modules (node:fs/promises) for its own imports: on its own.
        test: { name: "isolated", include: ["tests/build/faults.test.ts"] },
      },
    ],
  },
});
