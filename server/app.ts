// buildApp(deps): the Koa application with GraphQL at /graphql, health checks, calendar
// feeds and the built client. It never listens; main.ts and the tests do.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID, timingSafeEqual } from "node:crypto";
import path from "node:path";
import Router from "@koa/router";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, validate } from "graphql";
import { createYoga, isAsyncIterable, type Plugin } from "graphql-yoga";
import Koa from "koa";
import helmet from "koa-helmet";
import type { Logger } from "pino";
import { isDatabaseBusy, isRetryableConflict } from "./shared/database-errors.ts";
import { BusyError } from "./shared/errors.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { pendingMigrations } from "./db/migrate.ts";
import type { Context } from "./graphql/context.ts";
import type { PubSub } from "./graphql/pubsub.ts";
import { createRateLimits, type RateLimitOverrides } from "./graphql/rate-limits.ts";
import { schema } from "./graphql/schema.ts";
import { clientAddressResolver } from "./http/client-address.ts";
import { serveClient } from "./http/static-files.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import { registerNotificationMetrics } from "./modules/notifications/index.ts";
import { currentLogger, requestScope } from "./observability/request-scope.ts";
import { PROJECT_ROOT } from "./paths.ts";
import { resolveViewer, SESSION_COOKIE } from "./modules/accounts/session.ts";
import { redactCitizenToken, registerCitizenRoutes } from "./modules/citizen/citizen-routes.ts";
import { MAX_IMPORT_BYTES, registerHsdsRoutes } from "./modules/opendata/hsds/hsds.routes.ts";
import { registerFhirRoutes } from "./modules/opendata/fhir/fhir.routes.ts";
import { registerShortLinkRoutes } from "./modules/directory/short-link-routes.ts";
import { registerCalendarRoutes } from "./modules/visits/calendar-routes.ts";
import { registerAreaCalendarRoutes } from "./modules/calendar/area-calendar-feed.ts";
import { textProblem } from "./shared/input-guard.ts";
import { createRateLimitStore, type RateLimitStore } from "./shared/rate-limit.ts";
import { registerVolunteerFeedRoutes } from "./modules/volunteers/volunteer-feed.ts";

export interface AppDependencies {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  pubsub: PubSub;
  /** Folder of the built client; defaults to dist/client. */
  clientDir?: string;
  /** Prometheus metrics; a fresh registry when not given. */
  metrics?: Metrics;
  /**
   * Renders GraphiQL with its assets inlined (@graphql-yoga/render-graphiql, a development
   * dependency that main.ts loads in development), so it works offline. Without it: no GraphiQL.
   */
  renderGraphiQL?: (options: { title?: string }) => string;
  /** Where rate limits are counted; defaults to Redis when REDIS_URL is set, else memory. */
  rateLimitStore?: RateLimitStore;
  /** Tests shorten windows here (the limiter keeps wall-clock time, not the injectable clock). */
  rateLimits?: RateLimitOverrides;
}

export const CSRF_HEADER = "x-graphql-csrf";
const MAX_BODY_BYTES = 256 * 1024;

// Calendar tokens are secrets in the URL; keep them out of the logs.
function loggablePath(requestPath: string): string {
  return redactCitizenToken(requestPath)
    .replace(/^\/calendar\/unit\/[^/]+/, "/calendar/unit/[token]")
    .replace(/^\/calendar\/volunteer\/[^/]+/, "/calendar/volunteer/[token]")
    .replace(/^\/undersoegelse\/[^/]+/, "/undersoegelse/[token]");
}

// The request being served, for what has no other way to know it (masked errors, error logs).
const currentRequest = new AsyncLocalStorage<{ id: string }>();

