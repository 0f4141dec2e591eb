// npm run db:export [-- --out file.json]: writes every row of the configured database (by
// default the embedded one in DATA_DIR) to a JSON file. Stop the server first.
// Then: DATABASE_URL=postgresql://… npm run db:import -- file.json
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { openSingleConnection } from "../server/db/connection.ts";
import { exportDatabase } from "../server/db/transfer.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "traedesten-export.json" } } });
const connection = await openSingleConnection(loadConfig().database);
try {
  const data = await exportDatabase(connection.sql);
  await writeFile(values.out, JSON.stringify(data));
  const rows = data.tables.reduce((sum, table) => sum + table.rows.length, 0);
  console.log(`Exported ${rows} rows from ${data.tables.length} tables to ${values.out}`);
} finally {
  await connection.close();
}
