// /besoeg: services book times at centres (J3); centre staff answer requests, see their week
// and set up spaces, windows and trust. What the page shows follows the viewer's active unit.
// Every change answers with the visits it made or changed, and the document cache reloads each
// list and week showing visits; lists that may be empty name Visit themselves.
import { useEffect, useMemo, useState } from "react";
import { useLocation, useSearchParams } from "wouter";
import { request, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { Tabs } from "../../ui/Tabs.tsx";
import { useViewer, type Me } from "../accounts/viewer.tsx";
import { BookingForm } from "./BookingForm.tsx";
import { CentreFeed, UnitFeeds } from "./CalendarFeeds.tsx";
import { CentreSettings } from "./CentreSettings.tsx";
import { addDays, localDate, mondayOf, zonedIso } from "../../i18n/zoned-time.ts";
import { CENTRE_WEEK_TYPENAMES, CentresForVisitsQuery, CentreVisitsQuery, CentreWeekQuery, ServiceVisitsQuery, ViewerCentresQuery, VisitWindowsQuery } from "./documents.ts";
import { VisitList } from "./VisitList.tsx";
import { UpcomingCollisions } from "./Collisions.tsx";
import { AreaWishes, CentreWishes, ServiceWishes } from "./Wishes.tsx";
import { WeekCalendar, type SlotPick } from "./WeekCalendar.tsx";
import "./visits.css";

type Unit = NonNullable<Me["activeUnit"]>;

export function VisitsPage() {
  const t = useT();
  const { me } = useViewer();
  useDocumentTitle(t("visits.title"));
  const unit = me?.activeUnit ?? null;
  const isAdmin = !!unit && !!me?.memberships.some((membership) => membership.unit.id === unit.id && membership.role === "UNIT_ADMIN");

  return (
    <>
      <PageHeading lead={t("visits.lead")}>{t("visits.title")}</PageHeading>
      {me === undefined ? (
        <LoadingRegion busy />
      ) : me === null ? (
        <EmptyState title={t("visits.signInTitle")} action={<Link to="/log-ind" className={buttonClassName("primary")}>{t("nav.signIn")}</Link>}>
          <p>{t("visits.signInBody")}</p>
        </EmptyState>
      ) : unit?.kind === "SERVICE" ? (
        <ServiceView unit={unit} />
      ) : unit?.kind === "CENTRE" ? (
        <CentreView unit={unit} isAdmin={isAdmin} />
      ) : me.isCoordinator ? (
        <AreaWishes />
      ) : (
        <EmptyState title={t("visits.noUnitTitle")}>
          <p>{t("visits.noUnitBody")}</p>
        </EmptyState>
      )}
    </>
  );
}

/** Centres with at least one visiting window, by name; windows are fetched per centre. */
function useBookableCentres() {
  const centres = useQuery(CentresForVisitsQuery);
  const [withWindows, setWithWindows] = useState<Set<string> | null>(null);
  const list = useMemo(() => centres.data?.centres.edges.map((edge) => edge.node) ?? [], [centres.data]);
  useEffect(() => {
    if (list.length === 0) return;
    let cancelled = false;
    // why: the API has no "centres with visiting windows" filter, so we ask each centre (tens of them).
    void Promise.all(list.map((centre) => request(VisitWindowsQuery, { centreId: centre.id }).then((data) => (data.visitWindows.length > 0 ? centre.id : null)).catch(() => null))).then(
      (ids) => {
        if (!cancelled) setWithWindows(new Set(ids.filter((id): id is string => id !== null)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [list]);
  const bookable = withWindows ? list.filter((centre) => withWindows.has(centre.id)).sort((a, b) => a.name.localeCompare(b.name, "da")) : null;
  return { all: list, bookable, loading: centres.loading || (list.length > 0 && !withWindows), error: centres.error };
}

function ServiceView({ unit }: { unit: Unit }) {
  const t = useT();
  const [pathname, navigate] = useLocation();
  const [searchParams] = useSearchParams();
  const centres = useBookableCentres();
  const centreId = searchParams.get("vaerested") ?? "";
  const centre = centres.bookable?.find((candidate) => candidate.id === centreId) ?? null;
  const [weekStart, setWeekStart] = useState(() => mondayOf(localDate()));
  const [slot, setSlot] = useState<SlotPick | null>(null);

  const chooseCentre = (id: string) => {
    setSlot(null);
    navigate(id ? `${pathname}?vaerested=${encodeURIComponent(id)}` : pathname, { replace: true });
  };

  return (
    <div className="stack">
      <section aria-labelledby="choose-centre-heading" className="stack">
        <h2 id="choose-centre-heading">{t("visits.service.chooseHeading")}</h2>
        <p>{t("visits.service.chooseIntro", { unit: unit.name })}</p>
        <LoadingRegion busy={centres.loading}>
          {centres.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
          {centres.bookable &&
            (centres.bookable.length === 0 ? (
              <p>{t("visits.service.noCentres")}</p>
            ) : (
              <SelectField
                label={t("visits.service.centre")}
                hint={t("visits.service.centreHint")}
                value={centre?.id ?? ""}
                onChange={(event) => chooseCentre(event.target.value)}
                placeholder={t("visits.service.chooseCentre")}
                options={centres.bookable.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              />
            ))}
        </LoadingRegion>
      </section>

      {centre && (
        <CentreWeekForService
          key={centre.id}
          centre={centre}
          unit={unit}
          weekStart={weekStart}
          onWeekChange={setWeekStart}
          slot={slot}
          onPickSlot={(picked) => {
            setSlot(picked);
            document.getElementById("booking-heading")?.scrollIntoView({ block: "start" });
            window.setTimeout(() => document.getElementById("booking-title")?.focus(), 0);
          }}
        />
      )}

      <ServiceWishes unit={unit} />

      <MyBookings unit={unit} />

      <section aria-labelledby="feeds-heading" className="stack">
        <h2 id="feeds-heading">{t("visits.feeds.heading")}</h2>
        {centre && <CentreFeed centreId={centre.id} centreName={centre.name} />}
        <UnitFeeds unitId={unit.id} unitName={unit.name} />
      </section>
    </div>
  );
}

type CentreSummary = { id: string; name: string };

function CentreWeekForService({
  centre,
  unit,
  weekStart,
  onWeekChange,
  slot,
  onPickSlot,
}: {
  centre: CentreSummary;
  unit: Unit;
  weekStart: string;
  onWeekChange: (week: string) => void;
  slot: SlotPick | null;
  onPickSlot: (slot: SlotPick) => void;
}) {
  const t = useT();
  const week = useQuery(CentreWeekQuery, { centreId: centre.id, weekOf: weekStart }, { additionalTypenames: CENTRE_WEEK_TYPENAMES });
  const mine = useQuery(ServiceVisitsQuery, { unitId: unit.id, from: zonedIso(weekStart, 0), to: zonedIso(addDays(weekStart, 7), 0) }, { additionalTypenames: ["Visit"] });

  const visits = useMemo(() => {
    const byId = new Map((week.data?.thisWeekAtCentre ?? []).map((visit) => [visit.id, visit]));
    for (const visit of mine.data?.serviceVisits ?? []) if (visit.centreId === centre.id) byId.set(visit.id, visit);
    return [...byId.values()];
  }, [week.data, mine.data, centre.id]);

  return (
    <>
      <section aria-labelledby="week-heading" className="stack">
        <h2 id="week-heading">{t("visits.calendar.heading", { centre: centre.name })}</h2>
        <p>{t("visits.calendar.serviceIntro")}</p>
        <LoadingRegion busy={week.loading}>
          {week.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
          {week.data && (
            <WeekCalendar
              headingId="week-heading"
              weekStart={weekStart}
              onWeekChange={onWeekChange}
              spaces={week.data.spaces}
              windows={week.data.visitWindows}
              closures={week.data.visitWindowClosures}
              visits={visits}
              onPickSlot={onPickSlot}
            />
          )}
        </LoadingRegion>
      </section>
      {week.data && (
        <Card>
          <BookingForm centreId={centre.id} centreName={centre.name} serviceUnitId={unit.id} spaces={week.data.spaces} slot={slot} />
        </Card>
      )}
    </>
  );
}

function MyBookings({ unit }: { unit: Unit }) {
  const t = useT();
  const today = localDate();
  const visits = useQuery(ServiceVisitsQuery, { unitId: unit.id, from: zonedIso(addDays(today, -1), 0), to: zonedIso(addDays(today, 360), 0) }, { additionalTypenames: ["Visit"] });
  const all = [...(visits.data?.serviceVisits ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const live = all.filter((visit) => visit.status === "CONFIRMED" || visit.status === "REQUESTED");
  const closed = all.filter((visit) => visit.status === "CANCELLED" || visit.status === "DECLINED" || visit.status === "EXPIRED");
  return (
    <section aria-labelledby="my-bookings-heading" className="stack">
      <h2 id="my-bookings-heading">{t("visits.mine.heading", { unit: unit.name })}</h2>
      <LoadingRegion busy={visits.loading && !visits.data}>
        {visits.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {visits.data && (
          <VisitList
            visits={live}
            side="service"
            empty={
              <EmptyState title={t("visits.mine.emptyTitle")} headingLevel={3}>
                <p>{t("visits.mine.emptyBody")}</p>
              </EmptyState>
            }
          />
        )}
        {closed.length > 0 && (
          <details>
            <summary>{t("visits.mine.closed", { count: closed.length })}</summary>
            <VisitList visits={closed} side="service" headingLevel={3} />
          </details>
        )}
      </LoadingRegion>
    </section>
  );
}

function CentreView({ unit, isAdmin }: { unit: Unit; isAdmin: boolean }) {
  const t = useT();
  const centres = useQuery(ViewerCentresQuery);
  const centre = centres.data?.me?.memberships.find((membership) => membership.unit.id === unit.id)?.unit.centre ?? null;
  const [weekStart, setWeekStart] = useState(() => mondayOf(localDate()));
  if (centres.loading && !centres.data) return <LoadingRegion busy />;
  if (!centre) return <Alert tone="error">{t("visits.centre.notFound")}</Alert>;

  const tabs = [
    {
      id: "requests",
      label: t("visits.centre.requestsTab"),
      content: (
        <div className="stack">
          <UpcomingCollisions centreId={centre.id} />
          <Requests centre={centre} />
        </div>
      ),
    },
    { id: "wishes", label: t("visits.centre.wishesTab"), content: <CentreWishes centreId={centre.id} /> },
    { id: "week", label: t("visits.centre.weekTab"), content: <CentreWeek centre={centre} weekStart={weekStart} onWeekChange={setWeekStart} /> },
    ...(isAdmin ? [{ id: "settings", label: t("visits.centre.settingsTab"), content: <CentreSettings centreId={centre.id} weekOf={weekStart} /> }] : []),
    {
      id: "feeds",
      label: t("visits.feeds.heading"),
      content: (
        <div className="stack">
          <CentreFeed centreId={centre.id} centreName={centre.name} />
          <UnitFeeds unitId={unit.id} unitName={unit.name} />
        </div>
      ),
    },
  ];
  return (
    <div className="stack">
      <p>{t("visits.centre.intro", { centre: centre.name })}</p>
      {!isAdmin && <p className="field__hint">{t("visits.centre.adminOnly")}</p>}
      <Tabs label={t("visits.centre.tabsLabel")} tabs={tabs} />
    </div>
  );
}

function Requests({ centre }: { centre: CentreSummary }) {
  const t = useT();
  const today = localDate();
  const visits = useQuery(CentreVisitsQuery, { centreId: centre.id, from: zonedIso(today, 0), to: zonedIso(addDays(today, 360), 0) }, { additionalTypenames: ["Visit"] });
  const requested = (visits.data?.centreVisits ?? []).filter((visit) => visit.status === "REQUESTED").sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section aria-labelledby="requests-heading" className="stack">
      <h2 id="requests-heading">{t("visits.centre.requestsHeading")}</h2>
      <LoadingRegion busy={visits.loading && !visits.data}>
        {visits.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {visits.data && (
          <VisitList
            visits={requested}
            side="centre"
            canAnswer
            empty={
              <EmptyState title={t("visits.centre.noRequests")} headingLevel={3}>
                <p>{t("visits.centre.noRequestsBody")}</p>
              </EmptyState>
            }
          />
        )}
      </LoadingRegion>
    </section>
  );
}

function CentreWeek({ centre, weekStart, onWeekChange }: { centre: CentreSummary; weekStart: string; onWeekChange: (week: string) => void }) {
  const t = useT();
  const week = useQuery(CentreWeekQuery, { centreId: centre.id, weekOf: weekStart }, { additionalTypenames: CENTRE_WEEK_TYPENAMES });
  const visits = useQuery(CentreVisitsQuery, { centreId: centre.id, from: zonedIso(weekStart, 0), to: zonedIso(addDays(weekStart, 7), 0) }, { additionalTypenames: ["Visit"] });
  const list = [...(visits.data?.centreVisits ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const live = list.filter((visit) => visit.status === "CONFIRMED" || visit.status === "REQUESTED");
  return (
    <section aria-labelledby="centre-week-heading" className="stack">
      <h2 id="centre-week-heading">{t("visits.calendar.heading", { centre: centre.name })}</h2>
      <LoadingRegion busy={week.loading || visits.loading}>
        {(week.error || visits.error) && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {week.data && visits.data && (
          <>
            <WeekCalendar
              headingId="centre-week-heading"
              weekStart={weekStart}
              onWeekChange={onWeekChange}
              spaces={week.data.spaces}
              windows={week.data.visitWindows}
              closures={week.data.visitWindowClosures}
              visits={visits.data.centreVisits}
            />
            <h3>{t("visits.centre.weekList")}</h3>
            <VisitList visits={live} side="centre" canAnswer headingLevel={4} empty={<p>{t("visits.centre.weekEmpty")}</p>} />
          </>
        )}
      </LoadingRegion>
    </section>
  );
}
