// Closing a centre on a date (an opening exception, or a day closed to visits) when live visits
// may be booked then (issue 19), and cancelling the visits that collide with closures. Every
// command takes (deps, viewer, input); see closures.schema.ts for the rules as the API states them.
import type { Prisma } from "../../db/database.ts";
import type { OpeningException, Prisma as PrismaTypes, Visit, VisitWindowClosure } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { insertOpeningException, localIsoDate, type OpeningExceptionValues, unitOfCentre } from "../directory/index.ts";
import { cancelLiveVisits, type VisitDependencies } from "./booking.commands.ts";
import { upsertVisitWindowClosure } from "./centre-setup.commands.ts";
import {
  ClosureHasVisitsError,
  type DateRule,
  type VisitCollision,
  upcomingVisitCollisions,
  visitsCoveredBy,
} from "./closure-collisions.ts";
import { LIVE_VISIT_STATUSES } from "./visit.policy.ts";

export const DEFAULT_COLLISION_DAYS = 60;
const MAX_COLLISION_DAYS = 366;

/** What the centre decided for the live visits a closure covers (validated by CollidingVisitsInput). */
export interface CollidingVisitsDecision {
  cancel: boolean;
  /** The reason the service sees; present when cancel is true. */
  reason?: string | null;
}

export interface AddOpeningExceptionInput {
  centreId: string;
  exception: OpeningExceptionValues;
  collidingVisits: CollidingVisitsDecision | null;
}

export interface AddVisitWindowClosureInput {
  centreId: string;
  date: string;
  reason?: string | null;
  collidingVisits: CollidingVisitsDecision | null;
}

/**
 * Writes a closure and deals with the visits it covers: refused with the list when the caller has
 * not decided; else written, and the covered visits cancelled in the same transaction when asked.
 */
async function closeWithVisits<Row>(
  deps: VisitDependencies,
  viewer: Viewer,
  centreId: string,
  covered: (db: Prisma | PrismaTypes.TransactionClient) => Promise<VisitCollision[]>,
  decision: CollidingVisitsDecision | null,
  write: (tx: PrismaTypes.TransactionClient) => Promise<Row>,
): Promise<Row> {
  const collisions = await covered(deps.prisma);
  if (collisions.length > 0 && !decision) throw new ClosureHasVisitsError(collisions);
  const centreUnitId = await unitOfCentre(deps.prisma, centreId);
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const row = await write(tx);
    if (decision?.cancel) {
      // Looked up again inside the transaction: a visit booked meanwhile is covered too.
      const visits = (await covered(tx)).map((collision) => collision.visit);
      await cancelLiveVisits(tx, visits, { actorUserId: viewer.userId, actorUnitId: centreUnitId, reason: decision.reason!, at: now, notify: "each" });
    }
    return row;
  });
}

/** Closes the centre on a date or gives it special hours, refusing or cancelling the live visits it covers. */
export async function addOpeningException(deps: VisitDependencies, viewer: Viewer, input: AddOpeningExceptionInput): Promise<OpeningException> {
  const { centreId, exception, collidingVisits } = input;
  if (exception.date < localIsoDate(deps.clock.now())) {
    throw ValidationError.single("date", { da: "Datoen ligger i fortiden.", en: "The date is in the past." });
  }
  if (!(await deps.prisma.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) {
    throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  }
  const rule: DateRule =
    exception.kind === "CLOSED" ? { closed: true } : { closed: false, startMinute: exception.startMinute!, endMinute: exception.endMinute! };
  return closeWithVisits(
    deps,
    viewer,
    centreId,
    (db) => visitsCoveredBy(db, centreId, exception.date, rule, "OPENING_EXCEPTION", exception.reason),
    collidingVisits,
    (tx) => insertOpeningException(tx, centreId, exception),
  );
}

/** Closes a date to visits, refusing or cancelling the live visits booked that day. */
export async function addVisitWindowClosure(deps: VisitDependencies, viewer: Viewer, input: AddVisitWindowClosureInput): Promise<VisitWindowClosure> {
  const { centreId, date, collidingVisits } = input;
  const reason = input.reason || null;
  return closeWithVisits(
    deps,
    viewer,
    centreId,
    (db) => visitsCoveredBy(db, centreId, date, { closed: true }, "VISIT_CLOSURE", reason),
    collidingVisits,
    (tx) => upsertVisitWindowClosure(tx, { centreId, date, reason }),
  );
}

/** Live visits at the centre that fall on a day it closes, from today for `days` days. */
export async function findUpcomingVisitCollisions(
  deps: VisitDependencies,
  _viewer: Viewer,
  input: { centreId: string; days?: number | null },
): Promise<VisitCollision[]> {
  const span = input.days ?? DEFAULT_COLLISION_DAYS;
  if (span < 1 || span > MAX_COLLISION_DAYS) {
    throw ValidationError.single("days", { da: `Vælg 1 til ${MAX_COLLISION_DAYS} dage.`, en: `Choose 1 to ${MAX_COLLISION_DAYS} days.` });
  }
  return upcomingVisitCollisions(deps.prisma, input.centreId, deps.clock.now(), span);
}

/** The centre cancels live visits that collide with its closures; visits no longer live are left as they are. */
export async function cancelCollidingVisits(
  deps: VisitDependencies,
  viewer: Viewer,
  input: { centreId: string; visitIds: string[]; reason: string },
): Promise<Visit[]> {
  const centreUnitId = await unitOfCentre(deps.prisma, input.centreId);
  if (!centreUnitId) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const visits = await tx.visit.findMany({
      where: { id: { in: input.visitIds }, centreId: input.centreId, status: { in: LIVE_VISIT_STATUSES } },
      select: { id: true, status: true },
      orderBy: { startsAt: "asc" },
    });
    return cancelLiveVisits(tx, visits, { actorUserId: viewer.userId, actorUnitId: centreUnitId, reason: input.reason, at: now, notify: "each" });
  });
}
