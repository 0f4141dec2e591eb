// The demo municipality's fixed data: ids, organisations, centres, services, users and areas.
// Kept apart from seed.ts so the per-module seed files can use it without importing the file
// that imports them (no import cycles).
import { createHash } from "node:crypto";
import type {
  AccessibilityFeature,
  GlobalRole,
  MembershipRole,
  OrganisationKind,
  ServiceKind,
  Staffing,
  TaxonomyVocabulary,
  UnitKind,
} from "../server/generated/prisma/enums.ts";

/** A taxonomy term's code (target groups and offers are data: prisma TaxonomyTerm). */
type TermCode = string;

export const DEMO_PASSWORD = "Trædesten-demo-2026";

/** A stable UUID-shaped id from a readable key, so reseeding finds the same rows. */
export function seedId(key: string): string {
  const hex = createHash("sha1").update(`traedesten-demo:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const hours = (clock: string) => {
  const [hour, minute] = clock.split(":").map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
};

export interface PeriodSeed {
  days: number[];
  from: string;
  to: string;
  staffing?: Staffing;
}

export interface CentreSeed {
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
  targetGroups: TermCode[];
  offers: TermCode[];
  accessibility: AccessibilityFeature[];
  languages: string[];
  periods: PeriodSeed[];
  publicHolidayPolicy?: "CLOSED" | "NORMAL_HOURS";
  minAge?: number;
  maxAge?: number;
}

export interface ServiceSeed {
  key: string;
  organisation: string;
  name: string;
  kind: ServiceKind;
  description: string;
  targetGroups: TermCode[];
  languages: string[];
  intakeStatus?: "OPEN" | "WAITING_LIST" | "CLOSED";
  typicalWaitDays?: number;
  responseWindowDays?: number;
  isAnonymousWelcome?: boolean;
  street?: string;
  postalCode?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  phone?: string;
  website?: string;
  minAge?: number;
  maxAge?: number;
  /** An offer outside the platform: listed for signposting, no members, no inbox (issue 18). */
  isSignpostingOnly?: boolean;
}

/**
 * Target groups the strategy names that the first, fixed list lacked, added by a platform admin
 * in the demo (the migration only carries over today's values).
 */
export const DEMO_TAXONOMY_TERMS: { vocabulary: TaxonomyVocabulary; code: string; nameDa: string; nameEn: string; position: number }[] = [
  { vocabulary: "TARGET_GROUP", code: "PHYSICAL_DISABILITY", nameDa: "Fysisk funktionsnedsættelse", nameEn: "Physical disability", position: 80 },
  { vocabulary: "TARGET_GROUP", code: "FORMERLY_IN_CARE", nameDa: "Tidligere anbragte", nameEn: "Formerly in care", position: 90 },
  { vocabulary: "TARGET_GROUP", code: "FORMER_ADDICTION", nameDa: "Tidligere misbrug", nameEn: "Former addiction", position: 100 },
  { vocabulary: "TARGET_GROUP", code: "SEX_WORKERS", nameDa: "Sexarbejdere", nameEn: "Sex workers", position: 110 },
];

export const organisations: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: "fjordby", name: "Fjordby Kommune, Social og Sundhed", kind: "MUNICIPAL" },
  { key: "jobcenter", name: "Fjordby Kommune, Jobcenter", kind: "MUNICIPAL" },
  { key: "trappen", name: "Foreningen Trappen (fiktiv)", kind: "CIVIL_SOCIETY" },
  { key: "fyrtaarnet", name: "Fyrtårnet Fjordby – frivillignetværk (fiktiv)", kind: "CIVIL_SOCIETY" },
  // Associations outside the platform, listed for signposting only (issue 18).
  { key: "krolfklub", name: "Fjordby Krolfklub (fiktiv)", kind: "CIVIL_SOCIETY" },
  { key: "nystart", name: "Foreningen Ny Start (fiktiv)", kind: "CIVIL_SOCIETY" },
];

export const weekdays = [1, 2, 3, 4, 5];

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
    accessibility: ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET"], languages: ["da", "en", "ar"], minAge: 18, maxAge: 30,
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
    targetGroups: ["YOUNG_ADULTS", "ADDICTION", "FORMERLY_IN_CARE"], languages: ["da"], typicalWaitDays: 5, isAnonymousWelcome: true,
    minAge: 18, maxAge: 29 },
  { key: "praktisk", organisation: "fjordby", name: "Praktisk hjælp og madservice", kind: "PRACTICAL_HELP",
    description: "Hjælp til indkøb, tøjvask og madordning for borgere, der har svært ved at klare det selv.",
    targetGroups: ["ADULTS", "COGNITIVE_DISABILITY"], languages: ["da"], intakeStatus: "WAITING_LIST", typicalWaitDays: 30 },
  { key: "digital", organisation: "fyrtaarnet", name: "Digital hjælp – frivillige it-vejledere", kind: "DIGITAL_HELP",
    description: "Hjælp til MitID, e-Boks og digital post, én til én.",
    targetGroups: ["ADULTS", "LONELINESS"], languages: ["da", "en", "ar", "so"], typicalWaitDays: 7, isAnonymousWelcome: true },
  { key: "sundhed", organisation: "fjordby", name: "Gadesygeplejen", kind: "HEALTH",
    description: "Sygeplejersker, der kommer ud på værestederne: sårpleje, medicin og hjælp videre til læge.",
    targetGroups: ["HOMELESSNESS", "ADDICTION", "SEX_WORKERS"], languages: ["da", "en"], typicalWaitDays: 1, responseWindowDays: 2, isAnonymousWelcome: true },
  { key: "gaeldsraadgivning", organisation: "trappen", name: "Gratis gældsrådgivning (fiktiv forening)", kind: "CIVIL_SOCIETY_OFFER",
    description: "Frivillige rådgivere hjælper med at få overblik over gæld og lave en plan.",
    targetGroups: ["ADULTS", "HOMELESSNESS"], languages: ["da", "en"], typicalWaitDays: 10, isAnonymousWelcome: true },
  { key: "besoegsven", organisation: "fyrtaarnet", name: "Besøgsven og følgeven", kind: "CIVIL_SOCIETY_OFFER",
    description: "En frivillig, der kommer på besøg eller følger med til det første møde på et nyt sted.",
    targetGroups: ["LONELINESS", "MENTAL_VULNERABILITY"], languages: ["da", "uk"], typicalWaitDays: 21, intakeStatus: "WAITING_LIST" },
  { key: "bolig", organisation: "fjordby", name: "Boligsocialt team – hjemløseindsatsen", kind: "HOUSING_SUPPORT",
    description: "Hjælp til at finde og beholde en bolig (Housing First), i samarbejde med boligselskaberne.",
    targetGroups: ["HOMELESSNESS"], languages: ["da", "en"], typicalWaitDays: 10, responseWindowDays: 5 },
  // Signposting only: caseworkers point citizens onward to them; no inbox, no handovers.
  { key: "krolf", organisation: "krolfklub", name: "Krolf for alle i Fjordby Krolfklub", kind: "CIVIL_SOCIETY_OFFER",
    description: "Krolf på græsplænen bag hallen tirsdag og torsdag kl. 10. Køller kan lånes, kørestolsbrugere er velkomne, og der er kaffe bagefter.",
    targetGroups: ["LONELINESS", "ADULTS", "PHYSICAL_DISABILITY"], languages: ["da"], isAnonymousWelcome: true, isSignpostingOnly: true,
    street: "Idrætsvej 6", postalCode: "6999", city: "Fjordby", latitude: 55.4889, longitude: 9.4861, phone: "+45 70 10 40 01",
    website: "https://krolf.fjordby.example" },
  { key: "nystart", organisation: "nystart", name: "Ny Start – fællesskab efter misbrug", kind: "CIVIL_SOCIETY_OFFER",
    description: "Et frivilligt fællesskab for dig, der er kommet ud af et misbrug: løbeklub, madklub og samtalegrupper med andre, der har prøvet det samme.",
    targetGroups: ["FORMER_ADDICTION", "ADULTS"], languages: ["da", "en"], isAnonymousWelcome: true, isSignpostingOnly: true, minAge: 18,
    phone: "+45 70 10 40 02", website: "https://nystart.fjordby.example" },
];

export const caseworkerTeams = [
  { key: "team-voksen", organisation: "fjordby", name: "Myndighed Voksen – Team Øst" },
  { key: "team-ung", organisation: "jobcenter", name: "Jobcenter – Team Unge" },
];

export interface UserSeed {
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
  { key: "volunteer", email: "frivillig@lyset.example", name: "Frida Frivillig", memberships: [{ unit: "lyset", role: "VOLUNTEER" }] },
  { key: "service-worker", email: "bostoette@fjordby.example", name: "Bo Bostøtte", memberships: [{ unit: "bostoette", role: "MEMBER" }] },
  { key: "job-counsellor", email: "jobkonsulent@fjordby.example", name: "Jonna Jobkonsulent", memberships: [{ unit: "jobafklaring", role: "MEMBER" }] },
  { key: "org-admin", email: "orgadmin@fjordby.example", name: "Olivia Organisationsadmin", organisationAdminOf: ["fjordby"] },
  { key: "coordinator", email: "koordinator@fjordby.example", name: "Karim Koordinator", globalRole: "COORDINATOR" },
  { key: "platform-admin", email: "admin@fjordby.example", name: "Anna Administrator", globalRole: "PLATFORM_ADMIN" },
  { key: "strategic-group", email: "strategi@fjordby.example", name: "Sofie Strategigruppe", globalRole: "STRATEGIC_GROUP" },
];

/** Loads the demo municipality. Safe to run again: existing rows are left as they are. */
export const DEMO_AREAS = [
  { name: "Fjordby Centrum", latitude: 55.4895, longitude: 9.4735 },
  { name: "Fjordby Havn", latitude: 55.4912, longitude: 9.4801 },
  { name: "Nordbyen", latitude: 55.5021, longitude: 9.4668 },
  { name: "Skovlund", latitude: 55.4702, longitude: 9.4402 },
  { name: "Strandby", latitude: 55.4558, longitude: 9.5123 },
];

/** The always-open safety net of Fjordby (fictional, like the rest; the numbers are demo numbers). */
export const DEMO_SAFETY_NET = [
  {
    name: "Herberget Fjordly",
    kind: "SHELTER" as const,
    phone: "70 10 00 01",
    address: "Havnegade 12, Fjordby",
    description: "Nattely og en seng for natten. Ring eller mød op — døgnet rundt.",
    hoursText: null,
  },
  {
    name: "Psykiatrisk Akutmodtagelse Fjordby",
    kind: "ACUTE_PSYCHIATRY" as const,
    phone: "70 10 00 02",
    address: "Sygehusvej 4, Fjordby",
    description: "Akut hjælp ved psykisk krise. Ring først, hvis du kan.",
    hoursText: null,
  },
  {
    name: "Fjordby Nattelefon",
    kind: "HELPLINE" as const,
    phone: "70 10 00 03",
    address: null,
    description: "Anonym samtale med en frivillig, når du har brug for at tale med nogen.",
    hoursText: null,
  },
];

/**
 * Ideas and barriers raised at the demo centres (issue 21): one idea from Lyset's public page
 * accepted into the catalogue, one barrier answered, one idea from a volunteer still open.
 * `daysAgo` is counted back from the seeding clock.
 */
export const DEMO_IDEAS = [
  {
    key: "weekend-brunch",
    centre: "lyset",
    kind: "IDEA" as const,
    source: "PUBLIC_PAGE" as const,
    text: "Kunne I holde åbent søndag formiddag med brunch? Weekenden er lang, når alt er lukket.",
    daysAgo: 12,
    decision: {
      status: "ACCEPTED" as const,
      answer: "Tak for idéen! Den er optaget i initiativkataloget som »Søndagsbrunch på Lyset«, og vi undersøger, om frivillige kan bære den.",
      daysAgo: 5,
      initiative: {
        title: "Søndagsbrunch på Lyset",
        description: "Lyset åbner søndag formiddag med brunch, båret af frivillige og brugerfrivillige, så weekenden ikke er uden et sted at gå hen.",
        kind: "CITIZEN_FACING" as const,
        owner: "fjordby",
        quickEffect: 3,
        maturity: 1,
        resourceDraw: 2,
      },
    },
  },
  {
    key: "stairs",
    centre: "nattekaffe",
    kind: "BARRIER" as const,
    source: "PUBLIC_PAGE" as const,
    text: "Trapperne ned til caféen er svære, når man går med rollator.",
    daysAgo: 20,
    decision: {
      status: "ANSWERED" as const,
      answer: "Tak, fordi du sagde det. Der kommer en rampe ved bagindgangen i foråret; indtil da kan du ringe på klokken ved gården, så henter vi dig.",
      daysAgo: 14,
      initiative: null,
    },
  },
  {
    key: "board-games",
    centre: "lyset",
    kind: "IDEA" as const,
    source: "CENTRE_VOLUNTEER" as const,
    text: "En fast spilleaften om torsdagen, hvor brugerfrivillige lærer fra sig.",
    daysAgo: 2,
    decision: null,
  },
];
