// The conversation thread on a handover (issue 18, item 5): short messages between the sending
// and the receiving unit, nobody else. A message is free text about a citizen, so it is personal
// data: it is blanked by purgeHandovers (PURGED_TEXT_COLUMNS), every read of a thread that still
// holds text is recorded in the access log like a read of the personal data, and the other unit
// gets a notice that says only that there is a new message (never its text).
import type { Viewer } from "../../graphql/context.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { enqueueNotification } from "../notifications/index.ts";
import type { HandoverDependencies } from "./handover.commands.ts";
import { unitOfSide, viewerSides } from "./handover.policy.ts";
import type { Transaction } from "../../db/database.ts";

export const THREAD_MESSAGE_MAX_CHARS = 1000;
/** At most this many messages are returned, oldest first (a thread is a short exchange). */
export const THREAD_MESSAGE_LIMIT = 200;
/** The reason recorded in the access log when a thread that holds text is read. */
export const THREAD_READ_REASON = "Læste samtaletråden (thread read)";

const HANDOVER = { da: "Overleveringen", en: "The handover" } as const;

type Dependencies = Pick<HandoverDependencies, "prisma" | "clock">;

export interface HandoverMessageView {
  id: string;
  handoverId: string;
  text: string;
  at: Date;
  authorUnit: { id: string; name: string };
  authorUserName: string;
  /** True when the message was written by one of the viewer's own units' side. */
  fromViewerSide: boolean;
}

async function findThreadHandover(tx: Transaction, viewer: Viewer, handoverId: string) {
  const handover = await tx.handover.findUnique({
    where: { id: handoverId },
    select: { id: true, status: true, fromUnitId: true, toUnitId: true, personalDataPurgedAt: true },
  });
  if (!handover) throw new NotFoundError(HANDOVER);
  const sides = viewerSides(viewer, handover);
  // A draft is the sender's working copy: the receiving unit does not know of it yet.
  if (sides.length === 0 || (handover.status === "DRAFT" && !sides.includes("SENDER"))) throw new ForbiddenError();
  return { handover, sides };
}

async function toViews(tx: Transaction, viewer: Viewer, rows: { id: string; handoverId: string; text: string; at: Date; authorUnitId: string; authorUserId: string }[]) {
  const [units, users] = await Promise.all([
    tx.unit.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.authorUnitId))] } }, select: { id: true, name: true } }),
    tx.user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.authorUserId))] } }, select: { id: true, name: true } }),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const userNameById = new Map(users.map((user) => [user.id, user.name]));
  const ownUnits = new Set(viewer.memberships.map((membership) => membership.unitId));
  return rows.map(
    (row): HandoverMessageView => ({
      id: row.id,
      handoverId: row.handoverId,
      text: row.text,
      at: row.at,
      authorUnit: unitById.get(row.authorUnitId) ?? { id: row.authorUnitId, name: "" },
      authorUserName: userNameById.get(row.authorUserId) ?? "",
      fromViewerSide: ownUnits.has(row.authorUnitId),
    }),
  );
}

/**
 * The thread, oldest first, for members of the two units. While it holds text (not purged),
 * the read is recorded in the access log in the same transaction.
 */
export async function readHandoverThread(deps: Dependencies, viewer: Viewer, handoverId: string): Promise<HandoverMessageView[]> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const { handover, sides } = await findThreadHandover(tx, viewer, handoverId);
    const rows = await tx.handoverMessage.findMany({ where: { handoverId }, orderBy: [{ at: "asc" }, { position: "asc" }], take: THREAD_MESSAGE_LIMIT });
    if (handover.personalDataPurgedAt === null && rows.some((row) => row.text !== "")) {
      await tx.personalDataAccess.create({
        data: {
          handoverId,
          userId: viewer.userId,
          unitId: unitOfSide(handover, sides.includes("RECEIVER") ? "RECEIVER" : "SENDER"),
          fields: [],
          reason: THREAD_READ_REASON,
          at: now,
        },
      });
    }
    return toViews(tx, viewer, rows);
  });
}

/** Posts a message for the viewer's side and tells the other unit, in one transaction. */
export async function postHandoverMessage(deps: Dependencies, viewer: Viewer, values: { handoverId: string; text: string }): Promise<HandoverMessageView> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const { handover, sides } = await findThreadHandover(tx, viewer, values.handoverId);
    if (handover.status === "DRAFT") {
      throw ValidationError.single("handoverId", {
        da: "Send overleveringen, før I skriver sammen om den.",
        en: "Send the handover before writing about it.",
      });
    }
    if (handover.toUnitId === null) {
      throw ValidationError.single("handoverId", {
        da: "Tråden åbner, når et tilbud har taget den åbne forespørgsel.",
        en: "The thread opens once a service has taken the open request.",
      });
    }
    if (handover.personalDataPurgedAt !== null) {
      throw ValidationError.single("handoverId", {
        da: "Oplysningerne på overleveringen er slettet, så der kan ikke skrives flere beskeder.",
        en: "The handover's personal data has been deleted, so no more messages can be written.",
      });
    }
    const side = sides.includes("SENDER") ? "SENDER" : "RECEIVER";
    const authorUnitId = unitOfSide(handover, side);
    const otherUnitId = unitOfSide(handover, side === "SENDER" ? "RECEIVER" : "SENDER");
    const row = await tx.handoverMessage.create({
      data: { handoverId: handover.id, authorUserId: viewer.userId, authorUnitId, text: values.text, at: now },
    });
    if (otherUnitId !== authorUnitId) {
      await enqueueNotification(tx, { kind: "HANDOVER_MESSAGE", unitId: otherUnitId, subjectId: handover.id, at: now });
    }
    const [view] = await toViews(tx, viewer, [row]);
    return view!;
  });
}
