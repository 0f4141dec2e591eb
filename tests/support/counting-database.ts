// A test database that counts the SQL statements leaving for the database: PGlite's query
// method, or pg's Client.query on PostgreSQL. For tests that prove a request costs a fixed
// number of statements whatever the data holds.
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openPglite, type Database } from "../../server/db/database.ts";
import { loadPgliteExtensions } from "../../server/db/pglite.ts";
import { createTestDatabase, isPostgres } from "./database.ts";

export interface CountingDatabase {
  database: Database;
  /** Statements sent so far. */
  statements(): number;
}

export async function countingDatabase(): Promise<CountingDatabase> {
  let statements = 0;
  if (isPostgres) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      statements++;
      return (query as (...inner: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    return { database: await createTestDatabase(), statements: () => statements };
  }
  const dump = await readFile(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: loadPgliteExtensions() });
  const query = pglite.query.bind(pglite);
  pglite.query = ((...args: Parameters<typeof query>) => {
    statements++;
    if (process.env["DEBUG_STATEMENTS"]) console.log("STATEMENT", String(args[0]).slice(0, 120).replace(/\s+/g, " "));
    return query(...args);
  }) as typeof pglite.query;
  return { database: await openPglite(pglite), statements: () => statements };
}
