// Directory demo data for Fjordby: activities (on site, off site, location-less, one-off),
// a few opening exceptions and holiday policies. Idempotent: stable ids, createMany with
// skipDuplicates, and policies are only set on centres still at the default.
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type { ActivityLocation, ActivityRecurrence, HolidayPolicy } from "../server/generated/prisma/enums.ts";
import { localDateTime } from "../server/modules/directory/centre-schedule.ts";
import { centres, seedId } from "./seed-fixtures.ts";

interface ActivitySeed {
  key: string;
  centre: string;
  title: string;
  description: string;
  location?: ActivityLocation;
  place?: string;
  recurrence?: ActivityRecurrence;
  weekday?: number;
  from?: string;
  to?: string;
  /** One-off activities: days from the seeding date, and local start/end times. */
  inDays?: number;
  /** Taxonomy codes of the OFFER vocabulary. */
  offers: string[];
}

const minuteOf = (clock: string) => {
  const [hour, minute] = clock.split(":").map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
};

const activities: ActivitySeed[] = [
  { key: "lyset-faellesspisning", centre: "lyset", title: "Fællesspisning", description: "Vi laver mad sammen og spiser kl. 17:30. Gratis, og du behøver ikke melde dig til.", weekday: 4, from: "17:30", to: "19:00", offers: ["MEAL", "COMMUNITY"] },
  { key: "lyset-morgenmad", centre: "lyset", title: "Morgenmad", description: "Rundstykker og kaffe hver morgen.", weekday: 1, from: "09:00", to: "10:00", offers: ["MEAL"] },
  { key: "fyrtaarnet-gaatur", centre: "fyrtaarnet", title: "Søndagsgåtur langs stranden", description: "En rolig gåtur på en times tid. Vi mødes ved huset.", location: "OFF_SITE", place: "Strandvejen 77, ved indgangen", weekday: 7, from: "11:00", to: "12:00", offers: ["ACTIVITIES", "COMMUNITY"] },
  { key: "havnen-svoemning", centre: "havnen", title: "Svømning i Fjordby Svømmehal", description: "Vi følges til svømmehallen. Lån af badetøj og håndklæde.", location: "OFF_SITE", place: "Fjordby Svømmehal, Idrætsvej 4", weekday: 3, from: "13:00", to: "15:00", offers: ["ACTIVITIES"] },
  { key: "stien-gaafaellesskab", centre: "stien", title: "Gåfællesskab", description: "Matrikelløst: vi mødes forskellige steder i byen – se opslaget ved springvandet.", location: "LOCATION_LESS", place: "Skiftende mødesteder i Fjordby", weekday: 2, from: "10:00", to: "12:00", offers: ["COMMUNITY", "ACTIVITIES"] },
  { key: "kompasset-gaming", centre: "kompasset", title: "Gaming-aften", description: "Konsol og brætspil, pizza til deling.", weekday: 3, from: "17:00", to: "20:00", offers: ["ACTIVITIES", "COMMUNITY", "MEAL"] },
  { key: "vaerkstedet-keramik", centre: "vaerkstedet", title: "Keramik", description: "Drejebænk og glasering med værkstedslederen.", weekday: 2, from: "10:00", to: "13:00", offers: ["CREATIVE_WORKSHOP"] },
  { key: "havnen-tur", centre: "havnen", title: "Tur til Skovsøen", description: "Heldagstur med madpakke og kaffe. Bussen kører fra Havnen.", location: "OFF_SITE", place: "Skovsøen", recurrence: "ONE_OFF", inDays: 10, from: "10:00", to: "15:00", offers: ["ACTIVITIES", "COMMUNITY"] },
];

interface PolicySeed {
  centre: string;
  publicHolidayPolicy: HolidayPolicy;
  publicHolidayHours?: [string, string];
  commonClosedDaysPolicy: HolidayPolicy;
  commonClosedDaysHours?: [string, string];
}

const holidayPolicies: PolicySeed[] = [
  // The night café is there when everything else is closed, Christmas included.
  { centre: "nattekaffe", publicHolidayPolicy: "NORMAL_HOURS", commonClosedDaysPolicy: "NORMAL_HOURS" },
  { centre: "havnen", publicHolidayPolicy: "SPECIAL_HOURS", publicHolidayHours: ["11:00", "15:00"], commonClosedDaysPolicy: "SPECIAL_HOURS", commonClosedDaysHours: ["10:00", "13:00"] },
  { centre: "broen", publicHolidayPolicy: "SPECIAL_HOURS", publicHolidayHours: ["10:00", "14:00"], commonClosedDaysPolicy: "NORMAL_HOURS" },
  { centre: "fyrtaarnet", publicHolidayPolicy: "NORMAL_HOURS", commonClosedDaysPolicy: "CLOSED" },
];

