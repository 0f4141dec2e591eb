// One plain SQL connection to the configured database, for command-line tools that need a
// transaction across several statements (import) or the whole embedded database (backup).
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Config } from "../config.ts";
import type { SqlConnection } from "./migrate.ts";
import { loadPgliteExtensions } from "./pglite.ts";

export interface SingleConnection {
  sql: SqlConnection;
  /** The embedded database itself, when that is what is configured. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export async function openSingleConnection(database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string }): Promise<SingleConnection> {
  if (database.kind === "pglite") {
    await mkdir(database.dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir: database.dataDir, extensions: loadPgliteExtensions() });
    return { sql: pglite, pglite, close: () => pglite.close() };
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    sql: {
      exec: (script) => client.query(script),
      query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)) as unknown as { rows: Row[] },
    },
    close: () => client.end(),
  };
}
