// Directory search rules: which centres and services fit a citizen, ranked by fit, each with the
// human-readable reasons it fits.
//
// The requests are answered by the database (directory-query.ts), which ranks and pages in
// SQL. The ranking functions here (rankCentres, rankServices, findOpenAlternatives) are the
// REFERENCE IMPLEMENTATION of the same rules: plain TypeScript over every candidate row, kept as
// the test oracle (tests/directory-search-property.test.ts) and never called on a request.
// The reasons for a page's rows are computed here, from the page's rows only.
import type { DateTime } from "luxon";
import type { Activity, Service } from "../../generated/prisma/client.ts";
import type { AccessibilityFeature, IntakeStatus, ServiceKind } from "../../generated/prisma/enums.ts";
import type { Prisma } from "../../db/database.ts";
import { NotFoundError, ValidationError, type LocalizedText } from "../../shared/errors.ts";
import {
  localDateTime,
  scheduleOf,
  SCHEDULE_INCLUDE,
  type CentreWithSchedule,
} from "./centre-schedule.ts";
import {
  ACCESSIBILITY_LABELS,
  formatKilometres,
  formatMinuteOfDay,
  INTAKE_STATUS_LABELS,
  joinLabels,
  languageLabel,
  lowerFirst,
  SERVICE_KIND_LABELS,
} from "./directory-labels.ts";
import { openIntervalsBetween, openingStatusAt, type OpeningSchedule } from "./opening-hours.ts";
import { loadTaxonomy, type Taxonomy } from "./taxonomy.ts";
import { addDays, formatClock, formatWeekdayName, instantAtWallClock, type IsoWeekday, isoWeekdayOf, localDateOf } from "../../shared/copenhagen-time.ts";

