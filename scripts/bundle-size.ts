// Prints the initial JavaScript a browser downloads (the entry script and the modules it
// preloads), gzipped, and fails the build when it passes the 150 KB budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 150 * 1024;
const root = path.resolve(import.meta.dirname, "../dist/client");
const html = readFileSync(path.join(root, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
let total = 0;
for (const file of new Set(files)) {
  const size = gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error("Over the initial JavaScript budget.");
  process.exit(1);
}
