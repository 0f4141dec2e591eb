// /administration/vaerested/:centreId — a centre's admins keep its public profile, weekly opening
// hours, holiday policy, exceptions and activities up to date. The server checks every change.
import { useParams } from "wouter";
import { useQuery, type ResultOf } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { ActivitiesEditor } from "./ActivitiesEditor.tsx";
import { AdminPageLoading, BackToAdministration, NotAllowed, SignedInAdminPage } from "./AdminPage.tsx";
import { CentreProfileForm } from "./CentreProfileForm.tsx";
import { CentreAdminQuery } from "./documents.ts";
import { CoreTaskForm } from "../steering/CoreTaskForm.tsx";
import { HolidayPolicyForm } from "./HolidayPolicyForm.tsx";
import { OpeningExceptions } from "./OpeningExceptions.tsx";
import { OpeningHoursEditor } from "./OpeningHoursEditor.tsx";
import { VerificationCard } from "./VerificationCard.tsx";
import "./admin-profile.css";

export type AdminCentre = NonNullable<ResultOf<typeof CentreAdminQuery>["centre"]>;

export function CentreAdminPage() {
  const t = useT();
  return (
    <SignedInAdminPage title={t("adminProfile.centre.title")}>
      <CentreAdminContent />
    </SignedInAdminPage>
  );
}

function CentreAdminContent() {
  const t = useT();
  const { centreId } = useParams<{ centreId: string }>();
  // Every editor's answer holds the Centre or the item it changed, which reloads this query; a
  // new exception or activity does so even when the centre had none yet.
  const { data, loading, error, refetch } = useQuery(CentreAdminQuery, { id: centreId }, { additionalTypenames: ["OpeningException", "Activity"] });
  const centre = data?.centre ?? null;
  useDocumentTitle(centre ? t("adminProfile.centre.titleNamed", { name: centre.name }) : t("adminProfile.centre.title"));

  if (!data) {
    // Retry after a failed load; changes reload through the document cache.
    return <AdminPageLoading title={t("adminProfile.centre.title")} loading={loading} error={error} retry={() => void refetch()} />;
  }
  if (!centre) return <NotAllowed title={t("adminProfile.centre.title")} message={t("adminProfile.centre.notFound")} />;
  if (!data.units.some((unit) => unit.id === centre.unitId)) {
    return <NotAllowed title={t("adminProfile.centre.titleNamed", { name: centre.name })} message={t("adminProfile.centre.notAllowed")} />;
  }

  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.centre.lead")}>{t("adminProfile.centre.titleNamed", { name: centre.name })}</PageHeading>
      <nav aria-label={t("adminProfile.centre.sectionsLabel")} className="admin-sections">
        <ul className="cluster admin-plain-list">
          <li><a href="#bekraeft">{t("adminProfile.verification.title")}</a></li>
          <li><a href="#profil">{t("adminProfile.profile.title")}</a></li>
          <li><a href="#kerneopgave">{t("steering.coreTask.heading")}</a></li>
          <li><a href="#aabningstider">{t("adminProfile.hours.title")}</a></li>
          <li><a href="#helligdage">{t("adminProfile.holidays.title")}</a></li>
          <li><a href="#undtagelser">{t("adminProfile.exceptions.title")}</a></li>
          <li><a href="#aktiviteter">{t("adminProfile.activities.title")}</a></li>
          <li><Link to={`/vaerested/${centre.id}`}>{t("adminProfile.centre.viewPublic")}</Link></li>
          <li><Link to={`/vagter/vaersted/${centre.id}`}>{t("volunteers.rota.link")}</Link></li>
        </ul>
      </nav>
      <div className="stack admin-centre">
        <VerificationCard target={{ centreId: centre.id }} verification={centre} />
        <CentreProfileForm centre={centre} />
        <CoreTaskForm centre={centre} />
        <OpeningHoursEditor centreId={centre.id} periods={centre.openingPeriods} />
        <HolidayPolicyForm centreId={centre.id} centre={centre} />
        <OpeningExceptions centreId={centre.id} exceptions={centre.openingExceptions} />
        <ActivitiesEditor centreId={centre.id} activities={centre.activities} />
      </div>
    </>
  );
}
