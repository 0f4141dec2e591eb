import { useState } from "react";
import { graphql, request, useQuery, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { CONSENT_FIELDS } from "./labels.ts";
import { handoverPath, handoversPaths } from "./paths.ts";
import { joinList } from "./readBack.ts";
import { isUnitAdmin, RequireUnit, type ActiveUnit } from "./RequireUnit.tsx";
import { VisitAuditTrail } from "../visits/VisitAuditTrail.tsx";
import "./handovers.css";

const AuditTrailQuery = graphql(`
  query HandoverAuditTrail($unitId: ID!, $first: Int, $after: String) {
    handoverAuditTrail(unitId: $unitId, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node { id at userName reason fields handoverId handoverCode unit { id name } }
      }
    }
  }
`);

type Access = ResultOf<typeof AuditTrailQuery>["handoverAuditTrail"]["edges"][number]["node"];
const PAGE_SIZE = 25;

export function AuditTrailPage() {
  const t = useT();
  const title = t("handovers.audit.title");
  useDocumentTitle(title);
  return (
    <RequireUnit title={title}>
      {(unit, me) =>
        isUnitAdmin(me, unit.id) ? (
          <AuditTrail unit={unit} title={title} />
        ) : (
          <>
            <PageHeading>{title}</PageHeading>
            <Alert title={t("handovers.audit.adminOnlyTitle")}>
              <p>{t("handovers.audit.adminOnly", { unit: unit.name })}</p>
            </Alert>
          </>
        )
      }
    </RequireUnit>
  );
}

function AuditTrail({ unit, title }: { unit: ActiveUnit; title: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDateTime } = useFormatters();
  const query = useQuery(AuditTrailQuery, { unitId: unit.id, first: PAGE_SIZE });
  const [more, setMore] = useState<{ nodes: Access[]; hasNextPage: boolean; endCursor: string | null | undefined } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);

  const first = query.data?.handoverAuditTrail;
  const nodes = [...(first?.edges.map((edge) => edge.node) ?? []), ...(more?.nodes ?? [])];
  const hasNextPage = more ? more.hasNextPage : (first?.pageInfo.hasNextPage ?? false);
  const endCursor = more ? more.endCursor : first?.pageInfo.endCursor;

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      const data = await request(AuditTrailQuery, { unitId: unit.id, first: PAGE_SIZE, after: endCursor ?? null });
      setMore((previous) => ({
        nodes: [...(previous?.nodes ?? []), ...data.handoverAuditTrail.edges.map((edge) => edge.node)],
        hasNextPage: data.handoverAuditTrail.pageInfo.hasNextPage,
        endCursor: data.handoverAuditTrail.pageInfo.endCursor,
      }));
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <p className="back-link">
        <Link to={handoversPaths.handovers}>{t("handovers.details.backToInbox")}</Link>
      </p>
      <PageHeading lead={t("handovers.audit.lead", { unit: unit.name })}>{title}</PageHeading>
      {query.error && (
        <Alert tone="error" title={t("handovers.audit.loadFailed")}>
          <p>{query.error.kind === "network" ? t("errors.network") : t("errors.unexpected")}</p>
        </Alert>
      )}
      <LoadingRegion busy={query.loading} label={t("handovers.audit.loading")}>
        {first && nodes.length === 0 && (
          <EmptyState title={t("handovers.audit.emptyTitle")}>
            <p>{t("handovers.audit.emptyBody")}</p>
          </EmptyState>
        )}
        {nodes.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="audit-table">
              <caption id="audit-caption">{t("handovers.audit.caption", { count: nodes.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("handovers.audit.when")}</th>
                  <th scope="col">{t("handovers.audit.who")}</th>
                  <th scope="col">{t("handovers.audit.handover")}</th>
                  <th scope="col">{t("handovers.audit.fields")}</th>
                  <th scope="col">{t("handovers.audit.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((access) => (
                  <tr key={access.id}>
                    <td>{formatDateTime(access.at)}</td>
                    <td>
                      {access.userName}
                      <br />
                      <span className="muted">{access.unit.name}</span>
                    </td>
                    <td>
                      <Link to={handoverPath(access.handoverId)} className="mono">
                        {access.handoverCode}
                      </Link>
                    </td>
                    <td>
                      {access.fields.length > 0
                        ? joinList(
                            CONSENT_FIELDS.filter((field) => access.fields.includes(field)).map((field) => t(`handovers.consentField.${field}`)),
                            language,
                          )
                        : t("handovers.audit.noFields")}
                    </td>
                    <td>{access.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {moreFailed && (
          <Alert tone="error">
            <p>{t("errors.network")}</p>
          </Alert>
        )}
        {hasNextPage && (
          <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
            {t("handovers.audit.showMore")}
          </Button>
        )}
      </LoadingRegion>
      {(unit.kind === "CENTRE" || unit.kind === "SERVICE") && <VisitAuditTrail unitId={unit.id} />}
    </>
  );
}
