// Writes to handovers. Each command is one transaction that changes the handover and writes its
// HandoverEvent (or audit row) together; live updates are published only after the commit, so
// a subscriber never hears of a change that was rolled back.
import type { Clock } from "../../clock.ts";
import type { Prisma, Transaction } from "../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { CitizenAction, ConsentField, ConsentMethod, ContactChannel, HandoverDeclineCode, HandoverEventType, HandoverKind, HandoverOutcome, HelpCategory, ServiceKind, Urgency } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import type { PubSub } from "../../graphql/pubsub.ts";
import { enqueueNotification, handoverNotifications } from "../notifications/index.ts";
import {
  ConflictError,
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  ValidationError,
} from "../../shared/errors.ts";
import { withConflictRetry } from "../../shared/database-errors.ts";
import { createOnce, type IdempotencyScope, isIdempotencyKeyTaken, recordIdempotentResult } from "../../shared/idempotency.ts";
import { generateHandoverCode } from "./handover-code.ts";
import { findGroupMemberUnitIds, type HandoverGroup } from "./open-requests.ts";
import { purgeHandovers } from "./purge.ts";
import { ConsentMissingError, type ConsentFieldName } from "./handover.errors.ts";
import { isConsentValid, unitOfSide, viewerSides } from "./handover.policy.ts";
import { eventTypeFor, nextStatus, transitionFor, type HandoverAction, type HandoverStatus } from "./handover-status.ts";

export interface HandoverDependencies {
  prisma: Prisma;
  clock: Clock;
  pubsub: PubSub;
}

type HandoverRow = PrismaTypes.HandoverGetPayload<object>;

const DAY_MS = 86_400_000;
/** Centres and caseworker teams have no response window of their own. */
export const DEFAULT_RESPONSE_WINDOW_DAYS = 5;
const CODE_ATTEMPTS = 5;

const HANDOVER = { da: "Overleveringen", en: "The handover" } as const;

/** Tells both units (or only the sender, while it is a draft) that a handover changed. */
export function publishHandoverChanged(pubsub: PubSub, handover: Pick<HandoverRow, "id" | "fromUnitId" | "toUnitId" | "status">): void {
  // A draft is the sender's alone; an open request has no receiving unit until one claims it.
  const unitIds = handover.status === "DRAFT" || !handover.toUnitId ? [handover.fromUnitId] : [handover.fromUnitId, handover.toUnitId];
  pubsub.publish("handover:changed", { handoverId: handover.id, unitIds, status: handover.status });
}

export interface CreateHandoverValues {
  fromUnitId: string;
  /** The receiving unit; or null with `toGroup` for an open request to a group. */
  toUnitId: string | null;
  /** An open request: any service of this kind near this area; the first unit to claim it receives it. */
  toGroup?: { serviceKind: ServiceKind; areaId: string; radiusKm: number } | null;
  kind: HandoverKind;
  purpose: string;
  helpCategories: HelpCategory[];
  wish: string | null;
  urgency: Urgency;
  preferredChannel: ContactChannel;
  preferredContactTime: string | null;
  languageNeeds: string | null;
  proposedMeetingAt: Date | null;
  proposedMeetingPlace: string | null;
  proposedVisitId: string | null;
  consent: { fields: ConsentField[]; purpose: string; method: ConsentMethod; validUntil: Date } | null;
  personalData: { firstName: string | null; phone: string | null; email: string | null; note: string | null } | null;
  send: boolean;
  /** Referring on: the handover the viewer's unit received and now sends on (it completes as REFERRED_ON). */
  referredFromHandoverId?: string | null;
}

const PERSONAL_FIELDS = [
  ["firstName", "FIRST_NAME"],
  ["phone", "PHONE"],
  ["email", "EMAIL"],
  ["note", "NOTE"],
] as const satisfies readonly (readonly [string, ConsentFieldName])[];

/**
 * Creates a handover (a draft, or sent at once), with consent and only the consented personal
 * data. With an idempotency scope, a repeat of the request returns the handover the first made.
 */
export async function createHandover(
  deps: HandoverDependencies,
  viewer: Viewer,
  values: CreateHandoverValues,
  idempotency: IdempotencyScope | null = null,
): Promise<HandoverRow> {
  return createOnce(
    deps.prisma,
    idempotency,
    (id) => deps.prisma.handover.findUniqueOrThrow({ where: { id } }),
    () => createNewHandover(deps, viewer, values, idempotency),
  );
}

