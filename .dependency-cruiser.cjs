// The direction of the flow, as rules the test suite holds (tests/unit/dependencies.test.ts):
//   content -> digest -> pages -> publish -> cli
// each stage may import the stages before it and src/core/ (what every stage shares: problems,
// dates, weeks, the message catalogues, where the project is), never one after it, and no
// module may import itself back through others. The benchmark (bench/) and the tests sit
// outside src/ and may import anything; nothing in src/ imports them.
/** @type {import('dependency-cruiser').IConfiguration} */
const stages = ["core", "content", "digest", "pages", "publish", "cli"];

const forward = stages.slice(0, -1).map((stage, index) => ({
  name: `${stage}-looks-back-only`,
  comment: `src/${stage}/ may import ${stages.slice(0, index).map((s) => `src/${s}/`).join(", ") || "nothing else in src/"} and itself, not a later stage`,
  severity: "error",
  from: { path: `^src/${stage}/` },
  to: { path: `^src/(${stages.slice(index + 1).join("|")})/` },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A module that imports itself back through others: the flow has no way round",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...forward,
    {
      name: "src-stands-alone",
      comment: "src/ never imports the benchmark or the tests",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(bench|tests)/" },
    },
    {
      name: "every-module-in-a-stage",
      comment: "Every module of src/ lives in one stage's folder (or types/ for declarations)",
      severity: "error",
      from: { path: "^src/(?!(core|content|digest|pages|publish|cli|types)/)" },
      to: {},
    },
    {
      name: "one-template-engine",
      comment: "Only src/pages/engine.ts imports Nunjucks: pages and emails render through it",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/pages/engine\\.ts$" },
      to: { path: "^node_modules/nunjucks/" },
    },
    {
      name: "eleventy-behind-one-door",
      comment: "Eleventy is reached from src/publish/ only (the plugin, the door, the preview)",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/publish/" },
      to: { path: "^node_modules/@11ty/" },
    },
    {
      name: "resolvable",
      comment: "An import that does not resolve is a file moved without its importers",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // The project's own modules, and the two packages whose place in the flow the rules hold.
    includeOnly: ["^(src|bench)/", "^node_modules/(nunjucks|@11ty)/"],
    // npm typescript 7 (the native compiler) has no JavaScript API to parse with: swc reads the
    // TypeScript instead (a platform binary shipped as an npm package).
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".mjs", ".js", ".json"] },
  },
};
