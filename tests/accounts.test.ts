// Signing in and out: sessions, cookies, expiry, lockout, rate limits and CSRF.
import { print } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../server/app.ts";
import { hashPassword } from "../server/modules/accounts/passwords.ts";
import { SESSION_COOKIE } from "../server/modules/accounts/session.ts";
import { DEMO_PASSWORD, demoUsers, seedDemoData } from "../prisma/seed.ts";
import { startTestApp, TEST_START, type TestApp } from "./support/app.ts";
import { graphql, run, runOk, type ResultOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

const PASSWORD = "korrekt-hest-batteri-hæfteklamme";
const SIGN_IN = graphql(`mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { me { user { id name email } activeUnit { id } isCoordinator isPlatformAdmin } }
    ... on Error { code message messageDa }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`);
const ME = graphql(`query Me { me { user { id } activeUnit { id } } }`);
const SIGN_OUT = graphql(`mutation SignOut { signOut }`);
const DEACTIVATE_USER = graphql(`mutation DeactivateUser($input: UserIdInput!) {
  deactivateUser(input: $input) { __typename ... on DeactivateUserSuccess { user { id isActive } } } }`);

interface SignInAnswer {
  status: number;
  setCookie: string[];
  /** "traedesten_session=<token>" when a session cookie was set. */
  cookie: string | null;
  result: SignInResult;
}

/** The signIn result member as SIGN_IN selects it: success with `me`, or an error. */
type SignInResult = ResultOf<typeof SIGN_IN>["signIn"];

/** The signed-in viewer, failing the test unless the sign-in succeeded. */
function meOf(result: SignInResult) {
  if (result.__typename !== "SignInSuccess") return expect.fail(JSON.stringify(result));
  return result.me;
}

// The test app trusts one proxy hop (TRUST_PROXY=1), so each test can sign in from an address
// of its own and no test's failures count against another's.
let address = "10.0.0.1";
let addressCount = 0;

// Sent with fetch rather than a caller: each test signs in from its own X-Forwarded-For address
// and reads the Set-Cookie header.
async function signInOver(app: TestApp, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: "1", "x-forwarded-for": address, ...headers },
    body: JSON.stringify({ query: print(SIGN_IN), variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as { data?: { signIn: SignInResult }; errors?: unknown };
  if (!body.data) throw new Error(`signIn failed: ${JSON.stringify(body.errors)}`);
  const setCookie = response.headers.getSetCookie();
  const session = setCookie.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  const value = session?.split(";")[0];
  return { status: response.status, setCookie, cookie: value && value !== `${SESSION_COOKIE}=` ? value : null, result: body.data.signIn };
}


let app: TestApp;
let passwordHash: string;
beforeAll(async () => {
  app = await startTestApp({ environment: { TRUST_PROXY: "1" } });
  passwordHash = await hashPassword(PASSWORD);
}, 180_000);
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  // Each test starts at the same time, from an address no earlier attempt came from.
  app.clock.set(TEST_START);
  addressCount += 1;
  address = `10.0.${addressCount}.1`;
});

async function userWithPassword(overrides: Parameters<typeof createUser>[1] = {}) {
  return createUser(app.prisma, { passwordHash, ...overrides });
}

