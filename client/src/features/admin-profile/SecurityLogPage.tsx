// /administration/sikkerhedslog — sign-ins, lockouts and account changes for organisation and
// platform admins: when, what, who and from where, newest first, page by page.
import { useState } from "react";
import { requestErrorMessage, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { BackToAdministration, NotAllowed, SignedInAdminPage } from "./AdminPage.tsx";
import { SecurityEventsQuery } from "./documents.ts";
import "./admin-profile.css";

const PAGE_SIZE = 25;

export function SecurityLogPage() {
  const t = useT();
  useDocumentTitle(t("adminProfile.log.title"));
  return (
    <SignedInAdminPage title={t("adminProfile.log.title")}>
      <SecurityLogContent />
    </SignedInAdminPage>
  );
}

function SecurityLogContent() {
  const t = useT();
  const { me } = useViewer();
  const organisations = me?.administeredOrganisations ?? [];
  const [organisationId, setOrganisationId] = useState("");
  // Cursors of the pages before the current one; the last entry is the current page's `after`.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const allowed = (me?.isPlatformAdmin ?? false) || organisations.length > 0;
  const { data, loading, error, refetch } = useQuery(SecurityEventsQuery, { first: PAGE_SIZE, after, organisationId: organisationId || null }, { skip: !allowed });
  const { formatDateTime } = useFormatters();

  if (!allowed) return <NotAllowed title={t("adminProfile.log.title")} message={t("adminProfile.log.notAllowed")} />;
  const events = data?.securityEvents.edges.map((edge) => edge.node) ?? [];
  const pageNumber = cursors.length;

  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.log.lead")}>{t("adminProfile.log.title")}</PageHeading>
      {organisations.length > 1 && (
        <SelectField
          label={t("adminProfile.log.organisation")}
          className="admin-row__medium"
          placeholder={t("adminProfile.log.allOrganisations")}
          options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          value={organisationId}
          onChange={(event) => {
            setOrganisationId(event.target.value);
            setCursors([null]);
          }}
        />
      )}
      <LoadingRegion busy={loading}>
        {error && (
          <Alert tone="error">
            <p>{t("adminProfile.log.loadFailed", { message: requestErrorMessage(error, t) })}</p>
            {/* Retry after a failed load; changes reload through the document cache. */}
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {data && events.length === 0 && <EmptyState title={t("adminProfile.log.empty")} />}
        {events.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="security-log-caption">
            <table className="admin-log">
              <caption id="security-log-caption">{t("adminProfile.log.caption", { page: pageNumber })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("adminProfile.log.when")}</th>
                  <th scope="col">{t("adminProfile.log.what")}</th>
                  <th scope="col">{t("adminProfile.log.who")}</th>
                  <th scope="col">{t("adminProfile.log.concerning")}</th>
                  <th scope="col">{t("adminProfile.log.from")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.at)}</td>
                    <th scope="row">
                      {t(`adminProfile.event.${event.kind}`)}
                      {event.detail && <span className="admin-log__detail"> ({event.detail})</span>}
                      {event.unit && <span className="admin-log__detail"> – {event.unit.name}</span>}
                    </th>
                    <td>{event.actor?.name ?? t("adminProfile.log.unknownActor")}</td>
                    <td>{event.target?.name ?? (event.kind === "LOGIN_FAILED" ? t("adminProfile.log.unknownAccount") : "–")}</td>
                    <td>{event.ip ?? t("adminProfile.log.noIp")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label={t("adminProfile.log.pagination")} className="cluster admin-pagination">
          {cursors.length > 1 && (
            <Button variant="secondary" onClick={() => setCursors((previous) => previous.slice(0, -1))}>
              {t("adminProfile.log.previous")}
            </Button>
          )}
          <span>{t("adminProfile.log.page", { page: pageNumber })}</span>
          {data?.securityEvents.pageInfo.hasNextPage && (
            <Button variant="secondary" onClick={() => setCursors((previous) => [...previous, data.securityEvents.pageInfo.endCursor ?? null])}>
              {t("adminProfile.log.next")}
            </Button>
          )}
        </nav>
      </LoadingRegion>
    </>
  );
}
