// Demo data for handovers (journey J2, and a warm introduction from J1): a handful of handovers
// between demo units in different states, with their timelines, so Værestedet Lyset's staff and
// Bostøtten's worker both find items in their inboxes. Times are relative to the clock. The only
// personal data is an obvious alias, under consent.
import { createHash } from "node:crypto";
import type { Clock } from "../server/clock.ts";
import type { Prisma } from "../server/db/database.ts";
import type {
  ContactChannel,
  HandoverDeclineCode,
  HandoverEventType,
  HandoverKind,
  HandoverOutcome,
  HandoverStatus,
  HelpCategory,
  ServiceKind,
  Urgency,
} from "../server/generated/prisma/enums.ts";
import { HANDOVER_CODE_ALPHABET, generateHandoverCode } from "../server/modules/handovers/handover-code.ts";
import { DEMO_AREAS, seedId } from "./seed-fixtures.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface StepSeed {
  type: HandoverEventType;
  to: HandoverStatus;
  /** Unit key of the actor; null for the system. */
  unit: string | null;
  user?: string;
  hoursAgo: number;
  note?: string;
}

interface HandoverSeed {
  key: string;
  kind?: HandoverKind;
  from: string;
  /** Unit key of the receiver; null for an open request nobody has claimed yet. */
  to: string | null;
  /** Sent as an open request to any service of this kind near the demo area. */
  openRequest?: { serviceKind: ServiceKind; area: string };
  createdBy: string;
  purpose: string;
  helpCategories: HelpCategory[];
  wish?: string;
  urgency?: Urgency;
  preferredChannel?: ContactChannel;
  preferredContactTime?: string;
  proposedMeeting?: { inHours: number; place: string };
  outcome?: HandoverOutcome;
  declineReason?: string;
  suggestion?: string;
  declineCode?: HandoverDeclineCode;
  /** Unit key of a service or centre suggested when declining. */
  suggestedUnit?: string;
  responseWindowDays?: number;
  consentedFirstName?: string;
  /** On hold: look again this many hours from now. */
  lookAgainInHours?: number;
  noShowCount?: number;
  /** Key of the handover this one was referred on from. */
  referredFrom?: string;
  steps: StepSeed[];
}

