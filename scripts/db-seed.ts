// npm run db:seed: loads the demo municipality (idempotent).
import { seedDemoData } from "../prisma/seed.ts";
import { systemClock } from "../server/clock.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";

const database = await openDatabase(loadConfig().database);
try {
  await database.migrate();
  await seedDemoData(database.prisma, systemClock);
  console.log("Demo data loaded.");
} finally {
  await database.close();
}
