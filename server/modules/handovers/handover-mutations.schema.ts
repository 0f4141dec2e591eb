// One mutation per life-cycle transition. Each declares its input's rules as a zod schema on the
// input type (the CPR guard covers every free-text field by itself), lets the scopes authorize,
// and calls one command with the parsed values.
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyScope } from "../../shared/idempotency.ts";
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface } from "../../graphql/common.schema.ts";
import { IllegalTransitionError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { ConsentField, ConsentMethod, ContactChannel, HandoverDeclineCode, HandoverKind, HandoverOutcome, HelpCategory, ServiceKind, Urgency } from "../../generated/prisma/enums.ts";
import {
  acceptHandover,
  cancelHandover,
  completeHandover,
  createHandover,
  declineHandover,
  holdHandover,
  resumeHandover,
  retryAfterNoShow,
  markHandoverRead,
  receiveHandover,
  sendHandover,
  withdrawConsent,
} from "./handover.commands.ts";
import { ConsentMissingError } from "./handover.errors.ts";
import { DEFAULT_GROUP_RADIUS_KM } from "./open-requests.ts";
import { ServiceKindEnum } from "../directory/index.ts";
import { ConsentFieldEnum, ConsentMethodEnum, ContactChannelEnum, HandoverDeclineCodeEnum, HandoverKindEnum, HandoverOutcomeEnum, HandoverRef, HelpCategoryEnum, UrgencyEnum } from "./handover.schema.ts";
import { requireViewer } from "../../shared/viewer.ts";

builder.objectType(ConsentMissingError, {
  name: "ConsentMissingError",
  description: "Personal data was given for a field the consent does not cover.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.field({ type: ConsentFieldEnum, resolve: (error) => error.field }) }),
});

const TRANSITION_ERRORS = [...COMMON_MUTATION_ERRORS, IllegalTransitionError] as const;

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

// ---- createHandover ----------------------------------------------------------------------

const ConsentInput = builder.inputType("HandoverConsentInput", {
  description: "The citizen's consent, as recorded by the sender. The recipient is always the receiving unit.",
  fields: (t) => ({
    fields: t.field({ type: [ConsentFieldEnum], required: true }),
    purpose: t.string({ required: true, description: "What the receiving unit may use the data for." }),
    method: t.field({ type: ConsentMethodEnum, required: true }),
    validUntil: t.field({ type: "DateTime", required: true }),
  }),
});

const PersonalDataInput = builder.inputType("HandoverPersonalDataInput", {
  description: "Personal data, each field only if the consent covers it. Leave out what the citizen did not agree to share.",
  fields: (t) => ({
    firstName: t.string({ required: false, description: "First name or alias." }),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
});

const HandoverGroupInput = builder.inputType("HandoverGroupInput", {
  description: "Any service of a kind near an area: those with an address within radiusKm of the area's point, and those without an address.",
  fields: (t) => ({
    serviceKind: t.field({ type: ServiceKindEnum, required: true }),
    areaId: t.id({ required: true }),
    radiusKm: t.float({ required: false, defaultValue: DEFAULT_GROUP_RADIUS_KM }),
  }),
});

const CreateHandoverInput = builder.inputType("CreateHandoverInput", {
  fields: (t) => ({
    fromUnitId: t.id({ required: true, description: "The sender's own unit." }),
    toUnitId: t.id({ required: false, description: "A service or a centre. Leave out and give toGroup for an open request to a group." }),
    toGroup: t.field({
      type: HandoverGroupInput,
      required: false,
      description:
        "An open request to a group (\"any housing-support team in this area\") instead of toUnitId: sent at once, anonymous, and taken by the first unit of the group that claims it.",
    }),
    kind: t.field({ type: HandoverKindEnum, required: false, defaultValue: "BRIDGE" }),
    purpose: t.string({ required: true }),
    helpCategories: t.field({ type: [HelpCategoryEnum], required: true }),
    wish: t.string({ required: false }),
    urgency: t.field({ type: UrgencyEnum, required: false, defaultValue: "NORMAL" }),
    preferredChannel: t.field({ type: ContactChannelEnum, required: false, defaultValue: "VIA_SENDER" }),
    preferredContactTime: t.string({ required: false }),
    languageNeeds: t.string({ required: false }),
    proposedMeetingAt: t.field({ type: "DateTime", required: false }),
    proposedMeetingPlace: t.string({ required: false }),
    proposedVisitId: t.id({ required: false, description: "A CONFIRMED visit at a centre." }),
    consent: t.field({ type: ConsentInput, required: false }),
    personalData: t.field({ type: PersonalDataInput, required: false }),
    send: t.boolean({ required: false, defaultValue: false, description: "Send at once instead of saving a draft." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    referredFromHandoverId: t.id({
      required: false,
      description:
        "Refer on: a handover the viewer's unit received (ACCEPTED or ON_HOLD), sent on from that unit. It completes as REFERRED_ON in the same transaction, and both handovers show the chain.",
    }),
  }),
});

const createHandoverSchema = z.object({
  fromUnitId: z.string(),
  toUnitId: z.string().nullish().transform((id) => id ?? null),
  toGroup: z
    .object({
      serviceKind: z.enum(ServiceKind),
      areaId: z.string(),
      radiusKm: z
        .number()
        .nullish()
        .transform((radius) => radius ?? DEFAULT_GROUP_RADIUS_KM),
    })
    .nullish()
    .transform((group) => group ?? null),
  kind: z.enum(HandoverKind).nullish().transform((kind) => kind ?? "BRIDGE"),
  purpose: requiredText(500),
  helpCategories: z.array(z.enum(HelpCategory)).min(1).transform((categories) => [...new Set(categories)]),
  wish: optionalText(1000),
  urgency: z.enum(Urgency).nullish().transform((urgency) => urgency ?? "NORMAL"),
  preferredChannel: z
    .enum(ContactChannel)
    .nullish()
    .transform((channel) => channel ?? "VIA_SENDER"),
  preferredContactTime: optionalText(200),
  languageNeeds: optionalText(200),
  proposedMeetingAt: z.date().nullish().transform((date) => date ?? null),
  proposedMeetingPlace: optionalText(200),
  proposedVisitId: z.string().nullish().transform((id) => id ?? null),
  consent: z
    .object({
      fields: z.array(z.enum(ConsentField)).transform((fields) => [...new Set(fields)]),
      purpose: requiredText(300),
      method: z.enum(ConsentMethod),
      validUntil: z.date(),
    })
    .nullish()
    .transform((consent) => consent ?? null),
  personalData: z
    .object({
      firstName: optionalText(60),
      phone: z
        .string()
        .trim()
        .max(30)
        .regex(/^\+?[\d\s-]*$/)
        .nullish()
        .transform((value) => value || null),
      email: z.union([z.literal(""), z.email().max(200)]).nullish().transform((value) => value || null),
      note: optionalText(1000),
    })
    .nullish()
    .transform((data) => data ?? null),
  send: z.boolean().nullish().transform((send) => send ?? false),
  referredFromHandoverId: z.string().nullish().transform((id) => id ?? null),
  idempotencyKey: z.string().nullish(),
});

builder.mutationField("createHandover", (t) =>
  t.field({
    type: HandoverRef,
    description:
      "Creates a handover from the viewer's unit, as a draft or sent at once. Anonymous unless a consent is given; personal data outside the consent is refused with ConsentMissingError.",
    args: { input: t.arg({ type: CreateHandoverInput, required: true, validate: { schema: createHandoverSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS, ConsentMissingError, IllegalTransitionError] },
    authScopes: (_root, args) => ({ memberOfUnit: args.input.fromUnitId }),
    resolve: async (_root, { input }, context) => {
      const { idempotencyKey, ...values } = parsedBy(createHandoverSchema, input);
      const viewer = requireViewer(context);
      const idempotency = idempotencyScope(viewer.userId, "createHandover", idempotencyKey);
      return createHandover(context, viewer, values as Parameters<typeof createHandover>[2], idempotency);
    },
  }),
);

// ---- the transitions ---------------------------------------------------------------------

const HandoverIdInput = builder.inputType("HandoverIdInput", {
  fields: (t) => ({ handoverId: t.id({ required: true }) }),
});

for (const [name, description, command] of [
  ["sendHandover", "Sends a draft (sender). The receiver's response window starts now.", sendHandover],
  ["markHandoverReceived", "Records that the receiving unit has the handover (receiver). markHandoverRead does this too when a receiver opens a SENT handover.", receiveHandover],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: HandoverRef,
      description,
      args: { input: t.arg({ type: HandoverIdInput, required: true }) },
      errors: { types: [...TRANSITION_ERRORS] },
      authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
      resolve: (_root, { input }, context) => command(context, requireViewer(context), input.handoverId),
    }),
  );
}

// The transitions below read alike but are written out one by one: each has its own input and
// rules, and Pothos types a resolver's input only from a literal field definition.
const AcceptHandoverInput = builder.inputType("AcceptHandoverInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    note: t.string({ required: false, description: "Shown to the sender on the timeline." }),
    proposedMeetingAt: t.field({ type: "DateTime", required: false }),
    proposedMeetingPlace: t.string({ required: false }),
    proposedVisitId: t.id({ required: false, description: "A CONFIRMED visit at a centre: meet at the visiting session." }),
  }),
});
const acceptSchema = z.object({
  handoverId: z.string(),
  note: optionalText(1000),
  proposedMeetingAt: z.date().nullish().transform((date) => date ?? null),
  proposedMeetingPlace: optionalText(200),
  proposedVisitId: z.string().nullish().transform((id) => id ?? null),
});

builder.mutationField("acceptHandover", (t) =>
  t.field({
    type: HandoverRef,
    description: "The receiving unit accepts, optionally proposing a first meeting.",
    args: { input: t.arg({ type: AcceptHandoverInput, required: true, validate: { schema: acceptSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => acceptHandover(context, requireViewer(context), parsedBy(acceptSchema, input)),
  }),
);

const DeclineHandoverInput = builder.inputType("DeclineHandoverInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    reasonCode: t.field({
      type: HandoverDeclineCodeEnum,
      required: false,
      defaultValue: "OTHER",
      description: "Why, as a code (counted in figures). OTHER needs a reason text; ANOTHER_SERVICE_FITS_BETTER needs suggestedUnitId or suggestion.",
    }),
    reason: t.string({ required: false, description: "Why, in a few words; the sender sees it. Required with OTHER." }),
    suggestion: t.string({ required: false, description: "A better place for the citizen to go." }),
    suggestedUnitId: t.id({ required: false, description: "Another service or centre in the directory that fits better." }),
  }),
});
const declineSchema = z
  .object({
    handoverId: z.string(),
    reasonCode: z
      .enum(HandoverDeclineCode)
      .nullish()
      .transform((code) => code ?? "OTHER"),
    reason: optionalText(1000),
    suggestion: optionalText(1000),
    suggestedUnitId: z.string().nullish().transform((id) => id ?? null),
  })
  .superRefine((values, context) => {
    if (values.reasonCode === "OTHER" && !values.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: "Say why when the reason is 'other'." });
    }
    if (values.reasonCode === "ANOTHER_SERVICE_FITS_BETTER" && !values.suggestedUnitId && !values.suggestion) {
      context.addIssue({ code: "custom", path: ["suggestion"], message: "Suggest the service that fits better." });
    }
  });

