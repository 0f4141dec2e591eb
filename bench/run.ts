// npm run bench: runs every benchmark under bench/ in turn; each prints its own figures.
import { readdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const folder = import.meta.dirname;
const benchmarks = readdirSync(folder).filter((file) => file.endsWith(".ts") && file !== "run.ts").sort();
for (const file of benchmarks) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(folder, file)], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
