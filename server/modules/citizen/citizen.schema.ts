// The citizen's slice of the graph: public operations opened by a link token or by code + PIN,
// one staff mutation that issues them, and the coordinators' counts of the one question
// afterwards. Every field here is a status, a date, a unit's public name and address, or the
// NAME of a kind of data: never a personal value, never free text written about the citizen.
import QRCode from "qrcode";
import { z } from "zod";
import { CitizenFeedbackAnswer } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { ConflictError, IllegalTransitionError } from "../../shared/errors.ts";
import { CitizenActionEnum, ConsentFieldEnum, ConsentMethodEnum, ContactChannelEnum, HandoverStatusEnum, HelpCategoryEnum } from "../handovers/index.ts";
import { SERVICE_KIND_LABELS } from "../directory/index.ts";
import { FigureRef, suppress } from "../insights/index.ts";
import { citizenPagePath } from "./citizen-link.ts";
import {
  answerFeedback,
  closeAsCitizen,
  findFeedbackCounts,
  isClosedForCitizen,
  issueCitizenAccess,
  mayAnswerFeedback,
  openCitizenHandover,
  type CitizenCredential,
  type CitizenHandoverRow,
  type FeedbackCounts,
} from "./citizen.commands.ts";
import { CitizenAccessDeniedError } from "./citizen.errors.ts";
import { requireViewer } from "../../shared/viewer.ts";

builder.objectType(CitizenAccessDeniedError, {
  name: "CitizenAccessDeniedError",
  description: "The same answer for a wrong link, a wrong code, a wrong PIN and too many tries.",
  interfaces: [ErrorInterface],
});

const CitizenFeedbackAnswerEnum = builder.enumType(CitizenFeedbackAnswer, {
  name: "CitizenFeedbackAnswer",
  description: "\"Fik du den hjælp, du havde brug for?\": YES (ja), PARTLY (delvist), NO (nej), RATHER_NOT_SAY (vil ikke svare).",
});

const CitizenAccessInput = builder.inputType("CitizenAccessInput", {
  description: "The token from the citizen's link, or the handover code with its PIN.",
  fields: (t) => ({
    token: t.string({ required: false }),
    code: t.string({ required: false }),
    pin: t.string({ required: false }),
  }),
});

type AccessValue = { token?: string | null; code?: string | null; pin?: string | null };

function credentialOf(access: AccessValue): CitizenCredential {
  if (access.token) return { kind: "link", token: access.token.slice(0, 100) };
  return { kind: "code", code: (access.code ?? "").slice(0, 40), pin: (access.pin ?? "").slice(0, 20) };
}

/** Opens the handover or throws the one denial. */
async function openOrDeny(context: Context, access: AccessValue): Promise<CitizenHandoverRow> {
  const handover = await openCitizenHandover(context, credentialOf(access), context.request.ip);
  if (!handover) throw new CitizenAccessDeniedError();
  return handover;
}

type UnitRow = CitizenHandoverRow["fromUnit"];

/**
 * The receiver as the citizen sees it. An open request nobody has taken yet has no unit: it is
 * shown as its group ("bostøtte, Fjordby Midt"), with no phone or address.
 */
function receiverOf(handover: CitizenHandoverRow): UnitRow {
  if (handover.toUnit) return handover.toUnit;
  const group = handover.openRequest;
  const name = group ? `${SERVICE_KIND_LABELS[group.serviceKind].da}, ${group.areaName}` : "–";
  return { name, kind: "SERVICE", centre: null, service: null };
}

const CitizenUnitRef = builder.objectRef<UnitRow>("CitizenUnit").implement({
  description: "A unit as the public directory shows it.",
  fields: (t) => ({
    name: t.exposeString("name"),
    isCentre: t.boolean({ resolve: (unit) => unit.kind === "CENTRE" }),
    phone: t.string({ nullable: true, resolve: (unit) => (unit.centre ?? unit.service)?.phone ?? null }),
    address: t.string({ nullable: true, resolve: (unit) => addressOf(unit.centre ?? unit.service) }),
  }),
});

