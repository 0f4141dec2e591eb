// The viewer's own shift calendar link. The feed itself is served by volunteer-feed.ts.
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { createVolunteerFeedToken, revokeVolunteerFeedTokens } from "./volunteer-feed.ts";

const ShiftFeedLinkRef = builder.objectRef<{ url: string; createdAt: Date }>("ShiftFeedLink").implement({
  description: "A private iCalendar link to the viewer's own shifts. Shown once; keep it like a password.",
  fields: (t) => ({ url: t.exposeString("url"), createdAt: t.expose("createdAt", { type: "DateTime" }) }),
});

builder.queryField("hasShiftFeedLink", (t) =>
  t.boolean({
    description: "Whether the viewer has an active calendar link to their shifts (the link itself is never shown again).",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) =>
      (await context.prisma.volunteerFeedToken.count({ where: { userId: context.viewer!.userId, revokedAt: null } })) > 0,
  }),
);

builder.mutationField("createShiftFeedLink", (t) =>
  t.field({
    type: ShiftFeedLinkRef,
    description: "Creates a private calendar link to the viewer's own shifts; an earlier link stops working.",
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "link" } },
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) => {
      const { feedToken, url } = await createVolunteerFeedToken(context.prisma, context.config, context.viewer!.userId, context.clock.now());
      return { url, createdAt: feedToken.createdAt };
    },
  }),
);

const RevokedFeedLinksRef = builder.objectRef<{ revoked: number }>("RevokedShiftFeedLinks").implement({
  fields: (t) => ({ revoked: t.exposeInt("revoked") }),
});

builder.mutationField("revokeShiftFeedLink", (t) =>
  t.field({
    type: RevokedFeedLinksRef,
    description: "Stops the viewer's calendar link to their shifts: it answers 404 from now on.",
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "result" } },
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) => ({ revoked: await revokeVolunteerFeedTokens(context.prisma, context.viewer!.userId, context.clock.now()) }),
  }),
);
