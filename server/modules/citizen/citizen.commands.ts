// The citizen's own page: opening it by link or by code + PIN, what it shows, and the three
// things a citizen can do there (withdraw consent, say they no longer need the help, answer the
// one question afterwards). Staff issue the link and PIN. Nothing here returns a personal value
// or a free text written about the citizen.
import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { CitizenAction, CitizenFeedbackAnswer } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import type { PubSub } from "../../graphql/pubsub.ts";
import { ConflictError, ForbiddenError, IllegalTransitionError, NotFoundError } from "../../shared/errors.ts";
import { normalizeHandoverCode, withdrawByCitizen } from "../handovers/index.ts";
import { generateLinkToken, generatePin, hashLinkToken, hashPin, isLinkTokenShaped, normalizePin } from "./citizen-link.ts";
import { citizenLookupLimiterFor } from "./citizen-rate-limit.ts";
import { CitizenAccessDeniedError } from "./citizen.errors.ts";
import { CENTRE_TIME_ZONE } from "../../shared/copenhagen-time.ts";

export interface CitizenDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  pubsub: PubSub;
}

export type CitizenCredential = { kind: "link"; token: string } | { kind: "code"; code: string; pin: string };

const DAY_MS = 86_400_000;
/**
 * Every code + PIN attempt answers after at least this long, whether the code was wrong, the
 * PIN was wrong, the budget was spent or the pair was right: timing tells nothing either.
 */
export const CODE_LOOKUP_FLOOR_MS = 250;

const unitSelect = {
  name: true,
  kind: true,
  centre: { select: { phone: true, street: true, postalCode: true, city: true } },
  service: { select: { phone: true, street: true, postalCode: true, city: true } },
} as const;

const handoverInclude = {
  fromUnit: { select: unitSelect },
  toUnit: { select: unitSelect },
  openRequest: { select: { serviceKind: true, areaName: true } },
  consent: true,
  citizenAccess: true,
  proposedVisit: { select: { startsAt: true, endsAt: true, centre: { select: { name: true, street: true, postalCode: true, city: true } } } },
} as const;

export type CitizenHandoverRow = PrismaTypes.HandoverGetPayload<{ include: typeof handoverInclude }>;

/** Creates (or replaces) the link token and PIN of a handover; the only time they exist in plain text. */
export async function issueCitizenAccess(
  deps: Pick<CitizenDependencies, "prisma" | "clock" | "config">,
  viewer: Viewer,
  handoverId: string,
): Promise<{ token: string; pin: string; code: string }> {
  const now = deps.clock.now();
  const handover = await deps.prisma.handover.findUnique({ where: { id: handoverId }, include: { consent: true } });
  if (!handover || !isMemberOf(viewer, handover.fromUnitId)) {
    if (handover && isMemberOf(viewer, handover.toUnitId)) {
      throw new ForbiddenError({ da: "Kun den afsendende enhed kan lave borgerens link.", en: "Only the sending unit can make the citizen's link." });
    }
    throw new NotFoundError({ da: "Overleveringen", en: "The handover" });
  }
  if (isClosedForCitizen(handover, now, deps.config.retentionDays)) throw new IllegalTransitionError(handover.status, "issueCitizenAccess");
  const token = generateLinkToken();
  const pin = generatePin();
  const hashes = { tokenHash: hashLinkToken(token), pinHash: hashPin(handover.id, pin), issuedAt: now };
  await deps.prisma.citizenAccess.upsert({ where: { handoverId: handover.id }, create: { handoverId: handover.id, ...hashes }, update: hashes });
  return { token, pin, code: handover.code };
}

/**
 * The handover a credential opens, or null. Link tokens carry 144 random bits and are not
 * limited; code + PIN attempts are counted per address, globally and per code, and answer no
 * sooner than CODE_LOOKUP_FLOOR_MS whatever the outcome.
 */