export const REASON_KINDS = [
  "TARGET_GROUP",
  "OFFER",
  "ACCESSIBILITY",
  "LANGUAGE",
  "ANONYMOUS",
  "OPEN_NOW",
  "OPEN_AT",
  "OPEN_DURING",
  "STAFFING",
  "ACTIVITY",
  "DISTANCE",
  "TEXT",
  "VISITS_CENTRE",
  "SERVICE_KIND",
  "INTAKE",
  /** Measured responsiveness of a service (needs-first proposals). */
  "RESPONSIVENESS",
  "AGE",
  "SIGNPOSTING",
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason extends LocalizedText {
  kind: ReasonKind;
}

export const OPEN_PRESETS = [
  "NOW",
  "THIS_EVENING",
  "WEEKEND",
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const;
export type OpenPreset = (typeof OPEN_PRESETS)[number];

export interface NearFilter {
  latitude?: number | null;
  longitude?: number | null;
  centreId?: string | null;
  radiusKm: number;
}

/** A taxonomy term's code (taxonomy.ts): target groups and offers are data, not enums. */
export type TermCode = string;

export interface CentreSearchFilter {
  targetGroups?: TermCode[] | null;
  offers?: TermCode[] | null;
  accessibility?: AccessibilityFeature[] | null;
  languages?: string[] | null;
  isAnonymousWelcome?: boolean | null;
  /** A citizen's age in years: only centres whose age limits (if any) admit it. */
  age?: number | null;
  openAt?: Date | null;
  openDuring?: { from: Date; to: Date } | null;
  openPreset?: OpenPreset | null;
  near?: NearFilter | null;
  text?: string | null;
}

export interface ServiceSearchFilter {
  kinds?: ServiceKind[] | null;
  targetGroups?: TermCode[] | null;
  languages?: string[] | null;
  intakeStatuses?: IntakeStatus[] | null;
  isAnonymousWelcome?: boolean | null;
  /** A citizen's age in years: only services whose age limits (if any) admit it. */
  age?: number | null;
  /** true: only signposting-only entries (no inbox); false: only services that receive handovers. */
  isSignpostingOnly?: boolean | null;
  near?: NearFilter | null;
  text?: string | null;
  /**
   * Open at this instant: by the service's own weekly hours (closed on public holidays), or at a
   * confirmed visiting session at a centre. Answered by the database only (directory-query.ts);
   * the reference ranking here does not know these three criteria.
   */
  openAt?: Date | null;
  /** Comes to this centre: a confirmed visit there within SERVICE_VISIT_HORIZON_DAYS. */
  visitsCentreId?: string | null;
  /** Comes to some centre: a confirmed visit within SERVICE_VISIT_HORIZON_DAYS. */
  comesToCentres?: boolean | null;
}

/** How far ahead a confirmed visit makes a service one that "comes to the centres". */
export const SERVICE_VISIT_HORIZON_DAYS = 28;

export interface RankedCentre {
  centre: CentreWithSchedule;
  schedule: OpeningSchedule;
  score: number;
  isOpenNow: boolean;
  distanceKm: number | null;
}

export interface RankedService {
  service: Service;
  score: number;
  distanceKm: number | null;
}

export interface OpenAlternative {
  centre: CentreWithSchedule;
  distanceKm: number;
  closesAt: Date | null;
  reasons: Reason[];
}

export type TimeCriterion =
  | { kind: "at"; at: Date; isNow: boolean }
  | { kind: "window"; from: Date; to: Date };

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = 111.32;
const MILLISECONDS_PER_DAY = 86_400_000;
// openIntervalsBetween walks the window day by day; a month is the longest window a search needs.
const LONGEST_WINDOW_DAYS = 31;
const MAX_ACTIVITY_REASONS = 2;
const EVENING = { fromHour: 17, toHour: 23 };
const PRESET_WEEKDAYS: Partial<Record<OpenPreset, IsoWeekday>> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** Reference: every centre that passes the filter, best fit first (matched criteria, open now, distance, name). */
export async function rankCentres(
  prisma: Prisma,
  filter: CentreSearchFilter,
  now: Date,
): Promise<RankedCentre[]> {
  validateAge(filter.age);
  const time = resolveTimeCriterion(filter, now);
  const origin = await originOf(prisma, filter.near);
  const rows = await prisma.centre.findMany({
    where: {
      ...(filter.targetGroups?.length ? { targetGroups: { hasSome: filter.targetGroups } } : {}),
      ...(filter.offers?.length ? { offers: { hasSome: filter.offers } } : {}),
      ...(filter.accessibility?.length ? { accessibility: { hasEvery: filter.accessibility } } : {}),
      ...(filter.languages?.length ? { languages: { hasSome: filter.languages } } : {}),
      ...(filter.isAnonymousWelcome ? { isAnonymousWelcome: true } : {}),
      ...(filter.age != null ? ageWhere(filter.age) : {}),
      ...(filter.text?.trim() ? textWhere(filter.text.trim()) : {}),
      ...(origin && filter.near ? boundingBox(origin, filter.near.radiusKm) : {}),
      ...(filter.near?.centreId ? { id: { not: filter.near.centreId } } : {}),
    },
    include: SCHEDULE_INCLUDE,
  });
  const ranked: RankedCentre[] = [];
  for (const centre of rows) {
    const distanceKm = origin ? haversineKm(origin, centre) : null;
    if (distanceKm !== null && filter.near && distanceKm > filter.near.radiusKm) continue;
    const schedule = scheduleOf(centre);
    if (time && !isOpenFor(schedule, time)) continue;
    ranked.push({
      centre,
      schedule,
      score: centreScore(centre, filter, time, distanceKm),
      isOpenNow: isOpenAtInstant(schedule, now),
      distanceKm,
    });
  }
  return ranked.sort(
    (left, right) =>
      right.score - left.score ||
      Number(right.isOpenNow) - Number(left.isOpenNow) ||
      (left.distanceKm ?? Infinity) - (right.distanceKm ?? Infinity) ||
      left.centre.name.localeCompare(right.centre.name, "da"),
  );
}

/** Why a ranked centre fits the filter, in Danish and English; `activities` are the centre's. */
export function centreReasons(
  ranked: RankedCentre,
  filter: CentreSearchFilter,
  now: Date,
  activities: readonly Activity[],
  taxonomy: Taxonomy,
  /** The filter's time, when the caller has resolved it once for the whole page. */
  time: TimeCriterion | null = resolveTimeCriterion(filter, now),
): Reason[] {
  const { centre, schedule } = ranked;
  const reasons: Reason[] = [];
  reasons.push(...setReasons(centre, filter, taxonomy));
  if (filter.age != null) reasons.push(ageReason(centre));
  if (time?.kind === "window") {
    reasons.push(...windowReasons(schedule, time.from, time.to));
  } else if (time?.kind === "at" && !time.isNow) {
    reasons.push(...openAtReasons(schedule, time.at));
  }
  if (ranked.isOpenNow) reasons.push(...openNowReasons(schedule, now));
  reasons.push(...activityReasons(activities, filter, time, now));
  if (ranked.distanceKm !== null) reasons.push({ kind: "DISTANCE", ...formatKilometres(ranked.distanceKm) });
  if (filter.text?.trim()) reasons.push(textReason(filter.text.trim()));
  return reasons;
}

/** Reference: open centres sharing a target group with the given one, nearest first, with when each closes. */
export async function findOpenAlternatives(
  prisma: Prisma,
  centreId: string,
  at: Date,
  limit: number,
): Promise<OpenAlternative[]> {
  const closed = await prisma.centre.findUnique({ where: { id: centreId } });
  if (!closed) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
  const candidates = await prisma.centre.findMany({
    where: { id: { not: centreId }, targetGroups: { hasSome: closed.targetGroups } },
    include: SCHEDULE_INCLUDE,
  });
  return openAlternativesAmong(closed, candidates, at, limit, await loadTaxonomy(prisma));
}

/** The `limit` nearest candidates open at `at`, sharing a target group with `closed`, with reasons. */
export function openAlternativesAmong(
  closed: Point & { targetGroups: readonly TermCode[] },
  candidates: readonly CentreWithSchedule[],
  at: Date,
  limit: number,
  taxonomy: Taxonomy,
): OpenAlternative[] {
  return candidates
    .flatMap((centre) => {
      const schedule = scheduleOf(centre);
      if (!isOpenAtInstant(schedule, at)) return [];
      const status = openingStatusAt(schedule, at);
      const shared = centre.targetGroups.filter((group) => closed.targetGroups.includes(group));
      const distanceKm = haversineKm(closed, centre);
      const reasons: Reason[] = [
        ...openAtReasons(schedule, at),
        { kind: "DISTANCE", ...formatKilometres(distanceKm) },
        targetGroupReason(shared, taxonomy),
      ];
      return [{ centre, distanceKm, closesAt: status.closesAt, reasons }];
    })
    .sort((left, right) => left.distanceKm - right.distanceKm || left.centre.name.localeCompare(right.centre.name, "da"))
    .slice(0, limit);
}

/** Reference: every service that passes the filter: best fit, then taking new handovers, shortest wait, name. */
export async function rankServices(
  prisma: Prisma,
  filter: ServiceSearchFilter,
): Promise<RankedService[]> {
  validateAge(filter.age);
  const origin = await originOf(prisma, filter.near);
  const rows = await prisma.service.findMany({
    where: {
      ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}),
      ...(filter.targetGroups?.length ? { targetGroups: { hasSome: filter.targetGroups } } : {}),
      ...(filter.languages?.length ? { languages: { hasSome: filter.languages } } : {}),
      ...(filter.intakeStatuses?.length ? { intakeStatus: { in: filter.intakeStatuses } } : {}),
      ...(filter.isAnonymousWelcome ? { isAnonymousWelcome: true } : {}),
      ...(filter.age != null ? ageWhere(filter.age) : {}),
      ...(filter.isSignpostingOnly != null ? { isSignpostingOnly: filter.isSignpostingOnly } : {}),
      ...(filter.text?.trim() ? textWhere(filter.text.trim()) : {}),
    },
  });
  const intakeOrder: Record<IntakeStatus, number> = { OPEN: 0, WAITING_LIST: 1, CLOSED: 2 };
  return rows
    .flatMap((service) => {
      const location = pointOf(service);
      const distanceKm = origin && location ? haversineKm(origin, location) : null;
      // A service without an address comes to the citizen, so it is never out of range.
      if (distanceKm !== null && filter.near && distanceKm > filter.near.radiusKm) return [];
      return [{ service, score: serviceScore(service, filter, distanceKm), distanceKm }];
    })
    .sort(
      (left, right) =>
        right.score - left.score ||
        intakeOrder[left.service.intakeStatus] - intakeOrder[right.service.intakeStatus] ||
        (left.service.typicalWaitDays ?? Infinity) - (right.service.typicalWaitDays ?? Infinity) ||
        left.service.name.localeCompare(right.service.name, "da"),
    );
}