export function buildApp(deps: AppDependencies) {
  const { config, database, clock, logger } = deps;
  const prisma = database.prisma;
  const metrics = deps.metrics ?? createMetrics({ poolUse: database.poolUse });
  registerNotificationMetrics(metrics.registry, prisma);
  // X-Forwarded-For is believed only as TRUST_PROXY says (server/http/client-address.ts), never by Koa.
  const app = new Koa({ proxy: false });
  const clientAddress = clientAddressResolver(config.trustProxy);
  const ownedStore = deps.rateLimitStore ? null : createRateLimitStore(config.redisUrl);
  const rateLimits = createRateLimits(deps.rateLimitStore ?? ownedStore!, deps.rateLimits);
  const router = new Router();
  // Koa prints stream errors to stderr by default; a browser closing a live-update stream is normal.
  app.on("error", (error: Error & { code?: string }, ctx?: Koa.Context) => {
    if (error.code === "ERR_STREAM_PREMATURE_CLOSE" || error.code === "ECONNRESET") return;
    // Koa reports here after the request's own middleware has returned: take the id from ctx.
    const requestId = ctx?.state["requestId"] as string | undefined;
    (requestId ? logger.child({ requestId }) : currentLogger(logger)).error({ detail: describeForLog([error]) }, "http error");
  });
  const isDevelopment = config.environment === "development";
  const renderGraphiQL = isDevelopment ? once(deps.renderGraphiQL) : undefined;
  const isProduction = config.environment === "production";

  const yoga = createYoga<{ koa: Koa.Context }, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: renderGraphiQL ? { title: "Trædesten GraphQL" } : false,
    ...(renderGraphiQL ? { renderGraphiQL } : {}),
    landingPage: false,
    // Closed by default: only configured origins may call the API from another site.
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: true } : false,
    // Unexpected errors reach the client as "Unexpected error." with the request id, in every
    // mode; only EXPOSE_ERRORS=true (local debugging) adds the original message and stack.
    maskedErrors: {
      isDev: config.exposeErrors,
      maskError: (error, message, isDev) => {
        // Contention is an expected answer, not an unexpected error: a pool, transaction start or
        // write conflict that could not be resolved in time becomes BUSY with HTTP 503.
        if (isDatabaseBusy(originalOf(error)) || isRetryableConflict(originalOf(error))) return new BusyError();
        const masked = maskUnexpected(error, message, isDev ?? false);
        if (masked !== error && masked instanceof GraphQLError) {
          const requestId = currentRequest.getStore()?.id;
          if (requestId) (masked.extensions as Record<string, unknown>)["requestId"] = requestId;
        }
        return masked;
      },
    },
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => currentLogger(logger).warn({ detail: describeForLog(args) }, "graphql warning"),
      error: (...args: unknown[]) => currentLogger(logger).error({ detail: describeForLog(args) }, "graphql error"),
    },
    plugins: [
      noEchoedVariableValues(),
      useOperationMetrics(metrics),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...(isProduction ? [noAnonymousIntrospection()] : []),
      EnvelopArmorPlugin({
        // Introspection counts too: it is the classic way to build a deep query.
        maxDepth: { n: 12, ignoreIntrospection: false },
        maxAliases: { n: 15 },
        // why 12000: the client's urql document cache adds `__typename` to every selection set
        // (it reloads queries by type), and each one counts here; 8000 refused its members page.
        costLimit: { maxCost: 12000 },
        maxTokens: { n: 2000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: !isDevelopment },
      }),
    ],
    context: async ({ koa }) => ({
      prisma,
      clock,
      config,
      logger: currentLogger(logger),
      pubsub: deps.pubsub,
      rateLimits,
      koa,
      request: { id: koa.state["requestId"] as string, ip: koa.state["clientIp"] as string },
      viewer: await resolveViewer(prisma, clock, config, koa.cookies.get(SESSION_COOKIE)),
    }),
  });

  // One JSON line per request: never bodies, query strings, cookies or personal data. Every
  // line logged while handling the request carries its id (a child logger in requestScope).
  app.use(async (ctx, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    const requestLogger = logger.child({ requestId });
    ctx.state["requestId"] = requestId;
    ctx.state["clientIp"] = clientAddress(ctx.req.socket.remoteAddress, ctx.get("x-forwarded-for") || undefined);
    ctx.set("X-Request-Id", requestId);
    await requestScope.run({ requestId, logger: requestLogger, metrics }, async () => {
      try {
        await currentRequest.run({ id: requestId }, next);
      } finally {
        const durationMs = performance.now() - started;
        // The router's pattern, not the path: ids and tokens in paths would make endless series.
        const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? (ctx.status === 404 ? "unmatched" : "client");
        metrics.observeHttp({ method: ctx.method, route, status: ctx.status }, durationMs / 1000);
        requestLogger.info(
          { method: ctx.method, path: loggablePath(ctx.path), status: ctx.status, durationMs: Math.round(durationMs) },
          "request",
        );
      }
    });
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // GraphiQL (development only) is one page with inline script and Web Workers from blobs.
          scriptSrc: isDevelopment ? ["'self'", "'unsafe-inline'"] : ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: isDevelopment ? ["'self'", "blob:"] : ["'self'"],
          fontSrc: ["'self'", "data:"],
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
    // An HSDS onboarding package may be large; its route reads at most MAX_IMPORT_BYTES itself.
    const limit = ctx.path === "/hsds/import" ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
    if (declared > limit) {
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

  // REST paths (calendar feeds, the client) get the same floor as GraphQL inputs: a path that
  // cannot be decoded or holds characters that cannot be stored is a 400, never a 500.
  app.use(async (ctx, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      decoded = "\u0000";
    }
    if (textProblem(decoded, "text") || /[\r\n\t]/.test(decoded)) {
      ctx.status = 400;
      ctx.body = { error: "The address holds characters that are not allowed", errorDa: "Adressen indeholder tegn, der ikke er tilladt", requestId: ctx.state["requestId"] };
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

  // Prometheus scrape endpoint: off unless METRICS_TOKEN is set; then it needs that bearer token.
  router.get("/metrics", async (ctx) => {
    if (!config.metricsToken) return; // 404
    if (!bearerMatches(ctx.get("authorization"), config.metricsToken)) {
      ctx.status = 401;
      ctx.set("WWW-Authenticate", "Bearer");
      ctx.body = { error: "Metrics token required", errorDa: "Metrics kræver et token" };
      return;
    }
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });

  router.all("/graphql", async (ctx) => {
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, { koa: ctx });
    // Body first, then status: set the other way round, an empty body turns into Koa's 204.
    // A single result goes out as one buffer. Piped as a web stream, a search's answer cost
    // about a tenth of the server's CPU in stream plumbing and separate socket writes.
    ctx.body = response.body && !isStreamed(response.headers.get("content-type")) ? Buffer.from(await response.arrayBuffer()) : response.body;
    ctx.status = response.status;
    response.headers.forEach((value, key) => {
      if (key.toLowerCase() === "set-cookie") return;
      ctx.set(key, value);
    });
  });

  registerCalendarRoutes(router, { prisma, clock, config });
  registerAreaCalendarRoutes(router, { prisma, clock });
  const clientDir = deps.clientDir ?? path.join(PROJECT_ROOT, "dist", "client");
  registerCitizenRoutes(router, { clientDir });
  registerHsdsRoutes(router, { prisma, clock, config });
  registerFhirRoutes(router, { prisma, clock, config });
  registerShortLinkRoutes(router, prisma);
  registerVolunteerFeedRoutes(router, { prisma, clock });

  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(serveClient(clientDir));
  return {
    app,
    yoga,
    metrics,
    /** Closes what buildApp opened itself (the rate-limit store's Redis connection). */
    close: async () => {
      await ownedStore?.close();
    },
  };
}

/** Event streams (subscriptions) and incremental delivery are sent as they come. */
function isStreamed(contentType: string | null): boolean {
  return contentType !== null && /^(text\/event-stream|multipart\/mixed)/i.test(contentType);
}

// graphql-js repeats a variable's whole value when it fails the type check ("got invalid value
// { purpose: \"…\" } at …"), and that value may be free text about a citizen. The answer keeps
// where and why, never the value: the variable's path, and the reason only when it names
// nothing but schema words (a missing field) or is plain words with no quoted or appended
// value (our scalars' own messages, such as "Date must be an existing calendar date").
const COERCION_FAILURE = /^Variable "(\$\w+)" got invalid value [\s\S]*?(?: at "([\w.[\]$]+)")?; ([\s\S]*)$/;
const REASON_WITHOUT_VALUE = /^(Field "\w+" of required type "[\w![\]]+" was not provided\.|[A-Za-z0-9 ,.-]+)$/;
function withoutEchoedValue(error: GraphQLError): GraphQLError {
  const match = COERCION_FAILURE.exec(error.message);
  if (!match) return error;
  const [, variable, path, reason] = match;
  const where = path ? ` at "${path}"` : "";
  const why = reason && REASON_WITHOUT_VALUE.test(reason) ? ` ${reason}` : " The value does not have the type the schema expects.";
  return new GraphQLError(`Variable "${variable}" got an invalid value${where}.${why}`, {
    extensions: error.extensions,
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
  });
}

function noEchoedVariableValues(): Plugin<Context> {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!("errors" in result) || !result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map((error) => (error instanceof GraphQLError ? withoutEchoedValue(error) : error)) });
      },
    }),
  };
}

