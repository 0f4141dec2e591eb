// Moving up from the embedded database: the demo municipality is exported from PGlite
// (db:export) and imported into a fresh PostgreSQL database (db:import); every row arrives,
// and the same GraphQL questions get the same answers on both sides. Also: an embedded
// database survives backup → restore (the functions behind npm run db:backup / db:restore).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { SettableClock } from "../server/clock.ts";
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from "../server/db/backup.ts";
import { openSingleConnection } from "../server/db/connection.ts";
import { openPglite, openPostgres, type Database } from "../server/db/database.ts";
import { applyMigrations } from "../server/db/migrate.ts";
import { loadPgliteExtensions } from "../server/db/pglite.ts";
import { exportDatabase, importDatabase, TransferError, type DatabaseExport } from "../server/db/transfer.ts";
import { moveOpenIntervalCalendar } from "../server/modules/directory/open-intervals.ts";
import { startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";
import { withDatabase } from "./support/global-setup.ts";

const POSTGRES_URL = process.env["TEST_DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HOOK_TIMEOUT_MS = 400_000;
const TEST_TIMEOUT_MS = 300_000;

const targetName = `traedesten_transfer_${randomBytes(4).toString("hex")}`;
const targetUrl = withDatabase(POSTGRES_URL, targetName);
let source: Database;
let target: Database;
let exported: DatabaseExport;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const pglite = await PGlite.create({ extensions: loadPgliteExtensions() });
  await applyMigrations(pglite);
  await pglite.refreshArrayTypes();
  source = openPglite(pglite);
  await seedDemoData(source.prisma, new SettableClock(TEST_START));
  // The materialised calendar as a running server has it: intervals, hour masks and coverage
  // counts travel as rows, and the import's triggers (which refresh every centre whose periods
  // arrive) must leave them as they were.
  await moveOpenIntervalCalendar(source.prisma, new Date(TEST_START));
  exported = await exportDatabase(source.sql);
  await admin(`CREATE DATABASE "${targetName}"`);
  // As `DATABASE_URL=… npm run db:import` does: one connection, migrate, load in one transaction.
  const connection = await openSingleConnection({ kind: "postgres", url: targetUrl });
  try {
    await importDatabase(connection.sql, JSON.parse(JSON.stringify(exported)) as DatabaseExport);
  } finally {
    await connection.close();
  }
  target = openPostgres(targetUrl);
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await target?.close();
  await source?.close();
  await admin(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
}, HOOK_TIMEOUT_MS);

describe("embedded → PostgreSQL", { timeout: TEST_TIMEOUT_MS }, () => {
  it("exports every table of the demo data and imports every row unchanged", async () => {
    const centres = exported.tables.find((table) => table.name === "Centre");
    expect(centres?.rows.length).toBeGreaterThan(5);
    for (const derived of ["CentreOpenInterval", "CentreHourMask", "DirectoryCoverageHour"]) {
      expect(exported.tables.find((table) => table.name === derived)?.rows.length, derived).toBeGreaterThan(0);
    }
    const back = await exportDatabase(target.sql);
    expect(back.migrations).toEqual(exported.migrations);
    expect(back.tables.map((table) => [table.name, table.rows.length])).toEqual(exported.tables.map((table) => [table.name, table.rows.length]));
    expect(back.tables).toEqual(exported.tables);
  });

  it("answers the same GraphQL questions on both databases", async () => {
    const apps: TestApp[] = [await startTestApp({ database: source }), await startTestApp({ database: target })];
    try {
      const answers = [];
      for (const app of apps) {
        const search = await runOk(
          app.anonymous,
          graphql(`query DirectorySearch($filter: CentreFilter) { centres(first: 20, filter: $filter) { totalCount edges { node { id name } } } }`),
          { filter: { targetGroups: ["MENTAL_VULNERABILITY"], offers: ["MEAL"] } },
        );
        const staff = await app.as(seedId("user:centre-staff"));
        const inbox = await runOk(
          staff,
          graphql(`query Inbox($unitId: ID!) { sentHandovers(unitId: $unitId) { edges { node { id status code purpose events { type at } } } } }`),
          { unitId: seedId("unit:lyset") },
        );
        const coordinator = await app.as(seedId("user:coordinator"));
        const coverage = await runOk(coordinator, graphql(`{ coverage(targetGroup: MENTAL_VULNERABILITY) { days { hours { openCount } } } }`));
        answers.push({ search, inbox, coverage });
      }
      expect(answers[0]!.search.centres.edges.length).toBeGreaterThan(0);
      expect(answers[0]!.inbox.sentHandovers.edges.length).toBeGreaterThan(0);
      // The week of TEST_START is in the calendar: both answer from their kept coverage counts.
      expect(answers[0]!.coverage.coverage.days.flatMap((day) => day.hours).some((hour) => hour.openCount > 0)).toBe(true);
      expect(answers[1]).toEqual(answers[0]);
    } finally {
      for (const app of apps) await app.close();
    }
  });

  it("refuses to import into a database that already has data, changing nothing", async () => {
    const connection = await openSingleConnection({ kind: "postgres", url: targetUrl });
    try {
      await expect(importDatabase(connection.sql, exported)).rejects.toThrow(TransferError);
    } finally {
      await connection.close();
    }
    expect(await target.prisma.centre.count()).toBe(exported.tables.find((table) => table.name === "Centre")!.rows.length);
  });
});

// Six PGlite starts in a row: minutes on a busy shared machine.
describe("backup and restore of the embedded database (npm run db:backup, db:restore)", { timeout: 900_000 }, () => {
  it("restores an embedded database to exactly what the backup held, keeping the replaced folder", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "traedesten-backup-"));
    try {
      const dataDir = path.join(folder, "data");
      // A small embedded database with a known row.
      const pglite = await PGlite.create({ dataDir, extensions: loadPgliteExtensions() });
      await applyMigrations(pglite);
      await pglite.query(`INSERT INTO "Organisation" (id, name, kind) VALUES ('00000000-0000-4000-8000-000000000001', 'Før backup', 'MUNICIPAL')`);
      const before = await exportDatabase(pglite);
      await pglite.close();

      const backupFile = path.join(folder, "backup.tar.gz");
      expect(await backupEmbeddedDatabase(dataDir, backupFile)).toBeGreaterThan(0);

      // A change after the backup, which the restore must undo.
      const changed = await PGlite.create({ dataDir, extensions: loadPgliteExtensions() });
      await changed.query(`UPDATE "Organisation" SET name = 'Efter backup'`);
      await changed.close();

      const { movedAside, pending } = await restoreEmbeddedDatabase(backupFile, dataDir);
      expect(pending).toBe(0);
      expect(movedAside).toMatch(/data\.before-restore-/);
      const restored = await PGlite.create({ dataDir, extensions: loadPgliteExtensions() });
      try {
        const after = await exportDatabase(restored);
        expect(after.tables).toEqual(before.tables);
        expect(after.migrations).toEqual(before.migrations);
      } finally {
        await restored.close();
      }
      // The replaced database is still there, with the later change.
      const aside = await PGlite.create({ dataDir: movedAside!, extensions: loadPgliteExtensions() });
      try {
        expect((await aside.query<{ name: string }>(`SELECT name FROM "Organisation"`)).rows).toEqual([{ name: "Efter backup" }]);
      } finally {
        await aside.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
