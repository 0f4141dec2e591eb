// npm run db:restore -- <backup.tar.gz>: replaces the embedded database in DATA_DIR with a
// backup made by npm run db:backup; the current folder is kept beside it. Stop the server first.
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { restoreEmbeddedDatabase } from "../server/db/backup.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
const config = loadConfig();
if (!file || config.database.kind !== "pglite") {
  console.error("Usage: npm run db:restore -- <backup.tar.gz>   (embedded database only; DATABASE_URL must be unset)");
  process.exit(2);
}
const { movedAside, pending } = await restoreEmbeddedDatabase(file, config.database.dataDir);
if (movedAside) console.log(`The previous database was moved to ${movedAside}`);
console.log(`Restored ${file} into ${config.database.dataDir}; ${pending} migrations pending (applied at the next start).`);
