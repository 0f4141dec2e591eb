// Writes to the directory. Each command takes parsed values, runs in one transaction and
// returns the changed rows; a failure changes nothing.
import type { Activity, Centre, OpeningException, Service } from "../../generated/prisma/client.ts";
import type { Prisma, Transaction } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { dateColumnOf } from "./centre-schedule.ts";
import {
  checkAgeLimits,
  type ActivityValues,
  type CentreProfileValues,
  type HolidayPolicyValues,
  type OpeningExceptionValues,
  type OpeningPeriodValues,
  type ServiceOpeningPeriodValues,
  type ServiceProfileValues,
} from "./directory-validation.ts";
import { assertAssignableCodes, loadTaxonomy } from "./taxonomy.ts";

const CENTRE = { da: "Værestedet", en: "The centre" };
const SERVICE = { da: "Tilbuddet", en: "The service" };
const ACTIVITY = { da: "Aktiviteten", en: "The activity" };
const EXCEPTION = { da: "Undtagelsen", en: "The exception" };

/** Changes the given fields of a centre's public profile. */
export function updateCentreProfile(prisma: Prisma, centreId: string, profile: CentreProfileValues): Promise<Centre> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.centre.findUnique({ where: { id: centreId }, select: { targetGroups: true, offers: true, minAge: true, maxAge: true } });
    if (!current) throw new NotFoundError(CENTRE);
    const taxonomy = await loadTaxonomy(tx);
    assertAssignableCodes(taxonomy, "TARGET_GROUP", profile.targetGroups, "targetGroups", current.targetGroups);
    assertAssignableCodes(taxonomy, "OFFER", profile.offers, "offers", current.offers);
    checkAgeLimits(mergedAgeLimits(current, profile));
    return tx.centre.update({ where: { id: centreId }, data: withoutUndefined(profile) });
  });
}

/** The age limits after an update: a limit left out stays, null clears it. */
function mergedAgeLimits(
  current: { minAge: number | null; maxAge: number | null },
  changes: { minAge?: number | null | undefined; maxAge?: number | null | undefined },
) {
  return {
    minAge: changes.minAge === undefined ? current.minAge : changes.minAge,
    maxAge: changes.maxAge === undefined ? current.maxAge : changes.maxAge,
  };
}

/** Replaces all weekly opening periods of a centre at once. */
export function replaceOpeningPeriods(prisma: Prisma, centreId: string, periods: OpeningPeriodValues[]): Promise<Centre> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    await tx.openingPeriod.deleteMany({ where: { centreId } });
    await tx.openingPeriod.createMany({ data: periods.map((period) => ({ ...period, centreId })) });
    return tx.centre.findUniqueOrThrow({ where: { id: centreId } });
  });
}

/** Adds a closed date or special hours; one exception per date. */
export function addOpeningException(
  prisma: Prisma,
  centreId: string,
  exception: OpeningExceptionValues,
): Promise<OpeningException> {
  return prisma.$transaction((tx) => insertOpeningException(tx, centreId, exception));
}

/**
 * The write of addOpeningException inside the caller's transaction, for a caller that changes
 * more in the same transaction (the visits module cancels the visits a closure covers).
 */
export async function insertOpeningException(tx: Transaction, centreId: string, exception: OpeningExceptionValues): Promise<OpeningException> {
  await getCentreOrThrow(tx, centreId);
  const date = dateColumnOf(exception.date);
  const existing = await tx.openingException.findUnique({ where: { centreId_date: { centreId, date } } });
  if (existing) {
    throw ValidationError.single("date", {
      da: "Der er allerede en undtagelse på denne dato. Fjern den først.",
      en: "There is already an exception on this date. Remove it first.",
    });
  }
  return tx.openingException.create({ data: { ...exception, date, centreId } });
}

/** Removes an exception; returns its centre. */
export function removeOpeningException(prisma: Prisma, exceptionId: string): Promise<Centre> {
  return prisma.$transaction(async (tx) => {
    const exception = await tx.openingException.findUnique({ where: { id: exceptionId } });
    if (!exception) throw new NotFoundError(EXCEPTION);
    await tx.openingException.delete({ where: { id: exceptionId } });
    return tx.centre.findUniqueOrThrow({ where: { id: exception.centreId } });
  });
}

/** Sets what a centre does on public holidays and on the commonly closed days. */
export function setHolidayPolicy(prisma: Prisma, centreId: string, policy: HolidayPolicyValues): Promise<Centre> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    return tx.centre.update({ where: { id: centreId }, data: policy });
  });
}

/** Adds an activity to a centre. */
export function createActivity(prisma: Prisma, centreId: string, activity: ActivityValues): Promise<Activity> {
  return prisma.$transaction(async (tx) => {
    await getCentreOrThrow(tx, centreId);
    assertAssignableCodes(await loadTaxonomy(tx), "OFFER", activity.offers, "offers", []);
    return tx.activity.create({ data: { ...activity, centreId } });
  });
}

