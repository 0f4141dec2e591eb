// The Handover type, its timeline and consent, and the queries that read handovers: need to
// know is enforced by `handoverWhereVisibleTo` in every lookup and list, and by the type's own
// authScopes as a second line.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { CitizenAction, ConsentField, ConsentMethod, ContactChannel, HandoverDeclineCode, HandoverEventType, HandoverKind, HandoverOutcome, HandoverStatus, HelpCategory, Urgency, type ServiceKind } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { ServiceKindEnum } from "../directory/index.ts";
import type { Context } from "../../graphql/context.ts";
import { memberUnitIds } from "../../graphql/context.ts";
import { selectsField } from "../../graphql/selection.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { requireViewer } from "../../shared/viewer.ts";
import { refuseCprNumbers } from "../../shared/validation.ts";
import { normalizeHandoverCode } from "./handover-code.ts";
import { readPersonalData, type PersonalDataView } from "./handover.commands.ts";
import {
  countHandovers,
  countUnreadByUnit,
  encodeCursor,
  findHandoverPage,
  findHandoverPageRows,
  type ListCount,
  type ListRequest,
  isUnreadFor,
  TOTAL_COUNT_CAP,
  UNREAD_COUNT_CAP,
  type UnreadCount,
} from "./handover-lists.ts";
import { handoverWhereVisibleTo, isConsentValid, viewerSides } from "./handover.policy.ts";
import { allowedActions, HANDOVER_ACTIONS, type HandoverAction } from "./handover-status.ts";

// The handover's enums, declared like every enum (values, name, description); only the descriptions differ.
export const HandoverStatusEnum = builder.enumType(HandoverStatus, {
  name: "HandoverStatus",
  description:
    "Where a handover is in its life cycle (DRAFT → SENT → RECEIVED → ACCEPTED → COMPLETED, or DECLINED, CANCELLED, EXPIRED, WITHDRAWN; ON_HOLD while waiting for the citizen; OPEN while an open request to a group waits for a unit to claim it).",
});
export const HandoverKindEnum = builder.enumType(HandoverKind, {
  name: "HandoverKind",
  description: "BRIDGE: centre staff bridge a citizen to a service. WARM_INTRODUCTION: a caseworker introduces a citizen to a centre.",
});
export const HandoverOutcomeEnum = builder.enumType(HandoverOutcome, {
  name: "HandoverOutcome",
  description: "How a completed handover ended; the sender sees it, which closes the loop.",
});
export const HandoverDeclineCodeEnum = builder.enumType(HandoverDeclineCode, {
  name: "HandoverDeclineCode",
  description:
    "Why a receiver declines: full or waiting list, outside the target group, could not reach the citizen, another service fits better (with a suggestion), other (with a text). Counted per service in figures.",
});
export const HelpCategoryEnum = builder.enumType(HelpCategory, { name: "HelpCategory", description: "What the citizen wants help with." });
export const UrgencyEnum = builder.enumType(Urgency, { name: "Urgency" });
export const ContactChannelEnum = builder.enumType(ContactChannel, {
  name: "ContactChannel",
  description: "How the citizen prefers to be contacted; VIA_SENDER keeps the citizen anonymous to the receiver.",
});
export const ConsentFieldEnum = builder.enumType(ConsentField, { name: "ConsentField", description: "A personal data field a consent can cover." });
export const ConsentMethodEnum = builder.enumType(ConsentMethod, { name: "ConsentMethod", description: "How the citizen gave consent." });
export const HandoverEventTypeEnum = builder.enumType(HandoverEventType, { name: "HandoverEventType" });
export const CitizenActionEnum = builder.enumType(CitizenAction, {
  name: "CitizenAction",
  description: "What the citizen did on their own page: withdrew their consent, or said they no longer need the help.",
});
export const HandoverActionEnum = builder.enumType(
  Object.fromEntries(HANDOVER_ACTIONS.map((action) => [action.toUpperCase(), action])) as Record<Uppercase<HandoverAction>, HandoverAction>,
  { name: "HandoverAction", description: "An action the viewer's side may take now; each has its own mutation." },
);

