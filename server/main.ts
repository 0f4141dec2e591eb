// Reads config, opens and migrates the database, loads demo data on a fresh install,
// starts the HTTP server and the job scheduler, and shuts down gracefully.
import type { Server } from "node:http";
import { isDatabaseEmpty, seedDemoData, demoUsers, DEMO_PASSWORD } from "../prisma/seed.ts";
import { buildApp } from "./app.ts";
import { systemClock } from "./clock.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { createLivePubSub } from "./graphql/pubsub.ts";
import { startScheduler } from "./jobs.ts";
import { createLogger } from "./logger.ts";

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config);
const database = await openDatabase(config.database);
const applied = await database.migrate();
logger.info({ database: database.kind, applied: applied.length }, "database ready");

let seeded = false;
if (config.loadDemoData && (await isDatabaseEmpty(database.prisma))) {
  await seedDemoData(database.prisma, systemClock);
  seeded = true;
  logger.info("demo data loaded");
}

const live = createLivePubSub(config.redisUrl);
const { app } = buildApp({ config, database, clock: systemClock, logger, pubsub: live.pubsub });
const stopScheduler = startScheduler({ prisma: database.prisma, clock: systemClock, config, pubsub: live.pubsub }, logger);

const server: Server = app.listen(config.port, config.host, () => {
  const url = config.publicUrl;
  logger.info({ url }, "listening");
  if (config.environment !== "production") {
    const logins = seeded || config.loadDemoData ? demoUsers.map((user) => `    ${user.email.padEnd(32)} (${user.key})`).join("\n") : "";
    process.stdout.write(`\n  Trædesten kører på ${url}\n`);
    if (logins) process.stdout.write(`\n  Demo-logins (adgangskode: ${DEMO_PASSWORD}):\n${logins}\n\n`);
  }
});

// Longer than common load balancers' idle timeout (60 s), so they close idle sockets first.
server.keepAliveTimeout = 65_000;

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  stopScheduler();
  // Stop accepting; let in-flight requests finish; drop idle keep-alive sockets.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearTimeout(forced);
  await live.close();
  await database.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
