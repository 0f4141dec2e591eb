// createDatabase: PrismaClient on PGlite (embedded, default) or PostgreSQL (DATABASE_URL),
// plus a raw SQL connection for migrations and health checks.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma as PrismaRuntime, PrismaClient } from "../generated/prisma/client.ts";

type Sql = PrismaRuntime.Sql;
import type { Config, PoolOptions } from "../config.ts";
import type { PoolUse } from "../observability/metrics.ts";
import { applyMigrations, type SqlConnection } from "./migrate.ts";
import { loadPgliteExtensions } from "./pglite.ts";

/**
 * A read statement sent straight to the connection Prisma uses (pool or PGlite), for the few
 * statements every request or every inbox page runs: Prisma's client spends several times the
 * CPU of the driver on each one (about 0.3 ms against 0.05 ms on this machine). Rows come back
 * as the driver gives them, so the statement itself must return what callers expect: enums as
 * text, instants as `timestamptz` (`column AT TIME ZONE 'UTC'`). Never inside a transaction.
 */
export type ReadRows = <Row>(statement: Sql) => Promise<Row[]>;

/**
 * A read statement given as text with positional parameters, prepared once per connection and
 * planned once (a generic plan), for the directory search: its statements are long and built from
 * a handful of shapes, and PostgreSQL spent more time parsing and planning them (10–25 ms) than
 * running them (1–3 ms). The statement must be one whose plan does not depend on the values (the
 * search's tiers and gates decide at run time). On PGlite, as $readRows.
 */
export type ReadPrepared = <Row>(text: string, values: readonly unknown[]) => Promise<Row[]>;

export type Prisma = PrismaClient & { $readRows: ReadRows; $readPrepared: ReadPrepared };

export interface DatabaseOptions {
  /** Count statements for statementCount() (tests); off by default, it costs every query an event. */
  countStatements?: boolean;
}
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  kind: "pglite" | "postgres";
  prisma: Prisma;
  sql: SqlConnection;
  /** SQL statements sent for requests since the database was opened, with `countStatements` (tests). */
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
export function openPglite(pglite: PGlite, options: DatabaseOptions = {}): Database {
  // One connection and no plan cache to share: a prepared read is a plain read here.
  const read = async (text: string, values: readonly unknown[]) => (await pglite.query(text, values as unknown[])).rows;
  const { prisma, statementCount } = withDirectReads(
    new PrismaClient({ adapter: new PrismaPGlite(pglite), ...queryEvents(options) }),
    read,
    read,
    options,
  );
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
export function openPostgres(url: string, poolOptions: PoolOptions = DEFAULT_POOL, options: DatabaseOptions = {}): Database {
  // JIT off for our sessions: our statements are short, and on a large directory the planner's
  // cost estimates made PostgreSQL spend hundreds of milliseconds compiling plans that then ran
  // in tens (seen on coverage and the broad search at 3,000–30,000 centres).
  const pool = new pg.Pool({ connectionString: url, max: poolOptions.poolSize, connectionTimeoutMillis: poolOptions.poolWaitMs, options: "-c jit=off" });
  pool.on("error", () => {}); // an idle client lost its server; the pool replaces it
  const sqlPool = new pg.Pool({ connectionString: url, max: 4 });
  sqlPool.on("error", () => {});
  // The prepared reads' own connections, where generic plans are forced: the setting would also
  // apply to Prisma's unnamed statements, whose plans must see their values.
  const preparedPool = new pg.Pool({
    connectionString: url,
    max: Math.max(2, Math.ceil(poolOptions.poolSize / 2)),
    connectionTimeoutMillis: poolOptions.poolWaitMs,
    options: "-c jit=off -c plan_cache_mode=force_generic_plan",
  });
  preparedPool.on("error", () => {});
  const { prisma, statementCount } = withDirectReads(
    new PrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: { maxWait: poolOptions.poolWaitMs, timeout: 15_000 },
      ...queryEvents(options),
    }),
    async (text, values) => (await pool.query(text, values as unknown[])).rows,
    async (text, values) => (await preparedPool.query({ name: statementName(text), text, values: values as unknown[] })).rows,
    options,
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
      await preparedPool.end().catch(() => {});
      await sqlPool.end();
    },
  };
}

function definedOnly(options: Partial<PoolOptions>): Partial<PoolOptions> {
  return Object.fromEntries(Object.entries({ poolSize: options.poolSize, poolWaitMs: options.poolWaitMs }).filter(([, value]) => value !== undefined));
}

const queryEvents = (options: DatabaseOptions): { log?: [{ emit: "event"; level: "query" }] } =>
  options.countStatements ? { log: [{ emit: "event", level: "query" }] } : {};

/** The same text always gets the same name: a connection prepares each shape once. */
function statementName(text: string): string {
  return `t${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
}

// Adds $readRows and $readPrepared, and counts the statements Prisma and $readRows send when asked (no text, no
// values: those could hold personal data).
function withDirectReads(
  client: PrismaClient,
  read: (text: string, values: readonly unknown[]) => Promise<unknown[]>,
  readPrepared: (text: string, values: readonly unknown[]) => Promise<unknown[]>,
  options: DatabaseOptions,
): { prisma: Prisma; statementCount: () => number } {
  let count = 0;
  if (options.countStatements) {
    (client as unknown as PrismaClient<"query">).$on("query", () => {
      count += 1;
    });
  }
  const readRows: ReadRows = async <Row>(statement: Sql) => {
    if (options.countStatements) count += 1;
    return (await read(statement.text, statement.values)) as Row[];
  };
  const readPreparedRows: ReadPrepared = async <Row>(text: string, values: readonly unknown[]) => {
    if (options.countStatements) count += 1;
    return (await readPrepared(text, values)) as Row[];
  };
  return {
    prisma: Object.assign(client as unknown as PrismaClient, { $readRows: readRows, $readPrepared: readPreparedRows }),
    statementCount: () => count,
  };
}
