// Moves all data from one Trædesten database to another with the same migrations: the path
// from the embedded database (PGlite) up to a PostgreSQL server. Export writes every table's
// rows as JSON; import applies the migrations to an empty target and inserts the rows in
// foreign-key order inside one transaction, so a failed import leaves the target empty.
import type { SqlConnection } from "./migrate.ts";
import { applyMigrations } from "./migrate.ts";

export const EXPORT_FORMAT = "traedesten-export";
const MIGRATIONS_TABLE = "_prisma_migrations";
const ROWS_PER_INSERT = 500;
/**
 * Tables a migration fills with starting rows (today's target groups and offers as taxonomy
 * terms). A fresh target has them, so they do not make it "not empty"; the export's rows (the
 * source's terms, including any an admin added or renamed) replace them in the import.
 */
const SEEDED_BY_MIGRATIONS = new Set(["TaxonomyTerm"]);

export interface DatabaseExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  /** Applied migrations of the source: the target must have exactly these. */
  migrations: string[];
  tables: { name: string; rows: Record<string, unknown>[] }[];
}

export class TransferError extends Error {
  override name = "TransferError";
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

async function appliedMigrations(sql: SqlConnection): Promise<string[]> {
  const { rows } = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quote(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

/** Tables of the public schema, parents before children (self-references aside). */
export async function tablesInDependencyOrder(sql: SqlConnection): Promise<string[]> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await sql.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint constraint_row
     JOIN pg_class child ON child.oid = constraint_row.conrelid
     JOIN pg_class parent ON parent.oid = constraint_row.confrelid
     JOIN pg_namespace namespace ON namespace.oid = child.relnamespace
     WHERE constraint_row.contype = 'f' AND namespace.nspname = 'public'`,
  );
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const reference of references) {
    if (reference.child !== reference.parent) parents.get(reference.child)?.add(reference.parent);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new TransferError(`Foreign keys form a cycle through ${table}`);
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of parents.keys()) visit(table);
  return ordered;
}

/** Reads every row of every table. Run it on a database nothing else writes to (a stopped server's). */
export async function exportDatabase(sql: SqlConnection, now = new Date()): Promise<DatabaseExport> {
  const tables: DatabaseExport["tables"] = [];
  for (const name of await tablesInDependencyOrder(sql)) {
    // Ordered by the whole row, so two exports of the same data are the same file.
    const { rows } = await sql.query<{ rows: unknown }>(
      `SELECT coalesce(json_agg(row_to_json(t) ORDER BY t::text), '[]'::json) AS rows FROM ${quote(name)} t`,
    );
    const value = rows[0]?.rows;
    tables.push({ name, rows: (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>[] });
  }
  return { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), migrations: await appliedMigrations(sql), tables };
}

/**
 * Migrates the target, refuses unless it is empty and has exactly the export's migrations, and
 * inserts everything in one transaction. `sql` must be one connection (a transaction spans it).
 */
export async function importDatabase(sql: SqlConnection, data: DatabaseExport): Promise<{ tables: number; rows: number }> {
  if (data.format !== EXPORT_FORMAT || data.version !== 1) throw new TransferError("Not a Trædesten export (format/version)");
  await applyMigrations(sql);
  const targetMigrations = await appliedMigrations(sql);
  if (JSON.stringify(targetMigrations) !== JSON.stringify(data.migrations)) {
    const missing = data.migrations.filter((name) => !targetMigrations.includes(name));
    const extra = targetMigrations.filter((name) => !data.migrations.includes(name));
    throw new TransferError(
      `The export and this code have different migrations (only in the export: ${missing.join(", ") || "none"}; ` +
        `only here: ${extra.join(", ") || "none"}). Export and import with the same version of Trædesten.`,
    );
  }
  const targetTables = await tablesInDependencyOrder(sql);
  for (const table of targetTables) {
    if (SEEDED_BY_MIGRATIONS.has(table)) continue;
    const { rows } = await sql.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS present`);
    if (rows[0]?.present) throw new TransferError(`The target database is not empty (table ${table} has rows)`);
  }
  const byName = new Map(data.tables.map((table) => [table.name, table.rows]));
  const unknown = [...byName.keys()].filter((name) => !targetTables.includes(name));
  if (unknown.length > 0) throw new TransferError(`The export has tables this database lacks: ${unknown.join(", ")}`);

  let total = 0;
  await sql.exec("BEGIN");
  try {
    // TRUNCATE: a taxonomy term cannot be deleted row by row (a trigger refuses it).
    for (const table of SEEDED_BY_MIGRATIONS) if (byName.has(table)) await sql.exec(`TRUNCATE ${quote(table)}`);
    for (const table of targetTables) {
      const rows = byName.get(table) ?? [];
      const { rows: selfReferences } = await sql.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_constraint WHERE contype = 'f' AND conrelid = $1::regclass AND confrelid = conrelid`,
        [quote(table)],
      );
      // A table that references itself goes in one statement: its foreign keys are checked at the end of it.
      const size = (selfReferences[0]?.count ?? 0) > 0 ? Math.max(rows.length, 1) : ROWS_PER_INSERT;
      for (let start = 0; start < rows.length; start += size) {
        await sql.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [
          JSON.stringify(rows.slice(start, start + size)),
        ]);
      }
      total += rows.length;
    }
    // Sequences behind serial/identity columns continue after the imported values.
    const { rows: sequences } = await sql.query<{ table_name: string; column_name: string; sequence: string }>(
      `SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
       FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const sequence of sequences) {
      await sql.query(
        `SELECT setval($1, coalesce((SELECT max(${quote(sequence.column_name)}) FROM ${quote(sequence.table_name)}), 0) + 1, false)`,
        [sequence.sequence],
      );
    }
    await sql.exec("COMMIT");
  } catch (error) {
    await sql.exec("ROLLBACK");
    throw error;
  }
  return { tables: targetTables.length, rows: total };
}
