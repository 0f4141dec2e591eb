// The one test-world builder. Its parts are factories with overrides that write straight into
// the database (no GraphQL), and `signIn`, which gives a signed-in caller per named user. The
// worlds the feature tests share are composed from those parts: a handover world, a visits
// world and a volunteers world.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../server/db/database.ts";
import type { GlobalRole, MembershipRole, UnitKind } from "../../server/generated/prisma/enums.ts";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestApp, TEST_START, type Caller, type TestApp } from "./app.ts";

export async function createOrganisation(prisma: Prisma, overrides: { name?: string; kind?: "MUNICIPAL" | "CIVIL_SOCIETY" | "OTHER" } = {}) {
  return prisma.organisation.create({ data: { name: overrides.name ?? `Organisation ${randomUUID().slice(0, 6)}`, kind: overrides.kind ?? "MUNICIPAL" } });
}

export async function createUnit(prisma: Prisma, organisationId: string, kind: UnitKind, name = `Unit ${randomUUID().slice(0, 6)}`) {
  return prisma.unit.create({ data: { organisationId, kind, name } });
}

export async function createCentre(
  prisma: Prisma,
  organisationId: string,
  overrides: Partial<{ name: string; latitude: number; longitude: number; /** Taxonomy codes. */ targetGroups: string[] }> = {},
) {
  const name = overrides.name ?? `Værested ${randomUUID().slice(0, 6)}`;
  const unit = await createUnit(prisma, organisationId, "CENTRE", name);
  const centre = await prisma.centre.create({
    data: {
      unitId: unit.id,
      name,
      description: "Et sted at være.",
      street: "Testvej 1",
      postalCode: "6999",
      city: "Fjordby",
      latitude: overrides.latitude ?? 55.49,
      longitude: overrides.longitude ?? 9.47,
      targetGroups: overrides.targetGroups ?? ["ADULTS"],
      offers: ["COMMUNITY"],
      languages: ["da"],
    },
  });
  return { unit, centre };
}

export async function createService(prisma: Prisma, organisationId: string, overrides: Partial<{ name: string; responseWindowDays: number }> = {}) {
  const name = overrides.name ?? `Tilbud ${randomUUID().slice(0, 6)}`;
  const unit = await createUnit(prisma, organisationId, "SERVICE", name);
  const service = await prisma.service.create({
    data: {
      unitId: unit.id,
      name,
      kind: "HOUSING_SUPPORT",
      description: "Støtte.",
      targetGroups: ["ADULTS"],
      languages: ["da"],
      responseWindowDays: overrides.responseWindowDays ?? 5,
    },
  });
  return { unit, service };
}

