// Needs first (issue 18, the strategy's 1-2-3): from the citizen's needs — coded help categories,
// optionally target groups and where the citizen is — propose the services that fit, ranked in
// one SQL statement by kind, target group, intake status, distance and *measured*
// responsiveness, each with the reasons it fits. Only coded needs travel here: the citizen's own
// words stay in the handover. Responsiveness counts only where the figures shown beside it are
// not suppressed (5 or more answered handovers in 90 days), so the order never reveals a figure
// the suppression hides; it is about the unit, never about a person.
import type { Prisma } from "../../db/database.ts";
import type { HelpCategory, ServiceKind } from "../../generated/prisma/enums.ts";
import type { Service } from "../../generated/prisma/client.ts";
import { NotFoundError, ValidationError, type LocalizedText } from "../../shared/errors.ts";
import { formatKilometres, joinLabels, type Point, type Reason, SERVICE_KIND_LABELS, serviceReasons, type Taxonomy, type TermCode } from "../directory/index.ts";
import { RESPONSIVENESS_WINDOW_DAYS } from "./service-figures.ts";
import { SUPPRESSION_THRESHOLD } from "../insights/index.ts";

const DAY_MS = 86_400_000;
export const DEFAULT_PROPOSAL_RADIUS_KM = 25;
export const MAX_PROPOSALS = 50;

/** Which kinds of service answer which need. A need can have more than one answer. */
export const SERVICE_KINDS_FOR_NEED: Record<HelpCategory, readonly ServiceKind[]> = {
  HOUSING: ["HOUSING_SUPPORT"],
  WORK_EDUCATION: ["JOB_CLARIFICATION"],
  ADDICTION: ["ADDICTION_TREATMENT"],
  MENTAL_HEALTH: ["HEALTH"],
  PHYSICAL_HEALTH: ["HEALTH"],
  ECONOMY: ["PRACTICAL_HELP"],
  PRACTICAL: ["PRACTICAL_HELP"],
  DIGITAL: ["DIGITAL_HELP"],
  COMMUNITY: ["CIVIL_SOCIETY_OFFER"],
  OTHER: ["OTHER", "CIVIL_SOCIETY_OFFER"],
};

// A label table (one entry per need, da and en), alike in shape to the directory's label tables.
const NEED_LABELS: Record<HelpCategory, LocalizedText> = {
  HOUSING: { da: "bolig", en: "housing" },
  WORK_EDUCATION: { da: "arbejde og uddannelse", en: "work and education" },
  ADDICTION: { da: "misbrug", en: "addiction" },
  MENTAL_HEALTH: { da: "psykisk helbred", en: "mental health" },
  PHYSICAL_HEALTH: { da: "fysisk helbred", en: "physical health" },
  ECONOMY: { da: "økonomi", en: "money" },
  PRACTICAL: { da: "praktisk hjælp", en: "practical help" },
  DIGITAL: { da: "det digitale", en: "digital matters" },
  COMMUNITY: { da: "fællesskab", en: "community" },
  OTHER: { da: "andet", en: "other" },
};

/**
 * The points behind the order, highest first (ties: intake, typical wait, distance, name). Kept
 * small and whole so the reasons can say plainly why one service comes before another.
 */
export const PROPOSAL_POINTS = {
  kindFitsNeed: 3,
  perSharedTargetGroup: 2,
  intakeOpen: 3,
  intakeWaitingList: 1,
  withinNearKm: 2,
  withinMiddleKm: 1,
  comesToCitizen: 1,
  answersWithinDay: 2,
  answersWithinThreeDays: 1,
  mostlyAccepts: 1,
} as const;
const NEAR_KM = 5;
const MIDDLE_KM = 15;
const SHARE_MOSTLY = 0.75;

export interface ServiceNeeds {
  helpCategories: HelpCategory[];
  targetGroups: TermCode[];
  /** Where the citizen is: an area, or a centre; else the sender's own centre, if it is one. */
  areaId: string | null;
  centreId: string | null;
  radiusKm: number;
  /** The sender's own unit: left out of the proposals. */
  fromUnitId: string | null;
}

export interface Responsiveness {
  /** Handovers sent to the unit in the window. */
  handovers: number;
  answered: number;
  medianHours: number | null;
  shareAccepted: number | null;
  /** True when the figures are shown (5 or more answered): only then do they count in the order. */
  isMeasured: boolean;
}

export interface ServiceProposal {
  rank: number;
  score: number;
  service: Service;
  unitId: string;
  distanceKm: number | null;
  matchedNeeds: HelpCategory[];
  responsiveness: Responsiveness;
  reasons: Reason[];
}

interface ProposalRow {
  id: string;
  unitId: string;
  score: number;
  distanceKm: number | null;
  handovers: number;
  answered: number;
  declined: number;
  medianHours: number | null;
}

