// Rows of a list page in one SQL statement, shaped as Prisma would return them, for the lists
// whose cost per request matters most (the inbox at national volume). Prisma's query builder
// answers a page with one statement per relation and spends more CPU planning and mapping than
// the database spends finding the rows; here the page's own rows and its to-one relations come
// back joined. Only "include"/"select" shapes made of scalar columns and to-one relations are
// taken; anything else returns null and the caller uses Prisma as usual.
import { Prisma as PrismaRuntime } from "../generated/prisma/client.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { Prisma } from "./database.ts";

const sql = PrismaRuntime.sql;
const join = PrismaRuntime.join;
const raw = PrismaRuntime.raw;

interface FieldInfo {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  relationFromFields?: string[];
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: FieldInfo[] }>;

function field(model: string, name: string): FieldInfo | undefined {
  return models[model]?.fields.find((candidate) => candidate.name === name);
}

function columns(model: string): FieldInfo[] {
  return (models[model]?.fields ?? []).filter((candidate) => candidate.kind === "scalar" || candidate.kind === "enum");
}

/** A to-one relation the statement can join: which columns to take and how to join them. */
export interface JoinedRelation {
  name: string;
  model: string;
  columns: FieldInfo[];
  /** SQL join condition between the related table (aliased by the relation's name) and the row ("row"). */
  on: PrismaRuntime.Sql;
}

/**
 * The relations of an include/select shape for `model`, or null when the shape asks for
 * something one joined statement does not give: a list relation, a nested relation, filters.
 */
export function joinableShape(model: string, shape: Record<string, unknown>): JoinedRelation[] | null {
  const relations: JoinedRelation[] = [];
  if (!driverReadable(model)) return null;
  const entries = "include" in shape || "select" in shape ? Object.entries((shape["include"] ?? shape["select"]) as Record<string, unknown>) : [];
  if (Object.keys(shape).some((key) => key !== "include" && key !== "select")) return null;
  for (const [name, wanted] of entries) {
    const info = field(model, name);
    if (!info) return null;
    if (info.kind !== "object") continue; // a scalar in a select: every scalar column is taken anyway
    if (info.isList || !wanted || !driverReadable(info.type)) return null;
    const related = columns(info.type);
    let taken = related;
    if (wanted !== true) {
      const nested = wanted as Record<string, unknown>;
      if (Object.keys(nested).some((key) => key !== "select")) return null;
      const select = nested["select"] as Record<string, unknown>;
      if (Object.entries(select).some(([column, on]) => on !== true || !related.some((candidate) => candidate.name === column))) return null;
      taken = related.filter((candidate) => select[candidate.name] === true);
    }
    const alias = raw(`"${name}"`);
    const from = info.relationFromFields ?? [];
    // The foreign key sits on this row (fromUnit ← fromUnitId) or on the related row (consent.handoverId).
    const on = from.length === 1
      ? sql`${alias}.id = "row".${raw(`"${from[0]}"`)}`
      : backReference(info, model, alias);
    // Presence is read from the related row's id.
    if (!on || !related.some((candidate) => candidate.name === "id")) return null;
    relations.push({ name, model: info.type, columns: taken, on });
  }
  return relations;
}

function backReference(info: FieldInfo, model: string, alias: PrismaRuntime.Sql): PrismaRuntime.Sql | null {
  const back = models[info.type]?.fields.find((candidate) => candidate.kind === "object" && candidate.type === model && (candidate.relationFromFields?.length ?? 0) === 1);
  return back ? sql`${alias}.${raw(`"${back.relationFromFields![0]}"`)} = "row".id` : null;
}

/** A column as Prisma returns it: enums (and lists of them) as text, the rest as stored. */
function columnSql(table: string, column: FieldInfo, as: string): PrismaRuntime.Sql {
  const value = `"${table}"."${column.name}"`;
  if (column.kind === "enum") return raw(`${value}${column.isList ? "::text[]" : "::text"} AS "${as}"`);
  // Stored as UTC in `timestamp without time zone`; as timestamptz the driver makes the right instant.
  if (column.type === "DateTime") return raw(`${value} AT TIME ZONE 'UTC' AS "${as}"`);
  return raw(`${value} AS "${as}"`);
}