builder.mutationField("declineHandover", (t) =>
  t.field({
    type: HandoverRef,
    description:
      "The receiving unit declines with a coded reason (text optional, required with OTHER) and optionally a better suggestion: another unit in the directory and/or a text.",
    args: { input: t.arg({ type: DeclineHandoverInput, required: true, validate: { schema: declineSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => declineHandover(context, requireViewer(context), parsedBy(declineSchema, input)),
  }),
);

const CompleteHandoverInput = builder.inputType("CompleteHandoverInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    outcome: t.field({ type: HandoverOutcomeEnum, required: true }),
    note: t.string({ required: false }),
  }),
});
const completeSchema = z.object({
  handoverId: z.string(),
  outcome: z.enum(HandoverOutcome),
  note: optionalText(1000),
});

builder.mutationField("completeHandover", (t) =>
  t.field({
    type: HandoverRef,
    description: "The receiving unit closes the loop with an outcome the sender sees.",
    args: { input: t.arg({ type: CompleteHandoverInput, required: true, validate: { schema: completeSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => completeHandover(context, requireViewer(context), parsedBy(completeSchema, input)),
  }),
);

const CancelHandoverInput = builder.inputType("CancelHandoverInput", {
  fields: (t) => ({ handoverId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const cancelSchema = z.object({ handoverId: z.string(), reason: requiredText(1000) });

builder.mutationField("cancelHandover", (t) =>
  t.field({
    type: HandoverRef,
    description: "The sending unit cancels before completion, with a reason the receiver sees.",
    args: { input: t.arg({ type: CancelHandoverInput, required: true, validate: { schema: cancelSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => cancelHandover(context, requireViewer(context), parsedBy(cancelSchema, input)),
  }),
);

const WithdrawConsentInput = builder.inputType("WithdrawConsentInput", {
  fields: (t) => ({ handoverId: t.id({ required: true }), note: t.string({ required: false }) }),
});
const withdrawSchema = z.object({ handoverId: z.string(), note: optionalText(1000) });

builder.mutationField("withdrawConsent", (t) =>
  t.field({
    type: HandoverRef,
    description:
      "Records the citizen's withdrawal of consent (sending unit). The personal data is deleted at once, an open handover becomes WITHDRAWN, the receiver is notified; the anonymous history stays.",
    args: { input: t.arg({ type: WithdrawConsentInput, required: true, validate: { schema: withdrawSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => withdrawConsent(context, requireViewer(context), parsedBy(withdrawSchema, input)),
  }),
);

builder.mutationField("markHandoverRead", (t) =>
  t.field({
    type: HandoverRef,
    description:
      "Marks the handover read for the viewer's unit (clears isUnread). Call it when a handover is opened: when the receiver opens a SENT handover it also becomes RECEIVED.",
    args: { handoverId: t.arg.id({ required: true }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.handoverId }),
    resolve: (_root, args, context) => markHandoverRead(context, requireViewer(context), args.handoverId),
  }),
);

// ---- life cycle for real life: on hold, no-show and retry (issue 18) ------------------------

const HoldHandoverInput = builder.inputType("HoldHandoverInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    lookAgainAt: t.field({ type: "DateTime", required: true, description: "When the receiving unit looks at the handover again." }),
    note: t.string({ required: false, description: "Shown to the sender on the timeline; purged with the personal data." }),
  }),
});
const holdSchema = z.object({ handoverId: z.string(), lookAgainAt: z.date(), note: optionalText(1000) });

builder.mutationField("holdHandover", (t) =>
  t.field({
    type: HandoverRef,
    description: "The receiving unit puts an accepted handover ON_HOLD while waiting for the citizen, with a date to look again.",
    args: { input: t.arg({ type: HoldHandoverInput, required: true, validate: { schema: holdSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => holdHandover(context, requireViewer(context), parsedBy(holdSchema, input)),
  }),
);

const ResumeHandoverInput = builder.inputType("ResumeHandoverInput", {
  fields: (t) => ({ handoverId: t.id({ required: true }), note: t.string({ required: false }) }),
});
const resumeSchema = z.object({ handoverId: z.string(), note: optionalText(1000) });

builder.mutationField("resumeHandover", (t) =>
  t.field({
    type: HandoverRef,
    description: "The receiving unit takes a handover off hold (back to ACCEPTED).",
    args: { input: t.arg({ type: ResumeHandoverInput, required: true, validate: { schema: resumeSchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => resumeHandover(context, requireViewer(context), parsedBy(resumeSchema, input)),
  }),
);

const RetryHandoverInput = builder.inputType("RetryHandoverAfterNoShowInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    proposedMeetingAt: t.field({ type: "DateTime", required: true, description: "The new first meeting." }),
    proposedMeetingPlace: t.string({ required: false }),
    proposedVisitId: t.id({ required: false, description: "A CONFIRMED visit at a centre." }),
    note: t.string({ required: false }),
  }),
});
const retrySchema = z.object({
  handoverId: z.string(),
  proposedMeetingAt: z.date(),
  proposedMeetingPlace: optionalText(200),
  proposedVisitId: z.string().nullish().transform((id) => id ?? null),
  note: optionalText(1000),
});

builder.mutationField("retryHandoverAfterNoShow", (t) =>
  t.field({
    type: HandoverRef,
    description: "The citizen did not show: the receiving unit records it (NO_SHOW_RETRIED) and proposes a new first meeting on the same handover.",
    args: { input: t.arg({ type: RetryHandoverInput, required: true, validate: { schema: retrySchema } }) },
    errors: { types: [...TRANSITION_ERRORS] },
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => retryAfterNoShow(context, requireViewer(context), parsedBy(retrySchema, input)),
  }),
);
