// The inbox and sent lists and the unread counts, written so that their cost follows the page,
// not the table: a national deployment keeps a million handovers for one service.
// - Pages are keyset-paginated on (createdAt DESC, id DESC) over an index that matches the
//   order; a status/kind filter becomes one index range per (status, kind) pair, merged.
// - totalCount is exact up to TOTAL_COUNT_CAP and capped above it.
// - Unread state is on the handover row (see the migration's triggers), so counting unread
//   handovers reads a partial index of the unread rows only, and a page needs no event scan.
import { Prisma as PrismaRuntime } from "../../generated/prisma/client.ts";
import type { HandoverKind, HandoverStatus } from "../../generated/prisma/enums.ts";
import type { Prisma } from "../../db/database.ts";
import { ValidationError } from "../../shared/errors.ts";
import { joinableShape, loadPageRows } from "../../db/page-rows.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Counting stops here: beyond it the exact number costs a scan and tells a person nothing more. */
export const TOTAL_COUNT_CAP = 1000;
/** Unread badges stop here, for the same reason. */
export const UNREAD_COUNT_CAP = 1000;

const ALL_STATUSES: HandoverStatus[] = ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN", "ON_HOLD"];
const ALL_KINDS: HandoverKind[] = ["BRIDGE", "WARM_INTRODUCTION"];

export type ListSide = "received" | "sent";

export interface ListFilter {
  statuses?: HandoverStatus[] | null;
  kinds?: HandoverKind[] | null;
}

export interface ListRequest {
  side: ListSide;
  unitId: string;
  /** The viewer's units: a draft shows in a received list only to a member of its sending unit. */
  viewerUnitIds: string[];
  filter: ListFilter | null | undefined;
}

interface Position {
  createdAt: Date;
  id: string;
}

/** An opaque cursor: the position of a row in (createdAt DESC, id DESC) order. */
export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): Position {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw ValidationError.single("after", { da: "Sidemarkøren er ugyldig. Hent listen forfra.", en: "The cursor is not valid. Reload the list." });
  }
  return { createdAt, id };
}

const sql = PrismaRuntime.sql;
const join = PrismaRuntime.join;
const empty = PrismaRuntime.empty;

// Prisma stores UTC in `timestamp without time zone`; text input ignores the session TimeZone.
const asTimestamp = (date: Date) => sql`${date.toISOString()}::timestamp(3)`;

function sideCondition(request: ListRequest) {
  if (request.side === "sent") return sql`"fromUnitId" = ${request.unitId}`;
  // A draft is the sender's working copy; the receiver sees it once it is sent.
  const senders = request.viewerUnitIds.length > 0 ? sql` OR "fromUnitId" IN (${join(request.viewerUnitIds)})` : empty;
  return sql`"toUnitId" = ${request.unitId} AND (status <> 'DRAFT'${senders})`;
}

/**
 * Index ranges that together hold the list: one for the unfiltered list, or one per
 * (status, kind) pair, so each is an ordered scan of (unit, status, kind, createdAt, id).
 */
function ranges(request: ListRequest) {
  const statuses = request.filter?.statuses?.length ? [...new Set(request.filter.statuses)] : null;
  const kinds = request.filter?.kinds?.length ? [...new Set(request.filter.kinds)] : null;
  if (!statuses && !kinds) return [sideCondition(request)];
  return (statuses ?? ALL_STATUSES).flatMap((status) =>
    (kinds ?? ALL_KINDS).map((kind) => sql`${sideCondition(request)} AND status = ${status}::"HandoverStatus" AND kind = ${kind}::"HandoverKind"`),
  );
}

export interface HandoverPage {
  ids: string[];
  positions: Position[];
  hasNextPage: boolean;
}

/** The statement of one page's (id, createdAt), newest first, after the cursor, LIMIT size + 1 per range. */
function pageStatement(request: ListRequest, size: number, after: string | null | undefined) {
  const position = after ? decodeCursor(after) : null;
  const afterCondition = position
    ? sql` AND ("createdAt", id) < (${asTimestamp(position.createdAt)}, ${position.id})`
    : empty;
  const branches = ranges(request).map(
    (condition) => sql`(SELECT id, "createdAt" FROM "Handover" WHERE ${condition}${afterCondition} ORDER BY "createdAt" DESC, id DESC LIMIT ${size + 1})`,
  );
  return branches.length === 1
    ? branches[0]!
    : sql`SELECT id, "createdAt" FROM (${join(branches, " UNION ALL ")}) AS page ORDER BY "createdAt" DESC, id DESC LIMIT ${size + 1}`;
}

function pageSize(first: number | null | undefined): number {
  return Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
}

