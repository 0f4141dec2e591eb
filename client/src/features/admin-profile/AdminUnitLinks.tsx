// On /administration: for each unit the viewer administers, the way to its members and to the
// centre's or service's own profile; and the security log for organisation and platform admins.
import { requestErrorMessage, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { AdministeredUnitsQuery } from "./documents.ts";
import { adminProfilePaths } from "./paths.ts";
import "./admin-profile.css";

export function AdminUnitLinks() {
  const t = useT();
  const { me } = useViewer();
  const { data, loading, error, refetch } = useQuery(AdministeredUnitsQuery);
  const mayReadLog = (me?.isPlatformAdmin ?? false) || (me?.administeredOrganisations.length ?? 0) > 0;
  const units = [...(data?.units ?? [])].sort((a, b) => a.name.localeCompare(b.name, "da"));

  return (
    <section aria-labelledby="admin-units-title" className="admin-units">
      <h2 id="admin-units-title">{t("adminProfile.links.title")}</h2>
      {mayReadLog && (
        <p>
          <Link to={adminProfilePaths.securityLog}>{t("adminProfile.links.securityLog")}</Link>
        </p>
      )}
      {me?.isPlatformAdmin && (
        <>
          <p>
            <Link to={adminProfilePaths.taxonomy}>{t("adminProfile.links.taxonomy")}</Link>
          </p>
          <p>
            <Link to={adminProfilePaths.signposting}>{t("adminProfile.links.signposting")}</Link>
          </p>
        </>
      )}
      <LoadingRegion busy={loading}>
        {error && (
          <Alert tone="error">
            <p>{requestErrorMessage(error, t)}</p>
            {/* Retry after a failed load; changes reload through the document cache. */}
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {data && units.length === 0 && <p>{t("adminProfile.links.none")}</p>}
        {units.length > 0 && (
          <ul className="admin-units__list">
            {units.map((unit) => {
              const centreId = unit.centre?.id;
              const serviceId = unit.service?.id;
              return (
                <li key={unit.id} className="admin-units__item">
                  <h3 className="admin-units__name">{unit.name}</h3>
                  <p className="admin-units__org">{unit.organisation.name}</p>
                  <ul className="admin-plain-list">
                    <li>
                      <Link to={`/administration/enhed/${unit.id}`}>
                        {t("adminProfile.links.members")}
                        <span className="visually-hidden"> – {unit.name}</span>
                      </Link>
                    </li>
                    {centreId && (
                      <li>
                        <Link to={`/administration/vaerested/${centreId}`}>
                          {t("adminProfile.links.centre")}
                          <span className="visually-hidden"> – {unit.name}</span>
                        </Link>
                      </li>
                    )}
                    {serviceId && (
                      <li>
                        <Link to={`/administration/tilbud/${serviceId}`}>
                          {t("adminProfile.links.service")}
                          <span className="visually-hidden"> – {unit.name}</span>
                        </Link>
                      </li>
                    )}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </LoadingRegion>
    </section>
  );
}
