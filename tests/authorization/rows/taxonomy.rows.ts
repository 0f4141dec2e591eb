// The directory's taxonomy and signposting-only entries (issue 18): everyone reads the terms;
// only platform admins add, rename, retire and reinstate terms, and list or remove offers outside
// the platform.
import { randomUUID } from "node:crypto";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE, type Persona } from "../personas.ts";

const PLATFORM_ADMINS: Persona[] = ["platformAdmin"];

const unique = () => randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();

async function throwawayTerm({ app }: MatrixContext) {
  const code = `T${unique()}`;
  return app.prisma.taxonomyTerm.create({ data: { vocabulary: "TARGET_GROUP", code, nameDa: `Gruppe ${code}`, nameEn: `Group ${code}` } });
}

async function throwawaySignpost({ app, world }: MatrixContext) {
  const unit = await app.prisma.unit.create({ data: { organisationId: world.organisationId, kind: "SERVICE", name: `Klub ${unique()}` } });
  return app.prisma.service.create({
    data: { unitId: unit.id, name: unit.name, kind: "CIVIL_SOCIETY_OFFER", description: "", targetGroups: ["ADULTS"], languages: ["da"], isSignpostingOnly: true },
  });
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.taxonomyTerms",
    allowed: EVERYONE,
    request: async () => matrixRequest(graphql(`{ taxonomyTerms { code nameDa nameEn isRetired } }`)),
  },
  {
    operation: "Mutation.createTaxonomyTerm",
    allowed: PLATFORM_ADMINS,
    request: async () => {
      const code = `T${unique()}`;
      return matrixRequest(
        graphql(`mutation($input: CreateTaxonomyTermInput!) { createTaxonomyTerm(input: $input) { __typename } }`),
        { input: { vocabulary: "OFFER", code, nameDa: `Tilbud ${code}`, nameEn: `Offer ${code}` } },
      );
    },
  },
  {
    operation: "Mutation.updateTaxonomyTerm",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: UpdateTaxonomyTermInput!) { updateTaxonomyTerm(input: $input) { __typename } }`),
        { input: { termId: (await throwawayTerm(context)).id, nameEn: "Renamed" } },
      ),
  },
  {
    operation: "Mutation.retireTaxonomyTerm",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: TaxonomyTermIdInput!) { retireTaxonomyTerm(input: $input) { __typename } }`),
        { input: { termId: (await throwawayTerm(context)).id } },
      ),
  },
  {
    operation: "Mutation.reinstateTaxonomyTerm",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: TaxonomyTermIdInput!) { reinstateTaxonomyTerm(input: $input) { __typename } }`),
        { input: { termId: (await throwawayTerm(context)).id } },
      ),
  },
  {
    operation: "Mutation.createSignpostingService",
    allowed: PLATFORM_ADMINS,
    request: async () =>
      matrixRequest(
        graphql(`mutation($input: CreateSignpostingServiceInput!) { createSignpostingService(input: $input) { __typename } }`),
        { input: { name: `Klub ${unique()}`, operatorName: "Matrixforeningen", description: "Fællesskab.", targetGroups: ["ADULTS"] } },
      ),
  },
  {
    operation: "Mutation.deleteSignpostingService",
    allowed: PLATFORM_ADMINS,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation($input: DeleteSignpostingServiceInput!) { deleteSignpostingService(input: $input) { __typename } }`),
        { input: { serviceId: (await throwawaySignpost(context)).id } },
      ),
  },
];
