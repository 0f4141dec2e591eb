// Directory rows → HSDS 3 entities, as flat tables (one array per HSDS table, rows referring to
// each other by id). The tabular export writes these tables as they are; the API nests them.
// Only public directory fields are read here: nothing from handovers, internal notes, users
// (verifiedById never leaves the database) or figures.
import { DateTime } from "luxon";
import type { Prisma as PrismaTypes } from "../../../generated/prisma/client.ts";
import { CENTRE_TIME_ZONE } from "../../../shared/copenhagen-time.ts";
import { formatMinuteOfDay, languageLabel } from "../../directory/index.ts";
import { derivedId, nameBasedId } from "./hsds-ids.ts";
import { labelOf, termId, type ScheduleKind, type TaxonomyKey } from "./hsds-taxonomy.ts";

export const HSDS_VERSION = "3.0";
/** Every address in the directory lies in the one municipality; HSDS requires a state/province. */
export const STATE_PROVINCE = "Region Syddanmark";
export const COUNTRY = "DK";

export type HsdsRow = Record<string, unknown>;

export const HSDS_TABLES = [
  "organization",
  "service",
  "location",
  "service_at_location",
  "address",
  "phone",
  "contact",
  "schedule",
  "language",
  "accessibility",
  "attribute",
  "taxonomy",
  "taxonomy_term",
] as const;
export type HsdsTable = (typeof HSDS_TABLES)[number];
export type HsdsTables = Record<HsdsTable, HsdsRow[]>;

export function emptyTables(): HsdsTables {
  return Object.fromEntries(HSDS_TABLES.map((table) => [table, []])) as unknown as HsdsTables;
}

export const organisationSelect = { id: true, name: true, kind: true } satisfies PrismaTypes.OrganisationSelect;

// The centre and service selects both list the address and contact columns: each names exactly
// the public columns its HSDS tables read (see the note on the selects below).
export const centreSelect = {
  id: true,
  name: true,
  description: true,
  street: true,
  postalCode: true,
  city: true,
  latitude: true,
  longitude: true,
  phone: true,
  email: true,
  website: true,
  askFor: true,
  targetGroups: true,
  offers: true,
  accessibility: true,
  languages: true,
  isAnonymousWelcome: true,
  minAge: true,
  maxAge: true,
  publicHolidayPolicy: true,
  publicHolidayStartMinute: true,
  publicHolidayEndMinute: true,
  commonClosedDaysPolicy: true,
  commonClosedDaysStartMinute: true,
  commonClosedDaysEndMinute: true,
  verifiedAt: true,
  updatedAt: true,
  unit: { select: { organisationId: true } },
  openingPeriods: {
    select: { id: true, weekday: true, startMinute: true, endMinute: true, isOvernight: true, staffing: true, note: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }, { id: "asc" }],
  },
  openingExceptions: {
    select: { id: true, date: true, kind: true, startMinute: true, endMinute: true, reason: true },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  },
} satisfies PrismaTypes.CentreSelect;
export type CentreSource = PrismaTypes.CentreGetPayload<{ select: typeof centreSelect }>;

export const serviceSelect = {
  id: true,
  name: true,
  kind: true,
  description: true,
  targetGroups: true,
  languages: true,
  street: true,
  postalCode: true,
  city: true,
  latitude: true,
  longitude: true,
  phone: true,
  email: true,
  website: true,
  isAnonymousWelcome: true,
  minAge: true,
  maxAge: true,
  isSignpostingOnly: true,
  intakeStatus: true,
  typicalWaitDays: true,
  verifiedAt: true,
  updatedAt: true,
  unit: { select: { organisationId: true } },
} satisfies PrismaTypes.ServiceSelect;
export type ServiceSource = PrismaTypes.ServiceGetPayload<{ select: typeof serviceSelect }>;

