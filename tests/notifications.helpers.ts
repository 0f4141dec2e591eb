// Shared set-up for the notification tests: a real SMTP server (the mail catcher) the app sends
// to, and one database opened by two server instances (two connection pools on PostgreSQL; on
// the embedded database, which is one connection by nature, both instances share it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openPostgres, type Database } from "../server/db/database.ts";
import { MailCatcher } from "../server/modules/notifications/mail-catcher.ts";
import { createTestDatabase } from "./support/database.ts";
import { withDatabase } from "./support/global-setup.ts";

export interface SharedDatabase {
  first: Database;
  second: Database;
  close(): Promise<void>;
}

export async function openSharedDatabase(): Promise<SharedDatabase> {
  const postgresUrl = process.env["TEST_DATABASE_URL"];
  if (!postgresUrl) {
    const database = await createTestDatabase();
    return { first: database, second: database, close: () => database.close() };
  }
  const name = `${inject("postgresTemplate")}_file_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
  await admin.end();
  const first = openPostgres(withDatabase(postgresUrl, name));
  const second = openPostgres(withDatabase(postgresUrl, name));
  return {
    first,
    second,
    async close() {
      await first.close();
      await second.close();
      const dropper = new pg.Client({ connectionString: postgresUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function startCatcher(): Promise<{ catcher: MailCatcher; environment: Record<string, string> }> {
  const catcher = new MailCatcher();
  const port = await catcher.listen(0);
  return {
    catcher,
    environment: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      // Long enough for a loaded machine; the stall test holds the greeting longer than this.
      SMTP_TIMEOUT_SECONDS: "5",
      NOTIFICATION_RETRY_SECONDS: "30",
      NOTIFICATION_MAX_ATTEMPTS: "4",
      PUBLIC_URL: "https://traedesten.test",
    },
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local HTTP server standing in for the SMS provider: records every request, answers `status()`. */
export async function startSmsStub(status: () => number = () => 200): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const code = status();
      response.writeHead(code, { "content-type": "application/json" });
      response.end(code < 300 ? JSON.stringify({ ids: [requests.length] }) : JSON.stringify({ code: "ERROR" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as import("node:net").AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/rest/mtsms`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