function addressOf(place: { street: string | null; postalCode: string | null; city: string | null } | null): string | null {
  if (!place?.street) return null;
  return [place.street, [place.postalCode, place.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

interface MeetingView {
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  address: string | null;
}

const CitizenMeetingRef = builder.objectRef<MeetingView>("CitizenMeeting").implement({
  description: "The first meeting proposed: when and where.",
  fields: (t) => ({
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    place: t.exposeString("place", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
  }),
});

const CitizenConsentReceiptRef = builder.objectRef<NonNullable<CitizenHandoverRow["consent"]> & { handover: CitizenHandoverRow }>("CitizenConsentReceipt").implement({
  description: "What was shared, with whom, for what and until when: the NAMES of the kinds of data, never the data.",
  fields: (t) => ({
    fields: t.field({ type: [ConsentFieldEnum], resolve: (consent) => consent.fields }),
    recipient: t.field({ type: CitizenUnitRef, resolve: (consent) => receiverOf(consent.handover) }),
    purposes: t.field({
      type: [HelpCategoryEnum],
      description: "What the help is about, as the coded categories (never the free-text purpose).",
      resolve: (consent) => consent.handover.helpCategories,
    }),
    method: t.expose("method", { type: ConsentMethodEnum }),
    givenAt: t.expose("givenAt", { type: "DateTime" }),
    validUntil: t.expose("validUntil", { type: "DateTime" }),
  }),
});

const CitizenHandoverRef = builder.objectRef<CitizenHandoverRow>("CitizenHandover").implement({
  description: "The citizen's own view of their handover.",
  fields: (t) => ({
    handoverCode: t.exposeString("code", { description: "The code on the receipt, to quote when asking about it." }),
    status: t.expose("status", { type: HandoverStatusEnum }),
    sender: t.field({ type: CitizenUnitRef, resolve: (handover) => handover.fromUnit }),
    receiver: t.field({
      type: CitizenUnitRef,
      description: "Where the handover went; for an open request nobody has taken yet, its group (kind of service and area).",
      resolve: (handover) => receiverOf(handover),
    }),
    contactChannel: t.field({
      type: ContactChannelEnum,
      description: "How the receiver will get in touch: VIA_SENDER through the centre, IN_PERSON the citizen goes there.",
      resolve: (handover) => handover.preferredChannel,
    }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    answerBy: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "When the receiver should have answered by." }),
    firstResponseAt: t.expose("firstResponseAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    meeting: t.field({
      type: CitizenMeetingRef,
      nullable: true,
      resolve: (handover): MeetingView | null => {
        if (["DECLINED", "CANCELLED", "EXPIRED"].includes(handover.status)) return null;
        const visit = handover.proposedVisit;
        if (visit) return { startsAt: visit.startsAt, endsAt: visit.endsAt, place: visit.centre.name, address: addressOf(visit.centre) };
        if (!handover.proposedMeetingAt) return null;
        return { startsAt: handover.proposedMeetingAt, endsAt: null, place: handover.proposedMeetingPlace, address: null };
      },
    }),
    consent: t.field({
      type: CitizenConsentReceiptRef,
      nullable: true,
      description: "Null when nothing personal was shared (an anonymous handover).",
      resolve: (handover) => (handover.consent ? { ...handover.consent, handover } : null),
    }),
    canWithdrawConsent: t.boolean({ resolve: (handover) => handover.consent !== null && handover.consent.withdrawnAt === null }),
    canSayNoLongerNeeded: t.boolean({ resolve: (handover) => ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "OPEN"].includes(handover.status) }),
    canAnswerFeedback: t.boolean({ resolve: (handover) => mayAnswerFeedback(handover) }),
    hasAnsweredFeedback: t.boolean({ resolve: (handover) => handover.citizenAccess?.hasAnsweredFeedback ?? false }),
  }),
});

const ClosedCitizenHandoverRef = builder.objectRef<{ isClosed: true }>("ClosedCitizenHandover").implement({
  description: "The handover is closed and its personal data is gone; nothing more is shown.",
  fields: (t) => ({ isClosed: t.exposeBoolean("isClosed") }),
});

const CitizenHandoverViewRef = builder.unionType("CitizenHandoverView", {
  types: [CitizenHandoverRef, ClosedCitizenHandoverRef],
  resolveType: (value) => ("isClosed" in value ? "ClosedCitizenHandover" : "CitizenHandover"),
});

builder.queryField("citizenHandover", (t) =>
  t.field({
    type: CitizenHandoverViewRef,
    description:
      "The citizen's own page, without signing in: by link token, or by code + PIN (rate limited per address, globally and per code). " +
      "A wrong link, code or PIN and too many tries all give CitizenAccessDeniedError, after the same time.",
    args: { access: t.arg({ type: CitizenAccessInput, required: true }) },
    errors: {
      types: [CitizenAccessDeniedError],
      dataField: { name: "view" },
    },
    authScopes: { public: true },
    resolve: async (_root, { access }, context) => {
      const handover = await openOrDeny(context, access);
      if (isClosedForCitizen(handover, context.clock.now(), context.config.retentionDays)) return { isClosed: true as const };
      return handover;
    },
  }),
);

const CloseHandoverAsCitizenInput = builder.inputType("CloseHandoverAsCitizenInput", {
  fields: (t) => ({
    access: t.field({ type: CitizenAccessInput, required: true }),
    action: t.field({ type: CitizenActionEnum, required: true, description: "WITHDREW_CONSENT or NO_LONGER_NEEDED." }),
  }),
});

builder.mutationField("closeHandoverAsCitizen", (t) =>
  t.boolean({
    description:
      "The citizen withdraws their consent, or says they no longer need the help. Personal data is deleted at once by the same " +
      "withdrawal as the sender's; both units see the event on their timeline, with no user and no unit named. The page then shows only that the handover is closed.",
    args: { input: t.arg({ type: CloseHandoverAsCitizenInput, required: true }) },
    errors: {
      types: [CitizenAccessDeniedError, IllegalTransitionError, ConflictError],
      dataField: { name: "isClosed" },
    },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const handover = await openOrDeny(context, input.access);
      await closeAsCitizen(context, handover, input.action);
      return true;
    },
  }),
);

