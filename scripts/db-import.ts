// DATABASE_URL=postgresql://… npm run db:import -- file.json: migrates the (empty) target and
// loads an export made by npm run db:export, in one transaction.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { openSingleConnection } from "../server/db/connection.ts";
import { importDatabase, TransferError, type DatabaseExport } from "../server/db/transfer.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("Usage: DATABASE_URL=postgresql://… npm run db:import -- <export.json>");
  process.exit(2);
}
const data = JSON.parse(await readFile(file, "utf8")) as DatabaseExport;
const connection = await openSingleConnection(loadConfig().database);
try {
  const { tables, rows } = await importDatabase(connection.sql, data);
  console.log(`Imported ${rows} rows into ${tables} tables.`);
} catch (error) {
  if (!(error instanceof TransferError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await connection.close();
}