/** Services' own weekly hours (issue 19): office, phone and drop-in times. */
const serviceHours: { service: string; weekdays: number[]; from: string; to: string; note?: string }[] = [
  { service: "jobafklaring", weekdays: [1, 2, 3, 4, 5], from: "09:00", to: "10:00", note: "telefontid" },
  { service: "jobafklaring", weekdays: [1, 2, 3, 4], from: "10:00", to: "15:00" },
  { service: "bostoette", weekdays: [1, 2, 3, 4], from: "09:00", to: "15:00" },
  { service: "bostoette", weekdays: [5], from: "09:00", to: "12:00" },
  { service: "rusmiddel", weekdays: [1, 2, 3, 4, 5], from: "08:00", to: "15:30" },
  { service: "rusmiddel", weekdays: [4], from: "16:00", to: "19:00", note: "åben rådgivning" },
  { service: "gaeldsraadgivning", weekdays: [2], from: "17:00", to: "19:00" },
];

/** Loads the directory's demo activities, exceptions and holiday policies. */
export async function seedDirectoryDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  const today = localDateTime(clock.now()).startOf("day");
  await prisma.activity.createMany({
    data: activities.map((activity) => {
      const isOneOff = activity.recurrence === "ONE_OFF";
      const day = today.plus({ days: activity.inDays ?? 0 });
      return {
        id: seedId(`activity:${activity.key}`),
        centreId: seedId(`centre:${activity.centre}`),
        title: activity.title,
        description: activity.description,
        location: activity.location ?? "ON_SITE",
        place: activity.place ?? null,
        recurrence: activity.recurrence ?? "WEEKLY",
        weekday: isOneOff ? null : (activity.weekday ?? null),
        startMinute: isOneOff || !activity.from ? null : minuteOf(activity.from),
        endMinute: isOneOff || !activity.to ? null : minuteOf(activity.to),
        startsAt: isOneOff && activity.from ? day.plus({ minutes: minuteOf(activity.from) }).toJSDate() : null,
        endsAt: isOneOff && activity.to ? day.plus({ minutes: minuteOf(activity.to) }).toJSDate() : null,
        offers: activity.offers,
      };
    }),
    skipDuplicates: true,
  });

  // The coming December: a staff day at Lyset, and special Christmas Eve hours at the night café.
  const december = today.month === 12 && today.day > 24 ? today.year + 1 : today.year;
  await prisma.openingException.createMany({
    data: [
      { id: seedId("exception:lyset:staff-day"), centreId: seedId("centre:lyset"), date: new Date(Date.UTC(december, 11, 18)), kind: "CLOSED", reason: "Personaledag" },
      { id: seedId("exception:nattekaffe:christmas-eve"), centreId: seedId("centre:nattekaffe"), date: new Date(Date.UTC(december, 11, 24)), kind: "SPECIAL_HOURS", startMinute: minuteOf("18:00"), endMinute: minuteOf("03:00"), reason: "Julemiddag for alle kl. 18:30" },
      { id: seedId("exception:aftenhuset:christmas-week"), centreId: seedId("centre:aftenhuset"), date: new Date(Date.UTC(december, 11, 23)), kind: "SPECIAL_HOURS", startMinute: minuteOf("16:00"), endMinute: minuteOf("20:00"), reason: "Lille juleafslutning" },
    ],
    skipDuplicates: true,
  });

  await prisma.serviceOpeningPeriod.createMany({
    data: serviceHours.flatMap((hours, index) =>
      hours.weekdays.map((weekday) => ({
        id: seedId(`service-period:${hours.service}:${index}:${weekday}`),
        serviceId: seedId(`service:${hours.service}`),
        weekday,
        startMinute: minuteOf(hours.from),
        endMinute: minuteOf(hours.to),
        note: hours.note ?? null,
      })),
    ),
    skipDuplicates: true,
  });

  for (const policy of holidayPolicies) {
    // Only centres still at the default are changed, so a unit admin's later choice stays.
    await prisma.centre.updateMany({
      where: {
        id: seedId(`centre:${policy.centre}`),
        publicHolidayPolicy: centres.find((centre) => centre.key === policy.centre)?.publicHolidayPolicy ?? "CLOSED",
        publicHolidayStartMinute: null,
        commonClosedDaysPolicy: "CLOSED",
        commonClosedDaysStartMinute: null,
      },
      data: {
        publicHolidayPolicy: policy.publicHolidayPolicy,
        publicHolidayStartMinute: policy.publicHolidayHours ? minuteOf(policy.publicHolidayHours[0]) : null,
        publicHolidayEndMinute: policy.publicHolidayHours ? minuteOf(policy.publicHolidayHours[1]) : null,
        commonClosedDaysPolicy: policy.commonClosedDaysPolicy,
        commonClosedDaysStartMinute: policy.commonClosedDaysHours ? minuteOf(policy.commonClosedDaysHours[0]) : null,
        commonClosedDaysEndMinute: policy.commonClosedDaysHours ? minuteOf(policy.commonClosedDaysHours[1]) : null,
      },
    });
  }
}