/** Why a ranked service fits the filter. */
export function serviceReasons(ranked: RankedService, filter: ServiceSearchFilter, taxonomy: Taxonomy): Reason[] {
  const { service } = ranked;
  const reasons: Reason[] = [];
  if (filter.kinds?.includes(service.kind)) reasons.push({ kind: "SERVICE_KIND", ...SERVICE_KIND_LABELS[service.kind] });
  const groups = matched(service.targetGroups, filter.targetGroups);
  if (groups.length > 0) reasons.push(targetGroupReason(groups, taxonomy));
  const languages = matched(service.languages, filter.languages);
  if (languages.length > 0) reasons.push(languageReason(languages));
  if (filter.isAnonymousWelcome && service.isAnonymousWelcome) reasons.push(anonymousReason());
  if (filter.age != null) reasons.push(ageReason(service));
  // An offer outside the platform has no inbox: it is pointed to, never handed over to.
  reasons.push(service.isSignpostingOnly ? signpostingReason() : intakeReason(service));
  if (ranked.distanceKm !== null) reasons.push({ kind: "DISTANCE", ...formatKilometres(ranked.distanceKm) });
  if (filter.text?.trim()) reasons.push(textReason(filter.text.trim()));
  return reasons;
}

/** Great-circle distance in km. Plain TypeScript is fast enough for a municipality's centres. */
export function haversineKm(from: Point, to: Point): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const deltaLatitude = toRadians(to.latitude - from.latitude);
  const deltaLongitude = toRadians(to.longitude - from.longitude);
  const a =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The one time criterion of a filter as an instant or a window; at most one may be given. */