async function createNewHandover(deps: HandoverDependencies, viewer: Viewer, values: CreateHandoverValues, idempotency: IdempotencyScope | null): Promise<HandoverRow> {
  const now = deps.clock.now();
  const group = values.toGroup ? await resolveOpenRequest(deps.prisma, values) : null;
  let responseWindowDays = DEFAULT_RESPONSE_WINDOW_DAYS;
  if (!group) {
    if (!values.toUnitId) {
      throw ValidationError.single("toUnitId", { da: "Vælg en modtager.", en: "Choose a recipient." });
    }
    if (values.fromUnitId === values.toUnitId) {
      throw ValidationError.single("toUnitId", {
        da: "En enhed kan ikke sende en overlevering til sig selv.",
        en: "A unit cannot send a handover to itself.",
      });
    }
    const toUnit = await deps.prisma.unit.findUnique({
      where: { id: values.toUnitId },
      include: { service: { select: { responseWindowDays: true, isSignpostingOnly: true } } },
    });
    if (!toUnit) throw new NotFoundError({ da: "Den modtagende enhed", en: "The receiving unit" });
    if (toUnit.service?.isSignpostingOnly) {
      throw ValidationError.single("toUnitId", {
        da: "Tilbuddet er kun til henvisning og har ingen indbakke i Trædesten. Giv borgeren tilbuddets kontaktoplysninger i stedet.",
        en: "The offer is for signposting only and has no inbox in Trædesten. Give the citizen its contact details instead.",
      });
    }
    if (toUnit.kind === "CASEWORKER_TEAM" || (values.kind === "WARM_INTRODUCTION" && toUnit.kind !== "CENTRE")) {
      throw ValidationError.single("toUnitId", {
        da: "En overlevering går til et tilbud eller et værested; en varm introduktion går til et værested.",
        en: "A handover goes to a service or a centre; a warm introduction goes to a centre.",
      });
    }
    responseWindowDays = toUnit.service?.responseWindowDays ?? DEFAULT_RESPONSE_WINDOW_DAYS;
    if (values.proposedVisitId) await assertProposableVisit(deps.prisma, values.proposedVisitId, { fromUnitId: values.fromUnitId, toUnitId: values.toUnitId }, now);
  }
  const personalData = presentPersonalData(values.personalData);
  if (values.consent && values.consent.validUntil <= now) {
    throw ValidationError.single("consent.validUntil", {
      da: "Samtykket skal gælde til et tidspunkt i fremtiden.",
      en: "The consent must be valid until a time in the future.",
    });
  }
  for (const [key, field] of PERSONAL_FIELDS) {
    if (personalData?.[key] && !values.consent?.fields.includes(field)) throw new ConsentMissingError(field);
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const handover = await withConflictRetry(() => deps.prisma.$transaction(async (tx) => {
        const referredFromId = values.referredFromHandoverId ? await referOn(tx, viewer, values, now) : null;
        const created = await tx.handover.create({
          data: {
            referredFromId,
            code: generateHandoverCode(),
            kind: values.kind,
            status: group ? "OPEN" : values.send ? "SENT" : "DRAFT",
            fromUnitId: values.fromUnitId,
            toUnitId: group ? null : values.toUnitId,
            createdById: viewer.userId,
            purpose: values.purpose,
            helpCategories: values.helpCategories,
            wish: values.wish,
            urgency: values.urgency,
            preferredChannel: values.preferredChannel,
            preferredContactTime: values.preferredContactTime,
            languageNeeds: values.languageNeeds,
            proposedMeetingAt: values.proposedMeetingAt,
            proposedMeetingPlace: values.proposedMeetingPlace,
            proposedVisitId: values.proposedVisitId,
            createdAt: now,
            sentAt: values.send ? now : null,
            expiresAt: values.send ? new Date(now.getTime() + responseWindowDays * DAY_MS) : null,
          },
        });
        if (group) await tx.handoverOpenRequest.create({ data: { handoverId: created.id, ...group.request } });
        if (values.consent && values.toUnitId) {
          await tx.consent.create({
            data: {
              handoverId: created.id,
              fields: values.consent.fields,
              recipientUnitId: values.toUnitId,
              purpose: values.consent.purpose,
              method: values.consent.method,
              recordedById: viewer.userId,
              givenAt: now,
              validUntil: values.consent.validUntil,
            },
          });
        }
        if (personalData) await tx.handoverPersonalData.create({ data: { handoverId: created.id, ...personalData, createdAt: now } });
        const actor = { actorUserId: viewer.userId, actorUnitId: values.fromUnitId, at: now };
        await tx.handoverEvent.create({ data: { handoverId: created.id, type: "CREATED", toStatus: "DRAFT", ...actor } });
        if (values.send) {
          await tx.handoverEvent.create({ data: { handoverId: created.id, type: "SENT", fromStatus: "DRAFT", toStatus: created.status, ...actor } });
        }
        await recordIdempotentResult(tx, idempotency, created.id, now);
        await enqueueNotification(tx, handoverNotifications(created, { type: values.send ? "SENT" : "CREATED", fromStatus: "DRAFT", actorUnitId: values.fromUnitId, at: now }));
        // An open request tells every unit of its group, content-free, that there is one to claim.
        if (group) await enqueueNotification(tx, group.memberUnitIds.map((unitId) => ({ kind: "HANDOVER_OPEN_REQUEST" as const, unitId, subjectId: created.id, at: now })));
        return created;
      }));
      publishHandoverChanged(deps.pubsub, handover);
      if (handover.referredFromId) {
        const previous = await deps.prisma.handover.findUnique({ where: { id: handover.referredFromId } });
        if (previous) publishHandoverChanged(deps.pubsub, previous);
      }
      return handover;
    } catch (error) {
      // A new code collides with an existing one about once in 10^10 creations: draw again.
      if (isUniqueViolation(error) && !isIdempotencyKeyTaken(error) && attempt < CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}

interface ResolvedOpenRequest {
  request: { serviceKind: ServiceKind; areaId: string; areaName: string; latitude: number; longitude: number; radiusKm: number };
  memberUnitIds: string[];
}

/**
 * Checks an open request to a group before it is created: it is sent at once, carries no
 * personal data (the consent would have no recipient until a unit claims it), and its group
 * has at least one unit besides the sender — never a request nobody can take.
 */
async function resolveOpenRequest(prisma: Prisma, values: CreateHandoverValues): Promise<ResolvedOpenRequest> {
  const toGroup = values.toGroup!;
  const refuse = (field: string, da: string, en: string) => ValidationError.single(field, { da, en });
  if (values.toUnitId) throw refuse("toUnitId", "Send enten til en modtager eller til en gruppe, ikke begge.", "Send either to a recipient or to a group, not both.");
  if (!values.send) throw refuse("send", "En åben forespørgsel sendes med det samme; den kan ikke gemmes som kladde.", "An open request is sent at once; it cannot be saved as a draft.");
  if (values.kind !== "BRIDGE") throw refuse("kind", "En varm introduktion går til et bestemt værested.", "A warm introduction goes to one centre.");
  if (values.consent || values.personalData) {
    throw refuse(
      "consent",
      "En åben forespørgsel er anonym, indtil et tilbud har taget den. Del oplysninger i tråden bagefter, eller send til et bestemt tilbud.",
      "An open request is anonymous until a service has taken it. Share details in the thread afterwards, or send to one service.",
    );
  }
  if (values.proposedVisitId) throw refuse("proposedVisitId", "Et besøg kan først foreslås, når et tilbud har taget forespørgslen.", "A visit can be proposed once a service has taken the request.");
  if (!(toGroup.radiusKm > 0) || toGroup.radiusKm > 200) throw refuse("toGroup.radiusKm", "Afstanden skal være mellem 0 og 200 km.", "The radius must be between 0 and 200 km.");
  const area = await prisma.area.findUnique({ where: { id: toGroup.areaId } });
  if (!area) throw new NotFoundError({ da: "Området", en: "The area" });
  const group: HandoverGroup = { serviceKind: toGroup.serviceKind, latitude: area.latitude, longitude: area.longitude, radiusKm: toGroup.radiusKm };
  const memberUnitIds = await findGroupMemberUnitIds(prisma, group, values.fromUnitId);
  if (memberUnitIds.length === 0) {
    throw refuse("toGroup.areaId", "Der er ingen tilbud af den slags i området. Vælg et større område eller et bestemt tilbud.", "There is no service of that kind in the area. Choose a wider area or one service.");
  }
  return { request: { ...group, areaId: area.id, areaName: area.name }, memberUnitIds };
}

/**
 * Closes the handover the viewer's unit received as COMPLETED / REFERRED_ON (the `refer`
 * transition, with its event), in the transaction that creates the next handover. A handover
 * already completed as REFERRED_ON can be linked without a new transition.
 */
async function referOn(tx: Transaction, viewer: Viewer, values: CreateHandoverValues, now: Date): Promise<string> {
  const previous = await findForViewer(tx, viewer, values.referredFromHandoverId!);
  const actorUnitId = assertSide(viewer, previous, "RECEIVER");
  if (values.fromUnitId !== previous.toUnitId) {
    throw ValidationError.single("referredFromHandoverId", {
      da: "Kun den enhed, der modtog overleveringen, kan henvise borgeren videre.",
      en: "Only the unit that received the handover can refer the citizen on.",
    });
  }
  if (previous.status === "COMPLETED" && previous.outcome === "REFERRED_ON") return previous.id;
  const next = nextStatus(previous.status, "refer");
  if (!next.ok) throw new IllegalTransitionError(previous.status, "refer");
  const { count } = await tx.handover.updateMany({
    where: { id: previous.id, status: previous.status },
    data: { status: next.status, outcome: "REFERRED_ON", closedAt: now, lookAgainAt: null },
  });
  if (count === 0) throw concurrentChange();
  const type = eventTypeFor("refer") as HandoverEventType;
  await tx.handoverEvent.create({
    data: { handoverId: previous.id, type, fromStatus: previous.status, toStatus: next.status, actorUserId: viewer.userId, actorUnitId, at: now },
  });
  await enqueueNotification(tx, handoverNotifications(previous, { type, fromStatus: previous.status, actorUnitId, at: now }));
  return previous.id;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function presentPersonalData(data: CreateHandoverValues["personalData"]) {
  if (!data) return null;
  const present = {
    firstName: data.firstName || null,
    phone: data.phone || null,
    email: data.email || null,
    note: data.note || null,
  };
  return Object.values(present).some((value) => value !== null) ? present : null;
}

/** A proposed first meeting at a visiting session must be a confirmed, future visit that involves one of the two units. */
async function assertProposableVisit(
  prisma: Prisma | Transaction,
  visitId: string,
  handover: { fromUnitId: string; toUnitId: string | null },
  now: Date,
): Promise<void> {
  const visit = await prisma.visit.findUnique({ where: { id: visitId }, include: { centre: { select: { unitId: true } } } });
  const unitIds = [handover.fromUnitId, handover.toUnitId].filter((unitId): unitId is string => unitId !== null);
  const isProposable =
    visit !== null &&
    visit.status === "CONFIRMED" &&
    visit.startsAt > now &&
    (unitIds.includes(visit.serviceUnitId) || unitIds.includes(visit.centre.unitId));
  if (!isProposable) {
    throw ValidationError.single("proposedVisitId", {
      da: "Et første møde kan kun foreslås i et bekræftet, kommende besøg på et værested, som en af de to enheder deltager i.",
      en: "A first meeting can only be proposed at a confirmed, upcoming visit at a centre that one of the two units takes part in.",
    });
  }
}

interface TransitionRequest {
  handoverId: string;
  action: Exclude<HandoverAction, "expire" | "withdraw" | "refer">;
  note?: string | null;
  /** Extra columns to set with the new status. */
  data?: (handover: HandoverRow, tx: Transaction, now: Date) => Promise<PrismaTypes.HandoverUncheckedUpdateManyInput> | PrismaTypes.HandoverUncheckedUpdateManyInput;
}

// Loads the handover the way the viewer may see it: a receiver may not act on a draft.
async function findForViewer(tx: Transaction, viewer: Viewer, handoverId: string) {
  const handover = await tx.handover.findUnique({ where: { id: handoverId }, include: { consent: true } });
  if (!handover) throw new NotFoundError(HANDOVER);
  const sides = viewerSides(viewer, handover);
  if (sides.length === 0 || (handover.status === "DRAFT" && !sides.includes("SENDER"))) throw new ForbiddenError();
  return handover;
}

function assertSide(viewer: Viewer, handover: HandoverRow, side: "SENDER" | "RECEIVER"): string {
  const unitId = unitOfSide(handover, side);
  if (!isMemberOf(viewer, unitId)) {
    throw new ForbiddenError(
      side === "SENDER"
        ? { da: "Kun den afsendende enhed kan gøre dette.", en: "Only the sending unit can do this." }
        : { da: "Kun den modtagende enhed kan gøre dette.", en: "Only the receiving unit can do this." },
    );
  }
  return unitId;
}

const CLOSING_STATUSES: HandoverStatus[] = ["COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN"];

/** Moves a handover one step along its life cycle for the viewer's side, with its event. */
export async function transitionHandover(deps: HandoverDependencies, viewer: Viewer, request: TransitionRequest): Promise<HandoverRow> {
  const now = deps.clock.now();
  const transition = transitionFor(request.action);
  const handover = await deps.prisma.$transaction(async (tx) => {
    const current = await findForViewer(tx, viewer, request.handoverId);
    if (transition.side === "SYSTEM") throw new ForbiddenError();
    const actorUnitId = assertSide(viewer, current, transition.side);
    const next = nextStatus(current.status, request.action);
    if (!next.ok) throw new IllegalTransitionError(current.status, request.action);
    const extra = request.data ? await request.data(current, tx, now) : {};
    // The status in the WHERE makes a concurrent second transition change nothing.
    const { count } = await tx.handover.updateMany({
      where: { id: current.id, status: current.status },
      data: { ...extra, status: next.status, ...(CLOSING_STATUSES.includes(next.status) ? { closedAt: now } : {}) },
    });
    if (count === 0) throw concurrentChange();
    // The event is the action's own (ON_HOLD, RESUMED, NO_SHOW_RETRIED) or named after the status it leads to.
    const eventType = eventTypeFor(request.action) as HandoverEventType;
    await tx.handoverEvent.create({
      data: {
        handoverId: current.id,
        type: eventType,
        fromStatus: current.status,
        toStatus: next.status,
        actorUserId: viewer.userId,
        actorUnitId,
        note: request.note ?? null,
        at: now,
      },
    });
    await enqueueNotification(tx, handoverNotifications(current, { type: eventType, fromStatus: current.status, actorUnitId, at: now }));
    return tx.handover.findUniqueOrThrow({ where: { id: current.id } });
  });
  publishHandoverChanged(deps.pubsub, handover);
  return handover;
}

function concurrentChange(): ConflictError {
  return new ConflictError({
    da: "Overleveringen blev ændret af en anden imens. Hent den igen og prøv på ny.",
    en: "The handover was changed by someone else meanwhile. Reload it and try again.",
  });
}

// The transitions below read alike on purpose: each names its action and the fields it sets;
// transitionHandover does the rest (rules, event, notification) once.
/** Sends a draft: the receiver's response window starts now. */
export function sendHandover(deps: HandoverDependencies, viewer: Viewer, handoverId: string): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId,
    action: "send",
    data: async (handover, tx, now) => {
      const service = handover.toUnitId ? await tx.service.findUnique({ where: { unitId: handover.toUnitId }, select: { responseWindowDays: true } }) : null;
      const windowDays = service?.responseWindowDays ?? DEFAULT_RESPONSE_WINDOW_DAYS;
      return { sentAt: now, expiresAt: new Date(now.getTime() + windowDays * DAY_MS) };
    },
  });
}