/** Types the driver returns as Prisma does (BigInt, Decimal and Bytes it does not). */
const DRIVER_TYPES = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Json"]);

function driverReadable(model: string): boolean {
  return columns(model).every((column) => column.kind === "enum" || (DRIVER_TYPES.has(column.type) && !(column.isList && column.type === "DateTime")));
}

/**
 * One statement: `page` is a statement giving (id, "createdAt") in page order; the result is the
 * rows of `model` in that order with every scalar column and the joined relations nested.
 */
export async function loadPageRows<Row>(
  prisma: Prisma,
  model: string,
  relations: JoinedRelation[],
  page: PrismaRuntime.Sql,
  /** Further values computed once for the page (e.g. its list's count), as `SQL AS "name"`. */
  extras: PrismaRuntime.Sql[] = [],
): Promise<{ rows: Row[]; extras: Record<string, unknown> | null }> {
  const selected = [
    ...extras,
    ...columns(model).map((column) => columnSql("row", column, column.name)),
    ...relations.flatMap((relation) => relation.columns.map((column) => columnSql(relation.name, column, `${relation.name}.${column.name}`))),
    // Whether the relation's row exists, whatever columns were asked for.
    ...relations.map((relation) => raw(`"${relation.name}".id IS NOT NULL AS "${relation.name}.__present"`)),
  ];
  // LEFT JOIN for every relation: a required one always finds its row, an optional one may not.
  const joins = relations.map((relation) => sql` LEFT JOIN ${raw(`"${relation.model}"`)} AS ${raw(`"${relation.name}"`)} ON ${relation.on}`);
  const rows = await prisma.$readRows<Record<string, unknown>>(
    sql`SELECT ${join(selected, ", ")} FROM (${page}) AS page JOIN ${raw(`"${model}"`)} AS "row" ON "row".id = page.id${joins.length > 0 ? join(joins, "") : raw("")} ORDER BY page."createdAt" DESC, page.id DESC`,
  );
  const shaped = rows.map((flat) => {
    const row: Record<string, unknown> = {};
    for (const column of columns(model)) row[column.name] = flat[column.name];
    for (const relation of relations) {
      if (!flat[`${relation.name}.__present`]) {
        row[relation.name] = null;
        continue;
      }
      const nested: Record<string, unknown> = {};
      for (const column of relation.columns) nested[column.name] = flat[`${relation.name}.${column.name}`];
      row[relation.name] = nested;
    }
    return row as Row;
  });
  return { rows: shaped, extras: rows[0] ?? null };
}

/**
 * A JSON object of the model's columns, for `alias` (a row of the model's table) in a statement:
 * named one by one, so a column renamed or dropped behind the data model's back is the database's
 * error ("column … does not exist"), as it is for Prisma, and nothing else leaves the database.
 * (json_build_object takes at most 100 arguments: models of up to 50 columns.)
 */
export function jsonObjectSql(model: string, alias: string): string {
  return `json_build_object(${columns(model).map((column) => `'${column.name}', ${alias}."${column.name}"`).join(", ")})`;
}

/**
 * A row of `model` from its JSON (jsonObjectSql) as Prisma returns it: only the
 * model's columns, instants as Dates. `timestamp` columns (stored as UTC) arrive without a zone
 * and `date` columns as yyyy-mm-dd, which Prisma gives as UTC midnight.
 */
export function rowFromJson<Row>(model: string, json: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const column of columns(model)) {
    const value = json[column.name];
    row[column.name] = column.type === "DateTime" && typeof value === "string" ? instantOfJson(value) : value ?? null;
  }
  return row as Row;
}

function instantOfJson(text: string): Date {
  if (text.length === 10) return new Date(`${text}T00:00:00.000Z`);
  return new Date(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}
