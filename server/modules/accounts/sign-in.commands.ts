// Signing in with e-mail and password. Failed attempts are counted per client address, per
// account and in total (server/graphql/rate-limits.ts); the fifth failure within the window
// locks the account for a while. The caller never learns which of these happened to an
// account: an unknown e-mail, a wrong password, a deactivated and a locked account all get
// the same InvalidCredentialsError after the same work (one password hash, the same queries).
// The lockout is told to the account's owner instead: a LOCKOUT security event and, in the same
// transaction, a content-free e-mail to the account's own address through the notification
// outbox. Attempts while locked do not lock again, so the owner gets at most one per lock.
import { createHash } from "node:crypto";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { RateLimits } from "../../graphql/rate-limits.ts";
import { ACCOUNT_LOCK_MINUTES } from "../../shared/account-lock.ts";
import { enqueueNotification } from "../notifications/index.ts";
import { InvalidCredentialsError } from "./accounts.errors.ts";
import { verifyPassword } from "./passwords.ts";
import { organisationsOfUser, recordSecurityEvent } from "./security-events.ts";
import { createSession } from "./session.ts";
import { hashToken } from "../../shared/tokens.ts";

export const LOCK_DURATION_MS = ACCOUNT_LOCK_MINUTES * 60_000;
const EVERYONE = "all";
// A user id no row has: unknown e-mails run the same membership query as known ones.
const NO_USER = "00000000-0000-0000-0000-000000000000";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Limiter keys may live in Redis: an e-mail address is personal data, its hash is not readable.
const accountKey = (email: string) => createHash("sha256").update(email).digest("base64url");

/**
 * Checks the password and opens a new session (always a fresh token). Throws
 * InvalidCredentialsError for every refusal that concerns the account, and RateLimitedError
 * when the caller's address (or everyone together) has failed too often.
 */
export async function signIn(
  prisma: Prisma,
  clock: Clock,
  config: Config,
  limits: RateLimits,
  input: { email: string; password: string; ip: string; previousToken?: string | undefined },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const now = clock.now();
  const email = normaliseEmail(input.email);
  await limits.signInGlobal.check(EVERYONE);
  await limits.signInAddress.check(input.ip);

  const user = await prisma.user.findUnique({ where: { email } });
  const organisationIds = await organisationsOfUser(prisma, user?.id ?? NO_USER);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password);
  const locked = user?.lockedUntil != null && user.lockedUntil > now;

  if (user && passwordMatches && user.isActive && !locked) {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      await recordSecurityEvent(tx, { kind: "LOGIN", at: now, ip: input.ip, actorUserId: user.id, targetUserId: user.id, organisationIds });
      // The session the browser held before is replaced by the new cookie; end it too.
      if (input.previousToken) {
        await tx.session.updateMany({ where: { id: hashToken(input.previousToken), revokedAt: null }, data: { revokedAt: now } });
      }
    });
    await limits.signInAccount.reset(accountKey(email));
    const session = await createSession(prisma, clock, config, user.id);
    return { ...session, userId: user.id };
  }

  await limits.signInGlobal.record(EVERYONE);
  await limits.signInAddress.record(input.ip);
  // Attempts while locked do not count towards the next lock.
  const { exhausted } = locked ? { exhausted: false } : await limits.signInAccount.record(accountKey(email));
  const lockUntil = user && exhausted ? new Date(now.getTime() + LOCK_DURATION_MS) : null;
  await prisma.$transaction(async (tx) => {
    await recordSecurityEvent(tx, {
      kind: "LOGIN_FAILED",
      at: now,
      ip: input.ip,
      targetUserId: user?.id ?? null,
      organisationIds,
      detail: !user ? "unknown account" : locked ? "account locked" : null,
    });
    if (user && lockUntil) {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: limits.signInAccount.rule.points, lockedUntil: lockUntil } });
      await recordSecurityEvent(tx, { kind: "LOCKOUT", at: now, ip: input.ip, targetUserId: user.id, organisationIds });
      // To the owner's own address only (a deactivated account gets nothing: fan-out skips it).
      await enqueueNotification(tx, { kind: "ACCOUNT_LOCKED", userId: user.id, at: now });
    }
  });
  // Counting starts afresh once the lock has been set; the lock itself lives on the account.
  if (lockUntil) await limits.signInAccount.reset(accountKey(email));
  throw new InvalidCredentialsError();
}