// The selects repeat columns (id, centreId, title, …) on purpose: each names exactly the public
// columns its HSDS table reads, so a shared base could never carry a private column into one.
/** Visiting sessions are public: title and public description only, never the internal note. */
export const seriesSelect = {
  id: true,
  centreId: true,
  title: true,
  publicDescription: true,
  weekday: true,
  startMinute: true,
  endMinute: true,
  firstDate: true,
  lastDate: true,
  serviceUnit: { select: { service: { select: { id: true } } } },
} satisfies PrismaTypes.VisitSeriesSelect;
export type SeriesSource = PrismaTypes.VisitSeriesGetPayload<{ select: typeof seriesSelect }>;

export const visitSelect = {
  id: true,
  centreId: true,
  title: true,
  publicDescription: true,
  startsAt: true,
  endsAt: true,
  serviceUnit: { select: { service: { select: { id: true } } } },
} satisfies PrismaTypes.VisitSelect;
export type VisitSource = PrismaTypes.VisitGetPayload<{ select: typeof visitSelect }>;

/** Confirmed visiting sessions that have not ended, by a unit that is a service in the directory. */
export function liveSeriesWhere(now: Date): PrismaTypes.VisitSeriesWhereInput {
  return { serviceUnit: { service: { isNot: null } }, visits: { some: { status: "CONFIRMED", endsAt: { gte: now } } } };
}
export function liveVisitWhere(now: Date): PrismaTypes.VisitWhereInput {
  return { seriesId: null, status: "CONFIRMED", endsAt: { gte: now }, serviceUnit: { service: { isNot: null } } };
}

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export function byday(weekday: number): string {
  return BYDAY[(weekday - 1 + 7) % 7]!;
}
export function weekdayOf(code: string): number | null {
  const index = BYDAY.indexOf(code as (typeof BYDAY)[number]);
  return index < 0 ? null : index + 1;
}

/** Minutes after local midnight as HSDS "HH:MM" local (Europe/Copenhagen) time; 1440 is "24:00". */
export function clockTime(minute: number): string {
  return formatMinuteOfDay(minute);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** HSDS 3.0 keeps an entry's age limits on the service (minimum_age, maximum_age). */
function ageLimits(entry: { minAge: number | null; maxAge: number | null }): HsdsRow {
  return {
    ...(entry.minAge !== null ? { minimum_age: entry.minAge } : {}),
    ...(entry.maxAge !== null ? { maximum_age: entry.maxAge } : {}),
  };
}

function attribute(linkId: string, linkEntity: string, key: TaxonomyKey, code: string, value?: string): HsdsRow {
  return {
    id: nameBasedId(`attribute:${linkId}:${key}:${code}`),
    link_id: linkId,
    link_type: key,
    link_entity: linkEntity,
    taxonomy_term_id: termId(key, code),
    ...(value === undefined ? {} : { value }),
  };
}

function languageRows(owner: { service_id?: string; location_id?: string }, ownerId: string, codes: readonly string[]): HsdsRow[] {
  return codes.map((code) => ({ id: nameBasedId(`language:${ownerId}:${code}`), ...owner, code, name: languageLabel(code).da }));
}

function scheduleRow(id: string, owner: Record<string, string>, fields: HsdsRow, kind: ScheduleKind, tables: HsdsTables, value?: string) {
  tables.schedule.push({ id, ...owner, ...fields });
  tables.attribute.push(attribute(id, "schedule", "schedule_kind", kind, value));
}

export function addOrganisation(tables: HsdsTables, organisation: { id: string; name: string; kind: "MUNICIPAL" | "CIVIL_SOCIETY" | "OTHER" }) {
  tables.organization.push({
    id: organisation.id,
    name: organisation.name,
    description: `${labelOf("organisation_kind", organisation.kind).da} organisation`.replace(/^./, (first) => first.toUpperCase()),
  });
  tables.attribute.push(attribute(organisation.id, "organization", "organisation_kind", organisation.kind));
}

function weeklySchedules(tables: HsdsTables, owner: Record<string, string>, centre: CentreSource) {
  for (const period of centre.openingPeriods) {
    const base = { freq: "WEEKLY", wkst: "MO", interval: 1, ...(period.note ? { notes: period.note } : {}) };
    const firstEnd = period.isOvernight ? 1440 : period.endMinute;
    scheduleRow(period.id, owner, {
      ...base,
      byday: byday(period.weekday),
      opens_at: clockTime(period.startMinute),
      closes_at: clockTime(firstEnd),
      description: `${weekdayName(period.weekday)} ${clockTime(period.startMinute)}–${clockTime(firstEnd)}`,
    }, "WEEKLY", tables);
    tables.attribute.push(attribute(period.id, "schedule", "staffing", period.staffing));
    if (period.isOvernight) {
      // An overnight period (Friday 20:00–02:00) is two HSDS schedules: Friday until 24:00 and Saturday from 00:00.
      const continuation = derivedId(period.id, "overnight-continuation");
      const nextDay = (period.weekday % 7) + 1;
      scheduleRow(continuation, owner, {
        ...base,
        byday: byday(nextDay),
        opens_at: clockTime(0),
        closes_at: clockTime(period.endMinute),
        description: `${weekdayName(nextDay)} 00:00–${clockTime(period.endMinute)} (fortsat fra ${weekdayName(period.weekday).toLowerCase()})`,
      }, "WEEKLY", tables);
      tables.attribute.push(attribute(continuation, "schedule", "staffing", period.staffing));
    }
  }
}

const WEEKDAY_NAMES = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"];
function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
}