export function resolveTimeCriterion(filter: CentreSearchFilter, now: Date): TimeCriterion | null {
  const given = [filter.openAt, filter.openDuring, filter.openPreset].filter((value) => value != null);
  if (given.length > 1) {
    throw ValidationError.single("filter.openAt", {
      da: "Vælg kun én af openAt, openDuring og openPreset.",
      en: "Choose only one of openAt, openDuring and openPreset.",
    });
  }
  if (filter.openAt) return { kind: "at", at: filter.openAt, isNow: filter.openAt.getTime() === now.getTime() };
  if (filter.openDuring) {
    const { from, to } = filter.openDuring;
    if (to <= from) {
      throw ValidationError.single("filter.openDuring.to", {
        da: "Slutningen af tidsrummet skal ligge efter starten.",
        en: "The end of the window must be after its start.",
      });
    }
    if (to.getTime() - from.getTime() > LONGEST_WINDOW_DAYS * MILLISECONDS_PER_DAY) {
      throw ValidationError.single("filter.openDuring.to", {
        da: `Tidsrummet må højst være ${LONGEST_WINDOW_DAYS} dage.`,
        en: `The window may be at most ${LONGEST_WINDOW_DAYS} days long.`,
      });
    }
    return { kind: "window", from, to };
  }
  if (filter.openPreset) return presetCriterion(filter.openPreset, now);
  return null;
}