/** Replaces an activity's details with the (already merged and validated) values. */
export function updateActivity(prisma: Prisma, activityId: string, activity: ActivityValues): Promise<Activity> {
  return prisma.$transaction(async (tx) => {
    const current = await getActivityOrThrow(tx, activityId);
    assertAssignableCodes(await loadTaxonomy(tx), "OFFER", activity.offers, "offers", current.offers);
    return tx.activity.update({ where: { id: activityId }, data: activity });
  });
}

/** Deletes an activity; returns its centre. */
export function deleteActivity(prisma: Prisma, activityId: string): Promise<Centre> {
  return prisma.$transaction(async (tx) => {
    const activity = await getActivityOrThrow(tx, activityId);
    await tx.activity.delete({ where: { id: activityId } });
    return tx.centre.findUniqueOrThrow({ where: { id: activity.centreId } });
  });
}

/** Changes the given fields of a service's profile, including intake status and waiting time. */
export function updateServiceProfile(prisma: Prisma, serviceId: string, profile: ServiceProfileValues): Promise<Service> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.service.findUnique({ where: { id: serviceId }, select: { targetGroups: true, minAge: true, maxAge: true } });
    if (!current) throw new NotFoundError(SERVICE);
    assertAssignableCodes(await loadTaxonomy(tx), "TARGET_GROUP", profile.targetGroups, "targetGroups", current.targetGroups);
    checkAgeLimits(mergedAgeLimits(current, profile));
    return tx.service.update({ where: { id: serviceId }, data: withoutUndefined(profile) });
  });
}

/** Replaces all of a service's own weekly opening periods at once. */
export function replaceServiceOpeningPeriods(prisma: Prisma, serviceId: string, periods: ServiceOpeningPeriodValues[], now: Date): Promise<Service> {
  return prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true } });
    if (!service) throw new NotFoundError(SERVICE);
    await tx.serviceOpeningPeriod.deleteMany({ where: { serviceId } });
    await tx.serviceOpeningPeriod.createMany({ data: periods.map((period) => ({ ...period, serviceId })) });
    // The service's public details changed: open-data readers syncing by modified date see it.
    return tx.service.update({ where: { id: serviceId }, data: { updatedAt: now } });
  });
}

export async function getActivityOrThrow(prisma: Prisma | Transaction, activityId: string): Promise<Activity> {
  const activity = await prisma.activity.findUnique({ where: { id: activityId } });
  if (!activity) throw new NotFoundError(ACTIVITY);
  return activity;
}

async function getCentreOrThrow(tx: Transaction, centreId: string): Promise<void> {
  const centre = await tx.centre.findUnique({ where: { id: centreId }, select: { id: true } });
  if (!centre) throw new NotFoundError(CENTRE);
}

// zod leaves absent optional fields undefined; Prisma would read them as "no change" anyway,
// but dropping them keeps the update data honest about what is written.
function withoutUndefined<Values extends object>(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Values;
}

export interface SignpostingValues extends ServiceProfileValues {
  name: string;
  description: string;
  targetGroups: string[];
  operatorName: string;
  kind: Service["kind"];
}

/**
 * Lists an offer outside the platform (a club, an association) as a signposting-only entry: a
 * service of a civil-society organisation (found by name or created) with a unit nobody belongs
 * to, so it has no inbox and is never a handover's recipient.
 */
export function createSignpostingService(prisma: Prisma, values: SignpostingValues): Promise<Service> {
  return prisma.$transaction(async (tx) => {
    assertAssignableCodes(await loadTaxonomy(tx), "TARGET_GROUP", values.targetGroups, "targetGroups", []);
    checkAgeLimits(values);
    const { operatorName, ...profile } = values;
    const organisation =
      (await tx.organisation.findFirst({ where: { name: operatorName, kind: "CIVIL_SOCIETY" }, orderBy: { createdAt: "asc" } })) ??
      (await tx.organisation.create({ data: { name: operatorName, kind: "CIVIL_SOCIETY" } }));
    const unit = await tx.unit.create({ data: { organisationId: organisation.id, kind: "SERVICE", name: values.name } });
    return tx.service.create({ data: { ...withoutUndefined(profile), unitId: unit.id, isSignpostingOnly: true } });
  });
}

/** Removes a signposting-only entry (its unit and service); services with an inbox are never removed here. */
export function deleteSignpostingService(prisma: Prisma, serviceId: string): Promise<void> {
  return prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { unitId: true, isSignpostingOnly: true } });
    if (!service) throw new NotFoundError(SERVICE);
    if (!service.isSignpostingOnly) {
      throw ValidationError.single("serviceId", {
        da: "Kun opslag, der alene er til henvisning, kan fjernes her.",
        en: "Only signposting-only entries can be removed here.",
      });
    }
    await tx.unit.delete({ where: { id: service.unitId } });
  });
}
