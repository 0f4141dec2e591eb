// npm run db:migrate: applies pending migrations to the configured database (offline).
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";

const database = await openDatabase(loadConfig().database);
try {
  const applied = await database.migrate();
  console.log(applied.length === 0 ? "No pending migrations." : `Applied: ${applied.join(", ")}`);
} finally {
  await database.close();
}
