// Demo data: the clearly fictional "Fjordby Kommune". Idempotent: every row has a stable id
// and is upserted without overwriting later edits, so running it again changes nothing.
import { createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type {
  AccessibilityFeature,
  GlobalRole,
  MembershipRole,
  Offer,
  OrganisationKind,
  ServiceKind,
  Staffing,
  TargetGroup,
  UnitKind,
} from "../server/generated/prisma/enums.ts";
import { seedDirectoryDemoData } from "./seed-directory.ts";
import { seedHandoversDemoData } from "./seed-handovers.ts";
import { seedInsightsDemoData } from "./seed-insights.ts";
import { seedVisitsDemoData } from "./seed-visits.ts";

export const DEMO_PASSWORD = "Trædesten-demo-2026";

/** A stable UUID-shaped id from a readable key, so reseeding finds the same rows. */
export function seedId(key: string): string {
  const hex = createHash("sha1").update(`traedesten-demo:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const hours = (clock: string) => {
  const [hour, minute] = clock.split(":").map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
};

interface PeriodSeed {
  days: number[];
  from: string;
  to: string;
  staffing?: Staffing;
}

interface CentreSeed {
  key: string;
  organisation: string;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  askFor: string;
  targetGroups: TargetGroup[];
  offers: Offer[];
  accessibility: AccessibilityFeature[];
  languages: string[];
  periods: PeriodSeed[];
  publicHolidayPolicy?: "CLOSED" | "NORMAL_HOURS";
}

interface ServiceSeed {
  key: string;
  organisation: string;
  name: string;
  kind: ServiceKind;
  description: string;
  targetGroups: TargetGroup[];
  languages: string[];
  intakeStatus?: "OPEN" | "WAITING_LIST" | "CLOSED";
  typicalWaitDays?: number;
  responseWindowDays?: number;
  isAnonymousWelcome?: boolean;
  street?: string;
  latitude?: number;
  longitude?: number;
}

const organisations: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: "fjordby", name: "Fjordby Kommune, Social og Sundhed", kind: "MUNICIPAL" },
  { key: "jobcenter", name: "Fjordby Kommune, Jobcenter", kind: "MUNICIPAL" },
  { key: "trappen", name: "Foreningen Trappen (fiktiv)", kind: "CIVIL_SOCIETY" },
  { key: "fyrtaarnet", name: "Fyrtårnet Fjordby – frivillignetværk (fiktiv)", kind: "CIVIL_SOCIETY" },
];

const weekdays = [1, 2, 3, 4, 5];

export const centres: CentreSeed[] = [
  {
    key: "lyset", organisation: "fjordby", name: "Værestedet Lyset",
    description: "Et roligt sted med morgenmad, frokost og samtaler. Her kan du bare være – ingen krav og ingen registrering.",
    street: "Havnegade 12", postalCode: "6999", city: "Fjordby", latitude: 55.4904, longitude: 9.4722, phone: "+45 70 10 20 01",
    askFor: "Spørg efter Mette eller en af de andre medarbejdere i køkkenet.",
    targetGroups: ["MENTAL_VULNERABILITY", "LONELINESS", "ADULTS"], offers: ["MEAL", "COMMUNITY", "ADVICE", "REST"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET", "QUIET_ROOM"], languages: ["da", "en"],
    periods: [{ days: weekdays, from: "09:00", to: "15:00" }, { days: [4], from: "17:00", to: "21:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "nattekaffe", organisation: "trappen", name: "Nattecaféen Trappen",
    description: "Aften- og natcafé med varm mad og et sted at sidde, når resten af byen er lukket.",
    street: "Banegårdsvej 3", postalCode: "6999", city: "Fjordby", latitude: 55.4868, longitude: 9.4781, phone: "+45 70 10 20 02",
    askFor: "Spørg efter nattevagten – der er altid en frivillig med nøglen.",
    targetGroups: ["HOMELESSNESS", "ADDICTION", "ADULTS"], offers: ["MEAL", "COMMUNITY", "SHOWER_LAUNDRY", "REST"],
    accessibility: ["STEP_FREE_ACCESS"], languages: ["da", "en", "pl"],
    periods: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "20:00", to: "02:00", staffing: "VOLUNTEERS" }],
    publicHolidayPolicy: "NORMAL_HOURS",
  },
  {
    key: "kompasset", organisation: "fjordby", name: "Ungestedet Kompasset",
    description: "For unge voksne 18–30 år. Lektiecafé, gaming, fællesspisning og en voksen at tale med.",
    street: "Skolegade 40", postalCode: "6999", city: "Fjordby", latitude: 55.4941, longitude: 9.4655, phone: "+45 70 10 20 03",
    askFor: "Spørg efter Ali eller Sofie.",
    targetGroups: ["YOUNG_ADULTS", "MENTAL_VULNERABILITY"], offers: ["MEAL", "COMMUNITY", "ACTIVITIES", "COMPUTER_ACCESS"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET"], languages: ["da", "en", "ar"],
    periods: [{ days: [1, 2, 3, 4], from: "12:00", to: "20:00" }, { days: [6], from: "12:00", to: "17:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "vaerkstedet", organisation: "fjordby", name: "Værkstedet Hænderne",
    description: "Kreativt værksted med træ, keramik og maling for voksne med kognitive udfordringer.",
    street: "Industrivej 8", postalCode: "6999", city: "Fjordby", latitude: 55.4999, longitude: 9.4590, phone: "+45 70 10 20 04",
    askFor: "Spørg efter værkstedslederen, Bent.",
    targetGroups: ["COGNITIVE_DISABILITY", "ADULTS"], offers: ["ACTIVITIES", "CREATIVE_WORKSHOP", "COMMUNITY"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET", "PARKING_NEARBY"], languages: ["da"],
    periods: [{ days: [1, 2, 3, 4], from: "09:00", to: "14:30" }, { days: [5], from: "09:00", to: "12:00" }],
  },
  {
    key: "fyrtaarnet", organisation: "fyrtaarnet", name: "Fyrtårnets Weekendhus",
    description: "Weekendåbent hus drevet af frivillige: brunch lørdag, gåtur og fællesskab søndag.",
    street: "Strandvejen 77", postalCode: "6999", city: "Fjordby", latitude: 55.4820, longitude: 9.4905, phone: "+45 70 10 20 05",
    askFor: "Spørg efter en af de frivillige med det gule navneskilt.",
    targetGroups: ["LONELINESS", "MENTAL_VULNERABILITY", "ADULTS"], offers: ["MEAL", "COMMUNITY", "ACTIVITIES"],
    accessibility: ["GUIDE_DOG_WELCOME"], languages: ["da", "en", "uk"],
    periods: [{ days: [6, 7], from: "10:00", to: "16:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "broen", organisation: "fjordby", name: "Misbrugscaféen Broen",
    description: "Skadesreducerende værested med rådgivning, sygeplejerske to dage om ugen og mulighed for bad.",
    street: "Kanalvej 21", postalCode: "6999", city: "Fjordby", latitude: 55.4882, longitude: 9.4830, phone: "+45 70 10 20 06",
    askFor: "Spørg efter personalet i skranken.",
    targetGroups: ["ADDICTION", "HOMELESSNESS"], offers: ["MEAL", "ADVICE", "SHOWER_LAUNDRY", "REST"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET"], languages: ["da", "en"],
    periods: [{ days: weekdays, from: "08:00", to: "16:00" }, { days: [6, 7], from: "10:00", to: "14:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "soelyst", organisation: "trappen", name: "Søstedet Sølyst",
    description: "Lille værested ved søen i Nørre Fjordby med fællesspisning og havehold.",
    street: "Søvej 5", postalCode: "6998", city: "Nørre Fjordby", latitude: 55.5402, longitude: 9.4301, phone: "+45 70 10 20 07",
    askFor: "Spørg efter Hanne.",
    targetGroups: ["MENTAL_VULNERABILITY", "LONELINESS"], offers: ["MEAL", "COMMUNITY", "ACTIVITIES"],
    accessibility: ["PARKING_NEARBY"], languages: ["da"],
    periods: [{ days: [2, 4], from: "10:00", to: "15:00" }, { days: [3], from: "16:00", to: "20:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "aftenhuset", organisation: "fjordby", name: "Aftenhuset",
    description: "Aftentilbud for voksne med psykisk sårbarhed: aftensmad, brætspil og en rolig stue.",
    street: "Vestergade 19", postalCode: "6999", city: "Fjordby", latitude: 55.4925, longitude: 9.4688, phone: "+45 70 10 20 08",
    askFor: "Spørg efter aftenvagten.",
    targetGroups: ["MENTAL_VULNERABILITY", "ADULTS"], offers: ["MEAL", "COMMUNITY", "REST"],
    accessibility: ["STEP_FREE_ACCESS", "QUIET_ROOM", "HEARING_LOOP"], languages: ["da", "en"],
    periods: [{ days: [1, 2, 3, 4, 5], from: "16:00", to: "22:00" }, { days: [7], from: "14:00", to: "20:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "digicafe", organisation: "fyrtaarnet", name: "Digicaféen på Biblioteket",
    description: "Frivillige hjælper med MitID, e-Boks, borger.dk og telefonen. Kom forbi med dine spørgsmål.",
    street: "Biblioteksgade 2", postalCode: "6999", city: "Fjordby", latitude: 55.4912, longitude: 9.4750, phone: "+45 70 10 20 09",
    askFor: "Spørg i bibliotekets skranke efter Digicaféen.",
    targetGroups: ["ADULTS", "LONELINESS", "COGNITIVE_DISABILITY"], offers: ["ADVICE", "COMPUTER_ACCESS", "COMMUNITY"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET", "HEARING_LOOP"], languages: ["da", "en", "ar", "so", "tr"],
    periods: [{ days: [2, 4], from: "13:00", to: "16:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "havnen", organisation: "fjordby", name: "Værestedet Havnen",
    description: "Stort værested på havnen med café, tøjbank og aktivitetsprogram hele ugen.",
    street: "Kajgade 1", postalCode: "6999", city: "Fjordby", latitude: 55.4857, longitude: 9.4872, phone: "+45 70 10 20 10",
    askFor: "Spørg efter Jonas eller Fatima.",
    targetGroups: ["HOMELESSNESS", "MENTAL_VULNERABILITY", "ADDICTION", "ADULTS"], offers: ["MEAL", "COMMUNITY", "ACTIVITIES", "SHOWER_LAUNDRY", "ADVICE"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET"], languages: ["da", "en", "de"],
    periods: [{ days: weekdays, from: "10:00", to: "17:00" }, { days: [5], from: "17:00", to: "22:00", staffing: "VOLUNTEERS" }, { days: [6], from: "11:00", to: "15:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "stien", organisation: "trappen", name: "Gåfællesskabet Stien",
    description: "Matrikelløst tilbud: fælles gåture fra forskellige mødesteder i byen, hver tirsdag og fredag.",
    street: "Mødested: Rådhuspladsen", postalCode: "6999", city: "Fjordby", latitude: 55.4899, longitude: 9.4733, phone: "+45 70 10 20 11",
    askFor: "Kig efter de frivillige i grønne veste ved springvandet.",
    targetGroups: ["LONELINESS", "MENTAL_VULNERABILITY"], offers: ["COMMUNITY", "ACTIVITIES"],
    accessibility: [], languages: ["da"],
    periods: [{ days: [2, 5], from: "10:00", to: "12:00", staffing: "VOLUNTEERS" }],
  },
  {
    key: "solstrejf", organisation: "fjordby", name: "Bo- og værested Solstrejf",
    description: "Værested for voksne med udviklingshæmning eller autisme, med faste rammer og tydelig dagsplan.",
    street: "Engvej 30", postalCode: "6998", city: "Nørre Fjordby", latitude: 55.5360, longitude: 9.4405, phone: "+45 70 10 20 12",
    askFor: "Spørg efter Lise.",
    targetGroups: ["COGNITIVE_DISABILITY", "YOUNG_ADULTS"], offers: ["MEAL", "ACTIVITIES", "CREATIVE_WORKSHOP"],
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET", "QUIET_ROOM", "PARKING_NEARBY"], languages: ["da"],
    periods: [{ days: weekdays, from: "09:30", to: "15:30" }],
  },
];

export const services: ServiceSeed[] = [
  { key: "bostoette", organisation: "fjordby", name: "Bostøtten Fjordby", kind: "HOUSING_SUPPORT",
    description: "Socialpædagogisk støtte i eget hjem (§ 85): hjælp til økonomi, post, rengøring og at holde fast i hverdagen.",
    targetGroups: ["MENTAL_VULNERABILITY", "COGNITIVE_DISABILITY", "HOMELESSNESS"], languages: ["da", "en"], typicalWaitDays: 14, responseWindowDays: 5 },
  { key: "jobafklaring", organisation: "jobcenter", name: "Jobafklaring – Jobcenter Fjordby", kind: "JOB_CLARIFICATION",
    description: "Samtaler om job, uddannelse og praktik med en jobkonsulent, gerne på værestedet.",
    targetGroups: ["ADULTS", "YOUNG_ADULTS", "MENTAL_VULNERABILITY"], languages: ["da", "en", "ar"], typicalWaitDays: 7, responseWindowDays: 3 },
  { key: "rusmiddel", organisation: "fjordby", name: "Rusmiddelcenter Fjordby", kind: "ADDICTION_TREATMENT",
    description: "Anonym og gratis rådgivning og behandling for alkohol og stoffer. Ingen henvisning nødvendig.",
    targetGroups: ["ADDICTION"], languages: ["da", "en", "pl"], typicalWaitDays: 3, responseWindowDays: 2, isAnonymousWelcome: true },
  { key: "ungeteam", organisation: "fjordby", name: "Ungeteamet – rusmiddel og trivsel for unge", kind: "ADDICTION_TREATMENT",
    description: "Samtaler for unge under 30 om rusmidler, trivsel og fremtid.",
    targetGroups: ["YOUNG_ADULTS", "ADDICTION"], languages: ["da"], typicalWaitDays: 5, isAnonymousWelcome: true },
  { key: "praktisk", organisation: "fjordby", name: "Praktisk hjælp og madservice", kind: "PRACTICAL_HELP",
    description: "Hjælp til indkøb, tøjvask og madordning for borgere, der har svært ved at klare det selv.",
    targetGroups: ["ADULTS", "COGNITIVE_DISABILITY"], languages: ["da"], intakeStatus: "WAITING_LIST", typicalWaitDays: 30 },
  { key: "digital", organisation: "fyrtaarnet", name: "Digital hjælp – frivillige it-vejledere", kind: "DIGITAL_HELP",
    description: "Hjælp til MitID, e-Boks og digital post, én til én.",
    targetGroups: ["ADULTS", "LONELINESS"], languages: ["da", "en", "ar", "so"], typicalWaitDays: 7, isAnonymousWelcome: true },
  { key: "sundhed", organisation: "fjordby", name: "Gadesygeplejen", kind: "HEALTH",
    description: "Sygeplejersker, der kommer ud på værestederne: sårpleje, medicin og hjælp videre til læge.",
    targetGroups: ["HOMELESSNESS", "ADDICTION"], languages: ["da", "en"], typicalWaitDays: 1, responseWindowDays: 2, isAnonymousWelcome: true },
  { key: "gaeldsraadgivning", organisation: "trappen", name: "Gratis gældsrådgivning (fiktiv forening)", kind: "CIVIL_SOCIETY_OFFER",
    description: "Frivillige rådgivere hjælper med at få overblik over gæld og lave en plan.",
    targetGroups: ["ADULTS", "HOMELESSNESS"], languages: ["da", "en"], typicalWaitDays: 10, isAnonymousWelcome: true },
  { key: "besoegsven", organisation: "fyrtaarnet", name: "Besøgsven og følgeven", kind: "CIVIL_SOCIETY_OFFER",
    description: "En frivillig, der kommer på besøg eller følger med til det første møde på et nyt sted.",
    targetGroups: ["LONELINESS", "MENTAL_VULNERABILITY"], languages: ["da", "uk"], typicalWaitDays: 21, intakeStatus: "WAITING_LIST" },
  { key: "bolig", organisation: "fjordby", name: "Boligsocialt team – hjemløseindsatsen", kind: "HOUSING_SUPPORT",
    description: "Hjælp til at finde og beholde en bolig (Housing First), i samarbejde med boligselskaberne.",
    targetGroups: ["HOMELESSNESS"], languages: ["da", "en"], typicalWaitDays: 10, responseWindowDays: 5 },
];

const caseworkerTeams = [
  { key: "team-voksen", organisation: "fjordby", name: "Myndighed Voksen – Team Øst" },
  { key: "team-ung", organisation: "jobcenter", name: "Jobcenter – Team Unge" },
];

interface UserSeed {
  key: string;
  email: string;
  name: string;
  globalRole?: GlobalRole;
  memberships?: { unit: string; role: MembershipRole }[];
  organisationAdminOf?: string[];
}

/** One demo login per role (printed at start and in the README). */
export const demoUsers: UserSeed[] = [
  { key: "caseworker", email: "sagsbehandler@fjordby.example", name: "Sara Sagsbehandler", memberships: [{ unit: "team-voksen", role: "MEMBER" }] },
  { key: "centre-staff", email: "medarbejder@lyset.example", name: "Mette Medarbejder", memberships: [{ unit: "lyset", role: "MEMBER" }] },
  { key: "centre-admin", email: "leder@lyset.example", name: "Lars Leder", memberships: [{ unit: "lyset", role: "UNIT_ADMIN" }] },
  { key: "service-worker", email: "bostoette@fjordby.example", name: "Bo Bostøtte", memberships: [{ unit: "bostoette", role: "MEMBER" }] },
  { key: "job-counsellor", email: "jobkonsulent@fjordby.example", name: "Jonna Jobkonsulent", memberships: [{ unit: "jobafklaring", role: "MEMBER" }] },
  { key: "org-admin", email: "orgadmin@fjordby.example", name: "Olivia Organisationsadmin", organisationAdminOf: ["fjordby"] },
  { key: "coordinator", email: "koordinator@fjordby.example", name: "Karim Koordinator", globalRole: "COORDINATOR" },
  { key: "platform-admin", email: "admin@fjordby.example", name: "Anna Administrator", globalRole: "PLATFORM_ADMIN" },
];

/** Loads the demo municipality. Safe to run again: existing rows are left as they are. */
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

  for (const centre of centres) {
    await upsertUnit(centre.key, centre.organisation, "CENTRE", centre.name);
    const centreId = seedId(`centre:${centre.key}`);
    const { key, organisation, periods, publicHolidayPolicy, ...profile } = centre;
    await prisma.centre.upsert({
      where: { id: centreId },
      create: {
        id: centreId,
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
}

/** True when the database holds no organisations yet (a fresh install). */
export async function isDatabaseEmpty(prisma: Prisma): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}
