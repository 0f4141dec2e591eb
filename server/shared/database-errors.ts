// Contention on the database, turned into answers a client can act on: write conflicts and
// deadlocks are retried a bounded number of times; a pool or transaction start that waits too
// long, or a conflict that keeps recurring, becomes the typed, retryable BusyError (HTTP 503)
// instead of a masked "Unexpected error".
import { BusyError } from "./errors.ts";

/** SQLSTATEs a transaction may simply be run again after: serialization failure, deadlock. */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);
/** Prisma's codes for the same: write conflict or deadlock. */
const RETRYABLE_PRISMA_CODES = new Set(["P2034"]);
/** Prisma's codes for "could not get going in time": transaction start/timeout, pool timeout. */
const BUSY_PRISMA_CODES = new Set(["P2028", "P2024", "P1001", "P1008"]);
/** pg-pool and pg messages when no connection comes within connectionTimeoutMillis. */
const BUSY_MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated due to connection timeout/i, /unable to start a transaction in the given time/i, /transaction already closed/i];

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string; kind?: string } } };
}

function sqlState(error: ErrorShape): string | undefined {
  const cause = error.meta?.driverAdapterError?.cause;
  if (cause) return cause.originalCode ?? cause.code;
  return typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : undefined;
}

function chain(error: unknown): ErrorShape[] {
  const errors: ErrorShape[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && errors.length < 5) {
    errors.push(current as ErrorShape);
    current = (current as ErrorShape).cause;
  }
  return errors;
}

/** A serialization failure or deadlock: the whole transaction may be run again. */
export function isRetryableConflict(error: unknown): boolean {
  return chain(error).some((link) => RETRYABLE_PRISMA_CODES.has(String(link.code)) || RETRYABLE_SQLSTATES.has(sqlState(link) ?? ""));
}

/** The database could not take the request in time (pool or transaction start). */
export function isDatabaseBusy(error: unknown): boolean {
  return chain(error).some(
    (link) =>
      BUSY_PRISMA_CODES.has(String(link.code)) ||
      sqlState(link) === "57014" || // statement timeout / cancelled
      sqlState(link) === "53300" || // too many connections
      BUSY_MESSAGES.some((pattern) => typeof link.message === "string" && pattern.test(link.message)),
  );
}

export const MAX_ATTEMPTS = 4;

/**
 * Runs `work` (one whole transaction) again when it fails with a serialization failure or a
 * deadlock, up to MAX_ATTEMPTS times with a short random back-off; then, or when the database
 * is busy, throws BusyError. Any other error passes through unchanged.
 */
export async function withConflictRetry<Result>(work: () => Promise<Result>, attempts = MAX_ATTEMPTS): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (isDatabaseBusy(error)) throw new BusyError();
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= attempts) throw new BusyError();
      // Randomised, growing back-off so the colliding transactions do not meet again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}
