// The ten kinds of caller in the authorization matrix, and the shared world they act in:
// a centre (the sending unit) and a service (the receiving unit) in one organisation, an
// unrelated centre in another organisation, and one handover from the centre to the service.
// `volunteer` volunteers at the sending centre: a VOLUNTEER membership, never staff.
// `strategicGroup` is a leader in the area's strategic group: area aggregates only, no unit.
import type { Caller, TestApp } from "../support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "../support/world.ts";

export const PERSONAS = [
  "anonymous",
  "unrelatedMember",
  "sendingMember",
  "receivingMember",
  "unitAdmin",
  "organisationAdmin",
  "coordinator",
  "platformAdmin",
  "volunteer",
  "strategicGroup",
] as const;
export type Persona = (typeof PERSONAS)[number];

export const EVERYONE: Persona[] = [...PERSONAS];
export const SIGNED_IN: Persona[] = PERSONAS.filter((persona) => persona !== "anonymous");

export interface World {
  organisationId: string;
  otherOrganisationId: string;
  /** The sending unit: a centre. unitAdmin administers it. */
  sendingCentre: { unitId: string; centreId: string };
  /** The receiving unit: a service. */
  receivingService: { unitId: string; serviceId: string };
  unrelatedCentre: { unitId: string; centreId: string };
  handoverId: string;
  handoverCode: string;
  userIds: Record<Exclude<Persona, "anonymous">, string>;
}

export async function buildWorld(app: TestApp): Promise<{ world: World; callers: Record<Persona, Caller> }> {
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Matrix Kommune" });
  const other = await createOrganisation(prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" });
  const sending = await createCentre(prisma, organisation.id, { name: "Afsendende Værested" });
  const receiving = await createService(prisma, organisation.id, { name: "Modtagende Bostøtte" });
  const unrelated = await createCentre(prisma, other.id, { name: "Uvedkommende Værested" });

  const userIds = {
    unrelatedMember: (await createUser(prisma, { memberships: [{ unitId: unrelated.unit.id }] })).id,
    sendingMember: (await createUser(prisma, { memberships: [{ unitId: sending.unit.id }] })).id,
    receivingMember: (await createUser(prisma, { memberships: [{ unitId: receiving.unit.id }] })).id,
    unitAdmin: (await createUser(prisma, { memberships: [{ unitId: sending.unit.id, role: "UNIT_ADMIN" }] })).id,
    organisationAdmin: (await createUser(prisma, { organisationAdminOf: [organisation.id] })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
    platformAdmin: (await createUser(prisma, { globalRole: "PLATFORM_ADMIN" })).id,
    volunteer: (await createUser(prisma, { memberships: [{ unitId: sending.unit.id, role: "VOLUNTEER" }] })).id,
    strategicGroup: (await createUser(prisma, { globalRole: "STRATEGIC_GROUP" })).id,
  };

  const now = app.clock.now();
  const handover = await prisma.handover.create({
    data: {
      code: "MTRX-7QHK",
      fromUnitId: sending.unit.id,
      toUnitId: receiving.unit.id,
      createdById: userIds.sendingMember,
      status: "SENT",
      purpose: "Hjælp til at finde bolig",
      helpCategories: ["HOUSING"],
      sentAt: now,
      expiresAt: new Date(now.getTime() + 5 * 86_400_000),
      consent: {
        create: {
          fields: ["FIRST_NAME", "PHONE"],
          recipientUnitId: receiving.unit.id,
          purpose: "Bostøtte",
          method: "VERBAL",
          recordedById: userIds.sendingMember,
          givenAt: now,
          validUntil: new Date(now.getTime() + 30 * 86_400_000),
        },
      },
      personalData: { create: { firstName: "Kim", phone: "+45 20 30 40 50" } },
      events: { create: { type: "SENT", toStatus: "SENT", actorUserId: userIds.sendingMember, actorUnitId: sending.unit.id, at: now } },
    },
  });

  const callers = { anonymous: app.anonymous } as Record<Persona, Caller>;
  for (const [persona, userId] of Object.entries(userIds)) callers[persona as Persona] = await app.as(userId);

  return {
    world: {
      organisationId: organisation.id,
      otherOrganisationId: other.id,
      sendingCentre: { unitId: sending.unit.id, centreId: sending.centre.id },
      receivingService: { unitId: receiving.unit.id, serviceId: receiving.service.id },
      unrelatedCentre: { unitId: unrelated.unit.id, centreId: unrelated.centre.id },
      handoverId: handover.id,
      handoverCode: handover.code,
      userIds,
    },
    callers,
  };
}
