// Messages carry no content. Every kind of event runs with personal data, wishes, notes, free
// text with CPR-like numbers and visit texts in place; then every delivered e-mail (subject,
// body, every header, the raw bytes) and every SMS request is read, and none of those values,
// no handover code and no citizen detail may appear in any of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotificationKind as NotificationKindValues } from "../server/generated/prisma/enums.ts";
import type { NotificationKind } from "../server/generated/prisma/enums.ts";
import type { MailCatcher } from "../server/modules/notifications/mail-catcher.ts";
import { CSRF_HEADER } from "../server/app.ts";
import { enqueueVisitNotification } from "../server/modules/notifications/index.ts";
import { startCatcher, startSmsStub } from "./notifications.helpers.ts";
import { buildHandoverWorld, createUser, type HandoverWorld } from "./support/world.ts";
import { createHandover, transitionOk } from "./support/handovers.ts";
import { graphql, runOk, type VariablesOf } from "./support/graphql.ts";
import { DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";

const CITIZEN = {
  firstName: "Kirsten Privatsen",
  phone: "+45 29 87 65 43",
  email: "kirsten.privat@borger.example",
  note: "Bor midlertidigt hos sin søster i Fjordby",
};
const TEXTS = {
  purpose: "Bostøtte efter udskrivning fra psykiatrien",
  wish: "Ønsker hjælp til gæld og en bolig, sagsnr 991399-1234",
  preferredContactTime: "Efter klokken fjorten på hverdage",
  languageNeeds: "Taler bedst arabisk",
  proposedMeetingPlace: "Café Solsikken ved Havnegade",
  consentPurpose: "Kontakt om bostøtte og gældsrådgivning",
  acceptNote: "Vi ringer hende op torsdag formiddag",
  declineReason: "Vi har seks måneders ventetid lige nu",
  suggestion: "Prøv Gadeteamet på Banegården",
  completeNote: "Hun kom til første møde og var glad",
  cancelReason: "Borgeren er flyttet til Aarhus",
  withdrawNote: "Borgeren ønsker ikke længere hjælp",
  visitTitle: "Jobkonsulenten svarer på spørgsmål",
  visitDescription: "Kom forbi med dit CV",
  visitNote: "Husk nøglen til mødelokalet hos Hanne",
  visitDeclineReason: "Lokalet er optaget af malere",
  visitCancelReason: "Konsulenten er syg",
  threadMessage: "Kirsten vil helst mødes hos sin søster på Skovvej",
  threadAnswer: "Vi ringer til søsteren om eftermiddagen",
};
// Valid-date CPR numbers are refused at input, so they are written straight into the
// database: even a value that slipped past the guard must never reach a message.
const WRONG_PASSWORD = "Gaet-igen-Kirsten-2024";
const INJECTED = { wish: "Ønske 010190-1234 skjult", purpose: "Formål 311299 4321 skjult", note: "Note 150575-2468 skjult" };

let app: TestApp;
let catcher: MailCatcher;
let sms: Awaited<ReturnType<typeof startSmsStub>>;
let world: HandoverWorld;
const codes: string[] = [];
const userNames: string[] = [];

beforeAll(async () => {
  const mail = await startCatcher();
  catcher = mail.catcher;
  sms = await startSmsStub();
  app = await startTestApp({
    environment: { ...mail.environment, SMS_PROVIDER: "gatewayapi", SMS_API_URL: sms.url, SMS_API_TOKEN: "stub-token", VISIT_REMINDER_DAYS: "2" },
  });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
  await catcher?.close();
  await sms?.close();
});

const UPDATE_PREFERENCES = graphql(`mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { __typename ... on UpdateNotificationPreferencesSuccess { preferences { locale phone kinds { kind mode sms } } } ... on ValidationError { issues { field } } } }`);
const PREFERENCES = graphql(`{ notificationPreferences { kinds { kind } } }`);

async function everythingImmediately(
  caller: HandoverWorld["staff"],
  extra: Partial<VariablesOf<typeof UPDATE_PREFERENCES>["input"]> = {},
  mode: "IMMEDIATE" | "DIGEST" = "IMMEDIATE",
  sms = true,
) {
  const preferences = (await runOk(caller, PREFERENCES)).notificationPreferences;
  const result = (
    await runOk(caller, UPDATE_PREFERENCES, {
      input: { phone: "20 30 40 50", kinds: preferences.kinds.map(({ kind }) => ({ kind, mode, sms })), ...extra },
    })
  ).updateNotificationPreferences;
  expect(result.__typename, JSON.stringify(result)).toBe("UpdateNotificationPreferencesSuccess");
}

async function fullHandover(send = true) {
  const handover = await createHandover(world.staff, world, {
    send,
    purpose: TEXTS.purpose,
    wish: TEXTS.wish,
    preferredContactTime: TEXTS.preferredContactTime,
    languageNeeds: TEXTS.languageNeeds,
    proposedMeetingPlace: TEXTS.proposedMeetingPlace,
    preferredChannel: "PHONE",
    consent: { fields: ["FIRST_NAME", "PHONE", "EMAIL", "NOTE"], purpose: TEXTS.consentPurpose, method: "VERBAL", validUntil: new Date(app.clock.now().getTime() + 60 * DAY_MS).toISOString() },
    personalData: CITIZEN,
  });
  codes.push(handover.code);
  await app.prisma.handover.update({ where: { id: handover.id }, data: { wish: `${TEXTS.wish} ${INJECTED.wish}`, purpose: `${TEXTS.purpose} ${INJECTED.purpose}` } });
  await app.prisma.handoverPersonalData.update({ where: { handoverId: handover.id }, data: { note: `${CITIZEN.note} ${INJECTED.note}` } });
  return handover;
}

const BOOK = graphql(`mutation ($input: BookVisitInput!) { bookVisit(input: $input) { __typename ... on BookVisitSuccess { data { id status } } } }`);

async function bookVisit(hour: number) {
  const result = (
    await runOk(world.worker, BOOK, {
      input: {
        centreId: world.centreId,
        spaceId: spaceId!,
        serviceUnitId: world.serviceUnitId,
        // Tuesday 1 December 2026, Copenhagen (UTC+1).
        startsAt: `2026-12-01T${String(hour - 1).padStart(2, "0")}:00:00.000Z`,
        endsAt: `2026-12-01T${String(hour).padStart(2, "0")}:00:00.000Z`,
        title: TEXTS.visitTitle,
        publicDescription: TEXTS.visitDescription,
        internalNote: TEXTS.visitNote,
      },
    })
  ).bookVisit;
  if (result.__typename !== "BookVisitSuccess") expect.fail(JSON.stringify(result));
  return result.data;
}
let spaceId: string | undefined;

describe("messages carry no personal data and no content", () => {
  it("every event kind, with personal data everywhere, produces messages that hold none of it", async () => {
    // Everyone wants everything at once, by e-mail and SMS; the sender reads English; one
    // colleague of the service gets the daily digest; both units have a shared mailbox.
    await everythingImmediately(world.staff, { locale: "en" });
    await everythingImmediately(world.centreAdmin);
    await everythingImmediately(world.worker);
    const digestReader = await createUser(app.prisma, { name: "Dorte Digest", memberships: [{ unitId: world.serviceUnitId }] });
    await everythingImmediately(await app.as(digestReader.id), {}, "DIGEST", false);
    for (const unitId of [world.centreUnitId, world.serviceUnitId]) {
      const set = (
        await runOk(
          world.platformAdmin,
          graphql(`mutation ($input: SetUnitNotificationMailboxInput!) { setUnitNotificationMailbox(input: $input) { __typename } }`),
          { input: { unitId, email: `postkasse-${unitId.slice(0, 6)}@fjordby.example` } },
        )
      ).setUnitNotificationMailbox;
      expect(set.__typename).toBe("SetUnitNotificationMailboxSuccess");
    }
    for (const user of await app.prisma.user.findMany({ select: { name: true } })) userNames.push(user.name);

    // Handovers: received → accepted → completed; declined; cancelled; consent withdrawn; expiring.
    const accepted = await fullHandover();
    await transitionOk(world.worker, "acceptHandover", { handoverId: accepted.id, note: TEXTS.acceptNote });
    await transitionOk(world.worker, "completeHandover", { handoverId: accepted.id, outcome: "CONNECTED", note: TEXTS.completeNote });
    const declined = await fullHandover();
    await transitionOk(world.worker, "declineHandover", { handoverId: declined.id, reason: TEXTS.declineReason, suggestion: TEXTS.suggestion });
    const cancelled = await fullHandover();
    await transitionOk(world.staff, "cancelHandover", { handoverId: cancelled.id, reason: TEXTS.cancelReason });
    const withdrawn = await fullHandover();
    await transitionOk(world.staff, "withdrawConsent", { handoverId: withdrawn.id, note: TEXTS.withdrawNote });
    await fullHandover(); // left to expire
    // On hold with a date to look again (tomorrow): a job tells the holding unit when it comes.
    const held = await fullHandover();
    await transitionOk(world.worker, "acceptHandover", { handoverId: held.id });
    const onHold = (
      await runOk(world.worker, graphql(`mutation ($input: HoldHandoverInput!) { holdHandover(input: $input) { __typename } }`), {
        input: { handoverId: held.id, lookAgainAt: new Date(app.clock.now().getTime() + DAY_MS).toISOString(), note: TEXTS.acceptNote },
      })
    ).holdHandover;
    expect(onHold.__typename).toBe("HoldHandoverSuccess");
    // An open request to any housing-support service near an area: the group's units are told.
    const area = await app.prisma.area.create({ data: { name: "Havnekvarteret", latitude: 55.49, longitude: 9.47 } });
    const openRequest = await createHandover(world.staff, world, {
      toUnitId: null,
      toGroup: { serviceKind: "HOUSING_SUPPORT", areaId: area.id },
      send: true,
      purpose: TEXTS.purpose,
      wish: TEXTS.wish,
    });
    codes.push(openRequest.code);
    // The thread: a message each way tells the other unit, never the text.
    for (const [caller, text] of [[world.staff, TEXTS.threadMessage], [world.worker, TEXTS.threadAnswer]] as const) {
      const posted = (
        await runOk(caller, graphql(`mutation ($input: PostHandoverMessageInput!) { postHandoverMessage(input: $input) { __typename } }`), { input: { handoverId: accepted.id, text } })
      ).postHandoverMessage;
      expect(posted.__typename).toBe("PostHandoverMessageSuccess");
    }

    // Visits: requested → confirmed (and changed); declined; cancelled by the centre; unanswered.
    spaceId = (await app.prisma.space.create({ data: { centreId: world.centreId, name: "Samtalerummet" } })).id;
    await app.prisma.visitWindow.createMany({ data: [1, 2, 3, 4, 5].map((weekday) => ({ centreId: world.centreId, weekday, startMinute: 9 * 60, endMinute: 16 * 60 })) });
    const confirmed = await bookVisit(10);
    const declinedVisit = await bookVisit(11);
    const cancelledVisit = await bookVisit(12);
    await bookVisit(13); // left unanswered
    const CONFIRM = graphql(`mutation ($input: ConfirmVisitInput!) { confirmVisit(input: $input) { __typename } }`);
    const DECLINE = graphql(`mutation ($input: DeclineVisitInput!) { declineVisit(input: $input) { __typename } }`);
    const CANCEL = graphql(`mutation ($input: CancelVisitInput!) { cancelVisit(input: $input) { __typename } }`);
    expect((await runOk(world.centreAdmin, CONFIRM, { input: { visitId: confirmed.id } })).confirmVisit.__typename).toBe("ConfirmVisitSuccess");
    expect((await runOk(world.centreAdmin, DECLINE, { input: { visitId: declinedVisit.id, reason: TEXTS.visitDeclineReason } })).declineVisit.__typename).toBe("DeclineVisitSuccess");
    expect((await runOk(world.centreAdmin, CANCEL, { input: { visitId: cancelledVisit.id, reason: TEXTS.visitCancelReason } })).cancelVisit.__typename).toBe("CancelVisitSuccess");
    // No command moves a visit yet; this is the call such a command makes in its transaction.
    await app.prisma.$transaction((tx) => enqueueVisitNotification(tx, { kind: "VISIT_CHANGED", visitId: confirmed.id, actorUnitId: world.serviceUnitId, at: app.clock.now() }));

    // Set-password links: a new user, and a reset.
    const created = (
      await runOk(
        world.centreAdmin,
        graphql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename ... on CreateUserSuccess { passwordLink { user { id } } } } }`),
        { input: { email: "ny.kollega@fjordby.example", name: "Nina Nykollega", unitId: world.centreUnitId, role: "MEMBER" } },
      )
    ).createUser;
    expect(created.__typename).toBe("CreateUserSuccess");
    const reset = (
      await runOk(world.centreAdmin, graphql(`mutation ($input: UserIdInput!) { issuePasswordReset(input: $input) { __typename } }`), { input: { userId: world.userIds.staff } })
    ).issuePasswordReset;
    expect(reset.__typename).toBe("IssuePasswordResetSuccess");

    // Five wrong passwords over HTTP lock the sender's account: its owner is told, nobody else.
    const locked = await app.prisma.user.findUniqueOrThrow({ where: { id: world.userIds.staff } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
        body: JSON.stringify({ query: `mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }`, variables: { input: { email: locked.email, password: WRONG_PASSWORD } } }),
      });
      expect(((await response.json()) as { data: { signIn: { __typename: string } } }).data.signIn.__typename).toBe("InvalidCredentialsError");
    }

    await app.runJobs();
    app.clock.advance(2.2 * DAY_MS); // the visit request has waited two days
    await app.runJobs();
    app.clock.set(new Date(Date.parse("2026-11-25T09:00:00.000Z") + 4.5 * DAY_MS)); // the window ends tomorrow
    await app.runJobs();
    app.clock.advance(0.7 * DAY_MS); // and now it has ended; the next morning's digest is due
    await app.runJobs();
    // On a loaded machine a send can time out and wait for its retry: let the retries run.
    for (let round = 0; round < 5 && (await app.prisma.notificationDelivery.count({ where: { status: "PENDING" } })) > 0; round++) {
      app.clock.advance(3_600_000);
      await app.runJobs();
    }

    // Every kind went out, by e-mail and (where chosen) SMS, plus digests.
    const sent = await app.prisma.notificationDelivery.findMany({ where: { status: "SENT" } });
    const kinds = new Set(sent.map((delivery) => delivery.kind));
    const allKinds: NotificationKind[] = [
      "HANDOVER_RECEIVED", "HANDOVER_ACCEPTED", "HANDOVER_DECLINED", "HANDOVER_COMPLETED", "HANDOVER_CANCELLED",
      "HANDOVER_CONSENT_WITHDRAWN", "HANDOVER_EXPIRES_TOMORROW", "HANDOVER_EXPIRED", "VISIT_REQUESTED", "VISIT_CONFIRMED",
      "VISIT_DECLINED", "VISIT_CANCELLED", "VISIT_CHANGED", "VISIT_REQUEST_UNANSWERED", "PASSWORD_SETUP", "PASSWORD_RESET",
      "ACCOUNT_LOCKED", "VISIT_EXPIRED", "HANDOVER_MESSAGE", "HANDOVER_OPEN_REQUEST", "HANDOVER_LOOK_AGAIN",
    ];
    // Kinds whose words are fixed and take no input are proven content-free in their own test.
    const provenElsewhere: NotificationKind[] = ["ROTA_GAP_REMINDER"]; // volunteers-reminders.test.ts
    // The check above must not fall behind the catalogue: every kind the database knows is in it.
    expect(new Set([...allKinds, ...provenElsewhere])).toEqual(new Set(Object.values(NotificationKindValues)));
    for (const kind of allKinds) expect(kinds, kind).toContain(kind);
    expect(kinds).toContain(null); // a digest
    expect(await app.prisma.notificationDelivery.count({ where: { status: { notIn: ["SENT", "DIGESTED"] } } })).toBe(0);
    expect(catcher.messages.length).toBe(sent.filter((delivery) => delivery.channel === "EMAIL").length);
    expect(sms.requests.length).toBe(sent.filter((delivery) => delivery.channel === "SMS").length);
    expect(sms.requests.length).toBeGreaterThan(10);
    expect(catcher.messages.some((message) => message.subject.startsWith("New referral") || message.subject.startsWith("Answer to"))).toBe(true);

    // Nothing personal, no content, no code: in any subject, body, header, raw byte or SMS.
    const forbidden = [
      ...Object.values(CITIZEN),
      CITIZEN.phone.replaceAll(" ", ""),
      "29876543",
      ...Object.values(TEXTS),
      ...Object.values(INJECTED),
      "010190", "311299", "150575", "991399",
      ...codes,
      ...userNames,
      WRONG_PASSWORD,
    ];
    expect(codes).toHaveLength(7);
    const documents = [
      ...catcher.messages.flatMap((message) => [message.subject, message.text, message.html, message.raw, ...Object.values(message.headers)]),
      ...sms.requests.map((request) => request.body),
    ];
    for (const value of forbidden) {
      const needle = value.toLowerCase();
      const leaks = documents.filter((document) => document.toLowerCase().includes(needle));
      expect(leaks, `"${value}" appears in a message`).toEqual([]);
    }
    // Handover codes are 8 characters from a reduced alphabet; none may appear even without the dash.
    for (const code of codes) {
      const bare = code.replace(/[^A-Z0-9]/gi, "").toLowerCase();
      expect(documents.filter((document) => document.toLowerCase().includes(bare))).toEqual([]);
    }

    // What a message does say: the kind of news, the unit, a link, the unsubscribe header.
    const received = catcher.messages.find((message) => message.subject === "Ny henvendelse til Bostøtten Test")!;
    expect(received.text).toContain("Der er en ny henvendelse til Bostøtten Test i Trædesten.");
    expect(received.headers["list-unsubscribe"]).toBe("<https://traedesten.test/indstillinger/notifikationer>");
    const smsBody = JSON.parse(sms.requests[0]!.body);
    expect(smsBody).toMatchObject({ sender: "Traedesten", recipients: [{ msisdn: 4520304050 }] });
    expect(sms.requests[0]!.headers["authorization"]).toBe("Token stub-token");
    // The set-password token left the outbox once its message was out.
    expect(await app.prisma.notificationEvent.count({ where: { secret: { not: null } } })).toBe(0);
  }, SLOW_TEST_MS * 2);
});