const HandoverUnitRef = builder.objectRef<{ id: string; name: string }>("HandoverUnit").implement({
  description: "The sending or receiving unit of a handover: only its id and name.",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

export const HandoverOpenRequestRef = builder
  .objectRef<{ serviceKind: ServiceKind; areaName: string; radiusKm: number; claimedAt: Date | null }>("HandoverOpenRequest")
  .implement({
    description: "The group an open request went to: any service of one kind within a radius of an area (services without an address included).",
    fields: (t) => ({
      serviceKind: t.field({ type: ServiceKindEnum, resolve: (request) => request.serviceKind }),
      areaName: t.exposeString("areaName"),
      radiusKm: t.exposeFloat("radiusKm"),
      claimedAt: t.expose("claimedAt", { type: "DateTime", nullable: true, description: "When the first unit of the group took it." }),
    }),
  });

const HandoverVisitRef = builder
  .objectRef<{ id: string; startsAt: Date; endsAt: Date; centre: { name: string } }>("HandoverVisit")
  .implement({
    description: "A confirmed visiting-service session at a centre, proposed as the first meeting.",
    fields: (t) => ({
      id: t.exposeID("id"),
      startsAt: t.expose("startsAt", { type: "DateTime" }),
      endsAt: t.expose("endsAt", { type: "DateTime" }),
      centreName: t.string({ resolve: (visit) => visit.centre.name }),
    }),
  });

// Events written in one transaction share a timestamp (CREATED and SENT when sending at once):
// the life-cycle order breaks the tie.
const EVENT_ORDER: HandoverEventType[] = [
  "CREATED",
  "SENT",
  "RECEIVED",
  "ACCEPTED",
  "DECLINED",
  "COMPLETED",
  "CANCELLED",
  "EXPIRED",
  "WITHDRAWN",
  "ON_HOLD",
  "RESUMED",
  "NO_SHOW_RETRIED",
  "CLAIMED",
  "PERSONAL_DATA_PURGED",
];

interface HandoverEventView {
  id: string;
  type: HandoverEventType;
  fromStatus: HandoverStatus | null;
  toStatus: HandoverStatus;
  at: Date;
  note: string | null;
  citizenAction: CitizenAction | null;
  actorUnit: { id: string; name: string } | null;
  actorUserName: string | null;
}

const HandoverEventRef = builder.objectRef<HandoverEventView>("HandoverEvent").implement({
  description: "One step on a handover's timeline, seen by both units.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.expose("type", { type: HandoverEventTypeEnum }),
    fromStatus: t.expose("fromStatus", { type: HandoverStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: HandoverStatusEnum }),
    at: t.expose("at", { type: "DateTime" }),
    note: t.exposeString("note", { nullable: true }),
    actorUnit: t.field({
      type: HandoverUnitRef,
      nullable: true,
      description: "The unit that acted; null for the system (expiry, purge).",
      resolve: (event) => event.actorUnit,
    }),
    actorUserName: t.exposeString("actorUserName", { nullable: true, description: "The professional who acted." }),
    citizenAction: t.expose("citizenAction", {
      type: CitizenActionEnum,
      nullable: true,
      description: "Set when the citizen acted themselves, on their own page; actorUnit is then null.",
    }),
  }),
});

interface ChainLinkView {
  handoverId: string | null;
  isThisHandover: boolean;
  status: HandoverStatus;
  outcome: HandoverOutcome | null;
  sentAt: Date | null;
  fromUnit: { id: string; name: string };
  toUnit: { id: string; name: string } | null;
}

