// Demo data for visits (journey J3): spaces and visiting windows at several centres, the job
// clarification service trusted at Værestedet Lyset, and visits in the week the demo starts,
// so "this week at the centre" always shows something. Dates come from the clock passed in.
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type { VisitStatus } from "../server/generated/prisma/enums.ts";
import { commonlyClosedDayOn, publicHolidayOn } from "../server/modules/directory/holidays.ts";
import { weeklyOccurrences } from "../server/modules/visits/slot-overlap.ts";
import { seedId } from "./seed-fixtures.ts";
import { localDateOf, zonedDateTime } from "../server/shared/copenhagen-time.ts";

const hour = (value: number) => value * 60;

interface SpaceSeed {
  key: string;
  centre: string;
  name: string;
  capacity: number;
  description: string;
}

const spaces: SpaceSeed[] = [
  { key: "lyset-samtale", centre: "lyset", name: "Samtalerummet", capacity: 3, description: "Lille rum med dør, til fortrolige samtaler." },
  { key: "lyset-stue", centre: "lyset", name: "Hjørnet i dagligstuen", capacity: 6, description: "Et hyggeligt hjørne, hvor man kan kigge forbi." },
  { key: "broen-klinik", centre: "broen", name: "Klinikrummet", capacity: 2, description: "Med briks og håndvask." },
  { key: "havnen-kontor", centre: "havnen", name: "Det lille kontor", capacity: 3, description: "Ved siden af køkkenet." },
  { key: "kompasset-loft", centre: "kompasset", name: "Loftet", capacity: 8, description: "Stort rum med sofaer." },
];

/** ISO weekdays with a window from `from` to `to` o'clock. */
const windows: { centre: string; weekdays: number[]; from: number; to: number }[] = [
  { centre: "lyset", weekdays: [1, 2, 3, 4], from: 10, to: 15 },
  { centre: "broen", weekdays: [1, 2, 3, 4, 5], from: 9, to: 14 },
  { centre: "havnen", weekdays: [2, 4], from: 12, to: 16 },
  { centre: "kompasset", weekdays: [3], from: 13, to: 17 },
];

