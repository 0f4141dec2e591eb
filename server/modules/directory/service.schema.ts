// Services in the graph: municipal services and civil-society offers a citizen can be bridged to.
// Public like centres: a service's profile and contact data are not personal.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { Service } from "../../generated/prisma/client.ts";
import { builder } from "../../graphql/builder.ts";
import { NearInput, ReasonRef } from "./centre.schema.ts";
import {
  IntakeStatusEnum,
  OrganisationKindEnum,
  ServiceKindEnum,
  TargetGroupEnum,
} from "./directory-enums.schema.ts";
import { countServices, searchServicePage } from "./directory-query.ts";
import { forwardPageInfo, type ForwardPageInfo, pageSizeOf } from "./directory-paging.ts";
import {
  haversineKm,
  originOf,
  SERVICE_VISIT_HORIZON_DAYS,
  serviceReasons,
  type Reason,
  type ServiceSearchFilter,
} from "./directory-search.ts";
import { serviceHourReasons, serviceWeeklyHours } from "./service-hours.ts";

export const ServiceOpeningPeriodRef = builder.prismaObject("ServiceOpeningPeriod", {
  description: "A weekly opening window of a service, in local wall-clock minutes (Europe/Copenhagen).",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute"),
    endMinute: t.exposeInt("endMinute"),
    note: t.exposeString("note", { nullable: true }),
  }),
});

const ServiceWeekdayHoursRef = builder.objectRef<ReturnType<typeof serviceWeeklyHours>[number]>("ServiceWeekdayHours").implement({
  fields: (t) => ({
    weekday: t.exposeInt("weekday"),
    labelDa: t.exposeString("labelDa"),
    labelEn: t.exposeString("labelEn"),
    textDa: t.exposeString("textDa", { description: "\"09:00–12:00 (telefontid), 13:00–15:00\" or \"lukket\"." }),
    textEn: t.exposeString("textEn"),
  }),
});
import { assertKnownCodes, taxonomyOf } from "./taxonomy.ts";
import { TaxonomyTermRef, termsOf } from "./taxonomy.schema.ts";

export const ServiceRef = builder.prismaObject("Service", {
  description: "A municipal service or civil-society offer (tilbud) that citizens can be bridged to.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    unitId: t.exposeID("unitId", { description: "The unit whose members receive handovers (none for a signposting-only entry)." }),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: ServiceKindEnum }),
    description: t.exposeString("description"),
    operatorName: t.string({
      select: { unit: { select: { organisation: { select: { name: true } } } } },
      resolve: (service) => service.unit.organisation.name,
    }),
    operatorKind: t.field({
      type: OrganisationKindEnum,
      select: { unit: { select: { organisation: { select: { kind: true } } } } },
      resolve: (service) => service.unit.organisation.kind,
    }),
    targetGroups: t.expose("targetGroups", { type: [TargetGroupEnum] }),
    targetGroupTerms: t.field({
      type: [TaxonomyTermRef],
      description: "The target groups as terms, with their names, in the taxonomy's order.",
      select: { targetGroups: true },
      resolve: (service, _args, context) => termsOf(context, "TARGET_GROUP", service.targetGroups),
    }),
    minAge: t.exposeInt("minAge", { nullable: true, description: "Youngest age admitted, in years; null: no lower limit." }),
    maxAge: t.exposeInt("maxAge", { nullable: true, description: "Oldest age admitted, in years; null: no upper limit." }),
    isSignpostingOnly: t.exposeBoolean("isSignpostingOnly", {
      description:
        "An offer outside the platform (a club, an association): listed so caseworkers can point citizens onward; " +
        "it has no inbox and cannot receive handovers. Contact it directly.",
    }),
    languages: t.exposeStringList("languages", { description: "ISO 639-1 codes of languages spoken." }),
    street: t.exposeString("street", { nullable: true }),
    postalCode: t.exposeString("postalCode", { nullable: true }),
    city: t.exposeString("city", { nullable: true }),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    isAnonymousWelcome: t.exposeBoolean("isAnonymousWelcome"),
    intakeStatus: t.expose("intakeStatus", { type: IntakeStatusEnum }),
    typicalWaitDays: t.exposeInt("typicalWaitDays", { nullable: true }),
    responseWindowDays: t.exposeInt("responseWindowDays", {
      description: "Unanswered handovers expire after this many days.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    openingPeriods: t.relation("openingPeriods", {
      description: "The service's own weekly hours (its office, phone or drop-in time); closed on public holidays.",
      query: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
    }),
    openingHours: t.field({
      type: [ServiceWeekdayHoursRef],
      description: "The service's own weekly hours, Monday first, with readable Danish and English text.",
      select: { openingPeriods: true },
      resolve: (service) => serviceWeeklyHours(service.openingPeriods),
    }),
  }),
});

