// Notifications through the front door: the in-app list and unread count, preferences with
// typed errors for bad input, the unit's shared mailbox, failed deliveries shown to the unit's
// admins, the daily digest at the chosen Copenhagen hour, the SMS adapter against a local
// stub, configuration, and the demo: a handover to Bostøtten reaches its members' inboxes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import { ConfigError, loadConfig } from "../server/config.ts";
import { registerDevelopmentCatcher, type MailCatcher } from "../server/modules/notifications/mail-catcher.ts";
import { GatewayApiSmsProvider, SmsDeliveryError } from "../server/modules/notifications/sms.ts";
import { startCatcher, startSmsStub } from "./notifications.helpers.ts";
import { buildHandoverWorld, createUser, type HandoverWorld } from "./support/world.ts";
import { createHandover, transitionOk } from "./support/handovers.ts";
import { DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";

let app: TestApp;
let catcher: MailCatcher;
let sms: Awaited<ReturnType<typeof startSmsStub>>;
let smsStatus = 200;
let world: HandoverWorld;

beforeAll(async () => {
  const mail = await startCatcher();
  catcher = mail.catcher;
  sms = await startSmsStub(() => smsStatus);
  app = await startTestApp({ environment: { ...mail.environment, SMS_PROVIDER: "gatewayapi", SMS_API_URL: sms.url, SMS_API_TOKEN: "stub-token" } });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
  await catcher?.close();
  await sms?.close();
});

const LIST = graphql(`query Notifications { notifications { id kind text textDa path isRead unit { name } } unreadNotificationCount }`);
const MARK_READ = graphql(`mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) { __typename ... on MarkNotificationsReadSuccess { unreadCount } } }`);
const UPDATE = graphql(`mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) {
  __typename ... on UpdateNotificationPreferencesSuccess { preferences { locale digestHour phone kinds { kind mode sms isDefault } } }
  ... on ValidationError { code issues { field messageDa } } } }`);
const SET_MAILBOX = graphql(`mutation SetUnitNotificationMailbox($input: SetUnitNotificationMailboxInput!) { setUnitNotificationMailbox(input: $input) {
  __typename ... on SetUnitNotificationMailboxSuccess { mailbox { email bouncedAt } } ... on ValidationError { code issues { field } } } }`);
const PREFERENCES = graphql(`query NotificationPreferences { notificationPreferences { locale digestHour phone kinds { kind mode sms isDefault } } }`);
const PREFERENCES_AFTER = graphql(`query NotificationPreferencesAfter { notificationPreferences { digestHour phone kinds { isDefault } } }`);
const EMAIL_BOUNCED = graphql(`query EmailBouncedAt { notificationPreferences { emailBouncedAt } }`);
const FAILED_DELIVERIES = graphql(`query FailedNotificationDeliveries($unitId: ID!) {
  failedNotificationDeliveries(unitId: $unitId) { kind channel status address attempts lastError recipient { id emailBouncedAt } } }`);
const OUTBOX = graphql(`query DevelopmentOutbox { developmentOutbox { mail { to subject text listUnsubscribe } } }`);
const OUTBOX_SUBJECTS = graphql(`query DevelopmentOutboxSubjects { developmentOutbox { mail { subject } } }`);
const CREATE_HANDOVER = graphql(`mutation CreateHandover($input: CreateHandoverInput!) {
  createHandover(input: $input) { __typename ... on CreateHandoverSuccess { data { id } } } }`);
const ACCEPT_HANDOVER = graphql(`mutation AcceptHandover($input: AcceptHandoverInput!) { acceptHandover(input: $input) { __typename } }`);

describe("the in-app list", () => {
  it("lists what concerns the viewer, counts the unread, and marks them read", async () => {
    const handover = await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    const list = await runOk(world.worker, LIST);
    expect(list.unreadNotificationCount).toBe(1);
    expect(list.notifications).toEqual([
      expect.objectContaining({
        kind: "HANDOVER_RECEIVED",
        textDa: "Der er en ny henvendelse til Bostøtten Test i Trædesten.",
        text: "There is a new referral for Bostøtten Test in Trædesten.",
        path: `/overleveringer/${handover.id}`,
        isRead: false,
        unit: { name: "Bostøtten Test" },
      }),
    ]);
    // Need to know: the sending centre's staff and outsiders are not told of a new arrival.
    expect((await runOk(world.staff, LIST)).notifications).toEqual([]);
    expect((await runOk(world.unrelated, LIST)).notifications).toEqual([]);

    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    await app.runJobs();
    expect((await runOk(world.staff, LIST)).notifications.map((item) => item.kind)).toEqual(["HANDOVER_ACCEPTED"]);
    // The handover's author is told, not every colleague in the sending unit.
    expect((await runOk(world.centreAdmin, LIST)).notifications).toEqual([]);

    const marked = (await runOk(world.worker, MARK_READ, { input: { ids: [list.notifications[0]!.id] } })).markNotificationsRead;
    expect(marked).toEqual({ __typename: "MarkNotificationsReadSuccess", unreadCount: 0 });
    // Someone else's ids change nothing.
    const unchanged = (await runOk(world.worker, MARK_READ, { input: {} })).markNotificationsRead;
    if (unchanged.__typename !== "MarkNotificationsReadSuccess") return expect.fail(unchanged.__typename);
    expect(unchanged.unreadCount).toBe(0);
    expect((await runOk(world.staff, LIST)).unreadNotificationCount).toBe(1);
  }, SLOW_TEST_MS);
});

describe("preferences", () => {
  it("start from defaults a busy professional would pick", async () => {
    const preferences = (await runOk(world.worker, PREFERENCES)).notificationPreferences;
    expect(preferences).toMatchObject({ locale: "da", digestHour: 8, phone: null });
    const modes = Object.fromEntries(preferences.kinds.map((kind) => [kind.kind, kind.mode]));
    expect(modes).toMatchObject({ HANDOVER_RECEIVED: "IMMEDIATE", HANDOVER_EXPIRES_TOMORROW: "IMMEDIATE", HANDOVER_COMPLETED: "DIGEST", VISIT_CONFIRMED: "DIGEST" });
    expect(modes).not.toHaveProperty("PASSWORD_SETUP");
  });

  it("refuse an invalid phone number, an SMS without a number and an unknown language with typed errors, changing nothing", async () => {
    const caller = await app.as((await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId }] })).id);
    const badPhone = await runError(caller, UPDATE, { input: { phone: "ring til Kirsten", digestHour: 6 } }, "ValidationError");
    expect(badPhone).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED", issues: [{ field: "phone" }] });
    const smsWithoutPhone = await runError(caller, UPDATE, { input: { kinds: [{ kind: "HANDOVER_RECEIVED", mode: "IMMEDIATE", sms: true }] } }, "ValidationError");
    expect(smsWithoutPhone).toMatchObject({ __typename: "ValidationError", issues: [{ field: "phone" }] });
    const badHour = await runError(caller, UPDATE, { input: { digestHour: 24, locale: "fr" } }, "ValidationError");
    expect(badHour.issues.map((issue) => issue.field).sort()).toEqual(["digestHour", "locale"]);
    const passwordOff = await runError(caller, UPDATE, { input: { kinds: [{ kind: "PASSWORD_RESET", mode: "OFF" }] } }, "ValidationError");
    expect(passwordOff).toMatchObject({ __typename: "ValidationError", issues: [{ field: "kinds" }] });
    const after = (await runOk(caller, PREFERENCES_AFTER)).notificationPreferences;
    expect(after.digestHour).toBe(8);
    expect(after.phone).toBeNull();
    expect(after.kinds.every((kind) => kind.isDefault)).toBe(true);
  });

  it("save a Danish number as +45, and OFF stops e-mail but keeps the in-app list", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId }] });
    const caller = await app.as(user.id);
    const saved = (await runOk(caller, UPDATE, { input: { phone: "20 30 40 50", kinds: [{ kind: "HANDOVER_RECEIVED", mode: "OFF" }] } })).updateNotificationPreferences;
    if (saved.__typename !== "UpdateNotificationPreferencesSuccess") return expect.fail(saved.__typename);
    expect(saved.preferences.phone).toBe("+4520304050");
    await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    expect(await app.prisma.notificationDelivery.count({ where: { userId: user.id } })).toBe(0);
    expect(await app.prisma.notification.count({ where: { userId: user.id } })).toBe(1);
  }, SLOW_TEST_MS);
});

