// Who may see which notification data: the in-app list is the viewer's own; failed deliveries
// of a unit are for those who administer it (declared as the unitAdmin scope on the fields).
import type { Prisma as Db } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";

export function notificationWhereOwnedBy(viewer: Viewer): Db.NotificationWhereInput {
  return { userId: viewer.userId };
}
