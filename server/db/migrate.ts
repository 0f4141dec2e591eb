// Applies prisma/migrations/*/migration.sql in name order and records each in
// _prisma_migrations exactly as Prisma's engine does, so `prisma migrate status` agrees.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../paths.ts";

/** The two calls the runner needs; PGlite and a pg client both provide them. */
export interface SqlConnection {
  exec(script: string): Promise<unknown>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

export async function readMigrations(directory = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(directory, name, "migration.sql"), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every migration not yet recorded. Refuses to run while a failed migration is
 * recorded (like Prisma's P3009) and refuses an applied migration whose file was edited.
 * Returns the names it applied.
 */
export async function applyMigrations(db: SqlConnection, directory = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(MIGRATIONS_TABLE);
  const { rows } = await db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed.map((row) => row.migration_name).join(", ")} failed earlier. ` +
        `Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = …) and start again.`,
    );
  }
  const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row.checksum]));
  const appliedNow: string[] = [];
  for (const migration of await readMigrations(directory)) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new MigrationError(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
      }
      continue;
    }
    const id = randomUUID();
    await db.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      id,
      migration.checksum,
      migration.name,
    ]);
    try {
      // A multi-statement simple query runs as one implicit transaction on PostgreSQL and PGlite.
      await db.exec(migration.script);
    } catch (error) {
      await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String((error as Error).message)]);
      throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
    await db.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    appliedNow.push(migration.name);
  }
  return appliedNow;
}

/** Names of migrations on disk that the database has not applied. Used by /readyz. */
export async function pendingMigrations(db: SqlConnection, directory = MIGRATIONS_DIR): Promise<string[]> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  const onDisk = await readMigrations(directory);
  if (!rows[0]?.exists) return onDisk.map((migration) => migration.name);
  const applied = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const names = new Set(applied.rows.map((row) => row.migration_name));
  return onDisk.filter((migration) => !names.has(migration.name)).map((migration) => migration.name);
}
