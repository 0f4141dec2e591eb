// Visiting sessions in the directory: on a service ("er på Værestedet Lyset tirsdage 10:00–12:00")
// and on a centre's card ("Jobafklaring: tirsdage 10:00–12:00"). Public, like confirmed visits.
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { loadInBatch } from "../../shared/request-loader.ts";
import { sessionText, SESSION_HORIZON_DAYS, visitingSessions, type VisitingSession } from "./visiting-sessions.ts";

export const VisitingSessionRef = builder.objectRef<VisitingSession & { perspective: "service" | "centre" }>("VisitingSession").implement({
  description: `Confirmed visits of one service at one centre at one weekly time, in the coming ${SESSION_HORIZON_DAYS} days.`,
  fields: (t) => ({
    title: t.exposeString("title", { description: "The public title of the next visit." }),
    centreId: t.exposeID("centreId"),
    centreName: t.exposeString("centreName"),
    serviceUnitId: t.exposeID("serviceUnitId"),
    serviceName: t.exposeString("serviceName"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.exposeInt("startMinute", { description: "Copenhagen wall-clock minutes after midnight." }),
    endMinute: t.exposeInt("endMinute"),
    nextStartsAt: t.expose("nextStartsAt", { type: "DateTime" }),
    nextEndsAt: t.expose("nextEndsAt", { type: "DateTime" }),
    count: t.exposeInt("count", { description: "Visits in the horizon: more than one is a weekly habit." }),
    textDa: t.string({ description: "\"Er på Værestedet Lyset tirsdage 10:00–12:00\" (on a service) or \"Jobafklaring: tirsdage 10:00–12:00\" (on a centre).", resolve: (session) => sessionText(session, "da", session.perspective) }),
    textEn: t.string({ resolve: (session) => sessionText(session, "en", session.perspective) }),
  }),
});

function sessionsBy(context: Context, key: "serviceUnitId" | "centreId", id: string) {
  return loadInBatch(context, `visiting-sessions:${key}`, id, async (ids: string[]) => {
    const sessions = await visitingSessions(context.prisma, { [key]: { in: ids } }, context.clock.now());
    const byId = new Map<string, VisitingSession[]>();
    for (const session of sessions) byId.set(session[key], [...(byId.get(session[key]) ?? []), session]);
    return byId;
  });
}

builder.prismaObjectField("Service", "visitingSessions", (t) =>
  t.field({
    type: [VisitingSessionRef],
    description: `Where the service comes out to centres in the coming ${SESSION_HORIZON_DAYS} days (confirmed visits), soonest first. Public.`,
    select: { unitId: true },
    resolve: async (service, _args, context) =>
      ((await sessionsBy(context, "serviceUnitId", service.unitId)) ?? []).map((session) => ({ ...session, perspective: "service" as const })),
  }),
);

builder.prismaObjectField("Centre", "visitingSessions", (t) =>
  t.field({
    type: [VisitingSessionRef],
    description: `Which services come to the centre in the coming ${SESSION_HORIZON_DAYS} days (confirmed visits), soonest first. Public: for the centre card.`,
    resolve: async (centre, _args, context) =>
      ((await sessionsBy(context, "centreId", centre.id)) ?? []).map((session) => ({ ...session, perspective: "centre" as const })),
  }),
);