export async function createUser(
  prisma: Prisma,
  overrides: Partial<{
    email: string;
    name: string;
    globalRole: GlobalRole | null;
    passwordHash: string | null;
    memberships: { unitId: string; role?: MembershipRole }[];
    organisationAdminOf: string[];
    isActive: boolean;
  }> = {},
) {
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID().slice(0, 8)}@test.example`,
      name: overrides.name ?? "Test Bruger",
      globalRole: overrides.globalRole ?? null,
      passwordHash: overrides.passwordHash ?? null,
      isActive: overrides.isActive ?? true,
    },
  });
  for (const membership of overrides.memberships ?? []) {
    await prisma.membership.create({ data: { userId: user.id, unitId: membership.unitId, role: membership.role ?? "MEMBER" } });
  }
  for (const organisationId of overrides.organisationAdminOf ?? []) {
    await prisma.organisationAdmin.create({ data: { userId: user.id, organisationId } });
  }
  return user;
}

/** A signed-in caller for each named user (sessions created directly in the database). */
export async function signIn<Name extends string>(app: TestApp, userIds: Record<Name, string>): Promise<Record<Name, Caller>> {
  const callers = {} as Record<Name, Caller>;
  for (const name of Object.keys(userIds) as Name[]) callers[name] = await app.as(userIds[name]);
  return callers;
}

// ---- Handovers: a sending centre, a receiving service, an unrelated centre, people in every role.

type HandoverRole = "staff" | "centreAdmin" | "worker" | "unrelated" | "coordinator" | "organisationAdmin" | "platformAdmin";

export type HandoverWorld = {
  organisationId: string;
  centreUnitId: string;
  serviceUnitId: string;
  unrelatedUnitId: string;
  centreId: string;
  userIds: Record<HandoverRole, string>;
} & Record<HandoverRole, Caller>;

export async function buildHandoverWorld(app: TestApp, options: { responseWindowDays?: number } = {}): Promise<HandoverWorld> {
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Fjordby Test" });
  const other = await createOrganisation(prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" });
  const centre = await createCentre(prisma, organisation.id, { name: "Værestedet Test" });
  const service = await createService(prisma, organisation.id, { name: "Bostøtten Test", responseWindowDays: options.responseWindowDays ?? 5 });
  const unrelated = await createCentre(prisma, other.id, { name: "Uvedkommende Værested" });
  const userIds = {
    staff: (await createUser(prisma, { name: "Mette Medarbejder", memberships: [{ unitId: centre.unit.id }] })).id,
    centreAdmin: (await createUser(prisma, { name: "Lars Leder", memberships: [{ unitId: centre.unit.id, role: "UNIT_ADMIN" }] })).id,
    worker: (await createUser(prisma, { name: "Bo Bostøtte", memberships: [{ unitId: service.unit.id }] })).id,
    unrelated: (await createUser(prisma, { memberships: [{ unitId: unrelated.unit.id }] })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
    organisationAdmin: (await createUser(prisma, { organisationAdminOf: [organisation.id] })).id,
    platformAdmin: (await createUser(prisma, { globalRole: "PLATFORM_ADMIN" })).id,
  };
  return {
    organisationId: organisation.id,
    centreUnitId: centre.unit.id,
    serviceUnitId: service.unit.id,
    unrelatedUnitId: unrelated.unit.id,
    centreId: centre.centre.id,
    ...(await signIn(app, userIds)),
    userIds,
  };
}

/** Fresh sessions for everyone (after moving the clock past the idle timeout). */
export async function refreshSessions(app: TestApp, world: HandoverWorld): Promise<void> {
  Object.assign(world, await signIn(app, world.userIds));
}

// ---- Visits: a centre with a space and visiting windows, two services, callers for each side.

export interface VisitsWorld {
  centreId: string;
  centreUnitId: string;
  spaceId: string;
  serviceUnitId: string;
  otherServiceUnitId: string;
  centreAdmin: Caller;
  centreMember: Caller;
  serviceMember: Caller;
  otherServiceMember: Caller;
  outsider: Caller;
  serviceMemberId: string;
}

/** Visiting windows Monday–Friday 09:00–16:00 Copenhagen time. */
export const WEEKDAY_WINDOWS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 16 * 60 }));

export async function buildVisitsWorld(app: TestApp, options: { centreName?: string } = {}): Promise<VisitsWorld> {
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma);
  const { unit: centreUnit, centre } = await createCentre(prisma, organisation.id, { name: options.centreName ?? "Værestedet Test" });
  const { unit: serviceUnit } = await createService(prisma, organisation.id, { name: "Jobafklaring Test" });
  const { unit: otherServiceUnit } = await createService(prisma, organisation.id, { name: "Bostøtte Test" });
  const space = await prisma.space.create({ data: { centreId: centre.id, name: "Samtalerummet", capacity: 4 } });
  await prisma.visitWindow.createMany({ data: WEEKDAY_WINDOWS.map((window) => ({ centreId: centre.id, ...window })) });

  const userIds = {
    centreAdmin: (await createUser(prisma, { memberships: [{ unitId: centreUnit.id, role: "UNIT_ADMIN" }] })).id,
    centreMember: (await createUser(prisma, { memberships: [{ unitId: centreUnit.id }] })).id,
    serviceMember: (await createUser(prisma, { memberships: [{ unitId: serviceUnit.id }] })).id,
    otherServiceMember: (await createUser(prisma, { memberships: [{ unitId: otherServiceUnit.id }] })).id,
    outsider: (await createUser(prisma)).id,
  };
  return {
    centreId: centre.id,
    centreUnitId: centreUnit.id,
    spaceId: space.id,
    serviceUnitId: serviceUnit.id,
    otherServiceUnitId: otherServiceUnit.id,
    ...(await signIn(app, userIds)),
    serviceMemberId: userIds.serviceMember,
  };
}

/**
 * One app for the test file and a fresh visits world before each test, with the clock at TEST_START.
 * Read `app` and `world` from the returned object inside tests (they are set by the hooks).
 */
export function freshVisitsWorldEachTest(): { app: TestApp; world: VisitsWorld } {
  const state = {} as { app: TestApp; world: VisitsWorld };
  beforeAll(async () => {
    state.app = await startTestApp();
  });
  afterAll(async () => {
    await state.app.close();
  });
  beforeEach(async () => {
    state.app.clock.set(TEST_START);
    state.world = await buildVisitsWorld(state.app);
  });
  return state;
}

// ---- Volunteers: a centre with a weekly schedule (a staffed Monday, a volunteer-run Wednesday
// evening and a volunteer-run Saturday night), its admin, a staff member, volunteers (one a
// trained key holder) and a coordinator.

type VolunteersRole = "admin" | "staff" | "keyHolder" | "volunteer" | "volunteer2" | "otherVolunteer" | "coordinator";

export interface VolunteersWorld {
  centreId: string;
  unitId: string;
  otherCentreId: string;
  ids: Record<VolunteersRole, string>;
  as: Record<VolunteersRole, Caller>;
}

export async function buildVolunteersWorld(app: TestApp): Promise<VolunteersWorld> {
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Frivilligforeningen", kind: "CIVIL_SOCIETY" });
  const { unit, centre } = await createCentre(prisma, organisation.id, { name: "Lyset" });
  const other = await createCentre(prisma, organisation.id, { name: "Fyrtårnet" });
  await prisma.openingPeriod.createMany({
    data: [
      { centreId: centre.id, weekday: 1, startMinute: 600, endMinute: 960, staffing: "STAFFED" },
      { centreId: centre.id, weekday: 3, startMinute: 1020, endMinute: 1260, staffing: "VOLUNTEERS" },
      { centreId: centre.id, weekday: 6, startMinute: 1320, endMinute: 240, isOvernight: true, staffing: "VOLUNTEERS" },
    ],
  });
  const volunteerAt = (unitId: string) => ({ memberships: [{ unitId, role: "VOLUNTEER" as const }] });
  const ids = {
    admin: (await createUser(prisma, { name: "Admin Lyset", memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] })).id,
    staff: (await createUser(prisma, { name: "Mette Ansat", memberships: [{ unitId: unit.id }] })).id,
    keyHolder: (await createUser(prisma, { name: "Karin Nøglebærer", ...volunteerAt(unit.id) })).id,
    volunteer: (await createUser(prisma, { name: "Vagn Frivillig", ...volunteerAt(unit.id) })).id,
    volunteer2: (await createUser(prisma, { name: "Vera Frivillig", ...volunteerAt(unit.id) })).id,
    otherVolunteer: (await createUser(prisma, { name: "Otto Andetsteds", ...volunteerAt(other.unit.id) })).id,
    coordinator: (await createUser(prisma, { name: "Koordinator", globalRole: "COORDINATOR" })).id,
  };
  await prisma.trainedKeyHolder.create({ data: { unitId: unit.id, userId: ids.keyHolder, grantedById: ids.admin } });
  return { centreId: centre.id, unitId: unit.id, otherCentreId: other.centre.id, ids, as: await signIn(app, ids) };
}

/** New sessions for everyone: after the clock jumps, the jobs prune the old ones. */
export async function signInAgain(app: TestApp, world: VolunteersWorld): Promise<void> {
  Object.assign(world.as, await signIn(app, world.ids));
}
