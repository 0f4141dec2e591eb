import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../server/db/migrate.ts";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "../server/db/migration-diff.ts";
import { loadPgliteExtensions } from "../server/db/pglite.ts";
import { printedSchema, SCHEMA_FILE } from "../server/graphql/print-schema.ts";

describe("schema artifacts", () => {
  it("the committed schema.graphql is what the code builds (run npm run schema:print)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
  });

  it("the migrations describe exactly schema.prisma (no pending model changes)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  }, 180_000);

  it("a database migrated from scratch has no drift from schema.prisma, and a second run applies nothing", async () => {
    const database = await PGlite.create({ extensions: loadPgliteExtensions() });
    try {
      const applied = await applyMigrations(database);
      expect(applied.length).toBeGreaterThan(0);
      expect(await applyMigrations(database)).toEqual([]);
      expect(await diffDatabaseToSchema(database)).toBe("");
      // The hand-written exclusion constraint is really there.
      const constraints = await database.query<{ conname: string }>(
        `SELECT conname FROM pg_constraint WHERE conname = 'Visit_no_overlap_in_space'`,
      );
      expect(constraints.rows).toHaveLength(1);
      // And so is the rule that only an open request may lack a receiving unit (issue 18).
      const receiver = await database.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conname = 'Handover_receiver_unless_open_request'`);
      expect(receiver.rows).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 180_000);
});