/** The receiver accepts, optionally proposing a first meeting (a time and place, or a confirmed visit). */
export function acceptHandover(
  deps: HandoverDependencies,
  viewer: Viewer,
  values: { handoverId: string; note: string | null; proposedMeetingAt: Date | null; proposedMeetingPlace: string | null; proposedVisitId: string | null },
): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId: values.handoverId,
    action: "accept",
    note: values.note,
    data: async (handover, tx, now) => {
      if (values.proposedVisitId) await assertProposableVisit(tx, values.proposedVisitId, handover, now);
      return {
        firstResponseAt: handover.firstResponseAt ?? now,
        ...(values.proposedMeetingAt !== null ? { proposedMeetingAt: values.proposedMeetingAt } : {}),
        ...(values.proposedMeetingPlace !== null ? { proposedMeetingPlace: values.proposedMeetingPlace } : {}),
        ...(values.proposedVisitId !== null ? { proposedVisitId: values.proposedVisitId } : {}),
      };
    },
  });
}

/** The receiver declines with a coded reason the sender sees (text optional), and optionally a better suggestion. */
export function declineHandover(
  deps: HandoverDependencies,
  viewer: Viewer,
  values: { handoverId: string; reasonCode: HandoverDeclineCode; reason: string | null; suggestion: string | null; suggestedUnitId: string | null },
): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId: values.handoverId,
    action: "decline",
    note: values.reason,
    data: async (handover, tx, now) => {
      if (values.suggestedUnitId) await assertSuggestableUnit(tx, values.suggestedUnitId, handover);
      return {
        declineCode: values.reasonCode,
        declineReason: values.reason,
        suggestion: values.suggestion,
        suggestedUnitId: values.suggestedUnitId,
        firstResponseAt: handover.firstResponseAt ?? now,
      };
    },
  });
}

