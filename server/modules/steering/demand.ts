// Demand by hour: the visitor tallies recorded per opening period, laid on a week × hour grid
// (Monday first, local wall-clock hours), in total and per target group. A tally counts in every
// hour its opening period covers: "visitors counted in periods open in this hour". Counts are
// suppressed below 5 like every figure; tallies without an opening period have no hour and are
// reported apart, so the grid never pretends to be complete.
import type { Prisma } from "../../db/database.ts";
import { dateColumn, type Figure, type Period, suppress } from "../insights/index.ts";

/** A target group's code in the directory's taxonomy. */
export type TargetGroupKey = string;

export interface DemandCell {
  weekday: number;
  hour: number;
  visitors: Figure;
}

export interface DemandGrid {
  period: Period;
  /** Null: every visitor; otherwise only the split recorded for this target group. */
  targetGroup: TargetGroupKey | null;
  cells: DemandCell[];
  /** Visitors in tallies without an opening period (no hour known). */
  visitorsWithoutPeriod: Figure;
}

interface PeriodShape {
  weekday: number;
  startMinute: number;
  endMinute: number;
  isOvernight: boolean;
}

/** The (weekday, hour) slots an opening period touches; an overnight period runs into the next day. */
export function hoursCovered(period: PeriodShape): { weekday: number; hour: number }[] {
  const slots: { weekday: number; hour: number }[] = [];
  const endOnFirstDay = period.isOvernight || period.endMinute <= period.startMinute ? 1440 : period.endMinute;
  for (let hour = Math.floor(period.startMinute / 60); hour * 60 < endOnFirstDay; hour += 1) slots.push({ weekday: period.weekday, hour });
  if (period.isOvernight || period.endMinute <= period.startMinute) {
    const nextDay = (period.weekday % 7) + 1;
    for (let hour = 0; hour * 60 < period.endMinute; hour += 1) slots.push({ weekday: nextDay, hour });
  }
  return slots;
}

/** The area's demand grid for a period and (optionally) one target group. */
export async function findDemandGrid(prisma: Prisma, period: Period, targetGroup: TargetGroupKey | null): Promise<DemandGrid> {
  const tallies = await prisma.visitorTally.findMany({
    where: { date: { gte: dateColumn(period.from), lte: dateColumn(period.to) } },
    select: { count: true, byTargetGroup: true, openingPeriodId: true },
  });
  const periodIds = [...new Set(tallies.flatMap((tally) => (tally.openingPeriodId ? [tally.openingPeriodId] : [])))];
  const periods = new Map(
    (await prisma.openingPeriod.findMany({ where: { id: { in: periodIds } }, select: { id: true, weekday: true, startMinute: true, endMinute: true, isOvernight: true } })).map(
      (openingPeriod) => [openingPeriod.id, openingPeriod],
    ),
  );
  const sums = new Map<string, number>();
  let withoutPeriod = 0;
  for (const tally of tallies) {
    const count = targetGroup === null ? tally.count : (((tally.byTargetGroup ?? {}) as Record<string, number>)[targetGroup] ?? 0);
    const openingPeriod = tally.openingPeriodId ? periods.get(tally.openingPeriodId) : undefined;
    if (!openingPeriod) {
      withoutPeriod += count;
      continue;
    }
    for (const slot of hoursCovered(openingPeriod)) {
      const key = `${slot.weekday}:${slot.hour}`;
      sums.set(key, (sums.get(key) ?? 0) + count);
    }
  }
  const cells: DemandCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    for (let hour = 0; hour < 24; hour += 1) cells.push({ weekday, hour, visitors: suppress(sums.get(`${weekday}:${hour}`) ?? 0, "visitors") });
  }
  return { period, targetGroup, cells, visitorsWithoutPeriod: suppress(withoutPeriod, "visitorsWithoutPeriod") };
}
