import { lazy, Suspense, useState } from "react";
import { useParams } from "wouter";
import { CoreTask } from "../steering/CoreTask.tsx";
import { requestErrorMessage } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { viewerRoles } from "../accounts/roles.ts";
import { useViewer } from "../accounts/viewer.tsx";
import { useCentreDetails } from "./centreQuery.ts";
import { ageRange, languageName } from "./labels.ts";
import { termName } from "./taxonomy.ts";
import { OpenElsewhere } from "./OpenElsewhere.tsx";
import { OpeningHoursTable } from "./OpeningHours.tsx";
import { OpeningStatusBadge } from "./OpeningStatusBadge.tsx";
import { ThisWeekAtCentre } from "./ThisWeekAtCentre.tsx";
import { CentreVolunteerNotices } from "../volunteers/CentreVolunteerNotices.tsx";
import "./directory.css";

// why: raising an idea is a small part of the page; it loads after the rest, outside the first bundle.
const CentreIdeas = lazy(() => import("../steering/CentreIdeas.tsx").then((module) => ({ default: module.CentreIdeas })));

type Centre = NonNullable<NonNullable<ReturnType<typeof useCentreDetails>["data"]>["centre"]>;

/** /vaerested/:id – everything a citizen needs to walk in. */
export function CentrePage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, refetch } = useCentreDetails(id);
  const centre = data?.centre;
  useDocumentTitle(centre?.name ?? (data ? t("directory.centre.notFound") : t("directory.centre.loading")));

  if (loading && !data) {
    return (
      <>
        <PageHeading>{t("directory.centre.loading")}</PageHeading>
        <LoadingRegion busy />
      </>
    );
  }
  if (error && !data) {
    return (
      <>
        <PageHeading>{t("directory.centre.loading")}</PageHeading>
        <Alert tone="error">
          <p>{t("directory.centre.loadFailed", { message: requestErrorMessage(error, t) })}</p>
          {/* Retry after a failed load; changes reload through the document cache. */}
          <Button variant="secondary" onClick={() => void refetch()}>
            {t("common.retry")}
          </Button>
        </Alert>
      </>
    );
  }
  if (!centre) {
    return (
      <>
        <PageHeading>{t("directory.centre.notFound")}</PageHeading>
        <EmptyState title={t("directory.centre.notFoundBody")} action={<Link to="/soeg">{t("directory.centre.backToSearch")}</Link>} />
      </>
    );
  }
  return <CentreDetails centre={centre} />;
}