/** A suggested unit is a service or a centre in the directory, other than the two units of the handover. */
async function assertSuggestableUnit(tx: Transaction, unitId: string, handover: { fromUnitId: string; toUnitId: string | null }): Promise<void> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { kind: true } });
  if (!unit || unit.kind === "CASEWORKER_TEAM" || unitId === handover.fromUnitId || unitId === handover.toUnitId) {
    throw ValidationError.single("suggestedUnitId", {
      da: "Foreslå et andet tilbud eller værested fra oversigten (ikke afsenderen eller jer selv).",
      en: "Suggest another service or centre from the directory (not the sender or yourselves).",
    });
  }
}

/** The receiver closes the loop with an outcome the sender sees. */
export function completeHandover(
  deps: HandoverDependencies,
  viewer: Viewer,
  values: { handoverId: string; outcome: HandoverOutcome; note: string | null },
): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId: values.handoverId,
    action: "complete",
    note: values.note,
    data: () => ({ outcome: values.outcome }),
  });
}

/** The receiver puts an accepted handover on hold while waiting for the citizen, with a date to look again. */
export function holdHandover(deps: HandoverDependencies, viewer: Viewer, values: { handoverId: string; lookAgainAt: Date; note: string | null }): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId: values.handoverId,
    action: "hold",
    note: values.note,
    data: (_handover, _tx, now) => {
      if (values.lookAgainAt <= now) {
        throw ValidationError.single("lookAgainAt", {
          da: "Datoen for at se på den igen skal ligge i fremtiden.",
          en: "The date to look again must be in the future.",
        });
      }
      // A new date to look again reminds again when it comes.
      return { lookAgainAt: values.lookAgainAt, lookAgainRemindedAt: null };
    },
  });
}

