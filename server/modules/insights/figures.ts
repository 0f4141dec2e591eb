// Centre figures for a period: read straight from tallies, handovers and visits, then turned
// into suppressed figures. Only aggregates leave this file: no user ids, no handover ids, no text.
import type { z } from "zod";
import type { Prisma } from "../../db/database.ts";
import type { HandoverOutcome, HandoverStatus, ServiceKind, UnitKind } from "../../generated/prisma/enums.ts";
import { loadTaxonomy } from "../directory/index.ts";
import { BREAKDOWN_LABELS, COUNTERPART_KEYS, FIGURE_KEYS, RESULT_KEYS, type FigureKey } from "./figure-definitions.ts";
import { hoursFigure, median, rateFigure, suppress, type Figure } from "./suppression.ts";
import { zonedDateTime } from "../../shared/copenhagen-time.ts";

/** Inclusive local dates (Europe/Copenhagen), yyyy-mm-dd. */
export interface Period {
  from: string;
  to: string;
}

type CounterpartKey = (typeof COUNTERPART_KEYS)[number];
type ResultKey = (typeof RESULT_KEYS)[number];

interface HandoverFacts {
  counterpart: CounterpartKey;
  result: ResultKey;
  isClosed: boolean;
  hoursToFirstResponse: number | null;
}

/** The raw material of one centre's figures. Internal: it never reaches the API unsuppressed. */
export interface CentreFigureData {
  visitors: number;
  tallyDates: Set<string>;
  visitorsByTargetGroup: Map<string, number>;
  activitiesHeld: number;
  sent: HandoverFacts[];
  received: HandoverFacts[];
  visitHours: number[];
}

export interface BreakdownItem {
  key: string;
  labelDa: string;
  labelEn: string;
  count: Figure;
}

export type FigureSet = Record<FigureKey, Figure> & {
  visitorsByTargetGroup: BreakdownItem[];
  handoversSentByCounterpart: BreakdownItem[];
  handoversSentByResult: BreakdownItem[];
  handoversReceivedByCounterpart: BreakdownItem[];
  handoversReceivedByResult: BreakdownItem[];
};

export interface CentreFigures {
  centreId: string;
  centreName: string;
  /** The centre's stated core task, so figures are read against it. */
  coreTask: string | null;
  guidingPrinciples: string[];
  period: Period;
  figures: FigureSet;
}

export interface AreaFigures {
  period: Period;
  centres: CentreFigures[];
  totals: FigureSet;
}

const MAX_PERIOD_DAYS = 3 * 366;
const MILLISECONDS_PER_HOUR = 3_600_000;
const CLOSED_STATUSES: readonly HandoverStatus[] = ["COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN"];
const OUTCOMES: readonly string[] = ["CONNECTED", "DID_NOT_SHOW", "CITIZEN_DECLINED", "REFERRED_ON"] satisfies HandoverOutcome[];

/**
 * Refuses a period that ends before it starts or spans more than three years: the `superRefine`
 * of a figures query's arguments (`validate: { schema }` on the field), naming "to".
 */
export function checkPeriod(period: Period, context: z.RefinementCtx): void {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days < 0) {
    context.addIssue({ code: "custom", path: ["to"], message: "The end date must not be before the start date.", params: { da: "Slutdatoen skal ligge efter startdatoen." } });
  } else if (days > MAX_PERIOD_DAYS) {
    context.addIssue({ code: "custom", path: ["to"], message: "The period may be at most three years.", params: { da: "Perioden må højst være tre år." } });
  }
}