async function originOfNeeds(prisma: Prisma, needs: ServiceNeeds): Promise<Point | null> {
  if (needs.areaId) {
    const area = await prisma.area.findUnique({ where: { id: needs.areaId }, select: { latitude: true, longitude: true } });
    if (!area) throw new NotFoundError({ da: "Området", en: "The area" });
    return area;
  }
  if (needs.centreId) {
    const centre = await prisma.centre.findUnique({ where: { id: needs.centreId }, select: { latitude: true, longitude: true } });
    if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
    return centre;
  }
  if (needs.fromUnitId) {
    // A centre's staff bridge the citizen from where they are: the centre itself.
    return prisma.centre.findUnique({ where: { unitId: needs.fromUnitId }, select: { latitude: true, longitude: true } });
  }
  return null;
}

/** The kinds of service that answer the needs, in a stable order. */
export function serviceKindsFor(needs: readonly HelpCategory[]): ServiceKind[] {
  return [...new Set(needs.flatMap((need) => SERVICE_KINDS_FOR_NEED[need]))].sort();
}

/** Services that fit the needs, best first, at most `first`, with their reasons and measured responsiveness. */
export async function proposeServices(prisma: Prisma, needs: ServiceNeeds, now: Date, first: number, taxonomy: Taxonomy): Promise<ServiceProposal[]> {
  if (needs.helpCategories.length === 0) {
    throw ValidationError.single("needs.helpCategories", { da: "Vælg mindst ét behov.", en: "Choose at least one need." });
  }
  if (!(needs.radiusKm > 0) || needs.radiusKm > 500) {
    throw ValidationError.single("needs.radiusKm", { da: "Afstanden skal være mellem 0 og 500 km.", en: "The radius must be between 0 and 500 km." });
  }
  const origin = await originOfNeeds(prisma, needs);
  const kinds = JSON.stringify(serviceKindsFor(needs.helpCategories));
  const groups = JSON.stringify(needs.targetGroups);
  const since = new Date(now.getTime() - RESPONSIVENESS_WINDOW_DAYS * DAY_MS).toISOString();
  const until = now.toISOString();
  const latitude = origin?.latitude ?? null;
  const longitude = origin?.longitude ?? null;
  const hasOrigin = origin !== null;
  const points = PROPOSAL_POINTS;
  // One statement: candidates by kind (and radius), their 90-day figures from the handovers
  // through the (toUnitId, sentAt) index, the score, the order and the cut.
  const rows = await prisma.$queryRaw<ProposalRow[]>`
    WITH candidate AS (
      SELECT s.id, s."unitId", s."intakeStatus", s."typicalWaitDays", s.name,
             (SELECT count(*) FROM unnest(s."targetGroups") AS grp
               WHERE grp::text IN (SELECT jsonb_array_elements_text(${groups}::jsonb)))::int AS "sharedGroups",
             CASE WHEN ${hasOrigin}::boolean AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL
                  THEN directory_haversine_km(${latitude}::float8, ${longitude}::float8, s.latitude, s.longitude) END AS "distanceKm"
      FROM "Service" s
      WHERE s.kind::text IN (SELECT jsonb_array_elements_text(${kinds}::jsonb))
        -- Signposting-only offers have no inbox: proposing one would be a dead end.
        AND NOT s."isSignpostingOnly"
        AND s."unitId" IS DISTINCT FROM ${needs.fromUnitId}::text
    ),
    measured AS (
      SELECT c.*, f.handovers, f.answered, f.declined, f."medianHours"
      FROM candidate c
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS handovers,
               count(h."firstResponseAt")::int AS answered,
               count(*) FILTER (WHERE h.status = 'DECLINED')::int AS declined,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h."firstResponseAt" - h."sentAt") / 3600.0)
                 FILTER (WHERE h."firstResponseAt" IS NOT NULL))::float8 AS "medianHours"
        FROM "Handover" h
        WHERE h."toUnitId" = c."unitId" AND h."sentAt" >= ${since}::timestamp(3) AND h."sentAt" <= ${until}::timestamp(3)
      ) AS f
      -- A service with an address farther away than the radius does not fit; one without an address comes to the citizen.
      WHERE c."distanceKm" IS NULL OR c."distanceKm" <= ${needs.radiusKm}::float8
    ),
    scored AS (
      SELECT m.*,
        (${points.kindFitsNeed}::int
         + ${points.perSharedTargetGroup}::int * m."sharedGroups"
         + CASE m."intakeStatus" WHEN 'OPEN' THEN ${points.intakeOpen}::int WHEN 'WAITING_LIST' THEN ${points.intakeWaitingList}::int ELSE 0 END
         + CASE WHEN NOT ${hasOrigin}::boolean THEN 0
                WHEN m."distanceKm" IS NULL THEN ${points.comesToCitizen}::int
                WHEN m."distanceKm" <= ${NEAR_KM}::float8 THEN ${points.withinNearKm}::int
                WHEN m."distanceKm" <= ${MIDDLE_KM}::float8 THEN ${points.withinMiddleKm}::int ELSE 0 END
         + CASE WHEN m.answered < ${SUPPRESSION_THRESHOLD}::int THEN 0
                WHEN m."medianHours" <= 24 THEN ${points.answersWithinDay}::int
                WHEN m."medianHours" <= 72 THEN ${points.answersWithinThreeDays}::int ELSE 0 END
         + CASE WHEN m.answered >= ${SUPPRESSION_THRESHOLD}::int AND (m.answered - m.declined) >= ${SHARE_MOSTLY}::float8 * m.answered
                THEN ${points.mostlyAccepts}::int ELSE 0 END)::int AS score
      FROM measured m
    )
    SELECT id, "unitId", score, "distanceKm", handovers, answered, declined, "medianHours"
    FROM scored
    ORDER BY score DESC,
             CASE "intakeStatus" WHEN 'OPEN' THEN 0 WHEN 'WAITING_LIST' THEN 1 ELSE 2 END,
             coalesce("typicalWaitDays", 2147483647),
             "distanceKm" NULLS LAST,
             directory_name_key(name) COLLATE "C", id
    LIMIT ${first}::int`;
  const services = await prisma.service.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  const serviceById = new Map(services.map((service) => [service.id, service]));
  return rows.flatMap((row, index) => {
    const service = serviceById.get(row.id);
    if (!service) return [];
    const responsiveness = responsivenessOf(row);
    const matchedNeeds = needs.helpCategories.filter((need) => SERVICE_KINDS_FOR_NEED[need].includes(service.kind));
    const distanceKm = row.distanceKm === null ? null : Number(row.distanceKm);
    return [
      {
        rank: index + 1,
        score: Number(row.score),
        service,
        unitId: service.unitId,
        distanceKm,
        matchedNeeds,
        responsiveness,
        reasons: proposalReasons(service, { matchedNeeds, targetGroups: needs.targetGroups, distanceKm, hasOrigin, responsiveness }, taxonomy),
      },
    ];
  });
}

