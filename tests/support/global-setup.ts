// Migrates one template database per test run. Each test file then gets its own copy:
// PGlite loads a dump of the migrated template; on PostgreSQL (TEST_DATABASE_URL) each file
// creates a database from a migrated template database, and everything is dropped at the end.
import { writeFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations } from "../../server/db/migrate.ts";
import { loadPgliteExtensions } from "../../server/db/pglite.ts";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgresUrl = process.env["TEST_DATABASE_URL"];
  if (postgresUrl) {
    const templateName = `traedesten_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${templateName}"`);
    const templateUrl = withDatabase(postgresUrl, templateName);
    const template = new pg.Client({ connectionString: templateUrl });
    await template.connect();
    await applyMigrations({
      exec: (script) => template.query(script),
      query: async <Row>(text: string, params?: unknown[]) => (await template.query(text, params)) as unknown as { rows: Row[] },
    });
    await template.end();
    project.provide("postgresTemplate", templateName);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`${templateName}_file_%`, templateName],
      );
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const folder = await mkdtemp(path.join(tmpdir(), "traedesten-test-"));
  const template = await PGlite.create({ extensions: loadPgliteExtensions() });
  await applyMigrations(template);
  const dump = await template.dumpDataDir("none");
  const dumpFile = path.join(folder, "template.tar");
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide("pgliteTemplate", dumpFile);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
