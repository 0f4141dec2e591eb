// createDatabase: PrismaClient on PGlite (embedded, default) or PostgreSQL (DATABASE_URL),
// plus a raw SQL connection for migrations and health checks.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Config, PoolOptions } from "../config.ts";
import type { PoolUse } from "../observability/metrics.ts";
import { applyMigrations, type SqlConnection } from "./migrate.ts";
import { loadPgliteExtensions } from "./pglite.ts";

export type Prisma = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlConnection;
  /** SQL statements Prisma has sent since the database was opened (for tests and metrics). */
  statementCount(): number;
  /** Applies pending migrations; on PostgreSQL under an advisory lock so instances don't race. */
  migrate(): Promise<string[]>;
  /** Connections in use, for the metrics. */
  poolUse(): PoolUse;
  /**
   * True while this process is the one that runs background jobs. On PostgreSQL a session-level
   * advisory lock on a connection of its own: held until the process (or its connection) dies,
   * then the next instance to ask takes over. PGlite belongs to one process, so always true.
   */
  holdJobLock(): Promise<boolean>;
  close(): Promise<void>;
}

// Arbitrary but fixed: every Trædesten instance contends for the same lock.
const MIGRATION_LOCK_KEY = 7_246_193;
const JOB_LOCK_KEY = 7_246_194;

type DatabaseChoice = { kind: "pglite"; dataDir: string } | ({ kind: "postgres"; url: string } & Partial<PoolOptions>);

export async function openDatabase(database: Config["database"] | DatabaseChoice): Promise<Database> {
  if (database.kind === "postgres") return openPostgres(database.url, { ...DEFAULT_POOL, ...definedOnly(database) });
  await mkdir(database.dataDir, { recursive: true });
  return openPglite(await PGlite.create({ dataDir: database.dataDir, extensions: loadPgliteExtensions() }));
}

/** Wraps an open PGlite (tests hand in copies of a migrated template). */
export function openPglite(pglite: PGlite): Database {
  const { prisma, statementCount } = countingClient(new PrismaClient({ adapter: new PrismaPGlite(pglite), log: queryEvents() }));
  const sql: SqlConnection = {
    exec: (script) => pglite.exec(script),
    query: <Row>(text: string, params?: unknown[]) => pglite.query<Row>(text, params),
  };
  return {
    kind: "pglite",
    prisma,
    sql,
    statementCount,
    async migrate() {
      const applied = await applyMigrations(sql);
      // PGlite learns array types (our enum[] columns) when it opens; teach it the new ones.
      if (applied.length > 0) await pglite.refreshArrayTypes();
      return applied;
    },
    poolUse: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    holdJobLock: async () => true,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export const DEFAULT_POOL: PoolOptions = { poolSize: 10, poolWaitMs: 5000 };

/**
 * PostgreSQL through a pool of `poolSize` connections for Prisma (the one the metrics watch). A
 * request that waits longer than `poolWaitMs` for a connection (or to start a transaction) fails,
 * and the API answers it with the typed, retryable BusyError (see shared/database-errors.ts)
 * instead of queueing without bound. Migrations and health checks use a small pool of their own,
 * so /readyz answers even when every request connection is busy.
 */
export function openPostgres(url: string, poolOptions: PoolOptions = DEFAULT_POOL): Database {
  // JIT off for our sessions: our statements are short, and on a large directory the planner's
  // cost estimates made PostgreSQL spend hundreds of milliseconds compiling plans that then ran
  // in tens (seen on coverage and the broad search at 3,000–30,000 centres).
  const pool = new pg.Pool({ connectionString: url, max: poolOptions.poolSize, connectionTimeoutMillis: poolOptions.poolWaitMs, options: "-c jit=off" });
  pool.on("error", () => {}); // an idle client lost its server; the pool replaces it
  const sqlPool = new pg.Pool({ connectionString: url, max: 4 });
  sqlPool.on("error", () => {});
  const { prisma, statementCount } = countingClient(
    new PrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: { maxWait: poolOptions.poolWaitMs, timeout: 15_000 },
      log: queryEvents(),
    }),
  );
  let jobLockClient: pg.Client | undefined;
  const sql: SqlConnection = {
    exec: (script) => sqlPool.query(script),
    query: async <Row>(text: string, params?: unknown[]) => (await sqlPool.query(text, params)) as unknown as { rows: Row[] },
  };
  return {
    kind: "postgres",
    prisma,
    sql,
    statementCount,
    async migrate() {
      const client = await sqlPool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        return await applyMigrations({
          exec: (script) => client.query(script),
          query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)) as unknown as { rows: Row[] },
        });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolOptions.poolSize }),
    async holdJobLock() {
      if (jobLockClient) return true;
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [JOB_LOCK_KEY]);
        if (!rows[0]?.locked) {
          await client.end();
          return false;
        }
      } catch {
        await client.end().catch(() => {});
        return false;
      }
      // A lost connection releases the lock on the server; ask again on the next tick.
      client.on("error", () => {
        if (jobLockClient === client) jobLockClient = undefined;
      });
      client.on("end", () => {
        if (jobLockClient === client) jobLockClient = undefined;
      });
      jobLockClient = client;
      return true;
    },
    async close() {
      const lockClient = jobLockClient;
      jobLockClient = undefined;
      await lockClient?.end().catch(() => {});
      await prisma.$disconnect();
      await pool.end().catch(() => {});
      await sqlPool.end();
    },
  };
}

function definedOnly(options: Partial<PoolOptions>): Partial<PoolOptions> {
  return Object.fromEntries(Object.entries({ poolSize: options.poolSize, poolWaitMs: options.poolWaitMs }).filter(([, value]) => value !== undefined));
}

const queryEvents = (): [{ emit: "event"; level: "query" }] => [{ emit: "event", level: "query" }];

// Counts the statements Prisma sends (no text, no values: those could hold personal data).
function countingClient(client: PrismaClient<"query">): { prisma: PrismaClient; statementCount: () => number } {
  let count = 0;
  client.$on("query", () => {
    count += 1;
  });
  return { prisma: client as unknown as PrismaClient, statementCount: () => count };
}