export async function openCitizenHandover(
  deps: Pick<CitizenDependencies, "prisma" | "config">,
  credential: CitizenCredential,
  address: string,
): Promise<CitizenHandoverRow | null> {
  if (credential.kind === "link") {
    if (!isLinkTokenShaped(credential.token)) return null;
    const access = await deps.prisma.citizenAccess.findUnique({
      where: { tokenHash: hashLinkToken(credential.token) },
      select: { handover: { include: handoverInclude } },
    });
    return access?.handover ?? null;
  }
  const started = performance.now();
  try {
    const code = normalizeHandoverCode(credential.code);
    const pin = normalizePin(credential.pin);
    // Badly typed input counts as an attempt too, under the typed text, so it is no cheaper to send.
    const isWithinBudget = await citizenLookupLimiterFor(deps.config).tryAttempt(address, code ?? credential.code.slice(0, 20));
    if (!isWithinBudget || !code || !pin) return null;
    const handover = await deps.prisma.handover.findUnique({ where: { code }, include: handoverInclude });
    // Compare against a hash even when the code does not exist, so both take the same work.
    const expected = Buffer.from(handover?.citizenAccess?.pinHash ?? hashPin("none", "none"), "hex");
    const given = Buffer.from(hashPin(handover?.id ?? "none", pin), "hex");
    const isPinRight = timingSafeEqual(expected, given) && handover?.citizenAccess !== null && handover !== null;
    return isPinRight ? handover : null;
  } finally {
    const remaining = CODE_LOOKUP_FLOOR_MS - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}

/**
 * Closed for the citizen: consent withdrawn (by anyone), personal data purged, or closed longer
 * ago than the retention period. The page then says only that the handover is closed.
 */
export function isClosedForCitizen(
  handover: { status: string; closedAt: Date | null; personalDataPurgedAt: Date | null; consent: { withdrawnAt: Date | null } | null },
  now: Date,
  retentionDays: number,
): boolean {
  if (handover.status === "WITHDRAWN" || handover.personalDataPurgedAt !== null || handover.consent?.withdrawnAt) return true;
  return handover.closedAt !== null && handover.closedAt.getTime() + retentionDays * DAY_MS <= now.getTime();
}

/** The one question afterwards can be answered once, when the handover completed or expired. */
export function mayAnswerFeedback(handover: CitizenHandoverRow): boolean {
  // Counted per receiving unit: an open request that expired unclaimed has none to count for.
  return (handover.status === "COMPLETED" || handover.status === "EXPIRED") && handover.toUnitId !== null && handover.citizenAccess?.hasAnsweredFeedback === false;
}

/** The citizen withdraws consent or says they no longer need the help: the handovers module's own withdrawal. */
export async function closeAsCitizen(deps: CitizenDependencies, handover: CitizenHandoverRow, action: CitizenAction): Promise<void> {
  if (isClosedForCitizen(handover, deps.clock.now(), deps.config.retentionDays)) throw new IllegalTransitionError(handover.status, "withdraw");
  await withdrawByCitizen(deps, { handoverId: handover.id, action });
}

/**
 * Counts one answer for the receiving unit and the Copenhagen month. Nothing stored links the
 * answer to the handover: the handover only learns that it was answered.
 */
export async function answerFeedback(deps: Pick<CitizenDependencies, "prisma" | "clock">, handover: CitizenHandoverRow, answer: CitizenFeedbackAnswer): Promise<void> {
  if (!mayAnswerFeedback(handover)) {
    if (handover.citizenAccess?.hasAnsweredFeedback) {
      throw new ConflictError({ da: "Du har allerede svaret. Tak for dit svar.", en: "You have already answered. Thank you for your answer." });
    }
    throw new IllegalTransitionError(handover.status, "answerFeedback");
  }
  const month = copenhagenMonth(deps.clock.now());
  await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.citizenAccess.updateMany({
      where: { handoverId: handover.id, hasAnsweredFeedback: false },
      data: { hasAnsweredFeedback: true },
    });
    if (count === 0) throw new ConflictError({ da: "Du har allerede svaret. Tak for dit svar.", en: "You have already answered. Thank you for your answer." });
    // One statement, so two answers at the same moment both count.
    await tx.$executeRaw`
      INSERT INTO "CitizenFeedbackCount" ("unitId", month, answer, count)
      VALUES (${handover.toUnitId}, ${month}, ${answer}::"CitizenFeedbackAnswer", 1)
      ON CONFLICT ("unitId", month, answer) DO UPDATE SET count = "CitizenFeedbackCount".count + 1`;
  });
}

const monthFormat = new Intl.DateTimeFormat("en-CA", { timeZone: CENTRE_TIME_ZONE, year: "numeric", month: "2-digit" });

/** "2026-11" for an instant, in Copenhagen. */
export function copenhagenMonth(instant: Date): string {
  return monthFormat.format(instant).slice(0, 7);
}

export interface FeedbackCounts {
  unitId: string;
  unitName: string;
  counts: Record<CitizenFeedbackAnswer, number>;
}

/** Answers per receiving unit over the months fromMonth..toMonth (inclusive), units by name. */
export async function findFeedbackCounts(prisma: Prisma, fromMonth: string, toMonth: string): Promise<FeedbackCounts[]> {
  const rows = await prisma.citizenFeedbackCount.groupBy({
    by: ["unitId", "answer"],
    where: { month: { gte: fromMonth, lte: toMonth } },
    _sum: { count: true },
  });
  const units = await prisma.unit.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.unitId))] } }, select: { id: true, name: true } });
  return units
    .sort((a, b) => a.name.localeCompare(b.name, "da"))
    .map((unit) => {
      const counts = { YES: 0, PARTLY: 0, NO: 0, RATHER_NOT_SAY: 0 };
      for (const row of rows) if (row.unitId === unit.id) counts[row.answer] += row._sum.count ?? 0;
      return { unitId: unit.id, unitName: unit.name, counts };
    });
}