const HandoverChainLinkRef = builder.objectRef<ChainLinkView>("HandoverChainLink").implement({
  description:
    "One handover in a referred-on chain: only units, status, outcome and when it was sent, never its text or personal data. handoverId is given only to members of that handover's own units.",
  fields: (t) => ({
    handoverId: t.exposeID("handoverId", { nullable: true }),
    isThisHandover: t.exposeBoolean("isThisHandover"),
    status: t.expose("status", { type: HandoverStatusEnum }),
    outcome: t.expose("outcome", { type: HandoverOutcomeEnum, nullable: true }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    fromUnit: t.field({ type: HandoverUnitRef, resolve: (link) => link.fromUnit }),
    toUnit: t.field({ type: HandoverUnitRef, nullable: true, description: "Null while an open request is unclaimed.", resolve: (link) => link.toUnit }),
  }),
});

const CHAIN_LIMIT = 20;

/** The chain a handover belongs to (referred on from / to), oldest first; empty when it stands alone. */
async function findReferralChain(context: Context, handoverId: string): Promise<ChainLinkView[]> {
  const select = {
    id: true,
    status: true,
    outcome: true,
    sentAt: true,
    referredFromId: true,
    fromUnit: { select: { id: true, name: true } },
    toUnit: { select: { id: true, name: true } },
  } as const;
  let root = await context.prisma.handover.findUniqueOrThrow({ where: { id: handoverId }, select });
  for (let hops = 0; root.referredFromId && hops < CHAIN_LIMIT; hops++) {
    const previous = await context.prisma.handover.findUnique({ where: { id: root.referredFromId }, select });
    if (!previous) break;
    root = previous;
  }
  const chain = [root];
  for (let level = [root.id]; level.length > 0 && chain.length < CHAIN_LIMIT; ) {
    const next = await context.prisma.handover.findMany({ where: { referredFromId: { in: level } }, select, orderBy: { createdAt: "asc" } });
    chain.push(...next);
    level = next.map((row) => row.id);
  }
  if (chain.length === 1) return [];
  const unitIds = new Set(memberUnitIds(context.viewer));
  return chain
    // A draft is the sender's working copy: the rest of the chain learns of it when it is sent.
    .filter((row) => row.status !== "DRAFT" || unitIds.has(row.fromUnit.id))
    .slice(0, CHAIN_LIMIT)
    .map((row) => ({
      handoverId: unitIds.has(row.fromUnit.id) || (row.toUnit !== null && unitIds.has(row.toUnit.id)) ? row.id : null,
      isThisHandover: row.id === handoverId,
      status: row.status,
      outcome: row.outcome,
      sentAt: row.sentAt,
      fromUnit: row.fromUnit,
      toUnit: row.toUnit,
    }));
}

export const ConsentRef = builder.prismaObject("Consent", {
  description: "What the citizen agreed to share, with whom, why, how and until when. Holds no personal values.",
  fields: (t) => ({
    fields: t.field({ type: [ConsentFieldEnum], resolve: (consent) => consent.fields }),
    purpose: t.exposeString("purpose"),
    method: t.expose("method", { type: ConsentMethodEnum }),
    givenAt: t.expose("givenAt", { type: "DateTime" }),
    validUntil: t.expose("validUntil", { type: "DateTime" }),
    withdrawnAt: t.expose("withdrawnAt", { type: "DateTime", nullable: true }),
  }),
});

const PersonalDataRef = builder.objectRef<PersonalDataView>("HandoverPersonalData").implement({
  description: "The citizen's personal data, only the consented fields. Every read is audited.",
  fields: (t) => ({
    fields: t.field({ type: [ConsentFieldEnum], description: "The fields present in this answer.", resolve: (data) => data.fields }),
    firstName: t.exposeString("firstName", { nullable: true, description: "First name or alias." }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

export const HandoverRef = builder.prismaObject("Handover", {
  description: "A consent-based, minimal-data handover from one unit to another. Visible only to members of the two units.",
  // Second line of need to know: lists and lookups already filter with handoverWhereVisibleTo.
  authScopes: (handover, context) => viewerSides(context.viewer, handover).length > 0,
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code", { description: "The short code the citizen carries instead of a name, e.g. K7QH-M3XC." }),
    kind: t.expose("kind", { type: HandoverKindEnum }),
    status: t.expose("status", { type: HandoverStatusEnum }),
    fromUnit: t.field({
      type: HandoverUnitRef,
      select: { fromUnit: { select: { id: true, name: true } } },
      resolve: (handover) => handover.fromUnit,
    }),
    toUnit: t.field({
      type: HandoverUnitRef,
      nullable: true,
      description: "The receiving unit; null while an open request waits for a unit of its group to claim it (see openRequest).",
      select: { toUnit: { select: { id: true, name: true } } },
      resolve: (handover) => handover.toUnit,
    }),
    openRequest: t.field({
      type: HandoverOpenRequestRef,
      nullable: true,
      description: "Set when the handover was sent as an open request to a group: which group, and when a unit claimed it.",
      select: { openRequest: true },
      resolve: (handover) => handover.openRequest,
    }),
    purpose: t.exposeString("purpose"),
    helpCategories: t.field({ type: [HelpCategoryEnum], resolve: (handover) => handover.helpCategories }),
    wish: t.exposeString("wish", { nullable: true, description: "What the citizen wants help with, in a few words." }),
    urgency: t.expose("urgency", { type: UrgencyEnum }),
    preferredChannel: t.expose("preferredChannel", { type: ContactChannelEnum }),
    preferredContactTime: t.exposeString("preferredContactTime", { nullable: true }),
    languageNeeds: t.exposeString("languageNeeds", { nullable: true }),
    proposedMeetingAt: t.expose("proposedMeetingAt", { type: "DateTime", nullable: true }),
    proposedMeetingPlace: t.exposeString("proposedMeetingPlace", { nullable: true }),
    proposedVisit: t.field({
      type: HandoverVisitRef,
      nullable: true,
      select: { proposedVisit: { select: { id: true, startsAt: true, endsAt: true, centre: { select: { name: true } } } } },
      resolve: (handover) => handover.proposedVisit,
    }),
    outcome: t.expose("outcome", { type: HandoverOutcomeEnum, nullable: true }),
    declineReason: t.exposeString("declineReason", { nullable: true }),
    suggestion: t.exposeString("suggestion", { nullable: true, description: "A better place to go, suggested when declining." }),
    declineCode: t.expose("declineCode", { type: HandoverDeclineCodeEnum, nullable: true, description: "Why the receiver declined, as a code." }),
    suggestedUnit: t.field({
      type: HandoverUnitRef,
      nullable: true,
      description: "Another service or centre the receiver suggested when declining.",
      select: { suggestedUnit: { select: { id: true, name: true } } },
      resolve: (handover) => handover.suggestedUnit,
    }),
    lookAgainAt: t.expose("lookAgainAt", { type: "DateTime", nullable: true, description: "While ON_HOLD: when the receiving unit looks again." }),
    noShowCount: t.exposeInt("noShowCount", { description: "How many times the citizen did not show and a new meeting was proposed." }),
    referralChain: t.field({
      type: [HandoverChainLinkRef],
      description: "The referred-on chain this handover belongs to, oldest first (empty when it stands alone). Units and statuses only.",
      resolve: (handover, _args, context) => findReferralChain(context, handover.id),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    firstResponseAt: t.expose("firstResponseAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    personalDataPurgedAt: t.expose("personalDataPurgedAt", { type: "DateTime", nullable: true }),
    hasConsent: t.boolean({
      description: "True while a consent is given, valid and not withdrawn.",
      select: { consent: true },
      resolve: (handover, _args, context) => isConsentValid(handover.consent, context.clock.now()),
    }),
    consent: t.relation("consent", { nullable: true }),
    events: t.field({
      type: [HandoverEventRef],
      description: "The timeline, oldest first.",
      resolve: async (handover, _args, context) => {
        const events = (await context.prisma.handoverEvent.findMany({ where: { handoverId: handover.id } })).sort(
          (a, b) => a.at.getTime() - b.at.getTime() || EVENT_ORDER.indexOf(a.type) - EVENT_ORDER.indexOf(b.type),
        );
        const unitIds = [...new Set(events.flatMap((event) => (event.actorUnitId ? [event.actorUnitId] : [])))];
        const userIds = [...new Set(events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])))];
        const [units, users] = await Promise.all([
          context.prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
          context.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
        ]);
        const unitById = new Map(units.map((unit) => [unit.id, unit]));
        const userNameById = new Map(users.map((user) => [user.id, user.name]));
        return events.map((event) => ({
          id: event.id,
          type: event.type,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          at: event.at,
          note: event.note,
          citizenAction: event.citizenAction,
          actorUnit: (event.actorUnitId && unitById.get(event.actorUnitId)) || null,
          actorUserName: (event.actorUserId && userNameById.get(event.actorUserId)) || null,
        }));
      },
    }),
    viewerIsSender: t.boolean({ resolve: (handover, _args, context) => viewerSides(context.viewer, handover).includes("SENDER") }),
    viewerIsReceiver: t.boolean({ resolve: (handover, _args, context) => viewerSides(context.viewer, handover).includes("RECEIVER") }),
    allowedActions: t.field({
      type: [HandoverActionEnum],
      description: "What the viewer's side may do now (from the life-cycle table).",
      select: { consent: true },
      resolve: (handover, _args, context) => {
        const actions = new Set(viewerSides(context.viewer, handover).flatMap((side) => allowedActions(handover.status, side)));
        // Withdrawing needs a consent that is still in force.
        if (!handover.consent || handover.consent.withdrawnAt) actions.delete("withdraw");
        return HANDOVER_ACTIONS.filter((action) => actions.has(action));
      },
    }),
    isUnread: t.boolean({
      description: "True when the other side (or the system) changed the handover since the viewer's unit last opened it.",
      // Read from the row itself (kept by the database from events and reads): no query per row.
      select: { receiverActivityAt: true, senderActivityAt: true, receiverReadAt: true, senderReadAt: true },
      resolve: (handover, _args, context) => viewerSides(context.viewer, handover).some((side) => isUnreadFor(handover, side)),
    }),
    personalData: t.field({
      type: PersonalDataRef,
      nullable: true,
      description:
        "The consented personal data, for members of the two units while consent is valid; null after withdrawal, expiry or purge. Every read is recorded with the reason given.",
      args: { reason: t.arg.string({ required: true, description: "Why you need the personal data now (recorded in the audit trail)." }) },
      resolve: async (handover, args, context) => {
        const reason = args.reason.trim();
        if (reason.length < 3 || reason.length > 300) {
          throw ValidationError.single("reason", {
            da: "Skriv kort (3-300 tegn), hvorfor du har brug for oplysningerne.",
            en: "Say briefly (3-300 characters) why you need the data.",
          });
        }
        refuseCprNumbers({ reason });
        return readPersonalData(context, requireViewer(context), { handoverId: handover.id, reason });
      },
    }),
  }),
});

export const HandoverFilter = builder.inputType("HandoverFilter", {
  description: "Narrows an inbox; empty lists mean no filter.",
  fields: (t) => ({
    statuses: t.field({ type: [HandoverStatusEnum], required: false }),
    kinds: t.field({ type: [HandoverKindEnum], required: false }),
  }),
});

builder.queryField("handover", (t) =>
  t.prismaField({
    type: HandoverRef,
    description: "One handover, for members of its sending or receiving unit.",
    args: { id: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ handoverParticipant: args.id }),
    resolve: async (query, _root, args, context) => {
      const handover = await context.prisma.handover.findFirst({ ...query, where: { AND: [{ id: args.id }, handoverWhereVisibleTo(context.viewer)] } });
      if (!handover) throw new NotFoundError({ da: "Overleveringen", en: "The handover" });
      return handover;
    },
  }),
);

builder.queryField("handoverByCode", (t) =>
  t.prismaField({
    type: HandoverRef,
    description:
      "Looks a handover up by the code the citizen carries (case, spaces and dashes forgiven). Anyone but the two units gets NOT_FOUND, so a code's existence is never confirmed. Lookups are rate limited (RATE_LIMITED) per session, per address and in total.",
    args: { code: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, context) => {
      // Each lookup counts (aliases one by one) per session, per address and in total, so codes cannot be guessed.
      if (context.viewer) await context.rateLimits.codeLookupSession.consume(context.viewer.sessionId);
      await context.rateLimits.codeLookupAddress.consume(context.request.ip);
      await context.rateLimits.codeLookupGlobal.consume("all");
      const code = normalizeHandoverCode(args.code);
      const handover = code
        ? await context.prisma.handover.findFirst({ ...query, where: { AND: [{ code }, handoverWhereVisibleTo(context.viewer)] } })
        : null;
      if (!handover) throw new NotFoundError({ da: "Overleveringen", en: "The handover" });
      return handover;
    },
  }),
);

for (const [fieldName, side, description] of [
  ["receivedHandovers", "received", "The unit's inbox: handovers sent to it, newest first. Forward pagination (first/after) only."],
  ["sentHandovers", "sent", "Handovers the unit has drafted or sent, newest first. Forward pagination (first/after) only."],
] as const) {
  builder.queryField(fieldName, (t) =>
    t.connection(
      {
        type: HandoverRef,
        description,
        args: { unitId: t.arg.id({ required: true }), filter: t.arg({ type: HandoverFilter, required: false }) },
        authScopes: (_root, args) => ({ memberOfUnit: args.unitId }),
        resolve: async (_root, args, context, info) => {
          if (args.last != null || args.before != null) {
            throw ValidationError.single("last", {
              da: "Listen kan kun bladres fremad (first/after).",
              en: "The list pages forward only (first/after).",
            });
          }
          const request = { side, unitId: args.unitId, viewerUnitIds: memberUnitIds(context.viewer), filter: args.filter };
          // One statement for the page's ids, one for the rows with what the query selects
          // (relations are batched by Prisma per page, not per row).
          const query = queryFromInfo({ context, info, path: ["edges", "node"], typeName: "Handover" });
          const withCount = selectsField(info.fieldNodes, info.fragments, "totalCount") || selectsField(info.fieldNodes, info.fragments, "totalCountIsCapped");
          const { edges, hasNextPage, count } = await loadListPage(context, request, args, query, withCount);
          return {
            edges,
            pageInfo: {
              hasPreviousPage: Boolean(args.after),
              hasNextPage,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null,
            },
            // Counted only when the query asks for totalCount, once for both count fields.
            count: memoize(async () => count ?? countHandovers(context.prisma, request)),
          };
        },
      },
      {
        fields: (connection) => ({
          totalCount: connection.int({
            description: `How many handovers match: exact up to ${TOTAL_COUNT_CAP.toLocaleString("en")}, capped at ${TOTAL_COUNT_CAP.toLocaleString("en")} above that (see totalCountIsCapped).`,
            resolve: async (parent, _args, context) => (await (parent as unknown as ListParent).count()).count,
          }),
          totalCountIsCapped: connection.boolean({
            description: `True when more than ${TOTAL_COUNT_CAP.toLocaleString("en")} handovers match and totalCount is the cap, not the exact number.`,
            resolve: async (parent, _args, context) => (await (parent as unknown as ListParent).count()).isCapped,
          }),
        }),
      },
    ),
  );
}

type HandoverRow = Awaited<ReturnType<Context["prisma"]["handover"]["findMany"]>>[number];

/**
 * The page's edges: in one statement when the selection is the inbox's usual shape (scalars,
 * units, consent), otherwise the page's ids and then the rows as the selection needs them.
 */
async function loadListPage(
  context: Context,
  request: ListRequest,
  args: { first?: number | null; after?: string | null },
  query: Record<string, unknown>,
  withCount: boolean,
): Promise<{ edges: { cursor: string; node: HandoverRow }[]; hasNextPage: boolean; count: ListCount | null }> {
  const joined = await findHandoverPageRows<HandoverRow>(context.prisma, request, args.first, args.after, query, withCount);
  if (joined) {
    return { edges: joined.rows.map((node) => ({ cursor: encodeCursor(node), node })), hasNextPage: joined.hasNextPage, count: joined.count };
  }
  const page = await findHandoverPage(context.prisma, request, args.first, args.after);
  const rows = page.ids.length > 0 ? await context.prisma.handover.findMany({ ...query, where: { id: { in: page.ids } } }) : [];
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const edges = page.positions.flatMap((position) => {
    const node = rowById.get(position.id);
    return node ? [{ cursor: encodeCursor(position), node }] : [];
  });
  return { edges, hasNextPage: page.hasNextPage, count: null };
}

type ListParent = { count: () => Promise<{ count: number; isCapped: boolean }> };

function memoize<Value>(compute: () => Promise<Value>): () => Promise<Value> {
  let value: Promise<Value> | undefined;
  return () => (value ??= compute());
}

const UnreadCountRef = builder
  .objectRef<UnreadCount>("HandoverUnreadCount")
  .implement({
    description: `For one of the viewer's units: how many received and sent handovers changed since the unit last opened them (capped at ${UNREAD_COUNT_CAP.toLocaleString("en")}).`,
    fields: (t) => ({
      unit: t.field({ type: HandoverUnitRef, resolve: (count) => count.unit }),
      receivedUnread: t.exposeInt("receivedUnread"),
      sentUnread: t.exposeInt("sentUnread"),
    }),
  });

builder.queryField("handoverUnreadCounts", (t) =>
  t.field({
    type: [UnreadCountRef],
    description: "Unread received and sent handovers for each unit the viewer belongs to, from a per-unit read marker on each handover (one statement).",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => countUnreadByUnit(context.prisma, memberUnitIds(context.viewer)),
  }),
);

builder.prismaObject("PersonalDataAccess", {
  description: "One read of a handover's personal data: who, when, which fields and why. Never the values.",
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.expose("at", { type: "DateTime" }),
    fields: t.field({ type: [ConsentFieldEnum], resolve: (access) => access.fields }),
    reason: t.exposeString("reason"),
    handoverId: t.exposeID("handoverId"),
    handoverCode: t.string({ select: { handover: { select: { code: true } } }, resolve: (access) => access.handover.code }),
    unit: t.field({
      type: HandoverUnitRef,
      description: "The unit the reader acted for.",
      resolve: async (access, _args, context) => context.prisma.unit.findUniqueOrThrow({ where: { id: access.unitId }, select: { id: true, name: true } }),
    }),
    userName: t.string({
      description: "The professional who read the data.",
      resolve: async (access, _args, context) =>
        (await context.prisma.user.findUnique({ where: { id: access.userId }, select: { name: true } }))?.name ?? "",
    }),
  }),
});

builder.queryField("handoverAuditTrail", (t) =>
  t.prismaConnection({
    type: "PersonalDataAccess",
    cursor: "id",
    description: "Every read of personal data on the unit's sent and received handovers, newest first. For the unit's own administrators.",
    args: { unitId: t.arg.id({ required: true }) },
    // Only administrators who are members of the unit: organisation and platform admins are
    // not let into handovers (need to know), and the trail is about handovers.
    authScopes: (_root, args, context) =>
      context.viewer?.memberships.some((membership) => membership.unitId === args.unitId && membership.role === "UNIT_ADMIN") ?? false,
    resolve: (query, _root, args, context) =>
      context.prisma.personalDataAccess.findMany({
        ...query,
        where: { handover: { OR: [{ fromUnitId: args.unitId }, { toUnitId: args.unitId }] } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
  }),
);