function holidaySchedule(
  tables: HsdsTables,
  owner: Record<string, string>,
  id: string,
  kind: "PUBLIC_HOLIDAYS" | "COMMON_CLOSED_DAYS",
  policy: "CLOSED" | "NORMAL_HOURS" | "SPECIAL_HOURS",
  startMinute: number | null,
  endMinute: number | null,
) {
  const hasHours = policy === "SPECIAL_HOURS" && startMinute !== null && endMinute !== null;
  const days = kind === "PUBLIC_HOLIDAYS" ? "Helligdage" : "Grundlovsdag, juleaften og nytårsaften";
  scheduleRow(id, owner, {
    description: `${days}: ${hasHours ? `${clockTime(startMinute)}–${clockTime(endMinute)}` : labelOf("holiday_policy", policy).da}`,
    ...(hasHours ? { opens_at: clockTime(startMinute), closes_at: clockTime(endMinute) } : {}),
  }, kind, tables, policy);
}

/** A centre: a location, its own offer as a service, and the service_at_location joining them. */
export function addCentre(tables: HsdsTables, centre: CentreSource) {
  const organisationId = centre.unit.organisationId;
  const serviceId = derivedId(centre.id, "centre-service");
  const locationOwner = { location_id: centre.id };
  tables.location.push({
    id: centre.id,
    location_type: "physical",
    organization_id: organisationId,
    name: centre.name,
    description: centre.description,
    latitude: centre.latitude,
    longitude: centre.longitude,
    ...(centre.website ? { url: centre.website } : {}),
  });
  tables.address.push({
    id: derivedId(centre.id, "centre-address"),
    location_id: centre.id,
    address_1: centre.street,
    city: centre.city,
    state_province: STATE_PROVINCE,
    postal_code: centre.postalCode,
    country: COUNTRY,
    address_type: "physical",
  });
  if (centre.phone) tables.phone.push({ id: derivedId(centre.id, "centre-phone"), location_id: centre.id, number: centre.phone, type: "voice" });
  if (centre.email || centre.askFor) {
    tables.contact.push({
      id: derivedId(centre.id, "centre-contact"),
      location_id: centre.id,
      ...(centre.askFor ? { name: centre.askFor } : {}),
      ...(centre.email ? { email: centre.email } : {}),
    });
  }
  tables.language.push(...languageRows(locationOwner, centre.id, centre.languages));
  for (const feature of centre.accessibility) {
    tables.accessibility.push({ id: nameBasedId(`accessibility:${centre.id}:${feature}`), location_id: centre.id, description: labelOf("accessibility", feature).da });
    tables.attribute.push(attribute(centre.id, "location", "accessibility", feature));
  }
  weeklySchedules(tables, locationOwner, centre);
  for (const exception of centre.openingExceptions) {
    const date = isoDate(exception.date);
    const hasHours = exception.kind === "SPECIAL_HOURS" && exception.startMinute !== null && exception.endMinute !== null;
    scheduleRow(exception.id, locationOwner, {
      valid_from: date,
      valid_to: date,
      dtstart: date,
      description: hasHours ? `${date}: ${clockTime(exception.startMinute!)}–${clockTime(exception.endMinute!)}` : `${date}: lukket`,
      ...(hasHours ? { opens_at: clockTime(exception.startMinute!), closes_at: clockTime(exception.endMinute!) } : {}),
      ...(exception.reason ? { notes: exception.reason } : {}),
    }, exception.kind, tables);
  }
  holidaySchedule(tables, locationOwner, derivedId(centre.id, "public-holidays"), "PUBLIC_HOLIDAYS", centre.publicHolidayPolicy, centre.publicHolidayStartMinute, centre.publicHolidayEndMinute);
  holidaySchedule(tables, locationOwner, derivedId(centre.id, "common-closed-days"), "COMMON_CLOSED_DAYS", centre.commonClosedDaysPolicy, centre.commonClosedDaysStartMinute, centre.commonClosedDaysEndMinute);

  tables.service.push({
    id: serviceId,
    organization_id: organisationId,
    name: centre.name,
    description: centre.description,
    ...(centre.website ? { url: centre.website } : {}),
    ...(centre.email ? { email: centre.email } : {}),
    status: "active",
    application_process: centre.isAnonymousWelcome ? "Kom bare ind – ingen visitation, du kan være anonym." : "Kontakt stedet.",
    fees_description: "Gratis",
    ...ageLimits(centre),
    ...(centre.verifiedAt ? { assured_date: isoDate(centre.verifiedAt) } : {}),
    last_modified: centre.updatedAt.toISOString(),
  });
  tables.language.push(...languageRows({ service_id: serviceId }, serviceId, centre.languages));
  tables.attribute.push(attribute(serviceId, "service", "unit_kind", "CENTRE"));
  for (const group of centre.targetGroups) tables.attribute.push(attribute(serviceId, "service", "target_group", group));
  for (const offer of centre.offers) tables.attribute.push(attribute(serviceId, "service", "offer", offer));
  if (centre.isAnonymousWelcome) tables.attribute.push(attribute(serviceId, "service", "welcome", "ANONYMOUS"));
  tables.service_at_location.push({ id: derivedId(centre.id, "centre-service-at-location"), service_id: serviceId, location_id: centre.id, description: `${centre.name} på stedet` });
}

