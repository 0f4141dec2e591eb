// The only reader of process.env. Parsed once at start; a bad value stops the process with
// a readable list of problems (exit code 1 in main.ts).
import path from "node:path";
import { z } from "zod";
import { parseProxyTrust, type ProxyTrust } from "./http/client-address.ts";

const booleanString = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_URL: z.url().optional(),
  DEMO_DATA: z.enum(["auto", "off"]).default("auto"),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(60),
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  COOKIE_SECURE: booleanString.optional(),
  CORS_ORIGINS: z.string().default(""),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  TRUST_PROXY: z.string().default(""),
  EXPOSE_ERRORS: booleanString.default(false),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Trædesten <ikke-svar@traedesten.invalid>"),
  SMTP_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  SMS_PROVIDER: z.enum(["off", "dev", "gatewayapi"]).optional(),
  SMS_API_URL: z.url().default("https://gatewayapi.com/rest/mtsms"),
  SMS_API_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().min(1).max(11).default("Traedesten"),
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFICATION_RETRY_SECONDS: z.coerce.number().positive().max(86400).default(60),
  VISIT_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(2),
});

export interface Config {
  environment: "development" | "production" | "test";
  host: string;
  port: number;
  database: { kind: "pglite"; dataDir: string } | ({ kind: "postgres"; url: string } & PoolOptions);
  redisUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  publicUrl: string;
  loadDemoData: boolean;
  session: { absoluteHours: number; idleMinutes: number; cookieSecure: boolean };
  retentionDays: number;
  jobIntervalSeconds: number;
  corsOrigins: string[];
  /** Bearer token for GET /metrics; unset turns the endpoint off. */
  metricsToken: string | undefined;
  /** Whether and which X-Forwarded-For entries name the client (see server/http/client-address.ts). */
  trustProxy: ProxyTrust;
  /** Unexpected errors reach the client unmasked: for local debugging only, never by default. */
  exposeErrors: boolean;
  notifications: NotificationConfig;
}

/** How many PostgreSQL connections one instance holds, and how long a request waits for one. */
export interface PoolOptions {
  poolSize: number;
  poolWaitMs: number;
}

export interface NotificationConfig {
  /** smtp: send for real; catcher: the in-process development catcher; off: tests without SMTP. */
  mail: { kind: "smtp"; url: string } | { kind: "catcher"; port: number } | { kind: "off" };
  from: string;
  timeoutMs: number;
  sms: { kind: "off" } | { kind: "dev" } | { kind: "gatewayapi"; url: string; token: string; sender: string };
  maxAttempts: number;
  retryBaseMs: number;
  visitReminderDays: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Parses the environment into a Config, or throws ConfigError listing every bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  const trust = parseProxyTrust(values.TRUST_PROXY);
  if ("problem" in trust) throw new ConfigError([`TRUST_PROXY: ${trust.problem}`]);
  const isProduction = values.NODE_ENV === "production";
  const problems: string[] = [];
  if (isProduction && !values.SMTP_URL) problems.push("SMTP_URL: required in production, e.g. smtp://user:password@mail.example.dk:587 (notifications are sent by e-mail)");
  if (values.SMS_PROVIDER === "gatewayapi" && !values.SMS_API_TOKEN) problems.push("SMS_API_TOKEN: required when SMS_PROVIDER=gatewayapi");
  if (isProduction && values.SMS_PROVIDER === "dev") problems.push("SMS_PROVIDER: dev is for development only");
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    environment: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL, poolSize: values.DATABASE_POOL_SIZE, poolWaitMs: values.DATABASE_POOL_WAIT_MS }
      : { kind: "pglite", dataDir: path.resolve(values.DATA_DIR) },
    redisUrl: values.REDIS_URL,
    logLevel: values.LOG_LEVEL,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ""),
    loadDemoData: values.DEMO_DATA === "auto",
    session: {
      absoluteHours: values.SESSION_ABSOLUTE_HOURS,
      idleMinutes: values.SESSION_IDLE_MINUTES,
      cookieSecure: values.COOKIE_SECURE ?? isProduction,
    },
    retentionDays: values.RETENTION_DAYS,
    jobIntervalSeconds: values.JOB_INTERVAL_SECONDS,
    corsOrigins: values.CORS_ORIGINS.split(",").map((origin) => origin.trim()).filter(Boolean),
    metricsToken: values.METRICS_TOKEN,
    trustProxy: trust.trust,
    exposeErrors: values.EXPOSE_ERRORS,
    notifications: {
      mail: values.SMTP_URL
        ? { kind: "smtp", url: values.SMTP_URL }
        : values.NODE_ENV === "development"
          ? { kind: "catcher", port: values.SMTP_CATCHER_PORT }
          : { kind: "off" },
      from: values.MAIL_FROM,
      timeoutMs: values.SMTP_TIMEOUT_SECONDS * 1000,
      sms:
        values.SMS_PROVIDER === "gatewayapi"
          ? { kind: "gatewayapi", url: values.SMS_API_URL, token: values.SMS_API_TOKEN!, sender: values.SMS_SENDER }
          : (values.SMS_PROVIDER ?? (values.NODE_ENV === "development" ? "dev" : "off")) === "dev"
            ? { kind: "dev" }
            : { kind: "off" },
      maxAttempts: values.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: values.NOTIFICATION_RETRY_SECONDS * 1000,
      visitReminderDays: values.VISIT_REMINDER_DAYS,
    },
  };
}