describe("the unit's shared mailbox", () => {
  it("refuses an invalid address with a typed error, and gets every message for the unit", async () => {
    const admin = await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId, role: "UNIT_ADMIN" }] });
    const caller = await app.as(admin.id);
    const bad = await runError(caller, SET_MAILBOX, { input: { unitId: world.serviceUnitId, email: "bostoetten(at)fjordby" } }, "ValidationError");
    expect(bad).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED", issues: [{ field: "email" }] });
    const set = (await runOk(caller, SET_MAILBOX, { input: { unitId: world.serviceUnitId, email: " Postkasse@Bostoetten.example " } })).setUnitNotificationMailbox;
    if (set.__typename !== "SetUnitNotificationMailboxSuccess") return expect.fail(set.__typename);
    expect(set.mailbox).toEqual({ email: "postkasse@bostoetten.example", bouncedAt: null });
    catcher.messages.length = 0;
    await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    const toMailbox = catcher.messages.filter((message) => message.to.includes("postkasse@bostoetten.example"));
    expect(toMailbox).toHaveLength(1);
    expect(toMailbox[0]!.text).toContain("fælles postkasse");
    const cleared = (await runOk(caller, SET_MAILBOX, { input: { unitId: world.serviceUnitId, email: "" } })).setUnitNotificationMailbox;
    if (cleared.__typename !== "SetUnitNotificationMailboxSuccess") return expect.fail(cleared.__typename);
    expect(cleared.mailbox.email).toBeNull();
  }, SLOW_TEST_MS);
});

