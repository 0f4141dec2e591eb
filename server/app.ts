// buildApp(deps): the Koa application with GraphQL at /graphql, health checks, calendar
// feeds and the built client. It never listens; main.ts and the tests do.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Router from "@koa/router";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createYoga } from "graphql-yoga";
import Koa from "koa";
import helmet from "koa-helmet";
import type { Logger } from "pino";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { pendingMigrations } from "./db/migrate.ts";
import type { Context } from "./graphql/context.ts";
import type { PubSub } from "./graphql/pubsub.ts";
import { schema } from "./graphql/schema.ts";
import { serveClient } from "./http/static-files.ts";
import { resolveViewer, SESSION_COOKIE } from "./modules/accounts/session.ts";
import { registerCalendarRoutes } from "./modules/visits/calendar-routes.ts";

export interface AppDependencies {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  pubsub: PubSub;
  /** Folder of the built client; defaults to dist/client. */
  clientDir?: string;
}

export const CSRF_HEADER = "x-graphql-csrf";
const MAX_BODY_BYTES = 256 * 1024;

// Calendar tokens are secrets in the URL; keep them out of the logs.
function loggablePath(requestPath: string): string {
  return requestPath.replace(/^\/calendar\/unit\/[^/]+/, "/calendar/unit/[token]").replace(/^\/undersoegelse\/[^/]+/, "/undersoegelse/[token]");
}

export function buildApp(deps: AppDependencies) {
  const { config, database, clock, logger } = deps;
  const prisma = database.prisma;
  const app = new Koa({ proxy: config.environment === "production" });
  const router = new Router();
  // Koa prints stream errors to stderr by default; a browser closing a live-update stream is normal.
  app.on("error", (error: Error & { code?: string }) => {
    if (error.code === "ERR_STREAM_PREMATURE_CLOSE" || error.code === "ECONNRESET") return;
    logger.error({ detail: describeForLog([error]) }, "http error");
  });
  const isDevelopment = config.environment === "development";

  const yoga = createYoga<{ koa: Koa.Context }, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: isDevelopment ? { title: "Trædesten GraphQL" } : false,
    landingPage: false,
    // Closed by default: only configured origins may call the API from another site.
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: true } : false,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ detail: describeForLog(args) }, "graphql warning"),
      error: (...args: unknown[]) => logger.error({ detail: describeForLog(args) }, "graphql error"),
    },
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      EnvelopArmorPlugin({
        // Introspection counts too: it is the classic way to build a deep query.
        maxDepth: { n: 12, ignoreIntrospection: false },
        maxAliases: { n: 15 },
        costLimit: { maxCost: 8000 },
        maxTokens: { n: 2000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: !isDevelopment },
      }),
    ],
    context: async ({ koa }) => ({
      prisma,
      clock,
      config,
      logger,
      pubsub: deps.pubsub,
      koa,
      request: { id: koa.state["requestId"] as string, ip: koa.ip },
      viewer: await resolveViewer(prisma, clock, config, koa.cookies.get(SESSION_COOKIE)),
    }),
  });

  // One JSON line per request: never bodies, query strings, cookies or personal data.
  app.use(async (ctx, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    ctx.state["requestId"] = requestId;
    ctx.set("X-Request-Id", requestId);
    try {
      await next();
    } finally {
      logger.info(
        {
          requestId,
          method: ctx.method,
          path: loggablePath(ctx.path),
          status: ctx.status,
          durationMs: Math.round(performance.now() - started),
        },
        "request",
      );
    }
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: isDevelopment ? ["'self'", "'unsafe-inline'", "https://unpkg.com"] : ["'self'"],
          styleSrc: isDevelopment ? ["'self'", "'unsafe-inline'", "https://unpkg.com"] : ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.session.cookieSecure ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(async (ctx, next) => {
    const declared = Number(ctx.get("content-length") || 0);
    if (declared > MAX_BODY_BYTES) {
      ctx.status = 413;
      ctx.body = { error: "Request body too large", errorDa: "Forespørgslen er for stor" };
      return;
    }
    if (ctx.method === "POST" && ctx.get("transfer-encoding").includes("chunked")) {
      ctx.status = 411;
      ctx.body = { error: "Content-Length required", errorDa: "Content-Length mangler" };
      return;
    }
    await next();
  });

  router.get("/healthz", (ctx) => {
    ctx.body = { status: "ok" };
  });
  router.get("/readyz", async (ctx) => {
    try {
      const pending = await pendingMigrations(database.sql);
      ctx.status = pending.length === 0 ? 200 : 503;
      ctx.body = pending.length === 0 ? { status: "ready" } : { status: "migrations pending", pending };
    } catch {
      ctx.status = 503;
      ctx.body = { status: "database unreachable" };
    }
  });

  router.all("/graphql", async (ctx) => {
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, { koa: ctx });
    // Body first, then status: set the other way round, an empty body turns into Koa's 204.
    ctx.body = response.body;
    ctx.status = response.status;
    response.headers.forEach((value, key) => {
      if (key.toLowerCase() === "set-cookie") return;
      ctx.set(key, value);
    });
  });

  registerCalendarRoutes(router, { prisma, clock, config });

  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(serveClient(deps.clientDir ?? path.resolve(import.meta.dirname, "../dist/client")));
  return { app, yoga };
}

// Logs what went wrong without what it was about: Prisma's messages can echo query arguments.
function describeForLog(args: unknown[]): unknown {
  return args.map((arg) => {
    if (!(arg instanceof Error)) return typeof arg === "string" ? arg.slice(0, 200) : typeof arg;
    const isDatabaseError = arg.name.startsWith("PrismaClient") || "clientVersion" in arg;
    const original = (arg as { originalError?: Error }).originalError;
    return {
      name: arg.name,
      code: (arg as { code?: unknown }).code,
      message: isDatabaseError ? undefined : arg.message.split("\n")[0]?.slice(0, 200),
      original: original ? { name: original.name, code: (original as { code?: unknown }).code } : undefined,
      stack: arg.stack?.split("\n").slice(1, 6).join("\n"),
    };
  });
}
