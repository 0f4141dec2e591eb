import { pino, type Logger } from "pino";
import type { Config } from "./config.ts";

/** JSON logs. Never pass request bodies, variables or personal data to it. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    base: { service: "traedesten" },
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token"], remove: true },
  });
}
