// Recruiting volunteers: "Vi søger frivillige" on the centre page and in a public list, a short
// public application form, and the centre admin's list of applications.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { VolunteerApplicationStatus } from "../../generated/prisma/enums.ts";
import { ValidationError } from "../../shared/errors.ts";
import { parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { normaliseEmail, passwordLinkOnScreen } from "../accounts/index.ts";
import {
  acceptVolunteerApplication,
  declineVolunteerApplication,
  saveVolunteerCall,
  submitVolunteerApplication,
} from "./recruiting.commands.ts";
import { consentText } from "./volunteer-consent.ts";
import { applicationAdminScopes, centreAdminScopes } from "./volunteer.policy.ts";
import { requireViewer } from "../../shared/viewer.ts";

const id = z.string().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

const VolunteerApplicationStatusEnum = builder.enumType(VolunteerApplicationStatus, { name: "VolunteerApplicationStatus" });

export const VolunteerCallRef = builder.prismaObject("VolunteerCall", {
  description: "\"Vi søger frivillige\": what a centre needs help with, when, and which skills help. Public once published.",
  fields: (t) => ({
    id: t.exposeID("id"),
    centre: t.relation("centre"),
    title: t.exposeString("title", { description: "What: e.g. \"Køkkenhjælp til fællesspisning\"." }),
    whenText: t.exposeString("whenText", { description: "When: e.g. \"Torsdage 16–19\"." }),
    skills: t.exposeString("skills", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    isPublished: t.exposeBoolean("isPublished"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const VolunteerApplicationRef = builder.prismaObject("VolunteerApplication", {
  description: "An application to volunteer. Personal data: only the centre's admins see it, and it is deleted after the retention window unless accepted.",
  fields: (t) => ({
    id: t.exposeID("id"),
    call: t.relation("call", { nullable: true }),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    phone: t.exposeString("phone", { nullable: true }),
    message: t.exposeString("message", { nullable: true, description: "Deleted when the application is accepted." }),
    status: t.expose("status", { type: VolunteerApplicationStatusEnum }),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
    deleteAfter: t.expose("deleteAfter", { type: "DateTime", description: "Deleted automatically then, unless accepted." }),
  }),
});

const ConsentTextRef = builder.objectRef<{ version: string; da: string; en: string }>("VolunteerConsentText").implement({
  fields: (t) => ({ version: t.exposeString("version"), da: t.exposeString("da"), en: t.exposeString("en") }),
});

builder.queryField("volunteerConsentText", (t) =>
  t.field({
    type: ConsentTextRef,
    description: "The consent text shown on the application form, with the retention window filled in. Public.",
    authScopes: { public: true },
    resolve: (_root, _args, context) => consentText(context.config.retentionDays),
  }),
);

builder.queryField("volunteerCalls", (t) =>
  t.prismaField({
    type: [VolunteerCallRef],
    description: "Published calls for volunteers across all centres, newest first. Public.",
    authScopes: { public: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.volunteerCall.findMany({ ...query, where: { isPublished: true }, orderBy: { updatedAt: "desc" } }),
  }),
);

builder.prismaObjectField("Centre", "volunteerCalls", (t) =>
  t.relation("volunteerCalls", {
    description: "The centre's published calls for volunteers. Public.",
    authScopes: { public: true },
    query: { where: { isPublished: true }, orderBy: { updatedAt: "desc" } },
  }),
);

builder.queryField("centreVolunteerCalls", (t) =>
  t.prismaField({
    type: [VolunteerCallRef],
    description: "All of a centre's calls for volunteers, published or not, for its admins.",
    authScopes: (_root, { centreId }, context) => centreAdminScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.volunteerCall.findMany({ ...query, where: { centreId }, orderBy: { updatedAt: "desc" } }),
  }),
);

builder.queryField("volunteerApplications", (t) =>
  t.prismaField({
    type: [VolunteerApplicationRef],
    description: "Applications to volunteer at a centre, for its admins.",
    authScopes: (_root, { centreId }, context) => centreAdminScopes(context.prisma, centreId),
    args: { centreId: t.arg.id({ required: true }) },
    resolve: (query, _root, { centreId }, context) =>
      context.prisma.volunteerApplication.findMany({ ...query, where: { centreId }, orderBy: { receivedAt: "desc" } }),
  }),
);

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const SaveVolunteerCallInput = builder.inputType("SaveVolunteerCallInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    callId: t.id({ required: false, description: "Leave out to create a new call." }),
    title: t.string({ required: true }),
    whenText: t.string({ required: true }),
    skills: t.string({ required: false }),
    description: t.string({ required: false }),
    isPublished: t.boolean({ required: true }),
  }),
});

const volunteerCallSchema = z.object({
  centreId: id,
  callId: id.nullish().transform((value) => value ?? null),
  title: requiredText(120),
  whenText: requiredText(200),
  skills: optionalText(500),
  description: optionalText(2000),
  isPublished: z.boolean(),
});

builder.mutationField("saveVolunteerCall", (t) =>
  t.prismaField({
    type: VolunteerCallRef,
    description: "Creates or updates a centre's \"Vi søger frivillige\" call. Centre admins only.",
    args: { input: t.arg({ type: SaveVolunteerCallInput, required: true, validate: { schema: volunteerCallSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "call" } },
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_query, _root, { input }, context) => {
      const values = parsedBy(volunteerCallSchema, input);
      refuseCprNumbers({ title: values.title, whenText: values.whenText, skills: values.skills, description: values.description });
      const { centreId, callId, ...call } = values;
      return saveVolunteerCall(context.prisma, centreId, callId, call);
    },
  }),
);

const ApplyToVolunteerInput = builder.inputType("ApplyToVolunteerInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    callId: t.id({ required: false }),
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    phone: t.string({ required: false }),
    message: t.string({ required: false }),
    consentVersion: t.string({ required: true, description: "The version of volunteerConsentText the applicant accepted." }),
  }),
});

const ApplicationReceiptRef = builder.objectRef<{ deleteAfter: Date }>("VolunteerApplicationReceipt").implement({
  description: "What the applicant is told: the application arrived, and when it is deleted unless accepted.",
  fields: (t) => ({ deleteAfter: t.expose("deleteAfter", { type: "DateTime" }) }),
});

const applicationSchema = z.object({
  centreId: id,
  callId: id.nullish().transform((value) => value ?? null),
  name: requiredText(200),
  email: z.string().transform(normaliseEmail).pipe(z.email().max(320)),
  phone: optionalText(40),
  message: optionalText(2000),
  consentVersion: z.string(),
});

builder.mutationField("applyToVolunteer", (t) =>
  t.field({
    type: ApplicationReceiptRef,
    description: "A citizen or resident applies to volunteer at a centre. Public; consent is required; CPR numbers are refused.",
    args: { input: t.arg({ type: ApplyToVolunteerInput, required: true, validate: { schema: applicationSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "receipt" } },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const values = parsedBy(applicationSchema, input);
      if (values.consentVersion !== consentText(context.config.retentionDays).version) {
        throw ValidationError.single("consentVersion", {
          da: "Du skal give samtykke til, at værestedet gemmer dine oplysninger, før du kan sende.",
          en: "You must consent to the centre storing your details before you can send.",
        });
      }
      refuseCprNumbers({ name: values.name, phone: values.phone, message: values.message });
      const { consentVersion: _accepted, ...application } = values;
      const stored = await submitVolunteerApplication(context.prisma, context.config, context.clock.now(), application);
      return { deleteAfter: stored.deleteAfter };
    },
  }),
);

const VolunteerInvitationRef = builder
  .objectRef<{ application: { id: string }; passwordLink: { url: string; expiresAt: Date } | null }>("VolunteerInvitation")
  .implement({
    description: "An accepted application. A new person gets a one-time set-password link to pass on; someone with an account gets none.",
    fields: (t) => ({
      application: t.prismaField({
        type: VolunteerApplicationRef,
        resolve: (query, invitation, _args, context) => context.prisma.volunteerApplication.findUniqueOrThrow({ ...query, where: { id: invitation.application.id } }),
      }),
      passwordLinkUrl: t.string({
        nullable: true,
        description: "Valid once, for 72 hours. Only where no real mail server is configured (development, tests); otherwise null: the link is e-mailed to the new volunteer only.",
        resolve: (invitation, _args, context) => (invitation.passwordLink ? passwordLinkOnScreen(context.config, invitation.passwordLink.url) : null),
      }),
      passwordLinkExpiresAt: t.field({ type: "DateTime", nullable: true, resolve: (invitation) => invitation.passwordLink?.expiresAt ?? null }),
    }),
  });

const ApplicationIdInput = builder.inputType("VolunteerApplicationIdInput", { fields: (t) => ({ applicationId: t.id({ required: true }) }) });

const actorOf = (context: Context) => ({ viewer: requireViewer(context), ip: context.request.ip, now: context.clock.now() });

builder.mutationField("acceptVolunteerApplication", (t) =>
  t.field({
    type: VolunteerInvitationRef,
    description: "The centre admin accepts an application: the applicant becomes a volunteer of the centre (invited to set a password if new).",
    args: { input: t.arg({ type: ApplicationIdInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "invitation" },
    },
    authScopes: (_root, { input }, context) => applicationAdminScopes(context.prisma, input.applicationId),
    resolve: (_root, { input }, context) => acceptVolunteerApplication(context.prisma, context.config, actorOf(context), input.applicationId),
  }),
);

const DeclinedApplicationRef = builder.objectRef<{ applicationId: string }>("DeclinedVolunteerApplication").implement({
  fields: (t) => ({ applicationId: t.exposeID("applicationId") }),
});

builder.mutationField("declineVolunteerApplication", (t) =>
  t.field({
    type: DeclinedApplicationRef,
    description: "The centre admin declines an application; its personal data is deleted at once.",
    args: { input: t.arg({ type: ApplicationIdInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
      dataField: { name: "declined" },
    },
    authScopes: (_root, { input }, context) => applicationAdminScopes(context.prisma, input.applicationId),
    resolve: async (_root, { input }, context) => {
      await declineVolunteerApplication(context.prisma, input.applicationId);
      return { applicationId: input.applicationId };
    },
  }),
);
