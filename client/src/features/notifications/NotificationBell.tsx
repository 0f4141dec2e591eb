// "Beskeder (3)" in the header for signed-in users: a link to the list with the unread count,
// refreshed on every navigation.
import { useEffect } from "react";
import { useLocation } from "wouter";
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { UnreadNotificationCountQuery } from "./documents.ts";
import { notificationsPaths } from "./paths.ts";
import "./notifications.css";

export function NotificationBell() {
  const t = useT();
  const { me } = useViewer();
  const [pathname] = useLocation();
  const signedIn = Boolean(me);
  const { data, refetch } = useQuery(UnreadNotificationCountQuery, {}, { skip: !signedIn, additionalTypenames: ["Notification"] });
  // Notifications arrive from others' actions, which no answer of ours reports: ask on navigation.
  useEffect(() => {
    if (signedIn) void refetch();
  }, [pathname, signedIn, refetch]);
  if (!signedIn) return null;
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    // The name comes from the content (no aria-label), so the spoken name contains the visible
    // text: "Beskeder, 3 ulæste" while the eye sees "Beskeder 3".
    <Link to={notificationsPaths.notifications} className="notification-bell">
      {/* The link is a flex box: the comma sits inside the first item, so the name reads
          "Beskeder, 3 ulæste" and not "Beskeder , 3 ulæste". */}
      <span>
        {t("notifications.bell")}
        {unread > 0 && <span className="visually-hidden">,</span>}
      </span>
      {unread > 0 && (
        <span className="notification-bell__count">
          {unread}
          <span className="visually-hidden"> {t("notifications.bellUnreadWord", { count: unread })}</span>
        </span>
      )}
    </Link>
  );
}
