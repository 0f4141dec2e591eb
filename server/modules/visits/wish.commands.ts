// Centres ask for services (issue 19): a centre posts a standing wish ("jobkonsulent tirsdage
// 10–12, unge 18–25"), services of the wished kind see it and answer with a booking proposal —
// an ordinary visit or weekly series carrying the wish's id, which the centre then confirms like
// any request (or which is confirmed at once when the centre trusts the service).
import type { Prisma as PrismaTypes, VisitWish } from "../../generated/prisma/client.ts";
import type { ServiceKind } from "../../generated/prisma/enums.ts";
import type { TermCode } from "../directory/index.ts";
import { isMemberOf, type Viewer } from "../../graphql/context.ts";
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { type BookedSeries, bookVisit, bookVisitSeries, type VisitDependencies } from "./booking.commands.ts";
import { zonedDateTime } from "../../shared/copenhagen-time.ts";

const WISH_NOT_FOUND = { da: "Ønsket", en: "The wish" };

export interface VisitWishValues {
  centreId: string;
  serviceKind: ServiceKind;
  targetGroups: TermCode[];
  weekday: number | null;
  startMinute: number | null;
  endMinute: number | null;
  description: string;
}

/** The open wishes a service of this kind and these target groups is asked to answer. */
export function wishesMatchingServiceWhere(service: { kind: ServiceKind; targetGroups: TermCode[] }): PrismaTypes.VisitWishWhereInput {
  return {
    status: "OPEN",
    serviceKind: service.kind,
    // A wish without target groups is for the centre's users in general: every service of the kind matches.
    OR: [{ targetGroups: { isEmpty: true } }, ...(service.targetGroups.length > 0 ? [{ targetGroups: { hasSome: service.targetGroups } }] : [])],
  };
}

async function centreUnitOrThrow(deps: VisitDependencies, centreId: string): Promise<string> {
  const centre = await deps.prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true } });
  if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  return centre.unitId;
}

/** The centre's staff post a wish; it stays open until they close it. */
export async function postVisitWish(deps: VisitDependencies, viewer: Viewer, values: VisitWishValues): Promise<VisitWish> {
  const unitId = await centreUnitOrThrow(deps, values.centreId);
  if (!isMemberOf(viewer, unitId)) throw new ForbiddenError();
  const now = deps.clock.now();
  return deps.prisma.visitWish.create({ data: { ...values, createdById: viewer.userId, createdAt: now } });
}

/** The centre's staff close a wish (fulfilled or no longer wanted); its answers stay as they are. */
export async function closeVisitWish(deps: VisitDependencies, viewer: Viewer, wishId: string): Promise<VisitWish> {
  const wish = await deps.prisma.visitWish.findUnique({ where: { id: wishId }, include: { centre: { select: { unitId: true } } } });
  if (!wish) throw new NotFoundError(WISH_NOT_FOUND);
  if (!isMemberOf(viewer, wish.centre.unitId)) throw new ForbiddenError();
  const { count } = await deps.prisma.visitWish.updateMany({
    where: { id: wishId, status: "OPEN" },
    data: { status: "CLOSED", closedAt: deps.clock.now(), closedById: viewer.userId },
  });
  if (count === 0) throw new IllegalTransitionError(wish.status, "close");
  return deps.prisma.visitWish.findUniqueOrThrow({ where: { id: wishId } });
}

export interface AnswerVisitWishInput {
  wishId: string;
  serviceUnitId: string;
  spaceId: string;
  firstDate: string;
  startMinute: number;
  endMinute: number;
  /** 1: a single visit; more: a weekly series of that many occurrences. */
  weeks: number;
  title: string;
  publicDescription: string | null;
  internalNote: string | null;
  idempotencyKey?: string | null;
}

/**
 * A service of the wished kind answers with a booking proposal at the wishing centre: one visit,
 * or a weekly series. Booking rules are the ordinary ones (visiting windows, no double booking,
 * trust); the proposal carries the wish's id so the centre sees what it answers.
 */
export async function answerVisitWish(deps: VisitDependencies, viewer: Viewer, input: AnswerVisitWishInput): Promise<BookedSeries> {
  const wish = await deps.prisma.visitWish.findUnique({ where: { id: input.wishId } });
  if (!wish) throw new NotFoundError(WISH_NOT_FOUND);
  if (!isMemberOf(viewer, input.serviceUnitId)) {
    throw new ForbiddenError({ da: "Kun tilbuddets egne medarbejdere kan svare for det.", en: "Only the service's own staff can answer for it." });
  }
  if (wish.status !== "OPEN") throw new IllegalTransitionError(wish.status, "answer");
  const service = await deps.prisma.service.findUnique({ where: { unitId: input.serviceUnitId }, select: { kind: true } });
  if (service?.kind !== wish.serviceKind) {
    throw ValidationError.single("serviceUnitId", {
      da: "Værestedet ønsker en anden slags tilbud end jeres.",
      en: "The centre wishes for another kind of service than yours.",
    });
  }
  const details = {
    centreId: wish.centreId,
    spaceId: input.spaceId,
    serviceUnitId: input.serviceUnitId,
    title: input.title,
    publicDescription: input.publicDescription,
    internalNote: input.internalNote,
    wishId: wish.id,
  };
  if (input.weeks === 1) {
    const visit = await bookVisit(deps, viewer, {
      ...details,
      startsAt: zonedDateTime(input.firstDate, input.startMinute),
      endsAt: zonedDateTime(input.firstDate, input.endMinute),
      idempotencyKey: input.idempotencyKey,
    });
    return { series: null, visits: [visit], conflicts: [] };
  }
  return bookVisitSeries(deps, viewer, {
    ...details,
    firstDate: input.firstDate,
    startMinute: input.startMinute,
    endMinute: input.endMinute,
    weeks: input.weeks,
    bookFreeOccurrencesOnly: false,
    idempotencyKey: input.idempotencyKey,
  });
}