/** The receiver takes a handover off hold. */
export function resumeHandover(deps: HandoverDependencies, viewer: Viewer, values: { handoverId: string; note: string | null }): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, { handoverId: values.handoverId, action: "resume", note: values.note, data: () => ({ lookAgainAt: null }) });
}

/** The citizen did not show: the receiver records it and proposes a new first meeting on the same handover. */
export function retryAfterNoShow(
  deps: HandoverDependencies,
  viewer: Viewer,
  values: { handoverId: string; note: string | null; proposedMeetingAt: Date; proposedMeetingPlace: string | null; proposedVisitId: string | null },
): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, {
    handoverId: values.handoverId,
    action: "retry",
    note: values.note,
    data: async (handover, tx, now) => {
      if (values.proposedMeetingAt <= now) {
        throw ValidationError.single("proposedMeetingAt", { da: "Det nye møde skal ligge i fremtiden.", en: "The new meeting must be in the future." });
      }
      if (values.proposedVisitId) await assertProposableVisit(tx, values.proposedVisitId, handover, now);
      return {
        noShowCount: { increment: 1 },
        lookAgainAt: null,
        proposedMeetingAt: values.proposedMeetingAt,
        proposedMeetingPlace: values.proposedMeetingPlace,
        proposedVisitId: values.proposedVisitId,
      };
    },
  });
}

