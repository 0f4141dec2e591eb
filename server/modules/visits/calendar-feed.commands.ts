// Private calendar feed URLs for a unit. The URL carries a random token; only its SHA-256 is
// stored (as the row id), so a database leak does not leak subscribable URLs.
import type { Config } from "../../config.ts";
import type { CalendarFeedToken } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { hashToken, newToken } from "../../shared/tokens.ts";
import type { VisitDependencies } from "./booking.commands.ts";

export interface CalendarFeedDependencies extends VisitDependencies {
  config: Config;
}

/** Creates a feed token for a unit and returns its URL; the URL is shown once and never again. */
export async function createCalendarFeedToken(
  deps: CalendarFeedDependencies,
  viewer: Viewer,
  input: { unitId: string },
): Promise<{ feedToken: CalendarFeedToken; url: string }> {
  const { unitId } = input;
  const token = newToken();
  const now = deps.clock.now();
  const feedToken = await deps.prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true } });
    if (!unit) throw new NotFoundError({ da: "Enheden", en: "The unit" });
    return tx.calendarFeedToken.create({ data: { id: hashToken(token), unitId, createdById: viewer.userId, createdAt: now } });
  });
  return { feedToken, url: calendarFeedUrl(deps.config, token) };
}

/** Revokes a feed token; its URL answers 404 from now on. Revoking twice keeps the first time. */
export async function revokeCalendarFeedToken(deps: VisitDependencies, _viewer: Viewer, input: { tokenId: string }): Promise<CalendarFeedToken> {
  const { tokenId } = input;
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const feedToken = await tx.calendarFeedToken.findUnique({ where: { id: tokenId } });
    if (!feedToken) throw new NotFoundError({ da: "Kalenderlinket", en: "The calendar link" });
    if (feedToken.revokedAt) return feedToken;
    return tx.calendarFeedToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
  });
}

export function calendarFeedUrl(config: Config, token: string): string {
  return `${config.publicUrl.replace(/\/$/, "")}/calendar/unit/${token}.ics`;
}
