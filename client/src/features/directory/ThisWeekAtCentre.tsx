import { graphql, requestErrorMessage, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// Its own query, so the centre page still shows everything else if the visits module fails.
export const ThisWeekQuery = graphql(`
  query ThisWeekAtCentre($centreId: ID!) {
    centre(id: $centreId) { id visitingSessions { serviceUnitId weekday startMinute count textDa textEn } }
    thisWeekAtCentre(centreId: $centreId) {
      id
      title
      publicDescription
      startsAt
      endsAt
      serviceUnitName
      space { id name }
    }
  }
`);

export function useThisWeek(centreId: string) {
  return useQuery(ThisWeekQuery, { centreId });
}

type Visits = NonNullable<ReturnType<typeof useThisWeek>["data"]>["thisWeekAtCentre"];
type Sessions = NonNullable<NonNullable<ReturnType<typeof useThisWeek>["data"]>["centre"]>["visitingSessions"];

/** "Jobafklaring: tirsdage 10:00–12:00" — the services that come to the centre in the coming weeks. */
export function VisitingSessions({ sessions }: { sessions: Sessions }) {
  const { language } = useLanguage();
  return (
    <ul className="plain-list">
      {sessions.map((session) => (
        <li key={`${session.serviceUnitId}-${session.weekday}-${session.startMinute}`}>{language === "da" ? session.textDa : session.textEn}</li>
      ))}
    </ul>
  );
}

export function VisitList({ visits, compact = false }: { visits: Visits; compact?: boolean }) {
  const t = useT();
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  return (
    <ul className={compact ? undefined : "plain-list stack"}>
      {visits.map((visit) => (
        <li key={visit.id}>
          <span className="visit__when">
            {formatDayAndDate(visit.startsAt)} {formatTimeRange(visit.startsAt, visit.endsAt)}
          </span>
          {": "}
          {visit.title}
          {!compact && (
            <>
              <br />
              <span className="meta">{t("directory.centre.thisWeekService", { service: visit.serviceUnitName, space: visit.space.name })}</span>
              {visit.publicDescription && (
                <>
                  <br />
                  {visit.publicDescription}
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ThisWeekAtCentre({ centreId }: { centreId: string }) {
  const t = useT();
  const { data, loading, error, refetch } = useThisWeek(centreId);
  return (
    <section aria-labelledby="this-week-title">
      <h2 id="this-week-title">{t("directory.centre.thisWeek")}</h2>
      <p className="meta">{t("directory.centre.thisWeekLead")}</p>
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
        {data && data.thisWeekAtCentre.length === 0 && <p>{t("directory.centre.thisWeekEmpty")}</p>}
        {data && data.thisWeekAtCentre.length > 0 && <VisitList visits={data.thisWeekAtCentre} />}
        {data?.centre && data.centre.visitingSessions.length > 0 && (
          <>
            <h3>{t("directory.centre.visitingSessions")}</h3>
            <p className="meta">{t("directory.centre.visitingSessionsLead")}</p>
            <VisitingSessions sessions={data.centre.visitingSessions} />
          </>
        )}
      </LoadingRegion>
    </section>
  );
}
