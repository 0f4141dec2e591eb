import type { ReactNode } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { useViewer, type Me } from "../accounts/viewer.tsx";

export type ActiveUnit = NonNullable<Me["activeUnit"]>;

/** True when the viewer administers their active unit (sees its access log). */
export function isUnitAdmin(me: Me, unitId: string): boolean {
  return me.memberships.some((membership) => membership.unit.id === unitId && membership.role === "UNIT_ADMIN");
}

/**
 * Handovers belong to units: renders `children` for a signed-in viewer with an active unit, and
 * otherwise says plainly what is missing (with the page's heading, so every page has its h1).
 */
export function RequireUnit({ title, children }: { title: string; children: (unit: ActiveUnit, me: Me) => ReactNode }) {
  const t = useT();
  const { me } = useViewer();
  if (me === undefined) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <LoadingRegion busy />
      </>
    );
  }
  if (me === null) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <Alert title={t("handovers.signedOut.title")}>
          <p>{t("handovers.signedOut.body")}</p>
          <p>
            <Link to="/log-ind">{t("handovers.signedOut.link")}</Link>
          </p>
        </Alert>
      </>
    );
  }
  if (!me.activeUnit) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <Alert title={t("handovers.noUnit.title")}>
          <p>{t("handovers.noUnit.body")}</p>
        </Alert>
      </>
    );
  }
  return <>{children(me.activeUnit, me)}</>;
}
