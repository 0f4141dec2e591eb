// Private calendar feed links of a unit. The feeds themselves are served by calendar-routes.ts.
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import type { CalendarFeedToken } from "../../generated/prisma/client.ts";
import { createCalendarFeedToken, revokeCalendarFeedToken } from "./calendar-feed.commands.ts";
import { calendarFeedScopes } from "./visit.policy.ts";
import { requireViewer } from "../../shared/viewer.ts";

const CalendarFeedTokenRef = builder.prismaObject("CalendarFeedToken", {
  description: "A private calendar feed link of a unit. The link itself is shown only once, when created.",
  fields: (t) => ({
    id: t.exposeID("id"),
    unitId: t.exposeID("unitId"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    isActive: t.boolean({ resolve: (feedToken) => feedToken.revokedAt === null }),
  }),
});

interface CreatedCalendarFeed {
  feedToken: CalendarFeedToken;
  url: string;
}
const CreatedCalendarFeedRef = builder.objectRef<CreatedCalendarFeed>("CreatedCalendarFeed").implement({
  fields: (t) => ({
    feedToken: t.field({ type: CalendarFeedTokenRef, resolve: (created) => created.feedToken }),
    url: t.exposeString("url", { description: "The secret subscription URL. Shown once; keep it like a password." }),
  }),
});

builder.queryField("calendarFeedTokens", (t) =>
  t.prismaField({
    type: [CalendarFeedTokenRef],
    description: "A unit's private calendar feed links (without the secret URLs), for its members.",
    authScopes: (_root, { unitId }) => ({ memberOfUnit: unitId }),
    args: { unitId: t.arg.id({ required: true }) },
    resolve: (query, _root, { unitId }, context) =>
      context.prisma.calendarFeedToken.findMany({ ...query, where: { unitId }, orderBy: { createdAt: "desc" } }),
  }),
);

// ───────────────────────────── calendar feed links ─────────────────────────────

const CreateCalendarFeedTokenInput = builder.inputType("CreateCalendarFeedTokenInput", {
  fields: (t) => ({ unitId: t.id({ required: true }) }),
});

builder.mutationField("createCalendarFeedToken", (t) =>
  t.field({
    type: CreatedCalendarFeedRef,
    description: "Creates a private iCalendar feed link for the unit's visits. The URL is returned this once only.",
    args: { input: t.arg({ type: CreateCalendarFeedTokenInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }) => ({ memberOfUnit: input.unitId }),
    resolve: (_root, { input }, context) => createCalendarFeedToken(context, requireViewer(context), input),
  }),
);

const RevokeCalendarFeedTokenInput = builder.inputType("RevokeCalendarFeedTokenInput", {
  fields: (t) => ({ tokenId: t.id({ required: true }) }),
});

builder.mutationField("revokeCalendarFeedToken", (t) =>
  t.field({
    type: CalendarFeedTokenRef,
    description: "Revokes a feed link: it answers 404 from now on. Members of the unit only.",
    args: { input: t.arg({ type: RevokeCalendarFeedTokenInput, required: true }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS],
    },
    authScopes: (_root, { input }, context) => calendarFeedScopes(context.prisma, input.tokenId),
    resolve: (_root, { input }, context) => revokeCalendarFeedToken(context, requireViewer(context), input),
  }),
);
