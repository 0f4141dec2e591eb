// The project's root folder, found from this file's location. The same answer whether this
// runs as TypeScript (server/…) or bundled into dist/server/, so prisma/migrations and
// dist/client are found either way.
import { existsSync } from "node:fs";
import path from "node:path";

function findProjectRoot(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, "package.json")) && existsSync(path.join(folder, "prisma", "migrations"))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`No project root (package.json + prisma/migrations) above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
