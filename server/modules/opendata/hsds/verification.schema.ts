// "Verified on / by": a unit admin confirms that the public entry of their centre or service is
// correct. The date is published as HSDS assured_date; who confirmed is shown to the unit's own
// members only. An entry not confirmed for six months is due again (the admin page reminds).
import { builder } from "../../../graphql/builder.ts";
import { MUTATION_ERRORS } from "../../../graphql/common.schema.ts";
import { isMemberOf } from "../../../graphql/context.ts";
import { centreAdminScopes, CentreRef, serviceAdminScopes, ServiceRef } from "../../directory/index.ts";
import { confirmCentreDetails, confirmServiceDetails, isVerificationDue } from "./verification.commands.ts";
import { requireViewer } from "../../../shared/viewer.ts";

for (const ref of [CentreRef, ServiceRef] as const) {
  const noun = ref === CentreRef ? "centre" : "service";
  builder.prismaObjectFields(ref as typeof CentreRef, (t) => ({
    verifiedAt: t.expose("verifiedAt", {
      type: "DateTime",
      nullable: true,
      description: `When a unit admin last confirmed that this ${noun}'s public details are correct (HSDS assured_date).`,
    }),
    isVerificationDue: t.boolean({
      description: "True when the details were never confirmed or were last confirmed more than six months ago.",
      select: { verifiedAt: true },
      resolve: (row, _args, context) => isVerificationDue(row.verifiedAt, context.clock.now()),
    }),
    verifiedByName: t.string({
      nullable: true,
      description: "Who confirmed; only for members of the unit, null for everyone else.",
      select: { verifiedById: true, unitId: true },
      resolve: async (row, _args, context) => {
        if (!row.verifiedById || !isMemberOf(context.viewer, row.unitId)) return null;
        return (await context.prisma.user.findUnique({ where: { id: row.verifiedById }, select: { name: true } }))?.name ?? null;
      },
    }),
  }));
}

const ConfirmCentreDetailsInput = builder.inputType("ConfirmCentreDetailsInput", {
  fields: (t) => ({ centreId: t.id({ required: true }) }),
});

builder.mutationField("confirmCentreDetails", (t) =>
  t.field({
    type: CentreRef,
    description: "Records that the centre's public details were checked today. The centre's unit admins only.",
    args: { input: t.arg({ type: ConfirmCentreDetailsInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, String(input.centreId)),
    resolve: (_root, { input }, context) => confirmCentreDetails(context, requireViewer(context).userId, String(input.centreId)),
  }),
);

const ConfirmServiceDetailsInput = builder.inputType("ConfirmServiceDetailsInput", {
  fields: (t) => ({ serviceId: t.id({ required: true }) }),
});

builder.mutationField("confirmServiceDetails", (t) =>
  t.field({
    type: ServiceRef,
    description: "Records that the service's public details were checked today. The service's unit admins only.",
    args: { input: t.arg({ type: ConfirmServiceDetailsInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => serviceAdminScopes(context.prisma, String(input.serviceId)),
    resolve: (_root, { input }, context) => confirmServiceDetails(context, requireViewer(context).userId, String(input.serviceId)),
  }),
);
