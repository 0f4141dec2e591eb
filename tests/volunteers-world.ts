// A centre with a weekly schedule (a staffed Monday, a volunteer-run Wednesday evening and a
// volunteer-run Saturday night), its admin, a staff member, volunteers (one a trained key
// holder) and a coordinator. Shared by the volunteers tests.
import type { Caller, TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createUser } from "./support/factories.ts";

export interface VolunteersWorld {
  centreId: string;
  unitId: string;
  otherCentreId: string;
  ids: { admin: string; staff: string; keyHolder: string; volunteer: string; volunteer2: string; otherVolunteer: string; coordinator: string };
  as: { admin: Caller; staff: Caller; keyHolder: Caller; volunteer: Caller; volunteer2: Caller; otherVolunteer: Caller; coordinator: Caller };
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
  const as = {} as VolunteersWorld["as"];
  for (const [name, userId] of Object.entries(ids)) as[name as keyof typeof ids] = await app.as(userId);
  return { centreId: centre.id, unitId: unit.id, otherCentreId: other.centre.id, ids, as };
}

/** New sessions for everyone: after the clock jumps, the jobs prune the old ones. */
export async function signInAgain(app: TestApp, world: VolunteersWorld): Promise<void> {
  for (const [name, userId] of Object.entries(world.ids)) world.as[name as keyof VolunteersWorld["ids"]] = await app.as(userId);
}

export const GENERATE_ROTA = `
  mutation ($input: GenerateRotaInput!) {
    generateRota(input: $input) {
      __typename
      ... on GenerateRotaSuccess { summary { created updated cancelled } }
      ... on Error { code message }
    }
  }
`;

export const CENTRE_ROTA = `
  query ($centreId: ID!, $fromDate: Date!, $toDate: Date!) {
    centreRota(centreId: $centreId, fromDate: $fromDate, toDate: $toDate) {
      id date startsAt endsAt staffing status cancelReason isKeyHolderGap mayBeCancelled isExtra
      keyHolderPlaces volunteerPlaces staffPlaces
      freePlaces { keyHolder volunteer staff }
      assignments { role place personName isMine }
    }
  }
`;

export const SIGN_UP = `
  mutation ($input: SignUpForShiftInput!) {
    signUpForShift(input: $input) {
      __typename
      ... on SignUpForShiftSuccess { assignment { id role place } }
      ... on Error { code message messageDa }
    }
  }
`;

export const ROTA_GAPS = `
  query ($fromDate: Date!, $toDate: Date!) {
    rotaGaps(fromDate: $fromDate, toDate: $toDate) { id date startsAt endsAt centre { id name } }
  }
`;
