// npm run db:migration -- <name>: writes the next prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and prisma/schema.prisma. Offline.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema } from "../server/db/migration-diff.ts";
import { MIGRATIONS_DIR } from "../server/db/migrate.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name>");
  process.exit(1);
}
await mkdir(MIGRATIONS_DIR, { recursive: true });
const script = await diffMigrationsToSchema();
if (script === "") {
  console.log("schema.prisma and the migrations agree; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const directory = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(directory, { recursive: true });
await writeFile(path.join(directory, "migration.sql"), `${script}\n`);
console.log(`Wrote ${path.relative(process.cwd(), directory)}/migration.sql`);
process.exit(0);
