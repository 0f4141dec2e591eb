// What the code running for one HTTP request can reach without passing it along: its logger
// (a child carrying the request id, so every line of the request has it) and its metrics.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";
import type { Metrics } from "./metrics.ts";

export interface RequestScope {
  requestId: string;
  logger: Logger;
  metrics: Metrics;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The request's logger inside a request, else the fallback. */
export function currentLogger(fallback: Logger): Logger {
  return requestScope.getStore()?.logger ?? fallback;
}

/** Counts an error the Pothos errors plugin turned into a result-union member. */
export function countResolvedError(error: Error): void {
  const code = (error as { code?: unknown }).code;
  requestScope.getStore()?.metrics.countError(typeof code === "string" ? code : error.name);
}
