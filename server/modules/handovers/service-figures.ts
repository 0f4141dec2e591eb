// Figures per receiving unit (a service or a centre), from its handovers over the last 90
// days: how quickly it answers, how often it accepts, and why it declines. Shown when a
// caseworker chooses where to send a citizen, and counted for steering. Aggregates only,
// never per person, every number suppressed below 5 by the same rules as the centre figures.
import type { Prisma } from "../../db/database.ts";
import type { HandoverDeclineCode } from "../../generated/prisma/enums.ts";
import { type Figure, type FigureUnit, hoursFigure, rateFigure, suppress, SUPPRESSED_DISPLAY, SUPPRESSION_THRESHOLD } from "../insights/index.ts";

export const RESPONSIVENESS_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

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

/** What the database counts for one unit's handovers in the window. */
export interface UnitHandoverCounts {
  handovers: number;
  /** With a first answer (accepted or declined). */
  answered: number;
  declined: number;
  /** Median hours from sending to the first answer, over the answered ones; null when none. */
  medianHours: number | null;
  declinedByCode: Partial<Record<HandoverDeclineCode, number>>;
}

const NO_HANDOVERS: UnitHandoverCounts = { handovers: 0, answered: 0, declined: 0, medianHours: null, declinedByCode: {} };

/** The figures of one unit from its counts (pure). */
export function serviceFiguresOf(unit: { id: string; name: string }, counts: UnitHandoverCounts): ServiceHandoverFigures {
  // Below the threshold nothing is shown at all, so no combination of figures can point at a citizen.
  const isSuppressed = counts.handovers > 0 && counts.handovers < SUPPRESSION_THRESHOLD;
  const hidden = (key: string, unit: FigureUnit): Figure => ({ key, unit, value: null, display: SUPPRESSED_DISPLAY, isSuppressed: true });
  return {
    unit,
    windowDays: RESPONSIVENESS_WINDOW_DAYS,
    isSuppressed,
    handoversReceived: suppress(counts.handovers, "handoversReceived"),
    medianHoursToFirstAnswer: isSuppressed ? hidden("medianHoursToFirstAnswer", "HOURS") : hoursFigure("medianHoursToFirstAnswer", counts.medianHours, counts.answered),
    shareAccepted: isSuppressed ? hidden("shareAccepted", "PERCENT") : rateFigure("shareAccepted", counts.answered - counts.declined, counts.answered),
    declined: isSuppressed ? hidden("declined", "COUNT") : suppress(counts.declined, "declined"),
    declinedByReason: DECLINE_CODES.map((code) => ({
      code,
      count: isSuppressed ? hidden(code, "COUNT") : suppress(counts.declinedByCode[code] ?? 0, code),
    })),
  };
}

/**
 * Figures for the given receiving units over the 90 days up to `now`, in the order asked.
 * Counted by the database (two grouped statements over the (toUnitId, sentAt) index): only
 * numbers leave it, never a row per handover. The median is percentile_cont(0.5), the mean of
 * the middle two for an even count, as `median()` in the insights figures.
 */
export async function findServiceHandoverFigures(prisma: Prisma, unitIds: readonly string[], now: Date): Promise<ServiceHandoverFigures[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return [];
  const since = new Date(now.getTime() - RESPONSIVENESS_WINDOW_DAYS * DAY_MS).toISOString();
  const until = now.toISOString();
  const idList = JSON.stringify(ids);
  const [units, totals, declines] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: ids }, kind: { in: ["SERVICE", "CENTRE"] } }, select: { id: true, name: true } }),
    prisma.$queryRaw<{ unitId: string; handovers: number; answered: number; declined: number; medianHours: number | null }[]>`
      SELECT h."toUnitId" AS "unitId", count(*)::int AS handovers, count(h."firstResponseAt")::int AS answered,
             count(*) FILTER (WHERE h.status = 'DECLINED')::int AS declined,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h."firstResponseAt" - h."sentAt") / 3600.0)
               FILTER (WHERE h."firstResponseAt" IS NOT NULL))::float8 AS "medianHours"
      FROM "Handover" h
      WHERE h."toUnitId" IN (SELECT jsonb_array_elements_text(${idList}::jsonb))
        AND h."sentAt" >= ${since}::timestamp(3) AND h."sentAt" <= ${until}::timestamp(3)
      GROUP BY h."toUnitId"`,
    prisma.$queryRaw<{ unitId: string; code: HandoverDeclineCode; count: number }[]>`
      SELECT h."toUnitId" AS "unitId", h."declineCode"::text AS code, count(*)::int AS count
      FROM "Handover" h
      WHERE h."toUnitId" IN (SELECT jsonb_array_elements_text(${idList}::jsonb)) AND h.status = 'DECLINED' AND h."declineCode" IS NOT NULL
        AND h."sentAt" >= ${since}::timestamp(3) AND h."sentAt" <= ${until}::timestamp(3)
      GROUP BY h."toUnitId", h."declineCode"`,
  ]);
  const countsByUnit = new Map<string, UnitHandoverCounts>(
    totals.map((row) => [
      row.unitId,
      { handovers: Number(row.handovers), answered: Number(row.answered), declined: Number(row.declined), medianHours: row.medianHours === null ? null : Number(row.medianHours), declinedByCode: {} },
    ]),
  );
  for (const row of declines) {
    const counts = countsByUnit.get(row.unitId);
    if (counts) counts.declinedByCode[row.code] = Number(row.count);
  }
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  return ids.flatMap((id) => {
    const unit = unitById.get(id);
    return unit ? [serviceFiguresOf(unit, countsByUnit.get(id) ?? NO_HANDOVERS)] : [];
  });
}
