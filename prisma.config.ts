import { defineConfig } from "prisma/config";

// Prisma 7 reads the schema location from here. Migrations are applied by our own runner
// (server/db/migrate.ts) because the CLI's native engine cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