/** Seeds spaces, windows, trust and this week's visits. Safe to run again. */
export async function seedVisitsDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  for (const space of spaces) {
    const id = seedId(`space:${space.key}`);
    const { key: _key, centre, ...details } = space;
    await prisma.space.upsert({
      where: { id },
      create: { id, centreId: seedId(`centre:${centre}`), ...details, accessibility: ["STEP_FREE_ACCESS"] },
      update: {},
    });
  }
  for (const window of windows) {
    for (const weekday of window.weekdays) {
      const id = seedId(`visit-window:${window.centre}:${weekday}`);
      await prisma.visitWindow.upsert({
        where: { id },
        create: { id, centreId: seedId(`centre:${window.centre}`), weekday, startMinute: hour(window.from), endMinute: hour(window.to) },
        update: {},
      });
    }
  }
  await prisma.trustedService.upsert({
    where: { centreId_serviceUnitId: { centreId: seedId("centre:lyset"), serviceUnitId: seedId("unit:jobafklaring") } },
    create: { centreId: seedId("centre:lyset"), serviceUnitId: seedId("unit:jobafklaring") },
    update: {},
  });

  const monday = mondayOf(localDateOf(clock.now()));
  const dayOfWeek = (offset: number) => addDays(monday, offset);

  // "Spørg jobkonsulenten" every Tuesday 10–12 at Lyset for 8 weeks from this week's Tuesday.
  const seriesId = seedId("visit-series:lyset-job");
  const occurrences = weeklyOccurrences({ firstDate: dayOfWeek(1), startMinute: hour(10), endMinute: hour(12), weeks: 8 });
  const jobVisit = {
    centreId: seedId("centre:lyset"),
    spaceId: seedId("space:lyset-stue"),
    serviceUnitId: seedId("unit:jobafklaring"),
    bookedById: seedId("user:job-counsellor"),
    title: "Spørg jobkonsulenten – ingen tidsbestilling",
    publicDescription: "Jonna fra Jobcenteret sidder i dagligstuen. Kom forbi med spørgsmål om job, uddannelse eller praktik — du behøver ikke sige dit navn.",
    internalNote: "Nøgle til samtalerummet ligger i køkkenskuffen, hvis nogen vil tale i enrum.",
  };
  await prisma.visitSeries.upsert({
    where: { id: seriesId },
    create: {
      id: seriesId,
      ...jobVisit,
      weekday: 2,
      startMinute: hour(10),
      endMinute: hour(12),
      firstDate: new Date(`${occurrences[0]!.date}T00:00:00Z`),
      lastDate: new Date(`${occurrences[occurrences.length - 1]!.date}T00:00:00Z`),
    },
    update: {},
  });
  for (const [index, occurrence] of occurrences.entries()) {
    await upsertVisit(prisma, `visit:lyset-job:${index}`, {
      ...jobVisit,
      seriesId,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      status: "CONFIRMED",
    });
  }

  // Housing support at Lyset on Thursday, and a request for next Monday the staff can answer.
  const housingVisit = {
    centreId: seedId("centre:lyset"),
    spaceId: seedId("space:lyset-samtale"),
    serviceUnitId: seedId("unit:bostoette"),
    bookedById: seedId("user:service-worker"),
    title: "Bostøtten er på besøg",
    publicDescription: "Spørgsmål om bolig, husleje eller breve fra kommunen? Bostøtten har tid til en snak.",
    internalNote: null,
  };
  await upsertVisit(prisma, "visit:lyset-housing", {
    ...housingVisit,
    startsAt: zonedDateTime(dayOfWeek(3), hour(13)),
    endsAt: zonedDateTime(dayOfWeek(3), hour(14)),
    status: "CONFIRMED",
  });
  await upsertVisit(prisma, "visit:lyset-housing-request", {
    ...housingVisit,
    startsAt: zonedDateTime(dayOfWeek(7), hour(13)),
    endsAt: zonedDateTime(dayOfWeek(7), hour(14)),
    status: "REQUESTED",
    internalNote: "Vi kommer gerne hver anden uge, hvis det passer jer.",
  });

  // The street nurses at Broen on Wednesday.
  await upsertVisit(prisma, "visit:broen-health", {
    centreId: seedId("centre:broen"),
    spaceId: seedId("space:broen-klinik"),
    serviceUnitId: seedId("unit:sundhed"),
    // Booked on the service's behalf; the demo has no street-nurse user.
    bookedById: seedId("user:platform-admin"),
    title: "Gadesygeplejersken kigger forbi",
    publicDescription: "Sårpleje, vaccinationer og en snak om helbredet. Anonymt og uden tidsbestilling.",
    internalNote: null,
    startsAt: zonedDateTime(dayOfWeek(2), hour(10)),
    endsAt: zonedDateTime(dayOfWeek(2), hour(12)),
    status: "CONFIRMED",
  });

  await seedVisitHistory(prisma, clock, { housingVisit, dayOfWeek });
  await seedVisitWishes(prisma, clock, dayOfWeek);
  await seedHolidayCollision(prisma, clock, housingVisit);
}

/**
 * Issue 19: centres ask for services. Kompasset asked for a job counsellor for its young people on
 * Wednesday afternoons, and the job clarification service answered with four Wednesdays that the
 * centre confirmed; Havnen's wish for housing support is still open, for the housing-support
 * worker to answer.
 */