function presetCriterion(preset: OpenPreset, now: Date): TimeCriterion {
  const today = localDateTime(now).startOf("day");
  const window = (from: DateTime, to: DateTime): TimeCriterion => ({ kind: "window", from: from.toJSDate(), to: to.toJSDate() });
  if (preset === "NOW") return { kind: "at", at: now, isNow: true };
  if (preset === "THIS_EVENING") {
    return window(today.set({ hour: EVENING.fromHour }), today.set({ hour: EVENING.toHour }));
  }
  if (preset === "WEEKEND") {
    // During a weekend: the rest of it. Otherwise: the coming Saturday and Sunday.
    if (today.weekday >= 6) return { kind: "window", from: now, to: today.plus({ days: 8 - today.weekday }).toJSDate() };
    const saturday = today.plus({ days: 6 - today.weekday });
    return window(saturday, saturday.plus({ days: 2 }));
  }
  const weekday = PRESET_WEEKDAYS[preset] as IsoWeekday;
  const day = today.plus({ days: (weekday - today.weekday + 7) % 7 });
  return window(day, day.plus({ days: 1 }));
}

function isOpenFor(schedule: OpeningSchedule, time: TimeCriterion): boolean {
  return time.kind === "at"
    ? isOpenAtInstant(schedule, time.at)
    : openIntervalsBetween(schedule, time.from, time.to).length > 0;
}

function isOpenAtInstant(schedule: OpeningSchedule, at: Date): boolean {
  return openIntervalsBetween(schedule, at, new Date(at.getTime() + 1)).length > 0;
}

function centreScore(
  centre: CentreWithSchedule,
  filter: CentreSearchFilter,
  time: TimeCriterion | null,
  distanceKm: number | null,
): number {
  return (
    matched(centre.targetGroups, filter.targetGroups).length +
    matched(centre.offers, filter.offers).length +
    matched(centre.accessibility, filter.accessibility).length +
    matched(centre.languages, filter.languages).length +
    Number(Boolean(filter.isAnonymousWelcome && centre.isAnonymousWelcome)) +
    Number(filter.age != null) +
    Number(time !== null) +
    Number(distanceKm !== null) +
    Number(Boolean(filter.text?.trim()))
  );
}

function serviceScore(service: Service, filter: ServiceSearchFilter, distanceKm: number | null): number {
  return (
    Number(Boolean(filter.kinds?.includes(service.kind))) +
    matched(service.targetGroups, filter.targetGroups).length +
    matched(service.languages, filter.languages).length +
    Number(Boolean(filter.intakeStatuses?.includes(service.intakeStatus))) +
    Number(Boolean(filter.isAnonymousWelcome && service.isAnonymousWelcome)) +
    Number(filter.age != null) +
    Number(distanceKm !== null) +
    Number(Boolean(filter.text?.trim()))
  );
}

function setReasons(centre: CentreWithSchedule, filter: CentreSearchFilter, taxonomy: Taxonomy): Reason[] {
  const reasons: Reason[] = [];
  const groups = matched(centre.targetGroups, filter.targetGroups);
  if (groups.length > 0) reasons.push(targetGroupReason(groups, taxonomy));
  const offers = matched(centre.offers, filter.offers);
  if (offers.length > 0) {
    const labels = joinLabels(offers.map((offer) => termInText(taxonomy, "OFFER", offer)));
    reasons.push({ kind: "OFFER", da: `tilbyder ${labels.da}`, en: `offers ${labels.en}` });
  }
  const features = matched(centre.accessibility, filter.accessibility);
  if (features.length > 0) {
    reasons.push({ kind: "ACCESSIBILITY", ...joinLabels(features.map((feature) => ACCESSIBILITY_LABELS[feature])) });
  }
  const languages = matched(centre.languages, filter.languages);
  if (languages.length > 0) reasons.push(languageReason(languages));
  if (filter.isAnonymousWelcome && centre.isAnonymousWelcome) reasons.push(anonymousReason());
  return reasons;
}

