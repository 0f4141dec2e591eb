import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";

/** PostgreSQL extensions our migrations create; PGlite must load them before CREATE EXTENSION. */
export function loadPgliteExtensions() {
  return { btree_gist, cube, earthdistance };
}