describe("deliveries that fail", () => {
  it("are shown to the unit's admins, and a bounce is shown on the user", async () => {
    const admin = await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId, role: "UNIT_ADMIN" }] });
    const bouncing = await createUser(app.prisma, { email: "forkert@bostoetten.example", memberships: [{ unitId: world.serviceUnitId }] });
    catcher.behaviour.rejectRecipients.add("forkert@bostoetten.example");
    try {
      await createHandover(world.staff, world, { send: true });
      await app.runJobs();
    } finally {
      catcher.behaviour.rejectRecipients.clear();
    }
    const adminCaller = await app.as(admin.id);
    const problems = (await runOk(adminCaller, FAILED_DELIVERIES, { unitId: world.serviceUnitId })).failedNotificationDeliveries;
    expect(problems).toEqual([
      expect.objectContaining({ kind: "HANDOVER_RECEIVED", channel: "EMAIL", status: "FAILED", address: "forkert@bostoetten.example", attempts: 1, lastError: "550" }),
    ]);
    expect(problems[0]!.recipient).toMatchObject({ id: bouncing.id, emailBouncedAt: expect.any(String) });
    // The user clears the flag after checking the address.
    const bouncingCaller = await app.as(bouncing.id);
    const cleared = (await runOk(bouncingCaller, UPDATE, { input: { clearEmailBounce: true } })).updateNotificationPreferences;
    expect(cleared.__typename).toBe("UpdateNotificationPreferencesSuccess");
    expect((await runOk(bouncingCaller, EMAIL_BOUNCED)).notificationPreferences.emailBouncedAt).toBeNull();
  }, SLOW_TEST_MS);
});