async function seedVisitWishes(prisma: Prisma, clock: Clock, dayOfWeek: (offset: number) => string): Promise<void> {
  const now = clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * 3_600_000);
  const kompassetWish = seedId("visit-wish:kompasset-job");
  await prisma.visitWish.upsert({
    where: { id: kompassetWish },
    create: {
      id: kompassetWish,
      centreId: seedId("centre:kompasset"),
      serviceKind: "JOB_CLARIFICATION",
      targetGroups: ["YOUNG_ADULTS"],
      weekday: 3,
      startMinute: hour(14),
      endMinute: hour(16),
      description: "En jobkonsulent, som de unge (18–25 år) kan tale med om job og uddannelse uden at bestille tid.",
      createdById: seedId("user:platform-admin"),
      createdAt: ago(24 * 8),
    },
    update: {},
  });
  await prisma.visitWish.upsert({
    where: { id: seedId("visit-wish:havnen-housing") },
    create: {
      id: seedId("visit-wish:havnen-housing"),
      centreId: seedId("centre:havnen"),
      serviceKind: "HOUSING_SUPPORT",
      targetGroups: ["HOMELESSNESS"],
      weekday: 4,
      startMinute: hour(12),
      endMinute: hour(14),
      description: "Bostøtte til brugere uden fast bolig – gerne torsdag middag, hvor mange kommer til frokost.",
      createdById: seedId("user:platform-admin"),
      createdAt: ago(24 * 3),
    },
    update: {},
  });

  // The job counsellor's answer: Wednesdays 14–16 at Kompasset for four weeks from this week, confirmed.
  const seriesId = seedId("visit-series:kompasset-job");
  const occurrences = weeklyOccurrences({ firstDate: dayOfWeek(2), startMinute: hour(14), endMinute: hour(16), weeks: 4 });
  const answer = {
    centreId: seedId("centre:kompasset"),
    spaceId: seedId("space:kompasset-loft"),
    serviceUnitId: seedId("unit:jobafklaring"),
    bookedById: seedId("user:job-counsellor"),
    title: "Jobsnak for unge – kom som du er",
    publicDescription: "Jonna fra Jobcenteret er på Loftet. Snak om job, uddannelse eller praktik, uden tidsbestilling.",
    internalNote: null,
  };
  await prisma.visitSeries.upsert({
    where: { id: seriesId },
    create: {
      id: seriesId,
      ...answer,
      wishId: kompassetWish,
      weekday: 3,
      startMinute: hour(14),
      endMinute: hour(16),
      firstDate: new Date(`${occurrences[0]!.date}T00:00:00Z`),
      lastDate: new Date(`${occurrences[occurrences.length - 1]!.date}T00:00:00Z`),
    },
    update: {},
  });
  for (const [index, occurrence] of occurrences.entries()) {
    const id = seedId(`visit:kompasset-job:${index}`);
    await prisma.visit.upsert({
      where: { id },
      create: { id, ...answer, seriesId, wishId: kompassetWish, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, status: "CONFIRMED", sequence: 1, requestedAt: ago(24 * 6) },
      update: {},
    });
    if ((await prisma.visitEvent.count({ where: { visitId: id } })) === 0) {
      await prisma.visitEvent.createMany({
        data: [
          { id: seedId(`visit-event:kompasset-job:${index}:requested`), visitId: id, type: "REQUESTED", toStatus: "REQUESTED", actorUserId: seedId("user:job-counsellor"), actorUnitId: seedId("unit:jobafklaring"), at: ago(24 * 6) },
          { id: seedId(`visit-event:kompasset-job:${index}:confirmed`), visitId: id, type: "CONFIRMED", fromStatus: "REQUESTED", toStatus: "CONFIRMED", actorUserId: seedId("user:platform-admin"), actorUnitId: seedId("unit:kompasset"), at: ago(24 * 5) },
        ],
      });
    }
  }
}

/**
 * Issue 19: closures meet bookings. The housing-support team is booked (and confirmed) at Lyset on
 * the next public holiday or commonly closed day from a week ahead that falls in Lyset's visiting
 * days, which Lyset closes under its holiday policy: it shows as an upcoming collision.
 */
async function seedHolidayCollision(prisma: Prisma, clock: Clock, housingVisit: Omit<VisitSeed, "startsAt" | "endsAt" | "status">): Promise<void> {
  const today = localDateOf(clock.now());
  let date: string | null = null;
  for (let offset = 7; offset <= 60 && !date; offset++) {
    const candidate = addDays(today, offset);
    const weekday = new Date(`${candidate}T12:00:00Z`).getUTCDay() || 7;
    if (weekday <= 4 && (publicHolidayOn(candidate) || commonlyClosedDayOn(candidate))) date = candidate;
  }
  if (!date) return;
  await upsertVisit(prisma, "visit:lyset-housing-holiday", {
    ...housingVisit,
    title: "Bostøtten har træffetid",
    startsAt: zonedDateTime(date, hour(14)),
    endsAt: zonedDateTime(date, hour(15)),
    status: "CONFIRMED",
  });
}

