// Offers outside the platform (issue 18): clubs and associations that caseworkers point citizens
// to, listed as "signposting only" services without an inbox. Platform admins list and remove
// them; they edit one like any service (updateServiceProfile, as every unit's admin).
import { z } from "zod";
import { ServiceKind } from "../../generated/prisma/enums.ts";
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { builder } from "../../graphql/builder.ts";
import { prismaSelection } from "../../graphql/selection.ts";
import { parsedBy } from "../../shared/validation.ts";
import { ServiceKindEnum, TargetGroupEnum } from "./directory-enums.schema.ts";
import { createSignpostingService, deleteSignpostingService } from "./directory.commands.ts";
import { serviceEntryFields } from "./directory-maintenance.schema.ts";
import { serviceProfileSchema } from "./directory-validation.ts";
import { ServiceRef } from "./service.schema.ts";

const signpostingSchema = serviceProfileSchema
  .omit({ intakeStatus: true, typicalWaitDays: true, responseWindowDays: true })
  .required({ name: true, targetGroups: true })
  .extend({
    description: z.string().trim().min(1).max(2000),
    operatorName: z.string().trim().min(2).max(120),
    kind: z
      .enum(ServiceKind)
      .nullish()
      .transform((kind) => kind ?? "CIVIL_SOCIETY_OFFER"),
    languages: serviceProfileSchema.shape.languages.unwrap().nullish().transform((codes) => codes ?? ["da"]),
    isAnonymousWelcome: z
      .boolean()
      .nullish()
      .transform((welcome) => welcome ?? true),
  });

const CreateSignpostingServiceInput = builder.inputType("CreateSignpostingServiceInput", {
  description: "An offer outside the platform. Contact fields tell the citizen how to reach it; it has no inbox.",
  fields: (t) => ({
    name: t.string({ required: true }),
    operatorName: t.string({ required: true, description: "The club or association behind it (found by name or created)." }),
    kind: t.field({ type: ServiceKindEnum, required: false, defaultValue: "CIVIL_SOCIETY_OFFER" }),
    description: t.string({ required: true }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: true }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes; Danish when left out." }),
    ...serviceEntryFields(t),
    isAnonymousWelcome: t.boolean({ required: false, defaultValue: true }),
  }),
});

builder.mutationField("createSignpostingService", (t) =>
  t.prismaField({
    type: ServiceRef,
    description: "Lists an offer outside the platform as a signposting-only entry (no inbox, no handovers). Platform admins only.",
    args: { input: t.arg({ type: CreateSignpostingServiceInput, required: true, validate: { schema: signpostingSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: async (query, _root, { input }, context) => {
      const { id } = await createSignpostingService(context.prisma, parsedBy(signpostingSchema, input));
      // Read back as the selection asks (the operator's name and kind come through the unit).
      return context.prisma.service.findUniqueOrThrow({ ...prismaSelection(query), where: { id } });
    },
  }),
);

const DeleteSignpostingServiceInput = builder.inputType("DeleteSignpostingServiceInput", {
  fields: (t) => ({ serviceId: t.id({ required: true }) }),
});

builder.mutationField("deleteSignpostingService", (t) =>
  t.boolean({
    description: "Removes a signposting-only entry from the directory. Platform admins only.",
    args: { input: t.arg({ type: DeleteSignpostingServiceInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: async (_root, { input }, context) => {
      await deleteSignpostingService(context.prisma, input.serviceId);
      return true;
    },
  }),
);
