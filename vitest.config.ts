import { defineConfig } from "vitest/config";

export default defineConfig({
  // One copy of graphql: Pothos loads its CommonJS build, so everything must ("another realm" error otherwise).
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite is single-connection and CPU-bound; two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
