// The one way background jobs work through due rows: in bounded batches, each its own short
// transaction, until nothing is due. A batch claims its rows with FOR UPDATE SKIP LOCKED and
// re-checks the due condition in the statement that changes them, so several instances (or a
// second runner in one instance) share a backlog without ever changing a row twice, and no
// transaction grows with the backlog (a 100,000-row backlog is 200 short transactions, not one
// that hits the transaction timeout).
import type { Prisma, Transaction } from "../db/database.ts";
import { withConflictRetry } from "./database-errors.ts";

export const DEFAULT_BATCH_SIZE = 500;
/** A safety stop: a job that keeps finding work this long yields to the next tick. */
const DEFAULT_MAX_BATCHES = 10_000;

export interface BatchJob<Row> {
  /**
   * Claims at most `limit` due rows (`… LIMIT $limit FOR UPDATE SKIP LOCKED`), changes them
   * inside `tx` and returns what it changed. Returning fewer than `limit` rows means nothing
   * more is due (or the rest is another runner's, locked right now).
   */
  step(tx: Transaction, limit: number): Promise<Row[]>;
  /** Runs after each batch has committed, e.g. to publish live updates. */
  afterCommit?(rows: Row[]): void | Promise<void>;
  batchSize?: number;
  maxBatches?: number;
}

// A batch is short by design, but Prisma's default 5 s transaction timeout was cut through on
// a machine busy with other work (the batch then rolls back and the job fails). The limit is a
// safety net against a stuck batch, not a measure of how long one should take.
const BATCH_TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 60_000 };

/** Runs `job.step` in batches until a batch comes back short; returns how many rows changed. */
export async function runInBatches<Row>(prisma: Prisma, job: BatchJob<Row>): Promise<number> {
  const batchSize = job.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxBatches = job.maxBatches ?? DEFAULT_MAX_BATCHES;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const rows = await withConflictRetry(() => prisma.$transaction((tx) => job.step(tx, batchSize), BATCH_TRANSACTION_LIMITS));
    total += rows.length;
    if (rows.length > 0) await job.afterCommit?.(rows);
    if (rows.length < batchSize) break;
  }
  return total;
}
