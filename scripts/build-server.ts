// npm run build:server: bundles the server and its command-line entries into plain JavaScript
// in dist/server (esbuild; node_modules stay external and are loaded by Node as usual).
// Fails if the production entry reaches the demo seed.
import { rm } from "node:fs/promises";
import path from "node:path";
import { build, type Metafile } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist", "server");

export const SERVER_ENTRIES = {
  main: "server/main.ts",
  "db-seed": "scripts/db-seed.ts",
  "db-migrate": "scripts/db-migrate.ts",
  "db-backup": "scripts/db-backup.ts",
  "db-restore": "scripts/db-restore.ts",
  "db-export": "scripts/db-export.ts",
  "db-import": "scripts/db-import.ts",
};

/** Loaded from node_modules at run time; everything else is bundled. */
const EXTERNAL_PACKAGES = [
  "@electric-sql/pglite", // Wasm and data files beside its code
  "@electric-sql/pglite/*",
  "pglite-prisma-adapter",
  "@prisma/*", // the client runtime loads its Wasm query compiler
  "@node-rs/argon2", // native
  "pg", // optional pg-native
  "pg-connection-string",
  "@graphql-yoga/render-graphiql", // development only, megabytes of inlined assets
  "esbuild",
  "tsx",
  "vite",
  "vitest",
  "playwright-core",
];

await rm(outdir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: SERVER_ENTRIES,
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // Libraries are bundled too: loading hundreds of small files through Node's ESM loader cost
  // more start time than anything else we control. Kept external (loaded from node_modules):
  // packages with native code, Wasm or data files next to their code, and development-only ones.
  // graphql stays one copy: esbuild resolves every import and require of it to its ES module
  // build ("module" before "main"), for our code and for Pothos alike, so there is no "another
  // realm" error. The ES build is called directly; its CommonJS build was reached through a
  // getter per call (esbuild's interop), 3% of a search's CPU in graphql-js's hot loop.
  external: EXTERNAL_PACKAGES,
  mainFields: ["module", "main"],
  // Bundled CommonJS code may call require() for Node built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // Smaller to parse at start. Identifiers are not renamed, so names stay readable in stack
  // traces without esbuild's keepNames, which wraps every function created at run time in a
  // defineProperty call: graphql-js creates several per resolved field, and that cost 9% of the
  // server's CPU on an inbox page. Source maps are written too (NODE_OPTIONS=--enable-source-maps;
  // not on by default, it costs start time).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

/** Every source file the given output loads, following its chunk imports. */
function sourcesReachedFrom(metafile: Metafile, output: string, seen = new Set<string>()): Set<string> {
  const file = metafile.outputs[output];
  if (!file) return seen;
  for (const input of Object.keys(file.inputs)) seen.add(input);
  for (const imported of file.imports) {
    if (imported.kind === "import-statement" && metafile.outputs[imported.path] && !seen.has(imported.path)) {
      seen.add(imported.path);
      sourcesReachedFrom(metafile, imported.path, seen);
    }
  }
  return seen;
}

const mainOutput = path.relative(root, path.join(outdir, "main.js"));
const seedFiles = [...sourcesReachedFrom(result.metafile, mainOutput)].filter((input) => input.startsWith("prisma/seed"));
if (seedFiles.length > 0) {
  console.error(`dist/server/main.js must not contain the demo seed, but includes: ${seedFiles.join(", ")}`);
  process.exit(1);
}
const bytes = Object.entries(result.metafile.outputs)
  .filter(([name]) => name.endsWith(".js"))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`Server: ${Object.keys(SERVER_ENTRIES).length} entries, ${(bytes / 1024).toFixed(0)} KB JavaScript in dist/server (${Math.round(performance.now() - started)} ms)`);
