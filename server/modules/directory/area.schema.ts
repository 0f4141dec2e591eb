// Areas: the towns and districts of the municipality, so search can start "near an area"
// without anyone giving an address. Coordinators keep the list; everyone can read it.
import { z } from "zod";
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { builder } from "../../graphql/builder.ts";
import { prismaSelection } from "../../graphql/selection.ts";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";

const AREA = { da: "Området", en: "The area" };

export const AreaRef = builder.prismaObject("Area", {
  description: "A named part of the municipality with a point to search near.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    latitude: t.exposeFloat("latitude"),
    longitude: t.exposeFloat("longitude"),
  }),
});

builder.queryField("areas", (t) =>
  t.prismaField({
    type: [AreaRef],
    description: "Every area, by name. Public.",
    authScopes: { public: true },
    resolve: (query, _root, _args, context) => context.prisma.area.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
);

const areaSchema = z.object({
  name: z.string().trim().min(2, { message: "Give the area a name of at least 2 characters." }).max(80),
  latitude: z.number().min(54.5).max(57.8),
  longitude: z.number().min(8).max(15.2),
});

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const AreaInput = builder.inputType("AreaInput", {
  description: "An area: a name and a point inside Denmark.",
  validate: { schema: areaSchema },
  fields: (t) => ({
    name: t.string({ required: true }),
    latitude: t.float({ required: true }),
    longitude: t.float({ required: true }),
  }),
});

async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConflictError({ da: "Der findes allerede et område med det navn.", en: "An area with that name already exists." });
    }
    throw error;
  }
}

builder.mutationField("createArea", (t) =>
  t.prismaField({
    type: AreaRef,
    description: "Adds an area. Coordinators only.",
    args: { input: t.arg({ type: AreaInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { coordinator: true },
    resolve: (query, _root, { input }, context) =>
      withUniqueName(() => context.prisma.area.create({ ...prismaSelection(query), data: input })),
  }),
);

builder.mutationField("updateArea", (t) =>
  t.prismaField({
    type: AreaRef,
    description: "Renames or moves an area. Coordinators only.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AreaInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { coordinator: true },
    resolve: async (query, _root, { id, input }, context) => {
      if (!(await context.prisma.area.findUnique({ where: { id: String(id) }, select: { id: true } }))) throw new NotFoundError(AREA);
      return withUniqueName(() => context.prisma.area.update({ ...prismaSelection(query), where: { id: String(id) }, data: input }));
    },
  }),
);

builder.mutationField("deleteArea", (t) =>
  t.boolean({
    description: "Removes an area. Coordinators only.",
    args: { id: t.arg.id({ required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { coordinator: true },
    resolve: async (_root, { id }, context) => {
      const { count } = await context.prisma.area.deleteMany({ where: { id: String(id) } });
      if (count === 0) throw new NotFoundError(AREA);
      return true;
    },
  }),
);
