// Idempotent creation. A create mutation accepts an optional `idempotencyKey` (the client makes
// one per form submission with crypto.randomUUID). The key, its caller and the operation map to
// the id of the row the first request created, written in the same transaction as that row, so
// a retry after a lost response (a dropped connection, a server killed between commit and
// answer) returns the first result instead of creating a second row.
import type { Prisma, Transaction } from "../db/database.ts";
import { runInBatches } from "./batch-job.ts";
import { ValidationError } from "./errors.ts";
import type { Job, JobDependencies } from "./job.ts";

export interface IdempotencyScope {
  /** The signed-in user's id, or "anonymous" for public mutations. */
  callerId: string;
  operation: string;
  key: string;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** The scope for a mutation call, or null when the caller sent no key. Refuses a malformed key. */
export function idempotencyScope(callerId: string, operation: string, key: string | null | undefined): IdempotencyScope | null {
  if (key === null || key === undefined || key === "") return null;
  if (!KEY_PATTERN.test(key)) {
    throw ValidationError.single("idempotencyKey", {
      da: "Genforsøgsnøglen skal være 8-100 tegn: bogstaver, tal, - og _ (fx en UUID).",
      en: "The idempotency key must be 8-100 characters: letters, digits, - and _ (e.g. a UUID).",
    });
  }
  return { callerId, operation, key };
}

/** The id the first request with this key created, if any. */
export async function findIdempotentResult(prisma: Prisma | Transaction, scope: IdempotencyScope | null): Promise<string | null> {
  if (!scope) return null;
  const found = await prisma.idempotencyKey.findUnique({
    where: { callerId_operation_key: { callerId: scope.callerId, operation: scope.operation, key: scope.key } },
    select: { resultId: true },
  });
  return found?.resultId ?? null;
}

/** Records the key inside the creating transaction; a concurrent twin then fails on the primary key. */
export async function recordIdempotentResult(tx: Transaction, scope: IdempotencyScope | null, resultId: string, now: Date): Promise<void> {
  if (!scope) return;
  await tx.idempotencyKey.create({ data: { ...scope, resultId, createdAt: now } });
}

/** True when a create failed because its twin with the same key committed first. */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, meta } = error as { code?: unknown; meta?: { modelName?: unknown; target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] }; originalMessage?: string } } } };
  if (code !== "P2002") return false;
  const description = JSON.stringify(meta ?? {});
  return description.includes("IdempotencyKey") || (description.includes("callerId") && description.includes("operation"));
}

/**
 * Runs a create once per key: returns the earlier result when the key was used, otherwise
 * `create` (which must call recordIdempotentResult in its transaction); when a concurrent twin
 * wins the race on the key, returns the twin's result.
 */
export async function createOnce<Row>(
  prisma: Prisma,
  scope: IdempotencyScope | null,
  load: (id: string) => Promise<Row>,
  create: () => Promise<Row>,
): Promise<Row> {
  const earlier = await findIdempotentResult(prisma, scope);
  if (earlier) return load(earlier);
  try {
    return await create();
  } catch (error) {
    if (!scope || !isIdempotencyKeyTaken(error)) throw error;
    const twin = await findIdempotentResult(prisma, scope);
    if (!twin) throw error;
    return load(twin);
  }
}

/** How long keys are kept: a retry comes within minutes; a day covers a client offline overnight. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 2 * 86_400_000;

/** The description of every create input's `idempotencyKey` field. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  "Optional. A fresh random key per form submission (e.g. crypto.randomUUID()). Sending the same request again with the same key returns the first result instead of creating a second one; kept for two days.";

/** Deletes idempotency keys older than the retention, in batches like every job. */
export const purgeIdempotencyKeys: Job = {
  name: "purgeIdempotencyKeys",
  run({ prisma, clock }: JobDependencies) {
    const before = new Date(clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS).toISOString();
    return runInBatches(prisma, {
      step: (tx, limit) => tx.$queryRaw<{ key: string }[]>`
        DELETE FROM "IdempotencyKey" AS stored
        USING (
          SELECT "callerId", operation, key FROM "IdempotencyKey"
          WHERE "createdAt" < ${before}::timestamp(3)
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE stored."callerId" = due."callerId" AND stored.operation = due.operation AND stored.key = due.key
        RETURNING stored.key`,
    });
  },
};
