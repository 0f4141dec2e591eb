// Starts the real application (Koa + Yoga + Prisma) on a fresh database and an ephemeral
// port. Tests talk to it over HTTP, exactly as the browser does.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pino, type Logger } from "pino";
import { buildApp, CSRF_HEADER, type AppDependencies } from "../../server/app.ts";
import { SettableClock } from "../../server/clock.ts";
import { loadConfig, type Config } from "../../server/config.ts";
import type { RateLimitOverrides } from "../../server/graphql/rate-limits.ts";
import type { Database } from "../../server/db/database.ts";
import { createLivePubSub, type LivePubSub } from "../../server/graphql/pubsub.ts";
import { runJobsOnce } from "../../server/jobs.ts";
import { createSession, SESSION_COOKIE } from "../../server/modules/accounts/session.ts";
import { createTestDatabase } from "./database.ts";

export interface TestApp {
  url: string;
  database: Database;
  prisma: Database["prisma"];
  clock: SettableClock;
  config: Config;
  live: LivePubSub;
  /** A caller with no session. */
  anonymous: Caller;
  /** A caller signed in as the given user (session created directly in the database). */
  as(userId: string): Promise<Caller>;
  /** A caller sending this cookie (e.g. the session cookie a real sign-in set). */
  withCookie(cookie: string): Caller;
  runJobs(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Caller {
  cookie: string | null;
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export const TEST_START = "2026-11-25T09:00:00.000Z";
export const DAY_MS = 86_400_000;
/** Set-up starts whole servers; on a busy shared machine that can take a while. */
export const HOOK_TIMEOUT_MS = 180_000;
export const SLOW_TEST_MS = 120_000;

export async function startTestApp(
  options: {
    environment?: Record<string, string>;
    database?: Database;
    redisUrl?: string;
    logger?: Logger;
    renderGraphiQL?: AppDependencies["renderGraphiQL"];
    /** Shorter rate-limit windows for tests that wait one out (the limiter keeps wall-clock time). */
    rateLimits?: RateLimitOverrides;
  } = {},
): Promise<TestApp> {
  // Production refuses to start without SMTP_URL; a test in production mode gets a closed port
  // (tests send nothing unless they start their own SMTP server and say so).
  const productionMail = options.environment?.["NODE_ENV"] === "production" ? { SMTP_URL: "smtp://127.0.0.1:9" } : {};
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...productionMail, ...options.environment });
  const database = options.database ?? (await createTestDatabase());
  const clock = new SettableClock(TEST_START);
  const live = createLivePubSub(options.redisUrl);
  const { app, close: closeApp } = buildApp({
    config,
    database,
    clock,
    logger: options.logger ?? pino({ level: "silent" }),
    pubsub: live.pubsub,
    renderGraphiQL: options.renderGraphiQL,
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  // fetch keeps connections alive; a server closing an idle socket just as the client reuses it
  // gives ECONNRESET on a loaded machine. Outlive the client's own idle timeout instead.
  server.keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const caller = (cookie: string | null): Caller => ({
    cookie,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [CSRF_HEADER]: "1",
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<any>;
      return { ...body, status: response.status };
    },
  });

  return {
    url,
    database,
    prisma: database.prisma,
    clock,
    config,
    live,
    anonymous: caller(null),
    withCookie: caller,
    async as(userId) {
      const { token } = await createSession(database.prisma, clock, config, userId);
      return caller(`${SESSION_COOKIE}=${token}`);
    },
    runJobs: () => runJobsOnce({ prisma: database.prisma, clock, config, pubsub: live.pubsub }),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await live.close();
      await closeApp();
      if (!options.database) await database.close();
    },
  };
}

/** Asserts a GraphQL response has no errors and returns its data. */
export function dataOf<Data>(response: GraphQLResponse<Data>): Data {
  if (response.errors?.length) {
    throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  if (!response.data) throw new Error(`No data in response (HTTP ${response.status})`);
  return response.data;
}
