// The place a unit runs: a centre's unit has its centre, a service's unit its service. Clients
// follow this link instead of scanning a page of centres or services for a matching unitId.
import { builder } from "../../graphql/builder.ts";

builder.prismaObjectFields("Unit", (t) => ({
  centre: t.relation("centre", {
    nullable: true,
    description: "The centre this unit runs (units of kind CENTRE); null otherwise.",
  }),
  service: t.relation("service", {
    nullable: true,
    description: "The service this unit runs (units of kind SERVICE); null otherwise.",
  }),
}));
