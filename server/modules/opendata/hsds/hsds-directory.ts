// Reads the directory for the HSDS API: every list is paged in SQL (skip/take on each source
// table, counted separately), and a page is turned into HSDS with hsds-mapping.ts.
// The directory tables are read directly here; the directory module's search is not involved.
import type { Prisma } from "../../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../../generated/prisma/client.ts";
import { derivedId, rowIdOf } from "./hsds-ids.ts";
import {
  addCentre,
  addOrganisation,
  addSeries,
  addService,
  addVisit,
  centreSelect,
  emptyTables,
  liveSeriesWhere,
  liveVisitWhere,
  organisationSelect,
  serviceSelect,
  seriesSelect,
  visitSelect,
  type HsdsRow,
  type HsdsTables,
} from "./hsds-mapping.ts";
import { loadHsdsTerms, type TaxonomyKey } from "./hsds-taxonomy.ts";

export interface DirectoryFilter {
  search?: string;
  taxonomyTermId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface Page<Item> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Item[];
}

const NOTHING = { id: { in: [] as string[] } };

function text(search: string | undefined) {
  return search ? { contains: search, mode: "insensitive" as const } : undefined;
}

/** The term a filter's taxonomy_term_id names (null: none given, or not one of ours). */
type FilterTerm = { key: TaxonomyKey; code: string } | null;

async function filterTermOf(prisma: Prisma, filter: DirectoryFilter): Promise<FilterTerm> {
  return filter.taxonomyTermId ? (await loadHsdsTerms(prisma)).termOf(filter.taxonomyTermId) : null;
}

export function centreWhere(filter: DirectoryFilter, term: FilterTerm): PrismaTypes.CentreWhereInput {
  const and: PrismaTypes.CentreWhereInput[] = [];
  if (filter.search) and.push({ OR: [{ name: text(filter.search)! }, { description: text(filter.search)! }, { city: text(filter.search)! }] });
  if (filter.organizationId) and.push({ unit: { organisationId: filter.organizationId } });
  if (filter.modifiedAfter) and.push({ updatedAt: { gte: filter.modifiedAfter } });
  if (filter.taxonomyTermId) {
    if (term?.key === "target_group") and.push({ targetGroups: { has: term.code } });
    else if (term?.key === "offer") and.push({ offers: { has: term.code } });
    else if (term?.key === "accessibility") and.push({ accessibility: { has: term.code as never } });
    else if (term?.key === "welcome") and.push({ isAnonymousWelcome: true });
    else if (!(term?.key === "unit_kind" && term.code === "CENTRE")) and.push(NOTHING);
  }
  return { AND: and };
}

export function serviceWhere(filter: DirectoryFilter, term: FilterTerm): PrismaTypes.ServiceWhereInput {
  const and: PrismaTypes.ServiceWhereInput[] = [];
  if (filter.search) and.push({ OR: [{ name: text(filter.search)! }, { description: text(filter.search)! }] });
  if (filter.organizationId) and.push({ unit: { organisationId: filter.organizationId } });
  if (filter.modifiedAfter) and.push({ updatedAt: { gte: filter.modifiedAfter } });
  if (filter.taxonomyTermId) {
    if (term?.key === "target_group") and.push({ targetGroups: { has: term.code } });
    else if (term?.key === "referral") and.push({ isSignpostingOnly: true });
    else if (term?.key === "service_kind") and.push({ kind: term.code as never });
    else if (term?.key === "intake_status") and.push({ intakeStatus: term.code as never });
    else if (term?.key === "welcome") and.push({ isAnonymousWelcome: true });
    else if (!(term?.key === "unit_kind" && term.code === "SERVICE")) and.push(NOTHING);
  }
  return { AND: and };
}

interface Source<Item> {
  count(): Promise<number>;
  fetch(skip: number, take: number): Promise<Item[]>;
}

