import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

/** PostgreSQL extensions our migrations create; PGlite must load them before CREATE EXTENSION. */
export function loadPgliteExtensions() {
  return { btree_gist };
}
