// npm run bench [-- <name> [options]]: runs every benchmark under bench/ in turn, or only those
// whose file name contains <name> (e.g. `npm run bench -- directory`); options are passed on.
// "volume" (PostgreSQL, a million handovers, several minutes) runs only when named.
import { readdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const ON_REQUEST_ONLY = ["volume.ts"];
const folder = import.meta.dirname;
const [name, ...options] = process.argv.slice(2);
const benchmarks = readdirSync(folder)
  .filter((file) => file.endsWith(".ts") && file !== "run.ts")
  .filter((file) => (name ? file.includes(name) : !ON_REQUEST_ONLY.includes(file)))
  .sort();
for (const file of benchmarks) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(folder, file), ...options], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