// Yoga's own maskError, but never in "development" by NODE_ENV alone: only by EXPOSE_ERRORS.
function maskUnexpected(error: unknown, message: string, expose: boolean): Error {
  if (error instanceof GraphQLError && !error.originalError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) return error;
  const extensions: Record<string, unknown> = { code: "INTERNAL_SERVER_ERROR" };
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (expose && original instanceof Error) extensions["originalError"] = { message: original.message, stack: original.stack };
  const http = error instanceof GraphQLError ? error.extensions["http"] : undefined;
  if (http) extensions["http"] = http;
  return new GraphQLError(message, {
    extensions,
    ...(error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {}),
  });
}

// Introspection (__schema, __type) answers only signed-in callers in production. The schema is
// public in the repository anyway; this keeps anonymous scanners from mapping the live API.
function noAnonymousIntrospection(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context;
      if (context.viewer) return;
      // The rule walks the whole document; a text without the two fields cannot ask for them.
      const text = args.document.loc?.source.body;
      if (text !== undefined && !/__(schema|type)\b/.test(text)) return;
      const errors = validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]);
      if (errors.length > 0) {
        setResultAndStopExecution({
          errors: [new GraphQLError("Introspection is not available.", { extensions: { code: "FORBIDDEN", messageDa: "Introspektion er ikke tilgængelig." } })],
        });
      }
    },
  };
}

