// The directory search answered by the database: set filters, "open at / during", distance,
// the fit ranking and keyset pagination are one SQL statement, so a search costs what its page
// costs, not what the directory holds. The rules are those of opening-hours.ts and
// directory-search.ts (the reference implementation, kept as the test oracle); this file only
// translates them. Only the ids of a page come back; the schema loads the page's rows.
//
// Opening hours in SQL (design note in the README, "Directory search in the database"): weekly
// periods stay rows and are tested as ranges of minutes of the week (a GiST expression index).
// What varies per calendar date — exceptions, public holidays and commonly closed days, and the
// UTC offset around a daylight-saving change — is decided per local date of the asked-for
// window: Node computes each date's facts once per request (holidays.ts, the same
// instant-at-wall-clock rule as opening-hours.ts), SQL applies them per centre.
import type { IntakeStatus } from "../../generated/prisma/enums.ts";
import type { Prisma } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import {
  boundingBox,
  originOf,
  resolveTimeCriterion,
  type CentreSearchFilter,
  type Point,
  type TimeCriterion,
  type ServiceSearchFilter,
  SERVICE_VISIT_HORIZON_DAYS,
  type TermCode,
  validateAge,
} from "./directory-search.ts";
import { commonlyClosedDayOn, publicHolidayOn } from "./holidays.ts";
import { centrePageRowOf, centreRowColumnsSql, type CentrePageRow as CentreRow, type CentreRowJson } from "./centre-page-rows.ts";
import { localDateTime } from "./centre-schedule.ts";
import { addDays, instantAtWallClock, isoWeekdayOf, localDateOf } from "../../shared/copenhagen-time.ts";

const MINUTES_PER_DAY = 1440;
const MILLISECONDS_PER_MINUTE = 60_000;
// Openings of a date end at most at the next midnight + 1440 (an overnight period).
const LAST_MINUTE_OF_A_DATE = 2 * MINUTES_PER_DAY;
// earth_box is a cube around the origin on earthdistance's sphere (radius 6378168 m); our
// distances use haversine on 6371.0088 km. Scaling the box by the radii (plus a hair) keeps it
// a superset of the exact haversine radius that filters afterwards.
const EARTH_BOX_SCALE = (6_378_168 / 6_371_008.8) * 1.0001;
// openElsewhere reads nearest-first from the GiST index and re-sorts by exact distance and name;
// a few extra rows cover ties at the cut.
const NEAREST_SLACK = 20;

export interface CentreCursor {
  score: number;
  isOpenNow: boolean;
  distanceKm: number | null;
  nameKey: string;
  id: string;
}

export interface CentrePageRow extends CentreCursor {
  cursor: string;
  /** The centre with its periods, exceptions and activities, from the same statement. */
  centre: CentreRow | null;
}

export interface CentrePage {
  rows: CentrePageRow[];
  hasNextPage: boolean;
}

export interface ServicePageRow {
  id: string;
  cursor: string;
}

/** One local date of a window, with what SQL needs to place that date's openings in time. */
interface QueryDay {
  d: string;
  wd: number;
  /** 0 ordinary, 1 public holiday, 2 commonly closed day. */
  kind: 0 | 1 | 2;
  /** The date's midnight read as if the wall clock were UTC, in ms. */
  base: number;
  /** UTC offset in minutes before the date's switch minute `sw`, and from it on. */
  o1: number;
  sw: number;
  o2: number;
  /** Minutes of the week a weekly period must overlap to touch the window (a superset). */
  lo: number;
  hi: number;
}

/** Builds positional parameters with explicit casts, so both adapters send plain values. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }

  json(value: unknown): string {
    return this.add(JSON.stringify(value), "jsonb");
  }

  /** A text[] (or enum[] with cast) from a JSON array, which both adapters pass as a string. */
  array(values: readonly string[], elementType: string): string {
    return `(ARRAY(SELECT jsonb_array_elements_text(${this.json(values)})))::${elementType}[]`;
  }
}

/** What places the wall-clock minutes of one local date in time (see QueryDay). */
export function dateFacts(date: string): Omit<QueryDay, "lo" | "hi"> {
  const base = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (minute: number) =>
    (base + minute * MILLISECONDS_PER_MINUTE - instantAtWallClock(date, minute).getTime()) / MILLISECONDS_PER_MINUTE;
  const o1 = offsetAt(0);
  const o2 = offsetAt(LAST_MINUTE_OF_A_DATE);
  // Copenhagen changes its offset at most once in two days: find the first minute on the new one.
  let sw = LAST_MINUTE_OF_A_DATE + 1;
  if (o1 !== o2) {
    let low = 0;
    let high = LAST_MINUTE_OF_A_DATE;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle) === o2) high = middle;
      else low = middle + 1;
    }
    sw = low;
  }
  return {
    d: date,
    wd: isoWeekdayOf(date),
    kind: publicHolidayOn(date) ? 1 : commonlyClosedDayOn(date) ? 2 : 0,
    base,
    o1,
    sw,
    o2,
  };
}

