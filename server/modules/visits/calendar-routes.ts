// iCalendar feeds (RFC 5545) are mounted here by the visits module:
// GET /calendar/centre/:centreId.ics  public, confirmed visits (and recent cancellations)
// GET /calendar/unit/:token.ics       private, a unit's visits; the token is a revocable secret
import type Router from "@koa/router";
import type { RouterContext } from "@koa/router";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";
import { buildCalendarFeed, type CalendarFeedEvent } from "./calendar-feed.ts";
import { hashToken } from "../../shared/tokens.ts";

export interface CalendarRouteDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
}

/** How far back a feed reaches: long enough for subscribers to see cancellations and drop them. */
const FEED_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

const feedVisitSelect = {
  id: true,
  sequence: true,
  startsAt: true,
  endsAt: true,
  title: true,
  publicDescription: true,
  internalNote: true,
  status: true,
  updatedAt: true,
  centre: { select: { name: true, street: true, postalCode: true, city: true } },
  space: { select: { name: true } },
  serviceUnit: { select: { name: true } },
} satisfies PrismaNamespace.VisitSelect;
type FeedVisit = PrismaNamespace.VisitGetPayload<{ select: typeof feedVisitSelect }>;

export function registerCalendarRoutes(router: Router, deps: CalendarRouteDependencies): void {
  const { prisma, clock } = deps;

  router.get("/calendar/centre/:centreId.ics", async (ctx) => {
    const centre = await prisma.centre.findUnique({ where: { id: ctx.params["centreId"] ?? "" }, select: { id: true, name: true } });
    if (!centre) return notFound(ctx);
    const now = clock.now();
    const since = new Date(now.getTime() - FEED_HISTORY_DAYS * DAY_MS);
    const visits = await prisma.visit.findMany({
      where: {
        centreId: centre.id,
        endsAt: { gte: since },
        OR: [{ status: "CONFIRMED" }, { status: "CANCELLED", updatedAt: { gte: since } }],
      },
      select: feedVisitSelect,
      orderBy: { startsAt: "asc" },
    });
    sendFeed(ctx, `Besøg på ${centre.name}`, visits.map((visit) => toEvent(visit, false)), now);
  });

  router.get("/calendar/unit/:token.ics", async (ctx) => {
    const feedToken = await prisma.calendarFeedToken.findUnique({
      where: { id: hashToken(ctx.params["token"] ?? "") },
      select: { revokedAt: true, unit: { select: { id: true, name: true, kind: true, centre: { select: { id: true } } } } },
    });
    if (!feedToken || feedToken.revokedAt) return notFound(ctx);
    const now = clock.now();
    const unit = feedToken.unit;
    const visits = await prisma.visit.findMany({
      where: {
        ...(unit.centre ? { centreId: unit.centre.id } : { serviceUnitId: unit.id }),
        endsAt: { gte: new Date(now.getTime() - FEED_HISTORY_DAYS * DAY_MS) },
      },
      select: feedVisitSelect,
      orderBy: { startsAt: "asc" },
    });
    // Private: the URL is a secret of the unit, so the internal note may travel with it.
    ctx.set("Cache-Control", "private, no-store");
    sendFeed(ctx, `Besøg – ${unit.name}`, visits.map((visit) => toEvent(visit, true)), now);
  });
}

function toEvent(visit: FeedVisit, isPrivate: boolean): CalendarFeedEvent {
  const description = [visit.publicDescription, `${visit.serviceUnit.name}`, isPrivate ? visit.internalNote : null]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  return {
    id: visit.id,
    sequence: visit.sequence,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    title: visit.title,
    description,
    location: `${visit.space.name}, ${visit.centre.name}, ${visit.centre.street}, ${visit.centre.postalCode} ${visit.centre.city}`,
    // A declined request never happened; for a subscriber that is the same as a cancellation.
    status: visit.status === "CONFIRMED" ? "CONFIRMED" : visit.status === "REQUESTED" ? "TENTATIVE" : "CANCELLED",
    updatedAt: visit.updatedAt,
  };
}

function sendFeed(ctx: RouterContext, name: string, events: CalendarFeedEvent[], generatedAt: Date) {
  ctx.type = "text/calendar; charset=utf-8";
  ctx.body = buildCalendarFeed({ name, events, generatedAt });
}

function notFound(ctx: RouterContext) {
  ctx.status = 404;
  ctx.type = "text/plain; charset=utf-8";
  ctx.body = "Not found";
}
