// Shared set-up for the visits tests: a centre with a space and visiting windows, two services,
// and signed-in callers for each side.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTestApp, TEST_START, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/factories.ts";

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

  const admin = await createUser(prisma, { memberships: [{ unitId: centreUnit.id, role: "UNIT_ADMIN" }] });
  const member = await createUser(prisma, { memberships: [{ unitId: centreUnit.id }] });
  const serviceMember = await createUser(prisma, { memberships: [{ unitId: serviceUnit.id }] });
  const otherServiceMember = await createUser(prisma, { memberships: [{ unitId: otherServiceUnit.id }] });
  const outsider = await createUser(prisma);

  return {
    centreId: centre.id,
    centreUnitId: centreUnit.id,
    spaceId: space.id,
    serviceUnitId: serviceUnit.id,
    otherServiceUnitId: otherServiceUnit.id,
    centreAdmin: await app.as(admin.id),
    centreMember: await app.as(member.id),
    serviceMember: await app.as(serviceMember.id),
    otherServiceMember: await app.as(otherServiceMember.id),
    outsider: await app.as(outsider.id),
    serviceMemberId: serviceMember.id,
  };
}

export const VISIT_FIELDS = `id status title publicDescription internalNote declineReason cancelReason startsAt endsAt sequence seriesId centreName serviceUnitName space { name }`;

export const BOOK_VISIT = `mutation ($input: BookVisitInput!) {
  bookVisit(input: $input) {
    __typename
    ... on BookVisitSuccess { data { ${VISIT_FIELDS} } }
    ... on VisitConflictError { code message messageDa conflictingVisit { id title serviceUnitName startsAt endsAt } }
    ... on ValidationError { code issues { field } }
    ... on Error { code message }
  }
}`;

export function bookingInput(world: VisitsWorld, startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) {
  return {
    centreId: world.centreId,
    spaceId: world.spaceId,
    serviceUnitId: world.serviceUnitId,
    startsAt,
    endsAt,
    title: "Spørg jobkonsulenten — ingen tidsbestilling",
    publicDescription: "Kom forbi og få en snak om job og uddannelse.",
    internalNote: "Husk nøgle til skabet.",
    ...overrides,
  };
}

/**
 * One app for the test file and a fresh world before each test, with the clock at TEST_START.
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