describe("signing in", () => {
  it("signs in with the right password and returns the user, with the password stored as argon2id", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const user = await userWithPassword({ memberships: [{ unitId: unit.id }] });
    expect(passwordHash).toMatch(/^\$argon2id\$/);

    const answer = await signInOver(app, user.email, PASSWORD);
    expect(answer.result["__typename"]).toBe("SignInSuccess");
    expect(meOf(answer.result)).toMatchObject({ user: { id: user.id, email: user.email }, activeUnit: { id: unit.id } });
    expect(answer.cookie).not.toBeNull();
    const me = await run(app.withCookie(answer.cookie!), ME);
    expect(me.data?.me).toEqual({ user: { id: user.id }, activeUnit: { id: unit.id } });
  });

  it("accepts the e-mail in any case and with surrounding spaces", async () => {
    const user = await userWithPassword({ email: "blandet@test.example" });
    const answer = await signInOver(app, "  Blandet@Test.EXAMPLE ", PASSWORD);
    expect(meOf(answer.result).user.id).toBe(user.id);
  });

  it("gives the same InvalidCredentialsError for an unknown e-mail and for a wrong password", async () => {
    const user = await userWithPassword();
    const wrongPassword = await signInOver(app, user.email, "forkert-adgangskode-123");
    const unknownEmail = await signInOver(app, "findes-ikke@test.example", PASSWORD);
    expect(wrongPassword.result).toEqual(unknownEmail.result);
    expect(wrongPassword.result).toMatchObject({ __typename: "InvalidCredentialsError", code: "INVALID_CREDENTIALS" });
    expect(wrongPassword.cookie).toBeNull();
    expect(unknownEmail.cookie).toBeNull();
  });

  it("refuses a user without a password yet and a deactivated user with the same generic error", async () => {
    const noPassword = await createUser(app.prisma);
    const deactivated = await userWithPassword({ isActive: false });
    expect((await signInOver(app, noPassword.email, PASSWORD)).result["__typename"]).toBe("InvalidCredentialsError");
    expect((await signInOver(app, deactivated.email, PASSWORD)).result["__typename"]).toBe("InvalidCredentialsError");
  });

  it("refuses an empty e-mail or password with ValidationError", async () => {
    const answer = await signInOver(app, "", "");
    expect(answer.result["__typename"]).toBe("ValidationError");
  });

  it("always issues a fresh token and ends the session the browser held before", async () => {
    const user = await userWithPassword();
    const first = await signInOver(app, user.email, PASSWORD);
    const second = await signInOver(app, user.email, PASSWORD, { cookie: first.cookie! });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await run(app.withCookie(first.cookie!), ME)).data?.me).toBeNull();
    expect((await run(app.withCookie(second.cookie!), ME)).data?.me).not.toBeNull();
  });

  it("stores only a hash of the session token", async () => {
    const user = await userWithPassword();
    const answer = await signInOver(app, user.email, PASSWORD);
    const token = answer.cookie!.split("=")[1]!;
    const sessions = await app.prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toContain(token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and not Secure over plain HTTP in tests", async () => {
    const user = await userWithPassword();
    const { setCookie } = await signInOver(app, user.email, PASSWORD);
    const line = setCookie.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!;
    expect(line).toMatch(/;\s*httponly/i);
    expect(line).toMatch(/;\s*samesite=lax/i);
    expect(line).toMatch(/;\s*expires=/i);
    expect(line).not.toMatch(/;\s*secure/i);
  });

  it("lives as long as the session on the browser's own clock, whatever the server's clock says", async () => {
    // The test server's clock stands in the past; a cookie dated by it would be born expired.
    const user = await userWithPassword();
    const { setCookie } = await signInOver(app, user.email, PASSWORD);
    const line = setCookie.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!;
    const expires = Date.parse(/;\s*expires=([^;]+)/i.exec(line)![1]!);
    const lifetime = app.config.session.absoluteHours * 3_600_000;
    expect(expires).toBeGreaterThan(Date.now() + lifetime - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + lifetime + 1_000);
  });

  describe("with COOKIE_SECURE on", () => {
    let secureApp: TestApp;
    // A second server on its own database; starting it can take a while on a busy machine.
    beforeAll(async () => {
      secureApp = await startTestApp({ environment: { COOKIE_SECURE: "true" } });
    }, 180_000);
    afterAll(async () => {
      await secureApp?.close();
    });

    it("is Secure as well", async () => {
      const user = await createUser(secureApp.prisma, { passwordHash });
      const answer = await signInOver(secureApp, user.email, PASSWORD);
      expect(answer.result["__typename"]).toBe("SignInSuccess");
      const line = answer.setCookie.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
      expect(line).toMatch(/;\s*secure/i);
      expect(line).toMatch(/;\s*httponly/i);
      expect(line).toMatch(/;\s*samesite=lax/i);
    });
  });
});

describe("signing out and expiry", () => {
  it("signOut revokes the session server-side, so the old cookie no longer works", async () => {
    const user = await userWithPassword();
    const { cookie } = await signInOver(app, user.email, PASSWORD);
    const signOut = await run(app.withCookie(cookie!), SIGN_OUT);
    expect(signOut.data?.signOut).toBe(true);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).toBeNull();
    const session = await app.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedAt).not.toBeNull();
    expect(await app.prisma.securityEvent.count({ where: { kind: "LOGOUT", targetUserId: user.id } })).toBe(1);
  });

  it("ends a session that has been idle longer than the idle limit", async () => {
    const user = await userWithPassword();
    const { cookie } = await signInOver(app, user.email, PASSWORD);
    const idleMs = app.config.session.idleMinutes * 60_000;
    app.clock.advance(idleMs - 60_000);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).not.toBeNull();
    // That request counted as activity, so the idle limit starts again from here.
    app.clock.advance(idleMs - 60_000);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).not.toBeNull();
    app.clock.advance(idleMs + 1000);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).toBeNull();
  });

  it("ends an active session at the absolute limit", async () => {
    const user = await userWithPassword();
    const { cookie } = await signInOver(app, user.email, PASSWORD);
    const step = (app.config.session.idleMinutes - 5) * 60_000;
    const absoluteMs = app.config.session.absoluteHours * 3_600_000;
    let elapsed = 0;
    while (elapsed + step < absoluteMs) {
      app.clock.advance(step);
      elapsed += step;
      expect((await run(app.withCookie(cookie!), ME)).data?.me).not.toBeNull();
    }
    app.clock.advance(absoluteMs - elapsed);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).toBeNull();
  });
});