/** One page over several tables read one after another, each paged in SQL. */
async function pageOver<Item>(sources: Source<Item>[], request: PageRequest): Promise<Page<Item>> {
  const counts = await Promise.all(sources.map((source) => source.count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let skip = (request.page - 1) * request.perPage;
  let remaining = request.perPage;
  const contents: Item[] = [];
  for (const [index, source] of sources.entries()) {
    const count = counts[index]!;
    if (remaining === 0) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const items = await source.fetch(skip, Math.min(remaining, count - skip));
    contents.push(...items);
    remaining -= items.length;
    skip = 0;
  }
  return pageOf(contents, total, request);
}

export function pageOf<Item>(contents: Item[], total: number, request: PageRequest): Page<Item> {
  const totalPages = Math.max(1, Math.ceil(total / request.perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: request.page,
    size: contents.length,
    first_page: request.page === 1,
    last_page: request.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const byName = [{ name: "asc" as const }, { id: "asc" as const }];

/**
 * Builds the HSDS tables for a set of rows (used per page, per entity and for the export), with
 * every taxonomy term in `taxonomy_term` so that nested attributes can carry theirs.
 */
export async function tablesFor(
  prisma: Prisma,
  rows: { centreIds?: string[]; serviceIds?: string[]; seriesIds?: string[]; visitIds?: string[]; organisationIds?: string[] },
): Promise<HsdsTables> {
  const tables = emptyTables();
  const [organisations, centres, services, series, visits, taxonomy] = await Promise.all([
    rows.organisationIds?.length ? prisma.organisation.findMany({ where: { id: { in: rows.organisationIds } }, select: organisationSelect, orderBy: byName }) : [],
    rows.centreIds?.length ? prisma.centre.findMany({ where: { id: { in: rows.centreIds } }, select: centreSelect, orderBy: byName }) : [],
    rows.serviceIds?.length ? prisma.service.findMany({ where: { id: { in: rows.serviceIds } }, select: serviceSelect, orderBy: byName }) : [],
    rows.seriesIds?.length ? prisma.visitSeries.findMany({ where: { id: { in: rows.seriesIds } }, select: seriesSelect, orderBy: { id: "asc" } }) : [],
    rows.visitIds?.length ? prisma.visit.findMany({ where: { id: { in: rows.visitIds } }, select: visitSelect, orderBy: { id: "asc" } }) : [],
    loadHsdsTerms(prisma),
  ]);
  tables.taxonomy_term.push(...(taxonomy.terms as unknown as HsdsRow[]));
  organisations.forEach((organisation) => addOrganisation(tables, organisation));
  centres.forEach((centre) => addCentre(tables, centre));
  services.forEach((service) => addService(tables, service));
  series.forEach((item) => addSeries(tables, item));
  visits.forEach((visit) => addVisit(tables, visit));
  return tables;
}

// ── nesting ──

function nestAttributes(tables: HsdsTables, linkId: string): HsdsRow[] {
  return tables.attribute
    .filter((row) => row["link_id"] === linkId)
    .map((row) => {
      const term = tables.taxonomy_term.find((candidate) => candidate["id"] === row["taxonomy_term_id"]);
      return term ? { ...row, taxonomy_term: term } : row;
    });
}

function nestSchedules(tables: HsdsTables, key: string, id: string): HsdsRow[] {
  return tables.schedule.filter((row) => row[key] === id).map((row) => ({ ...row, attributes: nestAttributes(tables, row["id"] as string) }));
}

function childrenOf(tables: HsdsTables, table: "phone" | "contact" | "language" | "address" | "accessibility", key: string, id: string): HsdsRow[] {
  return tables[table].filter((row) => row[key] === id);
}

export function nestLocation(tables: HsdsTables, id: string): HsdsRow | null {
  const location = tables.location.find((row) => row["id"] === id);
  if (!location) return null;
  return {
    ...location,
    addresses: childrenOf(tables, "address", "location_id", id),
    phones: childrenOf(tables, "phone", "location_id", id),
    contacts: childrenOf(tables, "contact", "location_id", id),
    languages: childrenOf(tables, "language", "location_id", id),
    accessibility: childrenOf(tables, "accessibility", "location_id", id),
    schedules: nestSchedules(tables, "location_id", id),
    attributes: nestAttributes(tables, id),
  };
}

export function nestServiceAtLocation(tables: HsdsTables, id: string): HsdsRow | null {
  const serviceAtLocation = tables.service_at_location.find((row) => row["id"] === id);
  if (!serviceAtLocation) return null;
  const location = nestLocation(tables, serviceAtLocation["location_id"] as string);
  return {
    ...serviceAtLocation,
    schedules: nestSchedules(tables, "service_at_location_id", id),
    ...(location ? { location } : {}),
    attributes: nestAttributes(tables, id),
  };
}

export function nestOrganization(tables: HsdsTables, id: string): HsdsRow | null {
  const organization = tables.organization.find((row) => row["id"] === id);
  if (!organization) return null;
  return { ...organization, attributes: nestAttributes(tables, id) };
}

export function nestService(tables: HsdsTables, id: string): HsdsRow | null {
  const service = tables.service.find((row) => row["id"] === id);
  if (!service) return null;
  const organization = nestOrganization(tables, service["organization_id"] as string);
  return {
    ...service,
    phones: childrenOf(tables, "phone", "service_id", id),
    contacts: childrenOf(tables, "contact", "service_id", id),
    languages: childrenOf(tables, "language", "service_id", id),
    schedules: nestSchedules(tables, "service_id", id),
    service_at_locations: tables.service_at_location
      .filter((row) => row["service_id"] === id)
      .map((row) => nestServiceAtLocation(tables, row["id"] as string)!),
    ...(organization ? { organization } : {}),
    attributes: nestAttributes(tables, id),
  };
}

// ── the API's reads ──

/** A page of services: the centres' own offers first, then the services, each by name. */
export async function pageServices(prisma: Prisma, filter: DirectoryFilter, request: PageRequest): Promise<Page<HsdsRow>> {
  const term = await filterTermOf(prisma, filter);
  const centres = centreWhere(filter, term);
  const services = serviceWhere(filter, term);
  type Ref = { centreId?: string; serviceId?: string };
  const page = await pageOver<Ref>(
    [
      {
        count: () => prisma.centre.count({ where: centres }),
        fetch: async (skip, take) =>
          (await prisma.centre.findMany({ where: centres, select: { id: true }, orderBy: byName, skip, take })).map((row) => ({ centreId: row.id })),
      },
      {
        count: () => prisma.service.count({ where: services }),
        fetch: async (skip, take) =>
          (await prisma.service.findMany({ where: services, select: { id: true }, orderBy: byName, skip, take })).map((row) => ({ serviceId: row.id })),
      },
    ],
    request,
  );
  const tables = await tablesFor(prisma, {
    centreIds: page.contents.flatMap((ref) => (ref.centreId ? [ref.centreId] : [])),
    serviceIds: page.contents.flatMap((ref) => (ref.serviceId ? [ref.serviceId] : [])),
  });
  const contents = page.contents.map((ref) => {
    const id = ref.centreId ? derivedId(ref.centreId, "centre-service") : ref.serviceId!;
    return tables.service.find((row) => row["id"] === id)!;
  });
  return { ...page, contents };
}

/** The fully nested service with its organisation and its service_at_locations (and their locations). */
export async function findService(prisma: Prisma, id: string, now: Date): Promise<HsdsRow | null> {
  const centreId = rowIdOf(id, "centre-service");
  if (!centreId) return null;
  const centre = await prisma.centre.findUnique({ where: { id: centreId }, select: { id: true, unit: { select: { organisationId: true } } } });
  if (centre) {
    const tables = await tablesFor(prisma, { centreIds: [centre.id], organisationIds: [centre.unit.organisationId] });
    return nestService(tables, id);
  }
  const service = await prisma.service.findUnique({ where: { id }, select: { id: true, unitId: true, unit: { select: { organisationId: true } } } });
  if (!service) return null;
  const [series, visits] = await Promise.all([
    prisma.visitSeries.findMany({ where: { ...liveSeriesWhere(now), serviceUnitId: service.unitId }, select: { id: true, centreId: true } }),
    prisma.visit.findMany({ where: { ...liveVisitWhere(now), serviceUnitId: service.unitId }, select: { id: true, centreId: true } }),
  ]);
  const tables = await tablesFor(prisma, {
    serviceIds: [service.id],
    organisationIds: [service.unit.organisationId],
    seriesIds: series.map((row) => row.id),
    visitIds: visits.map((row) => row.id),
    centreIds: [...new Set([...series, ...visits].map((row) => row.centreId))],
  });
  return nestService(tables, id);
}

export async function pageOrganizations(prisma: Prisma, filter: DirectoryFilter, request: PageRequest): Promise<Page<HsdsRow>> {
  const where: PrismaTypes.OrganisationWhereInput = filter.search ? { name: text(filter.search)! } : {};
  const [total, organisations] = await Promise.all([
    prisma.organisation.count({ where }),
    prisma.organisation.findMany({ where, select: organisationSelect, orderBy: byName, skip: (request.page - 1) * request.perPage, take: request.perPage }),
  ]);
  const tables = emptyTables();
  organisations.forEach((organisation) => addOrganisation(tables, organisation));
  return pageOf(tables.organization, total, request);
}

/** The organisation with its locations and (basic) services. */
export async function findOrganization(prisma: Prisma, id: string): Promise<HsdsRow | null> {
  const organisation = await prisma.organisation.findUnique({ where: { id }, select: { id: true } });
  if (!organisation) return null;
  const [centres, services] = await Promise.all([
    prisma.centre.findMany({ where: { unit: { organisationId: id } }, select: { id: true } }),
    prisma.service.findMany({ where: { unit: { organisationId: id } }, select: { id: true } }),
  ]);
  const tables = await tablesFor(prisma, {
    organisationIds: [id],
    centreIds: centres.map((row) => row.id),
    serviceIds: services.map((row) => row.id),
  });
  return {
    ...nestOrganization(tables, id)!,
    locations: tables.location.map((row) => nestLocation(tables, row["id"] as string)!),
    services: tables.service.map((row) => ({ id: row["id"], name: row["name"], status: row["status"] })),
  };
}

type SalRef = { centreId?: string; serviceId?: string; seriesId?: string; visitId?: string };

/** A page of service_at_locations: centres, services' own addresses, then visiting sessions. */
export async function pageServiceAtLocations(prisma: Prisma, filter: DirectoryFilter, request: PageRequest, now: Date): Promise<Page<HsdsRow>> {
  const term = await filterTermOf(prisma, filter);
  const centres = centreWhere(filter, term);
  const services: PrismaTypes.ServiceWhereInput = { AND: [serviceWhere(filter, term), { street: { not: null } }, { postalCode: { not: null } }, { city: { not: null } }] };
  // A visiting session matches when its service does; the search also looks at its title.
  const { search, ...withoutSearch } = filter;
  const visitingService: PrismaTypes.ServiceWhereInput = serviceWhere(withoutSearch, term);
  const seriesWhere: PrismaTypes.VisitSeriesWhereInput = {
    AND: [
      liveSeriesWhere(now),
      { serviceUnit: { service: { is: visitingService } } },
      ...(search ? [{ OR: [{ title: text(search)! }, { serviceUnit: { service: { is: serviceWhere({ search }, null) } } }] }] : []),
      ...(filter.modifiedAfter ? [{ createdAt: { gte: filter.modifiedAfter } }] : []),
    ],
  };
  const visitWhere: PrismaTypes.VisitWhereInput = {
    AND: [
      liveVisitWhere(now),
      { serviceUnit: { service: { is: visitingService } } },
      ...(search ? [{ OR: [{ title: text(search)! }, { serviceUnit: { service: { is: serviceWhere({ search }, null) } } }] }] : []),
      ...(filter.modifiedAfter ? [{ updatedAt: { gte: filter.modifiedAfter } }] : []),
    ],
  };
  const page = await pageOver<SalRef>(
    [
      {
        count: () => prisma.centre.count({ where: centres }),
        fetch: async (skip, take) => (await prisma.centre.findMany({ where: centres, select: { id: true }, orderBy: byName, skip, take })).map((row) => ({ centreId: row.id })),
      },
      {
        count: () => prisma.service.count({ where: services }),
        fetch: async (skip, take) => (await prisma.service.findMany({ where: services, select: { id: true }, orderBy: byName, skip, take })).map((row) => ({ serviceId: row.id })),
      },
      {
        count: () => prisma.visitSeries.count({ where: seriesWhere }),
        fetch: async (skip, take) =>
          (await prisma.visitSeries.findMany({ where: seriesWhere, select: { id: true }, orderBy: [{ firstDate: "asc" }, { id: "asc" }], skip, take })).map((row) => ({ seriesId: row.id })),
      },
      {
        count: () => prisma.visit.count({ where: visitWhere }),
        fetch: async (skip, take) =>
          (await prisma.visit.findMany({ where: visitWhere, select: { id: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip, take })).map((row) => ({ visitId: row.id })),
      },
    ],
    request,
  );
  const tables = await tablesFor(prisma, {
    centreIds: page.contents.flatMap((ref) => (ref.centreId ? [ref.centreId] : [])),
    serviceIds: page.contents.flatMap((ref) => (ref.serviceId ? [ref.serviceId] : [])),
    seriesIds: page.contents.flatMap((ref) => (ref.seriesId ? [ref.seriesId] : [])),
    visitIds: page.contents.flatMap((ref) => (ref.visitId ? [ref.visitId] : [])),
  });
  const contents = page.contents.map((ref) => tables.service_at_location.find((row) => row["id"] === serviceAtLocationIdOf(ref))!);
  return { ...page, contents };
}

function serviceAtLocationIdOf(ref: SalRef): string {
  if (ref.centreId) return derivedId(ref.centreId, "centre-service-at-location");
  if (ref.serviceId) return derivedId(ref.serviceId, "service-at-own-location");
  if (ref.seriesId) return derivedId(ref.seriesId, "series-service-at-location");
  return derivedId(ref.visitId!, "visit-service-at-location");
}

/** One service_at_location, nested; its id says which of our rows it comes from. */
export async function findServiceAtLocation(prisma: Prisma, id: string, now: Date): Promise<HsdsRow | null> {
  const candidates: SalRef[] = [
    { centreId: rowIdOf(id, "centre-service-at-location") ?? undefined },
    { serviceId: rowIdOf(id, "service-at-own-location") ?? undefined },
    { seriesId: rowIdOf(id, "series-service-at-location") ?? undefined },
    { visitId: rowIdOf(id, "visit-service-at-location") ?? undefined },
  ];
  const [centre, service, series, visit] = await Promise.all([
    prisma.centre.findUnique({ where: { id: candidates[0]!.centreId ?? "" }, select: { id: true } }),
    prisma.service.findFirst({ where: { id: candidates[1]!.serviceId ?? "", street: { not: null } }, select: { id: true } }),
    prisma.visitSeries.findFirst({ where: { id: candidates[2]!.seriesId ?? "", ...liveSeriesWhere(now) }, select: { id: true, centreId: true } }),
    prisma.visit.findFirst({ where: { id: candidates[3]!.visitId ?? "", ...liveVisitWhere(now) }, select: { id: true, centreId: true } }),
  ]);
  const centreIds = [centre?.id, series?.centreId, visit?.centreId].filter((value): value is string => Boolean(value));
  if (centreIds.length === 0 && !service) return null;
  const tables = await tablesFor(prisma, {
    centreIds,
    serviceIds: service ? [service.id] : [],
    seriesIds: series ? [series.id] : [],
    visitIds: visit ? [visit.id] : [],
  });
  return nestServiceAtLocation(tables, id);
}