/** A municipal or civil-society service; with an address also a location of its own. */
export function addService(tables: HsdsTables, service: ServiceSource) {
  tables.service.push({
    id: service.id,
    organization_id: service.unit.organisationId,
    name: service.name,
    description: service.description,
    ...(service.website ? { url: service.website } : {}),
    ...(service.email ? { email: service.email } : {}),
    status: service.intakeStatus === "CLOSED" ? "temporarily closed" : "active",
    ...(service.typicalWaitDays !== null ? { wait_time: `${service.typicalWaitDays} dage` } : {}),
    application_process: service.isSignpostingOnly
      ? "Kontakt stedet direkte."
      : service.isAnonymousWelcome
        ? "Du kan henvende dig anonymt."
        : "Henvisning via dit værested eller din sagsbehandler.",
    ...ageLimits(service),
    ...(service.verifiedAt ? { assured_date: isoDate(service.verifiedAt) } : {}),
    last_modified: service.updatedAt.toISOString(),
  });
  if (service.phone) tables.phone.push({ id: derivedId(service.id, "service-phone"), service_id: service.id, number: service.phone, type: "voice" });
  tables.language.push(...languageRows({ service_id: service.id }, service.id, service.languages));
  tables.attribute.push(attribute(service.id, "service", "unit_kind", "SERVICE"));
  tables.attribute.push(attribute(service.id, "service", "service_kind", service.kind));
  tables.attribute.push(attribute(service.id, "service", "intake_status", service.intakeStatus));
  for (const group of service.targetGroups) tables.attribute.push(attribute(service.id, "service", "target_group", group));
  if (service.isAnonymousWelcome) tables.attribute.push(attribute(service.id, "service", "welcome", "ANONYMOUS"));
  if (service.isSignpostingOnly) tables.attribute.push(attribute(service.id, "service", "referral", "SIGNPOSTING_ONLY"));
  if (service.street && service.postalCode && service.city) {
    const locationId = derivedId(service.id, "service-location");
    tables.location.push({
      id: locationId,
      location_type: "physical",
      organization_id: service.unit.organisationId,
      name: service.name,
      ...(service.latitude !== null && service.longitude !== null ? { latitude: service.latitude, longitude: service.longitude } : {}),
    });
    tables.address.push({
      id: derivedId(service.id, "service-address"),
      location_id: locationId,
      address_1: service.street,
      city: service.city,
      state_province: STATE_PROVINCE,
      postal_code: service.postalCode,
      country: COUNTRY,
      address_type: "physical",
    });
    tables.service_at_location.push({ id: derivedId(service.id, "service-at-own-location"), service_id: service.id, location_id: locationId });
  }
}

