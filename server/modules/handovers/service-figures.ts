// Figures per receiving unit (a service or a centre), from its handovers over the last 90
// days: how quickly it answers, how often it accepts, and why it declines. Shown when a
// caseworker chooses where to send a citizen, and counted for steering. Aggregates only,
// never per person, every number suppressed below 5 by the same rules as the centre figures.
import type { Prisma } from "../../db/database.ts";
import type { HandoverDeclineCode } from "../../generated/prisma/enums.ts";
import { hoursFigure, median, rateFigure, suppress, SUPPRESSED_DISPLAY, SUPPRESSION_THRESHOLD, type Figure, type FigureUnit } from "../insights/suppression.ts";

export const RESPONSIVENESS_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const DECLINE_CODES = [
  "FULL_OR_WAITING_LIST",
  "OUTSIDE_TARGET_GROUP",
  "COULD_NOT_REACH_CITIZEN",
  "ANOTHER_SERVICE_FITS_BETTER",
  "OTHER",
] as const satisfies readonly HandoverDeclineCode[];

export interface DeclineReasonCount {
  code: HandoverDeclineCode;
  count: Figure;
}

export interface ServiceHandoverFigures {
  unit: { id: string; name: string };
  windowDays: number;
  handoversReceived: Figure;
  medianHoursToFirstAnswer: Figure;
  shareAccepted: Figure;
  declined: Figure;
  declinedByReason: DeclineReasonCount[];
  /** True when fewer than 5 handovers reached the unit in the window: then every figure is suppressed. */
  isSuppressed: boolean;
}

interface HandoverFact {
  toUnitId: string;
  status: string;
  sentAt: Date;
  firstResponseAt: Date | null;
  declineCode: HandoverDeclineCode | null;
}

/** The figures of one unit from its handovers' facts (pure). */
export function serviceFiguresOf(unit: { id: string; name: string }, facts: readonly HandoverFact[]): ServiceHandoverFigures {
  // Below the threshold nothing is shown at all, so no combination of figures can point at a citizen.
  const isSuppressed = facts.length > 0 && facts.length < SUPPRESSION_THRESHOLD;
  const answered = facts.filter((fact) => fact.firstResponseAt !== null);
  const declined = facts.filter((fact) => fact.status === "DECLINED");
  const hours = answered.map((fact) => ((fact.firstResponseAt as Date).getTime() - fact.sentAt.getTime()) / HOUR_MS);
  const hidden = (key: string, unit: FigureUnit): Figure => ({ key, unit, value: null, display: SUPPRESSED_DISPLAY, isSuppressed: true });
  return {
    unit,
    windowDays: RESPONSIVENESS_WINDOW_DAYS,
    isSuppressed,
    handoversReceived: suppress(facts.length, "handoversReceived"),
    medianHoursToFirstAnswer: isSuppressed ? hidden("medianHoursToFirstAnswer", "HOURS") : hoursFigure("medianHoursToFirstAnswer", median(hours), hours.length),
    shareAccepted: isSuppressed ? hidden("shareAccepted", "PERCENT") : rateFigure("shareAccepted", answered.length - declined.length, answered.length),
    declined: isSuppressed ? hidden("declined", "COUNT") : suppress(declined.length, "declined"),
    declinedByReason: DECLINE_CODES.map((code) => ({
      code,
      count: isSuppressed ? hidden(code, "COUNT") : suppress(declined.filter((fact) => fact.declineCode === code).length, code),
    })),
  };
}

/** Figures for the given receiving units over the 90 days up to `now`, in the order asked. */
export async function findServiceHandoverFigures(prisma: Prisma, unitIds: readonly string[], now: Date): Promise<ServiceHandoverFigures[]> {
  const ids = [...new Set(unitIds)];
  const since = new Date(now.getTime() - RESPONSIVENESS_WINDOW_DAYS * DAY_MS);
  const [units, handovers] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: ids }, kind: { in: ["SERVICE", "CENTRE"] } }, select: { id: true, name: true } }),
    prisma.handover.findMany({
      where: { toUnitId: { in: ids }, sentAt: { gte: since, lte: now } },
      select: { toUnitId: true, status: true, sentAt: true, firstResponseAt: true, declineCode: true },
    }),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  return ids.flatMap((id) => {
    const unit = unitById.get(id);
    if (!unit) return [];
    const facts = handovers.filter((handover) => handover.toUnitId === id).map((handover) => ({ ...handover, sentAt: handover.sentAt as Date }));
    return [serviceFiguresOf(unit, facts)];
  });
}