function openNowReasons(schedule: OpeningSchedule, now: Date): Reason[] {
  const status = openingStatusAt(schedule, now);
  if (!status.isOpen) return [];
  const reason: Reason = status.closesAt
    ? {
        kind: "OPEN_NOW",
        da: `åben nu til ${formatClock(status.closesAt, "da")}`,
        en: `open now until ${formatClock(status.closesAt, "en")}`,
      }
    : { kind: "OPEN_NOW", da: "åben nu", en: "open now" };
  return status.staffing === "VOLUNTEERS" ? [reason, volunteersReason()] : [reason];
}

function openAtReasons(schedule: OpeningSchedule, at: Date): Reason[] {
  const status = openingStatusAt(schedule, at);
  if (!status.isOpen) return [];
  const day = weekdayOf(at);
  const until = status.closesAt
    ? { da: ` til ${formatClock(status.closesAt, "da")}`, en: ` until ${formatClock(status.closesAt, "en")}` }
    : { da: "", en: "" };
  const reason: Reason = {
    kind: "OPEN_AT",
    da: `åben ${formatWeekdayName(day, "da")} kl. ${formatClock(at, "da")}${until.da}`,
    en: `open ${formatWeekdayName(day, "en")} at ${formatClock(at, "en")}${until.en}`,
  };
  return status.staffing === "VOLUNTEERS" ? [reason, volunteersReason()] : [reason];
}

function windowReasons(schedule: OpeningSchedule, from: Date, to: Date): Reason[] {
  const intervals = openIntervalsBetween(schedule, from, to);
  const first = intervals[0];
  if (!first) return [];
  const day = weekdayOf(first.start);
  const span = `${formatClock(first.start, "da")}–${formatClock(first.end, "da")}`;
  const reason: Reason = {
    kind: "OPEN_DURING",
    da: `åben ${formatWeekdayName(day, "da")} ${span}`,
    en: `open ${formatWeekdayName(day, "en")} ${span}`,
  };
  const isVolunteerRun = intervals.every((interval) => interval.staffing === "VOLUNTEERS");
  return isVolunteerRun ? [reason, volunteersReason()] : [reason];
}

// An activity is a reason when it offers what was asked for, or happens in the asked-for time.
function activityReasons(
  activities: readonly Activity[],
  filter: CentreSearchFilter,
  time: TimeCriterion | null,
  now: Date,
): Reason[] {
  return [...activities]
    // The first matching ones by creation: the same reasons however the activities were loaded.
    .sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime() || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
    .filter((activity) => !(activity.recurrence === "ONE_OFF" && activity.endsAt && activity.endsAt < now))
    .filter(
      (activity) =>
        matched(activity.offers, filter.offers).length > 0 ||
        (time?.kind === "window" && activityHappensDuring(activity, time.from, time.to)),
    )
    .slice(0, MAX_ACTIVITY_REASONS)
    .map((activity) => ({ kind: "ACTIVITY", ...activityWhen(activity, true) }));
}

/** "fællesspisning torsdag kl. 17:30" — title with the day and time it happens. */
export function activityWhen(activity: Activity, withTitle: boolean): LocalizedText {
  const title = withTitle ? { da: `${lowerFirst(activity.title)} `, en: `${activity.title} ` } : { da: "", en: "" };
  if (activity.recurrence === "WEEKLY" && activity.weekday && activity.startMinute !== null) {
    const weekday = activity.weekday as IsoWeekday;
    const end = activity.endMinute !== null ? `–${formatMinuteOfDay(activity.endMinute)}` : "";
    const clock = `${formatMinuteOfDay(activity.startMinute)}${end}`;
    return {
      da: `${title.da}${formatWeekdayName(weekday, "da")} kl. ${clock}`,
      en: `${title.en}${formatWeekdayName(weekday, "en")} at ${clock}`,
    };
  }
  if (activity.startsAt) {
    const local = localDateTime(activity.startsAt);
    const weekday = local.weekday as IsoWeekday;
    return {
      da: `${title.da}${formatWeekdayName(weekday, "da")} ${local.toFormat("d/M")} kl. ${formatClock(activity.startsAt, "da")}`,
      en: `${title.en}${formatWeekdayName(weekday, "en")} ${local.toFormat("d/M")} at ${formatClock(activity.startsAt, "en")}`,
    };
  }
  return { da: title.da.trim(), en: title.en.trim() };
}