// Logs what went wrong without what it was about: a database error's message (and the stack,
// whose first lines repeat it) can echo query arguments, so of those only names and codes are
// kept; of any other error the first line of the message and the stack frames ("at …" lines).
function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name.startsWith("Prisma") ||
    error.name === "DriverAdapterError" ||
    "clientVersion" in error ||
    /^(P\d{4}|[0-9A-Z]{5})$/.test(String((error as { code?: unknown }).code ?? "")) ||
    isDatabaseError((error as { cause?: unknown }).cause) ||
    isDatabaseError((error as { originalError?: unknown }).originalError)
  );
}

function framesOf(error: Error): string | undefined {
  return error.stack
    ?.split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5)
    .join("\n");
}

export function describeForLog(args: unknown[]): unknown {
  const requestId = currentRequest.getStore()?.id;
  return args.map((arg) => {
    if (!(arg instanceof Error)) return typeof arg === "string" ? arg.slice(0, 200) : typeof arg;
    const database = isDatabaseError(arg);
    const original = (arg as { originalError?: Error }).originalError;
    return {
      requestId,
      name: arg.name,
      code: (arg as { code?: unknown }).code,
      message: database ? undefined : arg.message.split("\n")[0]?.slice(0, 200),
      original: original ? { name: original.name, code: (original as { code?: unknown }).code } : undefined,
      stack: database ? undefined : framesOf(original ?? arg),
    };
  });
}

/** Times each GraphQL execution by operation name and counts top-level errors by code. */
function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          // Subscriptions stream for as long as the client listens; their duration says nothing.
          if (isAsyncIterable(result)) return;
          metrics.observeGraphQL(
            { operationName: operation?.name?.value, operationType: operation?.operation ?? "unknown" },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
    // Every answer, also those refused before execution (parse or validation errors).
    onResultProcess({ result }) {
      if (isAsyncIterable(result)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of single.errors ?? []) {
          const code = error.extensions?.["code"];
          metrics.countError(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
        }
      }
    },
  };
}

function bearerMatches(header: string, token: string): boolean {
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ""));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GraphiQL's page is megabytes of inlined assets: render it once. */
function once(render: ((options: { title?: string }) => string) | undefined) {
  if (!render) return undefined;
  let page: string | undefined;
  return (options: { title?: string } | undefined) => (page ??= render(options ?? {}));
}

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
