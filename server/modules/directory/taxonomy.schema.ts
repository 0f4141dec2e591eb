// The taxonomy in the graph: everyone reads the terms (the directory's filters and labels come
// from them); platform admins add, rename, retire and reinstate terms.
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { builder } from "../../graphql/builder.ts";
import { TaxonomyVocabularyEnum } from "./directory-enums.schema.ts";
import { taxonomyOf, type TaxonomyTerm, type TaxonomyVocabulary } from "./taxonomy.ts";
import { createTaxonomyTerm, setTaxonomyTermRetired, termUsage, updateTaxonomyTerm } from "./taxonomy.commands.ts";

export const TaxonomyTermRef = builder.prismaObject("TaxonomyTerm", {
  description: "A term of the directory's taxonomy: a target group or an offer, with a stable code and Danish and English names.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    vocabulary: t.expose("vocabulary", { type: TaxonomyVocabularyEnum }),
    code: t.exposeString("code", { description: "Stable: never changes, so filters, links, figures and exports keep working." }),
    nameDa: t.exposeString("nameDa"),
    nameEn: t.exposeString("nameEn"),
    descriptionDa: t.exposeString("descriptionDa"),
    descriptionEn: t.exposeString("descriptionEn"),
    position: t.exposeInt("position", { description: "Order in lists; lower first." }),
    isRetired: t.boolean({
      description: "A retired term is not offered for new use; entries that have it keep it.",
      resolve: (term) => term.retiredAt !== null,
    }),
    retiredAt: t.expose("retiredAt", { type: "DateTime", nullable: true }),
    usageCount: t.int({
      description: "How many centres, services and activities carry the term. Platform admins only.",
      authScopes: { platformAdmin: true },
      resolve: (term, _args, context) => termUsage(context.prisma, term),
    }),
  }),
});

builder.queryField("taxonomyTerms", (t) =>
  t.field({
    type: [TaxonomyTermRef],
    description: "The taxonomy's terms in their order: one vocabulary, or all. Retired terms only with includeRetired. Public.",
    authScopes: { public: true },
    args: {
      vocabulary: t.arg({ type: TaxonomyVocabularyEnum, required: false }),
      includeRetired: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: async (_root, { vocabulary, includeRetired }, context) => {
      const taxonomy = await taxonomyOf(context);
      const vocabularies: TaxonomyVocabulary[] = vocabulary ? [vocabulary] : ["TARGET_GROUP", "OFFER"];
      return vocabularies.flatMap((name) => taxonomy.list(name, includeRetired ?? false));
    },
  }),
);

/** The terms behind a list of codes, in the taxonomy's order (unknown codes are left out). */
export async function termsOf(
  context: Parameters<typeof taxonomyOf>[0],
  vocabulary: TaxonomyVocabulary,
  codes: readonly string[],
): Promise<TaxonomyTerm[]> {
  const taxonomy = await taxonomyOf(context);
  return taxonomy.list(vocabulary, true).filter((term) => codes.includes(term.code));
}

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const CreateTaxonomyTermInput = builder.inputType("CreateTaxonomyTermInput", {
  fields: (t) => ({
    vocabulary: t.field({ type: TaxonomyVocabularyEnum, required: true }),
    code: t.string({ required: true, description: "Upper-case letters, digits and underscores (e.g. PHYSICAL_DISABILITY); never changes." }),
    nameDa: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    descriptionDa: t.string({ required: false }),
    descriptionEn: t.string({ required: false }),
  }),
});

builder.mutationField("createTaxonomyTerm", (t) =>
  t.prismaField({
    type: TaxonomyTermRef,
    description: "Adds a target group or an offer to the taxonomy, last in its list. Platform admins only.",
    args: { input: t.arg({ type: CreateTaxonomyTermInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: (_query, _root, { input }, context) => createTaxonomyTerm(context.prisma, input),
  }),
);

const UpdateTaxonomyTermInput = builder.inputType("UpdateTaxonomyTermInput", {
  description: "Fields left out stay as they are. The code cannot be changed.",
  fields: (t) => ({
    termId: t.id({ required: true }),
    nameDa: t.string({ required: false }),
    nameEn: t.string({ required: false }),
    descriptionDa: t.string({ required: false }),
    descriptionEn: t.string({ required: false }),
    position: t.int({ required: false }),
  }),
});

builder.mutationField("updateTaxonomyTerm", (t) =>
  t.prismaField({
    type: TaxonomyTermRef,
    description: "Renames a term or moves it in its list; its code and every use of it stay. Platform admins only.",
    args: { input: t.arg({ type: UpdateTaxonomyTermInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: (_query, _root, { input }, context) => {
      const { termId, ...changes } = input;
      return updateTaxonomyTerm(context.prisma, termId, withoutNulls(changes));
    },
  }),
);

const TaxonomyTermIdInput = builder.inputType("TaxonomyTermIdInput", {
  fields: (t) => ({ termId: t.id({ required: true }) }),
});

builder.mutationField("retireTaxonomyTerm", (t) =>
  t.prismaField({
    type: TaxonomyTermRef,
    description:
      "Retires a term: it is no longer offered for new use, while centres and services that have it keep it and searches " +
      "still find them. Platform admins only.",
    args: { input: t.arg({ type: TaxonomyTermIdInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: (_query, _root, { input }, context) => setTaxonomyTermRetired(context.prisma, input.termId, context.clock.now()),
  }),
);

builder.mutationField("reinstateTaxonomyTerm", (t) =>
  t.prismaField({
    type: TaxonomyTermRef,
    description: "Brings a retired term back into use. Platform admins only.",
    args: { input: t.arg({ type: TaxonomyTermIdInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: { platformAdmin: true },
    resolve: (_query, _root, { input }, context) => setTaxonomyTermRetired(context.prisma, input.termId, null),
  }),
);

// A null in an optional input means "leave as is", like an absent field (every field has a value).
function withoutNulls<Fields extends Record<string, unknown>>(fields: Fields): Partial<Fields> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null)) as Partial<Fields>;
}