/** The ids of one page, newest first, after the cursor: one statement. */
export async function findHandoverPage(prisma: Prisma, request: ListRequest, first: number | null | undefined, after: string | null | undefined): Promise<HandoverPage> {
  const size = pageSize(first);
  const rows = await prisma.$queryRaw<{ id: string; createdAt: Date }[]>(pageStatement(request, size, after));
  const shown = rows.slice(0, size);
  return { ids: shown.map((row) => row.id), positions: shown.map((row) => ({ id: row.id, createdAt: row.createdAt })), hasNextPage: rows.length > size };
}

/**
 * One page's rows with what `shape` (Prisma include/select) asks for, in one statement, and the
 * list's capped count with them when `withCount` (null when the page came back empty: the count
 * then needs its own statement). Null when the shape needs more than scalar columns and to-one
 * relations (then use findHandoverPage).
 */
export async function findHandoverPageRows<Row extends { id: string; createdAt: Date }>(
  prisma: Prisma,
  request: ListRequest,
  first: number | null | undefined,
  after: string | null | undefined,
  shape: Record<string, unknown>,
  withCount: boolean,
): Promise<{ rows: Row[]; hasNextPage: boolean; count: ListCount | null } | null> {
  const relations = joinableShape("Handover", shape);
  if (!relations) return null;
  const size = pageSize(first);
  const extras = withCount ? [sql`(${countStatement(request)}) AS "listCount"`] : [];
  const { rows, extras: values } = await loadPageRows<Row>(prisma, "Handover", relations, pageStatement(request, size, after), extras);
  const count = withCount && values ? capped(Number(values["listCount"])) : null;
  return { rows: rows.slice(0, size), hasNextPage: rows.length > size, count };
}

export interface ListCount {
  count: number;
  isCapped: boolean;
}

/** Counts the list's rows up to one past the cap. */
function countStatement(request: ListRequest) {
  const branches = ranges(request).map((condition) => sql`(SELECT 1 FROM "Handover" WHERE ${condition} LIMIT ${TOTAL_COUNT_CAP + 1})`);
  return sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM (${join(branches, " UNION ALL ")}) AS found LIMIT ${TOTAL_COUNT_CAP + 1}) AS capped`;
}

function capped(count: number): ListCount {
  return count > TOTAL_COUNT_CAP ? { count: TOTAL_COUNT_CAP, isCapped: true } : { count, isCapped: false };
}

/** How many handovers the list holds, exact up to TOTAL_COUNT_CAP; `isCapped` when there are more. */
export async function countHandovers(prisma: Prisma, request: ListRequest): Promise<ListCount> {
  const rows = await prisma.$readRows<{ count: number }>(countStatement(request));
  return capped(rows[0]?.count ?? 0);
}

export interface UnreadCount {
  unit: { id: string; name: string };
  receivedUnread: number;
  sentUnread: number;
}

/**
 * Unread received and sent handovers for each unit, in one statement. The WHERE clauses repeat
 * the predicates of the partial indexes "Handover_receiver_unread_idx" and
 * "Handover_sender_unread_idx" word for word, so only unread rows are read.
 */
export async function countUnreadByUnit(prisma: Prisma, unitIds: string[]): Promise<UnreadCount[]> {
  if (unitIds.length === 0) return [];
  const rows = await prisma.$readRows<{ id: string; name: string; receivedUnread: number; sentUnread: number }>(sql`
    SELECT unit.id, unit.name,
      (SELECT count(*)::int FROM (
         SELECT 1 FROM "Handover"
         WHERE "toUnitId" = unit.id
           AND status <> 'DRAFT' AND "receiverActivityAt" > COALESCE("receiverReadAt", '-infinity'::timestamp(3))
         LIMIT ${UNREAD_COUNT_CAP}) AS received) AS "receivedUnread",
      (SELECT count(*)::int FROM (
         SELECT 1 FROM "Handover"
         WHERE "fromUnitId" = unit.id
           AND "senderActivityAt" > COALESCE("senderReadAt", '-infinity'::timestamp(3))
         LIMIT ${UNREAD_COUNT_CAP}) AS sent) AS "sentUnread"
    FROM "Unit" AS unit
    WHERE unit.id IN (${join(unitIds)})
    ORDER BY unit.name ASC`);
  return rows.map((row) => ({ unit: { id: row.id, name: row.name }, receivedUnread: row.receivedUnread, sentUnread: row.sentUnread }));
}

export interface UnreadColumns {
  fromUnitId: string;
  toUnitId: string | null;
  receiverActivityAt: Date | null;
  senderActivityAt: Date | null;
  receiverReadAt: Date | null;
  senderReadAt: Date | null;
}

/** True when the given side's unit has news on the handover it has not opened since. */
export function isUnreadFor(handover: UnreadColumns, side: "SENDER" | "RECEIVER"): boolean {
  const activityAt = side === "SENDER" ? handover.senderActivityAt : handover.receiverActivityAt;
  const readAt = side === "SENDER" ? handover.senderReadAt : handover.receiverReadAt;
  return activityAt !== null && (readAt === null || activityAt > readAt);
}
