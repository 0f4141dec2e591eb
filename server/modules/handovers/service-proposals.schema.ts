// Needs first in the graph: proposeServices answers step 2 of the new-handover wizard with
// ranked services, the reasons each fits, and its measured responsiveness (the same figures as
// serviceHandoverFigures).
import type { HelpCategory } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { ValidationError } from "../../shared/errors.ts";
import { assertKnownCodes, ReasonRef, ServiceRef, TargetGroupEnum, taxonomyOf } from "../directory/index.ts";
import { HelpCategoryEnum } from "./handover.schema.ts";
import { findServiceHandoverFigures, RESPONSIVENESS_WINDOW_DAYS, type ServiceHandoverFigures } from "./service-figures.ts";
import { ServiceHandoverFiguresRef } from "./service-figures.schema.ts";
import { DEFAULT_PROPOSAL_RADIUS_KM, MAX_PROPOSALS, proposeServices, type ServiceProposal } from "./service-proposals.ts";

type ProposalView = ServiceProposal & { figures: ServiceHandoverFigures };

const ServiceNeedsInput = builder.inputType("ServiceNeedsInput", {
  description:
    "The citizen's needs as codes (never their own words, which stay in the handover), and optionally where the citizen is: an area or a centre.",
  fields: (t) => ({
    helpCategories: t.field({ type: [HelpCategoryEnum], required: true, description: "What the citizen needs help with (at least one)." }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: "Target groups the citizen belongs to." }),
    areaId: t.id({ required: false, description: "Where the citizen lives or stays: distance is measured from the area's point." }),
    centreId: t.id({ required: false, description: "Or from a centre, when no area is given." }),
    radiusKm: t.float({
      required: false,
      defaultValue: DEFAULT_PROPOSAL_RADIUS_KM,
      description: "Services with an address farther away are left out; a service without an address comes to the citizen and always fits.",
    }),
    fromUnitId: t.id({
      required: false,
      description: "The sender's own unit: left out of the proposals, and, when it is a centre and neither area nor centre is given, where distance is measured from.",
    }),
  }),
});

const ServiceProposalRef = builder.objectRef<ProposalView>("ServiceProposal").implement({
  description:
    "A service proposed for the citizen's needs, with its place in the ranking, the reasons it fits and its measured responsiveness (about the unit, never a person; suppressed below 5).",
  fields: (t) => ({
    rank: t.exposeInt("rank", { description: "1 for the best fit." }),
    score: t.exposeInt("score", {
      description:
        "Points behind the order: the kind fits a need 3, each shared target group 2, intake open 3 / waiting list 1, within 5 km 2 / 15 km 1 / comes to the citizen 1, " +
        `answers within a day 2 / three days 1 and accepts at least 75 % 1 (only with 5 or more answered handovers in ${RESPONSIVENESS_WINDOW_DAYS} days).`,
    }),
    service: t.field({ type: ServiceRef, resolve: (proposal) => proposal.service }),
    distanceKm: t.exposeFloat("distanceKm", { nullable: true, description: "From the area or centre; null without a place or when the service has no address." }),
    matchedNeeds: t.field({
      type: [HelpCategoryEnum],
      description: "The needs this service answers.",
      resolve: (proposal) => proposal.matchedNeeds as HelpCategory[],
    }),
    reasons: t.field({ type: [ReasonRef], resolve: (proposal) => proposal.reasons }),
    figures: t.field({
      type: ServiceHandoverFiguresRef,
      description: "The unit's measured responsiveness, as serviceHandoverFigures gives it.",
      resolve: (proposal) => proposal.figures,
    }),
  }),
});

builder.queryField("proposeServices", (t) =>
  t.field({
    type: [ServiceProposalRef],
    description:
      "Needs first (1-2-3): services that fit the citizen's needs, best first, ranked by the database on kind, target group, intake status, distance and measured responsiveness, each with the reasons it fits.",
    args: {
      needs: t.arg({ type: ServiceNeedsInput, required: true }),
      first: t.arg.int({ required: false, defaultValue: 10, description: `How many (1–${MAX_PROPOSALS}).` }),
    },
    authScopes: { signedIn: true },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_PROPOSALS) {
        throw ValidationError.single("first", { da: `Vælg mellem 1 og ${MAX_PROPOSALS} forslag.`, en: `Ask for 1 to ${MAX_PROPOSALS} proposals.` });
      }
      const now = context.clock.now();
      const needs = args.needs;
      const taxonomy = await taxonomyOf(context);
      assertKnownCodes(taxonomy, "TARGET_GROUP", needs.targetGroups, "needs.targetGroups");
      const proposals = await proposeServices(
        context.prisma,
        {
          helpCategories: [...new Set(needs.helpCategories)] as HelpCategory[],
          targetGroups: [...new Set(needs.targetGroups ?? [])],
          areaId: needs.areaId ? String(needs.areaId) : null,
          centreId: needs.centreId ? String(needs.centreId) : null,
          radiusKm: needs.radiusKm ?? DEFAULT_PROPOSAL_RADIUS_KM,
          fromUnitId: needs.fromUnitId ? String(needs.fromUnitId) : null,
        },
        now,
        first,
        taxonomy,
      );
      // The figures come from the same function as serviceHandoverFigures: one call for the whole list.
      const figures = await findServiceHandoverFigures(context.prisma, proposals.map((proposal) => proposal.unitId), now);
      const figuresByUnit = new Map(figures.map((figure) => [figure.unit.id, figure]));
      return proposals.flatMap((proposal) => {
        const unitFigures = figuresByUnit.get(proposal.unitId);
        return unitFigures ? [{ ...proposal, figures: unitFigures }] : [];
      });
    },
  }),
);
