import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 22: a module may use another module only through that module's index.ts (its public face).
const MODULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../server/modules");

// Static imports and re-exports (also multi-line and `import type`), bare imports and dynamic import().
const SPECIFIER = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function moduleOf(path: string): string | undefined {
  const inside = relative(MODULES_DIR, path);
  if (inside.startsWith("..")) return undefined;
  return inside.split(sep)[0];
}

/** The imports of one module file that reach past another module's index.ts, as "file imports specifier". */
function importsPastFaces(file: string, source: string): string[] {
  return [...source.matchAll(SPECIFIER)].flatMap((match) => {
    const specifier = match[1] ?? match[2] ?? "";
    if (!specifier.startsWith(".")) return [];
    const target = resolve(dirname(file), specifier);
    const owner = moduleOf(target);
    if (owner === undefined || owner === moduleOf(file)) return [];
    if (target === join(MODULES_DIR, owner, "index.ts")) return [];
    return [`${relative(MODULES_DIR, file)} imports ${specifier}`];
  });
}

describe("module boundaries", () => {
  it("modules import each other's public face (index.ts) only", () => {
    const violations = sourceFiles(MODULES_DIR).flatMap((file) => importsPastFaces(file, readFileSync(file, "utf8")));
    expect(violations).toEqual([]);
  });

  it("the check sees multi-line, type-only and re-exporting imports, and lets shared code and a module's own files through", () => {
    const file = join(MODULES_DIR, "opendata", "hsds", "example.ts");
    const source = [
      'import type {\n  Holiday,\n} from "../../directory/holidays.ts";',
      'export { Holiday } from "../../directory/index.ts";',
      'export * from "../../handovers/handover.schema.ts";',
      'const lazy = () => import("../../visits/calendar-feed.ts");',
      'import { own } from "../fhir/fhir.routes.ts";',
      'import { errors } from "../../../shared/errors.ts";',
    ].join("\n");
    expect(importsPastFaces(file, source)).toEqual([
      "opendata/hsds/example.ts imports ../../directory/holidays.ts",
      "opendata/hsds/example.ts imports ../../handovers/handover.schema.ts",
      "opendata/hsds/example.ts imports ../../visits/calendar-feed.ts",
    ]);
  });
});