/** A weekly visiting series of a service at a centre. */
export function addSeries(tables: HsdsTables, series: SeriesSource) {
  const serviceId = series.serviceUnit.service?.id;
  if (!serviceId) return;
  const id = derivedId(series.id, "series-service-at-location");
  tables.service_at_location.push({ id, service_id: serviceId, location_id: series.centreId, description: series.publicDescription ? `${series.title}: ${series.publicDescription}` : series.title });
  scheduleRow(series.id, { service_at_location_id: id }, {
    freq: "WEEKLY",
    wkst: "MO",
    interval: 1,
    byday: byday(series.weekday),
    opens_at: clockTime(series.startMinute),
    closes_at: clockTime(series.endMinute),
    valid_from: isoDate(series.firstDate),
    valid_to: isoDate(series.lastDate),
    dtstart: isoDate(series.firstDate),
    until: isoDate(series.lastDate),
    description: `${series.title}: ${weekdayName(series.weekday).toLowerCase()}e ${clockTime(series.startMinute)}–${clockTime(series.endMinute)}`,
  }, "VISIT", tables);
}

/** One visiting session that is not part of a series. */
export function addVisit(tables: HsdsTables, visit: VisitSource) {
  const serviceId = visit.serviceUnit.service?.id;
  if (!serviceId) return;
  const id = derivedId(visit.id, "visit-service-at-location");
  const starts = DateTime.fromJSDate(visit.startsAt, { zone: CENTRE_TIME_ZONE });
  const ends = DateTime.fromJSDate(visit.endsAt, { zone: CENTRE_TIME_ZONE });
  const date = starts.toISODate()!;
  tables.service_at_location.push({ id, service_id: serviceId, location_id: visit.centreId, description: visit.publicDescription ? `${visit.title}: ${visit.publicDescription}` : visit.title });
  scheduleRow(derivedId(visit.id, "visit-schedule"), { service_at_location_id: id }, {
    valid_from: date,
    valid_to: date,
    dtstart: date,
    opens_at: starts.toFormat("HH:mm"),
    closes_at: ends.toFormat("HH:mm"),
    description: `${visit.title}: ${date} ${starts.toFormat("HH:mm")}–${ends.toFormat("HH:mm")}`,
  }, "VISIT", tables);
}

export function addTaxonomyRows(tables: HsdsTables, taxonomies: HsdsRow[], terms: HsdsRow[]) {
  tables.taxonomy.push(...taxonomies);
  tables.taxonomy_term.push(...terms);
}
