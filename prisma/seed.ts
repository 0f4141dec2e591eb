// Demo data: the clearly fictional "Fjordby Kommune". Idempotent: every row has a stable id
// and is upserted without overwriting later edits, so running it again changes nothing.
import { hash } from "@node-rs/argon2";
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type { UnitKind } from "../server/generated/prisma/enums.ts";
import { seedDirectoryDemoData } from "./seed-directory.ts";
import { seedHandoversDemoData } from "./seed-handovers.ts";
import { seedInsightsDemoData } from "./seed-insights.ts";
import { seedSteeringDemoData } from "./seed-steering.ts";
import { seedVisitsDemoData } from "./seed-visits.ts";
import { seedVolunteersDemoData } from "./seed-volunteers.ts";
import { DEMO_AREAS, DEMO_PASSWORD, DEMO_SAFETY_NET, DEMO_TAXONOMY_TERMS, caseworkerTeams, centres, demoUsers, hours, organisations, seedId, services } from "./seed-fixtures.ts";

// Tests and scripts import these from here, as before.
export { centres, DEMO_PASSWORD, demoUsers, seedId, services } from "./seed-fixtures.ts";

export async function seedDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  for (const organisation of organisations) {
    await prisma.organisation.upsert({
      where: { id: seedId(`org:${organisation.key}`) },
      create: { id: seedId(`org:${organisation.key}`), name: organisation.name, kind: organisation.kind },
      update: {},
    });
  }
  const upsertUnit = (key: string, organisation: string, kind: UnitKind, name: string) =>
    prisma.unit.upsert({
      where: { id: seedId(`unit:${key}`) },
      create: { id: seedId(`unit:${key}`), organisationId: seedId(`org:${organisation}`), kind, name },
      update: {},
    });

  // The towns and districts search can start "near" (fictional, like the rest of Fjordby).
  for (const area of DEMO_AREAS) {
    await prisma.area.upsert({ where: { id: seedId(`area:${area.name}`) }, create: { id: seedId(`area:${area.name}`), ...area }, update: {} });
  }

  // Target groups a platform admin added (issue 18), before any centre or service uses them.
  for (const term of DEMO_TAXONOMY_TERMS) {
    const { vocabulary, code } = term;
    await prisma.taxonomyTerm.upsert({ where: { vocabulary_code: { vocabulary, code } }, create: term, update: {} });
  }

  // The always-open safety net the directory shows when no centre is open (issue 18).
  for (const entry of DEMO_SAFETY_NET) {
    const id = seedId(`safety-net:${entry.name}`);
    await prisma.safetyNetEntry.upsert({ where: { id }, create: { id, ...entry }, update: {} });
  }

  for (const centre of centres) {
    await upsertUnit(centre.key, centre.organisation, "CENTRE", centre.name);
    const centreId = seedId(`centre:${centre.key}`);
    const { key, organisation, periods, publicHolidayPolicy, ...profile } = centre;
    await prisma.centre.upsert({
      where: { id: centreId },
      create: {
        id: centreId,
        slug: key,
        unitId: seedId(`unit:${key}`),
        ...profile,
        isAnonymousWelcome: true,
        publicHolidayPolicy: publicHolidayPolicy ?? "CLOSED",
        email: `kontakt@${key}.example`,
      },
      update: {},
    });
    await prisma.openingPeriod.createMany({
      data: periods.flatMap((period, periodIndex) =>
        period.days.map((weekday) => {
          const startMinute = hours(period.from);
          const endMinute = hours(period.to);
          return {
            id: seedId(`period:${key}:${periodIndex}:${weekday}`),
            centreId,
            weekday,
            startMinute,
            endMinute,
            isOvernight: endMinute <= startMinute,
            staffing: period.staffing ?? "STAFFED",
          };
        }),
      ),
      skipDuplicates: true,
    });
  }

  for (const service of services) {
    await upsertUnit(service.key, service.organisation, "SERVICE", service.name);
    const { key, organisation, ...profile } = service;
    await prisma.service.upsert({
      where: { id: seedId(`service:${key}`) },
      create: { id: seedId(`service:${key}`), unitId: seedId(`unit:${key}`), ...profile, email: `kontakt@${key}.example` },
      update: {},
    });
  }

  for (const team of caseworkerTeams) await upsertUnit(team.key, team.organisation, "CASEWORKER_TEAM", team.name);

  const passwordHash = await hash(DEMO_PASSWORD);
  for (const user of demoUsers) {
    const userId = seedId(`user:${user.key}`);
    await prisma.user.upsert({
      where: { id: userId },
      create: { id: userId, email: user.email, name: user.name, globalRole: user.globalRole ?? null, passwordHash },
      update: {},
    });
    for (const membership of user.memberships ?? []) {
      await prisma.membership.upsert({
        where: { userId_unitId: { userId, unitId: seedId(`unit:${membership.unit}`) } },
        create: { userId, unitId: seedId(`unit:${membership.unit}`), role: membership.role },
        update: {},
      });
    }
    for (const organisation of user.organisationAdminOf ?? []) {
      await prisma.organisationAdmin.upsert({
        where: { userId_organisationId: { userId, organisationId: seedId(`org:${organisation}`) } },
        create: { userId, organisationId: seedId(`org:${organisation}`) },
        update: {},
      });
    }
  }
  await seedInsightsDemoData(prisma, clock);
  await seedVisitsDemoData(prisma, clock);
  await seedDirectoryDemoData(prisma, clock);
  await seedHandoversDemoData(prisma, clock);
  await seedVolunteersDemoData(prisma, clock, passwordHash);
  await seedSteeringDemoData(prisma, clock);
}

/** True when the database holds no organisations yet (a fresh install). */
export async function isDatabaseEmpty(prisma: Prisma): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}
