// npm run hsds:export [-- <folder>]: writes the whole directory as open data (HSDS 3.0) into
// <folder> (default: the current folder): traedesten-hsds.zip (tabular data package) and
// traedesten-hsds.json.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { systemClock } from "../server/clock.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { exportDirectoryTables, toJsonPackage, toTabularZip } from "../server/modules/opendata/hsds/hsds-export.ts";

const folder = path.resolve(process.argv[2] ?? ".");
const database = await openDatabase(loadConfig().database);
try {
  await mkdir(folder, { recursive: true });
  const tables = await exportDirectoryTables(database.prisma, systemClock.now());
  await writeFile(path.join(folder, "traedesten-hsds.zip"), toTabularZip(tables));
  await writeFile(path.join(folder, "traedesten-hsds.json"), `${JSON.stringify(toJsonPackage(tables), null, 2)}\n`);
  console.log(`Wrote ${tables.service.length} services, ${tables.location.length} locations and ${tables.organization.length} organisations to ${folder}`);
} finally {
  await database.close();
}
process.exit(0);
