// Private calendar feed URLs for a unit. The URL carries a random token; only its SHA-256 is
// stored (as the row id), so a database leak does not leak subscribable URLs.
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { CalendarFeedToken } from "../../generated/prisma/client.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { hashToken, newToken } from "../../shared/tokens.ts";

/** Creates a feed token and returns its URL; the URL is shown once and never again. */
export async function createCalendarFeedToken(
  prisma: Prisma,
  config: Config,
  unitId: string,
  createdById: string,
  now: Date,
): Promise<{ feedToken: CalendarFeedToken; url: string }> {
  const token = newToken();
  const feedToken = await prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true } });
    if (!unit) throw new NotFoundError({ da: "Enheden", en: "The unit" });
    return tx.calendarFeedToken.create({ data: { id: hashToken(token), unitId, createdById, createdAt: now } });
  });
  return { feedToken, url: calendarFeedUrl(config, token) };
}

/** Revokes a feed token; its URL answers 404 from now on. Revoking twice keeps the first time. */
export async function revokeCalendarFeedToken(prisma: Prisma, tokenId: string, now: Date): Promise<CalendarFeedToken> {
  return prisma.$transaction(async (tx) => {
    const feedToken = await tx.calendarFeedToken.findUnique({ where: { id: tokenId } });
    if (!feedToken) throw new NotFoundError({ da: "Kalenderlinket", en: "The calendar link" });
    if (feedToken.revokedAt) return feedToken;
    return tx.calendarFeedToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
  });
}

export function calendarFeedUrl(config: Config, token: string): string {
  return `${config.publicUrl.replace(/\/$/, "")}/calendar/unit/${token}.ics`;
}
