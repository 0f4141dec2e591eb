// Test data builders with overrides (no GraphQL; straight into the database).
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../server/db/database.ts";
import type { GlobalRole, MembershipRole, UnitKind } from "../../server/generated/prisma/enums.ts";

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
