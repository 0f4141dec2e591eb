// A unit's visit history in its audit view (issue 19): every change of the visits the unit hosts
// or books — who, which unit, when and why — newest first, for the unit's administrators.
import { useState } from "react";
import { graphql, request, useQuery, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

const UnitVisitEventsQuery = graphql(`
  query UnitVisitEvents($unitId: ID!, $first: Int, $after: String) {
    unitVisitEvents(unitId: $unitId, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id type at reason actorName actorUnitName previousStartsAt
          visit { id title startsAt endsAt centreName serviceUnitName }
        }
      }
    }
  }
`);

type VisitEvent = ResultOf<typeof UnitVisitEventsQuery>["unitVisitEvents"]["edges"][number]["node"];
const PAGE_SIZE = 25;

export function VisitAuditTrail({ unitId }: { unitId: string }) {
  const t = useT();
  const { formatDateTime, formatDayAndDate, formatTimeRange } = useFormatters();
  const query = useQuery(UnitVisitEventsQuery, { unitId, first: PAGE_SIZE });
  const [more, setMore] = useState<{ nodes: VisitEvent[]; hasNextPage: boolean; endCursor: string | null | undefined } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const first = query.data?.unitVisitEvents;
  const nodes = [...(first?.edges.map((edge) => edge.node) ?? []), ...(more?.nodes ?? [])];
  const hasNextPage = more ? more.hasNextPage : (first?.pageInfo.hasNextPage ?? false);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const data = await request(UnitVisitEventsQuery, { unitId, first: PAGE_SIZE, after: (more ? more.endCursor : first?.pageInfo.endCursor) ?? null });
      setMore((previous) => ({
        nodes: [...(previous?.nodes ?? []), ...data.unitVisitEvents.edges.map((edge) => edge.node)],
        hasNextPage: data.unitVisitEvents.pageInfo.hasNextPage,
        endCursor: data.unitVisitEvents.pageInfo.endCursor,
      }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section aria-labelledby="visit-audit-heading" className="stack">
      <h2 id="visit-audit-heading">{t("visits.audit.heading")}</h2>
      <p>{t("visits.audit.lead")}</p>
      <LoadingRegion busy={query.loading}>
        {query.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {first && nodes.length === 0 && <p>{t("visits.audit.empty")}</p>}
        {nodes.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="visit-audit-caption" tabIndex={0}>
            <table className="audit-table">
              <caption id="visit-audit-caption">{t("visits.audit.caption", { count: nodes.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("visits.audit.when")}</th>
                  <th scope="col">{t("visits.audit.who")}</th>
                  <th scope="col">{t("visits.audit.visit")}</th>
                  <th scope="col">{t("visits.audit.what")}</th>
                  <th scope="col">{t("visits.audit.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.at)}</td>
                    <td>
                      {event.actorName ?? t("visits.history.system")}
                      {event.actorUnitName && (
                        <>
                          <br />
                          <span className="muted">{event.actorUnitName}</span>
                        </>
                      )}
                    </td>
                    <td>
                      {event.visit.title}
                      <br />
                      <span className="muted">
                        {formatDayAndDate(event.visit.startsAt)} {formatTimeRange(event.visit.startsAt, event.visit.endsAt)} · {event.visit.centreName} · {event.visit.serviceUnitName}
                      </span>
                    </td>
                    <td>
                      {t(`visits.history.${event.type}`)}
                      {event.previousStartsAt && (
                        <>
                          <br />
                          <span className="muted">{t("visits.history.movedFrom", { time: formatDateTime(event.previousStartsAt) })}</span>
                        </>
                      )}
                    </td>
                    <td>{event.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {hasNextPage && (
          <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
            {t("visits.audit.showMore")}
          </Button>
        )}
      </LoadingRegion>
    </section>
  );
}
