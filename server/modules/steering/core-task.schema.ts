// A centre's core task (kerneopgave) and the guiding principles it serves: public on the
// centre's page and beside its figures, set by the centre's unit admins.
import { z } from "zod";
import { GuidingPrinciple } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { parsedBy } from "../../shared/validation.ts";
import { CentreRef } from "../directory/index.ts";
import { centreAdminScopes } from "../insights/index.ts";

export const GuidingPrincipleEnum = builder.enumType(GuidingPrinciple, {
  name: "GuidingPrinciple",
  description:
    "The strategy's four guiding principles: FREE_SPACE_AND_DEVELOPMENT (fristed og udviklingssted), MEANINGFUL_COMMUNITIES " +
    "(meningsfulde fællesskaber), SUSTAINABLE_APPROACH (bæredygtig tilgang), PART_OF_THE_WHOLE (en del af den samlede hjælp).",
});

builder.prismaObjectFields(CentreRef, (t) => ({
  coreTask: t.exposeString("coreTask", { nullable: true, description: "The centre's core task (kerneopgave) in its own words." }),
  guidingPrinciples: t.expose("guidingPrinciples", { type: [GuidingPrincipleEnum], description: "The guiding principles the centre serves." }),
}));

const SetCentreCoreTaskInput = builder.inputType("SetCentreCoreTaskInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    coreTask: t.string({ required: true, description: "1–600 characters. No personal data." }),
    guidingPrinciples: t.field({ type: [GuidingPrincipleEnum], required: true, description: "At least one, each once." }),
  }),
});

const setCentreCoreTaskSchema = z.object({
  centreId: z.string().min(1),
  coreTask: z.string().trim().min(1).max(600),
  guidingPrinciples: z.array(z.enum(GuidingPrinciple)).min(1).max(4),
});

builder.mutationField("setCentreCoreTask", (t) =>
  t.field({
    type: CentreRef,
    description: "States the centre's core task and the guiding principles it serves. For the centre's unit admins and its organisation's admins.",
    args: { input: t.arg({ type: SetCentreCoreTaskInput, required: true, validate: { schema: setCentreCoreTaskSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "centre" } },
    authScopes: (_root, { input }, context) => centreAdminScopes(context, String(input.centreId)),
    resolve: async (_root, { input }, context) => {
      const parsed = parsedBy(setCentreCoreTaskSchema, input);
      const centre = await context.prisma.centre.findUnique({ where: { id: parsed.centreId }, select: { id: true } });
      if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      return context.prisma.centre.update({
        where: { id: centre.id },
        data: { coreTask: parsed.coreTask, guidingPrinciples: [...new Set(parsed.guidingPrinciples)] },
      });
    },
  }),
);
