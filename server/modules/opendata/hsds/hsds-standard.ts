// The HSDS 3.0 JSON schemas (an unchanged copy in ./standard) compiled with ajv: one validator
// per table, for the import and for anything else that must check a row against the standard.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { PROJECT_ROOT } from "../../../paths.ts";
import type { HsdsTable } from "./hsds-mapping.ts";

// From the project root, not this file's folder: bundled into dist/server the file has moved,
// the standard has not.
export const STANDARD_DIR = path.join(PROJECT_ROOT, "server", "modules", "opendata", "hsds", "standard");

export const SCHEMA_FILES = [
  "accessibility", "address", "attribute", "contact", "cost_option", "funding", "language", "location",
  "meta_table_description", "metadata", "organization", "organization_identifier", "phone", "program",
  "required_document", "schedule", "service", "service_area", "service_at_location", "taxonomy", "taxonomy_term",
] as const;

export function readStandardSchema(directory: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(directory, `${name}.json`), "utf8")) as Record<string, unknown>;
}

/** An ajv instance that knows every HSDS schema under its file name (their $refs are file names). */
export function createHsdsAjv(directory = STANDARD_DIR) {
  // The schemas carry Frictionless Data keywords (constraints, core, datapackage_metadata…); not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (instance: Ajv) => void)(ajv);
  for (const name of SCHEMA_FILES) ajv.addSchema(readStandardSchema(directory, name), `${name}.json`);
  return ajv;
}

let shared: ReturnType<typeof createHsdsAjv> | null = null;

export function validatorFor(table: HsdsTable) {
  shared ??= createHsdsAjv();
  const validate = shared.getSchema(`${table}.json`);
  if (!validate) throw new Error(`No HSDS schema for ${table}`);
  return validate;
}
