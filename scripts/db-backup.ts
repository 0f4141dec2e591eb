// npm run db:backup [-- --out file.tar.gz]: a consistent copy of the embedded database
// (PGlite's dumpDataDir after a CHECKPOINT). Stop the server first: PGlite is one process.
// Restore with npm run db:restore -- <file>. On PostgreSQL use pg_dump instead.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { backupEmbeddedDatabase } from "../server/db/backup.ts";

const config = loadConfig();
if (config.database.kind !== "pglite") {
  console.error("db:backup is for the embedded database; for PostgreSQL (DATABASE_URL) use pg_dump.");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const { values } = parseArgs({ options: { out: { type: "string", default: path.join("backups", `traedesten-${stamp}.tar.gz`) } } });
const bytes = await backupEmbeddedDatabase(config.database.dataDir, values.out);
console.log(`Backup of ${config.database.dataDir} written to ${values.out} (${Math.round(bytes / 1024)} KB)`);