const AnswerCitizenFeedbackInput = builder.inputType("AnswerCitizenFeedbackInput", {
  fields: (t) => ({
    access: t.field({ type: CitizenAccessInput, required: true }),
    answer: t.field({ type: CitizenFeedbackAnswerEnum, required: true }),
  }),
});

builder.mutationField("answerCitizenFeedback", (t) =>
  t.boolean({
    description:
      "Answers \"Fik du den hjælp, du havde brug for?\" once, after the handover completed or expired. Counted only per receiving unit and month.",
    args: { input: t.arg({ type: AnswerCitizenFeedbackInput, required: true }) },
    errors: {
      types: [CitizenAccessDeniedError, IllegalTransitionError, ConflictError],
      dataField: { name: "isRecorded" },
    },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const handover = await openOrDeny(context, input.access);
      if (isClosedForCitizen(handover, context.clock.now(), context.config.retentionDays)) throw new IllegalTransitionError(handover.status, "answerFeedback");
      await answerFeedback(context, handover, input.answer);
      return true;
    },
  }),
);

// ---- for staff: the receipt's link, QR code and PIN ------------------------------------------

const CitizenAccessReceiptRef = builder.objectRef<{ token: string; pin: string; code: string }>("CitizenAccessReceipt").implement({
  description: "The citizen's link, QR code and PIN. Shown once: only their hashes are stored.",
  fields: (t) => ({
    url: t.string({ resolve: (receipt, _args, context) => citizenUrl(context, receipt.token) }),
    code: t.exposeString("code"),
    pin: t.exposeString("pin"),
    qrCodeSvg: t.string({
      description: "A QR code for url as an SVG document, for the printed receipt.",
      resolve: (receipt, _args, context) => QRCode.toString(citizenUrl(context, receipt.token), { type: "svg", margin: 2 }),
    }),
  }),
});

const citizenUrl = (context: Context, token: string) => `${context.config.publicUrl}${citizenPagePath(token)}`;

const IssueCitizenAccessInput = builder.inputType("IssueCitizenAccessInput", {
  fields: (t) => ({ handoverId: t.id({ required: true }) }),
});

builder.mutationField("issueCitizenAccess", (t) =>
  t.field({
    type: CitizenAccessReceiptRef,
    description:
      "Makes the citizen's link (with QR code) and PIN for the receipt, for the sending unit. Issuing again replaces them: the old link and PIN stop working.",
    args: { input: t.arg({ type: IssueCitizenAccessInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, IllegalTransitionError],
      dataField: { name: "receipt" },
    },
    authScopes: (_root, args) => ({ handoverParticipant: String(args.input.handoverId) }),
    resolve: (_root, { input }, context) => issueCitizenAccess(context, requireViewer(context), String(input.handoverId)),
  }),
);

// ---- for coordinators: the one question, counted ----------------------------------------------

const CitizenFeedbackFiguresRef = builder.objectRef<FeedbackCounts>("CitizenFeedbackFigures").implement({
  description: "Answers to \"Fik du den hjælp, du havde brug for?\" for one receiving unit over a period; counts 1–4 suppressed.",
  fields: (t) => ({
    unitId: t.exposeID("unitId"),
    unitName: t.exposeString("unitName"),
    yes: t.field({ type: FigureRef, resolve: (row) => suppress(row.counts.YES, "yes") }),
    partly: t.field({ type: FigureRef, resolve: (row) => suppress(row.counts.PARTLY, "partly") }),
    no: t.field({ type: FigureRef, resolve: (row) => suppress(row.counts.NO, "no") }),
    ratherNotSay: t.field({ type: FigureRef, resolve: (row) => suppress(row.counts.RATHER_NOT_SAY, "ratherNotSay") }),
    total: t.field({
      type: FigureRef,
      resolve: (row) => suppress(row.counts.YES + row.counts.PARTLY + row.counts.NO + row.counts.RATHER_NOT_SAY, "total"),
    }),
  }),
});

const monthsSchema = z
  .object({ fromMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), toMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) })
  .refine((months) => months.fromMonth <= months.toMonth, { path: ["toMonth"], message: "toMonth must not be before fromMonth" });

builder.queryField("citizenFeedbackFigures", (t) =>
  t.field({
    type: [CitizenFeedbackFiguresRef],
    description: "Citizens' answers to the one question afterwards, per receiving unit, for the months fromMonth..toMonth (\"YYYY-MM\"). For coordinators.",
    args: { fromMonth: t.arg.string({ required: true }), toMonth: t.arg.string({ required: true }) },
    validate: { schema: monthsSchema },
    authScopes: { coordinator: true },
    resolve: (_root, args, context) => findFeedbackCounts(context.prisma, args.fromMonth, args.toMonth),
  }),
);