/** The local dates a window touches (starting a day early: an overnight opening spills over). */
function queryDates(from: Date, to: Date): string[] {
  const dates: string[] = [];
  const lastDate = localDateOf(to);
  for (let date = addDays(localDateOf(from), -1); date <= lastDate; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function queryDays(from: Date, to: Date): QueryDay[] {
  return queryDates(from, to).map((date) => {
    const facts = dateFacts(date);
    const { base, o1, o2 } = facts;
    const weekStart = (facts.wd - 1) * MINUTES_PER_DAY;
    const lo = Math.floor((from.getTime() - base) / MILLISECONDS_PER_MINUTE + Math.min(o1, o2)) - 1;
    const hi = Math.ceil((to.getTime() - base) / MILLISECONDS_PER_MINUTE + Math.max(o1, o2)) + 1;
    return {
      ...facts,
      lo: weekStart + Math.max(lo, -1),
      hi: weekStart + Math.max(Math.min(hi, LAST_MINUTE_OF_A_DATE + 1), Math.max(lo, -1)),
    };
  });
}

/** The week-minute range of a period, exactly as the GiST index "OpeningPeriod_week_minutes_idx" has it. */
const periodWeekRange = (alias: string) =>
  `int4range((${alias}."weekday" - 1) * 1440 + ${alias}."startMinute", ` +
  `(${alias}."weekday" - 1) * 1440 + ${alias}."endMinute" + CASE WHEN ${alias}."isOvernight" THEN 1440 ELSE 0 END)`;

/**
 * SQL that is true when centre `c` has an opening overlapping [from, to): the date's exception,
 * else the holiday or closed-day policy, else the weekly periods (opening-hours.ts precedence).
 */
export function openDuringSql(parameters: Parameters, from: Date, to: Date, centre = "c"): string {
  const days = parameters.json(queryDays(from, to));
  const fromMs = parameters.add(from.getTime(), "float8");
  const toMs = parameters.add(to.getTime(), "float8");
  const instant = (minute: string) =>
    `(q.base + (${minute} - CASE WHEN ${minute} < q.sw THEN q.o1 ELSE q.o2 END) * 60000::float8)`;
  const noException = `NOT EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = ${centre}."id" AND x."date" = q.d)`;
  const policyHours = (kind: number, policy: string, start: string, end: string) => `
      SELECT ${centre}."${start}", ${centre}."${end}" + CASE WHEN ${centre}."${end}" < ${centre}."${start}" THEN 1440 ELSE 0 END
      WHERE q.kind = ${kind} AND ${centre}."${policy}" = 'SPECIAL_HOURS'
        AND ${centre}."${start}" IS NOT NULL AND ${centre}."${end}" IS NOT NULL AND ${noException}`;
  return `EXISTS (
    SELECT 1
    FROM jsonb_to_recordset(${days}) AS q(d date, wd int, kind int, base float8, o1 int, sw int, o2 int, lo int, hi int)
    CROSS JOIN LATERAL (
      SELECT p."startMinute" AS s, p."endMinute" + CASE WHEN p."isOvernight" THEN 1440 ELSE 0 END AS e
      FROM "OpeningPeriod" p
      WHERE p."centreId" = ${centre}."id" AND p."weekday" = q.wd
        AND ${periodWeekRange("p")} && int4range(q.lo, q.hi)
        AND (q.kind = 0 OR (q.kind = 1 AND ${centre}."publicHolidayPolicy" = 'NORMAL_HOURS')
             OR (q.kind = 2 AND ${centre}."commonClosedDaysPolicy" = 'NORMAL_HOURS'))
        AND ${noException}
      UNION ALL
      SELECT x."startMinute", x."endMinute" + CASE WHEN x."endMinute" < x."startMinute" THEN 1440 ELSE 0 END
      FROM "OpeningException" x
      WHERE x."centreId" = ${centre}."id" AND x."date" = q.d
        AND x."startMinute" IS NOT NULL AND x."endMinute" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "OpeningException" y
                        WHERE y."centreId" = ${centre}."id" AND y."date" = q.d AND y."kind" = 'CLOSED')
      UNION ALL ${policyHours(1, "publicHolidayPolicy", "publicHolidayStartMinute", "publicHolidayEndMinute")}
      UNION ALL ${policyHours(2, "commonClosedDaysPolicy", "commonClosedDaysStartMinute", "commonClosedDaysEndMinute")}
    ) AS o
    WHERE ${instant("o.s")} < ${toMs} AND ${instant("o.e")} > ${fromMs} AND ${instant("o.e")} > ${instant("o.s")}
  )`;
}

/**
 * The same test as openDuringSql, read from the materialised intervals ("CentreOpenInterval", kept
 * in step by triggers): one probe of the centre's key for the window's dates. Only valid when the
 * calendar covers those dates (calendarCoversSql); the statements fall back to openDuringSql when
 * it does not.
 */
function materialisedOpenSql(parameters: Parameters, from: Date, to: Date, centre = "c"): string {
  // No condition on the date: an interval of a date outside the window's dates cannot overlap it.
  // "OFFSET 0" keeps the test a per-row probe of the key: PostgreSQL would otherwise turn it into
  // a join or a hashed subplan over every open interval, which costs what the directory holds and
  // loses the index order the tiers and the nearest-first walk rely on to stop early.
  // The overlap is written on the columns (not as a range) so that the probe reads the centre's
  // key ("CentreOpenInterval_pkey") and never the range index, which serves whole-directory asks.
  return `EXISTS (SELECT 1 FROM "CentreOpenInterval" i
    WHERE i."centreId" = ${centre}."id"
      AND i."startMs" < ${parameters.add(to.getTime(), "int8")} AND i."endMs" > ${parameters.add(from.getTime(), "int8")}
    OFFSET 0)`;
}

/** True when the materialised calendar holds every local date the windows touch. */
function calendarCoversSql(parameters: Parameters, windows: readonly (readonly [Date, Date])[]): string {
  const dates = [...new Set(windows.flatMap(([from, to]) => queryDates(from, to)))];
  return `((SELECT count(*) FROM "DirectoryCalendarDay" WHERE "date" = ANY(${parameters.array(dates, "date")})) = ${parameters.add(dates.length, "int8")})`;
}

type OpenTest = (parameters: Parameters, from: Date, to: Date) => string;
const computedOpen: OpenTest = (parameters, from, to) => openDuringSql(parameters, from, to);
const materialisedOpen: OpenTest = (parameters, from, to) => materialisedOpenSql(parameters, from, to);

/**
 * Runs a statement with the materialised opening-hours test when the calendar holds the windows'
 * dates, else (the gate says so in the same statement; the materialised part is then never run)
 * runs it again with the computed test. Two statements only when the calendar is not in place.
 * The computed variant is never part of the first statement: its cost estimate alone would make
 * PostgreSQL JIT-compile the whole plan (seconds).
 */
async function queryWithOpenTest<Row extends object>(
  prisma: Prisma,
  windows: readonly (readonly [Date, Date])[],
  build: (parameters: Parameters, open: OpenTest, materialised: boolean) => string,
  orderBy = "",
  /** Further columns per result row, computed only for the rows returned; `id` names the row's id. */
  columns: ((id: string) => string) | null = null,
): Promise<Row[]> {
  const parameters = new Parameters();
  const covered = calendarCoversSql(parameters, windows);
  const body = build(parameters, materialisedOpen, true);
  // Prepared and planned once per shape: the tiers and the calendar gate decide at run time, so
  // one plan serves every value (see ReadPrepared).
  const rows = await prisma.$readPrepared<Row & { __covered: boolean; __row: boolean | null }>(
    `SELECT m.*, g."covered" AS "__covered"${columns ? `, ${columns('m."id"')}` : ""} FROM (SELECT ${covered} AS "covered") AS g
     LEFT JOIN LATERAL (SELECT b.*, TRUE AS "__row" FROM (${body}) AS b WHERE g."covered") AS m ON TRUE
     ${orderBy}`,
    parameters.values,
  );
  if (rows[0]?.__covered) {
    return rows
      .filter((row) => row.__row)
      .map(({ __covered: _covered, __row: _row, ...row }) => row as unknown as Row);
  }
  const computed = new Parameters();
  const statement = build(computed, computedOpen, false);
  return prisma.$queryRawUnsafe<Row[]>(
    columns ? `SELECT b.*, ${columns('b."id"')} FROM (${statement}) AS b ${orderBy}` : statement,
    ...computed.values,
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** True when the entry's age limits (null: none on that side) admit the age. */
function ageAdmitsSql(alias: string, age: string): string {
  return `(${alias}."minAge" IS NULL OR ${alias}."minAge" <= ${age}) AND (${alias}."maxAge" IS NULL OR ${alias}."maxAge" >= ${age})`;
}

/** How many of a row's values are among the wanted ones (directory-search.ts `matched`). */
function matchedCountSql(column: string, wanted: string): string {
  return `(SELECT count(*) FROM unnest(${column}) AS value WHERE value = ANY(${wanted}))::int`;
}

/** Anonymous welcome and age, the same criteria (one point each) for centres and services. */
function welcomeCriteria(
  parameters: Parameters,
  filter: { isAnonymousWelcome?: boolean | null; age?: number | null },
  alias: string,
  where: string[],
  scoreTerms: string[],
): void {
  if (filter.isAnonymousWelcome) {
    where.push(`${alias}."isAnonymousWelcome"`);
    scoreTerms.push("1");
  }
  if (filter.age != null) {
    where.push(ageAdmitsSql(alias, parameters.add(filter.age, "int")));
    scoreTerms.push("1");
  }
}

/** Words in the name or description (one point). */
function textCriterion(parameters: Parameters, filter: { text?: string | null }, alias: string, where: string[], scoreTerms: string[]): void {
  const text = filter.text?.trim();
  if (!text) return;
  const pattern = parameters.add(`%${escapeLike(text)}%`, "text");
  where.push(`(${alias}."name" ILIKE ${pattern} OR ${alias}."description" ILIKE ${pattern})`);
  scoreTerms.push("1");
}

interface CentreQueryParts {
  where: string[];
  score: string;
  /** The score when it is the same for every matching centre (no set filter), else null. */
  constantScore: number | null;
  distance: string;
}

interface CentreSearchContext {
  time: TimeCriterion | null;
  origin: Point | null;
  /** The windows the statement tests: "open now", and the filter's window if any. */
  windows: (readonly [Date, Date])[];
  now: Date;
}

async function centreSearchContext(prisma: Prisma, filter: CentreSearchFilter, now: Date): Promise<CentreSearchContext> {
  validateAge(filter.age);
  const time = resolveTimeCriterion(filter, now);
  const origin = await originOf(prisma, filter.near);
  const windows: (readonly [Date, Date])[] = [[now, new Date(now.getTime() + 1)]];
  if (time) windows.push(time.kind === "at" ? [time.at, new Date(time.at.getTime() + 1)] : [time.from, time.to]);
  return { time, origin, windows, now };
}

function centreQueryParts(parameters: Parameters, filter: CentreSearchFilter, context: CentreSearchContext, open: OpenTest): CentreQueryParts {
  const { time, origin } = context;
  const where: string[] = [];
  const scoreTerms: string[] = ["0"];
  let isScoreConstant = true;
  const setFilter = (values: readonly string[] | null | undefined, column: string, type: string, operator: "&&" | "@>") => {
    if (!values?.length) return;
    const wanted = parameters.array(values, type);
    where.push(`c."${column}" ${operator} ${wanted}`);
    scoreTerms.push(matchedCountSql(`c."${column}"`, wanted));
    isScoreConstant = false;
  };
  setFilter(filter.targetGroups, "targetGroups", "text", "&&");
  setFilter(filter.offers, "offers", "text", "&&");
  setFilter(filter.accessibility, "accessibility", '"AccessibilityFeature"', "@>");
  setFilter(filter.languages, "languages", "text", "&&");
  welcomeCriteria(parameters, filter, "c", where, scoreTerms);
  textCriterion(parameters, filter, "c", where, scoreTerms);
  if (time) {
    const [from, to] = time.kind === "at" ? [time.at, new Date(time.at.getTime() + 1)] : [time.from, time.to];
    where.push(open(parameters, from, to));
    scoreTerms.push("1");
  }
  let distance = "NULL::float8";
  if (origin && filter.near) {
    const latitude = parameters.add(origin.latitude, "float8");
    const longitude = parameters.add(origin.longitude, "float8");
    distance = `directory_haversine_km(${latitude}, ${longitude}, c."latitude", c."longitude")`;
    const boxMetres = parameters.add(filter.near.radiusKm * 1000 * EARTH_BOX_SCALE, "float8");
    where.push(`earth_box(ll_to_earth(${latitude}, ${longitude}), ${boxMetres}) @> ll_to_earth(c."latitude", c."longitude")`);
    where.push(`${distance} <= ${parameters.add(filter.near.radiusKm, "float8")}`);
    const box = boundingBox(origin, filter.near.radiusKm);
    where.push(
      `c."latitude" BETWEEN ${parameters.add(box.latitude.gte, "float8")} AND ${parameters.add(box.latitude.lte, "float8")} ` +
        `AND c."longitude" BETWEEN ${parameters.add(box.longitude.gte, "float8")} AND ${parameters.add(box.longitude.lte, "float8")}`,
    );
    scoreTerms.push("1");
  }
  if (filter.near?.centreId) where.push(`c."id" <> ${parameters.add(filter.near.centreId, "text")}`);
  return {
    where,
    score: scoreTerms.join(" + "),
    constantScore: isScoreConstant ? scoreTerms.length - 1 : null,
    distance,
  };
}

const CENTRE_ORDER = `ORDER BY "score" DESC, "isOpenNow" DESC, "distanceKm" ASC NULLS LAST, "nameKey", "id"`;
const NAME_ORDER = `ORDER BY directory_name_key(c."name") COLLATE "C", c."id"`;
// How many centres a tier reads in name order before it asks the interval index instead: a tier
// denser than (page size + 1) / TIER_WALK fills its page within the walk. Each centre of the walk
// costs one or two probes of the interval key; a sparse tier (no one open at 17:45, when the
// afternoons have ended and the evenings not begun) reads the whole walk before it falls back,
// which at 1,000 cost about 20 ms of the database's time per search.
const TIER_WALK = 200;
let tierWalk = TIER_WALK;
// openElsewhere's nearest-first walk is longer: it needs up to 40 matches (its page and the slack
// for exact distances), among centres that share a target group and are open at that moment. At
// 30,000 centres at 19:15 a walk of 200 found too few and fell back to every centre open then
// (7,500): 90 ms of the database's time instead of about 10.
const NEAREST_WALK_FACTOR = 5;
/** A shorter walk makes the property test reach the interval-index fallback with small directories. */
export function setTierWalkForTests(length: number | null): void {
  tierWalk = length ?? TIER_WALK;
}

/**
 * The page statement for one way of testing opening hours. With the materialised test, a search
 * whose score is the same for every match and which has no distance (the broad "open this
 * evening") reads two tiers, "open now" and then the rest, each in name order from
 * "Centre_name_key_idx" and stopped after the page: its cost no longer grows with the directory.
 */
function centrePageSql(
  parameters: Parameters,
  filter: CentreSearchFilter,
  context: CentreSearchContext,
  after: CentreCursor | null,
  limit: string,
  open: OpenTest,
  readTiers: boolean,
): string {
  const { where, score, constantScore, distance } = centreQueryParts(parameters, filter, context, open);
  const nowWindow = context.windows[0]!;
  const isOpenNow = open(parameters, nowWindow[0], nowWindow[1]);
  const matches = where.length ? where.join(" AND ") : "TRUE";
  const nameKey = `directory_name_key(c."name") COLLATE "C"`;
  if (readTiers && constantScore !== null && distance === "NULL::float8") {
    const tierAfter = (tierIsOpenNow: boolean): string => {
      if (!after) return "TRUE";
      if (after.score !== constantScore) return after.score > constantScore ? "TRUE" : "FALSE";
      if (after.isOpenNow !== tierIsOpenNow) return after.isOpenNow ? "TRUE" : "FALSE";
      // Every row has no distance (0 in the cursor's comparison, as in centreKeysetSql).
      const distanceKm = after.distanceKm ?? 0;
      if (distanceKm !== 0) return distanceKm < 0 ? "TRUE" : "FALSE";
      return `(${nameKey}, c."id") > (${parameters.add(after.nameKey, "text")} COLLATE "C", ${parameters.add(after.id, "text")})`;
    };
    const openIds = ([from, to]: readonly [Date, Date]) =>
      `ARRAY(SELECT DISTINCT i."centreId" FROM "CentreOpenInterval" i
             WHERE int8range(i."startMs", i."endMs") && int8range(${parameters.add(from.getTime(), "int8")}, ${parameters.add(to.getTime(), "int8")}))`;
    const filterWindow = context.windows[1];
    const tier = (name: string, tierIsOpenNow: boolean, gate: string) => {
      const columns = `c."id", ${constantScore}::int AS "score", ${tierIsOpenNow} AS "isOpenNow", NULL::float8 AS "distanceKm", ${nameKey} AS "nameKey"`;
      const condition = `${matches} AND ${tierIsOpenNow ? "" : "NOT "}${isOpenNow}`;
      const afterCursor = tierAfter(tierIsOpenNow);
      // Candidates when the walk falls short: from the interval index, so a sparse tier costs
      // its own size (the centres open now, or open in the window), not the directory's.
      const candidates = tierIsOpenNow ? openIds(nowWindow) : filterWindow ? openIds(filterWindow) : null;
      // The walk's order is the subquery's output column, so the planner keeps the index order
      // and stops after the page instead of testing every centre of the walk.
      return `${name}_walk AS MATERIALIZED (
          SELECT ${columns.replace(`${nameKey} AS "nameKey"`, `c."walkKey" AS "nameKey"`)}
          FROM (SELECT c.*, ${nameKey} AS "walkKey" FROM "Centre" c WHERE ${gate} AND ${afterCursor} ${NAME_ORDER} LIMIT ${tierWalk}) AS c
          WHERE ${condition}
          ORDER BY c."walkKey", c."id" LIMIT ${limit}
        ),
        ${name} AS MATERIALIZED (
          SELECT * FROM ${name}_walk WHERE (SELECT count(*) FROM ${name}_walk) >= ${limit}
          UNION ALL
          (SELECT ${columns} FROM "Centre" c
           WHERE ${gate} AND (SELECT count(*) FROM ${name}_walk) < ${limit}
             ${candidates ? `AND c."id" = ANY(${candidates})` : ""} AND ${condition} AND ${afterCursor}
           ${NAME_ORDER} LIMIT ${limit})
        )`;
    };
    return `WITH ${tier("open_now", true, "TRUE")},
      ${tier("not_open_now", false, `(SELECT count(*) FROM open_now) < ${limit}`)}
      SELECT * FROM open_now UNION ALL SELECT * FROM not_open_now`;
  }
  const keyset = after ? centreKeysetSql(parameters, after) : "TRUE";
  return `SELECT r.* FROM (
       SELECT c."id", ${score} AS "score", ${isOpenNow} AS "isOpenNow", ${distance} AS "distanceKm", ${nameKey} AS "nameKey"
       FROM "Centre" c
       WHERE ${matches}
     ) AS r
     WHERE ${keyset}
     ${CENTRE_ORDER}
     LIMIT ${limit}`;
}

/**
 * One page of the centre ranking: best fit, open now, nearest, name (Danish order), then id.
 * Keyset pagination: the cursor is the last row's sort key, so pages never repeat or skip.
 * The materialised intervals answer when the calendar covers the asked-for dates, the computed
 * test otherwise (queryWithOpenTest).
 */
export async function searchCentrePage(
  prisma: Prisma,
  filter: CentreSearchFilter,
  now: Date,
  page: { first: number; after: string | null },
): Promise<CentrePage> {
  const context = await centreSearchContext(prisma, filter, now);
  const after = page.after ? decodeCursor<CentreCursor>(page.after, ["score", "isOpenNow", "distanceKm", "nameKey", "id"]) : null;
  type Row = { id: string; score: number; isOpenNow: boolean; distanceKm: number | null; nameKey: string } & CentreRowJson;
  // The page's rows come with the ranking: one round trip to the database for the whole page.
  const rows = await queryWithOpenTest<Row>(
    prisma,
    context.windows,
    (parameters, open, materialised) =>
      centrePageSql(parameters, filter, context, after, parameters.add(page.first + 1, "int"), open, materialised),
    CENTRE_ORDER,
    centreRowColumnsSql,
  );
  const pageRows = rows.slice(0, page.first).map((row) => {
    const key: CentreCursor = {
      score: Number(row.score),
      isOpenNow: row.isOpenNow,
      distanceKm: row.distanceKm === null ? null : Number(row.distanceKm),
      nameKey: row.nameKey,
      id: row.id,
    };
    return { ...key, cursor: encodeCursor(key), centre: centrePageRowOf(row) };
  });
  return { rows: pageRows, hasNextPage: rows.length > page.first };
}

/** How many centres fit the filter (only computed when a client asks for totalCount). */
export async function countCentres(prisma: Prisma, filter: CentreSearchFilter, now: Date): Promise<number> {
  const context = await centreSearchContext(prisma, filter, now);
  const [row] = await queryWithOpenTest<{ count: number }>(prisma, context.windows, (parameters, open) => {
    const { where } = centreQueryParts(parameters, filter, context, open);
    return `SELECT count(*)::int AS "count" FROM "Centre" c WHERE ${where.length ? where.join(" AND ") : "TRUE"}`;
  });
  return Number(row?.count ?? 0);
}

// Rows after the cursor in (score desc, isOpenNow desc, distance asc, nameKey, id) order.
function centreKeysetSql(parameters: Parameters, after: CentreCursor): string {
  const score = parameters.add(after.score, "int");
  const isOpenNow = parameters.add(after.isOpenNow, "boolean");
  const distance = parameters.add(after.distanceKm ?? 0, "float8");
  const nameKey = parameters.add(after.nameKey, "text");
  const id = parameters.add(after.id, "text");
  return `(r."score" < ${score} OR (r."score" = ${score} AND (
            (r."isOpenNow" < ${isOpenNow}) OR (r."isOpenNow" = ${isOpenNow} AND (
              coalesce(r."distanceKm", 0) > ${distance} OR (coalesce(r."distanceKm", 0) = ${distance} AND
                (r."nameKey", r."id") > (${nameKey} COLLATE "C", ${id})))))))`;
}

/** One page of the service ranking: best fit, taking new handovers, shortest wait, name, id. */
export async function searchServicePage(
  prisma: Prisma,
  filter: ServiceSearchFilter,
  page: { first: number; after: string | null },
  now: Date,
): Promise<{ rows: ServicePageRow[]; hasNextPage: boolean }> {
  const { parameters, where, score, distance } = await serviceQueryParts(prisma, filter, now);
  const after = page.after ? decodeCursor<ServiceCursor>(page.after, ["score", "intakeRank", "waitRank", "nameKey", "id"]) : null;
  let keyset = "TRUE";
  if (after) {
    const cursorScore = parameters.add(after.score, "int");
    const intake = parameters.add(after.intakeRank, "int");
    const wait = parameters.add(after.waitRank, "int");
    const nameKey = parameters.add(after.nameKey, "text");
    const id = parameters.add(after.id, "text");
    keyset = `(r."score" < ${cursorScore} OR (r."score" = ${cursorScore} AND
               (r."intakeRank", r."waitRank", r."nameKey", r."id") > (${intake}, ${wait}, ${nameKey} COLLATE "C", ${id})))`;
  }
  const limit = parameters.add(page.first + 1, "int");
  const rows = await prisma.$queryRawUnsafe<(ServiceCursor & { distanceKm: number | null })[]>(
    `SELECT r.* FROM (
       SELECT s."id", ${score} AS "score",
              CASE s."intakeStatus" WHEN 'OPEN' THEN 0 WHEN 'WAITING_LIST' THEN 1 ELSE 2 END AS "intakeRank",
              coalesce(s."typicalWaitDays", 2147483647) AS "waitRank",
              directory_name_key(s."name") COLLATE "C" AS "nameKey", ${distance} AS "distanceKm"
       FROM "Service" s
       WHERE ${where.length ? where.join(" AND ") : "TRUE"}
     ) AS r
     WHERE ${keyset}
     ORDER BY r."score" DESC, r."intakeRank", r."waitRank", r."nameKey", r."id"
     LIMIT ${limit}`,
    ...parameters.values,
  );
  return {
    rows: rows.slice(0, page.first).map((row) => {
      const key: ServiceCursor = {
        score: Number(row.score),
        intakeRank: Number(row.intakeRank),
        waitRank: Number(row.waitRank),
        nameKey: row.nameKey,
        id: row.id,
      };
      return { id: row.id, cursor: encodeCursor(key) };
    }),
    hasNextPage: rows.length > page.first,
  };
}

/** How many services fit the filter (only computed when a client asks for totalCount). */
export async function countServices(prisma: Prisma, filter: ServiceSearchFilter, now: Date): Promise<number> {
  const { parameters, where } = await serviceQueryParts(prisma, filter, now);
  const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS "count" FROM "Service" s WHERE ${where.length ? where.join(" AND ") : "TRUE"}`,
    ...parameters.values,
  );
  return Number(row?.count ?? 0);
}

interface ServiceCursor {
  score: number;
  intakeRank: number;
  waitRank: number;
  nameKey: string;
  id: string;
}

async function serviceQueryParts(prisma: Prisma, filter: ServiceSearchFilter, now: Date) {
  validateAge(filter.age);
  const origin = await originOf(prisma, filter.near);
  const parameters = new Parameters();
  const where: string[] = [];
  const scoreTerms: string[] = ["0"];
  // Visiting sessions are the visits module's confirmed visits: public facts ("this week at the
  // centre" shows them), read here as rows so the search stays one statement.
  const confirmedVisit = (condition: string) =>
    `EXISTS (SELECT 1 FROM "Visit" v WHERE v."serviceUnitId" = s."unitId" AND v."status" = 'CONFIRMED' AND ${condition})`;
  const inHorizon = () =>
    `v."endsAt" > ${parameters.add(now.toISOString(), "timestamp(3)")} ` +
    `AND v."startsAt" < ${parameters.add(new Date(now.getTime() + SERVICE_VISIT_HORIZON_DAYS * 86_400_000).toISOString(), "timestamp(3)")}`;
  if (filter.visitsCentreId) {
    where.push(confirmedVisit(`v."centreId" = ${parameters.add(filter.visitsCentreId, "text")} AND ${inHorizon()}`));
    scoreTerms.push("1");
  }
  if (filter.comesToCentres) {
    where.push(confirmedVisit(inHorizon()));
    scoreTerms.push("1");
  }
  if (filter.openAt) {
    const date = localDateOf(filter.openAt);
    const local = localDateTime(filter.openAt);
    const at = parameters.add(filter.openAt.toISOString(), "timestamp(3)");
    // Own hours: the weekday's periods, except on a public holiday (services close then).
    let ownHours = "FALSE";
    if (!publicHolidayOn(date)) {
      const minute = parameters.add(local.hour * 60 + local.minute, "int");
      ownHours = `EXISTS (SELECT 1 FROM "ServiceOpeningPeriod" p WHERE p."serviceId" = s."id" AND p."weekday" = ${parameters.add(isoWeekdayOf(date), "int")}
           AND p."startMinute" <= ${minute} AND p."endMinute" > ${minute})`;
    }
    where.push(`(${ownHours} OR ${confirmedVisit(`v."startsAt" <= ${at} AND v."endsAt" > ${at}`)})`);
    scoreTerms.push("1");
  }
  if (filter.kinds?.length) {
    const kinds = parameters.array(filter.kinds, '"ServiceKind"');
    where.push(`s."kind" = ANY(${kinds})`);
    scoreTerms.push("1");
  }
  if (filter.targetGroups?.length) {
    const groups = parameters.array(filter.targetGroups, "text");
    where.push(`s."targetGroups" && ${groups}`);
    scoreTerms.push(matchedCountSql(`s."targetGroups"`, groups));
  }
  if (filter.languages?.length) {
    const languages = parameters.array(filter.languages, "text");
    where.push(`s."languages" && ${languages}`);
    scoreTerms.push(matchedCountSql(`s."languages"`, languages));
  }
  if (filter.intakeStatuses?.length) {
    const statuses = parameters.array(filter.intakeStatuses as IntakeStatus[], '"IntakeStatus"');
    where.push(`s."intakeStatus" = ANY(${statuses})`);
    scoreTerms.push("1");
  }
  welcomeCriteria(parameters, filter, "s", where, scoreTerms);
  // A filter, not a fit criterion: it narrows the list and leaves the ranking alone.
  if (filter.isSignpostingOnly != null) where.push(`s."isSignpostingOnly" = ${parameters.add(filter.isSignpostingOnly, "boolean")}`);
  textCriterion(parameters, filter, "s", where, scoreTerms);
  let distance = "NULL::float8";
  if (origin && filter.near) {
    const latitude = parameters.add(origin.latitude, "float8");
    const longitude = parameters.add(origin.longitude, "float8");
    const located = `s."latitude" IS NOT NULL AND s."longitude" IS NOT NULL`;
    distance = `CASE WHEN ${located} THEN directory_haversine_km(${latitude}, ${longitude}, s."latitude", s."longitude") END`;
    const boxMetres = parameters.add(filter.near.radiusKm * 1000 * EARTH_BOX_SCALE, "float8");
    const radius = parameters.add(filter.near.radiusKm, "float8");
    // A service without an address comes to the citizen, so it is never out of range.
    where.push(
      `(NOT (${located}) OR (earth_box(ll_to_earth(${latitude}, ${longitude}), ${boxMetres}) @> ll_to_earth(s."latitude", s."longitude")
         AND ${located} AND directory_haversine_km(${latitude}, ${longitude}, s."latitude", s."longitude") <= ${radius}))`,
    );
    scoreTerms.push(`CASE WHEN ${located} THEN 1 ELSE 0 END`);
  }
  return { parameters, where, score: scoreTerms.join(" + "), distance };
}

/**
 * Centres sharing a target group with `centreId` that are open at `at`, read nearest-first
 * from the GiST index. Returns at most `limit + NEAREST_SLACK` candidates with their schedules;
 * the caller orders them exactly (distance, then name) and cuts.
 */
export async function nearestOpenCentres(
  prisma: Prisma,
  centreId: string,
  at: Date,
  limit: number,
): Promise<{ closed: { latitude: number; longitude: number; targetGroups: TermCode[] }; candidates: CentreRow[] }> {
  const [closed] = await prisma.$readPrepared<{ latitude: number; longitude: number; targetGroups: TermCode[] }>(
    `SELECT "latitude", "longitude", "targetGroups" FROM "Centre" WHERE "id" = $1::text`,
    [centreId],
  );
  if (!closed) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  if (closed.targetGroups.length === 0) return { closed, candidates: [] };
  const window = [at, new Date(at.getTime() + 1)] as const;
  const rows = await queryWithOpenTest<{ id: string } & CentreRowJson>(prisma, [window], (parameters, open, materialised) => {
    const id = parameters.add(centreId, "text");
    const groups = parameters.array(closed.targetGroups, "text");
    const origin = `ll_to_earth(${parameters.add(closed.latitude, "float8")}, ${parameters.add(closed.longitude, "float8")})`;
    const condition = `c."id" <> ${id} AND c."targetGroups" && ${groups} AND ${open(parameters, window[0], window[1])}`;
    const count = parameters.add(limit + NEAREST_SLACK, "int");
    const nearest = `ORDER BY ll_to_earth(c."latitude", c."longitude") <-> ${origin} LIMIT ${count}`;
    if (!materialised) return `SELECT c."id" FROM "Centre" c WHERE ${condition} ${nearest}`;
    // Nearest-first for a bounded number of centres; when too few of them are open, the centres
    // open at that moment come from the interval index instead (their number, not the directory's).
    return `WITH walk AS MATERIALIZED (
        SELECT c."id" FROM (SELECT c.* FROM "Centre" c ORDER BY ll_to_earth(c."latitude", c."longitude") <-> ${origin}
                            LIMIT ${tierWalk * NEAREST_WALK_FACTOR}) AS c
        WHERE ${condition} LIMIT ${count}
      )
      SELECT * FROM walk WHERE (SELECT count(*) FROM walk) >= ${count}
      UNION ALL
      (SELECT c."id" FROM "Centre" c
      WHERE (SELECT count(*) FROM walk) < ${count}
        AND c."id" = ANY(ARRAY(SELECT DISTINCT i."centreId" FROM "CentreOpenInterval" i
                               WHERE int8range(i."startMs", i."endMs") && int8range(${parameters.add(window[0].getTime(), "int8")}, ${parameters.add(window[1].getTime(), "int8")})))
        AND ${condition} ${nearest})`;
  }, "", centreRowColumnsSql);
  return { closed, candidates: rows.flatMap((row) => centrePageRowOf(row) ?? []) };
}

export interface CoverageSlot {
  /** 0-based: day index × 24 + local hour. */
  index: number;
  start: Date;
  end: Date;
}

/** For each hour slot of a week, the ids of centres for the target group open at some moment of it. */
export async function coverageCentreIds(
  prisma: Prisma,
  targetGroup: TermCode,
  weekFrom: Date,
  weekTo: Date,
  slots: readonly CoverageSlot[],
  withIds: boolean,
): Promise<Map<number, CoverageCell>> {
  const parameters = new Parameters();
  const days = parameters.json(queryDays(weekFrom, weekTo));
  const group = parameters.array([targetGroup], "text");
  const fromMs = parameters.add(weekFrom.getTime(), "float8");
  const toMs = parameters.add(weekTo.getTime(), "float8");
  const starts = parameters.add(JSON.stringify(slots.map((slot) => slot.start.getTime())), "jsonb");
  const ends = parameters.add(JSON.stringify(slots.map((slot) => slot.end.getTime())), "jsonb");
  const instant = (minute: string) =>
    `(q.base + (${minute} - CASE WHEN ${minute} < q.sw THEN q.o1 ELSE q.o2 END) * 60000::float8)`;
  const noException = `NOT EXISTS (SELECT 1 FROM "OpeningException" x WHERE x."centreId" = c."id" AND x."date" = q.d)`;
  const policyHours = (kind: number, policy: string, start: string, end: string) => `
      SELECT c."id", c."name", q.*, c."${start}" AS s, c."${end}" + CASE WHEN c."${end}" < c."${start}" THEN 1440 ELSE 0 END AS e
      FROM centre c CROSS JOIN q
      WHERE q.kind = ${kind} AND c."${policy}" = 'SPECIAL_HOURS'
        AND c."${start}" IS NOT NULL AND c."${end}" IS NOT NULL AND ${noException}`;
  // The week's dates and the day before (an overnight opening spills into Monday).
  const dates = queryDates(weekFrom, weekTo);
  const [calendar] = await prisma.$queryRawUnsafe<{ covered: number }[]>(
    `SELECT count(*)::int AS "covered" FROM "DirectoryCalendarDay" WHERE "date" = ANY($1::date[])`,
    dates,
  );
  if (calendar?.covered === dates.length) return coverageFromIntervals(prisma, { targetGroup, weekFrom, weekTo, slots, dates }, withIds);
  const rows = await prisma.$queryRawUnsafe<CoverageRow[]>(
    `WITH q AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset(${days}) AS q(d date, wd int, kind int, base float8, o1 int, sw int, o2 int, lo int, hi int)
     ),
     centre AS MATERIALIZED (
       SELECT c.* FROM "Centre" c WHERE c."targetGroups" && ${group}
     ),
     slot AS MATERIALIZED (
       SELECT start_value.ordinality::int AS i, start_value.value::float8 AS st, end_value.value::float8 AS en
       FROM jsonb_array_elements_text(${starts}) WITH ORDINALITY AS start_value(value, ordinality)
       JOIN jsonb_array_elements_text(${ends}) WITH ORDINALITY AS end_value(value, ordinality)
         ON end_value.ordinality = start_value.ordinality
     ),
     bounds AS (SELECT array_agg(st ORDER BY i) AS starts, array_agg(en ORDER BY i) AS ends FROM slot),
     opening AS (
       SELECT c."id", c."name", q.*, p."startMinute" AS s, p."endMinute" + CASE WHEN p."isOvernight" THEN 1440 ELSE 0 END AS e
       FROM centre c JOIN "OpeningPeriod" p ON p."centreId" = c."id" JOIN q ON p."weekday" = q.wd
       WHERE (q.kind = 0 OR (q.kind = 1 AND c."publicHolidayPolicy" = 'NORMAL_HOURS')
              OR (q.kind = 2 AND c."commonClosedDaysPolicy" = 'NORMAL_HOURS'))
         AND ${noException}
       UNION ALL
       SELECT c."id", c."name", q.*, x."startMinute", x."endMinute" + CASE WHEN x."endMinute" < x."startMinute" THEN 1440 ELSE 0 END
       FROM centre c JOIN "OpeningException" x ON x."centreId" = c."id" JOIN q ON x."date" = q.d
       WHERE x."startMinute" IS NOT NULL AND x."endMinute" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "OpeningException" y WHERE y."centreId" = c."id" AND y."date" = q.d AND y."kind" = 'CLOSED')
       UNION ALL ${policyHours(1, "publicHolidayPolicy", "publicHolidayStartMinute", "publicHolidayEndMinute")}
       UNION ALL ${policyHours(2, "commonClosedDaysPolicy", "commonClosedDaysStartMinute", "commonClosedDaysEndMinute")}
     ),
     span AS (
       SELECT q."id", q."name", ${instant("q.s")} AS a, ${instant("q.e")} AS b FROM opening AS q
     ),
     touched AS (
       SELECT DISTINCT iv."id", iv."name", slot.i
       FROM span AS iv CROSS JOIN bounds
       CROSS JOIN LATERAL generate_series(greatest(1, width_bucket(iv.a, bounds.ends)),
                                          width_bucket(iv.b - 1, bounds.starts)) AS candidate(i)
       JOIN slot ON slot.i = candidate.i
       WHERE iv.b > iv.a AND iv.a < ${toMs} AND iv.b > ${fromMs}
         AND CASE WHEN slot.en <= slot.st THEN iv.a <= slot.st AND slot.st < iv.b
                  ELSE iv.a < slot.en AND iv.b > slot.st END
     )
     ${COVERAGE_SELECT(parameters.add(withIds, "boolean"))}`,
    ...parameters.values,
  );
  return coverageCells(rows);
}

/** What coverage read from the materialised calendar asks about. */
interface CoverageWeek {
  targetGroup: TermCode;
  weekFrom: Date;
  weekTo: Date;
  slots: readonly CoverageSlot[];
  /** The week's dates and the day before. */
  dates: readonly string[];
}

/** One hour of the week: how many centres are open in it, and which (only when asked for). */
export interface CoverageCell {
  count: number;
  ids: string[];
}

interface CoverageRow {
  slot: number;
  count: number;
  ids: string[] | null;
}

// The ids cost what they weigh (thousands per hour in a national directory): sent only when asked.
const COVERAGE_SELECT = (withIds: string) =>
  `SELECT i - 1 AS "slot", count(*)::int AS "count",
          CASE WHEN ${withIds} THEN array_agg("id" ORDER BY "name", "id") END AS "ids"
   FROM touched GROUP BY i`;

function coverageCells(rows: readonly CoverageRow[]): Map<number, CoverageCell> {
  return new Map(rows.map((row) => [Number(row.slot), { count: Number(row.count), ids: row.ids ?? [] }]));
}

/**
 * coverageCentreIds read from the materialised calendar, when it holds the week: the counts alone
 * from the kept counts per hour; the ids from the centres' own intervals for those dates (an
 * index range of the key per centre). Never a computation over every period and exception.
 */
async function coverageFromIntervals(prisma: Prisma, week: CoverageWeek, withIds: boolean): Promise<Map<number, CoverageCell>> {
  if (!withIds) return coverageCountsFromTable(prisma, week);
  const rows = await prisma.$queryRawUnsafe<CoverageRow[]>(
    `WITH slot AS MATERIALIZED (
       SELECT ordinality::int AS i, st, en
       FROM unnest($3::float8[], $4::float8[]) WITH ORDINALITY AS s(st, en, ordinality)
     ),
     bounds AS (SELECT $3::float8[] AS starts, $4::float8[] AS ends),
     touched AS (
       SELECT DISTINCT c."id", c."name", slot.i
       FROM "Centre" c
       JOIN "CentreOpenInterval" iv ON iv."centreId" = c."id" AND iv."date" = ANY($2::date[])
       CROSS JOIN bounds
       CROSS JOIN LATERAL generate_series(greatest(1, width_bucket(iv."startMs"::float8, bounds.ends)),
                                          width_bucket(iv."endMs"::float8 - 1, bounds.starts)) AS candidate(i)
       JOIN slot ON slot.i = candidate.i
       WHERE c."targetGroups" && $1::text[]
         AND iv."endMs" > iv."startMs" AND iv."startMs" < $6 AND iv."endMs" > $5
         AND CASE WHEN slot.en <= slot.st THEN iv."startMs" <= slot.st AND slot.st < iv."endMs"
                  ELSE iv."startMs" < slot.en AND iv."endMs" > slot.st END
     )
     ${COVERAGE_SELECT("$7::boolean")}`,
    [week.targetGroup],
    week.dates,
    week.slots.map((slot) => slot.start.getTime()),
    week.slots.map((slot) => slot.end.getTime()),
    week.weekFrom.getTime(),
    week.weekTo.getTime(),
    withIds,
  );
  return coverageCells(rows);
}

/**
 * The counts of coverageFromIntervals, read from "DirectoryCoverageHour": the number of centres
 * of the group open at some moment of each local hour of each calendar date, kept in step with
 * the hours, the target groups and the calendar by triggers (migration
 * 20261203_2000_i13_coverage_counts). At most 7 × 24 rows, whatever the directory holds; the
 * slots are the week's local hours, so a slot's index is its day index × 24 + its hour. Valid
 * when the calendar holds the week and the day before (a date's counts include the night
 * before's openings), which coverageCentreIds has checked.
 */
async function coverageCountsFromTable(prisma: Prisma, week: CoverageWeek): Promise<Map<number, CoverageCell>> {
  const rows = await prisma.$queryRawUnsafe<{ slot: number; count: number }[]>(
    `SELECT ("date" - $2::date) * 24 + "hour" AS "slot", "count"
     FROM "DirectoryCoverageHour"
     WHERE "targetGroup" = $1 AND "date" BETWEEN $2::date AND $2::date + 6`,
    week.targetGroup,
    localDateOf(week.weekFrom),
  );
  return new Map(rows.map((row) => [Number(row.slot), { count: Number(row.count), ids: [] }]));
}

function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decodeCursor<Value extends object>(cursor: string, keys: readonly (keyof Value)[]): Value {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = null;
  }
  if (typeof value !== "object" || value === null || keys.some((key) => !(key in value))) {
    throw ValidationError.single("after", {
      da: "Markøren (after) er ugyldig; start søgningen forfra.",
      en: "The cursor (after) is not valid; start the search again.",
    });
  }
  return value as Value;
}
