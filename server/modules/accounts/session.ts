// Server-side sessions. The cookie carries a random token; the database keeps only its
// SHA-256 (shared/tokens.ts), so a leaked database dump cannot be replayed as cookies. Sessions expire both
// absolutely and after idling, and can be revoked. The `method` column leaves room for an
// OpenID Connect sign-in later: it would create the same Session row.
import type { Context as KoaContext } from "koa";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import { Prisma as PrismaRuntime } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import type { GlobalRole, MembershipRole, UnitKind } from "../../generated/prisma/enums.ts";
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

interface SessionRow {
  id: string;
  userId: string;
  activeUnitId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  isActive: boolean;
  globalRole: GlobalRole | null;
  memberships: { unitId: string; role: MembershipRole; unitKind: UnitKind; organisationId: string }[];
  organisationAdminOf: string[];
}

/**
 * The viewer for a session token, or null when missing, expired, idle, revoked or deactivated.
 * Every signed-in request starts here, so it is one statement (session, user, memberships with
 * their units, administered organisations) rather than five through the query builder.
 */
export async function resolveViewer(prisma: Prisma, clock: Clock, config: Config, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const [session] = await prisma.$readRows<SessionRow>(PrismaRuntime.sql`
    SELECT s.id, s."userId", s."activeUnitId", s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
      s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", s."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt",
      u."isActive", u."globalRole"::text AS "globalRole",
      COALESCE((SELECT json_agg(json_build_object('unitId', m."unitId", 'role', m.role::text, 'unitKind', unit.kind::text, 'organisationId', unit."organisationId")
                  ORDER BY m."createdAt", m.id)
                FROM "Membership" AS m JOIN "Unit" AS unit ON unit.id = m."unitId"
                WHERE m."userId" = s."userId"), '[]'::json) AS memberships,
      COALESCE((SELECT json_agg(admin."organisationId" ORDER BY admin."organisationId")
                FROM "OrganisationAdmin" AS admin WHERE admin."userId" = s."userId"), '[]'::json) AS "organisationAdminOf"
    FROM "Session" AS s JOIN "User" AS u ON u.id = s."userId"
    WHERE s.id = ${hashToken(token)}`);
  if (!session || session.revokedAt || !session.isActive) return null;
  const now = clock.now();
  const idleLimit = session.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  // A volunteer membership grants nothing a staff membership grants: it goes in its own list.
  const memberships = session.memberships
    .filter((membership) => membership.role !== "VOLUNTEER")
    .map(({ unitId, unitKind, organisationId, role }) => ({ unitId, unitKind, organisationId, role }));
  const activeUnitId = memberships.some((membership) => membership.unitId === session.activeUnitId)
    ? session.activeUnitId
    : (memberships[0]?.unitId ?? null);
  return {
    userId: session.userId,
    sessionId: session.id,
    globalRole: session.globalRole,
    memberships,
    volunteerAt: session.memberships.filter((membership) => membership.role === "VOLUNTEER").map((membership) => membership.unitId),
    organisationAdminOf: session.organisationAdminOf,
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
