// A volunteer's private calendar feed of their own shifts, by the same rules as the visit feeds:
// the URL carries a random token, only its SHA-256 is stored, it can be revoked (then 404), and
// the answer is private and never cached.
// GET /calendar/volunteer/:token.ics
import type Router from "@koa/router";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { VolunteerFeedToken } from "../../generated/prisma/client.ts";
import { buildCalendarFeed, type CalendarFeedEvent } from "../visits/index.ts";
import { hashToken, newToken } from "../../shared/tokens.ts";

const FEED_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

const ROLE_NAMES = { KEY_HOLDER: "nøglebærer", VOLUNTEER: "frivillig", STAFF: "personale" } as const;

/** Creates the viewer's feed link (revoking any earlier one) and returns its URL, shown once. */
export async function createVolunteerFeedToken(prisma: Prisma, config: Config, userId: string, now: Date): Promise<{ feedToken: VolunteerFeedToken; url: string }> {
  const token = newToken();
  const feedToken = await prisma.$transaction(async (tx) => {
    await tx.volunteerFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return tx.volunteerFeedToken.create({ data: { id: hashToken(token), userId, createdAt: now } });
  });
  return { feedToken, url: `${config.publicUrl.replace(/\/$/, "")}/calendar/volunteer/${token}.ics` };
}

/** Revokes the viewer's feed links; they answer 404 from now on. Returns how many were active. */
export async function revokeVolunteerFeedTokens(prisma: Prisma, userId: string, now: Date): Promise<number> {
  return (await prisma.volunteerFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count;
}

export function registerVolunteerFeedRoutes(router: Router, deps: { prisma: Prisma; clock: Clock }): void {
  const { prisma, clock } = deps;
  router.get("/calendar/volunteer/:token.ics", async (ctx) => {
    const feedToken = await prisma.volunteerFeedToken.findUnique({ where: { id: hashToken(ctx.params["token"] ?? "") }, select: { userId: true, revokedAt: true } });
    const user = feedToken && !feedToken.revokedAt ? await prisma.user.findUnique({ where: { id: feedToken.userId }, select: { isActive: true } }) : null;
    if (!feedToken || !user?.isActive) {
      ctx.status = 404;
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = "Not found";
      return;
    }
    const now = clock.now();
    const assignments = await prisma.shiftAssignment.findMany({
      where: { userId: feedToken.userId, shift: { endsAt: { gte: new Date(now.getTime() - FEED_HISTORY_DAYS * DAY_MS) } } },
      select: {
        role: true,
        shift: {
          select: {
            id: true, sequence: true, startsAt: true, endsAt: true, status: true, note: true, updatedAt: true,
            centre: { select: { name: true, street: true, postalCode: true, city: true } },
          },
        },
      },
      orderBy: { shift: { startsAt: "asc" } },
    });
    const events: CalendarFeedEvent[] = assignments.map(({ role, shift }) => ({
      id: `shift-${shift.id}`,
      sequence: shift.sequence,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      title: `Vagt på ${shift.centre.name} (${ROLE_NAMES[role]})`,
      description: shift.note,
      location: `${shift.centre.name}, ${shift.centre.street}, ${shift.centre.postalCode} ${shift.centre.city}`,
      status: shift.status === "PLANNED" ? "CONFIRMED" : "CANCELLED",
      updatedAt: shift.updatedAt,
    }));
    ctx.set("Cache-Control", "private, no-store");
    ctx.type = "text/calendar; charset=utf-8";
    ctx.body = buildCalendarFeed({ name: "Mine vagter", events, generatedAt: now });
  });
}
