// /overleveringer/aabne: open requests to a group the active unit belongs to ("any housing-support
// team near Fjordby Centrum"). Before a unit takes one it sees only coded facts; the first unit
// to take it becomes the recipient and opens the handover.
import { useState } from "react";
import { useLocation } from "wouter";
import { graphql, MutationErrorFields, requestErrorMessage, useMutationResult, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { handoverPath, handoversPaths } from "./paths.ts";
import { joinList } from "./readBack.ts";
import { RequireUnit, type ActiveUnit } from "./RequireUnit.tsx";
import "./handovers.css";

const ClaimableQuery = graphql(`
  query ClaimableHandoverRequests($unitId: ID!) {
    claimableHandoverRequests(unitId: $unitId) {
      handoverId helpCategories urgency sentAt expiresAt fromUnitName serviceKind areaName
    }
  }
`);

const ClaimMutation = graphql(
  `
    mutation ClaimHandoverRequest($input: ClaimHandoverRequestInput!) {
      claimHandoverRequest(input: $input) {
        __typename
        ... on ClaimHandoverRequestSuccess { data { id } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export function OpenRequestsPage() {
  const t = useT();
  useDocumentTitle(t("handovers.open.title"));
  return <RequireUnit title={t("handovers.open.title")}>{(unit) => <OpenRequests unit={unit} />}</RequireUnit>;
}

function OpenRequests({ unit }: { unit: ActiveUnit }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDateTime } = useFormatters();
  const [, navigate] = useLocation();
  const query = useQuery(ClaimableQuery, { unitId: unit.id });
  // When someone else was first, the error names no type: the list reloads by its type's name.
  const claim = useMutationResult(ClaimMutation, "ClaimHandoverRequestSuccess", { additionalTypenames: ["ClaimableHandoverRequest"] });
  const [claiming, setClaiming] = useState<string | null>(null);
  const requests = query.data?.claimableHandoverRequests ?? [];

  const take = async (handoverId: string) => {
    setClaiming(handoverId);
    const outcome = await claim.run({ input: { handoverId, unitId: unit.id } });
    setClaiming(null);
    if (outcome.ok) navigate(handoverPath(outcome.value.data.id));
  };

  return (
    <>
      <p className="back-link">
        <Link to={handoversPaths.handovers}>{t("handovers.details.backToInbox")}</Link>
      </p>
      <PageHeading lead={t("handovers.open.lead", { unit: unit.name })}>{t("handovers.open.title")}</PageHeading>
      <div role="status">
        {claim.error && (
          <Alert tone="error" title={t("handovers.open.claimFailed")}>
            <p>{claim.error.message}</p>
          </Alert>
        )}
      </div>
      {query.error && (
        <Alert tone="error" title={t("handovers.open.loadFailed")}>
          <p>{requestErrorMessage(query.error, t)}</p>
        </Alert>
      )}
      <LoadingRegion busy={query.loading}>
        {!query.loading && !query.error && requests.length === 0 && <EmptyState title={t("handovers.open.empty")} headingLevel={2} />}
        {requests.length > 0 && (
          <ul className="handover-list open-requests">
            {requests.map((request, index) => (
              <li key={request.handoverId} className="handover-item">
                <div className="handover-item__main">
                  <h2 className="handover-item__title" id={`open-request-${index}`}>
                    {t("handovers.open.item", { kind: t(`handovers.serviceKind.${request.serviceKind}`), area: request.areaName })}
                  </h2>
                  <p>{t("handovers.open.help", { help: joinList(request.helpCategories.map((category) => t(`handovers.help.${category}`)), language) })}</p>
                  <p className="handover-item__meta">
                    {t("handovers.open.from", { unit: request.fromUnitName, date: request.sentAt ? formatDateTime(request.sentAt) : "–" })}
                    {request.expiresAt && (
                      <>
                        {" · "}
                        {t("handovers.open.expires", { date: formatDateTime(request.expiresAt) })}
                      </>
                    )}
                  </p>
                  <Button busy={claiming === request.handoverId} disabled={claiming !== null} onClick={() => void take(request.handoverId)} aria-describedby={`open-request-${index}`}>
                    {t("handovers.open.claim")}
                  </Button>
                </div>
                {request.urgency === "HIGH" && <Badge tone="warning">{t("handovers.urgency.HIGH")}</Badge>}
              </li>
            ))}
          </ul>
        )}
      </LoadingRegion>
    </>
  );
}
