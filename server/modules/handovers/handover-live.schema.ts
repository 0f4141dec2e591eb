// Live updates for inboxes over server-sent events. The pubsub is in-process, or Redis when
// REDIS_URL is set, so an event published by one instance reaches subscribers on every other.
import { filter, pipe } from "graphql-yoga";
import { builder } from "../../graphql/builder.ts";
import { isMemberOf } from "../../graphql/context.ts";
import type { HandoverChangedEvent } from "../../graphql/pubsub.ts";
import { ForbiddenError, NotAuthenticatedError } from "../../shared/errors.ts";
import { HandoverStatusEnum } from "./handover.schema.ts";

builder.subscriptionType({});

const HandoverChangeRef = builder.objectRef<HandoverChangedEvent & { unitId: string }>("HandoverChange").implement({
  description: "A handover of the unit changed; fetch it (or the inbox) again to see what changed.",
  fields: (t) => ({
    handoverId: t.exposeID("handoverId"),
    unitId: t.exposeID("unitId", { description: "The subscribed unit." }),
    status: t.field({ type: HandoverStatusEnum, resolve: (event) => event.status as never }),
  }),
});

builder.subscriptionField("handoverChanged", (t) =>
  t.field({
    type: HandoverChangeRef,
    description: "Tells a member of the unit when one of its sent or received handovers changes. Carries no personal data.",
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ memberOfUnit: args.unitId }),
    // Checked here as well, when the subscription starts: the scopes on a subscription field
    // otherwise run only as each event resolves, after the stream has been opened.
    subscribe: (_root, args, context) => {
      if (!context.viewer) throw new NotAuthenticatedError();
      if (!isMemberOf(context.viewer, args.unitId)) throw new ForbiddenError();
      return pipe(
        context.pubsub.subscribe("handover:changed"),
        filter((event: HandoverChangedEvent) => event.unitIds.includes(args.unitId)),
      );
    },
    resolve: (event, args) => ({ ...event, unitId: args.unitId }),
  }),
);