/** A @db.Date column value for a local date. */
export function dateColumn(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function counterpartOf(unit: { kind: UnitKind; service: { kind: ServiceKind } | null }): CounterpartKey {
  if (unit.kind === "SERVICE") return unit.service?.kind ?? "OTHER";
  return unit.kind;
}

function resultOf(status: HandoverStatus, outcome: HandoverOutcome | null): ResultKey {
  if (status === "COMPLETED") return outcome ?? "COMPLETED_WITHOUT_OUTCOME";
  if (status === "DECLINED" || status === "CANCELLED" || status === "EXPIRED" || status === "WITHDRAWN") return status;
  return "OPEN";
}

function emptyData(): CentreFigureData {
  return { visitors: 0, tallyDates: new Set(), visitorsByTargetGroup: new Map(), activitiesHeld: 0, sent: [], received: [], visitHours: [] };
}

/** Reads the raw material for the given centres in one pass per source table. */
export async function loadCentreFigureData(
  prisma: Prisma,
  centres: readonly { id: string; unitId: string }[],
  period: Period,
): Promise<Map<string, CentreFigureData>> {
  const data = new Map(centres.map((centre) => [centre.id, emptyData()]));
  const centreIdOfUnit = new Map(centres.map((centre) => [centre.unitId, centre.id]));
  const centreIds = centres.map((centre) => centre.id);
  const unitIds = centres.map((centre) => centre.unitId);
  const dates = { gte: dateColumn(period.from), lte: dateColumn(period.to) };
  const instants = { gte: zonedDateTime(period.from, 0), lt: zonedDateTime(period.to, 1440) };

  const [tallies, activities, handovers, visits] = await Promise.all([
    prisma.visitorTally.findMany({
      where: { centreId: { in: centreIds }, date: dates },
      select: { centreId: true, date: true, count: true, byTargetGroup: true },
    }),
    prisma.activityHeld.groupBy({ by: ["centreId"], where: { centreId: { in: centreIds }, date: dates }, _count: { _all: true } }),
    prisma.handover.findMany({
      where: { sentAt: instants, OR: [{ fromUnitId: { in: unitIds } }, { toUnitId: { in: unitIds } }] },
      select: {
        fromUnitId: true,
        toUnitId: true,
        status: true,
        outcome: true,
        sentAt: true,
        firstResponseAt: true,
        fromUnit: { select: { kind: true, service: { select: { kind: true } } } },
        toUnit: { select: { kind: true, service: { select: { kind: true } } } },
        openRequest: { select: { serviceKind: true } },
      },
    }),
    prisma.visit.findMany({
      where: { centreId: { in: centreIds }, status: "CONFIRMED", startsAt: instants },
      select: { centreId: true, startsAt: true, endsAt: true },
    }),
  ]);

  for (const tally of tallies) {
    const centre = data.get(tally.centreId);
    if (!centre) continue;
    centre.visitors += tally.count;
    centre.tallyDates.add(tally.date.toISOString().slice(0, 10));
    const split = (tally.byTargetGroup ?? {}) as Record<string, number>;
    for (const [targetGroup, count] of Object.entries(split)) {
      centre.visitorsByTargetGroup.set(targetGroup, (centre.visitorsByTargetGroup.get(targetGroup) ?? 0) + count);
    }
  }
  for (const activity of activities) {
    const centre = data.get(activity.centreId);
    if (centre) centre.activitiesHeld = activity._count._all;
  }
  for (const handover of handovers) {
    const sentAt = handover.sentAt as Date;
    const facts = (counterpart: CounterpartKey): HandoverFacts => ({
      counterpart,
      result: resultOf(handover.status, handover.outcome),
      isClosed: CLOSED_STATUSES.includes(handover.status),
      hoursToFirstResponse: handover.firstResponseAt
        ? (handover.firstResponseAt.getTime() - sentAt.getTime()) / MILLISECONDS_PER_HOUR
        : null,
    });
    const sender = data.get(centreIdOfUnit.get(handover.fromUnitId) ?? "");
    // An open request nobody has claimed counts under the kind of service it went to.
    if (sender) sender.sent.push(facts(handover.toUnit ? counterpartOf(handover.toUnit) : (handover.openRequest?.serviceKind ?? "OTHER")));
    const receiver = data.get(centreIdOfUnit.get(handover.toUnitId ?? "") ?? "");
    if (receiver) receiver.received.push(facts(counterpartOf(handover.fromUnit)));
  }
  for (const visit of visits) {
    data.get(visit.centreId)?.visitHours.push((visit.endsAt.getTime() - visit.startsAt.getTime()) / MILLISECONDS_PER_HOUR);
  }
  return data;
}

/** A breakdown's rows: a key with its Danish and English label. */
export interface BreakdownKey {
  key: string;
  labelDa: string;
  labelEn: string;
}

const fixedKeys = (keys: readonly string[]): BreakdownKey[] =>
  keys.map((key) => ({ key, labelDa: BREAKDOWN_LABELS[key]?.da ?? key, labelEn: BREAKDOWN_LABELS[key]?.en ?? key }));

function breakdown(keys: readonly BreakdownKey[], countOf: (key: string) => number): BreakdownItem[] {
  return keys.map(({ key, labelDa, labelEn }) => ({ key, labelDa, labelEn, count: suppress(countOf(key), key) }));
}

/**
 * The target groups figures are broken down by: the taxonomy's terms in use, and a retired one
 * only where a tally still counts it. One list for every centre, so totals add up row by row.
 */
async function targetGroupKeys(prisma: Prisma, data: Iterable<CentreFigureData>): Promise<BreakdownKey[]> {
  const counted = new Set([...data].flatMap((centre) => [...centre.visitorsByTargetGroup.keys()]));
  const taxonomy = await loadTaxonomy(prisma);
  return taxonomy
    .list("TARGET_GROUP", true)
    .filter((term) => term.retiredAt === null || counted.has(term.code))
    .map((term) => ({ key: term.code, labelDa: term.nameDa, labelEn: term.nameEn }));
}

const COUNTERPART_BREAKDOWN = fixedKeys(COUNTERPART_KEYS);
const RESULT_BREAKDOWN = fixedKeys(RESULT_KEYS);

const countWhere = <Item>(items: readonly Item[], predicate: (item: Item) => boolean) => items.filter(predicate).length;

/** The bases and numerators behind the rates and medians, so totals can pool them. */
function ratesOf(data: CentreFigureData) {
  const closed = data.sent.filter((handover) => handover.isClosed);
  const completedWithOutcome = countWhere(closed, (handover) => OUTCOMES.includes(handover.result));
  const expired = countWhere(closed, (handover) => handover.result === "EXPIRED");
  const responseHours = data.sent.flatMap((handover) => (handover.hoursToFirstResponse === null ? [] : [handover.hoursToFirstResponse]));
  return { closed: closed.length, completedWithOutcome, expired, responseHours };
}

/** One centre's figures, every count and rate suppressed by the same rules. */
export function figureSetOf(data: CentreFigureData, targetGroups: readonly BreakdownKey[]): FigureSet {
  const rates = ratesOf(data);
  const visitingHours = data.visitHours.reduce((sum, hours) => sum + hours, 0);
  return {
    visitors: suppress(data.visitors, "visitors"),
    tallyDays: suppress(data.tallyDates.size, "tallyDays"),
    activitiesHeld: suppress(data.activitiesHeld, "activitiesHeld"),
    handoversSent: suppress(data.sent.length, "handoversSent"),
    handoversReceived: suppress(data.received.length, "handoversReceived"),
    loopClosureRate: rateFigure("loopClosureRate", rates.completedWithOutcome, rates.closed),
    medianHoursToFirstResponse: hoursFigure("medianHoursToFirstResponse", median(rates.responseHours), rates.responseHours.length),
    expiryRate: rateFigure("expiryRate", rates.expired, rates.closed),
    visitingServiceHours: hoursFigure("visitingServiceHours", visitingHours, data.visitHours.length),
    confirmedVisits: suppress(data.visitHours.length, "confirmedVisits"),
    visitorsByTargetGroup: breakdown(targetGroups, (key) => data.visitorsByTargetGroup.get(key) ?? 0),
    handoversSentByCounterpart: breakdown(COUNTERPART_BREAKDOWN, (key) => countWhere(data.sent, (handover) => handover.counterpart === key)),
    handoversSentByResult: breakdown(RESULT_BREAKDOWN, (key) => countWhere(data.sent, (handover) => handover.result === key)),
    handoversReceivedByCounterpart: breakdown(COUNTERPART_BREAKDOWN, (key) => countWhere(data.received, (handover) => handover.counterpart === key)),
    handoversReceivedByResult: breakdown(RESULT_BREAKDOWN, (key) => countWhere(data.received, (handover) => handover.result === key)),
  };
}

const visibleValue = (figure: Figure) => (figure.isSuppressed ? 0 : (figure.value ?? 0));

function sumBreakdowns(rows: readonly FigureSet[], pick: (figures: FigureSet) => BreakdownItem[]): BreakdownItem[] {
  const first = rows[0] ? pick(rows[0]) : [];
  return first.map((item, index) => ({
    ...item,
    count: suppress(rows.reduce((sum, figures) => sum + visibleValue(pick(figures)[index]!.count), 0), item.key),
  }));
}

/**
 * Area totals built only from what the centre rows already show: a cell suppressed in its row
 * adds nothing to the total, and a rate or median pools only the centres whose own rate or
 * median is shown. Otherwise "total minus the other centres" would reveal a suppressed cell.
 */
export function totalsOf(rows: readonly { data: CentreFigureData; figures: FigureSet }[]): FigureSet {
  const sumOf = (key: FigureKey) => rows.reduce((sum, row) => sum + visibleValue(row.figures[key]), 0);
  const shown = (key: FigureKey) => rows.filter((row) => !row.figures[key].isSuppressed && row.figures[key].value !== null);
  const pooledRate = (key: "loopClosureRate" | "expiryRate", numerator: "completedWithOutcome" | "expired") => {
    const rates = shown(key).map((row) => ratesOf(row.data));
    return rateFigure(key, rates.reduce((sum, rate) => sum + rate[numerator], 0), rates.reduce((sum, rate) => sum + rate.closed, 0));
  };
  const pooledHours = shown("medianHoursToFirstResponse").flatMap((row) => ratesOf(row.data).responseHours);
  const visitingRows = shown("visitingServiceHours");
  const figureSets = rows.map((row) => row.figures);
  return {
    visitors: suppress(sumOf("visitors"), "visitors"),
    tallyDays: suppress(sumOf("tallyDays"), "tallyDays"),
    activitiesHeld: suppress(sumOf("activitiesHeld"), "activitiesHeld"),
    handoversSent: suppress(sumOf("handoversSent"), "handoversSent"),
    handoversReceived: suppress(sumOf("handoversReceived"), "handoversReceived"),
    loopClosureRate: pooledRate("loopClosureRate", "completedWithOutcome"),
    medianHoursToFirstResponse: hoursFigure("medianHoursToFirstResponse", median(pooledHours), pooledHours.length),
    expiryRate: pooledRate("expiryRate", "expired"),
    visitingServiceHours: hoursFigure(
      "visitingServiceHours",
      visitingRows.reduce((sum, row) => sum + (row.figures.visitingServiceHours.value ?? 0), 0),
      visitingRows.reduce((sum, row) => sum + row.data.visitHours.length, 0),
    ),
    confirmedVisits: suppress(sumOf("confirmedVisits"), "confirmedVisits"),
    visitorsByTargetGroup: sumBreakdowns(figureSets, (figures) => figures.visitorsByTargetGroup),
    handoversSentByCounterpart: sumBreakdowns(figureSets, (figures) => figures.handoversSentByCounterpart),
    handoversSentByResult: sumBreakdowns(figureSets, (figures) => figures.handoversSentByResult),
    handoversReceivedByCounterpart: sumBreakdowns(figureSets, (figures) => figures.handoversReceivedByCounterpart),
    handoversReceivedByResult: sumBreakdowns(figureSets, (figures) => figures.handoversReceivedByResult),
  };
}

/** The figures in definition order, for lists, charts and CSV columns. */
export function figureList(figures: FigureSet): Figure[] {
  return FIGURE_KEYS.map((key) => figures[key]);
}

/** Figures for the given centres (all centres when none are named), per centre and in total. */
export async function findAreaFigures(prisma: Prisma, period: Period, centreIds?: readonly string[] | null): Promise<AreaFigures> {
  const centres = await prisma.centre.findMany({
    where: centreIds ? { id: { in: [...centreIds] } } : {},
    select: { id: true, unitId: true, name: true, coreTask: true, guidingPrinciples: true },
    orderBy: { name: "asc" },
  });
  const data = await loadCentreFigureData(prisma, centres, period);
  const targetGroups = await targetGroupKeys(prisma, data.values());
  const rows = centres.map((centre) => {
    const centreData = data.get(centre.id) ?? emptyData();
    return { centre, data: centreData, figures: figureSetOf(centreData, targetGroups) };
  });
  return {
    period,
    centres: rows.map((row) => ({
      centreId: row.centre.id,
      centreName: row.centre.name,
      coreTask: row.centre.coreTask,
      guidingPrinciples: row.centre.guidingPrinciples,
      period,
      figures: row.figures,
    })),
    totals: totalsOf(rows),
  };
}
