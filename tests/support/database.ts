// A fresh, migrated database for one test file (PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set), created from the template prepared in global-setup.ts.
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openPglite, openPostgres, type Database } from "../../server/db/database.ts";
import { loadPgliteExtensions } from "../../server/db/pglite.ts";
import { withDatabase } from "./global-setup.ts";

export const isPostgres = Boolean(process.env["TEST_DATABASE_URL"]);

export async function createTestDatabase(): Promise<Database> {
  const postgresUrl = process.env["TEST_DATABASE_URL"];
  if (postgresUrl) {
    const template = inject("postgresTemplate");
    const name = `${template}_file_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.end();
    }
    const database = openPostgres(withDatabase(postgresUrl, name), undefined, { countStatements: true });
    const close = database.close;
    return {
      ...database,
      async close() {
        await close();
        const dropper = new pg.Client({ connectionString: postgresUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dump = await readFile(inject("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: loadPgliteExtensions() });
  return openPglite(pglite, { countStatements: true });
}
