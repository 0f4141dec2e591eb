// The whole directory as HSDS: JSON (one array per table) and a Tabular Data Package (a zip of
// CSV files + datapackage.json, the HSDS 3 tabular format). Both come from the same tables, so
// the import reads either.
import { strToU8, zipSync } from "fflate";
import type { Prisma } from "../../../db/database.ts";
import { emptyTables, liveSeriesWhere, liveVisitWhere, HSDS_TABLES, HSDS_VERSION, addTaxonomyRows, type HsdsRow, type HsdsTable, type HsdsTables } from "./hsds-mapping.ts";
import { tablesFor } from "./hsds-directory.ts";
import { readStandardSchema, STANDARD_DIR } from "./hsds-standard.ts";
import { HSDS_TAXONOMIES, loadHsdsTerms } from "./hsds-taxonomy.ts";

const BATCH = 500;

export interface HsdsJsonPackage extends Partial<HsdsTables> {
  hsds_version: string;
}

async function allIds(fetch: (cursor: string | undefined) => Promise<{ id: string }[]>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor);
    ids.push(...rows.map((row) => row.id));
    if (rows.length < BATCH) return ids;
    cursor = rows.at(-1)!.id;
  }
}

const page = (cursor: string | undefined) => ({ select: { id: true }, orderBy: { id: "asc" as const }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });

/** Every public directory entity as HSDS tables, each sorted by id (so two exports compare equal). */
export async function exportDirectoryTables(prisma: Prisma, now: Date): Promise<HsdsTables> {
  const [organisationIds, centreIds, serviceIds, seriesIds, visitIds] = await Promise.all([
    allIds((cursor) => prisma.organisation.findMany(page(cursor))),
    allIds((cursor) => prisma.centre.findMany(page(cursor))),
    allIds((cursor) => prisma.service.findMany(page(cursor))),
    allIds((cursor) => prisma.visitSeries.findMany({ where: liveSeriesWhere(now), ...page(cursor) })),
    allIds((cursor) => prisma.visit.findMany({ where: liveVisitWhere(now), ...page(cursor) })),
  ]);
  // In batches, so no query carries more ids than a database accepts as parameters.
  const tables = emptyTables();
  const chunks = (ids: string[], index: number) => ids.slice(index * BATCH, (index + 1) * BATCH);
  const rounds = Math.max(...[organisationIds, centreIds, serviceIds, seriesIds, visitIds].map((ids) => Math.ceil(ids.length / BATCH)), 0);
  for (let index = 0; index < rounds; index++) {
    const batch = await tablesFor(prisma, {
      organisationIds: chunks(organisationIds, index),
      centreIds: chunks(centreIds, index),
      serviceIds: chunks(serviceIds, index),
      seriesIds: chunks(seriesIds, index),
      visitIds: chunks(visitIds, index),
    });
    // Each batch carries every taxonomy term (for nesting); the package lists them once, below.
    for (const table of HSDS_TABLES) if (table !== "taxonomy_term") tables[table].push(...batch[table]);
  }
  const taxonomy = await loadHsdsTerms(prisma);
  addTaxonomyRows(tables, HSDS_TAXONOMIES as unknown as HsdsRow[], taxonomy.terms as unknown as HsdsRow[]);
  for (const table of HSDS_TABLES) tables[table].sort((a, b) => String(a["id"]).localeCompare(String(b["id"])));
  return tables;
}

export function toJsonPackage(tables: HsdsTables): HsdsJsonPackage {
  return { hsds_version: HSDS_VERSION, ...tables };
}

interface TableLayout {
  path: string;
  fields: { name: string; type: string; format?: string }[];
}

const layouts = new Map<HsdsTable, TableLayout>();

/** The CSV columns of a table: the schema's one-to-one fields, in the schema's order. */
export function tableLayout(table: HsdsTable): TableLayout {
  let layout = layouts.get(table);
  if (!layout) {
    const schema = readStandardSchema(STANDARD_DIR, table) as { path: string; properties: Record<string, { type?: string; format?: string }> };
    const fields = Object.entries(schema.properties)
      .filter(([, property]) => property.type === "string" || property.type === "number" || property.type === "integer" || property.type === "boolean")
      .map(([name, property]) => ({ name, type: property.type!, ...(property.format ? { format: property.format } : {}) }));
    layout = { path: schema.path, fields };
    layouts.set(table, layout);
  }
  return layout;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: HsdsTable, rows: HsdsRow[]): string {
  const { fields } = tableLayout(table);
  const lines = [fields.map((field) => field.name).join(",")];
  for (const row of rows) lines.push(fields.map((field) => csvCell(row[field.name])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function dataPackageDescriptor(): Record<string, unknown> {
  return {
    name: "traedesten-hsds",
    title: "Trædesten: væresteder og tilbud (HSDS 3.0)",
    profile: "tabular-data-package",
    version: HSDS_VERSION,
    licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/" }],
    resources: HSDS_TABLES.map((table) => {
      const layout = tableLayout(table);
      return {
        name: table,
        path: layout.path,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: { fields: layout.fields, primaryKey: "id" },
      };
    }),
  };
}

// A fixed time stamp inside the zip: the same directory gives the same bytes.
const ZIP_TIME = new Date("2000-01-01T00:00:00Z");

export function toTabularZip(tables: HsdsTables): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    "datapackage.json": [strToU8(`${JSON.stringify(dataPackageDescriptor(), null, 2)}\n`), { mtime: ZIP_TIME }],
  };
  for (const table of HSDS_TABLES) files[tableLayout(table).path] = [strToU8(toCsv(table, tables[table])), { mtime: ZIP_TIME }];
  return zipSync(files, { level: 6 });
}
