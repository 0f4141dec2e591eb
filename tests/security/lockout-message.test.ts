// Finding 2's other half: a lockout is told to the account's owner, not to the caller. The fifth
// wrong password locks the account and, in the same transaction as the LOCKOUT security event,
// writes one content-free message to the owner's own address through the notification outbox.
// The caller's answer stays the same for a locked, an unknown and a merely wrong account, and an
// unknown e-mail (or more tries against the lock) produces no message at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/modules/accounts/passwords.ts";
import type { MailCatcher } from "../../server/modules/notifications/mail-catcher.ts";
import { ACCOUNT_LOCK_MINUTES } from "../../server/shared/account-lock.ts";
import { startCatcher } from "../notifications.helpers.ts";
import { createCentre, createOrganisation, createUser } from "../support/world.ts";
import { dataOf, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "../support/app.ts";
import { graphql, run } from "../support/graphql.ts";

const PASSWORD = "korrekt-hest-batteri-hæfteklamme";
const WRONG = "forkert-adgangskode-123";
const SIGN_IN = graphql(`mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { __typename ... on Error { code message messageDa } }
}`);

let app: TestApp;
let catcher: MailCatcher;

async function signIn(email: string, password: string) {
  return dataOf(await run(app.anonymous, SIGN_IN, { input: { email, password } })).signIn;
}

beforeAll(async () => {
  const mail = await startCatcher();
  catcher = mail.catcher;
  app = await startTestApp({ environment: mail.environment });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
  await catcher?.close();
}, HOOK_TIMEOUT_MS);

describe("the owner of a locked account is told, the caller is not", () => {
  it("sends one content-free e-mail to the owner only, written with the LOCKOUT event", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const owner = await createUser(app.prisma, { name: "Lene Låsesen", email: "lene.laasesen@fjordby.example", passwordHash, memberships: [{ unitId: unit.id }] });
    const colleague = await createUser(app.prisma, { name: "Kaj Kollega", passwordHash, memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] });

    const unknown = await signIn("findes-ikke@fjordby.example", WRONG);
    expect(unknown).toMatchObject({ __typename: "InvalidCredentialsError", code: "INVALID_CREDENTIALS" });
    for (let attempt = 1; attempt <= 4; attempt++) expect(await signIn(owner.email, WRONG)).toEqual(unknown);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "ACCOUNT_LOCKED" } })).toBe(0);

    // The fifth wrong password locks the account: the caller hears nothing new.
    expect(await signIn(owner.email, WRONG)).toEqual(unknown);
    const lockout = await app.prisma.securityEvent.findFirstOrThrow({ where: { kind: "LOCKOUT", targetUserId: owner.id } });
    const events = await app.prisma.notificationEvent.findMany({ where: { kind: "ACCOUNT_LOCKED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: owner.id, unitId: null, subjectId: null, secret: null, createdAt: lockout.at });

    // More tries against the lock (even the right password) change neither the answer nor the count.
    for (let attempt = 1; attempt <= 3; attempt++) expect(await signIn(owner.email, WRONG)).toEqual(unknown);
    expect(await signIn(owner.email, PASSWORD)).toEqual(unknown);
    // An unknown e-mail "locked" the same way tells nobody.
    for (let attempt = 1; attempt <= 6; attempt++) expect(await signIn("heller-ikke@fjordby.example", WRONG)).toEqual(unknown);
    expect(await app.prisma.notificationEvent.count({ where: { kind: "ACCOUNT_LOCKED" } })).toBe(1);

    await app.runJobs();
    const deliveries = await app.prisma.notificationDelivery.findMany({ where: { kind: "ACCOUNT_LOCKED" } });
    expect(deliveries.map(({ userId, channel, address, status }) => ({ userId, channel, address, status }))).toEqual([
      { userId: owner.id, channel: "EMAIL", address: owner.email, status: "SENT" },
    ]);
    // Nothing in the colleague's (or anyone's) in-app list, and one e-mail received over SMTP.
    expect(await app.prisma.notification.count({ where: { kind: "ACCOUNT_LOCKED" } })).toBe(0);
    expect(catcher.messages).toHaveLength(1);
    const message = catcher.messages[0]!;
    expect(message.to).toEqual([owner.email]);
    expect(message.to).not.toContain(colleague.email);
    expect(message.subject).toBe("Din bruger i Trædesten er midlertidigt låst");
    expect(message.text).toContain(`Nogen har forsøgt at logge ind på din bruger i Trædesten flere gange med forkert adgangskode. Brugeren er derfor låst i ${ACCOUNT_LOCK_MINUTES} minutter.`);
    expect(message.text).toContain("Var det ikke dig, så kontakt din administrator.");
    expect(message.text).toContain("https://traedesten.test/log-ind");
    // Content-free: no name, no address it came from, no password tried, no time of the tries.
    const body = [message.subject, message.text, message.html].join("\n").toLowerCase();
    for (const value of [owner.name, colleague.name, "127.0.0.1", "::1", WRONG, PASSWORD, owner.email, unit.name]) {
      expect(body, value).not.toContain(value.toLowerCase());
    }
  }, SLOW_TEST_MS);

  it("tells the owner in their own language, and a deactivated account gets nothing", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const english = await createUser(app.prisma, { passwordHash, memberships: [{ unitId: unit.id }] });
    await app.prisma.notificationSettings.create({ data: { userId: english.id, locale: "en" } });
    const gone = await createUser(app.prisma, { passwordHash, isActive: false, memberships: [{ unitId: unit.id }] });
    const before = new Set(catcher.messages.map((message) => message.id));
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(english.email, WRONG);
      await signIn(gone.email, WRONG);
    }
    expect(await app.prisma.securityEvent.count({ where: { kind: "LOCKOUT", targetUserId: { in: [english.id, gone.id] } } })).toBe(2);
    await app.runJobs();
    const received = catcher.messages.filter((message) => !before.has(message.id));
    expect(received.map((message) => message.to)).toEqual([[english.email]]);
    expect(received[0]!.subject).toBe("Your Trædesten account is locked for a while");
    expect(received[0]!.text).toContain(`locked for ${ACCOUNT_LOCK_MINUTES} minutes. If it was not you, contact your administrator.`);
  }, SLOW_TEST_MS);
});