/**
 * Issue 19: histories to look at. Thursday's housing-support visit was moved from Tuesday (same
 * calendar entry, higher SEQUENCE) and confirmed again; an old request nobody answered expired
 * and freed its slot.
 */
async function seedVisitHistory(
  prisma: Prisma,
  clock: Clock,
  { housingVisit, dayOfWeek }: { housingVisit: Omit<VisitSeed, "startsAt" | "endsAt" | "status">; dayOfWeek: (offset: number) => string },
): Promise<void> {
  const now = clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * 3_600_000);
  const centreUnitId = seedId("unit:lyset");
  const serviceUnitId = seedId("unit:bostoette");
  const serviceWorker = seedId("user:service-worker");
  const centreAdmin = seedId("user:centre-admin");

  const movedId = seedId("visit:lyset-housing");
  const movedFrom = { previousStartsAt: zonedDateTime(dayOfWeek(1), hour(13)), previousEndsAt: zonedDateTime(dayOfWeek(1), hour(14)) };
  const movedEvents = [
    { key: "requested", type: "REQUESTED", fromStatus: null, toStatus: "REQUESTED", actorUserId: serviceWorker, actorUnitId: serviceUnitId, at: ago(150) },
    { key: "confirmed", type: "CONFIRMED", fromStatus: "REQUESTED", toStatus: "CONFIRMED", actorUserId: centreAdmin, actorUnitId: centreUnitId, at: ago(140) },
    {
      key: "rescheduled", type: "RESCHEDULED", fromStatus: "CONFIRMED", toStatus: "REQUESTED", actorUserId: serviceWorker, actorUnitId: serviceUnitId, at: ago(60),
      reason: "Vi har personalemøde tirsdag; torsdag passer bedre.", ...movedFrom,
    },
    { key: "reconfirmed", type: "CONFIRMED", fromStatus: "REQUESTED", toStatus: "CONFIRMED", actorUserId: centreAdmin, actorUnitId: centreUnitId, at: ago(50) },
  ] as const;
  if ((await prisma.visitEvent.count({ where: { visitId: movedId } })) === 0) {
    await prisma.visitEvent.createMany({ data: movedEvents.map(({ key, ...event }) => ({ id: seedId(`visit-event:lyset-housing:${key}`), visitId: movedId, ...event })) });
    await prisma.visit.update({ where: { id: movedId }, data: { sequence: 3, createdAt: ago(150) } });
  }

  const expiredId = seedId("visit:lyset-housing-expired");
  await upsertVisit(prisma, "visit:lyset-housing-expired", {
    ...housingVisit,
    title: "Bostøtten: spørg om husleje",
    startsAt: zonedDateTime(dayOfWeek(8), hour(13)),
    endsAt: zonedDateTime(dayOfWeek(8), hour(14)),
    status: "EXPIRED",
  });
  if ((await prisma.visitEvent.count({ where: { visitId: expiredId } })) === 0) {
    await prisma.visit.update({ where: { id: expiredId }, data: { sequence: 1, createdAt: ago(24 * 6), requestedAt: ago(24 * 6) } });
    await prisma.visitEvent.createMany({
      data: [
        { id: seedId("visit-event:lyset-housing-expired:requested"), visitId: expiredId, type: "REQUESTED", toStatus: "REQUESTED", actorUserId: serviceWorker, actorUnitId: serviceUnitId, at: ago(24 * 6) },
        { id: seedId("visit-event:lyset-housing-expired:expired"), visitId: expiredId, type: "EXPIRED", fromStatus: "REQUESTED", toStatus: "EXPIRED", at: ago(24) },
      ],
    });
  }
}

interface VisitSeed {
  seriesId?: string;
  centreId: string;
  spaceId: string;
  serviceUnitId: string;
  bookedById: string;
  title: string;
  publicDescription: string;
  internalNote: string | null;
  startsAt: Date;
  endsAt: Date;
  status: VisitStatus;
}

async function upsertVisit(prisma: Prisma, key: string, visit: VisitSeed) {
  const id = seedId(key);
  await prisma.visit.upsert({ where: { id }, create: { id, ...visit }, update: {} });
}

function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  return addDays(date, -((day.getUTCDay() + 6) % 7));
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