const handovers: HandoverSeed[] = [
  {
    key: "lyset-bostoette-new",
    from: "lyset",
    to: "bostoette",
    createdBy: "centre-staff",
    purpose: "Brobygning til bostøtte: ønsker hjælp til at holde styr på post og husleje.",
    helpCategories: ["HOUSING", "ECONOMY"],
    wish: "Vil gerne have en fast kontaktperson og hjælp til at åbne breve.",
    preferredChannel: "VIA_SENDER",
    preferredContactTime: "Tirsdage 10:00-12:00 på værestedet",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 26 },
      { type: "SENT", to: "SENT", unit: "lyset", user: "centre-staff", hoursAgo: 26 },
    ],
  },
  {
    key: "lyset-bostoette-accepted",
    from: "lyset",
    to: "bostoette",
    createdBy: "centre-staff",
    purpose: "Har mistet sin lejlighed og sover hos venner. Ønsker hjælp til at finde bolig.",
    helpCategories: ["HOUSING"],
    urgency: "HIGH",
    preferredChannel: "PHONE",
    consentedFirstName: "Kim (alias)",
    proposedMeeting: { inHours: 50, place: "Værestedet Lyset, samtalerummet" },
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 72 },
      { type: "SENT", to: "SENT", unit: "lyset", user: "centre-staff", hoursAgo: 72 },
      { type: "RECEIVED", to: "RECEIVED", unit: "bostoette", user: "service-worker", hoursAgo: 50 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 49, note: "Vi kommer forbi værestedet til første samtale." },
    ],
  },
  {
    key: "lyset-jobafklaring-declined",
    from: "lyset",
    to: "jobafklaring",
    createdBy: "centre-staff",
    purpose: "Vil gerne tale om praktik eller frivilligt arbejde et par timer om ugen.",
    helpCategories: ["WORK_EDUCATION"],
    declineReason: "Borgeren skal først visiteres af sin sagsbehandler i jobcentret.",
    suggestion: "Prøv Fyrtårnets frivillignetværk, der tager imod uden visitation.",
    declineCode: "ANOTHER_SERVICE_FITS_BETTER",
    suggestedUnit: "fyrtaarnet",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 120 },
      { type: "SENT", to: "SENT", unit: "lyset", user: "centre-staff", hoursAgo: 120 },
      { type: "DECLINED", to: "DECLINED", unit: "jobafklaring", user: "job-counsellor", hoursAgo: 20, note: "Borgeren skal først visiteres af sin sagsbehandler i jobcentret." },
    ],
  },
  {
    key: "lyset-bostoette-completed",
    from: "lyset",
    to: "bostoette",
    createdBy: "centre-staff",
    purpose: "Ønsker hjælp til at søge boligstøtte.",
    helpCategories: ["HOUSING", "ECONOMY"],
    outcome: "CONNECTED",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 400 },
      { type: "SENT", to: "SENT", unit: "lyset", user: "centre-staff", hoursAgo: 400 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 380 },
      { type: "COMPLETED", to: "COMPLETED", unit: "bostoette", user: "service-worker", hoursAgo: 240, note: "Første møde holdt; ansøgningen er sendt." },
    ],
  },
  {
    key: "team-lyset-warm",
    kind: "WARM_INTRODUCTION",
    from: "team-voksen",
    to: "lyset",
    createdBy: "caseworker",
    purpose: "Varm introduktion: borgeren er ensom og vil gerne prøve et fællesskab.",
    helpCategories: ["COMMUNITY"],
    wish: "Kommer gerne første gang til frokost, gerne med en fast person at spørge efter.",
    preferredContactTime: "Torsdag kl. 12:00",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 3 },
      { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: 3 },
    ],
  },
  {
    key: "lyset-rusmiddel-draft",
    from: "lyset",
    to: "rusmiddel",
    createdBy: "centre-staff",
    purpose: "Overvejer at tale med nogen om sit forbrug.",
    helpCategories: ["ADDICTION"],
    steps: [{ type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 1 }],
  },
  {
    key: "lyset-bostoette-expired",
    from: "lyset",
    to: "bostoette",
    createdBy: "centre-staff",
    purpose: "Ønsker hjælp til rengøring og indkøb.",
    helpCategories: ["PRACTICAL"],
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "lyset", user: "centre-staff", hoursAgo: 200 },
      { type: "SENT", to: "SENT", unit: "lyset", user: "centre-staff", hoursAgo: 200 },
      { type: "EXPIRED", to: "EXPIRED", unit: null, hoursAgo: 80 },
    ],
  },
  // Issue 18: on hold, a no-show with a new meeting, and a referred-on chain (Bostøtten → Boligsocialt team).
  {
    key: "team-bostoette-on-hold",
    from: "team-voksen",
    to: "bostoette",
    createdBy: "caseworker",
    purpose: "Ønsker hjælp til at komme i gang med at betale regninger til tiden.",
    helpCategories: ["ECONOMY"],
    lookAgainInHours: 24 * 6,
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 150 },
      { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: 150 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 140 },
      { type: "ON_HOLD", to: "ON_HOLD", unit: "bostoette", user: "service-worker", hoursAgo: 30, note: "Borgeren er bortrejst et par uger; vi ser på det igen." },
    ],
  },
  {
    key: "team-bostoette-no-show",
    from: "team-voksen",
    to: "bostoette",
    createdBy: "caseworker",
    purpose: "Har brug for hjælp til at holde styr på aftaler.",
    helpCategories: ["HOUSING"],
    noShowCount: 1,
    proposedMeeting: { inHours: 70, place: "Værestedet Lyset, under Bostøttens træffetid" },
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 200 },
      { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: 200 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 190 },
      { type: "NO_SHOW_RETRIED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 20, note: "Mødte ikke op i går; nyt forsøg på værestedet." },
    ],
  },
  {
    key: "team-bostoette-referred",
    from: "team-voksen",
    to: "bostoette",
    createdBy: "caseworker",
    purpose: "Bor midlertidigt på herberg og ønsker hjælp til at finde bolig.",
    helpCategories: ["HOUSING"],
    outcome: "REFERRED_ON",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 260 },
      { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: 260 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 250 },
      { type: "COMPLETED", to: "COMPLETED", unit: "bostoette", user: "service-worker", hoursAgo: 40 },
    ],
  },
  {
    key: "bostoette-bolig-referred-next",
    from: "bostoette",
    to: "bolig",
    createdBy: "service-worker",
    purpose: "Henvist videre: har brug for hjemløseindsatsens hjælp til en bolig.",
    helpCategories: ["HOUSING"],
    referredFrom: "team-bostoette-referred",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "bostoette", user: "service-worker", hoursAgo: 40 },
      { type: "SENT", to: "SENT", unit: "bostoette", user: "service-worker", hoursAgo: 40 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bolig", hoursAgo: 10 },
    ],
  },
  // Issue 18: open requests to a group — one still waiting for a housing-support team near Fjordby
  // Centrum to take it, one the Boligsocialt team took — and an on-hold handover whose date to
  // look again has come (the reminder job tells Bostøtten when the demo starts).
  {
    key: "team-open-request-waiting",
    from: "team-voksen",
    to: null,
    openRequest: { serviceKind: "HOUSING_SUPPORT", area: "Fjordby Centrum" },
    createdBy: "caseworker",
    purpose: "Åben forespørgsel: har brug for et bostøtteteam, der kan starte inden for en uge.",
    helpCategories: ["HOUSING", "PRACTICAL"],
    urgency: "HIGH",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 5 },
      { type: "SENT", to: "OPEN", unit: "team-voksen", user: "caseworker", hoursAgo: 5 },
    ],
  },
  {
    key: "team-open-request-claimed",
    from: "team-voksen",
    to: "bolig",
    openRequest: { serviceKind: "HOUSING_SUPPORT", area: "Fjordby Havn" },
    createdBy: "caseworker",
    purpose: "Åben forespørgsel: sover i en opgang og har brug for hjælp til en bolig.",
    helpCategories: ["HOUSING"],
    urgency: "HIGH",
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 30 },
      { type: "SENT", to: "OPEN", unit: "team-voksen", user: "caseworker", hoursAgo: 30 },
      { type: "CLAIMED", to: "ACCEPTED", unit: "bolig", hoursAgo: 27, note: "Vi tager den og ringer til teamet i morgen." },
    ],
  },
  {
    key: "team-bostoette-look-again-due",
    from: "team-voksen",
    to: "bostoette",
    createdBy: "caseworker",
    purpose: "Ønsker hjælp til at få styr på sin post og sine regninger.",
    helpCategories: ["ECONOMY"],
    lookAgainInHours: -2,
    steps: [
      { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: 300 },
      { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: 300 },
      { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: 290 },
      { type: "ON_HOLD", to: "ON_HOLD", unit: "bostoette", user: "service-worker", hoursAgo: 170, note: "Borgeren er indlagt; vi ser på det igen om en uge." },
    ],
  },
  // Issue 18: a history of answered handovers to Bostøtten over the last 90 days, so its measured
  // responsiveness (median time to first answer, share accepted, decline reasons) shows when choosing.
  ...[
    { hoursToAnswer: 4, daysAgo: 80, declineCode: null },
    { hoursToAnswer: 6, daysAgo: 66, declineCode: null },
    { hoursToAnswer: 8, daysAgo: 52, declineCode: "FULL_OR_WAITING_LIST" as const },
    { hoursToAnswer: 20, daysAgo: 45, declineCode: null },
    { hoursToAnswer: 30, daysAgo: 38, declineCode: "OUTSIDE_TARGET_GROUP" as const },
    { hoursToAnswer: 48, daysAgo: 31, declineCode: null },
  ].map(({ hoursToAnswer, daysAgo, declineCode }, index): HandoverSeed => {
    const sentHoursAgo = daysAgo * 24;
    const answeredHoursAgo = sentHoursAgo - hoursToAnswer;
    return {
      key: `history-bostoette-${index}`,
      from: "team-voksen",
      to: "bostoette",
      createdBy: "caseworker",
      purpose: "Tidligere henvisning (demo)",
      helpCategories: ["HOUSING"],
      ...(declineCode ? { declineCode } : { outcome: "CONNECTED" as const }),
      steps: [
        { type: "CREATED", to: "DRAFT", unit: "team-voksen", user: "caseworker", hoursAgo: sentHoursAgo },
        { type: "SENT", to: "SENT", unit: "team-voksen", user: "caseworker", hoursAgo: sentHoursAgo },
        ...(declineCode
          ? [{ type: "DECLINED", to: "DECLINED", unit: "bostoette", user: "service-worker", hoursAgo: answeredHoursAgo } as const]
          : [
              { type: "ACCEPTED", to: "ACCEPTED", unit: "bostoette", user: "service-worker", hoursAgo: answeredHoursAgo } as const,
              { type: "COMPLETED", to: "COMPLETED", unit: "bostoette", user: "service-worker", hoursAgo: answeredHoursAgo - 72 } as const,
            ]),
      ],
    };
  }),
];