function responsivenessOf(row: ProposalRow): Responsiveness {
  const answered = Number(row.answered);
  const isMeasured = answered >= SUPPRESSION_THRESHOLD;
  return {
    handovers: Number(row.handovers),
    answered,
    medianHours: isMeasured && row.medianHours !== null ? Number(row.medianHours) : null,
    shareAccepted: isMeasured ? (answered - Number(row.declined)) / answered : null,
    isMeasured,
  };
}

/** Why a proposed service fits: the need it answers, shared target groups, intake, distance, responsiveness. */
export function proposalReasons(
  service: Service,
  facts: { matchedNeeds: HelpCategory[]; targetGroups: TermCode[]; distanceKm: number | null; hasOrigin: boolean; responsiveness: Responsiveness },
  taxonomy: Taxonomy,
): Reason[] {
  const needs = joinLabels(facts.matchedNeeds.map((need) => NEED_LABELS[need]));
  const kind = SERVICE_KIND_LABELS[service.kind];
  const reasons: Reason[] = [
    { kind: "SERVICE_KIND", da: `${kind.da} passer til behovet ${needs.da}`, en: `${kind.en} fits the need ${needs.en}` },
  ];
  // Target groups and intake as the directory search words them; distance is ours (it knows who comes to the citizen).
  const directory = serviceReasons({ service, score: 0, distanceKm: null }, { targetGroups: facts.targetGroups }, taxonomy);
  reasons.push(...directory.filter((reason) => reason.kind === "TARGET_GROUP" || reason.kind === "INTAKE"));
  if (facts.distanceKm !== null) reasons.push({ kind: "DISTANCE", ...formatKilometres(facts.distanceKm) });
  else if (facts.hasOrigin) reasons.push({ kind: "DISTANCE", da: "kommer ud til borgeren", en: "comes to the citizen" });
  reasons.push(responsivenessReason(facts.responsiveness));
  return reasons;
}

const hoursText = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 });
const hoursTextEn = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

function responsivenessReason(responsiveness: Responsiveness): Reason {
  if (responsiveness.handovers === 0) {
    return { kind: "RESPONSIVENESS", da: `ingen overleveringer de seneste ${RESPONSIVENESS_WINDOW_DAYS} dage`, en: `no handovers in the last ${RESPONSIVENESS_WINDOW_DAYS} days` };
  }
  if (!responsiveness.isMeasured || responsiveness.medianHours === null || responsiveness.shareAccepted === null) {
    return { kind: "RESPONSIVENESS", da: "for få overleveringer til at måle svartiden", en: "too few handovers to measure the response time" };
  }
  const percent = Math.round(responsiveness.shareAccepted * 100);
  return {
    kind: "RESPONSIVENESS",
    da: `svarer typisk inden for ${hoursText.format(responsiveness.medianHours)} t, ${percent} % taget imod (${RESPONSIVENESS_WINDOW_DAYS} dage)`,
    en: `usually answers within ${hoursTextEn.format(responsiveness.medianHours)} h, ${percent}% accepted (${RESPONSIVENESS_WINDOW_DAYS} days)`,
  };
}