function activityHappensDuring(activity: Activity, from: Date, to: Date): boolean {
  if (activity.recurrence === "ONE_OFF") {
    return Boolean(activity.startsAt && activity.endsAt && activity.startsAt < to && activity.endsAt > from);
  }
  if (!activity.weekday || activity.startMinute === null || activity.endMinute === null) return false;
  const { startMinute, endMinute } = activity;
  // Each local date from the window's first: its midnight plus the minutes as elapsed time (on a
  // daylight-saving day, 18:00 is then 17:00 or 19:00 on the clock, as it has always been here).
  for (let date = localDateOf(from), midnight = instantAtWallClock(date, 0); midnight < to; date = addDays(date, 1), midnight = instantAtWallClock(date, 0)) {
    if (isoWeekdayOf(date) !== activity.weekday) continue;
    const start = midnight.getTime() + startMinute * 60_000;
    const end = midnight.getTime() + endMinute * 60_000;
    if (start < to.getTime() && end > from.getTime()) return true;
  }
  return false;
}

function targetGroupReason(groups: readonly TermCode[], taxonomy: Taxonomy): Reason {
  const labels = joinLabels(groups.map((group) => termInText(taxonomy, "TARGET_GROUP", group)));
  return { kind: "TARGET_GROUP", da: `for ${labels.da}`, en: `for ${labels.en}` };
}

/** A term's name inside running text: "for psykisk sårbarhed", "offers a meal and community". */
function termInText(taxonomy: Taxonomy, vocabulary: "TARGET_GROUP" | "OFFER", code: TermCode): LocalizedText {
  const label = taxonomy.label(vocabulary, code);
  return { da: lowerFirst(label.da), en: lowerFirst(label.en) };
}

/** The ages an entry admits: "18–30 år", "fra 65 år", "til og med 25 år"; null without limits. */
export function ageRangeText(entry: { minAge: number | null; maxAge: number | null }): LocalizedText | null {
  const { minAge, maxAge } = entry;
  if (minAge !== null && maxAge !== null) return { da: `${minAge}–${maxAge} år`, en: `ages ${minAge}–${maxAge}` };
  if (minAge !== null) return { da: `fra ${minAge} år`, en: `ages ${minAge} and over` };
  if (maxAge !== null) return { da: `til og med ${maxAge} år`, en: `ages up to ${maxAge}` };
  return null;
}

function ageReason(entry: { minAge: number | null; maxAge: number | null }): Reason {
  const range = ageRangeText(entry);
  return range
    ? { kind: "AGE", da: `for ${range.da}`, en: `for ${range.en}` }
    : { kind: "AGE", da: "ingen aldersgrænse", en: "no age limit" };
}

function signpostingReason(): Reason {
  return {
    kind: "SIGNPOSTING",
    da: "kun til henvisning: kontakt stedet direkte (ingen indbakke i Trædesten)",
    en: "signposting only: contact the place directly (no inbox in Trædesten)",
  };
}

export const MAX_AGE_YEARS = 120;

/** A citizen's age in a filter: whole years, 0 to 120. */
export function validateAge(age: number | null | undefined): void {
  if (age == null) return;
  if (!Number.isInteger(age) || age < 0 || age > MAX_AGE_YEARS) {
    throw ValidationError.single("filter.age", {
      da: `Alderen skal være et helt antal år mellem 0 og ${MAX_AGE_YEARS}.`,
      en: `The age must be a whole number of years between 0 and ${MAX_AGE_YEARS}.`,
    });
  }
}

