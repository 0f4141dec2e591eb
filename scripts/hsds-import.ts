// npm run hsds:import -- <package.json|package.zip> [--apply]: a dry run by default, which
// prints what would be created, updated or refused; --apply writes it in one transaction.
import { readFile } from "node:fs/promises";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { applyImport, parsePackage, planImport } from "../server/modules/opendata/hsds/hsds-import.ts";

const file = process.argv[2];
const apply = process.argv.includes("--apply");
if (!file) {
  console.error("Usage: npm run hsds:import -- <package.json|package.zip> [--apply]");
  process.exit(1);
}
const body = await readFile(file);
const database = await openDatabase(loadConfig().database);
let exitCode = 0;
try {
  const parsed = parsePackage(body, file.endsWith(".zip") ? "application/zip" : "application/json");
  const plan = parsed.ok ? await planImport(database.prisma, parsed.tables) : null;
  const problems = parsed.ok ? plan!.problems : parsed.problems;
  if (problems.length > 0) {
    for (const problem of problems) console.error(`refused: ${problem.table} row ${problem.row ?? "-"} field ${problem.field ?? "-"}: ${problem.message}`);
    console.error(`${problems.length} problem(s); nothing was written.`);
    exitCode = 2;
  } else {
    for (const line of plan!.report.lines) console.log(`${line.action}: ${line.entity} ${line.id} ${line.name}`);
    for (const line of plan!.report.ignored) console.log(`ignored: ${line.table} row ${line.row}: ${line.reason}`);
    if (apply) await applyImport(database.prisma, plan!);
    console.log(`${apply ? "Applied" : "Dry run"}: ${plan!.report.created} to create, ${plan!.report.updated} to update, 0 refused.`);
  }
} finally {
  await database.close();
}
process.exit(exitCode);