/** A stable code per demo handover, drawn from the same alphabet as real codes. */
function demoCode(key: string): string {
  const bytes = createHash("sha256").update(`traedesten-demo-handover:${key}`).digest();
  let index = 0;
  return generateHandoverCode((max) => bytes[index++]! % max);
}

const CLOSING: HandoverStatus[] = ["COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN"];

/** Seeds the demo handovers with their timelines. Safe to run again. */
export async function seedHandoversDemoData(prisma: Prisma, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * HOUR_MS);
  for (const seed of handovers) {
    const id = seedId(`handover:${seed.key}`);
    const last = seed.steps.at(-1)!;
    const status = last.to;
    const sent = seed.steps.find((step) => step.type === "SENT");
    const firstResponse = seed.steps.find((step) => ["ACCEPTED", "DECLINED", "CLAIMED"].includes(step.type));
    const userId = (key: string | undefined) => (key ? seedId(`user:${key}`) : null);
    const code = demoCode(seed.key);
    if (![...code.replace("-", "")].every((symbol) => HANDOVER_CODE_ALPHABET.includes(symbol))) throw new Error("bad demo code");
    await prisma.handover.upsert({
      where: { id },
      update: {},
      create: {
        id,
        code,
        kind: seed.kind ?? "BRIDGE",
        status,
        fromUnitId: seedId(`unit:${seed.from}`),
        toUnitId: seed.to ? seedId(`unit:${seed.to}`) : null,
        createdById: userId(seed.createdBy)!,
        purpose: seed.purpose,
        helpCategories: seed.helpCategories,
        wish: seed.wish ?? null,
        urgency: seed.urgency ?? "NORMAL",
        preferredChannel: seed.preferredChannel ?? "VIA_SENDER",
        preferredContactTime: seed.preferredContactTime ?? null,
        proposedMeetingAt: seed.proposedMeeting ? new Date(now + seed.proposedMeeting.inHours * HOUR_MS) : null,
        proposedMeetingPlace: seed.proposedMeeting?.place ?? null,
        outcome: seed.outcome ?? null,
        declineReason: seed.declineReason ?? null,
        suggestion: seed.suggestion ?? null,
        declineCode: seed.declineCode ?? (status === "DECLINED" ? "OTHER" : null),
        suggestedUnitId: seed.suggestedUnit ? seedId(`unit:${seed.suggestedUnit}`) : null,
        lookAgainAt: seed.lookAgainInHours ? new Date(now + seed.lookAgainInHours * HOUR_MS) : null,
        noShowCount: seed.noShowCount ?? 0,
        referredFromId: seed.referredFrom ? seedId(`handover:${seed.referredFrom}`) : null,
        createdAt: ago(seed.steps[0]!.hoursAgo),
        sentAt: sent ? ago(sent.hoursAgo) : null,
        expiresAt: sent ? new Date(ago(sent.hoursAgo).getTime() + (seed.responseWindowDays ?? 5) * DAY_MS) : null,
        firstResponseAt: firstResponse ? ago(firstResponse.hoursAgo) : null,
        closedAt: CLOSING.includes(status) ? ago(last.hoursAgo) : null,
      },
    });
    if (seed.openRequest) {
      const area = DEMO_AREAS.find((candidate) => candidate.name === seed.openRequest!.area)!;
      const claimed = seed.steps.find((step) => step.type === "CLAIMED");
      await prisma.handoverOpenRequest.upsert({
        where: { handoverId: id },
        update: {},
        create: {
          handoverId: id,
          serviceKind: seed.openRequest.serviceKind,
          areaId: seedId(`area:${area.name}`),
          areaName: area.name,
          latitude: area.latitude,
          longitude: area.longitude,
          radiusKm: 15,
          claimedAt: claimed ? ago(claimed.hoursAgo) : null,
        },
      });
    }
    await prisma.handoverEvent.createMany({
      skipDuplicates: true,
      data: seed.steps.map((step, index) => ({
        id: seedId(`handover-event:${seed.key}:${index}`),
        handoverId: id,
        type: step.type,
        fromStatus: index === 0 ? null : seed.steps[index - 1]!.to,
        toStatus: step.to,
        actorUnitId: step.unit ? seedId(`unit:${step.unit}`) : null,
        actorUserId: userId(step.user),
        note: step.note ?? null,
        at: ago(step.hoursAgo),
      })),
    });
    if (seed.consentedFirstName && seed.to) {
      await prisma.consent.upsert({
        where: { handoverId: id },
        update: {},
        create: {
          handoverId: id,
          fields: ["FIRST_NAME"],
          recipientUnitId: seedId(`unit:${seed.to}`),
          purpose: "At bostøtten kan spørge efter borgeren ved første møde.",
          method: "VERBAL",
          recordedById: userId(seed.createdBy)!,
          givenAt: ago(seed.steps[0]!.hoursAgo),
          validUntil: new Date(now + 60 * DAY_MS),
        },
      });
      await prisma.handoverPersonalData.upsert({
        where: { handoverId: id },
        update: {},
        create: { handoverId: id, firstName: seed.consentedFirstName },
      });
    }
  }
  // The sender has seen everything up to the receiver's latest answer, except the decline.
  await prisma.handoverRead.createMany({
    skipDuplicates: true,
    data: [
      { handoverId: seedId("handover:lyset-bostoette-completed"), unitId: seedId("unit:lyset"), lastReadAt: ago(200) },
      { handoverId: seedId("handover:lyset-bostoette-completed"), unitId: seedId("unit:bostoette"), lastReadAt: ago(200) },
      { handoverId: seedId("handover:lyset-bostoette-accepted"), unitId: seedId("unit:bostoette"), lastReadAt: ago(49) },
    ],
  });
  // A short thread between the two units on the accepted handover (issue 18, item 5).
  const threadOn = seedId("handover:lyset-bostoette-accepted");
  await prisma.handoverMessage.createMany({
    skipDuplicates: true,
    data: [
      { unit: "bostoette", user: "service-worker", hoursAgo: 48, text: "Vi kommer på torsdag kl. 10. Kan I sige til Kim, at vi spørger efter hende i caféen?" },
      { unit: "lyset", user: "centre-staff", hoursAgo: 47, text: "Ja, det siger vi. Hun kan bedst lide at sidde ved vinduet." },
    ].map((message, index) => ({
      id: seedId(`handover-message:lyset-bostoette-accepted:${index}`),
      handoverId: threadOn,
      authorUnitId: seedId(`unit:${message.unit}`),
      authorUserId: seedId(`user:${message.user}`),
      text: message.text,
      at: ago(message.hoursAgo),
    })),
  });
}
