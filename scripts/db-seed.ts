// npm run db:seed: loads the demo municipality (idempotent).
// With --if-empty (what `npm start` and `npm run dev` run before the server): only into an
// empty database, only when DEMO_DATA is not "off", and prints the demo logins outside
// production. The server itself never contains the demo data.
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, demoUsers, isDatabaseEmpty, seedDemoData } from "../prisma/seed.ts";
import { systemClock } from "../server/clock.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";

const { values } = parseArgs({ options: { "if-empty": { type: "boolean", default: false } } });
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await database.migrate();
  if (!values["if-empty"]) {
    await seedDemoData(database.prisma, systemClock);
    console.log("Demo data loaded.");
  } else if (config.loadDemoData) {
    if (await isDatabaseEmpty(database.prisma)) {
      await seedDemoData(database.prisma, systemClock);
      console.log("Demo data loaded into the empty database.");
    }
    if (config.environment !== "production") {
      const logins = demoUsers.map((user) => `    ${user.email.padEnd(32)} (${user.key})`).join("\n");
      process.stdout.write(`\n  Demo-logins (adgangskode: ${DEMO_PASSWORD}):\n${logins}\n`);
    }
  }
} finally {
  await database.close();
}
