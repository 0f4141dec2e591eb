// Backups of the embedded database (PGlite): the whole data folder as one .tar.gz, taken with
// nothing else holding the folder open (PGlite is one process; stop the server first).
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pendingMigrations } from "./migrate.ts";
import { loadPgliteExtensions } from "./pglite.ts";

/** Writes a consistent copy of the database in dataDir to file; returns its size in bytes. */
export async function backupEmbeddedDatabase(dataDir: string, file: string): Promise<number> {
  const pglite = await PGlite.create({ dataDir, extensions: loadPgliteExtensions() });
  try {
    // CHECKPOINT first, so the copy holds every committed change in the data files themselves.
    await pglite.exec("CHECKPOINT");
    const dump = await pglite.dumpDataDir("gzip");
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return dump.size;
  } finally {
    await pglite.close();
  }
}

/**
 * Replaces the database in dataDir with a backup. A non-empty current folder is moved aside to
 * `<dataDir>.before-restore-<time>`, never deleted. Returns that folder (if any) and how many
 * migrations are still to apply (the server applies them at its next start).
 */
export async function restoreEmbeddedDatabase(file: string, dataDir: string, now = new Date()): Promise<{ movedAside?: string; pending: number }> {
  const backup = new Blob([await readFile(file)]);
  let movedAside: string | undefined;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    movedAside = `${dataDir}.before-restore-${now.toISOString().replace(/[-:.]/g, "")}`;
    await rename(dataDir, movedAside);
  }
  const pglite = await PGlite.create({ dataDir, loadDataDir: backup, extensions: loadPgliteExtensions() });
  try {
    return { movedAside, pending: (await pendingMigrations(pglite)).length };
  } finally {
    await pglite.close();
  }
}