function CentreDetails({ centre }: { centre: Centre }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate } = useFormatters();
  const mapUrl = `https://www.openstreetmap.org/?mlat=${centre.latitude}&mlon=${centre.longitude}#map=17/${centre.latitude}/${centre.longitude}`;
  const directionsUrl = `https://www.openstreetmap.org/directions?to=${centre.latitude}%2C${centre.longitude}`;

  return (
    <div className="centre-page">
      <PageHeading lead={centre.description}>{centre.name}</PageHeading>
      <p className="centre-page__status">
        <OpeningStatusBadge status={centre.openingStatus} />
        {centre.openingStatus.isOpen && centre.openingStatus.staffing === "VOLUNTEERS" && (
          <>
            {" "}
            <Badge tone="info">{t("directory.status.volunteers")}</Badge>
          </>
        )}
      </p>
      <CentreActions centre={centre} />

      {!centre.openingStatus.isOpen && <OpenElsewhere centreId={centre.id} centreName={centre.name} />}

      <div className="centre-page__columns">
        <div>
          <section aria-labelledby="find-us-title">
            <h2 id="find-us-title">{t("directory.centre.findUs")}</h2>
            <address>
              {centre.street}
              <br />
              {centre.postalCode} {centre.city}
            </address>
            <ul className="plain-list">
              <li>
                <a href={directionsUrl}>{t("directory.centre.directions")}</a>
              </li>
              <li>
                <a href={mapUrl}>{t("directory.centre.mapLink", { name: centre.name })}</a>
              </li>
            </ul>
            {centre.askFor && (
              <>
                <h3>{t("directory.centre.askFor")}</h3>
                <p>{centre.askFor}</p>
              </>
            )}
            {centre.isAnonymousWelcome && <p>{t("directory.centre.anonymous")}</p>}
          </section>

          <CoreTask coreTask={centre.coreTask} guidingPrinciples={centre.guidingPrinciples} />

          <section aria-labelledby="hours-title">
            <h2 id="hours-title">{t("directory.centre.openingHours")}</h2>
            <OpeningHoursTable days={centre.openingHours} caption={t("directory.centre.openingHours")} />
            <h3>{t("directory.centre.exceptions")}</h3>
            {centre.upcomingExceptions.length === 0 ? (
              <p>{t("directory.centre.noExceptions")}</p>
            ) : (
              <ul className="plain-list stack">
                {centre.upcomingExceptions.map((day) => (
                  <li key={`${day.date}-${day.kind}`}>
                    <span className="activity__when">{formatDayAndDate(day.date)}</span>
                    {" – "}
                    {language === "da" ? day.nameDa : day.nameEn}: {language === "da" ? day.hoursDa : day.hoursEn}
                    {day.reason && <span className="meta"> ({day.reason})</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="what-title">
            <h2 id="what-title">{t("directory.centre.whatHappens")}</h2>
            <h3>{t("directory.centre.offers")}</h3>
            <ul>
              {centre.offerTerms.map((offer) => (
                <li key={offer.code}>{termName(offer, language)}</li>
              ))}
            </ul>
            <h3>{t("directory.centre.activities")}</h3>
            {centre.activities.length === 0 ? (
              <p>{t("directory.centre.noActivities")}</p>
            ) : (
              <ul className="plain-list stack">
                {centre.activities.map((activity) => (
                  <li key={activity.id}>
                    <strong>{activity.title}</strong> – <span className="activity__when">{language === "da" ? activity.whenDa : activity.whenEn}</span>
                    {activity.location === "OFF_SITE" && activity.place && (
                      <>
                        <br />
                        {t("directory.centre.activityOffSite", { place: activity.place })}
                      </>
                    )}
                    {activity.location === "LOCATION_LESS" && (
                      <>
                        <br />
                        {t("directory.centre.activityLocationLess", { place: activity.place ?? "" })}
                      </>
                    )}
                    {activity.description && (
                      <>
                        <br />
                        <span className="meta">{activity.description}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <CentreVolunteerNotices centreId={centre.id} />
          <ThisWeekAtCentre centreId={centre.id} />
          <Suspense fallback={null}>
            <CentreIdeas centreId={centre.id} unitId={centre.unitId} />
          </Suspense>
        </div>

        <div>
          <section aria-labelledby="contact-title">
            <h2 id="contact-title">{t("directory.centre.contact")}</h2>
            <dl>
              {centre.phone && (
                <>
                  <dt>{t("directory.centre.phone")}</dt>
                  <dd>
                    <a href={`tel:${centre.phone.replace(/\s/g, "")}`}>{centre.phone}</a>
                  </dd>
                </>
              )}
              {centre.email && (
                <>
                  <dt>{t("directory.centre.email")}</dt>
                  <dd>
                    <a href={`mailto:${centre.email}`}>{centre.email}</a>
                  </dd>
                </>
              )}
              {centre.website && (
                <>
                  <dt>{t("directory.centre.website")}</dt>
                  <dd>
                    <a href={centre.website}>{centre.website}</a>
                  </dd>
                </>
              )}
            </dl>
            <p className="meta">{t("directory.centre.operatedBy", { name: centre.operator.name })}</p>
          </section>

          <section aria-labelledby="for-title">
            <h2 id="for-title">{t("directory.centre.targetGroups")}</h2>
            <ul>
              {centre.targetGroupTerms.map((group) => (
                <li key={group.code}>{termName(group, language)}</li>
              ))}
            </ul>
            {(centre.minAge != null || centre.maxAge != null) && (
              <p>{t("directory.centre.ages", { ages: ageRange(t, centre.minAge, centre.maxAge) })}</p>
            )}
          </section>

          <section aria-labelledby="accessibility-title">
            <h2 id="accessibility-title">{t("directory.centre.accessibilityTitle")}</h2>
            {centre.accessibility.length === 0 ? (
              <p>{t("directory.centre.noAccessibility")}</p>
            ) : (
              <ul>
                {centre.accessibility.map((feature) => (
                  <li key={feature}>{t(`directory.accessibility.${feature}`)}</li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="languages-title">
            <h2 id="languages-title">{t("directory.centre.languages")}</h2>
            <p>{centre.languages.map((code) => languageName(t, code)).join(", ")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}

function CentreActions({ centre }: { centre: Centre }) {
  const t = useT();
  const { me } = useViewer();
  const roles = viewerRoles(me);
  const [shareState, setShareState] = useState<"idle" | "copied" | "manual">("idle");
  const shareUrl = `${window.location.origin}/vaerested/${centre.id}`;
  const ownCentre = me?.memberships.some((membership) => membership.unit.id === centre.unitId) ?? false;
  const canIntroduce = (roles.isCaseworker || roles.isCentreStaff) && !ownCentre;

  const share = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
      setShareState("copied");
    } catch {
      setShareState("manual");
    }
  };

  return (
    <div className="centre-page__actions no-print">
      <div className="cluster" role="group" aria-label={t("directory.centre.actionsLabel")}>
        <Link to={`/vaerested/${centre.id}/kort`} className={buttonClassName("primary")}>
          {t("directory.centre.print")}
        </Link>
        <Button variant="secondary" onClick={() => void share()}>
          {t("directory.centre.share")}
        </Button>
        {canIntroduce && (
          <Link
            to={`/overleveringer/ny?til=${encodeURIComponent(centre.unitId)}&type=WARM_INTRODUCTION`}
            className={buttonClassName("secondary")}
            aria-describedby="warm-introduction-hint"
          >
            {t("directory.centre.warmIntroduction")}
          </Link>
        )}
      </div>
      {canIntroduce && (
        <p id="warm-introduction-hint" className="meta">
          {t("directory.centre.warmIntroductionHint")}
        </p>
      )}
      <div role="status" className="share-status">
        {shareState === "copied" && <p className="alert alert--success">{t("directory.centre.shareCopied")}</p>}
      </div>
      {shareState === "manual" && (
        <div>
          <p>{t("directory.centre.shareManual")}</p>
          <TextField label={t("directory.centre.shareLinkLabel")} value={shareUrl} readOnly onFocus={(event) => event.target.select()} />
        </div>
      )}
    </div>
  );
}