// An entry admits an age when it has no limit on that side or the age lies within it.
function ageWhere(age: number) {
  return {
    AND: [
      { OR: [{ minAge: null }, { minAge: { lte: age } }] },
      { OR: [{ maxAge: null }, { maxAge: { gte: age } }] },
    ],
  };
}

function languageReason(languages: readonly string[]): Reason {
  const labels = joinLabels(languages.map(languageLabel));
  return { kind: "LANGUAGE", da: `taler ${labels.da}`, en: `speaks ${labels.en}` };
}

function anonymousReason(): Reason {
  return { kind: "ANONYMOUS", da: "du kan komme anonymt", en: "you can come anonymously" };
}

function volunteersReason(): Reason {
  return { kind: "STAFFING", da: "drevet af frivillige i dette tidsrum", en: "run by volunteers at this time" };
}

function intakeReason(service: Service): Reason {
  const status = INTAKE_STATUS_LABELS[service.intakeStatus];
  if (service.intakeStatus === "CLOSED" || service.typicalWaitDays === null) return { kind: "INTAKE", ...status };
  const days = service.typicalWaitDays;
  return {
    kind: "INTAKE",
    da: `${status.da}, typisk ventetid ${days} ${days === 1 ? "dag" : "dage"}`,
    en: `${status.en}, typical wait ${days} ${days === 1 ? "day" : "days"}`,
  };
}

function textReason(text: string): Reason {
  return { kind: "TEXT", da: `navn eller beskrivelse indeholder "${text}"`, en: `name or description contains "${text}"` };
}

function weekdayOf(instant: Date): IsoWeekday {
  return isoWeekdayOf(localDateOf(instant));
}

function matched<Value>(values: readonly Value[], wanted: readonly Value[] | null | undefined): Value[] {
  return wanted?.length ? values.filter((value) => wanted.includes(value)) : [];
}

function textWhere(text: string) {
  return {
    OR: [
      { name: { contains: text, mode: "insensitive" as const } },
      { description: { contains: text, mode: "insensitive" as const } },
    ],
  };
}

// A cheap pre-filter the database can answer; haversine then decides exactly. The box is drawn
// with 111.32 km per degree, a hair narrower than the haversine circle along its axes, so it
// is part of the rule: directory-query.ts applies the same box.
export function boundingBox(origin: Point, radiusKm: number) {
  const latitudeDelta = radiusKm / KM_PER_DEGREE_LATITUDE;
  const longitudeDelta = radiusKm / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180)));
  return {
    latitude: { gte: origin.latitude - latitudeDelta, lte: origin.latitude + latitudeDelta },
    longitude: { gte: origin.longitude - longitudeDelta, lte: origin.longitude + longitudeDelta },
  };
}

export async function originOf(prisma: Prisma, near: NearFilter | null | undefined): Promise<Point | null> {
  if (!near) return null;
  if (!(near.radiusKm > 0)) {
    throw ValidationError.single("filter.near.radiusKm", {
      da: "Afstanden skal være større end 0 km.",
      en: "The radius must be greater than 0 km.",
    });
  }
  if (near.centreId) {
    const centre = await prisma.centre.findUnique({
      where: { id: near.centreId },
      select: { latitude: true, longitude: true },
    });
    if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
    return centre;
  }
  if (near.latitude == null || near.longitude == null) {
    throw ValidationError.single("filter.near.latitude", {
      da: "Angiv enten et punkt (breddegrad og længdegrad) eller et værested.",
      en: "Give either a point (latitude and longitude) or a centre.",
    });
  }
  return { latitude: near.latitude, longitude: near.longitude };
}

function pointOf(row: { latitude: number | null; longitude: number | null }): Point | null {
  return row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude };
}
