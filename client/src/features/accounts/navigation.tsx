// The main menu for the viewer's roles: only the places they can use, so there are no dead links.
import { useEffect, type ReactNode } from "react";
import { useLocation } from "wouter";
import { graphql, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { rememberSection, viewerRoles } from "./roles.ts";
import { useViewer } from "./viewer.tsx";

const HandoverUnreadCountsQuery = graphql(`
  query HandoverUnreadCounts {
    handoverUnreadCounts {
      receivedUnread
      sentUnread
      unit { id }
    }
  }
`);

/** Unread received and sent handovers over all the viewer's units; refreshed on every navigation. */
function useUnreadHandovers(enabled: boolean): number {
  const [pathname] = useLocation();
  const { data, refetch } = useQuery(HandoverUnreadCountsQuery, {}, { skip: !enabled });
  // Others' handovers change the counts, and no answer of ours reports that: ask on navigation.
  useEffect(() => {
    if (enabled) void refetch();
  }, [pathname, enabled, refetch]);
  if (!enabled || !data) return 0;
  return data.handoverUnreadCounts.reduce((sum, count) => sum + count.receivedUnread + count.sentUnread, 0);
}

export function useNavigation(): { items: ReactNode[]; unread: number } {
  const t = useT();
  const { me } = useViewer();
  const roles = viewerRoles(me);
  const unread = useUnreadHandovers(roles.worksInUnit);
  const [pathname] = useLocation();
  const userId = me?.user.id;
  useEffect(() => {
    if (userId) rememberSection(userId, pathname);
  }, [userId, pathname]);

  const items: ReactNode[] = [
    <Link key="search" to="/soeg" matchSubpaths>
      {t("nav.search")}
    </Link>,
    // The area calendar is public: meals, activities and visiting services at every centre.
    <Link key="calendar" to="/kalender">
      {t("calendar.nav")}
    </Link>,
  ];
  if (roles.worksInUnit) {
    items.push(
      <Link key="handovers" to="/overleveringer" matchSubpaths>
        {t("nav.handovers")}
        {unread > 0 && (
          <span className="nav-count">
            {/* The comma keeps the link's spoken name apart: "Overleveringer, 6 ulæste". */}
            <span className="visually-hidden">, </span>
            {t("accounts.nav.unreadHandovers", { count: unread })}
          </span>
        )}
      </Link>,
      <Link key="visits" to="/besoeg" matchSubpaths>
        {t("nav.visits")}
      </Link>,
    );
  }
  if (roles.isVolunteer || roles.isCentreStaff) {
    items.push(
      <Link key="shifts" to="/vagter" matchSubpaths>
        {t("volunteers.nav")}
      </Link>,
    );
  }
  // The coordinator works in no unit but sees the centres' open wishes across the area on /besoeg.
  if (roles.isCoordinator && !roles.worksInUnit) {
    items.push(
      <Link key="visits" to="/besoeg" matchSubpaths>
        {t("nav.visits")}
      </Link>,
    );
  }
  if (roles.isCoordinator || roles.isStrategicGroup) {
    items.push(
      <Link key="overview" to="/overblik" matchSubpaths>
        {t("nav.overview")}
      </Link>,
    );
  }
  // Organisation admins keep their organisation's initiatives in the catalogue.
  if (roles.isCoordinator || roles.isStrategicGroup || (me?.administeredOrganisations.length ?? 0) > 0) {
    items.push(
      <Link key="initiatives" to="/initiativer" matchSubpaths>
        {t("steering.nav")}
      </Link>,
    );
  }
  if (roles.isCoordinator) {
    items.push(
      <Link key="ideas" to="/ideer">
        {t("steering.ideas.nav")}
      </Link>,
    );
  }
  if (roles.isAdmin) {
    items.push(
      <Link key="admin" to="/administration" matchSubpaths>
        {t("accounts.nav.admin")}
      </Link>,
    );
  }
  if (me === null) {
    items.push(
      <Link key="sign-in" to="/log-ind">
        {t("nav.signIn")}
      </Link>,
    );
  }
  return { items, unread };
}
