// Signing in with e-mail and password, with lockout per account and a limit per IP address.
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import { RateLimitedError } from "../../shared/errors.ts";
import { AccountLockedError, InvalidCredentialsError } from "./accounts.errors.ts";
import { verifyPassword } from "./passwords.ts";
import { organisationsOfUser, recordSecurityEvent } from "./security-events.ts";
import { createSession, hashToken } from "./session.ts";

export const ATTEMPT_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const LOCK_DURATION_MS = 15 * 60_000;
export const MAX_FAILURES_PER_IP = 30;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks the password and opens a new session (always a fresh token). Throws
 * InvalidCredentialsError for an unknown e-mail, a wrong password and a deactivated account
 * alike, AccountLockedError after too many failures, RateLimitedError when one IP fails too often.
 */
export async function signIn(
  prisma: Prisma,
  clock: Clock,
  config: Config,
  input: { email: string; password: string; ip: string; previousToken?: string | undefined },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const now = clock.now();
  const email = normaliseEmail(input.email);
  const windowStart = new Date(now.getTime() - ATTEMPT_WINDOW_MS);

  // Attempts refused by the IP limit are not recorded, so the wait it names is the real one.
  const ipFailures = await prisma.loginAttempt.findMany({
    where: { ip: input.ip, succeeded: false, at: { gt: windowStart } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES_PER_IP,
    select: { at: true },
  });
  const oldestCounted = ipFailures[MAX_FAILURES_PER_IP - 1];
  if (oldestCounted) {
    throw new RateLimitedError(Math.ceil((oldestCounted.at.getTime() + ATTEMPT_WINDOW_MS - now.getTime()) / 1000));
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const organisationIds = user ? await organisationsOfUser(prisma, user.id) : [];

  if (user?.lockedUntil && user.lockedUntil > now) {
    // Recorded for the IP limit; the account count ignores attempts made while locked.
    await prisma.loginAttempt.create({ data: { email, ip: input.ip, succeeded: false, at: now } });
    throw new AccountLockedError(user.lockedUntil, now);
  }

  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordMatches || !user.isActive) {
    const lockedUntil = await prisma.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email, ip: input.ip, succeeded: false, at: now } });
      await recordSecurityEvent(tx, {
        kind: "LOGIN_FAILED",
        at: now,
        ip: input.ip,
        targetUserId: user?.id ?? null,
        organisationIds,
        detail: user ? null : "unknown account",
      });
      if (!user) return null;
      const lastSuccess = await tx.loginAttempt.findFirst({
        where: { email, succeeded: true },
        orderBy: { at: "desc" },
        select: { at: true },
      });
      // Count failures within the window, after the last success and after the last lock ended.
      const failures = await tx.loginAttempt.count({
        where: {
          email,
          succeeded: false,
          AND: [
            { at: { gt: windowStart } },
            ...(lastSuccess ? [{ at: { gt: lastSuccess.at } }] : []),
            ...(user.lockedUntil ? [{ at: { gte: user.lockedUntil } }] : []),
          ],
        },
      });
      const lockUntil = failures >= MAX_FAILURES_PER_ACCOUNT ? new Date(now.getTime() + LOCK_DURATION_MS) : null;
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: failures, ...(lockUntil ? { lockedUntil: lockUntil } : {}) },
      });
      if (lockUntil) {
        await recordSecurityEvent(tx, { kind: "LOCKOUT", at: now, ip: input.ip, targetUserId: user.id, organisationIds });
      }
      return lockUntil;
    });
    if (lockedUntil) throw new AccountLockedError(lockedUntil, now);
    throw new InvalidCredentialsError();
  }

  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: input.ip, succeeded: true, at: now } });
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await recordSecurityEvent(tx, { kind: "LOGIN", at: now, ip: input.ip, actorUserId: user.id, targetUserId: user.id, organisationIds });
    // The session the browser held before is replaced by the new cookie; end it too.
    if (input.previousToken) {
      await tx.session.updateMany({ where: { id: hashToken(input.previousToken), revokedAt: null }, data: { revokedAt: now } });
    }
  });
  const session = await createSession(prisma, clock, config, user.id);
  return { ...session, userId: user.id };
}