describe("the daily digest", () => {
  it("gathers held messages into one e-mail at the user's hour in Copenhagen, once a day", async () => {
    const user = await createUser(app.prisma, { email: "digest@bostoetten.example", memberships: [{ unitId: world.serviceUnitId }] });
    const caller = await app.as(user.id);
    await runOk(caller, UPDATE, { input: { digestHour: 15, kinds: [{ kind: "HANDOVER_RECEIVED", mode: "DIGEST" }] } });
    catcher.messages.length = 0;
    // Wednesday 25 November 2026, 10:00 in Copenhagen: before the chosen hour.
    app.clock.set("2026-11-25T09:00:00.000Z");
    await createHandover(world.staff, world, { send: true });
    await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    const mine = () => catcher.messages.filter((message) => message.to.includes("digest@bostoetten.example"));
    expect(mine()).toHaveLength(0);
    app.clock.set("2026-11-25T13:59:00.000Z"); // 14:59 in Copenhagen
    await app.runJobs();
    expect(mine()).toHaveLength(0);
    app.clock.set("2026-11-25T14:00:00.000Z"); // 15:00 in Copenhagen
    await app.runJobs();
    await app.runJobs();
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.subject).toBe("Dagens overblik fra Trædesten (2)");
    expect(mine()[0]!.text.match(/Der er en ny henvendelse til Bostøtten Test/g)).toHaveLength(2);
    // A message held after today's digest waits for tomorrow's.
    app.clock.set("2026-11-25T15:00:00.000Z");
    world = { ...world, ...(await refreshed()) };
    await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    expect(mine()).toHaveLength(1);
    app.clock.set("2026-11-26T14:00:00.000Z");
    await app.runJobs();
    expect(mine()).toHaveLength(2);
    app.clock.set("2026-11-25T09:00:00.000Z");
    world = { ...world, ...(await refreshed()) };
  }, SLOW_TEST_MS);
});

describe("the SMS provider adapter", () => {
  it("posts GatewayAPI's JSON with the token, and tells a temporary failure from a permanent one", async () => {
    const provider = new GatewayApiSmsProvider({ url: sms.url, token: "stub-token", sender: "Traedesten", timeoutMs: 2_000 });
    const before = sms.requests.length;
    await provider.send({ to: "+4520304050", text: "Trædesten: Der er nyt.", reference: "delivery-1" });
    const request = sms.requests[before]!;
    expect(request).toMatchObject({ method: "POST", url: "/rest/mtsms" });
    expect(request.headers["authorization"]).toBe("Token stub-token");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ sender: "Traedesten", message: "Trædesten: Der er nyt.", recipients: [{ msisdn: 4520304050 }], userref: "delivery-1" });
    smsStatus = 503;
    await expect(provider.send({ to: "+4520304050", text: "x", reference: "delivery-2" })).rejects.toMatchObject({ code: "HTTP_503", isPermanent: false });
    smsStatus = 422;
    await expect(provider.send({ to: "+4520304050", text: "x", reference: "delivery-3" })).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(provider.send({ to: "+4520304050", text: "x", reference: "delivery-3" })).rejects.toMatchObject({ code: "HTTP_422", isPermanent: true });
    smsStatus = 200;
  });

  it("retries an SMS when the provider answers 5xx, and sends it once", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: world.serviceUnitId }] });
    const caller = await app.as(user.id);
    await runOk(caller, UPDATE, { input: { phone: "+45 31 32 33 34", kinds: [{ kind: "HANDOVER_CANCELLED", mode: "IMMEDIATE", sms: true }] } });
    const handover = await createHandover(world.staff, world, { send: true });
    await app.runJobs();
    smsStatus = 502;
    await transitionOk(world.staff, "cancelHandover", { handoverId: handover.id, reason: "Ikke længere aktuelt" });
    const countTo = () => sms.requests.filter((request) => request.body.includes("4531323334")).length;
    try {
      await app.runJobs();
      expect(countTo()).toBe(1);
      const [delivery] = await app.prisma.notificationDelivery.findMany({ where: { userId: user.id, channel: "SMS" } });
      expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastError: "HTTP_502" });
    } finally {
      smsStatus = 200;
    }
    app.clock.advance(30_000);
    await app.runJobs();
    expect(countTo()).toBe(2);
    expect(await app.prisma.notificationDelivery.findMany({ where: { userId: user.id, channel: "SMS" } })).toMatchObject([{ status: "SENT", attempts: 2 }]);
    app.clock.advance(3_600_000);
    await app.runJobs();
    expect(countTo()).toBe(2);
    app.clock.set("2026-11-25T09:00:00.000Z");
    world = { ...world, ...(await refreshed()) };
  }, SLOW_TEST_MS);
});

