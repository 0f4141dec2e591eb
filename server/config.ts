// The only reader of process.env. Parsed once at start; a bad value stops the process with
// a readable list of problems (exit code 1 in main.ts).
import path from "node:path";
import { z } from "zod";

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
});

export interface Config {
  environment: "development" | "production" | "test";
  host: string;
  port: number;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  redisUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  publicUrl: string;
  loadDemoData: boolean;
  session: { absoluteHours: number; idleMinutes: number; cookieSecure: boolean };
  retentionDays: number;
  jobIntervalSeconds: number;
  corsOrigins: string[];
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
  const isProduction = values.NODE_ENV === "production";
  return {
    environment: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL }
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
  };
}
