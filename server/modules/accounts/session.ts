// Server-side sessions. The cookie carries a random token; the database keeps only its
// SHA-256 (shared/tokens.ts), so a leaked database dump cannot be replayed as cookies. Sessions expire both
// absolutely and after idling, and can be revoked. The `method` column leaves room for an
// OpenID Connect sign-in later: it would create the same Session row.
import type { Context as KoaContext } from "koa";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { Viewer } from "../../graphql/context.ts";
import { hashToken, newToken } from "../../shared/tokens.ts";

export const SESSION_COOKIE = "traedesten_session";

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
  const firstMembership = await prisma.membership.findFirst({ where: { userId, role: { not: "VOLUNTEER" } }, orderBy: { createdAt: "asc" } });
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
  // A volunteer membership grants nothing a staff membership grants: it goes in its own list.
  const staffMemberships = session.user.memberships.filter((membership) => membership.role !== "VOLUNTEER");
  const memberships = staffMemberships.map((membership) => ({
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
    volunteerAt: session.user.memberships.filter((membership) => membership.role === "VOLUNTEER").map((membership) => membership.unitId),
    organisationAdminOf: session.user.organisationAdmin.map((row) => row.organisationId),
    activeUnitId,
  };
}

/** Sets (token) or clears (null) the session cookie: HttpOnly, SameSite=Lax, Secure as configured. */
export function setSessionCookie(koa: KoaContext | null, config: Config, token: string | null, expires?: Date, now?: Date): void {
  if (!koa) return;
  // Whether the site runs on HTTPS is the configuration's call: TLS usually ends at a proxy, Koa
  // trusts no forwarded header (see server/http/client-address.ts), and the cookies library
  // refuses a Secure cookie on what it takes for plain HTTP.
  if (config.session.cookieSecure) koa.cookies.secure = true;
  koa.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.session.cookieSecure,
    // A lifetime, not a date: the browser counts it on its own clock, so a server whose clock
    // is set (tests) or a little off still gives a cookie that lives exactly as long as the session.
    ...(expires ? { maxAge: Math.max(0, expires.getTime() - (now ?? new Date()).getTime()) } : {}),
  });
}
