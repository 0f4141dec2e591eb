// createDatabase: PrismaClient on PGlite (embedded, default) or PostgreSQL (DATABASE_URL),
// plus a raw SQL connection for migrations and health checks.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { Config } from "../config.ts";
import { applyMigrations, type SqlConnection } from "./migrate.ts";
import { loadPgliteExtensions } from "./pglite.ts";

export type Prisma = PrismaClient;

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlConnection;
  /** Applies pending migrations; on PostgreSQL under an advisory lock so instances don't race. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

// Arbitrary but fixed: every Trædesten instance contends for the same lock.
const MIGRATION_LOCK_KEY = 7_246_193;

export async function openDatabase(database: Config["database"]): Promise<Database> {
  if (database.kind === "postgres") return openPostgres(database.url);
  await mkdir(database.dataDir, { recursive: true });
  return openPglite(await PGlite.create({ dataDir: database.dataDir, extensions: loadPgliteExtensions() }));
}

/** Wraps an open PGlite (tests hand in copies of a migrated template). */
export function openPglite(pglite: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql: SqlConnection = {
    exec: (script) => pglite.exec(script),
    query: <Row>(text: string, params?: unknown[]) => pglite.query<Row>(text, params),
  };
  return {
    kind: "pglite",
    prisma,
    sql,
    async migrate() {
      const applied = await applyMigrations(sql);
      // PGlite learns array types (our enum[] columns) when it opens; teach it the new ones.
      if (applied.length > 0) await pglite.refreshArrayTypes();
      return applied;
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const sql: SqlConnection = {
    exec: (script) => pool.query(script),
    query: async <Row>(text: string, params?: unknown[]) => (await pool.query(text, params)) as unknown as { rows: Row[] },
  };
  return {
    kind: "postgres",
    prisma,
    sql,
    async migrate() {
      const client = await pool.connect();
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
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
