// Server-side sessions. The cookie carries a random token; the database keeps only its
// SHA-256, so a leaked database dump cannot be replayed as cookies. Sessions expire both
// absolutely and after idling, and can be revoked. The `method` column leaves room for an
// OpenID Connect sign-in later: it would create the same Session row.
import { createHash, randomBytes } from "node:crypto";
import type { Context as KoaContext } from "koa";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { Viewer } from "../../graphql/context.ts";

export const SESSION_COOKIE = "traedesten_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Creates a session row and returns the cookie token (never stored). */
export async function createSession(
  prisma: Prisma,
  clock: Clock,
  config: Config,
  userId: string,
  method = "password",
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  const firstMembership = await prisma.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } });
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      method,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      activeUnitId: firstMembership?.unitId ?? null,
    },
  });
  return { token, expiresAt };
}

// Refreshing lastSeenAt on every request would turn every read into a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

/** The viewer for a session token, or null when missing, expired, idle, revoked or deactivated. */
export async function resolveViewer(prisma: Prisma, clock: Clock, config: Config, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { id: hashToken(token) },
    include: {
      user: {
        include: {
          memberships: { include: { unit: { select: { kind: true, organisationId: true } } } },
          organisationAdmin: { select: { organisationId: true } },
        },
      },
    },
  });
  if (!session || session.revokedAt || !session.user.isActive) return null;
  const now = clock.now();
  const idleLimit = session.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const memberships = session.user.memberships.map((membership) => ({
    unitId: membership.unitId,
    unitKind: membership.unit.kind,
    organisationId: membership.unit.organisationId,
    role: membership.role,
  }));
  const activeUnitId = memberships.some((membership) => membership.unitId === session.activeUnitId)
    ? session.activeUnitId
    : (memberships[0]?.unitId ?? null);
  return {
    userId: session.userId,
    sessionId: session.id,
    globalRole: session.user.globalRole,
    memberships,
    organisationAdminOf: session.user.organisationAdmin.map((row) => row.organisationId),
    activeUnitId,
  };
}

/** Sets (token) or clears (null) the session cookie: HttpOnly, SameSite=Lax, Secure as configured. */
export function setSessionCookie(koa: KoaContext | null, config: Config, token: string | null, expires?: Date): void {
  if (!koa) return;
  // Whether the site runs on HTTPS is the configuration's call: TLS usually ends at a proxy that
  // Koa trusts only in production, and the cookies library refuses a Secure cookie on what it
  // takes for plain HTTP.
  if (config.session.cookieSecure) koa.cookies.secure = true;
  koa.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.session.cookieSecure,
    ...(expires ? { expires } : {}),
  });
}