async function refreshed() {
  return {
    staff: await app.as(world.userIds.staff),
    worker: await app.as(world.userIds.worker),
    centreAdmin: await app.as(world.userIds.centreAdmin),
    platformAdmin: await app.as(world.userIds.platformAdmin),
  };
}

describe("the development outbox", () => {
  it("shows caught e-mails to platform admins", async () => {
    registerDevelopmentCatcher(catcher);
    try {
      catcher.messages.length = 0;
      await createHandover(world.staff, world, { send: true });
      await app.runJobs();
      const outbox = (await runOk(world.platformAdmin, OUTBOX)).developmentOutbox;
      expect(outbox.mail[0]).toMatchObject({ subject: "Ny henvendelse til Bostøtten Test", listUnsubscribe: "<https://traedesten.test/indstillinger/notifikationer>" });
      await runError(world.worker, OUTBOX_SUBJECTS, {}, "FORBIDDEN");
    } finally {
      registerDevelopmentCatcher(null);
    }
  }, SLOW_TEST_MS);
});

describe("set-password links", () => {
  const CREATE = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) {
    __typename ... on CreateUserSuccess { passwordLink { url isEmailed expiresAt user { id email } } } } }`);
  const SET_PASSWORD = graphql(`mutation SetPassword($input: SetPasswordInput!) { setPassword(input: $input) { __typename } }`);

  it("go by e-mail only to the user when a mail server is set: the admin's answer carries no link", async () => {
    const created = (
      await runOk(world.centreAdmin, CREATE, { input: { email: "ny.medarbejder@fjordby.example", name: "Nanna Ny", unitId: world.centreUnitId, role: "MEMBER" } })
    ).createUser;
    expect(created.__typename).toBe("CreateUserSuccess");
    if (created.__typename !== "CreateUserSuccess") return expect.fail(created.__typename);
    expect(created.passwordLink).toMatchObject({ url: null, isEmailed: true, user: { email: "ny.medarbejder@fjordby.example" } });
    await app.runJobs();
    const mail = catcher.messages.find((message) => message.to.includes("ny.medarbejder@fjordby.example"));
    expect(mail?.subject).toBe("Vælg din adgangskode til Trædesten");
    const token = /saet-adgangskode#token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    // The e-mailed link is the one that works.
    const set = (await runOk(app.anonymous, SET_PASSWORD, { input: { token: token!, password: "en-lang-og-god-adgangskode-42" } })).setPassword;
    expect(set.__typename).toBe("SetPasswordSuccess");
  }, SLOW_TEST_MS);

  it("are also shown on screen only where no real mail server carries them", async () => {
    const development = await startTestApp({ environment: { NODE_ENV: "development" }, database: app.database });
    try {
      const admin = await development.as(world.userIds.centreAdmin);
      const created = (
        await runOk(admin, CREATE, { input: { email: "udvikler.test@fjordby.example", name: "Ulla Udvikler", unitId: world.centreUnitId, role: "MEMBER" } })
      ).createUser;
      expect(created.__typename).toBe("CreateUserSuccess");
      if (created.__typename !== "CreateUserSuccess") return expect.fail(created.__typename);
      expect(created.passwordLink.isEmailed).toBe(true);
      expect(created.passwordLink.url).toMatch(/^https?:\/\/[^/]+\/saet-adgangskode#token=[A-Za-z0-9_-]{40,}$/);
    } finally {
      await development.close();
    }
  }, SLOW_TEST_MS);
});

describe("configuration", () => {
  it("refuses to start in production without SMTP_URL, with a clear message", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SMTP_URL: required in production/);
    expect(loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.dk:587" }).notifications.mail).toEqual({ kind: "smtp", url: "smtp://mail.example.dk:587" });
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.dk" })).toThrow(/SMTP_URL: must start with smtp/);
  });

  it("catches mail in process in development, and turns it off in tests without SMTP_URL", () => {
    expect(loadConfig({ NODE_ENV: "development" }).notifications.mail).toEqual({ kind: "catcher", port: 2525 });
    expect(loadConfig({ NODE_ENV: "development", SMTP_CATCHER_PORT: "45025" }).notifications.mail).toEqual({ kind: "catcher", port: 45025 });
    expect(loadConfig({ NODE_ENV: "test" }).notifications.mail).toEqual({ kind: "off" });
    expect(() => loadConfig({ NODE_ENV: "development", SMS_PROVIDER: "gatewayapi" })).toThrow(/SMS_API_TOKEN/);
  });
});

describe("the demo", () => {
  it("a handover to Bostøtten reaches its members; accepting it reaches the sender; the day before expiry both are warned", async () => {
    const mail = await startCatcher();
    const demo = await startTestApp({ environment: mail.environment });
    try {
      await seedDemoData(demo.prisma, demo.clock);
      const staff = await demo.as(seedId("user:centre-staff"));
      const worker = await demo.as(seedId("user:service-worker"));
      const created = (
        await runOk(staff, CREATE_HANDOVER, {
          input: { fromUnitId: seedId("unit:lyset"), toUnitId: seedId("unit:bostoette"), purpose: "Hjælp til bolig", helpCategories: ["HOUSING"], send: true },
        })
      ).createHandover;
      expect(created.__typename).toBe("CreateHandoverSuccess");
      if (created.__typename !== "CreateHandoverSuccess") return expect.fail(created.__typename);
      await demo.runJobs();
      const toWorker = mail.catcher.messages.filter((message) => message.to.includes("bostoette@fjordby.example"));
      expect(toWorker.map((message) => message.subject)).toContain("Ny henvendelse til Bostøtten Fjordby");

      const accepted = (await runOk(worker, ACCEPT_HANDOVER, { input: { handoverId: created.data.id } })).acceptHandover;
      expect(accepted.__typename).toBe("AcceptHandoverSuccess");
      await demo.runJobs();
      expect(mail.catcher.messages.filter((message) => message.to.includes("medarbejder@lyset.example")).map((message) => message.subject)).toContain(
        "Svar på en henvendelse fra Værestedet Lyset",
      );

      // A second handover, not answered: four days later its five-day window ends tomorrow.
      await run(staff, CREATE_HANDOVER, {
        input: { fromUnitId: seedId("unit:lyset"), toUnitId: seedId("unit:bostoette"), purpose: "Hjælp til bolig", helpCategories: ["HOUSING"], send: true },
      });
      await demo.runJobs();
      demo.clock.advance(4.2 * DAY_MS);
      await demo.runJobs();
      const warnings = mail.catcher.messages.filter((message) => message.subject.startsWith("Svarfrist i morgen"));
      expect(warnings.flatMap((message) => message.to)).toEqual(expect.arrayContaining(["bostoette@fjordby.example", "medarbejder@lyset.example"]));
    } finally {
      await demo.close();
      await mail.catcher.close();
    }
  }, SLOW_TEST_MS * 2);
});