/** The sender withdraws the handover before it is completed. */
export function cancelHandover(deps: HandoverDependencies, viewer: Viewer, values: { handoverId: string; reason: string }): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, { handoverId: values.handoverId, action: "cancel", note: values.reason });
}

/** The receiver records that the handover has arrived. */
export function receiveHandover(deps: HandoverDependencies, viewer: Viewer, handoverId: string): Promise<HandoverRow> {
  return transitionHandover(deps, viewer, { handoverId, action: "receive" });
}

/**
 * Records the citizen's withdrawal of consent: the personal data row is deleted in the same
 * transaction, and an open handover moves to WITHDRAWN. A closed handover keeps its status
 * (its outcome is history) but loses its personal data just the same: withdrawal always
 * takes effect at once.
 */
export async function withdrawConsent(deps: HandoverDependencies, viewer: Viewer, values: { handoverId: string; note: string | null }): Promise<HandoverRow> {
  return recordWithdrawal(deps, values.handoverId, async (tx) => {
    const current = await findForViewer(tx, viewer, values.handoverId);
    const actorUnitId = assertSide(viewer, current, "SENDER");
    if (!current.consent) {
      throw ValidationError.single("handoverId", {
        da: "Overleveringen er anonym: der er intet samtykke at trække tilbage.",
        en: "The handover is anonymous: there is no consent to withdraw.",
      });
    }
    if (current.consent.withdrawnAt) throw new IllegalTransitionError(current.status, "withdraw");
    return { current, event: { actorUserId: viewer.userId, actorUnitId, note: values.note } };
  });
}