const ServiceFilterInput = builder.inputType("ServiceFilter", {
  description:
    "All given criteria must hold; list criteria match when any listed value matches. " +
    "A service without an address is never excluded by `near`.",
  fields: (t) => ({
    kinds: t.field({ type: [ServiceKindEnum], required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes." }),
    intakeStatuses: t.field({ type: [IntakeStatusEnum], required: false }),
    isAnonymousWelcome: t.boolean({ required: false, description: "true: only services citizens can use anonymously." }),
    age: t.int({ required: false, description: "The citizen's age in years (0–120): only services whose age limits, if any, admit it." }),
    isSignpostingOnly: t.boolean({
      required: false,
      description: "true: only signposting-only entries (no inbox); false: only services that receive handovers; left out: both.",
    }),
    near: t.field({ type: NearInput, required: false }),
    text: t.string({ required: false, description: "Words in the name or description." }),
    openAt: t.field({
      type: "DateTime",
      required: false,
      description: "Open at this instant: by its own weekly hours (closed on public holidays) or at a confirmed visiting session at a centre.",
    }),
    visitsCentreId: t.id({ required: false, description: `Comes to this centre: a confirmed visit there in the coming ${SERVICE_VISIT_HORIZON_DAYS} days.` }),
    comesToCentres: t.boolean({ required: false, description: `true: only services with a confirmed visit at some centre in the coming ${SERVICE_VISIT_HORIZON_DAYS} days.` }),
  }),
});

interface ServiceEdgeShape {
  cursor: string;
  node: Service;
  reasons: Reason[];
  distanceKm: number | null;
}

interface ServiceConnectionShape {
  edges: ServiceEdgeShape[];
  pageInfo: ForwardPageInfo;
  totalCount: () => Promise<number>;
}

builder.queryField("services", (t) =>
  t.connection(
    {
      type: ServiceRef,
      description:
        "Services that fit the filter: best fit first, then taking new handovers, then shortest typical wait, then name. " +
        "Ranked and paged by the database; cursors are keyset positions in that ranking (forward only: first/after).",
      authScopes: { public: true },
      args: { filter: t.arg({ type: ServiceFilterInput, required: false }) },
      resolve: async (_root, args, context, info) => {
        const filter: ServiceSearchFilter = args.filter ?? {};
        const now = context.clock.now();
        const taxonomy = await taxonomyOf(context);
        assertKnownCodes(taxonomy, "TARGET_GROUP", filter.targetGroups, "filter.targetGroups");
        const page = await searchServicePage(context.prisma, filter, { first: pageSizeOf(args), after: args.after ?? null }, now);
        const ids = page.rows.map((row) => row.id);
        const [nodes, services, origin, extraReasons] = await Promise.all([
          context.prisma.service.findMany({ ...queryFromInfo({ context, info, path: ["edges", "node"] }), where: { id: { in: ids } } }),
          context.prisma.service.findMany({ where: { id: { in: ids } } }),
          filter.near ? originOf(context.prisma, filter.near) : null,
          serviceHourReasons(context.prisma, ids, filter),
        ]);
        const nodeById = new Map(nodes.map((node) => [node.id, node]));
        const serviceById = new Map(services.map((service) => [service.id, service]));
        const edges = page.rows.flatMap((row): ServiceEdgeShape[] => {
          const node = nodeById.get(row.id);
          const service = serviceById.get(row.id);
          if (!node || !service) return [];
          const located = service.latitude !== null && service.longitude !== null;
          const distanceKm = origin && located ? haversineKm(origin, { latitude: service.latitude!, longitude: service.longitude! }) : null;
          const reasons = [...serviceReasons({ service, score: 0, distanceKm }, filter, taxonomy), ...(extraReasons.get(service.id) ?? [])];
          return [{ cursor: row.cursor, node: node as Service, reasons, distanceKm }];
        });
        const connection: ServiceConnectionShape = {
          edges,
          pageInfo: forwardPageInfo(edges, page.hasNextPage, args.after),
          totalCount: () => countServices(context.prisma, filter, now),
        };
        return connection as never;
      },
    },
    {
      name: "ServiceConnection",
      fields: (connection) => ({
        totalCount: connection.int({ resolve: (parent) => (parent as unknown as ServiceConnectionShape).totalCount() }),
      }),
    },
    {
      name: "ServiceEdge",
      fields: (edge) => ({
        reasons: edge.field({ type: [ReasonRef], resolve: (parent) => (parent as unknown as ServiceEdgeShape).reasons }),
        distanceKm: edge.float({
          nullable: true,
          resolve: (parent) => (parent as unknown as ServiceEdgeShape).distanceKm,
        }),
      }),
    },
  ),
);

builder.queryField("service", (t) =>
  t.prismaField({
    type: ServiceRef,
    nullable: true,
    description: "One service by id, or null.",
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, context) => context.prisma.service.findUnique({ ...query, where: { id } }),
  }),
);