describe("lockout and rate limits", () => {
  it("locks the account for 15 minutes after 5 failed attempts, tells the owners (not the caller), and unlocks after", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const user = await userWithPassword({ memberships: [{ unitId: unit.id }] });
    const answers: SignInResult[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      app.clock.advance(60_000);
      answers.push((await signInOver(app, user.email, "forkert-adgangskode-123")).result);
    }
    // The fifth failure locks the account, but the caller hears exactly what the first four said.
    for (const answer of answers) {
      expect(answer).toEqual({ __typename: "InvalidCredentialsError", code: "INVALID_CREDENTIALS", message: "The e-mail or password is wrong.", messageDa: "E-mail eller adgangskode er forkert." });
    }
    const lockedAt = app.clock.now();
    const locked = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.toISOString()).toBe(new Date(lockedAt.getTime() + 15 * 60_000).toISOString());

    // Even the right password is refused while locked, with the same answer.
    app.clock.advance(10 * 60_000);
    const whileLocked = await signInOver(app, user.email, PASSWORD);
    expect(whileLocked.result).toEqual(answers[0]);
    expect(whileLocked.cookie).toBeNull();

    // The owners learn of it from the security log.
    expect(await app.prisma.securityEvent.count({ where: { kind: "LOCKOUT", targetUserId: user.id, organisationId: organisation.id } })).toBe(1);
    expect(await app.prisma.securityEvent.count({ where: { kind: "LOGIN_FAILED", targetUserId: user.id } })).toBe(6);

    app.clock.advance(5 * 60_000);
    const afterLock = await signInOver(app, user.email, PASSWORD);
    expect(afterLock.result["__typename"]).toBe("SignInSuccess");
    const stored = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil).toBeNull();
    expect(stored.failedLoginCount).toBe(0);
  });

  it("does not lock when the failures are spread over more than the window", async () => {
    // The limiter keeps wall-clock time: a second app on the same database with a 1-second window.
    const shortWindow = await startTestApp({ database: app.database, environment: { TRUST_PROXY: "1" }, rateLimits: { signInAccount: { durationSeconds: 1 } } });
    try {
      const user = await userWithPassword();
      for (let round = 1; round <= 2; round++) {
        for (let attempt = 1; attempt <= 4; attempt++) {
          expect((await signInOver(shortWindow, user.email, "forkert-adgangskode-123")).result["__typename"]).toBe("InvalidCredentialsError");
        }
        await new Promise((resolve) => setTimeout(resolve, 1_100));
      }
      expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
      expect((await signInOver(shortWindow, user.email, PASSWORD)).result["__typename"]).toBe("SignInSuccess");
    } finally {
      await shortWindow.close();
    }
  }, 120_000);

  it("a successful sign-in resets the count of failures", async () => {
    const user = await userWithPassword();
    for (let attempt = 1; attempt <= 4; attempt++) {
      app.clock.advance(1000);
      await signInOver(app, user.email, "forkert-adgangskode-123");
    }
    app.clock.advance(1000);
    expect((await signInOver(app, user.email, PASSWORD)).result["__typename"]).toBe("SignInSuccess");
    for (let attempt = 1; attempt <= 4; attempt++) {
      app.clock.advance(1000);
      expect((await signInOver(app, user.email, "forkert-adgangskode-123")).result["__typename"]).toBe("InvalidCredentialsError");
    }
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
  });

  it("limits failed attempts per client address to 30 per 15 minutes with RateLimitedError", async () => {
    const user = await userWithPassword();
    for (let attempt = 1; attempt <= 30; attempt++) {
      const answer = await signInOver(app, `ukendt-${attempt}@test.example`, "forkert-adgangskode-123");
      expect(answer.result["__typename"]).toBe("InvalidCredentialsError");
    }
    const limited = await signInOver(app, user.email, PASSWORD);
    expect(limited.result).toMatchObject({ __typename: "RateLimitedError", code: "RATE_LIMITED" });
    if (limited.result.__typename !== "RateLimitedError") return expect.fail(limited.result.__typename);
    expect(limited.result.retryAfterSeconds).toBeGreaterThan(850);
    expect(limited.result.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(limited.result.messageDa).toContain("Vent 15 min.");
    expect(limited.cookie).toBeNull();

    // Another address is not limited by this one's failures.
    address = "10.200.0.1";
    expect((await signInOver(app, user.email, PASSWORD)).result["__typename"]).toBe("SignInSuccess");
  }, 120_000);

  it("lets an address try again once its window has passed", async () => {
    const shortWindow = await startTestApp({ database: app.database, rateLimits: { signInAddress: { points: 3, durationSeconds: 20 } } });
    try {
      const user = await userWithPassword();
      for (let attempt = 1; attempt <= 3; attempt++) await signInOver(shortWindow, `ukendt-${attempt}@test.example`, "forkert-adgangskode-123");
      const limited = (await signInOver(shortWindow, user.email, PASSWORD)).result;
      expect(limited["__typename"]).toBe("RateLimitedError");
      if (limited.__typename !== "RateLimitedError") return expect.fail(limited.__typename);
      // Wait as long as the answer says, and not much longer.
      await new Promise((resolve) => setTimeout(resolve, (limited.retryAfterSeconds ?? 0) * 1000 + 200));
      expect((await signInOver(shortWindow, user.email, PASSWORD)).result["__typename"]).toBe("SignInSuccess");
    } finally {
      await shortWindow.close();
    }
  }, 120_000);

  it("records failed sign-ins without the e-mail or password in the security log", async () => {
    app.clock.set("2026-11-25T12:34:56.000Z");
    await signInOver(app, "hemmelig-adresse@test.example", "hemmeligt-kodeord-999");
    const events = await app.prisma.securityEvent.findMany({ where: { kind: "LOGIN_FAILED", at: app.clock.now() } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ip: address, targetUserId: null, actorUserId: null });
    const everything = JSON.stringify(await app.prisma.securityEvent.findMany());
    expect(everything).not.toContain("hemmelig-adresse");
    expect(everything).not.toContain("hemmeligt-kodeord");
  });
});

