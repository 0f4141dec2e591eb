// Reads config, opens and migrates the database, starts the HTTP server and the job
// scheduler, and shuts down gracefully. Demo data is loaded by a separate entry
// (scripts/db-seed.ts, dist/server/db-seed.js), so the production server never contains it.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp } from "./app.ts";
import { systemClock } from "./clock.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { createLivePubSub } from "./graphql/pubsub.ts";
import { startScheduler } from "./jobs.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { MailCatcher, registerDevelopmentCatcher } from "./modules/notifications/mail-catcher.ts";
import { startNotificationWorker } from "./modules/notifications/notification.worker.ts";
import { moveOpenIntervalCalendar } from "./modules/directory/open-intervals.ts";

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

// Development without SMTP_URL: a real SMTP server in process catches every message, and
// platform admins see them at /udvikling/post.
let catcher: MailCatcher | null = null;
if (config.notifications.mail.kind === "catcher") {
  catcher = new MailCatcher();
  const port = await catcher.listen(config.notifications.mail.port);
  registerDevelopmentCatcher(catcher);
  logger.info({ port }, "development mail catcher listening");
}

const metrics = createMetrics({ poolUse: database.poolUse, processMetrics: true });
const live = createLivePubSub(config.redisUrl);
const { app, close: closeApp } = buildApp({
  config,
  database,
  clock: systemClock,
  logger,
  pubsub: live.pubsub,
  metrics,
  renderGraphiQL: config.environment === "development" ? await loadGraphiQL() : undefined,
});
const stopScheduler = startScheduler({ prisma: database.prisma, clock: systemClock, config, pubsub: live.pubsub }, logger, {
  metrics,
  holdJobLock: database.holdJobLock,
});
// The directory's materialised open intervals follow the days (the job moves them on); until
// this has run once, searches use the computed opening-hours test: same answers, slower.
void moveOpenIntervalCalendar(database.prisma, systemClock.now()).catch((error: Error) =>
  logger.error({ errorName: error.name, code: (error as { code?: unknown }).code }, "open-interval calendar failed"),
);
const stopNotifications = startNotificationWorker({ prisma: database.prisma, clock: systemClock, config, pubsub: live.pubsub }, logger);

const server: Server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ url: config.publicUrl, port }, "listening");
  if (config.environment !== "production") process.stdout.write(`\n  Trædesten kører på ${config.publicUrl}\n\n`);
  if (catcher) process.stdout.write(`  E-mails fanges lokalt: log ind som platformsadministrator og se ${config.publicUrl}/udvikling/post\n\n`);
});

// Longer than common load balancers' idle timeout (60 s), so they close idle sockets first.
server.keepAliveTimeout = 65_000;

/** GraphiQL with its assets inlined (no CDN); a development dependency, so absent in the image. */
async function loadGraphiQL() {
  try {
    return (await import("@graphql-yoga/render-graphiql")).renderGraphiQL;
  } catch {
    logger.warn("GraphiQL is off: @graphql-yoga/render-graphiql is not installed");
    return undefined;
  }
}

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  stopScheduler();
  stopNotifications();
  // Stop accepting; let in-flight requests finish; drop idle keep-alive sockets.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearTimeout(forced);
  await live.close();
  await closeApp();
  await catcher?.close();
  await database.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
