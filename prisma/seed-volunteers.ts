// Demo data for volunteers (journey J6): volunteers and a rota at Værestedet Lyset (Thursday
// evenings run by volunteers) and Fyrtårnets Weekendhus (weekends). Every volunteer-run shift
// has a key holder except one at Lyset — the gap, marked "kan blive aflyst" — which the demo
// volunteer (frivillig@lyset.example, a trained key holder) can take. Also a call for
// volunteers at each centre and one application waiting at Lyset. Dates come from the clock.
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import { localIsoDate } from "../server/modules/directory/centre-schedule.ts";
import { generateRota, ROTA_HORIZON_DAYS } from "../server/modules/volunteers/rota.commands.ts";
import { addDays } from "../server/modules/volunteers/shift-gaps.ts";
import { VOLUNTEER_CONSENT } from "../server/modules/volunteers/volunteer-consent.ts";
import { seedId } from "./seed-fixtures.ts";

/** Volunteers beyond the demo login (which seed.ts creates with the other demo users). */
export const volunteerUsers = [
  { key: "volunteer-lyset-key", email: "niels.noeglebaerer@lyset.example", name: "Niels Nøglebærer", centre: "lyset", isKeyHolder: true },
  { key: "volunteer-lyset-user", email: "bente.brugerfrivillig@lyset.example", name: "Bente Brugerfrivillig", centre: "lyset", isKeyHolder: false },
  { key: "volunteer-fyrtaarnet-key", email: "karl.noegle@fyrtaarnet.example", name: "Karl Nøgle", centre: "fyrtaarnet", isKeyHolder: true },
  { key: "volunteer-fyrtaarnet", email: "vibeke.frivillig@fyrtaarnet.example", name: "Vibeke Frivillig", centre: "fyrtaarnet", isKeyHolder: false },
] as const;

const calls = [
  {
    key: "lyset-koekken",
    centre: "lyset",
    title: "Frivillige til torsdagsaften",
    whenText: "Torsdage 17–21, gerne hver anden uge",
    skills: "Lyst til at lave mad og snakke med folk. Vi lærer dig op som nøglebærer, hvis du vil.",
    description: "Vi holder åbent om aftenen med frivillige. Du bliver en del af et fast hold.",
  },
  {
    key: "fyrtaarnet-weekend",
    centre: "fyrtaarnet",
    title: "Weekendværter",
    whenText: "Lørdage og søndage 10–16",
    skills: "Rolig og imødekommende. Erfaring er ikke nødvendig.",
    description: null,
  },
] as const;

export async function seedVolunteersDemoData(prisma: Prisma, clock: Clock, passwordHash: string): Promise<void> {
  const now = clock.now();
  for (const volunteer of volunteerUsers) {
    const userId = seedId(`user:${volunteer.key}`);
    const unitId = seedId(`unit:${volunteer.centre}`);
    await prisma.user.upsert({ where: { id: userId }, create: { id: userId, email: volunteer.email, name: volunteer.name, passwordHash }, update: {} });
    await prisma.membership.upsert({
      where: { userId_unitId: { userId, unitId } },
      create: { userId, unitId, role: "VOLUNTEER" },
      update: {},
    });
    if (volunteer.isKeyHolder) await markKeyHolder(prisma, unitId, userId);
  }
  // The demo login is a trained key holder at Lyset, so it can close the gap.
  await markKeyHolder(prisma, seedId("unit:lyset"), seedId("user:volunteer"));

  for (const call of calls) {
    const { key, centre, ...values } = call;
    await prisma.volunteerCall.upsert({
      where: { id: seedId(`volunteer-call:${key}`) },
      create: { id: seedId(`volunteer-call:${key}`), centreId: seedId(`centre:${centre}`), ...values },
      update: {},
    });
  }
  await prisma.volunteerApplication.upsert({
    where: { id: seedId("volunteer-application:lyset") },
    create: {
      id: seedId("volunteer-application:lyset"),
      centreId: seedId("centre:lyset"),
      callId: seedId("volunteer-call:lyset-koekken"),
      name: "Emil Eksempel",
      email: "emil.eksempel@example.dk",
      message: "Jeg har selv brugt Lyset og vil gerne give noget igen. Torsdage passer mig fint.",
      consentVersion: VOLUNTEER_CONSENT.version,
      receivedAt: now,
      deleteAfter: new Date(now.getTime() + 30 * 86_400_000),
    },
    update: {},
  });

  // Only on the first run: later runs must not undo what people did in the demo.
  if ((await prisma.shift.count({ where: { centreId: { in: [seedId("centre:lyset"), seedId("centre:fyrtaarnet")] } } })) > 0) return;
  const today = localIsoDate(now);
  const lastDate = addDays(today, ROTA_HORIZON_DAYS - 1);
  for (const centre of ["lyset", "fyrtaarnet"]) await generateRota(prisma, seedId(`centre:${centre}`), today, lastDate);

  const volunteerShifts = await prisma.shift.findMany({
    where: { centreId: { in: [seedId("centre:lyset"), seedId("centre:fyrtaarnet")] }, staffing: "VOLUNTEERS", status: "PLANNED", startsAt: { gt: now } },
    select: { id: true, centreId: true },
    orderBy: { startsAt: "asc" },
  });
  const lysetShifts = volunteerShifts.filter((shift) => shift.centreId === seedId("centre:lyset"));
  // The second coming Thursday evening at Lyset is the gap.
  const gap = lysetShifts[1] ?? lysetShifts[0];
  for (const shift of volunteerShifts) {
    if (shift.id === gap?.id) continue;
    const isLyset = shift.centreId === seedId("centre:lyset");
    const keyHolder = seedId(`user:${isLyset ? "volunteer-lyset-key" : "volunteer-fyrtaarnet-key"}`);
    const helper = seedId(`user:${isLyset ? "volunteer-lyset-user" : "volunteer-fyrtaarnet"}`);
    await prisma.shiftAssignment.createMany({
      data: [
        { shiftId: shift.id, userId: keyHolder, role: "KEY_HOLDER", place: 0, assignedById: keyHolder },
        { shiftId: shift.id, userId: helper, role: "VOLUNTEER", place: 0, assignedById: helper },
      ],
    });
  }
  if (gap) {
    await prisma.shiftAssignment.create({
      data: { shiftId: gap.id, userId: seedId("user:volunteer-lyset-user"), role: "VOLUNTEER", place: 0, assignedById: seedId("user:volunteer-lyset-user") },
    });
    await prisma.shift.update({ where: { id: gap.id }, data: { mayBeCancelled: true } });
  }
}

async function markKeyHolder(prisma: Prisma, unitId: string, userId: string): Promise<void> {
  await prisma.trainedKeyHolder.upsert({
    where: { unitId_userId: { unitId, userId } },
    create: { unitId, userId, grantedById: seedId("user:centre-admin") },
    update: {},
  });
}