/**
 * The citizen withdraws their consent (WITHDREW_CONSENT) or says they no longer need the help
 * (NO_LONGER_NEEDED) from their own page. The same rule as the sender's withdrawal: personal
 * data deleted at once, an open handover moves to WITHDRAWN. The event names no user and no
 * unit, and carries no note.
 */
export async function withdrawByCitizen(
  deps: HandoverDependencies,
  values: { handoverId: string; action: CitizenAction },
): Promise<HandoverRow> {
  return recordWithdrawal(deps, values.handoverId, async (tx) => {
    const current = await tx.handover.findUnique({ where: { id: values.handoverId }, include: { consent: true } });
    if (!current) throw new NotFoundError(HANDOVER);
    const hasOpenConsent = current.consent !== null && current.consent.withdrawnAt === null;
    // Withdrawing consent needs a consent in force; "no longer needed" also closes an anonymous handover.
    const canClose = nextStatus(current.status, "withdraw").ok;
    if (values.action === "WITHDREW_CONSENT" ? !hasOpenConsent : !hasOpenConsent && !canClose) {
      throw new IllegalTransitionError(current.status, "withdraw");
    }
    return { current, event: { actorUserId: null, actorUnitId: null, citizenAction: values.action, note: null } };
  });
}

type WithdrawalEvent = Pick<PrismaTypes.HandoverEventUncheckedCreateInput, "actorUserId" | "actorUnitId" | "citizenAction" | "note">;

// The one code path for every withdrawal: whoever asks, the personal data goes in the same
// transaction as the consent's withdrawnAt, the status change and the event.
async function recordWithdrawal(
  deps: HandoverDependencies,
  handoverId: string,
  authorize: (tx: Transaction) => Promise<{ current: HandoverRow & { consent: PrismaTypes.ConsentGetPayload<object> | null }; event: WithdrawalEvent }>,
): Promise<HandoverRow> {
  const now = deps.clock.now();
  const handover = await deps.prisma.$transaction(async (tx) => {
    const { current, event } = await authorize(tx);
    if (current.consent && !current.consent.withdrawnAt) {
      await tx.consent.update({ where: { handoverId: current.id }, data: { withdrawnAt: now } });
    }
    const next = nextStatus(current.status, "withdraw");
    const toStatus = next.ok ? next.status : current.status;
    if (next.ok) {
      const { count } = await tx.handover.updateMany({
        where: { id: current.id, status: current.status },
        data: { status: toStatus, closedAt: now },
      });
      if (count === 0) throw concurrentChange();
    }
    await tx.handoverEvent.create({
      data: { handoverId: current.id, type: "WITHDRAWN", fromStatus: current.status, toStatus, ...event, at: now },
    });
    // Withdrawal purges at once: the personal data and every free-text field about the citizen
    // (the withdrawal's own note included). A citizen's withdrawal has no acting unit: both are told.
    await purgeHandovers(tx, [current.id], now);
    await enqueueNotification(tx, handoverNotifications(current, { type: "WITHDRAWN", fromStatus: current.status, actorUnitId: event.actorUnitId ?? null, at: now }));
    return tx.handover.findUniqueOrThrow({ where: { id: handoverId } });
  });
  publishHandoverChanged(deps.pubsub, handover);
  return handover;
}