describe("deactivation", () => {
  it("ends every session of a deactivated user at once", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const admin = await createUser(app.prisma, { memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] });
    const user = await userWithPassword({ memberships: [{ unitId: unit.id }] });
    const laptop = await signInOver(app, user.email, PASSWORD);
    const phone = await signInOver(app, user.email, PASSWORD);

    const adminCaller = await app.as(admin.id);
    const deactivated = await runOk(adminCaller, DEACTIVATE_USER, { input: { userId: user.id } });
    expect(deactivated.deactivateUser).toEqual({ __typename: "DeactivateUserSuccess", user: { id: user.id, isActive: false } });
    expect((await run(app.withCookie(laptop.cookie!), ME)).data?.me).toBeNull();
    expect((await run(app.withCookie(phone.cookie!), ME)).data?.me).toBeNull();
    expect(await app.prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await signInOver(app, user.email, PASSWORD)).result["__typename"]).toBe("InvalidCredentialsError");
  });
});

describe("CSRF", () => {
  it("refuses a text/plain POST that carries the session cookie but not the CSRF header, and changes nothing", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { unit } = await createCentre(app.prisma, organisation.id);
    const other = await createCentre(app.prisma, organisation.id);
    const user = await userWithPassword({ memberships: [{ unitId: unit.id }, { unitId: other.unit.id }] });
    const { cookie } = await signInOver(app, user.email, PASSWORD);

    const attack = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: cookie!, origin: "https://evil.example" },
      body: JSON.stringify({ query: `mutation { switchActiveUnit(input: { unitId: "${other.unit.id}" }) { __typename } signOut }` }),
    });
    expect(attack.status).toBe(403);
    const session = await run(app.withCookie(cookie!), ME);
    expect(session.data?.me).toEqual({ user: { id: user.id }, activeUnit: { id: unit.id } });

    const formPost = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie! },
      body: `query=${encodeURIComponent("mutation { signOut }")}`,
    });
    expect(formPost.status).toBe(403);
    expect((await run(app.withCookie(cookie!), ME)).data?.me).not.toBeNull();
  });
});

describe("the demo users", () => {
  let demoApp: TestApp;
  beforeAll(async () => {
    demoApp = await startTestApp();
    await seedDemoData(demoApp.prisma, demoApp.clock);
  }, 180_000);
  afterAll(async () => {
    await demoApp?.close();
  });

  it("every demo user can sign in with the demo password", { timeout: 120_000 }, async () => {
    expect(demoUsers.length).toBeGreaterThanOrEqual(8);
    for (const demoUser of demoUsers) {
      const answer = await signInOver(demoApp, demoUser.email, DEMO_PASSWORD);
      expect(answer.result["__typename"], demoUser.email).toBe("SignInSuccess");
      const me = meOf(answer.result);
      expect(me.user.name).toBe(demoUser.name);
      expect(me.isPlatformAdmin).toBe(demoUser.globalRole === "PLATFORM_ADMIN");
      expect(me.isCoordinator).toBe(demoUser.globalRole === "COORDINATOR" || demoUser.globalRole === "PLATFORM_ADMIN");
      // A volunteer membership is not a unit one acts for: a volunteer-only user has no active unit.
      const staffMemberships = (demoUser.memberships ?? []).filter((membership) => membership.role !== "VOLUNTEER");
      expect(me.activeUnit !== null).toBe(staffMemberships.length > 0);
    }
  });
});
