// Writes src/graphql-env.d.ts from the schema named in tsconfig.json's gql.tada plugin entry.
// why: `gql.tada generate output` reads tsconfig through the TypeScript compiler API, which the
// native TypeScript 7 compiler no longer ships, so the CLI fails with
// "parseConfigFileTextToJson is not a function". This does the same steps with gql.tada's own
// internals (load schema → minify → preprocess → write) and needs no compiler API.
// Usage: npx tsx client/scripts/generate-graphql-env.ts [--schema path/to/schema.graphql]
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  extractIntrospectionHeader,
  loadRef,
  minifyIntrospection,
  outputIntrospectionFile,
} from "gql.tada/internal";

type PluginConfig = { name: string; schema: string; tadaOutputLocation: string };

const clientDirectory = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { schema: { type: "string" } } });

const tsconfig = JSON.parse(await readFile(path.join(clientDirectory, "tsconfig.json"), "utf8")) as {
  compilerOptions: { plugins: PluginConfig[] };
};
const plugin = tsconfig.compilerOptions.plugins.find((entry) => entry.name === "gql.tada/ts-plugin");
if (!plugin) throw new Error("client/tsconfig.json has no gql.tada/ts-plugin entry");

const schema = values.schema ? path.resolve(process.cwd(), values.schema) : plugin.schema;
const outputPath = path.resolve(clientDirectory, plugin.tadaOutputLocation);

const loaded = await loadRef({ ...plugin, schema }).load({ rootPath: clientDirectory });
if (!loaded.current) throw new Error(`Could not load the schema from ${schema}`);

const previous = await readFile(outputPath, "utf8").catch(() => null);
const output = outputIntrospectionFile(minifyIntrospection(loaded.current.introspection), {
  fileType: outputPath,
  shouldPreprocess: true,
  preamble: (previous && extractIntrospectionHeader(previous)) || undefined,
});
await writeFile(outputPath, output);
console.log(`Wrote ${path.relative(process.cwd(), outputPath)}`);