/**
 * Marks the handover read for the viewer's unit(s). When the receiver opens a SENT handover
 * this also records it as RECEIVED: the client calls this mutation when a handover is opened,
 * so queries themselves never change a handover's state.
 */
export async function markHandoverRead(deps: HandoverDependencies, viewer: Viewer, handoverId: string): Promise<HandoverRow> {
  const now = deps.clock.now();
  let received = false;
  const handover = await deps.prisma.$transaction(async (tx) => {
    const current = await findForViewer(tx, viewer, handoverId);
    const sides = viewerSides(viewer, current);
    if (sides.includes("RECEIVER") && current.status === "SENT") {
      const { count } = await tx.handover.updateMany({ where: { id: current.id, status: "SENT" }, data: { status: "RECEIVED" } });
      if (count === 1) {
        received = true;
        await tx.handoverEvent.create({
          data: { handoverId: current.id, type: "RECEIVED", fromStatus: "SENT", toStatus: "RECEIVED", actorUserId: viewer.userId, actorUnitId: current.toUnitId, at: now },
        });
      }
    }
    for (const side of sides) {
      const unitId = unitOfSide(current, side);
      await tx.handoverRead.upsert({
        where: { handoverId_unitId: { handoverId: current.id, unitId } },
        create: { handoverId: current.id, unitId, lastReadAt: now },
        update: { lastReadAt: now },
      });
    }
    return tx.handover.findUniqueOrThrow({ where: { id: current.id } });
  });
  if (received) publishHandoverChanged(deps.pubsub, handover);
  return handover;
}

export interface PersonalDataView {
  fields: ConsentField[];
  firstName: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

/**
 * Reads the consented personal data of a handover for a member of either unit, writing the
 * PersonalDataAccess audit row in the same transaction. Null when there is nothing to read:
 * no consent, consent expired or withdrawn, or the data already purged.
 */
export async function readPersonalData(
  deps: Pick<HandoverDependencies, "prisma" | "clock">,
  viewer: Viewer,
  values: { handoverId: string; reason: string },
): Promise<PersonalDataView | null> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const handover = await findForViewer(tx, viewer, values.handoverId);
    const personalData = await tx.handoverPersonalData.findUnique({ where: { handoverId: handover.id } });
    if (!personalData || !isConsentValid(handover.consent, now)) return null;
    const consented = new Set(handover.consent!.fields);
    const view: PersonalDataView = {
      fields: [],
      firstName: consented.has("FIRST_NAME") ? personalData.firstName : null,
      phone: consented.has("PHONE") ? personalData.phone : null,
      email: consented.has("EMAIL") ? personalData.email : null,
      note: consented.has("NOTE") ? personalData.note : null,
    };
    view.fields = PERSONAL_FIELDS.filter(([key]) => view[key] !== null).map(([, field]) => field);
    await recordPersonalDataAccess(tx, viewer, handover, { fields: view.fields, reason: values.reason, at: now });
    return view;
  });
}

/** Writes who read which personal fields of a handover, for which unit and why (the access log). */
export async function recordPersonalDataAccess(
  tx: Transaction,
  viewer: Viewer,
  handover: { id: string; fromUnitId: string; toUnitId: string | null },
  access: { fields: ConsentField[]; reason: string; at: Date },
): Promise<void> {
  // A member of both units reads as the receiver, who works with the citizen.
  const side = viewerSides(viewer, handover).includes("RECEIVER") ? "RECEIVER" : "SENDER";
  await tx.personalDataAccess.create({
    data: { handoverId: handover.id, userId: viewer.userId, unitId: unitOfSide(handover, side), ...access },
  });
}
