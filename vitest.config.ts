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
    // Each file builds its own app on its own database, so files need no fresh process: a worker
    // keeps the server's modules (and PGlite's and Prisma's WebAssembly) loaded between files.
    // That took the PGlite run from 17 to 10 minutes of CPU (92 files); module state a test
    // changes (setTierWalkForTests) is put back in a finally.
    isolate: false,
  },
});
