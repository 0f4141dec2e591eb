import { Fragment } from "react";
import { useParams } from "wouter";
import { graphql, requestErrorMessage, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useCentreDetails } from "./centreQuery.ts";
import { weekdayName } from "./labels.ts";
import { termName } from "./taxonomy.ts";
import { DayPeriods } from "./OpeningHours.tsx";
import { SafetyNetPanel } from "./SafetyNetPanel.tsx";
import { useThisWeek, VisitingSessions, VisitList } from "./ThisWeekAtCentre.tsx";
import "./directory.css";

// "Never a dead end" (issue 18): is anything in the directory open right now? When not, the
// card carries the always-open safety net, so the citizen leaves with a number to call tonight.
const NothingOpenQuery = graphql(`
  query CentreCardNothingOpen {
    centres(filter: { openPreset: NOW }, first: 1) { nothingOpenNow }
  }
`);

const CentreShortLinkQuery = graphql(`
  query CentreShortLink($id: ID!) {
    centre(id: $id) { id shortLink shortLinkQrSvg }
  }
`);

// What fits one A5 page next to the hours and the QR code.
const CARD_ACTIVITIES = 3;
const CARD_VISITS = 3;

/**
 * /vaerested/:id/kort – the card a citizen takes home: name, address, hours, what happens
 * there, who to ask for and this week. It holds nothing about the citizen.
 */
export function CentreCardPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, refetch } = useCentreDetails(id);
  const thisWeek = useThisWeek(id);
  const shortLink = useQuery(CentreShortLinkQuery, { id });
  const nothingOpen = useQuery(NothingOpenQuery, {}).data?.centres.nothingOpenNow ?? false;
  const centre = data?.centre;
  useDocumentTitle(centre ? t("directory.card.title", { name: centre.name }) : t("directory.centre.loading"));

  if (!centre) {
    return (
      <>
        <PageHeading>{loading || error ? t("directory.centre.loading") : t("directory.centre.notFound")}</PageHeading>
        <LoadingRegion busy={loading} />
        {error && (
          <Alert tone="error">
            <p>{t("directory.centre.loadFailed", { message: requestErrorMessage(error, t) })}</p>
            {/* Retry after a failed load; changes reload through the document cache. */}
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {!loading && !error && (
          <EmptyState title={t("directory.centre.notFoundBody")} action={<Link to="/soeg">{t("directory.centre.backToSearch")}</Link>} />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeading lead={t("directory.card.lead")}>{t("directory.card.title", { name: centre.name })}</PageHeading>
      <div className="cluster no-print centre-page__actions">
        <Button onClick={() => window.print()}>{t("directory.card.print")}</Button>
        <Link to={`/vaerested/${centre.id}`}>{t("directory.card.back", { name: centre.name })}</Link>
      </div>
      <CentreCard
        centre={centre}
        link={shortLink.data?.centre ?? null}
        visits={(thisWeek.data?.thisWeekAtCentre ?? []).filter((visit) => Date.parse(visit.endsAt) > Date.now()).slice(0, CARD_VISITS)}
        sessions={(thisWeek.data?.centre?.visitingSessions ?? []).slice(0, CARD_VISITS)}
        nothingOpen={nothingOpen}
      />
    </>
  );
}

type Centre = NonNullable<NonNullable<ReturnType<typeof useCentreDetails>["data"]>["centre"]>;
type Visits = NonNullable<ReturnType<typeof useThisWeek>["data"]>["thisWeekAtCentre"];
type Sessions = NonNullable<NonNullable<ReturnType<typeof useThisWeek>["data"]>["centre"]>["visitingSessions"];

type ShortLink = { shortLink: string; shortLinkQrSvg: string } | null;

function CentreCard({
  centre,
  link,
  visits,
  sessions,
  nothingOpen,
}: {
  centre: Centre;
  link: ShortLink;
  visits: Visits;
  sessions: Sessions;
  nothingOpen: boolean;
}) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  // Printed without the scheme: shorter to type, and every browser adds it.
  const pageUrl = (link?.shortLink ?? `${window.location.origin}/vaerested/${centre.id}`).replace(/^https?:\/\//, "");
  const activities = centre.activities.slice(0, CARD_ACTIVITIES);
  return (
    <Card as="article" printable className="centre-card" title={centre.name} headingLevel={2}>
      <p>{centre.description}</p>
      {centre.isAnonymousWelcome && <p>{t("directory.card.anonymous")}</p>}

      <h3>{t("directory.card.address")}</h3>
      <p>
        {centre.street}, {centre.postalCode} {centre.city}
        {centre.phone && (
          <>
            <br />
            {t("directory.card.phone")}: {centre.phone}
          </>
        )}
      </p>

      <h3>{t("directory.card.hours")}</h3>
      <dl className="centre-card__hours">
        {centre.openingHours.map((day) => (
          <Fragment key={day.weekday}>
            <dt>{weekdayName(t, day.weekday)}</dt>
            <dd>
              <DayPeriods day={day} />
            </dd>
          </Fragment>
        ))}
      </dl>

      <h3>{t("directory.card.what")}</h3>
      <p>{centre.offerTerms.map((offer) => termName(offer, language)).join(", ")}</p>
      {activities.length > 0 && (
        <ul>
          {activities.map((activity) => (
            <li key={activity.id}>
              {activity.title} – {language === "da" ? activity.whenDa : activity.whenEn}
            </li>
          ))}
        </ul>
      )}

      {centre.askFor && (
        <>
          <h3>{t("directory.card.askFor")}</h3>
          <p>{centre.askFor}</p>
        </>
      )}

      {sessions.length > 0 && (
        <>
          <h3>{t("directory.card.visitingServices")}</h3>
          <VisitingSessions sessions={sessions} />
        </>
      )}

      {visits.length > 0 && (
        <>
          <h3>{t("directory.card.thisWeek")}</h3>
          <VisitList visits={visits} compact />
        </>
      )}

      {nothingOpen && <SafetyNetPanel headingLevel={3} />}

      <div className="centre-card__footer">
        {link && (
          // The SVG comes from our own server (a QR code of the short link); it carries no script.
          <div className="centre-card__qr" role="img" aria-label={t("directory.card.qrLabel", { link: pageUrl })} dangerouslySetInnerHTML={{ __html: link.shortLinkQrSvg }} />
        )}
        <p>
          {t("directory.card.moreAt")} <strong className="centre-card__link">{pageUrl}</strong>
          <br />
          {t("directory.card.printedOn", { date: formatDate(new Date()) })}
        </p>
      </div>
    </Card>
  );
}
